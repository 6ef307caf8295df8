"""History: open, edit and delete entries by keys; paging stays cheap and complete."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recoverylog.errors import NotFound
from recoverylog.journal import Journal
from recoverylog.paths import Locations
from recoverylog.tui.app import create_app
from recoverylog.tui.data import HistoryPager
from recoverylog.tui.screens.entry import EntryScreen
from recoverylog.tui.screens.history import HistoryScreen
from tests.tui.conftest import open_journal
from tests.tui.helpers import screen_text, settle, type_text

AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def _with_entries(locations: Locations) -> tuple[str, str]:
    with open_journal(locations) as journal:
        craving = journal.add_craving(6, triggers=("stress",), note="before work", at=AT)
        coping = journal.add_coping("a walk", helped=7, at=AT + timedelta(minutes=5))
    return craving.id, coping.id


async def test_edit_then_delete_an_entry(fresh_dir: Locations, reopen: list[Journal]) -> None:
    craving_id, coping_id = _with_entries(fresh_dir)
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        assert "a walk · helped 7/10" in text and "intensity 6" in text
        await pilot.press("down", "e")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", "4", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert "intensity 4" in screen_text(app)
        await pilot.press("up", "d")
        await pilot.pause()
        assert "Delete this coping entry from 2026-11-25?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert "a walk" not in screen_text(app)
    reopen.append(journal := open_journal(fresh_dir))
    craving = journal.entry("craving", craving_id)
    assert craving.intensity == 4
    assert craving.note == "before work"
    with pytest.raises(NotFound):
        journal.entry("coping", coping_id)


async def test_edit_refuses_bad_values_in_place(
    fresh_dir: Locations, reopen: list[Journal]
) -> None:
    craving_id, _ = _with_entries(fresh_dir)
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        assert "before work" in screen_text(app)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "14")
        await pilot.press("tab", "ctrl+a", "ctrl+k", "x", "ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "intensity must be 0-10 (got 14)" in text
        assert "after must be a whole number 0-10 (got 'x')" in text
        await pilot.press("escape", "y", "d", "n")  # leave the changed form, keep the entry
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
    reopen.append(journal := open_journal(fresh_dir))
    assert journal.entry("craving", craving_id).intensity == 6


def test_pages_cover_every_entry_once(sample_dir: Locations) -> None:
    with open_journal(sample_dir) as journal:
        everything = [e.id for e in journal.log(limit=None)]
        pager = HistoryPager(size=7)
        seen: list[str] = []
        page = pager.first(journal)
        while page:
            seen += [e.id for e in page]
            page = pager.next(journal, page) or []
        assert seen == everything
        back = pager.previous(journal)
        assert back is not None and len(back) == 7


async def test_filter_by_kind_and_dates(sample_dir: Locations) -> None:
    app = create_app(sample_dir, journal=open_journal(sample_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await pilot.press("ctrl+f", "enter", "down", "down", "enter")
        await settle(pilot)
        assert screen.pager.kinds == ("craving",)
        await pilot.click("#from")
        await type_text(pilot, "2026-11-01")
        await pilot.click("#to")
        await type_text(pilot, "2026-11-10")
        await pilot.press("enter")
        await settle(pilot)
        days = {e.day.isoformat() for e in screen.entries}
        assert screen.entries and {e.table for e in screen.entries} == {"craving"}
        assert min(days) >= "2026-11-01" and max(days) <= "2026-11-10"
        with app.journal() as journal:
            expected = journal.log(
                start=date(2026, 11, 1), end=date(2026, 11, 10), kinds=("craving",), limit=None
            )
        assert [e.id for e in screen.entries] == [e.id for e in expected]
        await pilot.click("#from")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "someday")
        await pilot.press("enter")
        await settle(pilot)
        assert "from must be a date like 2024-03-01" in screen_text(app)


async def test_coping_rows_name_the_skill(fresh_dir: Locations, reopen: list[Journal]) -> None:
    with open_journal(fresh_dir) as journal:
        journal.add_coping("mbrp-urge-surfing", helped=6, at=AT)
        journal.add_coping("[bold]my own way[/]", helped=5, at=AT + timedelta(minutes=1))
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
        assert "Urge surfing · helped 6/10" in text
        assert "mbrp-urge-surfing" not in text
        assert "[bold]my own way[/] · helped 5/10" in text  # the person's words, as typed


async def test_delete_from_the_entry_screen_after_keeping_it_once(
    fresh_dir: Locations, reopen: list[Journal]
) -> None:
    craving_id, coping_id = _with_entries(fresh_dir)
    app = create_app(fresh_dir, journal=open_journal(fresh_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")  # the newest: the coping entry
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("d", "n")  # keep it, then change one's mind
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Deleted the coping entry") for m in messages), messages
        assert not any("there is no" in m for m in messages), messages
    reopen.append(journal := open_journal(fresh_dir))
    with pytest.raises(NotFound):
        journal.entry("coping", coping_id)
    assert journal.entry("craving", craving_id).intensity == 6
