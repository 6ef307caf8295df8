"""Milestones of a sober run: calendar-month arithmetic and the celebration schedule.

From a run that starts on day D: 1 day, 1 week, 30, 60 and 90 days, then 6 and 9 calendar
months, 1 year, 18 months, then every yearly anniversary (SPEC section 3). A calendar month
after D falls on the same day of the month, clamped to the month's last day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

_BY_DAYS: tuple[tuple[str, int], ...] = (
    ("1 day", 1),
    ("1 week", 7),
    ("30 days", 30),
    ("60 days", 60),
    ("90 days", 90),
)
_BY_MONTHS: tuple[tuple[str, int], ...] = (
    ("6 months", 6),
    ("9 months", 9),
    ("1 year", 12),
    ("18 months", 18),
)
_FIRST_YEARLY = 2


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by ``months`` calendar months (may be negative), same day of the month,
    clamped to the month's last day: Jan 31 + 1 = Feb 28/29; Feb 29 + 12 = Feb 28."""
    year, month_index = divmod(d.year * 12 + (d.month - 1) + months, 12)
    month = month_index + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"{d} + {months} months is outside the calendar")
    last_day = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(d.day, last_day))


@dataclass(frozen=True)
class Milestone:
    """A named milestone of a run and the day it is reached."""

    label: str
    date: dt.date

    def days_left(self, today: dt.date) -> int:
        """Days from ``today`` to the milestone (negative once it is past)."""
        return (self.date - today).days


def schedule(run_start: dt.date) -> Iterator[Milestone]:
    """Every milestone of a run starting on ``run_start``, in date order, without end.

    Yearly anniversaries are each computed from ``run_start`` (never from the previous one), so
    a run that starts on Feb 29 comes back to Feb 29 in leap years. The schedule stops quietly
    at the end of the calendar (year 9999).
    """
    try:
        for label, days in _BY_DAYS:
            yield Milestone(label, run_start + dt.timedelta(days=days))
        for label, months in _BY_MONTHS:
            yield Milestone(label, add_months(run_start, months))
        years = _FIRST_YEARLY
        while True:
            yield Milestone(f"{years} years", add_months(run_start, 12 * years))
            years += 1
    except (OverflowError, ValueError):
        return


def milestones(run_start: dt.date, until: dt.date) -> list[Milestone]:
    """Every milestone of the run dated on or before ``until``, in order."""
    result: list[Milestone] = []
    for milestone in schedule(run_start):
        if milestone.date > until:
            break
        result.append(milestone)
    return result


def next_milestone(run_start: dt.date, today: dt.date) -> Milestone:
    """The first milestone of the run dated after ``today``."""
    for milestone in schedule(run_start):
        if milestone.date > today:
            return milestone
    raise ValueError(f"no milestone after {today} fits in the calendar")


def reached_on(run_start: dt.date, day: dt.date) -> Milestone | None:
    """The milestone that falls exactly on ``day``, if any (for a quiet celebration)."""
    for milestone in schedule(run_start):
        if milestone.date == day:
            return milestone
        if milestone.date > day:
            return None
    return None
