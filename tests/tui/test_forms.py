"""The smaller forms: slips (with the opioid care note), tracks, reflections, settings,
the passphrase, and the report."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from recoverylog.config import load_config
from recoverylog.journal import Journal
from recoverylog.paths import Locations
from recoverylog.tui.app import create_app
from recoverylog.tui.screens.dashboard import DashboardScreen
from recoverylog.tui.screens.dialogs import NoticeScreen
from tests.tui.conftest import open_journal
from tests.tui.helpers import PASSPHRASE, screen_text, settle, type_text


async def test_new_track_then_slip_shows_the_care_note(
    fresh_dir: Locations, reopen: list[Journal]
) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await type_text(pilot, "Heroin")
        await pilot.press("tab")
        await type_text(pilot, "2099-01-01")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "since must not be in the future" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "-20")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Heroin" in screen_text(app)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert "Heroin" in screen_text(app), screen_text(app)
        await pilot.click("#note")
        await type_text(pilot, "a hard night")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NoticeScreen), screen_text(app)
        text = screen_text(app)
        assert "Recorded a lapse on Heroin" in text
        assert "naloxone" in text and "not to use alone" in text
        assert "not a verdict" in text
        await pilot.press("enter")
        await settle(pilot)
    reopen.append(journal := open_journal(fresh_dir))
    heroin = journal.find_track("Heroin")
    (slip,) = journal.slips(heroin.id)
    assert slip.note == "a hard night" and slip.kind == "lapse"


async def test_reflection_with_preview(fresh_dir: Locations, reopen: list[Journal]) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "body is empty; nothing was saved" in screen_text(app)
        await type_text(pilot, "# Step four")
        await pilot.press("enter")
        await type_text(pilot, "[bold]honest[/] *today* <script>x</script>")
        await pilot.press("ctrl+t")
        await settle(pilot)
        text = screen_text(app)
        assert "Step four" in text and "[bold]honest[/] today <script>x</script>" in text
        await pilot.press("ctrl+t")
        await pilot.click("#title")
        await type_text(pilot, "Inventory")
        await pilot.press("tab")
        await type_text(pilot, "step work, honesty")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    reopen.append(journal := open_journal(fresh_dir))
    (entry,) = journal.log(kinds=("reflection",))
    assert entry.title == "Inventory"
    assert entry.tags == ("step work", "honesty")
    assert entry.body == "# Step four\n[bold]honest[/] *today* <script>x</script>"


async def test_settings_are_saved(fresh_dir: Locations, reopen: list[Journal]) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await type_text(pilot, "300")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "auto lock minutes must be 0-240 (got 300)" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "5")
        await pilot.click("#currency")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "CHF ")
        await pilot.click("#medication")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.config.auto_lock_minutes == 5
    assert load_config(fresh_dir.config_file).auto_lock_minutes == 5
    reopen.append(journal := open_journal(fresh_dir))
    settings = journal.settings()
    assert settings.currency == "CHF" and settings.medication_tracking is True


async def test_passphrase_change(fresh_dir: Locations, reopen: list[Journal]) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.click("#passphrase")
        await pilot.pause()
        await type_text(pilot, "wrong one")
        await pilot.press("tab")
        await type_text(pilot, "a brand new phrase")
        await pilot.press("tab")
        await type_text(pilot, "a brand new phrase")
        await pilot.press("enter")
        await settle(pilot)
        assert "current does not open this journal" in screen_text(app)
        await pilot.click("#current")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, PASSPHRASE)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Change the passphrase" not in screen_text(app)
    reopen.append(Journal.open(fresh_dir, "a brand new phrase"))


async def test_report_is_written(sample_dir: Locations, tmp_path: Path) -> None:
    from recoverylog.tui.screens.report import formats

    app = create_app(sample_dir, journal=open_journal(sample_dir))
    target = tmp_path / "report.md"
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        if not formats():
            assert "coming soon" in screen_text(app)
            return
        await type_text(pilot, "2026-12-01")
        await pilot.click("#output")
        await type_text(pilot, str(target))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "to must be today (2026-11-25) or earlier" in screen_text(app) or (
            "from must be on or before" in screen_text(app)
        )
        await pilot.click("#from")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "-13")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert target.stat().st_mode & 0o777 == 0o600
    text = target.read_text(encoding="utf-8")
    assert "Alcohol" in text and "2026-11-12" in text


async def test_sealed_report_shows_its_passphrase_once(
    sample_dir: Locations, tmp_path: Path
) -> None:
    from recoverylog.tui.screens.report import formats

    if "html" not in formats():
        return
    app = create_app(sample_dir, journal=open_journal(sample_dir))
    target = tmp_path / "report.html"
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.click("#seal")
        assert app.screen.query_one("#format", Select).value == "html"  # sealing is HTML
        app.screen.query_one("#format", Select).value = "md"
        await pilot.click("#output")
        await type_text(pilot, str(tmp_path / "report"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "seal works with the html format only" in screen_text(app)
        await pilot.click("#output")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, str(target))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NoticeScreen)
        assert "one-time passphrase" in screen_text(app)
    page = target.read_text(encoding="utf-8")
    assert "Alcohol" not in page, "the sealed page holds the report only encrypted"


async def test_report_format_follows_the_file_name(sample_dir: Locations, tmp_path: Path) -> None:
    app = create_app(sample_dir, journal=open_journal(sample_dir))
    target = tmp_path / "for-my-sponsor.html"
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.click("#output")
        await type_text(pilot, str(target))
        assert app.screen.query_one("#format", Select).value == "html"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_escape_asks_before_dropping_what_was_typed(
    fresh_dir: Locations, reopen: list[Journal]
) -> None:
    from recoverylog.tui.screens.craving import CravingScreen
    from recoverylog.tui.screens.dialogs import ConfirmScreen

    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("escape")  # nothing typed: straight back
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("9")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Leave without saving?" in screen_text(app)
        await pilot.press("n")  # stay: the 9 is still there
        await pilot.pause()
        assert isinstance(app.screen, CravingScreen)
        assert app.screen.query_one("#intensity", Input).value == "9"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    reopen.append(journal := open_journal(fresh_dir))
    assert journal.log(kinds=("craving",)) == []
