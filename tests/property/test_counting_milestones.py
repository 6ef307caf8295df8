"""Calendar months, the milestone schedule and savings against brute-force models."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from recoverylog.recovery.milestones import (
    Milestone,
    add_months,
    milestones,
    next_milestone,
    reached_on,
)
from recoverylog.recovery.stats import savings

dates = st.dates(min_value=date(1999, 1, 1), max_value=date(2030, 12, 31))


def brute_add_months(d: date, months: int) -> date:
    """Walk month by month, then clamp the day by trying days downwards."""
    year, month = d.year, d.month
    step = 1 if months >= 0 else -1
    for _ in range(abs(months)):
        month += step
        if month == 13:
            year, month = year + 1, 1
        elif month == 0:
            year, month = year - 1, 12
    day = d.day
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


@given(dates, st.integers(-400, 400))
def test_add_months_matches_a_month_walker(d: date, months: int) -> None:
    moved = add_months(d, months)
    assert moved == brute_add_months(d, months)
    assert moved.day <= d.day
    assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == months


@given(dates)
def test_milestone_schedule(run_start: date) -> None:
    until = run_start + timedelta(days=366 * 6)
    found = milestones(run_start, until)
    expected = [
        Milestone("1 day", run_start + timedelta(days=1)),
        Milestone("1 week", run_start + timedelta(days=7)),
        Milestone("30 days", run_start + timedelta(days=30)),
        Milestone("60 days", run_start + timedelta(days=60)),
        Milestone("90 days", run_start + timedelta(days=90)),
        Milestone("6 months", brute_add_months(run_start, 6)),
        Milestone("9 months", brute_add_months(run_start, 9)),
        Milestone("1 year", brute_add_months(run_start, 12)),
        Milestone("18 months", brute_add_months(run_start, 18)),
        *(Milestone(f"{n} years", brute_add_months(run_start, 12 * n)) for n in range(2, 7)),
    ]
    assert found == [m for m in expected if m.date <= until]
    assert [m.date for m in found] == sorted({m.date for m in found})  # strictly increasing


@given(dates, st.integers(-5, 3000))
def test_next_and_reached_milestones(run_start: date, offset: int) -> None:
    today = run_start + timedelta(days=offset)
    upcoming = next_milestone(run_start, today)
    assert upcoming.date > today
    assert upcoming.days_left(today) == (upcoming.date - today).days > 0
    past = milestones(run_start, today)
    assert all(m.date <= today for m in past)
    assert milestones(run_start, upcoming.date) == [*past, upcoming]  # none skipped
    reached = reached_on(run_start, today)
    on_today = [m for m in past if m.date == today]
    assert reached == (on_today[0] if on_today else None)


@given(st.integers(2, 400))
def test_anniversaries_of_a_leap_day_come_back_to_the_leap_day(years: int) -> None:
    run_start = date(2000, 2, 29)
    target = add_months(run_start, 12 * years)
    label = f"{years} years"
    hit = reached_on(run_start, target)
    assert hit is not None and hit.label == label
    leap = (target.year % 4 == 0 and target.year % 100 != 0) or target.year % 400 == 0
    assert target == (date(target.year, 2, 29) if leap else date(target.year, 2, 28))


@given(st.one_of(st.none(), st.decimals(0, 1000, places=3)), st.integers(0, 20000))
def test_savings(per_day: Decimal | None, days: int) -> None:
    saved = savings(per_day, days)
    if per_day is None:
        assert saved is None
    else:
        assert saved is not None
        assert saved.as_tuple().exponent == -2
        assert abs(saved - per_day * days) <= Decimal("0.005")
