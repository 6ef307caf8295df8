"""Help: every key of the screen it was opened from, built from that screen's bindings."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from recoverylog.tui.screens.crisis import CRISIS_BINDING

GLOBAL_NOTE = (
    "? and ! work on every screen, in an empty text field too. Once you have typed something "
    "in a field they type themselves: then F1 opens help and F2 crisis resources. "
    "The mouse works too: click fields, buttons and rows."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,f1", "app.pop_screen", "Close", tooltip="Close help."),
        CRISIS_BINDING,
    ]

    def __init__(self, title: str, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    @classmethod
    def for_screen(cls, screen: Screen[Any]) -> HelpScreen:
        """Keys of ``screen``: its own and the app's, and the focused widgets' shown ones."""
        app = screen.app
        focused = screen.focused
        nodes: list[Any] = list(focused.ancestors_with_self) if focused is not None else []
        for node in (screen, app):
            if node not in nodes:
                nodes.append(node)
        rows: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for node in nodes:
            own = node is screen or node is app
            for _key, binding in node._bindings:
                if not binding.description or binding.system or "super+" in binding.key:
                    continue
                if not own and not binding.show:
                    continue
                label = binding.key_display or app.get_key_display(binding)
                if label in seen:
                    continue
                seen.add(label)
                rows.append((label, binding.description, binding.tooltip))
        title = getattr(screen, "HELP_TITLE", "") or screen.sub_title or type(screen).__name__
        return cls(str(title), rows)

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("does")
        for key, description, tooltip in self.rows:
            does = Text(description)
            if tooltip and tooltip != description:
                does.append(f"  {tooltip}", style="dim")
            table.add_row(Text(key), does)
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text(f"Keys: {self.title_text}"), classes="title")
            yield Static(table)
            yield Static(GLOBAL_NOTE, classes="muted", markup=False)
