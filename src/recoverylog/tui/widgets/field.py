"""A labelled form row: the label, the control, and the field's own error message under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Static


class Field(Vertical):
    """One form field; :meth:`set_error` shows the facade's message (it names the field)."""

    DEFAULT_CSS = """
    Field {
        height: auto;
        margin: 0 0 0 0;
    }
    Field > .field--row {
        height: auto;
    }
    Field .field--label {
        width: 17;
        padding: 0 1 0 0;
        color: $text-muted;
    }
    Field .field--hint {
        color: $text-muted;
        padding: 0 0 0 17;
        display: none;
    }
    Field.-with-hint .field--hint {
        display: block;
    }
    Field .field--error {
        color: $text-error;
        padding: 0 0 0 17;
        display: none;
    }
    Field.-invalid .field--error {
        display: block;
    }
    Field.-invalid .field--label {
        color: $text-error;
        text-style: bold;
    }
    """

    def __init__(
        self, label: str, control: Widget, *, hint: str = "", id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="-with-hint" if hint else "")
        self.label = label
        self.control = control
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field--row"):
            yield Label(self.label, classes="field--label", markup=False)
            yield self.control
        yield Static(self.hint, classes="field--hint", markup=False)
        yield Static("", classes="field--error", markup=False)

    def set_error(self, message: str | None) -> None:
        self.query_one(".field--error", Static).update(message or "")
        self.set_class(bool(message), "-invalid")

    @property
    def error(self) -> str:
        return (
            str(self.query_one(".field--error", Static).content)
            if self.has_class("-invalid")
            else ""
        )
