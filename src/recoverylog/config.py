"""Non-secret preferences in a plain ``config.toml``, readable before unlocking.

Theme, crisis region, auto-lock minutes and the day-rollover hour live here so that the lock
screen and ``crisis`` can use them. Everything personal is sealed in the journal instead.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from recoverylog.errors import InvalidInput, StorageError

THEMES = ("textual-dark", "textual-light", "high-contrast")


@dataclass(frozen=True)
class Config:
    theme: str = "textual-dark"
    region: str | None = None
    auto_lock_minutes: int = 10
    rollover_hour: int = 0

    def validate(self) -> None:
        if self.theme not in THEMES:
            raise InvalidInput("theme", f"must be one of {', '.join(THEMES)} (got {self.theme!r})")
        if not 0 <= self.auto_lock_minutes <= 240:
            raise InvalidInput(
                "auto_lock_minutes",
                f"must be 0-240, 0 meaning never (got {self.auto_lock_minutes})",
            )
        if not 0 <= self.rollover_hour <= 6:
            raise InvalidInput("rollover_hour", f"must be 0-6 (got {self.rollover_hour})")


def load_config(path: Path) -> Config:
    """Read the config; a missing file gives the defaults, a broken one a clear message."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise StorageError(f"could not read {path}: {exc.strerror or exc}") from None
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(str(path), f"is not valid TOML ({exc})") from None
    known = {f.name: f for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in doc.items():
        if key not in known:
            raise InvalidInput(f"{path}: {key}", f"is not a setting (known: {', '.join(known)})")
        values[key] = value
    for key in ("auto_lock_minutes", "rollover_hour"):
        if key in values and (not isinstance(values[key], int) or isinstance(values[key], bool)):
            raise InvalidInput(f"{path}: {key}", "must be a whole number")
    for key in ("theme", "region"):
        if key in values and not isinstance(values[key], str):
            raise InvalidInput(f"{path}: {key}", "must be text")
    config = Config(**values)
    config.validate()
    return config


def save_config(path: Path, config: Config) -> None:
    import tomli_w

    from recoverylog.paths import ensure_private_dir, write_private_bytes

    config.validate()
    doc = {k: v for k, v in asdict(config).items() if v is not None}
    ensure_private_dir(path.parent)
    write_private_bytes(path, tomli_w.dumps(doc).encode("utf-8"), force=True)
