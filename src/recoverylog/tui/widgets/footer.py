"""Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes after every change of the screen's bindings, which focus moves
trigger too: opening the history screen rebuilt it five times (and the covered dashboard's
once), about a quarter of the time to open the screen. This one compares what it would show
with what it shows and rebuilds only when they differ, and not while its screen is covered.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """A compact Footer that skips rebuilds that would draw the same keys."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(**kwargs)
        self._shown: tuple[Any, ...] | None = None

    def _signature(self, screen: Screen[Any]) -> tuple[Any, ...]:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip, binding.group)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.action == "command_palette"
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if not (screen.is_current and screen.app.app_focus and screen is self.screen):
            # Covered (or the app is in the background): the keys drawn stay as they are, and
            # the focus coming back on top compares again with what is drawn.
            self._bindings_ready = True
            return
        signature = self._signature(screen)
        if self._bindings_ready and signature == self._shown:
            return
        self._shown = signature
        super().bindings_changed(screen)
