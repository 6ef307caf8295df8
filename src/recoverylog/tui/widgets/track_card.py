"""A track's card on the dashboard: current days, next milestone, sober-day rates, savings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from recoverylog.tui.text import plural, visible

if TYPE_CHECKING:
    from datetime import date

    from recoverylog.queries import TrackStatus


class TrackCard(Static):
    """One sobriety clock; the track's name is the person's text and shown as typed."""

    DEFAULT_CSS = """
    TrackCard {
        height: auto;
        border: round $primary;
        padding: 0 1;
        text-overflow: fold;
    }
    """

    def __init__(self, row: TrackStatus, today: date, currency: str) -> None:
        super().__init__(render_track(row, today, currency), markup=False)
        self.border_title = Text(visible(row.track.name)[:40])


def render_track(row: TrackStatus, today: date, currency: str) -> Text:
    n = row.numbers
    text = Text(overflow="fold")
    text.append(f"{n.current_days} {'day' if n.current_days == 1 else 'days'}", style="bold")
    text.append(" this run\n")
    left = n.next_milestone.days_left(today)
    text.append(f"Next {n.next_milestone.label}: {n.next_milestone.date:%d %b %Y} ")
    text.append(f"({plural(left, 'day')})\n", style="dim")
    text.append(
        f"Sober days 30d {round(n.sober_rate_30 * 100)}% · 90d {round(n.sober_rate_90 * 100)}%\n"
    )
    text.append(
        f"Longest {n.longest_days} · total {plural(n.total_sober_days, 'day')}", style="dim"
    )
    saved = []
    if n.money_saved is not None:
        saved.append(f"{visible(currency)}{n.money_saved:,.2f} saved")
    if n.hours_saved is not None:
        saved.append(f"{n.hours_saved:,.0f} h back")
    if saved:
        text.append("\n" + " · ".join(saved))
    if row.numbers.slips:
        text.append(
            f"\nSlips: {plural(row.lapses, 'lapse')}, "
            f"{plural(row.returns_to_use, 'return to use', 'returns to use')}",
            style="dim",
        )
    return text
