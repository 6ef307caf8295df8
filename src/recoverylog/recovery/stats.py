"""A track's numbers for status and reports: days, rates, slips, next milestone and savings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from recoverylog.recovery.milestones import Milestone, next_milestone
from recoverylog.recovery.streaks import TrackHistory

CENT = Decimal("0.01")


def savings(per_day: Decimal | None, days: int) -> Decimal | None:
    """``per_day x days`` rounded half-up to 0.01 (money or hours); None when ``per_day`` is."""
    if per_day is None:
        return None
    if days < 0:
        raise ValueError(f"cannot count savings over {days} days")
    if not per_day.is_finite() or per_day < 0:
        raise ValueError(f"a per-day amount must be a finite number >= 0, not {per_day}")
    return (per_day * days).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class TrackNumbers:
    """Everything ``status`` shows for one track (SPEC sections 3 and 5)."""

    current_days: int
    longest_days: int
    total_sober_days: int
    sober_rate_30: float
    sober_rate_90: float
    slips: int
    next_milestone: Milestone
    money_saved: Decimal | None
    money_saved_total: Decimal | None
    hours_saved: Decimal | None
    hours_saved_total: Decimal | None


def track_numbers(
    started_on: date,
    slip_days: Iterable[date],
    today: date,
    cost_per_day: Decimal | None = None,
    hours_per_day: Decimal | None = None,
) -> TrackNumbers:
    """All of a track's numbers, with its slip days de-duplicated and sorted once."""
    history = TrackHistory.of(started_on, slip_days, today)
    current = history.current_days()
    total = history.total_sober_days()
    return TrackNumbers(
        current_days=current,
        longest_days=history.longest_days(),
        total_sober_days=total,
        sober_rate_30=history.rate(30),
        sober_rate_90=history.rate(90),
        slips=len(history.slips),
        next_milestone=next_milestone(history.current_start(), today),
        money_saved=savings(cost_per_day, current),
        money_saved_total=savings(cost_per_day, total),
        hours_saved=savings(hours_per_day, current),
        hours_saved_total=savings(hours_per_day, total),
    )
