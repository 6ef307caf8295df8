"""The craving flow: how strong, what set it off, skills to try, then save or surf the urge."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import (
    Button,
    Header,
    Input,
    OptionList,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from recoverylog import fields as parse
from recoverylog.domain.models import OUTCOMES
from recoverylog.domain.vocab import HALT, TRIGGERS
from recoverylog.errors import RecoverylogError
from recoverylog.tui.data import skills_available
from recoverylog.tui.screens.base import FormScreen, collect
from recoverylog.tui.screens.checkin import small_input
from recoverylog.tui.text import visible
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from recoverylog.journal import Journal

NO_LIBRARY = "Skill suggestions appear here once the skills library is installed."


def trigger_label(trigger: str) -> str:
    label = trigger.replace("-", " ")
    return f"{label} (HALT)" if trigger in HALT else label


def suggestions(journal: Journal, trigger: str | None, intensity: int | None) -> list[Any] | None:
    """Up to five skills to try now, or None when the skills library is not installed."""
    if not skills_available(journal):
        return None
    return list(journal.suggest_skills(trigger, intensity, limit=5))


class CravingScreen(FormScreen):
    """Log a craving as it happens; ctrl+t starts the urge-surfing timer instead of saving."""

    BINDINGS = [
        Binding("ctrl+t", "surf", "Surf the urge", tooltip="A timer that asks each minute."),
    ]
    FIELDS = {
        "intensity": "f-intensity",
        "trigger": "f-triggers",
        "situation": "f-situation",
        "skill": "f-skills",
        "after": "f-after",
        "outcome": "f-outcome",
        "note": "f-note",
    }

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str] = []
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="craving-form", classes="form"):
            yield Static(
                "Noticing a craving is a skill in itself. It will rise, crest and pass.",
                classes="muted",
                markup=False,
            )
            yield Field(
                "Intensity 0-10",
                small_input("intensity", placeholder="how strong, now"),
                id="f-intensity",
            )
            yield Field(
                "Triggers",
                SelectionList[str](*((trigger_label(t), t) for t in TRIGGERS), id="triggers"),
                id="f-triggers",
            )
            yield Field(
                "Situation",
                small_input("situation", placeholder="where, who, what"),
                id="f-situation",
            )
            yield Field("Skills to try", OptionList(id="suggested"), id="f-skills")
            yield Static("", id="chosen", markup=False, classes="muted")
            yield Field(
                "After 0-10",
                small_input("after", placeholder="how strong now it's over"),
                id="f-after",
            )
            yield Field(
                "Outcome",
                Select(
                    [(o, o) for o in OUTCOMES], prompt="how it ended", id="outcome", compact=True
                ),
                id="f-outcome",
            )
            yield Field("Note", small_input("note"), id="f-note")
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save craving", id="save", variant="primary", compact=True)
                yield Button("Surf the urge", id="surf", variant="success", compact=True)
        yield KeysFooter()

    def form_values(self) -> tuple[Any, ...]:
        return (*super().form_values(), tuple(self.chosen))  # skills picked from the list

    def on_mount(self) -> None:
        self.sub_title = "A craving"
        self.query_one("#form-error").display = False
        self.query_one("#triggers", SelectionList).styles.height = 6
        self.query_one("#suggested", OptionList).styles.height = 5
        self.query_one("#intensity", Input).focus()
        self._suggest()

    # -- suggestions ----------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "intensity":
            self._later()

    def on_selection_list_selected_changed(self, _: SelectionList.SelectedChanged[str]) -> None:
        self._later()

    def _later(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(0.3, self._suggest)

    def _suggest(self) -> None:
        selected = self.query_one("#triggers", SelectionList).selected
        trigger = selected[0] if selected else None
        try:
            level = parse.integer(
                "intensity", self.query_one("#intensity", Input).value or None, 0, 10
            )
        except RecoverylogError:
            level = None
        self.load(lambda j: suggestions(j, trigger, level), self.show_suggestions, group="suggest")

    def show_suggestions(self, skills: list[Any] | None) -> None:
        options = self.query_one("#suggested", OptionList)
        options.clear_options()
        if skills is None:
            options.add_option(Option(Text(NO_LIBRARY), disabled=True))
            return
        for skill in skills:
            prompt = Text(overflow="ellipsis", no_wrap=True)
            prompt.append("✓ " if skill.id in self.chosen else "  ")
            prompt.append(visible(skill.name), style="bold")
            prompt.append(f" · {skill.tradition} · {skill.minutes} min", style="dim")
            options.add_option(Option(prompt, id=skill.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        skill_id = event.option.id
        if skill_id is None:
            return
        if skill_id in self.chosen:
            self.chosen.remove(skill_id)
        else:
            self.chosen.append(skill_id)
        used = ", ".join(self.chosen)
        self.query_one("#chosen", Static).update(f"Skills used: {used}" if used else "")
        self._suggest()

    # -- saving ---------------------------------------------------------------------------
    def _value(self, id: str) -> str:
        return self.query_one(f"#{id}", Input).value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "surf":
            self.action_surf()
        else:
            self.action_save()

    def action_surf(self) -> None:
        from recoverylog.tui.screens.surf import SurfScreen

        self.clear_errors()
        text = self._value("intensity")
        if not text:
            from recoverylog.errors import InvalidInput

            self.show_errors(
                [InvalidInput("intensity", "is needed to start: how strong is it now, 0-10?")]
            )
            return
        (intensity,), errors = collect(lambda: parse.integer("intensity", text, 0, 10))
        if errors:
            self.show_errors(errors)
            return
        triggers = tuple(self.query_one("#triggers", SelectionList).selected)
        self.app.push_screen(SurfScreen(intensity, triggers, self._value("note")))

    def action_save(self) -> None:
        self.clear_errors()
        (intensity, after), errors = collect(
            lambda: parse.integer("intensity", self._value("intensity") or None, 0, 10),
            lambda: parse.integer("after", self._value("after") or None, 0, 10),
        )
        if intensity is None and not errors:
            from recoverylog.errors import InvalidInput

            errors.append(InvalidInput("intensity", "is needed: how strong was it, 0-10?"))
        if errors:
            self.show_errors(errors)
            return
        outcome = self.query_one("#outcome", Select).value
        try:
            entry = self.write(
                lambda j: j.add_craving(
                    intensity,
                    triggers=tuple(self.query_one("#triggers", SelectionList).selected),
                    skills=tuple(self.chosen),
                    after=after,
                    outcome=outcome if isinstance(outcome, str) else None,
                    situation=self._value("situation"),
                    note=self._value("note"),
                )
            )
        except RecoverylogError as exc:
            self.show_errors([exc])
            return
        message = "Craving logged. Noticing it is a skill in itself."
        if entry.outcome == "passed":
            message += " It passed. Well done riding it out."
        self.notify(message, markup=False)
        self.app.pop_screen()
