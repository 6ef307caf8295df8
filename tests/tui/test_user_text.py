"""User text shows exactly as typed: markup stays literal and very long words never break a screen."""

from __future__ import annotations

from datetime import UTC, datetime

from recoverylog.paths import Locations
from recoverylog.tui.app import create_app
from recoverylog.tui.screens.entry import EntryScreen
from tests.tui.conftest import open_journal
from tests.tui.helpers import screen_text, settle

MARKUP = "[bold]not bold[/] [link=https://example.com]x[/link] [red]"
LONG = "w" * 300


def _note(locations: Locations) -> None:
    with open_journal(locations) as journal:
        journal.add_craving(
            5,
            note=f"{MARKUP} {LONG}",
            situation="[/]",
            at=datetime(2026, 11, 25, 8, 0, tzinfo=UTC),
        )
        journal.checkin(journal.today(), mood=6, gratitude="[b]friends[/b]", note=LONG)


async def test_markup_and_long_words_show_as_typed(fresh_dir: Locations) -> None:
    _note(fresh_dir)
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        text = screen_text(app)
        assert MARKUP in text
        assert "[/]" in text
        lines = text.splitlines()
        assert len(lines) == 24 and all(len(line) <= 80 for line in lines)
        folded = "".join(line.strip() for line in lines if set(line.strip()) == {"w"})
        assert folded.count("w") >= 80 * 2 // 2, "the long word folds onto further lines"
        await pilot.press("escape", "up", "enter")
        await settle(pilot)
        assert "[b]friends[/b]" in screen_text(app)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert "mood 6" in screen_text(app)


async def test_track_name_with_markup_on_the_dashboard(fresh_dir: Locations) -> None:
    with open_journal(fresh_dir) as journal:
        journal.add_track("[red]Cannabis[/red] " + "x" * 40)
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "[red]Cannabis[/red]" in text
        assert all(len(line) <= 80 for line in text.splitlines())
