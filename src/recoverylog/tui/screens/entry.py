"""One entry, in full: its fields as typed, a reflection's Markdown, a craving's surf curve."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Label, Markdown, Static

from recoverylog.errors import RecoverylogError
from recoverylog.tui.data import KIND_LABELS, details, surf_samples, track_names
from recoverylog.tui.screens.base import JournalMixin, JournalScreen
from recoverylog.tui.text import markdown_parser
from recoverylog.tui.widgets.footer import KeysFooter
from recoverylog.tui.widgets.surf_curve import SurfCurve
from recoverylog.tui.widgets.user_text import UserText

if TYPE_CHECKING:
    from recoverylog.journal import Journal


@dataclass(frozen=True)
class EntryData:
    entry: Any
    tracks: dict[str, str]
    samples: tuple[tuple[int, int], ...]


def _load(journal: Journal, kind: str, entry_id: str) -> EntryData:
    entry = journal.entry(kind, entry_id)
    samples = surf_samples(journal, entry.id) if kind == "craving" else ()
    return EntryData(entry, track_names(journal), samples)


def confirm_delete(owner: JournalMixin, entry: Any, after: Callable[[], None]) -> None:
    """Ask, then delete through the facade; ``after`` runs once it is gone."""
    from recoverylog.tui.screens.dialogs import ConfirmScreen

    kind = KIND_LABELS.get(entry.table, entry.table)

    def answer(yes: bool | None) -> None:
        if not yes:
            return
        try:
            owner.write(lambda j: j.delete_entry(entry.table, entry.id))
        except RecoverylogError as exc:
            owner.report_error(exc)
            return
        owner.notify(f"Deleted the {kind} entry from {entry.day}.", markup=False)
        after()

    owner.app.push_screen(
        ConfirmScreen(
            f"Delete this {kind} entry from {entry.day}? This cannot be undone.", "Delete", "Keep"
        ),
        answer,
    )


class EntryScreen(JournalScreen):
    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="Change this entry."),
        Binding("d", "delete", "Delete", tooltip="Delete this entry (asks first)."),
    ]

    def __init__(self, kind: str, entry_id: str) -> None:
        super().__init__()
        self.kind = kind
        self.entry_id = entry_id
        self.data: EntryData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="entry", classes="form")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = KIND_LABELS.get(self.kind, self.kind).capitalize()
        self.refresh_entry()

    def on_screen_resume(self, _: Any) -> None:
        if self.data is not None:
            self.refresh_entry()

    def refresh_entry(self) -> None:
        self.load(lambda j: _load(j, self.kind, self.entry_id), self.show)

    async def show(self, data: EntryData) -> None:
        self.data = data
        box = self.query_one("#entry")
        await box.remove_children()
        rows = []
        for label, value in details(data.entry, data.tracks):
            rows.append(
                Horizontal(
                    Label(label, classes="field--label", markup=False),
                    UserText(value),
                    classes="detail",
                )
            )
        await box.mount_all(rows)
        if data.samples:
            await box.mount(Static(Text("Urge-surfing curve", style="bold")))
            await box.mount(SurfCurve(data.samples))
        if self.kind == "reflection":
            await box.mount(
                Markdown(
                    data.entry.body, id="body", open_links=False, parser_factory=markdown_parser
                )
            )

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.prevent_default()
        event.stop()

    def action_edit(self) -> None:
        from recoverylog.tui.screens.edit_entry import edit_screen

        if self.data is not None:
            self.app.push_screen(edit_screen(self.data.entry))

    def action_delete(self) -> None:
        if self.data is not None:
            confirm_delete(self, self.data.entry, self.app.pop_screen)
