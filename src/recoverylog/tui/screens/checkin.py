"""The daily check-in form: mood, peak craving, HALT, sleep, meeting, reaching out, gratitude."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Header, Input, Select, Static, TextArea

from recoverylog import fields as parse
from recoverylog.domain.models import HALT, MEETING_MODES, MEETING_TYPES, Meeting
from recoverylog.errors import RecoverylogError
from recoverylog.tui.screens.base import FormScreen, collect
from recoverylog.tui.text import plural
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from recoverylog.domain.models import CheckIn
    from recoverylog.journal import Journal


@dataclass(frozen=True)
class CheckinData:
    today: date
    day: date
    entry: CheckIn | None
    medication_tracking: bool


def _load(journal: Journal, day: date | None) -> CheckinData:
    today = journal.today()
    when = day or today
    return CheckinData(
        today, when, journal.checkin_on(when), journal.settings().medication_tracking
    )


def small_input(id: str, value: str = "", placeholder: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=id, compact=True)


class CheckinScreen(FormScreen):
    """Today's check-in (or another day's); saving again edits the same day's check-in."""

    FIELDS = {
        "date": "f-date",
        "mood": "f-mood",
        "craving": "f-craving",
        "halt": "f-halt",
        "sleep": "f-sleep",
        "meeting": "f-meeting",
        "meeting_mode": "f-meeting",
        "reached_out": "f-reached",
        "medication": "f-medication",
        "gratitude": "f-gratitude",
        "note": "f-note",
    }

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self.day = day
        self.data: CheckinData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="checkin-form", classes="form"):
            yield Field("Date", small_input("date", placeholder="today"), id="f-date")
            yield Field(
                "Mood 1-10", small_input("mood", placeholder="how are you, 1-10"), id="f-mood"
            )
            yield Field(
                "Peak craving",
                small_input("craving", placeholder="strongest today, 0-10"),
                id="f-craving",
            )
            checks = Horizontal(
                *(Checkbox(state.title(), id=f"halt-{state}", compact=True) for state in HALT),
                classes="checks",
            )
            yield Field("HALT", checks, id="f-halt")
            yield Field("Sleep (hours)", small_input("sleep", placeholder="e.g. 7.5"), id="f-sleep")
            meeting = Horizontal(
                Select(
                    [(t, t) for t in MEETING_TYPES],
                    prompt="No meeting",
                    id="meeting",
                    compact=True,
                ),
                Select(
                    [(m.replace("-", " "), m) for m in MEETING_MODES],
                    value="in-person",
                    allow_blank=False,
                    id="meeting-mode",
                    compact=True,
                ),
                classes="checks",
            )
            yield Field("Meeting", meeting, id="f-meeting")
            yield Field(
                "Reached out",
                Checkbox("to a sponsor or peer", id="reached", compact=True),
                id="f-reached",
            )
            yield Field(
                "Medication",
                Checkbox("took my prescribed medication", id="medication", compact=True),
                id="f-medication",
            )
            yield Field("Grateful for", small_input("gratitude"), id="f-gratitude")
            yield Field("Note", TextArea(id="note", soft_wrap=True), id="f-note")
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save check-in", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Check-in"
        self.query_one("#form-error").display = False
        self.query_one("#f-medication").display = False
        # One day's check-in and the settings: two small reads, done before the first key so
        # that nothing typed right away is lost.
        self.read_first(lambda j: _load(j, self.day), self.fill)

    def fill(self, data: CheckinData) -> None:
        self.data = data
        self.query_one("#date", Input).value = data.day.isoformat()
        self.query_one("#f-medication").display = data.medication_tracking
        entry = data.entry
        self.sub_title = f"Check-in for {data.day}" + (" (editing)" if entry else "")
        if entry is not None:
            self._fill_entry(entry)
        self.query_one("#mood", Input).focus()

    def _fill_entry(self, entry: CheckIn) -> None:
        self.query_one("#mood", Input).value = "" if entry.mood is None else str(entry.mood)
        self.query_one("#craving", Input).value = (
            "" if entry.craving is None else str(entry.craving)
        )
        for state in HALT:
            self.query_one(f"#halt-{state}", Checkbox).value = state in entry.halt
        self.query_one("#sleep", Input).value = "" if entry.sleep is None else str(entry.sleep)
        if entry.meeting is not None:
            self.query_one("#meeting", Select).value = entry.meeting.type
            self.query_one("#meeting-mode", Select).value = entry.meeting.mode
        self.query_one("#reached", Checkbox).value = entry.reached_out
        self.query_one("#medication", Checkbox).value = bool(entry.medication)
        self.query_one("#gratitude", Input).value = entry.gratitude
        self.query_one("#note", TextArea).text = entry.note

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.app.pop_screen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _value(self, id: str) -> str:
        return self.query_one(f"#{id}", Input).value

    def action_save(self) -> None:
        if self.data is None:
            return
        self.clear_errors()
        today = self.data.today
        (day, mood, craving, sleep), errors = collect(
            lambda: parse.day("date", self._value("date") or "today", today),
            lambda: parse.integer("mood", self._value("mood") or None, 1, 10),
            lambda: parse.integer("craving", self._value("craving") or None, 0, 10),
            lambda: parse.decimal("sleep", self._value("sleep") or None, 0, 24),
        )
        if errors:
            self.show_errors(errors)
            return
        meeting_type = self.query_one("#meeting", Select).value
        meeting = None
        if isinstance(meeting_type, str):
            meeting = Meeting(meeting_type, str(self.query_one("#meeting-mode", Select).value))
        fields: dict[str, Any] = {
            "mood": mood,
            "craving": craving,
            "halt": tuple(s for s in HALT if self.query_one(f"#halt-{s}", Checkbox).value),
            "sleep": sleep,
            "meeting": meeting,
            "reached_out": self.query_one("#reached", Checkbox).value,
            "gratitude": self._value("gratitude"),
            "note": self.query_one("#note", TextArea).text,
        }
        if self.data.medication_tracking:
            fields["medication"] = self.query_one("#medication", Checkbox).value
        try:
            entry, created, streak = self.write(lambda j: _save(j, day, fields))
        except RecoverylogError as exc:
            self.show_errors([exc])
            return
        verb = "saved" if created else "updated"
        self.notify(
            f"Check-in {verb} for {entry.date}. Check-in streak: {plural(streak, 'day')}.",
            markup=False,
        )
        self.app.pop_screen()


def _save(journal: Journal, day: date | None, fields: dict[str, Any]) -> tuple[Any, bool, int]:
    entry, created = journal.checkin(day, **fields)
    return entry, created, journal.status().checkin_streak
