"""Field checks shared by every entity: each refusal names the field and what is allowed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from recoverylog.errors import InvalidInput

MAX_TEXT = 100_000
MAX_SHORT_TEXT = 200


def check_int(field: str, value: int | None, lo: int, hi: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(field, f"must be a whole number {lo}-{hi} (got {value!r})")
    if not lo <= value <= hi:
        raise InvalidInput(field, f"must be {lo}-{hi} (got {value})")


def check_number(field: str, value: Decimal | float | None, lo: float, hi: float) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidInput(field, f"must be a number {lo:g}-{hi:g} (got {value!r})")
    if value != value or not lo <= float(value) <= hi:  # NaN fails too
        raise InvalidInput(field, f"must be {lo:g}-{hi:g} (got {value})")


def check_text(
    field: str, value: str | None, limit: int = MAX_TEXT, *, required: bool = False
) -> None:
    if value is None or value == "":
        if required:
            raise InvalidInput(field, "must not be empty")
        return
    if not isinstance(value, str):
        raise InvalidInput(field, f"must be text (got {type(value).__name__})")
    if required and not value.strip():
        raise InvalidInput(field, "must not be empty")
    if len(value) > limit:
        raise InvalidInput(field, f"must be at most {limit:,} characters (got {len(value):,})")
    if "\x00" in value:
        raise InvalidInput(field, "must not contain NUL characters")


def check_choice(field: str, value: str | None, allowed: Iterable[str]) -> None:
    if value is None:
        return
    options = tuple(allowed)
    if value not in options:
        raise InvalidInput(field, f"must be one of {', '.join(options)} (got {value!r})")


def check_choices(field: str, values: Iterable[str], allowed: Iterable[str]) -> None:
    options = tuple(allowed)
    for value in values:
        if value not in options:
            raise InvalidInput(field, f"must be among {', '.join(options)} (got {value!r})")


def check_not_future(field: str, day: date, today: date) -> None:
    if day > today:
        raise InvalidInput(
            field, f"must not be in the future (got {day.isoformat()}, today is {today})"
        )


def check_aware(field: str, moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(field, "must include a time zone")


def parse_date(field: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InvalidInput(field, f"must be a date like 2024-03-01 (got {text!r})") from None
