"""Which journal day a moment belongs to: the local calendar date, shifted by the rollover hour.

Days are calendar days in the user's local time zone at the time of entry (SPEC section 3).
With a rollover hour of 4, an entry at 01:30 belongs to the previous day (SPEC section 2).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

MAX_ROLLOVER_HOUR = 6


def check_rollover_hour(rollover_hour: int) -> int:
    """Return ``rollover_hour`` if it is a whole hour from 0 to 6, else raise ValueError."""
    if (
        isinstance(rollover_hour, bool)
        or not isinstance(rollover_hour, int)
        or not 0 <= rollover_hour <= MAX_ROLLOVER_HOUR
    ):
        raise ValueError(
            f"rollover hour must be a whole hour from 0 to {MAX_ROLLOVER_HOUR}, "
            f"not {rollover_hour!r}"
        )
    return rollover_hour


def local_day(moment: datetime, rollover_hour: int = 0) -> date:
    """The journal day of an aware ``moment`` in the system's local time zone.

    The moment is converted with ``moment.astimezone()``; if the local wall-clock hour is
    before ``rollover_hour`` the moment belongs to the previous day. Naive datetimes are
    refused (ValueError): a day cannot be told without knowing the zone.
    """
    check_rollover_hour(rollover_hour)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a naive datetime has no time zone; pass a timezone-aware moment")
    local = moment.astimezone()
    day = local.date()
    if local.hour < rollover_hour:
        day -= timedelta(days=1)
    return day


def today(now: datetime | None = None, rollover_hour: int = 0) -> date:
    """The current journal day (``now`` defaults to the local current moment)."""
    moment = datetime.now().astimezone() if now is None else now
    return local_day(moment, rollover_hour)
