"""A new sobriety clock: a name, the first sober day (maybe in the past), costs saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Static

from recoverylog import fields as parse
from recoverylog.errors import RecoverylogError
from recoverylog.tui.screens.base import FormScreen, collect
from recoverylog.tui.screens.checkin import small_input
from recoverylog.tui.text import plural
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter


class TrackFormScreen(FormScreen):
    FIELDS = {
        "name": "f-name",
        "since": "f-since",
        "cost_per_day": "f-cost",
        "hours_per_day": "f-hours",
        "note": "f-note",
    }

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="form"):
            yield Static(
                "A clock counts sober days for one substance or behaviour. It may start in the past.",
                classes="muted",
                markup=False,
            )
            yield Field("Name", small_input("name", placeholder='e.g. "Alcohol"'), id="f-name")
            yield Field(
                "First sober day",
                small_input("since", placeholder="today, yesterday, -30 or 2024-03-01"),
                id="f-since",
            )
            yield Field(
                "Cost per day",
                small_input("cost", placeholder="money it used to cost (optional)"),
                id="f-cost",
            )
            yield Field(
                "Hours per day",
                small_input("hours", placeholder="time it used to take (optional)"),
                id="f-hours",
            )
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Start the clock", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "New track"
        self.query_one("#form-error").display = False
        self.query_one("#name", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.app.pop_screen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _value(self, id: str) -> str | None:
        return self.query_one(f"#{id}", Input).value.strip() or None

    def action_save(self) -> None:
        self.clear_errors()
        with self.rapp.journal() as journal:
            today = journal.today()
        (since, cost, hours), errors = collect(
            lambda: parse.day("since", self._value("since"), today),
            lambda: parse.decimal("cost_per_day", self._value("cost"), 0, 1_000_000),
            lambda: parse.decimal("hours_per_day", self._value("hours"), 0, 24),
        )
        if errors:
            self.show_errors(errors)
            return
        try:
            track = self.write(lambda j: j.add_track(self._value("name") or "", since, cost, hours))
        except RecoverylogError as exc:
            self.show_errors([exc])
            return
        days = (today - track.started_on).days
        self.notify(
            f"Started {track.name}: first sober day {track.started_on} ({plural(days, 'day')} so far).",
            markup=False,
        )
        self.app.pop_screen()
