"""``report``: the summary for a sponsor, a peer group or a therapist (Markdown, HTML, PDF)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from recoverylog import fields as parse
from recoverylog.cli.context import open_journal
from recoverylog.errors import AlreadyExists, InvalidInput


def _format(value: str | None, output: str, seal: bool) -> str:
    from recoverylog.report import check_format, format_for

    if value is None:
        value = format_for(output)
        if value is None:
            raise InvalidInput("--format", "is needed: md, html or pdf")
    return check_format(value, seal)


def report(
    ctx: typer.Context,
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="D",
            help="First day: YYYY-MM-DD, today, yesterday or -N (default: 29 days before --to).",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="D", help="Last day (default: today).", show_default=False),
    ] = None,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FMT",
            help="md, html or pdf (default: from the --output file's extension).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="The file to write (mode 0600).",
            show_default=False,
        ),
    ] = None,
    include_notes: Annotated[
        bool,
        typer.Option(
            "--include-notes",
            help="Also include notes, gratitude, craving and slip notes, and reflections.",
        ),
    ] = False,
    seal: Annotated[
        bool,
        typer.Option(
            "--seal",
            help="HTML only: encrypt the report in a page that opens with a one-time "
            "passphrase (printed once).",
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write a summary of a period (default: the last 30 days) to share by choice."""
    from recoverylog import clock
    from recoverylog.report import build_report, write_report
    from recoverylog.report.model import DEFAULT_DAYS, check_period

    if not output:
        raise InvalidInput("--output", "is needed: the file to write, e.g. --output report.html")
    fmt = _format(format_, output, seal)
    target = Path(output)
    if target.exists() and not force:
        raise AlreadyExists(f"{target} already exists (use --force to replace it)")
    rough_today = clock.now().date()  # dates are checked before asking for the passphrase
    parse.day("--from", from_, rough_today)
    parse.day("--to", to, rough_today)
    with open_journal(ctx) as journal:
        today = journal.today()
        end = parse.day("--to", to, today) or today
        start = parse.day("--from", from_, today) or end - timedelta(days=DEFAULT_DAYS - 1)
        check_period(start, end, today)
        model = build_report(journal, start, end, include_notes)
    passphrase = write_report(model, fmt, target, force=force, seal=seal)
    if passphrase is None:
        typer.echo(
            f"Report written to {target} ({start} to {end}). It contains health "
            "information: share it by choice and keep it private."
        )
    else:
        typer.echo(f"Sealed report written to {target} ({start} to {end}).")
        typer.echo("Open it in a web browser and type this one-time passphrase:")
        typer.echo("")
        typer.echo(f"    {passphrase}")
        typer.echo("")
        typer.echo(
            "It is shown only now and is not stored anywhere. Share it separately from the "
            "file (say it, or send it another way)."
        )


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Files")(report)
