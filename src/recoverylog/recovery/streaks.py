"""Sober runs, day counts, sober-day rates and check-in streaks (SPEC section 3), from dates only.

Conventions shared by every function here:

- ``started_on`` is the first sober day; ``today`` is the current journal day.
- A slip on day S means S was not a sober day; the next run starts on S + 1.
- Slip days are de-duplicated, slips after ``today`` are ignored, and a slip before
  ``started_on`` is refused with ValueError.
- Day counts are whole elapsed days: today itself is not counted until it is over, so every
  count is 0 on the first day.
- A track whose ``started_on`` is after ``today`` (a clock set in another time zone) has not
  started yet: every count is 0 and every rate is 0.0; nothing raises.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

DayStatus = Literal["before", "sober", "slip", "future"]
"""How a calendar (Timeline Followback) shows one day of a track."""

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Run:
    """One sober run, from ``start`` up to ``end``, the slip day that ended it (exclusive).

    ``end`` is None for the current run. After a slip today the current run starts tomorrow.
    """

    start: date
    end: date | None

    def days(self, today: date) -> int:
        """Sober days in the run: ``end - start`` when finished, ``today - start`` (never
        negative) for the current run."""
        stop = today if self.end is None else self.end
        return max(0, (stop - self.start).days)


def normalize_slips(started_on: date, slip_days: Iterable[date], today: date) -> tuple[date, ...]:
    """Distinct slip days up to ``today``, sorted; ValueError for a slip before ``started_on``."""
    distinct = set(slip_days)
    early = [day for day in distinct if day < started_on]
    if early:
        raise ValueError(f"a slip on {min(early)} is before the track started on {started_on}")
    return tuple(sorted(day for day in distinct if day <= today))


@dataclass(frozen=True)
class TrackHistory:
    """A track's history, normalised once: ask it for runs, counts and rates without re-sorting.

    Build it with :meth:`of`; ``slips`` must be sorted, distinct and within
    ``[started_on, today]``.
    """

    started_on: date
    slips: tuple[date, ...]
    today: date

    def __post_init__(self) -> None:
        previous: date | None = None
        for day in self.slips:
            if (
                day < self.started_on
                or day > self.today
                or (previous is not None and day <= previous)
            ):
                raise ValueError("slips must be sorted, distinct and within [started_on, today]")
            previous = day

    @classmethod
    def of(cls, started_on: date, slip_days: Iterable[date], today: date) -> TrackHistory:
        """Normalise raw slip days (see :func:`normalize_slips`)."""
        return cls(started_on, normalize_slips(started_on, slip_days, today), today)

    def runs(self) -> list[Run]:
        """Every run in order: one per slip (possibly 0 days long) plus the current run."""
        result: list[Run] = []
        start = self.started_on
        for slip in self.slips:
            result.append(Run(start, slip))
            start = slip + ONE_DAY
        result.append(Run(start, None))
        return result

    def current_start(self) -> date:
        """First day of the current run (tomorrow when the last slip is today)."""
        return self.slips[-1] + ONE_DAY if self.slips else self.started_on

    def current_days(self) -> int:
        return max(0, (self.today - self.current_start()).days)

    def longest_days(self) -> int:
        return max(run.days(self.today) for run in self.runs())

    def total_sober_days(self) -> int:
        elapsed = (self.today - self.started_on).days
        if elapsed <= 0:
            return 0
        return elapsed - bisect_left(self.slips, self.today)

    def slips_between(self, first: date, last: date) -> int:
        """Number of distinct slip days in ``[first, last]``."""
        if first > last:
            return 0
        return bisect_right(self.slips, last) - bisect_left(self.slips, first)

    def rate_between(self, start: date, end: date) -> float | None:
        """Share of sober days in ``[max(start, started_on), min(end, today)]``; None if empty."""
        first = max(start, self.started_on)
        last = min(end, self.today)
        if first > last:
            return None
        span = (last - first).days + 1
        return (span - self.slips_between(first, last)) / span

    def rate(self, days: int = 30) -> float:
        """Share of sober days over the last ``days`` days, today included."""
        if days < 1:
            raise ValueError(f"a sober-day rate needs a window of at least 1 day, not {days}")
        if (self.today - self.started_on).days < days:
            first = self.started_on
        else:
            first = self.today - timedelta(days=days - 1)
        rate = self.rate_between(first, self.today)
        return 0.0 if rate is None else rate

    def status(self, day: date) -> DayStatus:
        """How ``day`` shows on a calendar: before the track, sober, a slip, or not yet lived."""
        if day > self.today:
            return "future"
        if day < self.started_on:
            return "before"
        index = bisect_left(self.slips, day)
        if index < len(self.slips) and self.slips[index] == day:
            return "slip"
        return "sober"


def sober_runs(started_on: date, slip_days: Iterable[date], today: date) -> list[Run]:
    """The runs separated by slips, oldest first; the last one is current (``end`` None)."""
    return TrackHistory.of(started_on, slip_days, today).runs()


def current_days(started_on: date, slip_days: Iterable[date], today: date) -> int:
    """``today - start_of_current_run`` in whole days: 0 on the first day, never negative."""
    return TrackHistory.of(started_on, slip_days, today).current_days()


def longest_days(started_on: date, slip_days: Iterable[date], today: date) -> int:
    """The longest run; a finished run from A to a slip on S counts S - A days."""
    return TrackHistory.of(started_on, slip_days, today).longest_days()


def total_sober_days(started_on: date, slip_days: Iterable[date], today: date) -> int:
    """``(today - started_on)`` minus the distinct slip days in ``[started_on, today)``."""
    return TrackHistory.of(started_on, slip_days, today).total_sober_days()


def sober_rate(started_on: date, slip_days: Iterable[date], today: date, days: int = 30) -> float:
    """Share of sober days in ``[today - days + 1, today]`` from ``started_on`` on, in 0.0..1.0.

    Today counts as sober unless it has a slip.
    """
    return TrackHistory.of(started_on, slip_days, today).rate(days)


def sober_rate_between(
    started_on: date, slip_days: Iterable[date], start: date, end: date, today: date
) -> float | None:
    """Share of sober days in ``[max(start, started_on), min(end, today)]``; None if empty."""
    return TrackHistory.of(started_on, slip_days, today).rate_between(start, end)


def day_status(started_on: date, slip_days: Iterable[date], day: date, today: date) -> DayStatus:
    """``"before"`` the track, ``"sober"``, ``"slip"`` or ``"future"`` (after today)."""
    return TrackHistory.of(started_on, slip_days, today).status(day)


def day_statuses(
    started_on: date, slip_days: Iterable[date], first: date, last: date, today: date
) -> dict[date, DayStatus]:
    """:func:`day_status` for every day in ``[first, last]``, in order (a whole calendar)."""
    history = TrackHistory.of(started_on, slip_days, today)
    result: dict[date, DayStatus] = {}
    day = first
    while day <= last:
        result[day] = history.status(day)
        if day == date.max:
            break
        day += ONE_DAY
    return result


def checkin_streak(checkin_days: Iterable[date], today: date) -> int:
    """Consecutive days with a check-in, ending today if today has one, else ending yesterday."""
    days = set(checkin_days)
    if today not in days:
        if today == date.min:
            return 0
        today -= ONE_DAY
    streak = 0
    day = today
    while day in days:
        streak += 1
        if day == date.min:
            break
        day -= ONE_DAY
    return streak
