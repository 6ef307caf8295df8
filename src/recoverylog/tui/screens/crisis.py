"""Crisis and helpline resources: no network, no unlocking, reachable from every screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from recoverylog.tui.widgets.footer import KeysFooter

#: ``!`` on dialogs too: a modal screen does not pass keys on to the app's own bindings.
CRISIS_BINDING = Binding(
    "exclamation_mark",
    "app.crisis",
    "Crisis",
    key_display="!",
    tooltip="Crisis and helpline resources; no unlocking needed.",
)

FALLBACK = (
    "If you are in danger or might harm yourself, call your local emergency number now "
    "(911 in the US and Canada, 999 in the UK, 112 in Ireland and the EU, 000 in Australia).\n\n"
    "You can also go to the nearest emergency department, or ask someone you trust to stay "
    "with you."
)
NOT_CARE = (
    "recoverylog is a journal. It does not replace professional help: your doctor, a "
    "counsellor, a sponsor or a helpline can."
)


def crisis_text(region: str | None) -> str:
    """The crisis module's resources for the region, or a plain fallback if it is missing."""
    try:
        from recoverylog import crisis
    except ImportError:
        return FALLBACK
    try:
        return str(crisis.render_text(crisis.resolve_region(None, region)))
    except Exception:  # a problem here must never stand between a person and help
        return FALLBACK


class CrisisScreen(Screen[None]):
    """Help now. Escape goes back to where you were."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", tooltip="Back to where you were.")]

    def __init__(self, region: str | None) -> None:
        super().__init__()
        self.crisis_region = region

    def compose(self) -> ComposeResult:
        yield Header()
        text = crisis_text(self.crisis_region)
        with VerticalScroll(id="crisis"):
            yield Static(Text(text, overflow="fold"), id="crisis-text")
            if text == FALLBACK:
                yield Static(NOT_CARE, markup=False, classes="muted", id="not-care")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Crisis resources"
        self.query_one("#crisis").focus()
