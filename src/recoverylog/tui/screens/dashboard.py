"""The dashboard: each track's days and next milestone, check-in streak and status, trends."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Header, Static

from recoverylog.tui.data import Dashboard, load_dashboard
from recoverylog.tui.screens.base import JournalScreen
from recoverylog.tui.text import plural, visible
from recoverylog.tui.widgets.celebration import CelebrationLine
from recoverylog.tui.widgets.footer import KeysFooter
from recoverylog.tui.widgets.spinner import Spinner
from recoverylog.tui.widgets.track_card import TrackCard
from recoverylog.tui.widgets.trend import Trend


class DashboardScreen(JournalScreen):
    """Home: how things stand today."""

    HELP_TITLE = "Dashboard"

    BINDINGS = [
        Binding("c", "open('checkin')", "Check in", tooltip="Today's check-in (again edits it)."),
        Binding("u", "open('craving')", "Craving", tooltip="Log a craving; surf the urge."),
        Binding("s", "open('skills')", "Skills", tooltip="The coping-skills library."),
        Binding("h", "open('history')", "History", tooltip="Every entry; open, edit, delete."),
        Binding("w", "open('reflection')", "Reflect", tooltip="Write a reflection (Markdown)."),
        Binding("t", "open('track')", "New track", show=False, tooltip="Start a sobriety clock."),
        Binding(
            "l", "open('slip')", "Slip", show=False, tooltip="Record a lapse or return to use."
        ),
        Binding("r", "open('report')", "Report", show=False, tooltip="A summary to share."),
        Binding("o", "open('settings')", "Settings", show=False, tooltip="Settings."),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dashboard"):
            yield Spinner(running=True, id="spinner")
            yield Vertical(id="celebrations")
            yield Grid(id="cards")
            with Vertical(id="today", classes="panel"):
                yield Static("", id="checkin-status", markup=False)
                yield Vertical(id="trends")
            yield Static("", id="recent", classes="panel", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Today"
        self.query_one("#today").display = False
        self.query_one("#recent").display = False
        self.refresh_data()

    def on_screen_resume(self, _: Any) -> None:
        if self.is_mounted:
            self.refresh_data()

    def refresh_data(self) -> None:
        self.load(load_dashboard, self.show_data, group="dashboard")

    def action_open(self, name: str) -> None:
        self.rapp.open_screen(name)

    async def show_data(self, data: Dashboard) -> None:
        self.query_one("#spinner", Spinner).stop()
        today = data.status.today
        self.sub_title = f"Today, {today:%A} {today.day} {today:%B %Y}"
        celebrations = self.query_one("#celebrations")
        await celebrations.remove_children()
        if data.celebrations:
            await celebrations.mount(CelebrationLine(data.celebrations))
        cards = self.query_one("#cards", Grid)
        await cards.remove_children()
        rows = data.status.tracks
        if rows:
            await cards.mount_all(TrackCard(row, data.status.today, data.currency) for row in rows)
        else:
            await cards.mount(
                Static(
                    "No sobriety clocks yet. Press t to start one; it may start in the past.",
                    classes="empty",
                    markup=False,
                )
            )
        cards.set_class(len(rows) <= 1, "-single")
        self.query_one("#checkin-status", Static).update(_checkin_line(data))
        trends = self.query_one("#trends")
        await trends.remove_children()
        await trends.mount_all(
            [
                Trend(f"Mood, last {data.window} days", data.moods, id="mood-trend"),
                Trend("Craving at check-ins", data.cravings, id="craving-trend"),
            ]
        )
        self.query_one("#today").display = True
        recent = self.query_one("#recent", Static)
        recent.update(_recent(data))
        recent.border_title = "Recently"
        recent.display = bool(data.recent)


def _recent(data: Dashboard) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, (day, time, kind, what) in enumerate(data.recent):
        if index:
            text.append("\n")
        text.append(f"{day} {time:>5}  {kind:<10}  ", style="dim")
        text.append(visible(what.splitlines()[0] if what.strip() else ""))
    return text


def _checkin_line(data: Dashboard) -> Text:
    text = Text(overflow="fold")
    streak = data.status.checkin_streak
    if data.today_checkin is not None:
        c = data.today_checkin
        text.append("✓ Checked in today", style="bold")
        bits = []
        if c.mood is not None:
            bits.append(f"mood {c.mood}")
        if c.craving is not None:
            bits.append(f"craving {c.craving}")
        if bits:
            text.append(" · " + " · ".join(bits))
    else:
        text.append("No check-in yet today.", style="bold")
        text.append(" Press c when you're ready.")
    text.append(f"\nCheck-in streak: {plural(streak, 'day')}")
    if data.alias:
        text.append(f" · {visible(data.alias)}", style="dim")
    return text
