"""Changing the passphrase: the current one, the new one twice; the key is re-wrapped only."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from recoverylog.errors import InvalidInput, WrongPassphrase
from recoverylog.tui.screens.base import FormMixin, JournalModal, error_message
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.spinner import Spinner


class PassphraseScreen(FormMixin, JournalModal):
    BINDINGS = [
        Binding("ctrl+s", "save", "Change", tooltip="Change the passphrase."),
        Binding("escape", "app.pop_screen", "Cancel"),
    ]
    FIELDS = {"current": "f-current", "passphrase": "f-new", "again": "f-again"}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Static("Change the passphrase", classes="title")
            yield Field("Current", Input(password=True, id="current", compact=True), id="f-current")
            yield Field("New", Input(password=True, id="new", compact=True), id="f-new")
            yield Field("Again", Input(password=True, id="again", compact=True), id="f-again")
            yield Spinner(id="spinner")
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Change", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#spinner", Spinner).stop()
        self.query_one("#form-error").display = False
        self.query_one("#current", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "again":
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.app.pop_screen()

    def action_save(self) -> None:
        from recoverylog.vault.keyslots import check_new_passphrase

        self.clear_errors()
        current = self.query_one("#current", Input).value
        new = self.query_one("#new", Input).value
        again = self.query_one("#again", Input).value
        try:
            check_new_passphrase(new)
        except InvalidInput as exc:
            self.show_errors([exc])
            return
        if new != again:
            self.show_errors([InvalidInput("again", "is different from the new passphrase")])
            return
        self.query_one("#spinner", Spinner).start()
        self.query_one("#save", Button).disabled = True
        self._change(current, new)

    @work(thread=True, exclusive=True, group="passphrase", exit_on_error=False)
    def _change(self, current: str, new: str) -> None:
        from recoverylog.journal import Journal

        try:
            Journal.open(self.rapp.locations, current).close()
            with self.rapp.journal() as journal:
                journal.change_passphrase(new)
        except WrongPassphrase:
            self._call_ui(self._failed, InvalidInput("current", "does not open this journal"))
            return
        except Exception as exc:
            self._call_ui(self._failed, exc)
            return
        self._call_ui(self._done)

    def _failed(self, exc: Any) -> None:
        self.query_one("#spinner", Spinner).stop()
        self.query_one("#save", Button).disabled = False
        if isinstance(exc, InvalidInput):
            self.show_errors([exc])
        else:
            self._form_error(error_message(exc))

    def _done(self) -> None:
        self.notify("Your passphrase has been changed.", markup=False)
        self.app.pop_screen()
