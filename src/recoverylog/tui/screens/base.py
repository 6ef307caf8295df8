"""What every journal screen shares: workers that read through the facade, errors, forms."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from recoverylog.errors import InvalidInput, RecoverylogError
from recoverylog.tui.data import Locked
from recoverylog.tui.screens.crisis import CRISIS_BINDING
from recoverylog.tui.widgets.field import Field

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from recoverylog.journal import Journal
    from recoverylog.tui.app import RecoveryApp

T = TypeVar("T")


def error_message(exc: BaseException) -> str:
    """A message for a person: field names as words ("cost per day", not "--cost-per-day")."""
    if isinstance(exc, InvalidInput):
        return f"{_words(exc.field)} {exc.problem}"
    if isinstance(exc, RecoverylogError):
        return exc.message
    return f"something unexpected went wrong ({type(exc).__name__}); nothing more was saved"


def _words(field: str) -> str:
    field = field.strip()
    if field.startswith("--"):  # a command-line option's name
        field = field[2:].replace("-", " ")
    return field.replace("_", " ")


class JournalMixin:
    """Reads in thread workers (the UI never waits on the journal), writes in one call."""

    if TYPE_CHECKING:
        app: Any
        is_attached: bool

        def run_worker(self, *args: Any, **kwargs: Any) -> Any: ...
        def notify(self, *args: Any, **kwargs: Any) -> None: ...

    @property
    def rapp(self) -> RecoveryApp:
        return cast("RecoveryApp", self.app)

    def load(
        self, fn: Callable[[Journal], T], then: Callable[[T], Any], *, group: str = "load"
    ) -> None:
        """Run ``fn(journal)`` on a thread, then ``then(result)`` on the UI if still shown."""
        self.run_worker(
            partial(self._load, fn, then),
            thread=True,
            group=group,
            exclusive=True,
            exit_on_error=False,
        )

    def _load(self, fn: Callable[[Journal], T], then: Callable[[T], Any]) -> None:
        try:
            with self.rapp.journal() as journal:
                result = fn(journal)
        except Locked:
            return
        except Exception as exc:  # shown as a message, never a traceback
            self._call_ui(self._report_if_shown, exc)
            return
        self._call_ui(self._deliver, then, result)

    def _call_ui(self, fn: Callable[..., Any], *args: Any) -> None:
        with contextlib.suppress(Exception):  # the app is closing
            self.app.call_from_thread(fn, *args)

    async def _deliver(self, then: Callable[[T], Any], result: T) -> None:
        if self.is_attached and self.rapp.unlocked:
            outcome = then(result)
            if inspect.isawaitable(outcome):
                await outcome

    def write(self, fn: Callable[[Journal], T]) -> T:
        """Run one quick facade call on the UI thread: a change (one transaction), or a
        small read a form needs before the first key."""
        with self.rapp.journal() as journal:
            try:
                return fn(journal)
            except RecoverylogError:
                raise
            except Exception as exc:  # shown in place like any other error, never a traceback
                raise RecoverylogError(error_message(exc)) from None

    def read_first(self, fn: Callable[[Journal], T], then: Callable[[T], Any]) -> None:
        """A small read a screen needs before the first key (on the UI thread, so nothing
        typed at once is lost). If it fails (a damaged record), say so and go back."""
        try:
            result = self.write(fn)
        except RecoverylogError as exc:
            self.report_error(exc)
            self.call_after_refresh(self._leave)
            return
        then(result)

    def _leave(self) -> None:
        if self.is_attached and self.app.screen is self:
            self.app.pop_screen()

    def _report_if_shown(self, exc: BaseException) -> None:
        """An error from a read whose screen has gone (an entry just deleted) is not news."""
        if self.is_attached and self in self.app.screen_stack:  # popped screens linger a bit
            self.report_error(exc)

    def report_error(self, exc: BaseException) -> None:
        if isinstance(exc, Locked):
            return
        self.notify(error_message(exc), severity="error", markup=False, timeout=8)


class JournalScreen(JournalMixin, Screen[Any]):
    """A full screen of the unlocked journal."""


class FormMixin(JournalMixin):
    """Errors shown next to their field: ``FIELDS`` maps the facade's field names to Field ids."""

    FIELDS: dict[str, str] = {}

    @property
    def _node(self) -> DOMNode:
        return cast("DOMNode", self)

    def clear_errors(self) -> None:
        for field in self._node.query(Field):
            field.set_error(None)
        for note in self._node.query("#form-error"):
            cast(Static, note).update("")
            note.display = False

    def show_errors(self, errors: Iterable[BaseException]) -> None:
        first: Field | None = None
        for exc in errors:
            field = self._field_for(exc)
            if field is None:
                self._form_error(error_message(exc))
                continue
            field.set_error(error_message(exc))
            first = first or field
        if first is not None:
            first.control.focus()

    def _field_for(self, exc: BaseException) -> Field | None:
        if not isinstance(exc, InvalidInput):
            return None
        name = (
            exc.field.split(":")[-1].strip().lstrip("-").lower().replace("-", "_").replace(" ", "_")
        )
        target = self.FIELDS.get(name) or self.FIELDS.get(exc.field)
        if target is None:
            return None
        found = list(self._node.query(f"#{target}"))
        return cast(Field, found[0]) if found else None

    def _form_error(self, message: str) -> None:
        found = list(self._node.query("#form-error"))
        if found:
            cast(Static, found[0]).update(message)
            found[0].display = True
        else:
            self.notify(message, severity="error", markup=False, timeout=8)


class FormScreen(FormMixin, Screen[Any]):
    """A full-screen form; ctrl+s saves; escape asks first when something was typed."""

    BINDINGS = [
        Binding(
            "ctrl+s", "save", "Save", tooltip="Save (the form stays if something needs fixing)."
        ),
        Binding("escape", "leave", "Back", show=False, tooltip="Back (asks if unsaved)."),
    ]
    _filled: tuple[Any, ...] | None = None

    def _on_mount(self, _: Any) -> None:
        # What the form shows once its own on_mount has filled it in: leaving asks first
        # only if the person has changed something since.
        self.call_after_refresh(self._remember)

    def _remember(self) -> None:
        self._filled = self.form_values()

    def form_values(self) -> tuple[Any, ...]:
        from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

        values: list[Any] = []
        for widget in self.query("Input, TextArea, Checkbox, Select, SelectionList"):
            if isinstance(widget, Input):
                values.append(widget.value)
            elif isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, Checkbox | Select):
                values.append(widget.value)
            elif isinstance(widget, SelectionList):
                values.append(tuple(widget.selected))
        return tuple(values)

    def unsaved(self) -> bool:
        return self._filled is not None and self.form_values() != self._filled

    def action_leave(self) -> None:
        if not self.unsaved():
            self.app.pop_screen()
            return
        from recoverylog.tui.screens.dialogs import ConfirmScreen

        def answer(leave: bool | None) -> None:
            if leave and self.is_attached and self.app.screen is self:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmScreen(
                "Leave without saving? What you wrote here is not saved yet.", "Leave", "Stay"
            ),
            answer,
        )


class JournalModal(JournalMixin, ModalScreen[Any]):
    """A dialog over the current screen."""

    BINDINGS = [CRISIS_BINDING]


def collect(*steps: Callable[[], Any]) -> tuple[list[Any], list[BaseException]]:
    """Run each parsing step; gather every value and every InvalidInput, so all show at once."""
    values: list[Any] = []
    errors: list[BaseException] = []
    for step in steps:
        try:
            values.append(step())
        except InvalidInput as exc:
            values.append(None)
            errors.append(exc)
    return values, errors
