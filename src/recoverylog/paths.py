"""Where the journal lives (platformdirs, or an override) and how files are created safely."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from recoverylog.errors import AlreadyExists, StorageError

APP_NAME = "recoverylog"
ENV_DATA_DIR = "RECOVERYLOG_DATA_DIR"
DB_NAME = "journal.db"
CONFIG_NAME = "config.toml"
BACKUP_DIR_NAME = "backups"


@dataclass(frozen=True)
class Locations:
    """The data dir (journal, backups) and the config file's path."""

    data_dir: Path
    config_file: Path

    @property
    def db(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def backups(self) -> Path:
        return self.data_dir / BACKUP_DIR_NAME


def locate(data_dir: str | os.PathLike[str] | None = None) -> Locations:
    """``--data-dir``, else ``RECOVERYLOG_DATA_DIR``, else the platform's user data dir.

    With an override, ``config.toml`` lives in the data dir itself; otherwise in the
    platform's user config dir.
    """
    override = data_dir if data_dir is not None else os.environ.get(ENV_DATA_DIR) or None
    if override is not None:
        base = Path(override).expanduser()
        return Locations(base, base / CONFIG_NAME)
    import platformdirs

    return Locations(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME,
    )


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) with mode 0700; warn if an existing one is readable by others."""
    try:
        if path.exists():
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                print(
                    f"warning: {path} can be read by other users (mode {mode:o}); "
                    f"consider: chmod 700 {path}",
                    file=sys.stderr,
                )
            return
        path.mkdir(parents=True, mode=0o700)
        os.chmod(path, 0o700)
    except OSError as exc:
        raise StorageError(f"could not create the folder {path}: {exc.strerror or exc}") from None


def create_private_file(path: Path) -> int:
    """Create a new file with O_EXCL and mode 0600 (whatever the umask); return its fd."""
    try:
        fd = os.open(
            path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600
        )
    except FileExistsError:
        raise AlreadyExists(f"{path} already exists") from None
    except OSError as exc:
        raise StorageError(f"could not create {path}: {exc.strerror or exc}") from None
    os.fchmod(fd, 0o600)
    return fd


@contextlib.contextmanager
def atomic_private_write(path: Path, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary 0600 path next to ``path``; on success it replaces ``path`` atomically.

    Refuses to overwrite an existing file unless ``force``. On any error the temp file is
    removed and ``path`` is untouched.
    """
    if path.exists() and not force:
        raise AlreadyExists(f"{path} already exists (use --force to replace it)")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise StorageError(f"the folder {parent} does not exist")
    tmp = parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    os.close(create_private_file(tmp))
    try:
        yield tmp
        os.chmod(tmp, 0o600)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_private_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600."""
    with atomic_private_write(path, force=force) as tmp:
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
        except OSError as exc:
            raise StorageError(f"could not write {path}: {exc.strerror or exc}") from None


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
