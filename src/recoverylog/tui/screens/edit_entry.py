"""Editing a craving, a coping entry or a slip field by field (check-ins and reflections
have their own forms); the same parsing and messages as ``recoverylog edit``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Select, Static

from recoverylog import fields as parse
from recoverylog.domain.models import OUTCOMES, SLIP_KINDS
from recoverylog.errors import InvalidInput, RecoverylogError
from recoverylog.tui.data import KIND_LABELS
from recoverylog.tui.screens.base import FormScreen, collect
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter

Parser = Callable[[str, date], Any]


def _int(name: str, lo: int, hi: int) -> Parser:
    return lambda text, _today: parse.integer(name, text or None, lo, hi)


def _text(text: str, _today: date) -> str:
    return text


def _list(text: str, _today: date) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(",") if p.strip())


def _triggers(text: str, _today: date) -> tuple[str, ...]:
    return parse.triggers([text] if text.strip() else None, "trigger")


def _time(text: str, _today: date) -> str | None:
    return text.strip() or None


def _day(text: str, today: date) -> date | None:
    return parse.day("date", text or None, today)


#: kind: [(entity field, label, parser, choices or None)]
SPECS: dict[str, list[tuple[str, str, Parser, tuple[str, ...] | None]]] = {
    "craving": [
        ("intensity", "Intensity 0-10", _int("intensity", 0, 10), None),
        ("intensity_after", "After 0-10", _int("after", 0, 10), None),
        ("outcome", "Outcome", _text, OUTCOMES),
        ("triggers", "Triggers", _triggers, None),
        ("skills", "Skills used", _list, None),
        ("duration_minutes", "Minutes", _int("duration", 0, 1440), None),
        ("situation", "Situation", _text, None),
        ("thoughts", "Thoughts", _text, None),
        ("note", "Note", _text, None),
    ],
    "coping": [
        ("skill", "Skill", _text, None),
        ("helped", "Helped 0-10", _int("helped", 0, 10), None),
        ("note", "Note", _text, None),
    ],
    "slip": [
        ("date", "Date", _day, None),
        ("kind", "Kind", _text, SLIP_KINDS),
        ("time", "Time", _time, None),
        ("note", "What happened", _text, None),
        ("trigger", "Trigger", _text, None),
        ("learned", "What I learned", _text, None),
    ],
}
REQUIRED = {"intensity", "date", "kind"}
ERROR_NAMES = {
    "after": "intensity_after",
    "duration": "duration_minutes",
    "skill": "skills",
    "on": "date",
}


def _chosen(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def edit_screen(entry: Any) -> Screen[Any]:
    """The right form for an entry."""
    if entry.table == "checkin":
        from recoverylog.tui.screens.checkin import CheckinScreen

        return CheckinScreen(entry.date)
    if entry.table == "reflection":
        from recoverylog.tui.screens.reflection import ReflectionScreen

        return ReflectionScreen(entry)
    return EditEntryScreen(entry)


class EditEntryScreen(FormScreen):
    def __init__(self, entry: Any) -> None:
        super().__init__()
        self.entry = entry
        self.kind = entry.table
        self.spec = SPECS[self.kind]
        fields = {name: f"f-{name}" for name, *_ in self.spec}
        fields.update(
            {alias: f"f-{target}" for alias, target in ERROR_NAMES.items() if target in fields}
        )
        if self.kind == "coping":
            fields["skill"] = "f-skill"
        self.FIELDS = fields

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="form", id="edit-form"):
            for name, label, _parser, choices in self.spec:
                value = getattr(self.entry, name)
                control: Input | Select[str]
                if choices:
                    control = Select(
                        [(c.replace("-", " "), c) for c in choices],
                        value=value if value in choices else Select.NULL,
                        prompt="(none)",
                        id=name,
                        compact=True,
                    )
                else:
                    control = Input(_shown(value), id=name, compact=True)
                yield Field(label, control, id=f"f-{name}")
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save changes", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Edit {KIND_LABELS.get(self.kind, self.kind)} from {self.entry.day}"
        self.query_one("#form-error").display = False
        first = self.spec[0][0]
        self.query_one(f"#{first}").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.app.pop_screen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        self.clear_errors()
        with self.rapp.journal() as journal:
            today = journal.today()
        steps: list[Callable[[], Any]] = []
        for name, _label, parser, choices in self.spec:
            widget = self.query_one(f"#{name}")
            if choices:
                chosen = widget.value if isinstance(widget, Select) else None
                steps.append(partial(_chosen, chosen))
            else:
                text = widget.value if isinstance(widget, Input) else ""
                steps.append(partial(parser, text, today))
        values, errors = collect(*steps)
        if errors:
            self.show_errors(errors)
            return
        changes = {}
        for (name, *_rest), value in zip(self.spec, values, strict=True):
            if value is None and name in REQUIRED:
                errors.append(InvalidInput(name, "must not be empty"))
            elif value != getattr(self.entry, name):
                changes[name] = value
        if errors:
            self.show_errors(errors)
            return
        if not changes:
            self.app.pop_screen()
            return
        try:
            self.write(lambda j: j.edit_entry(self.kind, self.entry.id, changes))
        except RecoverylogError as exc:
            self.show_errors([exc])
            return
        self.notify(f"Updated the {KIND_LABELS.get(self.kind, self.kind)}.", markup=False)
        self.app.pop_screen()
