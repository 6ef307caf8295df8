"""The footer shows the keys of the screen on top, also after coming back to a screen."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets._footer import FooterKey

from recoverylog.journal import Journal
from recoverylog.paths import Locations
from recoverylog.tui.app import create_app
from recoverylog.tui.screens.dashboard import DashboardScreen
from recoverylog.tui.screens.history import HistoryScreen
from recoverylog.tui.widgets.footer import KeysFooter
from tests.tui.conftest import open_journal
from tests.tui.helpers import settle


def shown(screen: Screen[Any]) -> list[str]:
    """The descriptions the footer draws now."""
    footer = screen.query_one(KeysFooter)
    keys = footer.query(FooterKey).exclude(".-command-palette")
    return [key.description for key in keys if key.description]


def expected(screen: Screen[Any]) -> list[str]:
    """The descriptions of the screen's shown bindings, one per action."""
    seen: dict[str, str] = {}
    for _, binding, _, _ in screen.active_bindings.values():
        if binding.show and binding.description and binding.action != "command_palette":
            seen.setdefault(binding.action, binding.description)
    return list(seen.values())


async def test_footer_follows_the_screen_on_top(
    fresh_dir: Locations, reopen: list[Journal]
) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        on_dashboard = shown(dashboard)
        assert on_dashboard and on_dashboard == expected(dashboard)
        await pilot.press("h")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert shown(history) == expected(history)
        assert "Older" in shown(history) and "Older" not in on_dashboard
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dashboard
        assert shown(dashboard) == expected(dashboard) == on_dashboard
