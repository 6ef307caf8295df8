"""Sober-day counting against a brute-force, day-by-day model (SPEC section 3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoverylog.recovery.milestones import (
    next_milestone,
)
from recoverylog.recovery.stats import savings, track_numbers
from recoverylog.recovery.streaks import (
    Run,
    checkin_streak,
    current_days,
    day_status,
    day_statuses,
    longest_days,
    sober_rate,
    sober_rate_between,
    sober_runs,
    total_sober_days,
)

ONE = timedelta(days=1)


# --------------------------------------------------------------------------- the model


def each_day(first: date, last: date) -> list[date]:
    """Every day from first to last, inclusive, by walking."""
    days = []
    day = first
    while day <= last:
        days.append(day)
        day += ONE
    return days


@dataclass
class Model:
    """A track walked one day at a time: each day from started_on to today is sober or a slip."""

    started_on: date
    slips: list[date]
    today: date

    def is_slip(self, day: date) -> bool:
        return any(s == day for s in self.slips)

    def runs(self) -> list[tuple[date, date | None]]:
        runs: list[tuple[date, date | None]] = []
        start = self.started_on
        for day in each_day(self.started_on, self.today):
            if self.is_slip(day):
                runs.append((start, day))
                start = day + ONE
        runs.append((start, None))
        return runs

    def run_days(self, start: date, end: date | None) -> int:
        """Count the days of a run one at a time (today itself is not over yet)."""
        stop = self.today if end is None else end
        return sum(1 for _ in each_day(start, stop - ONE))

    def current(self) -> int:
        start, end = self.runs()[-1]
        return self.run_days(start, end)

    def longest(self) -> int:
        return max(self.run_days(start, end) for start, end in self.runs())

    def total(self) -> int:
        return sum(1 for d in each_day(self.started_on, self.today - ONE) if not self.is_slip(d))

    def rate_over(self, first: date, last: date) -> float | None:
        days = [d for d in each_day(first, last) if self.started_on <= d <= self.today]
        if not days:
            return None
        return sum(1 for d in days if not self.is_slip(d)) / len(days)

    def rate(self, window: int) -> float:
        rate = self.rate_over(self.today - timedelta(days=window - 1), self.today)
        assert rate is not None
        return rate


# --------------------------------------------------------------------------- strategies

starts = st.dates(min_value=date(1999, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def histories(draw: st.DrawFn) -> tuple[date, list[date], date]:
    """A start, a today 0..800 days later, and slips (duplicates, unsorted, some after today)."""
    started_on = draw(starts)
    span = draw(st.integers(0, 800))
    today = started_on + timedelta(days=span)
    offsets = draw(st.lists(st.integers(0, span + 30), max_size=25))
    if draw(st.booleans()) and offsets:
        offsets += draw(st.lists(st.sampled_from(offsets), max_size=5))  # same-day duplicates
    if draw(st.booleans()):
        offsets.append(span)  # a slip today
    slips = [started_on + timedelta(days=o) for o in offsets]
    return started_on, draw(st.permutations(slips)), today


# --------------------------------------------------------------------------- against the model


@given(histories())
def test_runs_match_model(history: tuple[date, list[date], date]) -> None:
    started_on, slips, today = history
    model = Model(started_on, slips, today)
    runs = sober_runs(started_on, slips, today)
    assert [(r.start, r.end) for r in runs] == model.runs()
    assert [r.days(today) for r in runs] == [model.run_days(s, e) for s, e in model.runs()]
    assert runs[0].start == started_on
    assert runs[-1].end is None


@given(histories())
def test_counts_match_model(history: tuple[date, list[date], date]) -> None:
    started_on, slips, today = history
    model = Model(started_on, slips, today)
    assert current_days(started_on, slips, today) == model.current()
    assert longest_days(started_on, slips, today) == model.longest()
    assert total_sober_days(started_on, slips, today) == model.total()


@given(histories(), st.integers(1, 120))
def test_rate_matches_model(history: tuple[date, list[date], date], window: int) -> None:
    started_on, slips, today = history
    model = Model(started_on, slips, today)
    rate = sober_rate(started_on, slips, today, days=window)
    assert rate == pytest.approx(model.rate(window))
    assert 0.0 <= rate <= 1.0


@given(histories(), st.integers(-60, 900), st.integers(-30, 400))
def test_rate_between_matches_model(
    history: tuple[date, list[date], date], offset: int, length: int
) -> None:
    started_on, slips, today = history
    start = started_on + timedelta(days=offset)
    end = start + timedelta(days=length)
    expected = Model(started_on, slips, today).rate_over(start, end)
    got = sober_rate_between(started_on, slips, start, end, today)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


@given(histories(), st.integers(-20, 850))
def test_day_status_matches_model(history: tuple[date, list[date], date], offset: int) -> None:
    started_on, slips, today = history
    day = started_on + timedelta(days=offset)
    model = Model(started_on, slips, today)
    if day > today:
        expected = "future"
    elif day < started_on:
        expected = "before"
    else:
        expected = "slip" if model.is_slip(day) else "sober"
    assert day_status(started_on, slips, day, today) == expected


@given(histories())
def test_calendar_agrees_with_day_status(history: tuple[date, list[date], date]) -> None:
    started_on, slips, today = history
    first, last = started_on - timedelta(days=3), today + timedelta(days=3)
    calendar = day_statuses(started_on, slips, first, last, today)
    assert list(calendar) == each_day(first, last)
    assert all(calendar[d] == day_status(started_on, slips, d, today) for d in calendar)


@given(
    st.lists(st.integers(-40, 5), max_size=40),
    st.dates(min_value=date(1999, 1, 1), max_value=date(2030, 12, 31)),
)
def test_checkin_streak_matches_model(offsets: list[int], today: date) -> None:
    days = [today + timedelta(days=o) for o in offsets]
    end = today if today in days else today - ONE
    expected = 0
    while end in days:
        expected += 1
        end -= ONE
    assert checkin_streak(days, today) == expected


@given(histories(), st.integers(0, 3), st.integers(0, 3))
def test_track_numbers_agree_with_the_functions(
    history: tuple[date, list[date], date], cost_cents: int, quarter_hours: int
) -> None:
    started_on, slips, today = history
    cost = Decimal(cost_cents) / 4 + Decimal("0.33")
    hours = Decimal(quarter_hours) / 4
    model = Model(started_on, slips, today)
    numbers = track_numbers(started_on, iter(slips), today, cost, hours)
    assert numbers.current_days == model.current()
    assert numbers.longest_days == model.longest()
    assert numbers.total_sober_days == model.total()
    assert numbers.sober_rate_30 == pytest.approx(model.rate(30))
    assert numbers.sober_rate_90 == pytest.approx(model.rate(90))
    assert numbers.slips == len({s for s in slips if s <= today})
    assert numbers.next_milestone == next_milestone(model.runs()[-1][0], today)
    assert numbers.money_saved == (cost * model.current()).quantize(Decimal("0.01"))
    assert numbers.money_saved_total == savings(cost, model.total())
    assert numbers.hours_saved == hours * model.current()
    assert numbers.hours_saved_total == hours * model.total()


# --------------------------------------------------------------------------- invariants


@given(histories())
def test_invariants(history: tuple[date, list[date], date]) -> None:
    started_on, slips, today = history
    runs = sober_runs(started_on, slips, today)
    total = total_sober_days(started_on, slips, today)
    assert 0 <= total <= (today - started_on).days
    assert 0 <= current_days(started_on, slips, today) <= longest_days(started_on, slips, today)
    assert sum(r.days(today) for r in runs) == total
    assert len(runs) == len({s for s in slips if s <= today}) + 1


@given(histories(), st.integers(0, 830))
def test_a_back_dated_slip_only_re_splits_the_runs(
    history: tuple[date, list[date], date], offset: int
) -> None:
    started_on, slips, today = history
    new = started_on + timedelta(days=offset)
    before_runs = sober_runs(started_on, slips, today)
    after_runs = sober_runs(started_on, [*slips, new], today)
    before_total = total_sober_days(started_on, slips, today)
    after_total = total_sober_days(started_on, [*slips, new], today)
    assert before_total - 1 <= after_total <= before_total
    if new > today or new in slips:
        assert after_runs == before_runs and after_total == before_total
        return
    # The runs that ended before the new slip are untouched; the one holding it is split.
    kept = [r for r in before_runs if r.end is not None and r.end < new]
    assert after_runs[: len(kept)] == kept
    assert len(after_runs) == len(before_runs) + 1
    assert after_total == before_total - (1 if new < today else 0)
    assert longest_days(started_on, [*slips, new], today) <= longest_days(started_on, slips, today)


@given(histories(), st.integers(0, 830), st.integers(1, 120))
def test_adding_a_slip_never_raises_the_rate(
    history: tuple[date, list[date], date], offset: int, window: int
) -> None:
    started_on, slips, today = history
    more = [*slips, started_on + timedelta(days=offset)]
    assert sober_rate(started_on, more, today, window) <= sober_rate(
        started_on, slips, today, window
    )
    before = sober_rate_between(started_on, slips, started_on, today, today)
    after = sober_rate_between(started_on, more, started_on, today, today)
    assert before is not None and after is not None and after <= before


@given(histories(), st.integers(1, 400))
def test_a_slip_before_the_start_is_refused(
    history: tuple[date, list[date], date], days_before: int
) -> None:
    started_on, slips, today = history
    early = started_on - timedelta(days=days_before)
    for count in (sober_runs, current_days, longest_days, total_sober_days, sober_rate):
        with pytest.raises(ValueError):
            count(started_on, [*slips, early], today)
    with pytest.raises(ValueError):
        track_numbers(started_on, [early], today)


def test_run_days_never_negative() -> None:
    today = date(2024, 5, 1)
    assert Run(today + ONE, None).days(today) == 0
