"""``!`` reaches the crisis resources from every screen, the lock screen included; ``?`` shows
every key of the screen it was pressed on."""

from __future__ import annotations

import pytest

from recoverylog.paths import Locations
from recoverylog.tui.app import create_app
from recoverylog.tui.screens.crisis import CrisisScreen
from recoverylog.tui.screens.help import HelpScreen
from recoverylog.tui.screens.lock import LockScreen
from recoverylog.tui.screens.reflection import ReflectionScreen
from recoverylog.tui.screens.registry import SCREENS
from tests.tui.conftest import open_journal
from tests.tui.helpers import screen_text, settle, type_text


async def test_crisis_from_the_lock_screen(fresh_dir: Locations) -> None:
    app = create_app(fresh_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LockScreen)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        assert "If you are in danger right now" in screen_text(app)
        assert not app.unlocked
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        await type_text(pilot, "abc!")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen), "! types itself once the field has text"
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)


EVERY_SCREEN = ["dashboard", *SCREENS]
GROUPS = [EVERY_SCREEN[i::3] for i in range(3)]


def test_the_groups_cover_every_screen() -> None:
    assert sorted(name for group in GROUPS for name in group) == sorted(EVERY_SCREEN)


@pytest.mark.parametrize("names", GROUPS, ids=["-".join(g) for g in GROUPS])
async def test_crisis_and_help_from_every_screen(sample_dir: Locations, names: list[str]) -> None:
    app = create_app(sample_dir, journal=open_journal(sample_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for name in names:
            if name != "dashboard":
                app.open_screen(name)
                await settle(pilot)
            screen = app.screen
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen), name
            keys = {key for key, _description, _tip in app.screen.rows}
            assert {"?", "!", "f1", "f2", "^l", "^q", "^p", "esc"} <= keys
            described = {description for _key, description, _tip in app.screen.rows}
            for bindings in screen._bindings.key_to_bindings.values():
                for binding in bindings:
                    if binding.description:
                        assert binding.description in described, f"{binding.key} on {name}"
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            await pilot.press("exclamation_mark")
            await pilot.pause()
            assert isinstance(app.screen, CrisisScreen), name
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            if name != "dashboard":
                await pilot.press("escape")
                await settle(pilot)
        assert len(app.screen_stack) == 2


async def test_f2_reaches_crisis_from_inside_a_typed_field(fresh_dir: Locations) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await type_text(pilot, "What now?!")
        assert isinstance(app.screen, ReflectionScreen)
        assert "What now?!" in screen_text(app)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_crisis_from_dialogs(sample_dir: Locations) -> None:
    """Help and a delete confirmation are modal: ``!`` still opens crisis resources over them."""
    from recoverylog.tui.screens.dialogs import ConfirmScreen

    app = create_app(sample_dir, journal=open_journal(sample_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # the question is still there to answer


async def test_crisis_text_is_whole_at_80_columns(fresh_dir: Locations) -> None:
    """Every wrapped line of the resources can be scrolled to; none is cut off at the end."""
    from recoverylog.tui.screens.crisis import CrisisScreen as Crisis

    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(Crisis(None))
        await pilot.pause()
        app.screen.query_one("#crisis").scroll_end(animate=False)
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "across the EU · 24/7" in text
        assert "a doctor, a therapist or emergency services." in text
