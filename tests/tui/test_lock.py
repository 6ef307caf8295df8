"""Locking: the panic key and auto-lock clear every screen and drop the key; unlock again."""

from __future__ import annotations

from recoverylog.config import Config, save_config
from recoverylog.journal import Journal
from recoverylog.paths import Locations
from recoverylog.tui.app import create_app
from recoverylog.tui.screens.checkin import CheckinScreen
from recoverylog.tui.screens.dashboard import DashboardScreen
from recoverylog.tui.screens.first_run import FirstRunScreen
from recoverylog.tui.screens.lock import LockScreen
from tests.tui.conftest import open_journal
from tests.tui.helpers import PASSPHRASE, screen_text, settle, type_text


async def test_panic_lock_clears_everything_then_unlock(
    fresh_dir: Locations, reopen: list[Journal]
) -> None:
    journal = open_journal(fresh_dir)
    app = create_app(fresh_dir, journal=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.click("#gratitude")
        await type_text(pilot, "a private thought")
        assert "a private thought" in screen_text(app)
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("ctrl+l")
        await pilot.pause()
        app.wait_closed()
        assert isinstance(app.screen, LockScreen)
        assert len(app.screen_stack) == 2
        assert not app.unlocked
        assert journal._data_key is None
        assert "a private thought" not in screen_text(app)
        assert not list(app.query("CheckinScreen"))
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.unlocked
    reopen.append(again := open_journal(fresh_dir))
    assert again.checkin_on(again.today()) is None


async def test_auto_lock_after_idle_minutes(fresh_dir: Locations) -> None:
    save_config(fresh_dir.config_file, Config(auto_lock_minutes=2, region="US"))
    now = [1000.0]
    app = create_app(fresh_dir, journal=open_journal(fresh_dir), idle_clock=lambda: now[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        now[0] += 119
        app.check_auto_lock()
        assert app.unlocked
        await pilot.press("down")
        now[0] += 119
        app.check_auto_lock()
        assert app.unlocked, "a key press counts as activity"
        now[0] += 121
        app.check_auto_lock()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert len(app.screen_stack) == 2
        assert not app.unlocked


async def test_unlocks_from_the_environment_passphrase(fresh_dir: Locations) -> None:
    app = create_app(fresh_dir, passphrase=PASSPHRASE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_first_run_creates_a_journal(tmp_path, reopen: list[Journal]) -> None:  # type: ignore[no-untyped-def]
    from recoverylog.paths import locate
    from recoverylog.vault.kdf import FLOOR_MEMORY_KIB, KdfParams

    locations = locate(tmp_path / "new")
    app = create_app(locations, kdf_params=KdfParams(memory_kib=FLOOR_MEMORY_KIB))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        await type_text(pilot, "short")
        await pilot.press("enter")
        await type_text(pilot, "short")
        await pilot.press("enter")
        await pilot.pause()
        assert "passphrase must be at least" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "a good long phrase")
        await pilot.press("tab")
        await type_text(pilot, "a good long phras")
        await pilot.press("enter")
        await pilot.pause()
        assert "again is different from the passphrase" in screen_text(app)
        await pilot.press("e", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FirstRunScreen)
        key = screen._recovery_key
        assert key and key in screen_text(app)
        assert not locations.db.exists(), "nothing is created before the key is confirmed"
        await type_text(pilot, "WRONG-KEY")
        await pilot.press("enter")
        await pilot.pause()
        assert "recovery key did not match" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, key.lower())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    reopen.append(journal := Journal.open(locations, "a good long phrase"))
    assert journal.tracks() == []
    reopen.append(Journal.open_with_recovery_key(locations, key))


async def test_surfing_an_urge_is_not_idle_time(fresh_dir: Locations) -> None:
    """Sitting still with the surf timer is the point of it: auto-lock waits until it ends."""
    from recoverylog.tui.ticks import FakeTicks

    save_config(fresh_dir.config_file, Config(auto_lock_minutes=1, region="US"))
    now = [1000.0]
    ticks = FakeTicks()
    app = create_app(
        fresh_dir, journal=open_journal(fresh_dir), idle_clock=lambda: now[0], ticks=ticks
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("6", "ctrl+t")
        await settle(pilot)
        for _minute in range(3):  # three minutes without a key
            now[0] += 60
            ticks.advance(60)
            await pilot.pause()
            app.check_auto_lock()
            assert app.unlocked
        now[0] += 61
        app.check_auto_lock()  # the timer has ended (three minutes): idle time counts again
        await pilot.pause()
        assert not app.unlocked
