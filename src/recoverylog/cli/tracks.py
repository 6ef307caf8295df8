"""``track add/list/archive`` and ``slip``: sobriety clocks and the slips that split them."""

from __future__ import annotations

from typing import Annotated

import typer

from recoverylog import fields as parse
from recoverylog.cli.context import open_journal
from recoverylog.cli.output import print_json, say

track_app = typer.Typer(
    help="Sobriety clocks, one per substance or behaviour.", no_args_is_help=True
)

OPIOID_CARE = (
    "Please take care: after a break, tolerance is lower than before, so an amount that used to "
    "feel usual can cause an overdose. Keep naloxone close and try not to use alone."
)


@track_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help='What this clock counts, e.g. "Alcohol".')],
    since: Annotated[
        str | None, typer.Option("--since", metavar="DATE", help="First sober day (default today).")
    ] = None,
    cost_per_day: Annotated[
        str | None, typer.Option("--cost-per-day", metavar="X", help="Money a day used to cost.")
    ] = None,
    hours_per_day: Annotated[
        str | None,
        typer.Option("--hours-per-day", metavar="H", help="Hours a day it used to take."),
    ] = None,
) -> None:
    """Start a sobriety clock (it may start in the past)."""
    with open_journal(ctx) as journal:
        today = journal.today()
        track = journal.add_track(
            name,
            parse.day("--since", since, today),
            parse.decimal("--cost-per-day", cost_per_day, 0, 1_000_000),
            parse.decimal("--hours-per-day", hours_per_day, 0, 24),
        )
        days = (today - track.started_on).days
    say(f"Started {track.name}: first sober day {track.started_on} ({days} days so far).")


@track_app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Include archived tracks.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List your tracks."""
    with open_journal(ctx) as journal:
        tracks = journal.tracks(include_archived=all_)
    if as_json:
        from recoverylog.queries import track_json

        print_json([track_json(t) for t in tracks])
        return
    if not tracks:
        say("No tracks yet. Start one with: recoverylog track add NAME --since DATE")
    for track in tracks:
        extra = []
        if track.cost_per_day is not None:
            extra.append(f"{track.cost_per_day}/day")
        if track.hours_per_day is not None:
            extra.append(f"{track.hours_per_day} h/day")
        if track.archived:
            extra.append("archived")
        tail = f"  ({', '.join(extra)})" if extra else ""
        say(f"{track.id[:8]}  {track.name}  since {track.started_on}{tail}")


@track_app.command("archive")
def archive(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The track's name.")],
    undo: Annotated[bool, typer.Option("--undo", help="Bring an archived track back.")] = False,
) -> None:
    """Archive a track (its history stays; it leaves the status and dashboard)."""
    with open_journal(ctx) as journal:
        track = journal.archive_track(name, archived=not undo)
    say(f"{track.name} is {'archived' if track.archived else 'active again'}; its history is kept.")


def slip(
    ctx: typer.Context,
    track: Annotated[
        str | None, typer.Argument(help="The track (optional with one track).")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", metavar="DATE", help="Day of the slip (default today).")
    ] = None,
    kind: Annotated[
        str, typer.Option("--kind", help="lapse (brief) or return-to-use (ongoing).")
    ] = "lapse",
    note: Annotated[
        str | None, typer.Option("--note", metavar="T", help="What happened (- reads stdin).")
    ] = None,
    trigger: Annotated[
        str | None, typer.Option("--trigger", metavar="T", help="What set it off.")
    ] = None,
    learned: Annotated[
        str | None, typer.Option("--learned", metavar="T", help="What I learned.")
    ] = None,
    at: Annotated[
        str | None, typer.Option("--time", metavar="HH:MM", help="Time of day, if you like.")
    ] = None,
) -> None:
    """Record a slip (a lapse or a return to use). History is kept; totals keep counting."""
    from recoverylog.entries import is_opioid_track

    kind = kind.strip().lower().replace(" ", "-")
    if kind == "return":
        kind = "return-to-use"
    with open_journal(ctx) as journal:
        recorded, found = journal.add_slip(
            track,
            parse.day("--on", on, journal.today()),
            kind,
            parse.text_arg("--note", note) or "",
            trigger or "",
            learned or "",
            at,
        )
        status = {row.track.id: row for row in journal.status().tracks}.get(found.id)
    say(f"Recorded a {recorded.kind.replace('-', ' ')} on {found.name} for {recorded.date}.")
    if status is not None:
        say(
            f"Your history stays: {status.numbers.total_sober_days} sober days in total, "
            f"longest run {status.numbers.longest_days} days. A new run starts the next day."
        )
    say("A slip is something to learn from, not a verdict. Be kind to yourself today.")
    if is_opioid_track(found.name):
        say(OPIOID_CARE)
    say("If you are not safe right now: recoverylog crisis")


def register(app: typer.Typer) -> None:
    app.add_typer(track_app, name="track", rich_help_panel="Journal")
    app.command(rich_help_panel="Journal")(slip)
