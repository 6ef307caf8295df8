"""History: every entry, newest first, filtered by kind and dates; open, edit, delete."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input, Select, Static

from recoverylog import fields as parse
from recoverylog.errors import RecoverylogError
from recoverylog.tui.data import KIND_LABELS, LOG_KINDS, HistoryPager, summary, track_names, when
from recoverylog.tui.screens.base import JournalScreen, collect, error_message
from recoverylog.tui.text import one_line
from recoverylog.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from recoverylog.journal import Journal

PAGE_SIZE = 50
#: A page of entries, with the names of tracks and skills they refer to.
Page = tuple[list[Any], dict[str, str], dict[str, str]]


def names(journal: Journal) -> tuple[dict[str, str], dict[str, str]]:
    return track_names(journal), journal.skill_names()


class HistoryScreen(JournalScreen):
    """A page of entries at a time, so a ten-year journal opens as fast as a new one."""

    BINDINGS = [
        Binding("enter", "open_entry", "Open", tooltip="Open the entry."),
        Binding("e", "edit", "Edit", tooltip="Change the entry."),
        Binding("d", "delete", "Delete", tooltip="Delete the entry (asks first)."),
        Binding("n,pagedown", "next_page", "Older", tooltip="The next page (older entries)."),
        Binding("p,pageup", "previous_page", "Newer", tooltip="The previous page (newer)."),
        Binding("ctrl+f", "filters", "Filter", tooltip="Filter by kind and dates."),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pager = HistoryPager(size=PAGE_SIZE)
        self.entries: list[Any] = []
        self.tracks: dict[str, str] = {}
        self.skills: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Select(
                [(KIND_LABELS[k], k) for k in LOG_KINDS],
                prompt="All kinds",
                id="kind",
                compact=True,
            )
            yield Input(placeholder="from (date)", id="from", compact=True)
            yield Input(placeholder="to (date)", id="to", compact=True)
        yield Static("", id="filter-error", classes="error", markup=False)
        table: DataTable[Any] = DataTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="page-info", classes="muted", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "History"
        self.query_one("#filter-error").display = False
        table = self.query_one("#entries", DataTable)
        table.add_column("Date", width=10, key="date")
        table.add_column("Time", width=5, key="time")
        table.add_column("Kind", width=10, key="kind")
        table.add_column("What", key="what")
        table.focus()
        # The first page opens about fifty records (1-2 ms on a ten-year journal): read it on
        # the UI thread right after the first paint, which saves a worker's round trip (about
        # 20 ms); a filter or a page turn uses a worker.
        self.call_after_refresh(self._first_page)

    def _first_page(self) -> None:
        if not (self.is_attached and self.rapp.unlocked):
            return
        try:
            result = self.write(lambda journal: (self.pager.first(journal), *names(journal)))
        except Exception as exc:  # locked meanwhile, or a damaged record: a message
            self.report_error(exc)
            return
        self.show_page(result)

    def on_screen_suspend(self, _: Any) -> None:
        self._away = True

    def on_screen_resume(self, _: Any) -> None:
        if getattr(self, "_away", False):  # back from an entry, an edit or a dialog
            self._away = False
            self.reload(keep_page=True)

    # -- loading ----------------------------------------------------------------------------
    def reload(self, keep_page: bool = False) -> None:
        pager = self.pager

        def first(journal: Journal) -> Page:
            entries = pager.current(journal) if keep_page else pager.first(journal)
            return (entries, *names(journal))

        self.load(first, self.show_page, group="history")

    def show_page(self, result: Page) -> None:
        self.entries, self.tracks, self.skills = result
        table = self.query_one("#entries", DataTable)
        row = table.cursor_row
        table.clear()
        room = max(20, (table.size.width or self.app.size.width) - 10 - 5 - 10 - 8 - 2)
        for entry in self.entries:
            table.add_row(
                entry.day.isoformat(),
                when(entry),
                KIND_LABELS.get(entry.table, entry.table),
                one_line(summary(entry, self.tracks, self.skills), room),
                key=entry.id,
            )
        if self.entries:
            table.move_cursor(row=min(row, len(self.entries) - 1))
        first = self.pager.page * self.pager.size + 1
        if self.entries:
            info = f"Page {self.pager.page + 1} · entries {first}-{first + len(self.entries) - 1}"
            info += " · n older · p newer · Enter opens"
        else:
            info = "Nothing in the journal for that yet."
        self.query_one("#page-info", Static).update(info)

    def action_next_page(self) -> None:
        shown = list(self.entries)
        self.load(lambda j: self.pager.next(j, shown), self._paged, group="history")

    def action_previous_page(self) -> None:
        self.load(self.pager.previous, self._paged, group="history")

    def _paged(self, entries: list[Any] | None) -> None:
        if entries is None:
            self.notify("No more entries that way.", markup=False, timeout=2)
            return
        self.query_one("#entries", DataTable).move_cursor(row=0)
        self.show_page((entries, self.tracks, self.skills))

    # -- filters ----------------------------------------------------------------------------
    def action_filters(self) -> None:
        self.query_one("#kind", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind":
            self.apply_filters()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.apply_filters()

    def apply_filters(self) -> None:
        error = self.query_one("#filter-error", Static)
        error.display = False
        kind = self.query_one("#kind", Select).value
        today = date.fromisoformat(self._today())
        (start, end), errors = collect(
            lambda: parse.day("from", self.query_one("#from", Input).value or None, today),
            lambda: parse.day("to", self.query_one("#to", Input).value or None, today),
        )
        if not errors and start and end and start > end:
            errors.append(RecoverylogError(f"from must be on or before to ({start} > {end})"))
        if errors:
            error.update("; ".join(error_message(e) for e in errors))
            error.display = True
            return
        self.pager = HistoryPager(
            kinds=(kind,) if isinstance(kind, str) else LOG_KINDS,
            start=start,
            end=end,
            size=PAGE_SIZE,
        )
        self.reload()
        self.query_one("#entries", DataTable).focus()

    def _today(self) -> str:
        with self.rapp.journal() as journal:
            return journal.today().isoformat()

    # -- one entry --------------------------------------------------------------------------
    def current(self) -> Any | None:
        table = self.query_one("#entries", DataTable)
        if not self.entries or table.cursor_row < 0 or table.cursor_row >= len(self.entries):
            return None
        return self.entries[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_entry()

    def action_open_entry(self) -> None:
        from recoverylog.tui.screens.entry import EntryScreen

        entry = self.current()
        if entry is not None:
            self.app.push_screen(EntryScreen(entry.table, entry.id))

    def action_edit(self) -> None:
        from recoverylog.tui.screens.edit_entry import edit_screen

        entry = self.current()
        if entry is not None:
            self.app.push_screen(edit_screen(entry))

    def action_delete(self) -> None:
        from recoverylog.tui.screens.entry import confirm_delete

        entry = self.current()
        if entry is not None:
            confirm_delete(self, entry, lambda: self.reload(keep_page=True))
