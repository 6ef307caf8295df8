"""``edit``, ``delete``, ``surf`` and ``settings``: changing entries and preferences."""

from __future__ import annotations

import sys
import time
from typing import Annotated, Any

import typer

from recoverylog import fields as parse
from recoverylog.cli.context import open_journal, state
from recoverylog.cli.output import print_json, say
from recoverylog.errors import InvalidInput, UsageError

KIND_HELP = "checkin, craving, coping, reflection, slip, surf or track"


def edit(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(metavar="KIND", help=KIND_HELP)],
    entry_id: Annotated[
        str, typer.Argument(metavar="ID", help="The id (or its first characters) from log.")
    ],
    date: Annotated[str | None, typer.Option("--date", metavar="D")] = None,
    at: Annotated[str | None, typer.Option("--at", metavar="TIME")] = None,
    mood: Annotated[str | None, typer.Option("--mood", metavar="N")] = None,
    craving: Annotated[str | None, typer.Option("--craving", metavar="N")] = None,
    halt: Annotated[str | None, typer.Option("--halt", metavar="h,a,l,t")] = None,
    sleep: Annotated[str | None, typer.Option("--sleep", metavar="H")] = None,
    meeting: Annotated[str | None, typer.Option("--meeting", metavar="TYPE")] = None,
    reached_out: Annotated[bool | None, typer.Option("--reached-out/--no-reached-out")] = None,
    medication: Annotated[bool | None, typer.Option("--medication/--no-medication")] = None,
    gratitude: Annotated[str | None, typer.Option("--gratitude", metavar="T")] = None,
    note: Annotated[str | None, typer.Option("--note", metavar="T", help="- reads stdin.")] = None,
    intensity: Annotated[str | None, typer.Option("--intensity", metavar="N")] = None,
    trigger: Annotated[list[str] | None, typer.Option("--trigger", metavar="T")] = None,
    skill: Annotated[list[str] | None, typer.Option("--skill", metavar="ID")] = None,
    after: Annotated[str | None, typer.Option("--after", metavar="N")] = None,
    outcome: Annotated[str | None, typer.Option("--outcome", metavar="O")] = None,
    duration: Annotated[str | None, typer.Option("--duration", metavar="MIN")] = None,
    situation: Annotated[str | None, typer.Option("--situation", metavar="T")] = None,
    thoughts: Annotated[str | None, typer.Option("--thoughts", metavar="T")] = None,
    helped: Annotated[str | None, typer.Option("--helped", metavar="N")] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="T")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", metavar="T")] = None,
    body: Annotated[
        bool, typer.Option("--body", help="Edit a reflection's text in $EDITOR (or stdin).")
    ] = False,
    slip_kind: Annotated[
        str | None, typer.Option("--slip-kind", metavar="K", help="lapse or return-to-use.")
    ] = None,
    learned: Annotated[str | None, typer.Option("--learned", metavar="T")] = None,
    name: Annotated[str | None, typer.Option("--name", metavar="T")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="D")] = None,
    cost_per_day: Annotated[str | None, typer.Option("--cost-per-day", metavar="X")] = None,
    hours_per_day: Annotated[str | None, typer.Option("--hours-per-day", metavar="H")] = None,
) -> None:
    """Change fields of one entry; only the options you give change."""
    from recoverylog.domain.models import Meeting

    kind = kind.strip().lower()
    with open_journal(ctx) as journal:
        today, now = journal.today(), journal.now()
        entry = journal.entry(kind, entry_id)
        changes: dict[str, Any] = {
            "mood": parse.integer("--mood", mood, 1, 10),
            "halt": parse.halt(halt),
            "sleep": parse.decimal("--sleep", sleep, 0, 24),
            "reached_out": reached_out,
            "medication": medication,
            "gratitude": parse.text_arg("--gratitude", gratitude),
            "note": parse.text_arg("--note", note),
            "intensity": parse.integer("--intensity", intensity, 0, 10),
            "triggers": parse.triggers(trigger) if trigger else None,
            "skills": tuple(skill) if skill else None,
            "intensity_after": parse.integer("--after", after, 0, 10),
            "outcome": outcome.strip().lower() if outcome else None,
            "duration_minutes": parse.integer("--duration", duration, 0, 1440),
            "situation": situation,
            "thoughts": thoughts,
            "helped": parse.integer("--helped", helped, 0, 10),
            "title": title,
            "tags": tuple(tag) if tag else None,
            "learned": learned,
            "name": name,
            "started_on": parse.day("--since", since, today),
            "cost_per_day": parse.decimal("--cost-per-day", cost_per_day, 0, 1_000_000),
            "hours_per_day": parse.decimal("--hours-per-day", hours_per_day, 0, 24),
            "at": parse.moment("--at", at, now),
            "date": parse.day("--date", date, today),
        }
        if craving is not None:
            changes["craving" if kind == "checkin" else "craving_id"] = (
                parse.integer("--craving", craving, 0, 10)
                if kind == "checkin"
                else journal.resolve_id("craving", craving)
            )
        if slip_kind is not None:
            changes["kind"] = slip_kind.strip().lower()
        met = parse.meeting(meeting)
        if met is not None:
            changes["meeting"] = Meeting(*met)
        if body:
            from recoverylog.cli.editor import edit_text

            changes["body"] = (
                edit_text(getattr(entry, "body", "")) if sys.stdin.isatty() else sys.stdin.read()
            )
        changes = {k: v for k, v in changes.items() if v is not None}
        if not changes:
            raise UsageError("nothing to change: give at least one option, e.g. --note")
        updated = journal.edit_entry(kind, entry.id, changes)
    say(f"Updated {kind} {updated.id[:8]}.")


def delete(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(metavar="KIND", help=KIND_HELP)],
    entry_id: Annotated[
        str, typer.Argument(metavar="ID", help="The id (or its first characters) from log.")
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Remove one entry for good (its bytes are overwritten on disk)."""
    kind = kind.strip().lower()
    with open_journal(ctx) as journal:
        entry = journal.entry(kind, entry_id)
        if kind == "track" and journal.slips(entry.id):
            raise InvalidInput(
                "KIND",
                "a track with slips keeps its history; archive it instead: recoverylog track archive NAME",
            )
        if not yes:
            if not sys.stdin.isatty():
                raise UsageError("add --yes to delete without a terminal to confirm in")
            if not typer.confirm(
                f"Delete this {kind} from {entry.day}? This cannot be undone", err=True
            ):
                say("Nothing was deleted.")
                return
        journal.delete_entry(kind, entry.id)
    say(f"Deleted {kind} {entry.id[:8]}.")


def surf(
    ctx: typer.Context,
    minutes: Annotated[
        str, typer.Option("--minutes", metavar="N", help="Length of the timer (1-60).")
    ] = "10",
    trigger: Annotated[
        list[str] | None, typer.Option("--trigger", metavar="T", help="What set it off.")
    ] = None,
) -> None:
    """An urge-surfing timer: rate the urge each minute and watch it crest and fall.

    In a terminal it waits a minute between questions; with piped input it reads one rating
    per line (for scripts and tests). Press Enter on an empty line to stop early.
    """
    length = parse.integer("--minutes", minutes, 1, 60)
    assert length is not None
    triggers = parse.triggers(trigger)
    interactive = sys.stdin.isatty()
    say(
        "Urge surfing: notice the urge in your body, breathe, and let it rise and fall like a wave."
    )
    samples: list[tuple[int, int]] = []
    for minute in range(length + 1):
        if minute and interactive:
            _wait_a_minute(minute)
        answer = _ask(
            f"Minute {minute}: how strong is the urge now (0-10, Enter to stop)? ", interactive
        )
        if answer is None or not answer.strip():
            break
        value = parse.integer("intensity", answer, 0, 10)
        assert value is not None
        samples.append((minute, value))
        say(f"  {minute:>2} min  {'█' * value}{'·' * (10 - value)}  {value}")
    if not samples:
        say("No ratings; nothing was saved.")
        return
    outcome = "passed" if samples[-1][1] < samples[0][1] or samples[-1][1] == 0 else "ongoing"
    with open_journal(ctx) as journal:
        entry, _ = journal.add_surf(samples, triggers=triggers, outcome=outcome)
    say(
        f"Saved: from {samples[0][1]} to {samples[-1][1]} over {samples[-1][0]} min ({entry.id[:8]})."
    )


def _ask(prompt: str, interactive: bool) -> str | None:
    if interactive:
        return str(typer.prompt(prompt, default="", show_default=False))
    line = sys.stdin.readline()
    return line if line else None


def _wait_a_minute(minute: int) -> None:
    for left in range(60, 0, -1):
        sys.stdout.write(f"\r  breathing... {left:>2}s until minute {minute} ")
        sys.stdout.flush()
        time.sleep(1)
    sys.stdout.write("\r" + " " * 40 + "\r")


settings_app = typer.Typer(
    help="Preferences: sealed ones in the journal, plain ones in config.toml.", no_args_is_help=True
)
SEALED_KEYS = {
    "currency": "currency",
    "medication-tracking": "medication_tracking",
    "alias": "alias",
}
PLAIN_KEYS = {
    "theme": "theme",
    "region": "region",
    "auto-lock": "auto_lock_minutes",
    "rollover-hour": "rollover_hour",
}


@settings_app.command("show")
def settings_show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show every setting."""
    from recoverylog.config import load_config

    config = load_config(state(ctx).locations.config_file)
    if as_json:
        with open_journal(ctx) as journal:
            sealed = journal.settings()
        print_json(
            {
                "theme": config.theme,
                "region": config.region,
                "auto_lock_minutes": config.auto_lock_minutes,
                "rollover_hour": config.rollover_hour,
                "currency": sealed.currency,
                "medication_tracking": sealed.medication_tracking,
                "alias": sealed.alias,
            }
        )
        return
    say(f"theme: {config.theme}")
    say(f"region: {config.region or '(from your locale)'}")
    say(f"auto-lock: {config.auto_lock_minutes} minutes")
    say(f"rollover-hour: {config.rollover_hour}")
    with open_journal(ctx) as journal:
        settings = journal.settings()
    say(f"currency: {settings.currency}")
    say(f"medication-tracking: {'on' if settings.medication_tracking else 'off'}")
    say(f"alias: {settings.alias or '(none)'}")


@settings_app.command("set")
def settings_set(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(metavar="KEY", help=", ".join([*PLAIN_KEYS, *SEALED_KEYS]))],
    value: Annotated[str, typer.Argument(metavar="VALUE")],
) -> None:
    """Change one setting."""
    import dataclasses

    from recoverylog.config import load_config, save_config

    key = key.strip().lower()
    if key in PLAIN_KEYS:
        path = state(ctx).locations.config_file
        config = load_config(path)
        field = PLAIN_KEYS[key]
        new: Any = value
        if field in ("auto_lock_minutes", "rollover_hour"):
            new = parse.integer(key, value, 0, 240 if field == "auto_lock_minutes" else 6)
        elif field == "region":
            from recoverylog import crisis

            new = crisis.normalize_region(value)
        save_config(path, dataclasses.replace(config, **{field: new}))
    elif key in SEALED_KEYS:
        field = SEALED_KEYS[key]
        sealed: Any = value
        if field == "medication_tracking":
            if value.lower() not in ("on", "off", "true", "false", "yes", "no"):
                raise InvalidInput(key, f"must be on or off (got {value!r})")
            sealed = value.lower() in ("on", "true", "yes")
        with open_journal(ctx) as journal:
            journal.update_settings(**{field: sealed})
    else:
        raise InvalidInput(
            "KEY", f"must be one of {', '.join([*PLAIN_KEYS, *SEALED_KEYS])} (got {key!r})"
        )
    say(f"{key} set.")


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Journal")(edit)
    app.command(rich_help_panel="Journal")(delete)
    app.command(rich_help_panel="Journal")(surf)
    app.add_typer(settings_app, name="settings", rich_help_panel="Journal")
