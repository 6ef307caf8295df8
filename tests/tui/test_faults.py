"""Faults in the app: a damaged record is a message, an unexpected error a plain line."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from recoverylog.journal import Journal
from recoverylog.paths import Locations
from recoverylog.tui.app import create_app
from recoverylog.tui.screens.checkin import CheckinScreen
from recoverylog.tui.screens.dashboard import DashboardScreen
from tests.tui.conftest import open_journal
from tests.tui.helpers import settle

AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def _damage_todays_checkin(locations: Locations) -> None:
    """Today's check-in gets a craving's ciphertext: it no longer opens, the craving does."""
    with open_journal(locations) as journal:
        checkin, _ = journal.checkin(None, mood=6, note="today's canary")
        craving = journal.add_craving(5, note="a craving", at=AT)
    conn = sqlite3.connect(locations.db)
    try:
        (data,) = conn.execute("SELECT data FROM craving WHERE id = ?", (craving.id,)).fetchone()
        with conn:
            conn.execute("UPDATE checkin SET data = ? WHERE id = ?", (data, checkin.id))
    finally:
        conn.close()


async def test_a_damaged_checkin_is_a_message_not_a_crash(
    fresh_dir: Locations, reopen: list[Journal]
) -> None:
    _damage_todays_checkin(fresh_dir)
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert not isinstance(app.screen, CheckinScreen)
        assert isinstance(app.screen, DashboardScreen)
        messages = [n.message for n in app._notifications]
        assert any("checkin/" in m for m in messages), messages


async def test_an_unexpected_error_closes_with_one_plain_line(
    fresh_dir: Locations, reopen: list[Journal], capsys: pytest.CaptureFixture[str]
) -> None:
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    note = "my private canary note"

    def broken() -> None:
        text = note  # a local that Textual's own crash screen would print
        raise ValueError(text)

    with pytest.raises(ValueError):
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            app.call_later(broken)
            await pilot.pause()
    captured = capsys.readouterr()
    shown = " ".join((captured.out + captured.err).split())
    assert "unexpected problem (ValueError)" in shown
    assert "Everything you saved is in your journal" in shown
    assert note not in shown and "Traceback" not in shown and "text =" not in shown
    assert app.return_code == 1
