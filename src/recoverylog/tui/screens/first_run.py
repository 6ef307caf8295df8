"""First run: choose a passphrase, see the recovery key once, type it back, create the journal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from recoverylog.errors import InvalidInput
from recoverylog.tui.messages import Unlocked
from recoverylog.tui.screens.base import FormMixin, error_message
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter
from recoverylog.tui.widgets.spinner import Spinner

if TYPE_CHECKING:
    from recoverylog.journal import Journal
    from recoverylog.tui.app import RecoveryApp

WELCOME = (
    "Welcome. This journal stays on this computer, encrypted. There is no account and "
    "nothing goes online. Choose a passphrase you will remember: without it (or the recovery "
    "key shown next) nobody can open the journal, not even you."
)


class FirstRunScreen(FormMixin, Screen[None]):
    """Create the journal: passphrase twice, then the recovery key typed back."""

    BINDINGS = [Binding("ctrl+s", "next", "Continue", tooltip="Go to the next step.")]
    AUTO_FOCUS = "#new-passphrase"
    FIELDS = {"passphrase": "f-passphrase", "again": "f-again", "recovery_key": "f-key"}

    def __init__(self) -> None:
        super().__init__()
        self._passphrase = ""
        self._recovery_key = ""

    @property
    def rapp(self) -> RecoveryApp:
        return cast("RecoveryApp", self.app)

    def compose(self) -> ComposeResult:
        with Center(), VerticalScroll(id="first-run", classes="dialog"):
            yield Static("recoverylog: a new journal", classes="title")
            with Vertical(id="step-passphrase"):
                yield Static(WELCOME, markup=False, classes="lead")
                yield Field(
                    "Passphrase",
                    Input(password=True, id="new-passphrase", compact=True),
                    id="f-passphrase",
                )
                yield Field(
                    "Type it again",
                    Input(password=True, id="again", compact=True),
                    id="f-again",
                )
                yield Button("Continue", id="continue", variant="primary", compact=True)
            with Vertical(id="step-key"):
                yield Static(
                    "Your recovery key. Write it down and keep it somewhere safe: it opens "
                    "the journal if you forget the passphrase, and it is shown only this once.",
                    markup=False,
                    classes="lead",
                )
                yield Static("", id="recovery-key", markup=False)
                yield Field(
                    "Type it back",
                    Input(id="key-back", compact=True, placeholder="XXXX-XXXX-…"),
                    id="f-key",
                )
                yield Button("Create my journal", id="create", variant="primary", compact=True)
            yield Spinner(id="spinner")
            yield Static("", id="form-error", classes="error", markup=False)
            yield Static("Need help now? Press ! (or F2) for crisis resources.", classes="muted")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#step-key").display = False
        self.query_one("#spinner", Spinner).stop()
        self.query_one("#form-error").display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "new-passphrase":
            self.query_one("#again", Input).focus()
        else:
            self.action_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_next()

    def action_next(self) -> None:
        if self.query_one("#step-key").display:
            self._confirm_key()
        else:
            self._check_passphrase()

    def _check_passphrase(self) -> None:
        from recoverylog.vault.keyslots import check_new_passphrase, new_recovery_key

        self.clear_errors()
        first = self.query_one("#new-passphrase", Input).value
        second = self.query_one("#again", Input).value
        try:
            check_new_passphrase(first)
        except InvalidInput as exc:
            self.show_errors([exc])
            return
        if first != second:
            self.show_errors([InvalidInput("again", "is different from the passphrase; try again")])
            return
        self._passphrase = first
        self._recovery_key = new_recovery_key()
        self.query_one("#new-passphrase", Input).value = ""
        self.query_one("#again", Input).value = ""
        self.query_one("#step-passphrase").display = False
        self.query_one("#step-key").display = True
        self.query_one("#recovery-key", Static).update(self._recovery_key)
        self.query_one("#key-back", Input).focus()

    def _confirm_key(self) -> None:
        from recoverylog.vault.keyslots import normalize_recovery_key

        self.clear_errors()
        typed = self.query_one("#key-back", Input).value
        try:
            same = normalize_recovery_key(typed) == normalize_recovery_key(self._recovery_key)
        except Exception:  # a malformed key is just a mismatch here
            same = False
        if not same:
            self.show_errors(
                [
                    InvalidInput(
                        "recovery_key", "did not match; please check each group and try again"
                    )
                ]
            )
            return
        self.query_one("#create", Button).disabled = True
        self.query_one("#spinner", Spinner).start()
        self._create(self._passphrase, self._recovery_key)

    @work(thread=True, exclusive=True, group="unlock", exit_on_error=False)
    def _create(self, passphrase: str, recovery_key: str) -> None:
        from recoverylog.journal import Journal

        try:
            journal, _ = Journal.create(
                self.rapp.locations, passphrase, self.rapp.kdf_params, recovery_key=recovery_key
            )
        except Exception as exc:
            self.app.call_from_thread(self._failed, error_message(exc))
            return
        self.app.call_from_thread(self._done, journal)

    def _done(self, journal: Journal) -> None:
        self._passphrase = self._recovery_key = ""
        if not self.is_attached:
            journal.close()
            return
        self.post_message(
            Unlocked(
                journal, "Your journal is ready. Start a sobriety clock with t, or check in with c."
            )
        )

    def _failed(self, message: str) -> None:
        self.query_one("#spinner", Spinner).stop()
        self.query_one("#create", Button).disabled = False
        self._form_error(message)

    def on_unmount(self, _: Any) -> None:
        self._passphrase = self._recovery_key = ""
