"""The skills browser: search, favourite, and a skill of one's own, saved through the facade."""

from __future__ import annotations

import pytest

from recoverylog.journal import Journal
from recoverylog.paths import Locations
from recoverylog.tui.app import create_app
from recoverylog.tui.screens.skills import SkillsScreen
from tests.tui.conftest import open_journal
from tests.tui.helpers import screen_text, settle, type_text

pytest.importorskip("recoverylog.skills.library", reason="the skills library is not installed")


async def test_search_and_favourite(fresh_dir: Locations, reopen: list[Journal]) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SkillsScreen)
        await pilot.press("slash")
        await type_text(pilot, "box breathing")
        await pilot.press("enter")
        await pilot.pause(0.4)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SkillsScreen)
        skill = screen.current_skill()
        assert skill is not None and "breath" in skill.name.lower()
        assert skill.name in screen_text(app)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert "★ favourite" in screen_text(app)
        await pilot.click("#favourites")
        await settle(pilot)
        assert [s.id for s in screen.skills] == [skill.id]
    reopen.append(journal := open_journal(fresh_dir))
    assert journal.skill(skill.id).favourite is True
    assert [s.id for s in journal.skills(favourites=True)] == [skill.id]


async def test_personal_skill(fresh_dir: Locations, reopen: list[Journal]) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_text(pilot, "Evening walk")
        await pilot.click("#summary")
        await type_text(pilot, "Round the block")
        await pilot.press("tab")
        await type_text(pilot, "Shoes on")
        await pilot.press("enter")
        await type_text(pilot, "Walk ten minutes")
        await pilot.click("#minutes")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "500")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "minutes must be 1-240 (got 500)" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "15")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SkillsScreen)
    reopen.append(journal := open_journal(fresh_dir))
    skill = journal.skill("evening-walk")
    assert skill.personal and skill.name == "Evening walk"
    assert skill.steps == ("Shoes on", "Walk ten minutes")
    assert skill.minutes == 15


async def test_long_skill_names_stay_on_one_line_at_80_columns(
    fresh_dir: Locations, reopen: list[Journal]
) -> None:
    """A name too long for the list is cut with "…" rather than losing its second line."""
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        text = screen_text(app)
        assert "Role-play and rehears…" in text
        assert "Unconditional self-ac…" in text
