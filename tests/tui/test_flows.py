"""Driving the app by keys, then checking what reached the journal through the facade."""

from __future__ import annotations

from datetime import date

from recoverylog.journal import Journal
from recoverylog.paths import Locations
from recoverylog.tui.app import create_app
from recoverylog.tui.screens.dashboard import DashboardScreen
from recoverylog.tui.screens.lock import LockScreen
from recoverylog.tui.ticks import FakeTicks
from tests.tui.conftest import open_journal
from tests.tui.helpers import PASSPHRASE, screen_text, settle, type_text

TODAY = date(2026, 11, 25)


async def test_unlock_wrong_then_right(fresh_dir: Locations) -> None:
    app = create_app(fresh_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LockScreen)
        await type_text(pilot, "not my passphrase")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        assert "That passphrase does not open this journal" in screen_text(app)
        assert "recoverylog recover" in " ".join(screen_text(app).split())
        assert not app.unlocked
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "Alcohol" in text and "30 days this run" in text
        assert "No check-in yet today" in text
        assert "Today marks 30 days on Alcohol. That is worth noticing." in text


async def test_checkin_is_saved(fresh_dir: Locations, reopen: list[Journal]) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await type_text(pilot, "7")
        await pilot.press("tab")
        await type_text(pilot, "3")
        await pilot.press("tab", "space", "tab", "tab", "space", "tab")
        await pilot.press("tab")
        await type_text(pilot, "7.5")
        await pilot.press("tab", "tab", "tab", "space")
        await pilot.press("tab")
        await type_text(pilot, "[bold]sun[/]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Checked in today · mood 7 · craving 3" in screen_text(app)
    reopen.append(journal := open_journal(fresh_dir))
    entry = journal.checkin_on(TODAY)
    assert entry is not None
    assert (entry.mood, entry.craving, entry.halt) == (7, 3, ("hungry", "lonely"))
    assert str(entry.sleep) == "7.5"
    assert entry.reached_out is True
    assert entry.gratitude == "[bold]sun[/]"


async def test_checkin_refuses_out_of_range_in_place(
    fresh_dir: Locations, reopen: list[Journal]
) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await type_text(pilot, "11")
        await pilot.press("tab")
        await type_text(pilot, "12")
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "mood must be 1-10 (got 11)" in text
        assert "craving must be 0-10 (got 12)" in text
        assert app.screen.focused is not None and app.screen.focused.id == "mood"
        await pilot.press("backspace")  # mood is now 1: its message goes, craving's stays
        await pilot.pause()
        text = screen_text(app)
        assert "mood must be" not in text
        assert "craving must be 0-10 (got 12)" in text
    reopen.append(journal := open_journal(fresh_dir))
    assert journal.checkin_on(TODAY) is None


async def test_craving_through_the_surf_timer(fresh_dir: Locations, reopen: list[Journal]) -> None:
    ticks = FakeTicks()
    app = create_app(fresh_dir, journal=open_journal(fresh_dir), ticks=ticks)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("7", "tab", "space", "down", "down", "space", "ctrl+t")
        await settle(pilot)
        assert "Minute 0: 7 out of 10" in screen_text(app)
        assert ticks.running == 1
        ticks.advance(60)
        await pilot.pause()
        assert "Minute 1: how strong is the urge now" in screen_text(app)
        await pilot.press("5", "enter")
        ticks.advance(60)
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert "Minute 2: 3 out of 10" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert ticks.running == 0
    reopen.append(journal := open_journal(fresh_dir))
    (craving,) = journal.log(kinds=("craving",))
    assert (craving.intensity, craving.intensity_after, craving.outcome) == (7, 3, "passed")
    assert craving.triggers == ("hungry", "lonely")
    assert craving.duration_minutes == 2
    (surf,) = journal.records("surf")
    assert surf.craving_id == craving.id
    assert surf.samples == ((0, 7), (1, 5), (2, 3))


async def test_craving_saved_without_timer(fresh_dir: Locations, reopen: list[Journal]) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("4", "tab", "tab")
        await type_text(pilot, "payday")
        await pilot.press("tab", "tab")
        await type_text(pilot, "1")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    reopen.append(journal := open_journal(fresh_dir))
    (craving,) = journal.log(kinds=("craving",))
    assert (craving.intensity, craving.intensity_after, craving.situation) == (4, 1, "payday")
    assert journal.records("surf") == []
