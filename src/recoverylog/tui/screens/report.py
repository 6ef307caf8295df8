"""The report dialog: a period, a format and a file; the summary for a sponsor or therapist.

The same rules as ``recoverylog report``: the period defaults to the last 30 days, the file is
written 0600 and never over another unless asked, and a sealed HTML report's one-time
passphrase is shown once.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Header, Input, Select, Static

from recoverylog import fields as parse
from recoverylog.errors import InvalidInput, RecoverylogError
from recoverylog.tui.screens.base import FormScreen, collect, error_message
from recoverylog.tui.screens.checkin import small_input
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter
from recoverylog.tui.widgets.spinner import Spinner

if TYPE_CHECKING:
    from recoverylog.journal import Journal

COMING_SOON = "Reports are coming soon to the app."
SUFFIXES = {"md": ".md", "html": ".html", "pdf": ".pdf"}


def formats() -> tuple[str, ...]:
    """The formats this install can write (none until the report package is there)."""
    try:
        from recoverylog.report import FORMATS
    except ImportError:
        return ()
    return tuple(FORMATS)


def write(
    journal: Journal,
    period: tuple[date, date],
    fmt: str,
    path: Path,
    include_notes: bool,
    seal: bool,
    force: bool,
) -> tuple[Path, str | None]:
    from recoverylog.report import build_report, check_format, write_report
    from recoverylog.report.model import check_period

    fmt = check_format(fmt, seal)
    start, end = period
    check_period(start, end, journal.today())
    model = build_report(journal, start, end, include_notes)
    return path, write_report(model, fmt, path, force=force, seal=seal)


class ReportScreen(FormScreen):
    FIELDS = {
        "from": "f-from",
        "to": "f-to",
        "output": "f-output",
        "format": "f-format",
        "seal": "f-seal",
    }

    def __init__(self) -> None:
        super().__init__()
        self.formats = formats()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="form", id="report-form"):
            yield Static(
                "A summary to bring to a sponsor, a peer group or a therapist. It contains "
                "health information: share it by choice and keep the file safe.",
                classes="muted",
                markup=False,
            )
            yield Field(
                "From", small_input("from", placeholder="default: 29 days before To"), id="f-from"
            )
            yield Field("To", small_input("to", placeholder="default: today"), id="f-to")
            yield Field(
                "Format",
                Select(
                    [(f, f) for f in self.formats] or [("md", "md")],
                    allow_blank=False,
                    id="format",
                    compact=True,
                ),
                id="f-format",
            )
            yield Field(
                "File", small_input("output", placeholder="e.g. ~/report.md"), id="f-output"
            )
            yield Field(
                "Notes",
                Checkbox("include notes, gratitude and reflections", id="notes", compact=True),
                id="f-notes",
            )
            yield Field(
                "Seal",
                Checkbox("HTML only: lock it with a one-time passphrase", id="seal", compact=True),
                id="f-seal",
            )
            yield Field(
                "Replace",
                Checkbox("replace the file if it exists", id="force", compact=True),
                id="f-force",
            )
            yield Spinner(id="spinner")
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Write report", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeysFooter()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A file name ending in .html, .pdf or .md picks that format, as on the command line."""
        if event.input.id != "output":
            return
        from recoverylog.report import format_for

        wanted = format_for(event.value)
        if wanted in self.formats:
            self.query_one("#format", Select).value = wanted

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "seal" and event.value and "html" in self.formats:
            self.query_one("#format", Select).value = "html"  # a sealed report is HTML

    def on_mount(self) -> None:
        self.sub_title = "Report"
        self.query_one("#form-error").display = False
        if not self.formats:
            self._form_error(COMING_SOON)
            self.query_one("#save", Button).disabled = True
        self.query_one("#from", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.app.pop_screen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        if not self.formats:
            return
        self.clear_errors()
        with self.rapp.journal() as journal:
            today = journal.today()
        (start, end), errors = collect(
            lambda: parse.day("from", self.query_one("#from", Input).value or None, today),
            lambda: parse.day("to", self.query_one("#to", Input).value or None, today),
        )
        fmt = str(self.query_one("#format", Select).value)
        output = self.query_one("#output", Input).value.strip()
        if not output:
            errors.append(
                InvalidInput(
                    "output", f"is needed: the file to write, e.g. ~/report{SUFFIXES[fmt]}"
                )
            )
        if self.query_one("#seal", Checkbox).value and fmt != "html":
            errors.append(InvalidInput("seal", "works with the html format only: choose html"))
        if errors:
            self.show_errors(errors)
            return
        end = end or today
        period = (start or end - timedelta(days=29), end)
        path = Path(output).expanduser()
        notes = self.query_one("#notes", Checkbox).value
        seal = self.query_one("#seal", Checkbox).value
        force = self.query_one("#force", Checkbox).value
        self.query_one("#spinner", Spinner).start()
        self.query_one("#save", Button).disabled = True
        self.load(
            lambda j: write(j, period, fmt, path, notes, seal, force), self._written, group="report"
        )

    def _written(self, result: tuple[Path, str | None]) -> None:
        from recoverylog.tui.screens.dialogs import NoticeScreen

        path, passphrase = result
        self.app.pop_screen()
        if passphrase is None:
            self.notify(
                f"Report written to {path} (readable only by you). It contains health "
                "information: share it by choice.",
                markup=False,
            )
            return
        body = Text(f"Sealed report written to {path}.\n\n")
        body.append("Open it in a web browser and type this one-time passphrase:\n\n")
        body.append(f"    {passphrase}\n\n", style="bold")
        body.append(
            "It is shown only now and is not stored anywhere. Share it separately from the file."
        )
        self.app.push_screen(NoticeScreen("Sealed report", body))

    def report_error(self, exc: BaseException) -> None:
        self.query_one("#spinner", Spinner).stop()
        self.query_one("#save", Button).disabled = False
        if isinstance(exc, RecoverylogError):
            self.show_errors([exc])
        else:
            self._form_error(error_message(exc))
