"""The command palette (ctrl+p): every screen of the journal, crisis help, lock, theme, quit."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from recoverylog.tui.app import RecoveryApp


class JournalCommands(Provider):
    """Commands that fit the moment: journal screens only while unlocked."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from recoverylog.tui.screens.registry import SCREENS

        app = cast("RecoveryApp", self.app)
        items: list[tuple[str, str, Callable[[], object]]] = [
            (
                "Crisis resources",
                "Helplines and what to do now (no unlocking needed)",
                app.action_crisis,
            ),
            ("Help", "Every key of this screen", app.action_help),
        ]
        if app.unlocked:
            for name, (title, help_text, _factory) in SCREENS.items():
                items.append((title, help_text, partial(app.open_screen, name)))
            items.append(("Lock now", "Clear the screen and forget the key", app.action_lock))
        items.append(("Theme", "Change the colours", app.action_change_theme))
        items.append(("Quit", "Quit the app", app.action_quit))
        return items

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
