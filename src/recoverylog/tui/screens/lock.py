"""The lock screen: the passphrase, unlocked by Argon2id on a worker thread with a spinner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from recoverylog.tui.messages import Unlocked
from recoverylog.tui.screens.base import error_message
from recoverylog.tui.widgets.footer import KeysFooter
from recoverylog.tui.widgets.spinner import Spinner

if TYPE_CHECKING:
    from recoverylog.journal import Journal
    from recoverylog.tui.app import RecoveryApp


class LockScreen(Screen[None]):
    """Locked: nothing of the journal is in memory until the passphrase unlocks it."""

    BINDINGS = [
        Binding("enter", "unlock", "Unlock", show=False, tooltip="Unlock with the passphrase."),
    ]
    AUTO_FOCUS = "#passphrase"

    def __init__(self, auto_passphrase: str | None = None) -> None:
        super().__init__()
        self.auto_passphrase = auto_passphrase

    @property
    def rapp(self) -> RecoveryApp:
        return cast("RecoveryApp", self.app)

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="lock-box", classes="dialog"):
            yield Static("recoverylog", classes="title")
            yield Static("Your journal is locked.", id="lock-status", markup=False)
            yield Input(
                password=True, placeholder="Passphrase, then Enter", id="passphrase", compact=True
            )
            yield Static("", id="lock-error", classes="error", markup=False)
            yield Spinner(id="spinner")
            if self.rapp.demo_passphrase:
                yield Static(
                    f"Demo journal: its passphrase is {self.rapp.demo_passphrase}",
                    classes="muted",
                    markup=False,
                )
            yield Static(
                "Need help now? Press ! (or F2) for crisis resources; no unlocking needed.",
                classes="muted",
                markup=False,
            )
            yield Button("Crisis resources", id="crisis", variant="warning", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#spinner", Spinner).stop()
        self.query_one("#lock-error").display = False
        if self.auto_passphrase:
            secret, self.auto_passphrase = self.auto_passphrase, None
            self._start(secret)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_unlock()

    def action_unlock(self) -> None:
        field = self.query_one("#passphrase", Input)
        if not field.value:
            self._fail("Type your passphrase, then press Enter.")
            return
        self._start(field.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "crisis":
            self.rapp.action_crisis()

    def _start(self, secret: str) -> None:
        field = self.query_one("#passphrase", Input)
        field.value = ""
        field.disabled = True
        self.query_one("#lock-error").display = False
        self.query_one("#lock-status", Static).update("Unlocking…")
        self.query_one("#spinner", Spinner).start()
        self._derive(secret)

    @work(thread=True, exclusive=True, group="unlock", exit_on_error=False)
    def _derive(self, secret: str) -> None:
        from recoverylog.errors import WrongPassphrase
        from recoverylog.journal import Journal

        try:
            journal = Journal.open(self.rapp.locations, secret)
        except Exception as exc:  # a wrong passphrase or a damaged header: said in place
            message = error_message(exc)
            if isinstance(exc, WrongPassphrase):
                message += (
                    ". Forgotten it? Your recovery key opens the journal: "
                    "run recoverylog recover in a terminal."
                )
            self.app.call_from_thread(self._fail, message)
            return
        self.app.call_from_thread(self._done, journal)

    def _done(self, journal: Journal) -> None:
        if not self.is_attached or self.rapp.unlocked:
            journal.close()
            return
        self.post_message(Unlocked(journal))

    def _fail(self, message: str) -> None:
        if not self.is_attached:
            return
        self.query_one("#spinner", Spinner).stop()
        self.query_one("#lock-status", Static).update("Your journal is locked.")
        error = self.query_one("#lock-error", Static)
        error.update(message[:1].upper() + message[1:])
        error.display = True
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        field.focus()

    def on_screen_resume(self, _: Any) -> None:
        field = self.query_one("#passphrase", Input)
        if not field.disabled:
            field.focus()
