"""Settings: auto-lock, crisis region, theme (config.toml), currency, medication, alias (sealed),
and the passphrase."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Header, Input, Select, Static

from recoverylog import fields as parse
from recoverylog.config import THEMES
from recoverylog.errors import RecoverylogError
from recoverylog.tui.screens.base import FormScreen, collect
from recoverylog.tui.screens.checkin import small_input
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from recoverylog.domain.models import Settings


def regions() -> list[tuple[str, str]]:
    try:
        from recoverylog.crisis import REGIONS
    except ImportError:
        return []
    return [(r, r) for r in REGIONS]


class SettingsScreen(FormScreen):
    FIELDS = {
        "auto_lock_minutes": "f-autolock",
        "auto_lock": "f-autolock",
        "region": "f-region",
        "theme": "f-theme",
        "rollover_hour": "f-rollover",
        "currency": "f-currency",
        "medication": "f-medication",
        "medication_tracking": "f-medication",
        "alias": "f-alias",
    }

    def compose(self) -> ComposeResult:
        config = self.rapp.config
        yield Header()
        with VerticalScroll(classes="form", id="settings-form"):
            yield Static("On this computer (config.toml)", classes="title")
            yield Field(
                "Auto-lock",
                small_input("autolock", str(config.auto_lock_minutes)),
                hint="Minutes without activity before the journal locks; 0 means never.",
                id="f-autolock",
            )
            yield Field(
                "Crisis region",
                Select(
                    regions(),
                    value=config.region if config.region in dict(regions()) else Select.NULL,
                    prompt="from my locale",
                    id="region",
                    compact=True,
                ),
                id="f-region",
            )
            yield Field(
                "Theme",
                Select(
                    [(t, t) for t in THEMES],
                    value=config.theme,
                    allow_blank=False,
                    id="theme",
                    compact=True,
                ),
                id="f-theme",
            )
            yield Field(
                "Day starts at",
                small_input("rollover", str(config.rollover_hour)),
                hint="Hour 0-6: with 4, an entry at 01:30 belongs to the day before.",
                id="f-rollover",
            )
            yield Static("In the journal (encrypted)", classes="title")
            yield Field("Currency", small_input("currency"), id="f-currency")
            yield Field(
                "Medication",
                Checkbox("track prescribed medication in check-ins", id="medication", compact=True),
                hint="For medication-assisted treatment. Taking it is never a slip.",
                id="f-medication",
            )
            yield Field(
                "Alias", small_input("alias", placeholder="a name for reports"), id="f-alias"
            )
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save settings", id="save", variant="primary", compact=True)
                yield Button("Change passphrase", id="passphrase", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Settings"
        self.query_one("#form-error").display = False
        self.read_first(lambda j: j.settings(), self.fill)

    def fill(self, settings: Settings) -> None:
        self.query_one("#currency", Input).value = settings.currency
        self.query_one("#medication", Checkbox).value = settings.medication_tracking
        self.query_one("#alias", Input).value = settings.alias
        self.query_one("#autolock", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            from recoverylog.tui.screens.passphrase import PassphraseScreen

            self.app.push_screen(PassphraseScreen())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        self.clear_errors()
        (minutes, rollover), errors = collect(
            lambda: parse.integer(
                "auto_lock_minutes", self.query_one("#autolock", Input).value or "0", 0, 240
            ),
            lambda: parse.integer(
                "rollover_hour", self.query_one("#rollover", Input).value or "0", 0, 6
            ),
        )
        if errors:
            self.show_errors(errors)
            return
        region = self.query_one("#region", Select).value
        theme = self.query_one("#theme", Select).value
        config = dataclasses.replace(
            self.rapp.config,
            auto_lock_minutes=minutes,
            rollover_hour=rollover,
            region=region if isinstance(region, str) else None,
            theme=str(theme),
        )
        sealed: dict[str, Any] = {
            "currency": self.query_one("#currency", Input).value.strip(),
            "medication_tracking": self.query_one("#medication", Checkbox).value,
            "alias": self.query_one("#alias", Input).value.strip(),
        }
        try:
            config.validate()
            self.write(lambda j: j.update_settings(**sealed))
            self.rapp.save_config(config)
        except RecoverylogError as exc:
            self.show_errors([exc])
            return
        self.notify("Settings saved.", markup=False)
        self.app.pop_screen()
