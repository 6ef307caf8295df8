"""The reflection editor: Markdown in a TextArea, a preview with Textual's Markdown widget."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import (
    Header,
    Input,
    Markdown,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from recoverylog.errors import InvalidInput, RecoverylogError
from recoverylog.tui.screens.base import FormScreen
from recoverylog.tui.text import markdown_parser
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from recoverylog.domain.models import Reflection

PROMPT = "Write freely. Markdown works: **bold**, *italic*, - lists, # headings."


class ReflectionScreen(FormScreen):
    """A new reflection, or an existing one to edit."""

    BINDINGS = [
        Binding("ctrl+t", "preview", "Preview", tooltip="Switch between writing and the preview."),
    ]
    FIELDS = {"title": "f-title", "tag": "f-tags", "tags": "f-tags", "body": "f-body"}

    def __init__(self, entry: Reflection | None = None) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        entry = self.entry
        yield Header()
        with VerticalScroll(classes="form", id="reflection-head"):
            yield Field(
                "Title", Input(entry.title if entry else "", id="title", compact=True), id="f-title"
            )
            yield Field(
                "Tags",
                Input(
                    ", ".join(entry.tags) if entry else "",
                    placeholder="e.g. gratitude, step work",
                    id="tags",
                    compact=True,
                ),
                id="f-tags",
            )
        with TabbedContent(id="tabs"):
            with TabPane("Write", id="write"):
                yield Field(
                    "",
                    TextArea(
                        entry.body if entry else "", id="body", soft_wrap=True, placeholder=PROMPT
                    ),
                    id="f-body",
                )
            with TabPane("Preview", id="preview"), VerticalScroll():
                yield Markdown("", id="rendered", open_links=False, parser_factory=markdown_parser)
        yield Static("", id="form-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Reflection from {self.entry.day}" if self.entry else "A new reflection"
        self.query_one("#form-error").display = False
        self.query_one("#body", TextArea).focus()

    async def action_preview(self) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        if tabs.active == "write":
            await self.show_preview()
            tabs.active = "preview"
        else:
            tabs.active = "write"
            self.query_one("#body", TextArea).focus()

    async def show_preview(self) -> None:
        await self.query_one("#rendered", Markdown).update(self.query_one("#body", TextArea).text)

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "preview":
            await self.show_preview()

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.prevent_default()
        event.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        self.clear_errors()
        body = self.query_one("#body", TextArea).text
        title = self.query_one("#title", Input).value
        tags = tuple(
            t.strip() for t in self.query_one("#tags", Input).value.split(",") if t.strip()
        )
        if not body.strip():
            self.query_one("#tabs", TabbedContent).active = "write"
            self.show_errors([InvalidInput("body", "is empty; nothing was saved")])
            return
        entry = self.entry
        try:
            if entry is None:
                self.write(lambda j: j.add_reflection(body, title=title, tags=tags))
            else:
                changes: dict[str, Any] = {"title": title.strip(), "body": body, "tags": tags}
                self.write(lambda j: j.edit_entry("reflection", entry.id, changes))
        except RecoverylogError as exc:
            if isinstance(exc, InvalidInput) and exc.field == "body":
                self.query_one("#tabs", TabbedContent).active = "write"
            self.show_errors([exc])
            return
        words = len(body.split())
        self.notify(f"Reflection saved ({words} words).", markup=False)
        self.app.pop_screen()
