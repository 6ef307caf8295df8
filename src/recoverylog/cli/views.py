"""``status`` and ``log``: reading the journal, for people and (``--json``) for scripts."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from recoverylog import fields as parse
from recoverylog.cli.context import ENV_PASSPHRASE, open_journal, state
from recoverylog.cli.output import print_json, say, visible


def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
    short: Annotated[
        bool, typer.Option("--short", help="One line, for a prompt or status bar.")
    ] = False,
) -> None:
    """Each track's current, longest and total sober days, next milestone, and check-in streak."""
    from recoverylog.journal import Journal
    from recoverylog.queries import status_json

    if short and (not os.environ.get(ENV_PASSPHRASE) or not Journal.exists(state(ctx).locations)):
        return
    with open_journal(ctx) as journal:
        result = journal.status()
        currency = journal.settings().currency
    if as_json:
        print_json(status_json(result))
        return
    if short:
        parts = [f"{row.track.name} {row.numbers.current_days}d" for row in result.tracks]
        parts.append(f"check-ins {result.checkin_streak}d")
        say(" · ".join(parts))
        return
    _print_status(result, currency)


def _print_status(result: Any, currency: str) -> None:
    from recoverylog.recovery.milestones import reached_on

    if not result.tracks:
        say("No tracks yet. Start one with: recoverylog track add NAME --since DATE")
    for row in result.tracks:
        n = row.numbers
        say(f"{row.track.name}: {n.current_days} days")
        say(
            f"  longest {n.longest_days} · total {n.total_sober_days} sober days · "
            f"last 30 days {round(n.sober_rate_30 * 100)}% · last 90 days {round(n.sober_rate_90 * 100)}%"
        )
        nm = n.next_milestone
        left = nm.days_left(result.today)
        say(f"  next: {nm.label} on {nm.date} ({left} day{'s' if left != 1 else ''} to go)")
        saved = []
        if n.money_saved is not None:
            saved.append(f"{currency}{n.money_saved:,.2f} saved this run")
        if n.hours_saved is not None:
            saved.append(f"{n.hours_saved:,} hours back")
        if saved:
            say("  " + " · ".join(saved))
        if row.numbers.slips:
            say(f"  slips: {row.lapses} lapse(s), {row.returns_to_use} return(s) to use")
        start = result.today.fromordinal(result.today.toordinal() - n.current_days)
        milestone = reached_on(start, result.today)
        if milestone is not None:
            say(f"  Today marks {milestone.label}. That is worth noticing.")
    streak = result.checkin_streak
    say(f"Check-in streak: {streak} day{'s' if streak != 1 else ''}.")
    if not result.checked_in_today:
        say("No check-in yet today: recoverylog checkin")


def log(
    ctx: typer.Context,
    from_: Annotated[str | None, typer.Option("--from", metavar="D", help="First day.")] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="D", help="Last day.")] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", metavar="K", help="checkin, craving, coping, reflection, slip."),
    ] = None,
    n: Annotated[str | None, typer.Option("-n", metavar="N", help="How many (default 20).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every entry in the range.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
) -> None:
    """List entries, newest first."""
    from recoverylog.queries import LOG_KINDS, entry_json

    limit = None if all_ else parse.integer("-n", n, 1, 1_000_000) if n is not None else 20
    kinds = parse.words(kind) or list(LOG_KINDS)
    with open_journal(ctx) as journal:
        today = journal.today()
        entries = journal.log(
            start=parse.day("--from", from_, today),
            end=parse.day("--to", to, today),
            kinds=kinds,
            limit=limit,
        )
        tracks = {t.id: t.name for t in journal.tracks(include_archived=True)}
    if as_json:
        print_json([entry_json(e) for e in entries])
    elif not entries:
        say("Nothing in the journal for that yet.")
    else:
        for entry in entries:
            _print_entry(entry, tracks)


def describe(entry: Any, tracks: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """A one-line summary and the (label, user text) lines of an entry."""
    from recoverylog.queries import entry_line

    texts: list[tuple[str, str]] = {
        "checkin": lambda: [("grateful for", entry.gratitude), ("note", entry.note)],
        "craving": lambda: [
            ("skills", ", ".join(entry.skills)),
            ("situation", entry.situation),
            ("thoughts", entry.thoughts),
            ("note", entry.note),
        ],
        "coping": lambda: [("note", entry.note)],
        "reflection": lambda: [("", entry.body)],
        "slip": lambda: [
            ("what happened", entry.note),
            ("trigger", entry.trigger),
            ("learned", entry.learned),
        ],
    }.get(entry.table, list)()
    return entry_line(entry, tracks), texts


def _print_entry(entry: Any, tracks: dict[str, str]) -> None:
    when = (
        entry.at.strftime("%H:%M")
        if hasattr(entry, "at")
        else (getattr(entry, "time", None) or "     ")
    )
    line, texts = describe(entry, tracks)
    say(f"{entry.day}  {when:5}  {entry.table:<10}  {entry.id[:8]}  {line}")
    for label, value in texts:
        if value:
            prefix = f"    {label}: " if label else "    "
            body = visible(value.rstrip()).replace("\n", "\n    ")
            typer.echo(prefix + body)


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Read")(status)
    app.command(rich_help_panel="Read")(log)
