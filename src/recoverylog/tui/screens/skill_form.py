"""A skill of one's own: the same fields and checks as ``recoverylog skills add``."""

from __future__ import annotations

import re
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Select, Static, TextArea

from recoverylog import fields as parse
from recoverylog.domain.vocab import CATEGORIES, TRADITIONS
from recoverylog.errors import RecoverylogError
from recoverylog.tui.screens.base import FormScreen, collect
from recoverylog.tui.screens.checkin import small_input
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64] or "my-skill"


class SkillFormScreen(FormScreen):
    FIELDS = {
        "id": "f-id",
        "name": "f-name",
        "category": "f-category",
        "tradition": "f-tradition",
        "summary": "f-summary",
        "steps": "f-steps",
        "triggers": "f-triggers",
        "trigger": "f-triggers",
        "intensity_min": "f-range",
        "intensity_max": "f-range",
        "minutes": "f-minutes",
        "source": "f-source",
        "caution": "f-caution",
    }

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="form", id="skill-form"):
            yield Field("Name", small_input("name", placeholder="e.g. Evening walk"), id="f-name")
            yield Field("Id", small_input("id", placeholder="made from the name"), id="f-id")
            yield Field(
                "Kind",
                Select(
                    [(c, c) for c in CATEGORIES],
                    value="urge",
                    allow_blank=False,
                    id="category",
                    compact=True,
                ),
                id="f-category",
            )
            yield Field(
                "Tradition",
                Select(
                    [(t, t) for t in TRADITIONS],
                    value="general",
                    allow_blank=False,
                    id="tradition",
                    compact=True,
                ),
                id="f-tradition",
            )
            yield Field(
                "Summary",
                small_input("summary", placeholder="what it is, in a line"),
                id="f-summary",
            )
            yield Field(
                "Steps",
                TextArea(id="steps", soft_wrap=True),
                hint="One step per line.",
                id="f-steps",
            )
            yield Field(
                "Triggers",
                small_input("triggers", "any", "e.g. stress, lonely (or any)"),
                id="f-triggers",
            )
            yield Field(
                "Urges from-to",
                Horizontal(
                    small_input("intensity-min", "0"),
                    small_input("intensity-max", "10"),
                    classes="checks",
                ),
                id="f-range",
            )
            yield Field("Minutes", small_input("minutes", "5"), id="f-minutes")
            yield Field("Source", small_input("source", "my own"), id="f-source")
            yield Field(
                "Take care",
                small_input("caution", placeholder="any physical risk (optional)"),
                id="f-caution",
            )
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Add skill", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "A skill of your own"
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

    def _value(self, id: str) -> str:
        return self.query_one(f"#{id}", Input).value.strip()

    def action_save(self) -> None:
        self.clear_errors()
        (low, high, minutes), errors = collect(
            lambda: parse.integer("intensity_min", self._value("intensity-min") or "0", 0, 10),
            lambda: parse.integer("intensity_max", self._value("intensity-max") or "10", 0, 10),
            lambda: parse.integer("minutes", self._value("minutes") or "5", 1, 240),
        )
        triggers_text = self._value("triggers")
        triggers: list[str] = ["any"]
        if triggers_text and triggers_text.lower() != "any":
            (found,), more = collect(lambda: list(parse.triggers([triggers_text], "triggers")))
            errors += more
            triggers = found or ["any"]
        if errors:
            self.show_errors(errors)
            return
        name = self._value("name")
        steps = [
            s.strip() for s in self.query_one("#steps", TextArea).text.splitlines() if s.strip()
        ]
        fields: dict[str, Any] = {
            "id": self._value("id") or slug(name),
            "name": name,
            "category": self.query_one("#category", Select).value,
            "tradition": self.query_one("#tradition", Select).value,
            "summary": self._value("summary"),
            "steps": steps,
            "triggers": triggers,
            "intensity_min": low,
            "intensity_max": high,
            "minutes": minutes,
            "source": self._value("source") or "my own",
            "caution": self._value("caution") or None,
        }
        try:
            skill = self.write(lambda j: j.add_personal_skill(fields))
        except RecoverylogError as exc:
            self.show_errors([exc])
            return
        self.notify(f"Added {skill.name} ({skill.id}).", markup=False)
        self.app.pop_screen()
