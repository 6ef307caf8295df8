"""Worked examples of sober-day counting, milestones, check-in streaks and savings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from recoverylog.recovery.milestones import (
    Milestone,
    add_months,
    milestones,
    next_milestone,
    reached_on,
)
from recoverylog.recovery.stats import savings, track_numbers
from recoverylog.recovery.streaks import (
    Run,
    TrackHistory,
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

JAN1 = date(2024, 1, 1)
JAN10 = date(2024, 1, 10)

# --------------------------------------------------------------------------- calendar months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2024, 5, 15), 0, date(2024, 5, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_add_months_outside_the_calendar_is_refused() -> None:
    with pytest.raises(ValueError):
        add_months(date(9999, 12, 1), 1)


# --------------------------------------------------------------------------- milestones


def test_milestones_of_a_run_starting_on_jan_31() -> None:
    start = date(2024, 1, 31)
    assert milestones(start, date(2026, 2, 1)) == [
        Milestone("1 day", date(2024, 2, 1)),
        Milestone("1 week", date(2024, 2, 7)),
        Milestone("30 days", date(2024, 3, 1)),
        Milestone("60 days", date(2024, 3, 31)),
        Milestone("90 days", date(2024, 4, 30)),
        Milestone("6 months", date(2024, 7, 31)),
        Milestone("9 months", date(2024, 10, 31)),
        Milestone("1 year", date(2025, 1, 31)),
        Milestone("18 months", date(2025, 7, 31)),
        Milestone("2 years", date(2026, 1, 31)),
    ]


def test_next_milestone_and_days_left() -> None:
    start = date(2024, 1, 31)
    first = next_milestone(start, start)
    assert (first.label, first.date, first.days_left(start)) == ("1 day", date(2024, 2, 1), 1)
    on_90 = next_milestone(start, date(2024, 4, 30))
    assert (on_90.label, on_90.date) == ("6 months", date(2024, 7, 31))
    assert on_90.days_left(date(2024, 4, 30)) == 92
    later = next_milestone(start, date(2027, 6, 1))
    assert (later.label, later.date) == ("4 years", date(2028, 1, 31))


def test_a_leap_day_run_keeps_its_anniversaries_on_the_leap_day() -> None:
    start = date(2024, 2, 29)
    years = {m.label: m.date for m in milestones(start, date(2032, 12, 31)) if "year" in m.label}
    assert years == {
        "1 year": date(2025, 2, 28),
        "2 years": date(2026, 2, 28),
        "3 years": date(2027, 2, 28),
        "4 years": date(2028, 2, 29),
        "5 years": date(2029, 2, 28),
        "8 years": date(2032, 2, 29),
        **{f"{n} years": date(2024 + n, 2, 28) for n in (6, 7)},
    }


def test_reached_on() -> None:
    start = date(2024, 1, 31)
    assert reached_on(start, date(2024, 4, 30)) == Milestone("90 days", date(2024, 4, 30))
    assert reached_on(start, date(2024, 5, 1)) is None
    assert reached_on(start, start) is None


# --------------------------------------------------------------------------- runs and counts


def test_no_slips() -> None:
    assert sober_runs(JAN1, [], JAN10) == [Run(JAN1, None)]
    assert current_days(JAN1, [], JAN1) == 0
    assert current_days(JAN1, [], JAN10) == 9
    assert longest_days(JAN1, [], JAN10) == 9
    assert total_sober_days(JAN1, [], JAN10) == 9
    assert sober_rate(JAN1, [], JAN10) == 1.0


def test_a_slip_on_the_first_day() -> None:
    slips = [JAN1, JAN1]
    assert sober_runs(JAN1, slips, JAN10) == [Run(JAN1, JAN1), Run(date(2024, 1, 2), None)]
    assert current_days(JAN1, slips, JAN10) == 8
    assert longest_days(JAN1, slips, JAN10) == 8
    assert total_sober_days(JAN1, slips, JAN10) == 8
    assert sober_rate(JAN1, slips, JAN10) == pytest.approx(0.9)  # 9 of the 10 days so far
    assert sober_rate(JAN1, slips, JAN10, days=5) == 1.0


def test_a_slip_today() -> None:
    runs = sober_runs(JAN1, [JAN10], JAN10)
    assert runs == [Run(JAN1, JAN10), Run(date(2024, 1, 11), None)]
    assert runs[-1].days(JAN10) == 0
    assert current_days(JAN1, [JAN10], JAN10) == 0
    assert longest_days(JAN1, [JAN10], JAN10) == 9
    assert total_sober_days(JAN1, [JAN10], JAN10) == 9  # today is not counted until it is over
    assert sober_rate(JAN1, [JAN10], JAN10) == pytest.approx(0.9)
    numbers = track_numbers(JAN1, [JAN10], JAN10)
    assert numbers.next_milestone == Milestone("1 day", date(2024, 1, 12))
    assert numbers.slips == 1


def test_a_back_dated_slip_re_splits_the_runs() -> None:
    today = date(2024, 3, 1)
    before = sober_runs(JAN1, [date(2024, 2, 1)], today)
    after = sober_runs(JAN1, [date(2024, 2, 1), date(2024, 1, 15)], today)
    assert before == [Run(JAN1, date(2024, 2, 1)), Run(date(2024, 2, 2), None)]
    assert after == [
        Run(JAN1, date(2024, 1, 15)),
        Run(date(2024, 1, 16), date(2024, 2, 1)),
        Run(date(2024, 2, 2), None),
    ]
    assert current_days(JAN1, [date(2024, 2, 1), date(2024, 1, 15)], today) == 28
    assert longest_days(JAN1, [date(2024, 2, 1)], today) == 31
    assert longest_days(JAN1, [date(2024, 2, 1), date(2024, 1, 15)], today) == 28
    assert total_sober_days(JAN1, [date(2024, 2, 1)], today) == 59
    assert total_sober_days(JAN1, [date(2024, 2, 1), date(2024, 1, 15)], today) == 58


def test_slips_after_today_are_ignored_and_before_the_start_refused() -> None:
    assert current_days(JAN1, [date(2024, 1, 20)], JAN10) == 9
    with pytest.raises(ValueError, match="before the track started"):
        current_days(JAN10, [JAN1], date(2024, 2, 1))


def test_sober_rate_windows() -> None:
    today = date(2024, 6, 30)
    slips = [date(2024, 6, 1), date(2024, 6, 30), date(2024, 4, 2)]
    assert sober_rate(JAN1, slips, today, 30) == pytest.approx(28 / 30)  # 1 Jun to 30 Jun
    assert sober_rate(JAN1, slips, today, 31) == pytest.approx(29 / 31)
    assert sober_rate(JAN1, slips, today, 90) == pytest.approx(87 / 90)
    assert sober_rate(date(2024, 6, 21), [date(2024, 6, 30)], today) == pytest.approx(0.9)
    with pytest.raises(ValueError):
        sober_rate(JAN1, slips, today, 0)


def test_sober_rate_between() -> None:
    today = date(2024, 6, 30)
    slips = [date(2024, 6, 1), date(2024, 6, 2)]
    assert sober_rate_between(JAN1, slips, date(2024, 6, 1), date(2024, 6, 10), today) == 0.8
    # clipped to the start of the track and to today
    assert sober_rate_between(date(2024, 6, 1), slips, date(2024, 5, 1), today, today) == (
        pytest.approx(28 / 30)
    )
    assert sober_rate_between(JAN1, slips, date(2024, 6, 21), date(2024, 12, 31), today) == 1.0
    assert sober_rate_between(JAN1, [], date(2024, 7, 1), date(2024, 7, 31), today) is None
    assert sober_rate_between(JAN10, [], JAN1, date(2024, 1, 9), today) is None


def test_a_track_that_starts_after_today_counts_nothing_yet() -> None:
    start = date(2024, 1, 11)
    assert current_days(start, [], JAN10) == 0
    assert longest_days(start, [], JAN10) == 0
    assert total_sober_days(start, [], JAN10) == 0
    assert sober_rate(start, [], JAN10) == 0.0
    assert day_status(start, [], JAN10, JAN10) == "before"


def test_day_status_for_a_calendar() -> None:
    slips = [date(2024, 1, 5)]
    assert day_status(JAN10, [], JAN1, date(2024, 2, 1)) == "before"
    assert day_status(JAN1, slips, date(2024, 1, 5), JAN10) == "slip"
    assert day_status(JAN1, slips, date(2024, 1, 6), JAN10) == "sober"
    assert day_status(JAN1, slips, JAN10, JAN10) == "sober"
    assert day_status(JAN1, slips, date(2024, 1, 11), JAN10) == "future"
    week = day_statuses(
        date(2024, 1, 3), slips, date(2023, 12, 31), date(2024, 1, 6), date(2024, 1, 5)
    )
    assert list(week.values()) == ["before"] * 3 + ["sober", "sober", "slip", "future"]


def test_track_history_refuses_unnormalised_slips() -> None:
    with pytest.raises(ValueError):
        TrackHistory(JAN1, (date(2024, 1, 5), date(2024, 1, 3)), JAN10)
    with pytest.raises(ValueError):
        TrackHistory(JAN1, (date(2024, 1, 11),), JAN10)


# --------------------------------------------------------------------------- check-ins


def test_checkin_streak() -> None:
    run = [date(2024, 1, 7), date(2024, 1, 8), date(2024, 1, 9)]
    assert checkin_streak(run, JAN10) == 3  # ends yesterday: today's check-in is still to come
    assert checkin_streak([*run, JAN10], JAN10) == 4
    assert checkin_streak([date(2024, 1, 7), date(2024, 1, 9)], JAN10) == 1
    assert checkin_streak([date(2024, 1, 8)], JAN10) == 0
    assert checkin_streak([JAN10, JAN10], JAN10) == 1
    assert checkin_streak([date(2024, 1, 11), date(2024, 1, 12)], JAN10) == 0
    assert checkin_streak([], JAN10) == 0


# --------------------------------------------------------------------------- savings


def test_savings() -> None:
    assert savings(None, 30) is None
    assert savings(Decimal("12.50"), 30) == Decimal("375.00")
    assert str(savings(Decimal("12.5"), 3)) == "37.50"
    assert savings(Decimal("3.333"), 3) == Decimal("10.00")
    assert savings(Decimal("0.005"), 1) == Decimal("0.01")  # half up
    assert savings(Decimal("1.5"), 0) == Decimal("0.00")
    with pytest.raises(ValueError):
        savings(Decimal("1"), -1)
    with pytest.raises(ValueError):
        savings(Decimal("-1"), 1)


def test_track_numbers() -> None:
    today = date(2024, 3, 1)
    numbers = track_numbers(
        JAN1,
        [date(2024, 2, 1), date(2024, 2, 1), date(2024, 1, 15), date(2024, 4, 1)],
        today,
        cost_per_day=Decimal("8.25"),
        hours_per_day=Decimal("1.5"),
    )
    assert numbers.current_days == 28
    assert numbers.longest_days == 28
    assert numbers.total_sober_days == 58
    assert numbers.sober_rate_30 == pytest.approx(29 / 30)  # 31 Jan to 1 Mar
    assert numbers.sober_rate_90 == pytest.approx(59 / 61)
    assert numbers.slips == 2
    assert numbers.next_milestone == Milestone("30 days", date(2024, 3, 3))
    assert numbers.money_saved == Decimal("231.00")
    assert numbers.money_saved_total == Decimal("478.50")
    assert numbers.hours_saved == Decimal("42.00")
    assert numbers.hours_saved_total == Decimal("87.00")
    plain = track_numbers(JAN1, [], JAN10)
    assert plain.money_saved is None and plain.hours_saved_total is None
