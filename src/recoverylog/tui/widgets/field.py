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
        self._refused = self._value() if message else None

    def _value(self) -> object:
        """What the control holds now (for telling a real change from a late echo)."""
        control = self.control
        for name in ("value", "text", "selected"):
            if hasattr(control, name):
                value = getattr(control, name)
                return tuple(value) if isinstance(value, list) else value
        return None

    def on_input_changed(self) -> None:
        self._changed()

    def on_select_changed(self) -> None:
        self._changed()

    def on_checkbox_changed(self) -> None:
        self._changed()

    def on_text_area_changed(self) -> None:
        self._changed()

    def on_selection_list_selected_changed(self) -> None:
        self._changed()

    def _changed(self) -> None:
        """The person changed the refused value: its message goes (it comes back on saving
        if the new value is refused too)."""
        refused = getattr(self, "_refused", None)
        if self.has_class("-invalid") and refused is not None and self._value() != refused:
            self.set_error(None)

    @property
    def error(self) -> str:
        return (
            str(self.query_one(".field--error", Static).content)
            if self.has_class("-invalid")
            else ""
        )
