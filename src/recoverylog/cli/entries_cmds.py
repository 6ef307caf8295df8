"""``checkin``, ``craving``, ``cope`` and ``reflect``: writing the day's entries."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from recoverylog import fields as parse
from recoverylog.cli.context import open_journal
from recoverylog.cli.output import say
from recoverylog.errors import InvalidInput

if TYPE_CHECKING:
    from recoverylog.journal import Journal

NOTE = Annotated[str | None, typer.Option("--note", metavar="T", help="A note (- reads stdin).")]


def checkin(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Option("--date", metavar="D", help="Day (default today).")
    ] = None,
    mood: Annotated[str | None, typer.Option("--mood", metavar="N", help="Mood 1-10.")] = None,
    craving: Annotated[
        str | None, typer.Option("--craving", metavar="N", help="Peak craving 0-10.")
    ] = None,
    halt: Annotated[
        str | None, typer.Option("--halt", metavar="h,a,l,t", help="Hungry, angry, lonely, tired.")
    ] = None,
    sleep: Annotated[str | None, typer.Option("--sleep", metavar="H", help="Hours slept.")] = None,
    meeting: Annotated[
        str | None,
        typer.Option("--meeting", metavar="TYPE", help="AA, NA, SMART, SOS or other; add :online."),
    ] = None,
    reached_out: Annotated[
        bool | None,
        typer.Option("--reached-out/--no-reached-out", help="Reached out to a sponsor or peer."),
    ] = None,
    medication: Annotated[
        bool | None,
        typer.Option(
            "--medication/--no-medication", help="Took prescribed medication (if tracking is on)."
        ),
    ] = None,
    gratitude: Annotated[
        str | None, typer.Option("--gratitude", metavar="T", help="Something you are grateful for.")
    ] = None,
    note: NOTE = None,
) -> None:
    """Today's (or D's) check-in; running it again on the same day edits it."""

    from recoverylog.domain.models import Meeting

    fields: dict[str, Any] = {
        "mood": parse.integer("--mood", mood, 1, 10),
        "craving": parse.integer("--craving", craving, 0, 10),
        "halt": parse.halt(halt),
        "sleep": parse.decimal("--sleep", sleep, 0, 24),
        "reached_out": reached_out,
        "medication": medication,
        "gratitude": parse.text_arg("--gratitude", gratitude),
        "note": parse.text_arg("--note", note),
    }
    met = parse.meeting(meeting)
    if met is not None:
        fields["meeting"] = Meeting(*met)
    fields = {k: v for k, v in fields.items() if v is not None}
    with open_journal(ctx) as journal:
        entry, created = journal.checkin(parse.day("--date", date, journal.today()), **fields)
        streak = journal.status().checkin_streak
    verb = "saved" if created else "updated"
    say(
        f"Check-in {verb} for {entry.date}. Check-in streak: {streak} day{'s' if streak != 1 else ''}."
    )


def craving(
    ctx: typer.Context,
    intensity: Annotated[str, typer.Argument(metavar="INTENSITY", help="How strong, 0-10.")],
    trigger: Annotated[
        list[str] | None,
        typer.Option("--trigger", metavar="T", help="What set it off (repeat or a,b)."),
    ] = None,
    skill: Annotated[
        list[str] | None, typer.Option("--skill", metavar="ID", help="Skills you used.")
    ] = None,
    after: Annotated[
        str | None, typer.Option("--after", metavar="N", help="Intensity afterwards, 0-10.")
    ] = None,
    outcome: Annotated[
        str | None, typer.Option("--outcome", metavar="O", help="passed, used or ongoing.")
    ] = None,
    note: NOTE = None,
    situation: Annotated[
        str | None, typer.Option("--situation", metavar="T", help="Where, who, what.")
    ] = None,
    thoughts: Annotated[
        str | None, typer.Option("--thoughts", metavar="T", help="What went through your mind.")
    ] = None,
    duration: Annotated[
        str | None, typer.Option("--duration", metavar="MIN", help="How long it lasted.")
    ] = None,
    track: Annotated[
        str | None, typer.Option("--track", metavar="NAME", help="Which track it was about.")
    ] = None,
    at: Annotated[
        str | None, typer.Option("--at", metavar="TIME", help="When (default now).")
    ] = None,
) -> None:
    """Log a craving: how strong, what set it off, what you did, how it ended."""
    value = parse.integer("INTENSITY", intensity, 0, 10)
    assert value is not None
    with open_journal(ctx) as journal:
        entry = journal.add_craving(
            value,
            triggers=parse.triggers(trigger),
            skills=_skill_ids(journal, skill or []),
            after=parse.integer("--after", after, 0, 10),
            outcome=outcome.strip().lower() if outcome else None,
            note=parse.text_arg("--note", note) or "",
            situation=situation or "",
            thoughts=thoughts or "",
            duration=parse.integer("--duration", duration, 0, 1440),
            track=track,
            at=parse.moment("--at", at, journal.now()),
        )
    say(f"Craving logged ({entry.id[:8]}). Noticing it is a skill in itself.")
    if entry.outcome == "passed":
        say("It passed. Well done riding it out.")


def cope(
    ctx: typer.Context,
    skill: Annotated[
        str, typer.Argument(metavar="SKILL", help="A skill id from the library, or your own words.")
    ],
    helped: Annotated[
        str | None, typer.Option("--helped", metavar="N", help="How much it helped, 0-10.")
    ] = None,
    craving_id: Annotated[
        str | None, typer.Option("--craving", metavar="ID", help="The craving it answered.")
    ] = None,
    note: NOTE = None,
    at: Annotated[
        str | None, typer.Option("--at", metavar="TIME", help="When (default now).")
    ] = None,
) -> None:
    """Log a coping skill you used."""
    with open_journal(ctx) as journal:
        entry = journal.add_coping(
            skill,
            helped=parse.integer("--helped", helped, 0, 10),
            craving_id=craving_id,
            note=parse.text_arg("--note", note) or "",
            at=parse.moment("--at", at, journal.now()),
        )
    say(f"Logged {entry.skill} ({entry.id[:8]}).")


def _skill_ids(journal: Journal, given: list[str]) -> tuple[str, ...]:
    """The library's ids for ``--skill`` values; an unknown one is refused with a suggestion
    (a typo would otherwise count as a skill of its own in ``skills effectiveness``)."""
    from recoverylog.errors import NotFound

    ids = []
    for value in (s.strip() for s in given):
        if not value:
            continue
        try:
            ids.append(journal.skill(value).id)
        except NotFound as exc:
            raise InvalidInput(
                "--skill", f"{exc.message} (your own: recoverylog skills add)"
            ) from None
    return tuple(ids)


def reflect(
    ctx: typer.Context,
    title: Annotated[str | None, typer.Option("--title", metavar="T", help="A title.")] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", metavar="T", help="Tags, e.g. gratitude, step work."),
    ] = None,
    at: Annotated[
        str | None, typer.Option("--at", metavar="TIME", help="When (default now).")
    ] = None,
) -> None:
    """Write a reflection in Markdown: in $EDITOR, or from standard input when piped."""
    from recoverylog.cli.editor import edit_text

    tags = [t.strip() for t in tag or [] if t.strip()]
    # Unlock and check every option before the editor opens: a wrong passphrase or a bad
    # --at must never throw away what the person has just written.
    with open_journal(ctx) as journal:
        moment = parse.moment("--at", at, journal.now()) if at else None
        journal.check_reflection(title=title or "", tags=tags, at=moment)
        body = edit_text("") if sys.stdin.isatty() else sys.stdin.read()
        if not body.strip():
            raise InvalidInput("body", "is empty; nothing was saved")
        try:
            entry = journal.add_reflection(body, title=title or "", tags=tags, at=moment)
        except Exception:
            if sys.stdin.isatty():  # written in the editor: give it back rather than lose it
                say("The reflection was not saved. Here is what you wrote, to keep:\n")
                say(body)
            raise
    say(f"Reflection saved ({entry.id[:8]}, {len(body.split())} words).")


def register(app: typer.Typer) -> None:
    for command in (checkin, craving, cope, reflect):
        app.command(rich_help_panel="Journal")(command)
