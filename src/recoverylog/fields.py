"""Turning typed text (command-line options, form fields) into values; errors name the field.

Shared by the CLI and the TUI so both refuse the same input with the same words.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from recoverylog.errors import InvalidInput

HALT_LETTERS = {"h": "hungry", "a": "angry", "l": "lonely", "t": "tired"}


def day(option: str, text: str | None, today: date) -> date | None:
    """``YYYY-MM-DD``, ``today``, ``yesterday`` or ``-N`` (N days ago)."""
    if text is None:
        return None
    value = text.strip().lower()
    if value == "today":
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    if value.startswith("-") and value[1:].isdigit():
        try:
            return today - timedelta(days=int(value[1:]))
        except (OverflowError, ValueError):
            raise InvalidInput(option, f"goes back too far (got {text!r})") from None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            option, f"must be a date like 2024-03-01, 'today', 'yesterday' or -3 (got {text!r})"
        ) from None


def moment(option: str, text: str | None, now: datetime) -> datetime | None:
    """``HH:MM`` (today), ``YYYY-MM-DD HH:MM`` or full ISO 8601; local time zone if none given."""
    if text is None:
        return None
    value = text.strip()
    try:
        if len(value) <= 5 and ":" in value:
            parsed = datetime.combine(now.date(), time.fromisoformat(value.zfill(5)))
        else:
            parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            option, f"must be a time like 21:30 or 2024-03-01 21:30 (got {text!r})"
        ) from None
    return parsed if parsed.tzinfo else parsed.astimezone()


def integer(option: str, text: str | None, lo: int, hi: int) -> int | None:
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        raise InvalidInput(option, f"must be a whole number {lo}-{hi} (got {text!r})") from None
    if not lo <= value <= hi:
        raise InvalidInput(option, f"must be {lo}-{hi} (got {value})")
    return value


def decimal(option: str, text: str | None, lo: float, hi: float) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidInput(option, f"must be a number (got {text!r})") from None
    if not value.is_finite() or not lo <= value <= hi:
        raise InvalidInput(option, f"must be {lo:g}-{hi:g} (got {text})")
    return value


def words(values: list[str] | None) -> list[str]:
    """Repeatable options that also accept commas: ``--trigger a,b --trigger c``."""
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip().lower() for part in value.split(",") if part.strip())
    return list(dict.fromkeys(out))


def halt(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    states = []
    for part in words([text]):
        state = HALT_LETTERS.get(part, part)
        if state not in HALT_LETTERS.values():
            raise InvalidInput(
                "--halt", f"must be among h,a,l,t or hungry, angry, lonely, tired (got {part!r})"
            )
        states.append(state)
    return tuple(s for s in HALT_LETTERS.values() if s in states)


def triggers(values: list[str] | None, option: str = "--trigger") -> tuple[str, ...]:
    from recoverylog.domain.vocab import HALT, TRIGGERS

    out = []
    for part in words(values):
        value = part.replace(" ", "-").replace("_", "-")
        value = {"h": HALT[0], "a": HALT[1], "l": HALT[2], "t": HALT[3]}.get(value, value)
        if value not in TRIGGERS:
            raise InvalidInput(option, f"must be among {', '.join(TRIGGERS)} (got {part!r})")
        out.append(value)
    return tuple(dict.fromkeys(out))


def meeting(text: str | None) -> tuple[str, str] | None:
    """``AA``, ``smart:online``, ``NA-in-person``..."""
    from recoverylog.domain.models import MEETING_MODES, MEETING_TYPES

    if text is None:
        return None
    value = text.strip()
    kind, _, mode = value.replace(":", " ").replace("/", " ").partition(" ")
    if not mode and "-" in kind:
        kind, _, mode = kind.partition("-")
    by_lower = {t.lower(): t for t in MEETING_TYPES}
    if kind.lower() not in by_lower:
        raise InvalidInput(
            "--meeting",
            f"must be one of {', '.join(MEETING_TYPES)}, optionally :online (got {text!r})",
        )
    mode = (mode or "in-person").strip().lower().replace(" ", "-")
    if mode == "inperson":
        mode = "in-person"
    if mode not in MEETING_MODES:
        raise InvalidInput("--meeting", f"mode must be in-person or online (got {mode!r})")
    return by_lower[kind.lower()], mode


def text_arg(option: str, value: str | None) -> str | None:
    """``-`` reads the text from standard input, so it never appears in argv."""
    if value == "-":
        return sys.stdin.read().rstrip("\n")
    return value
