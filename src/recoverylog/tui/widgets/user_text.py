"""A block of the person's own text: shown exactly as typed, long words folded, never markup."""

from __future__ import annotations

from textual.widgets import Static

from recoverylog.tui.text import user_text


class UserText(Static):
    """User text as typed (markup, escapes and very long words included)."""

    DEFAULT_CSS = """
    UserText {
        height: auto;
        width: 1fr;
        text-wrap: wrap;
        text-overflow: fold;
    }
    """

    def __init__(
        self, text: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(user_text(text), id=id, classes=classes, markup=False)
        self.text = text

    def set_text(self, text: str) -> None:
        self.text = text
        self.update(user_text(text))
