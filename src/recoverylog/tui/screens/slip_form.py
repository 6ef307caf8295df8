"""Recording a slip: a lapse or a return to use. History stays; a new run starts next day."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Select, Static

from recoverylog import fields as parse
from recoverylog.domain.models import SLIP_KINDS
from recoverylog.entries import is_opioid_track
from recoverylog.errors import RecoverylogError
from recoverylog.tui.screens.base import FormScreen, collect
from recoverylog.tui.screens.checkin import small_input
from recoverylog.tui.text import visible
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from recoverylog.journal import Journal

#: The same words as ``recoverylog slip`` (cli/tracks.py).
OPIOID_CARE = (
    "Please take care: after a break, tolerance is lower than before, so an amount that used to "
    "feel usual can cause an overdose. Keep naloxone close and try not to use alone."
)


def _save(journal: Journal, fields: dict[str, Any]) -> tuple[Any, Any, Any]:
    slip, track = journal.add_slip(**fields)
    status = {row.track.id: row for row in journal.status().tracks}.get(track.id)
    return slip, track, status


def slip_message(slip: Any, track: Any, status: Any) -> Text:
    """What the CLI says after a slip, kindly; the care note for an opioid track."""
    text = Text(overflow="fold")
    text.append(f"Recorded a {slip.kind.replace('-', ' ')} on ")
    text.append(visible(track.name))
    text.append(f" for {slip.date}.\n")
    if status is not None:
        n = status.numbers
        text.append(
            f"Your history stays: {n.total_sober_days} sober days in total, longest run "
            f"{n.longest_days} days. A new run starts the next day.\n"
        )
    text.append("A slip is something to learn from, not a verdict. Be kind to yourself today.\n")
    if is_opioid_track(track.name):
        text.append("\n" + OPIOID_CARE + "\n", style="bold")
    text.append("\nIf you are not safe right now, press F2 for crisis resources.")
    return text


class SlipFormScreen(FormScreen):
    FIELDS = {
        "track": "f-track",
        "on": "f-on",
        "date": "f-on",
        "kind": "f-kind",
        "time": "f-time",
        "note": "f-note",
        "trigger": "f-trigger",
        "learned": "f-learned",
    }

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="form"):
            yield Static(
                "A slip is recorded, not punished: your history and totals stay.",
                classes="muted",
                markup=False,
            )
            yield Field(
                "Track", Select([], prompt="which clock", id="track", compact=True), id="f-track"
            )
            yield Field(
                "Day", small_input("on", placeholder="today, yesterday or 2024-03-01"), id="f-on"
            )
            yield Field(
                "Kind",
                Select(
                    [("lapse (brief)", "lapse"), ("return to use (ongoing)", "return-to-use")],
                    value=SLIP_KINDS[0],
                    allow_blank=False,
                    id="kind",
                    compact=True,
                ),
                id="f-kind",
            )
            yield Field("Time", small_input("time", placeholder="HH:MM (optional)"), id="f-time")
            yield Field("What happened", small_input("note"), id="f-note")
            yield Field("Trigger", small_input("trigger"), id="f-trigger")
            yield Field("What I learned", small_input("learned"), id="f-learned")
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Record", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Record a slip"
        self.query_one("#form-error").display = False
        self.read_first(lambda j: j.tracks(), self.fill)

    def fill(self, tracks: list[Any]) -> None:
        select = self.query_one("#track", Select)
        select.set_options([(Text(visible(t.name)), t.id) for t in tracks])
        if len(tracks) == 1:
            select.value = tracks[0].id
        select.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.app.pop_screen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _value(self, id: str) -> str:
        return self.query_one(f"#{id}", Input).value.strip()

    def action_save(self) -> None:
        from recoverylog.errors import InvalidInput
        from recoverylog.tui.screens.dialogs import NoticeScreen

        self.clear_errors()
        with self.rapp.journal() as journal:
            today = journal.today()
        track = self.query_one("#track", Select).value
        (on,), errors = collect(lambda: parse.day("on", self._value("on") or None, today))
        if not isinstance(track, str):
            errors.append(InvalidInput("track", "is needed: which clock was it?"))
        if errors:
            self.show_errors(errors)
            return
        fields = {
            "track": track,
            "on": on,
            "kind": str(self.query_one("#kind", Select).value),
            "note": self._value("note"),
            "trigger": self._value("trigger"),
            "learned": self._value("learned"),
            "time": self._value("time") or None,
        }
        try:
            slip, found, status = self.write(lambda j: _save(j, fields))
        except RecoverylogError as exc:
            self.show_errors([exc])
            return
        self.app.pop_screen()
        self.app.push_screen(NoticeScreen("Recorded", slip_message(slip, found, status)))
