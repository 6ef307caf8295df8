"""``skills ...``: the coping-skills library, favourites, suggestions and skill packs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from recoverylog import fields as parse
from recoverylog.cli.context import open_journal
from recoverylog.cli.output import print_json, say
from recoverylog.errors import UsageError

skills_app = typer.Typer(
    help="The coping-skills library and shareable skill packs.", no_args_is_help=True
)
JSON = Annotated[bool, typer.Option("--json", help="One JSON document.")]


def skill_json(skill: Any) -> dict[str, Any]:
    return {
        "id": skill.id,
        "name": skill.name,
        "category": skill.category,
        "tradition": skill.tradition,
        "summary": skill.summary,
        "steps": list(skill.steps),
        "triggers": list(skill.triggers),
        "intensity": [skill.intensity_min, skill.intensity_max],
        "minutes": skill.minutes,
        "source": skill.source,
        "caution": skill.caution,
        "personal": skill.personal,
        "favourite": skill.favourite,
    }


def _line(skill: Any) -> str:
    star = "★" if skill.favourite else " "
    mine = " (yours)" if skill.personal else ""
    return f"{star} {skill.id:<30} {skill.name}{mine} · {skill.tradition} · {skill.minutes} min"


@skills_app.command("list")
def list_(
    ctx: typer.Context,
    category: Annotated[str | None, typer.Option("--category", metavar="C")] = None,
    tradition: Annotated[str | None, typer.Option("--tradition", metavar="T")] = None,
    favourites: Annotated[bool, typer.Option("--favourites", help="Only your favourites.")] = False,
    as_json: JSON = False,
) -> None:
    """List skills (built-in and your own)."""
    from recoverylog.domain.vocab import CATEGORIES, TRADITIONS

    if category is not None and category not in CATEGORIES:
        from recoverylog.errors import InvalidInput

        raise InvalidInput(
            "--category", f"must be one of {', '.join(CATEGORIES)} (got {category!r})"
        )
    if tradition is not None:
        by_lower = {t.lower(): t for t in TRADITIONS}
        if tradition.lower() not in by_lower:
            from recoverylog.errors import InvalidInput

            raise InvalidInput(
                "--tradition", f"must be one of {', '.join(TRADITIONS)} (got {tradition!r})"
            )
        tradition = by_lower[tradition.lower()]
    with open_journal(ctx) as journal:
        skills = journal.skills(category=category, tradition=tradition, favourites=favourites)
    if as_json:
        print_json([skill_json(s) for s in skills])
        return
    if not skills:
        say(
            "No skills match."
            + (" Mark favourites with: recoverylog skills favourite ID" if favourites else "")
        )
    for skill in skills:
        say(_line(skill))


@skills_app.command("show")
def show(
    ctx: typer.Context,
    skill_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: JSON = False,
) -> None:
    """Everything about one skill: what it is, its steps, when it fits, and any caution."""
    with open_journal(ctx) as journal:
        skill = journal.skill(skill_id)
    if as_json:
        print_json(skill_json(skill))
        return
    say(f"{skill.name}{'  ★ favourite' if skill.favourite else ''}")
    say(f"{skill.tradition} · {skill.category} · about {skill.minutes} min · id {skill.id}")
    say("")
    say(skill.summary)
    say("")
    for number, step in enumerate(skill.steps, 1):
        say(f"  {number}. {step}")
    say("")
    when = ", ".join(skill.triggers)
    say(f"When: {when}; urges {skill.intensity_min}-{skill.intensity_max} out of 10")
    if skill.caution:
        say(f"Take care: {skill.caution}")
    if skill.source:
        say(f"Source: {skill.source}")


@skills_app.command("search")
def search(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(metavar="WORDS...")],
    as_json: JSON = False,
) -> None:
    """Find skills by name, trigger or text (a typo or two is fine)."""
    with open_journal(ctx) as journal:
        found = journal.search_skills(" ".join(words))
    if as_json:
        print_json([skill_json(s) for s in found])
        return
    if not found:
        say("Nothing found. Try fewer words, or a trigger such as: stress, lonely, boredom.")
    for skill in found:
        say(_line(skill))


@skills_app.command("suggest")
def suggest(
    ctx: typer.Context,
    trigger: Annotated[str | None, typer.Option("--trigger", metavar="T")] = None,
    intensity: Annotated[str | None, typer.Option("--intensity", metavar="N", help="0-10")] = None,
    n: Annotated[str | None, typer.Option("-n", metavar="N", help="How many (default 5).")] = None,
    as_json: JSON = False,
) -> None:
    """Skills to try now: what has helped you before first, then what fits."""
    triggers = parse.triggers([trigger] if trigger else None)
    level = parse.integer("--intensity", intensity, 0, 10)
    limit = parse.integer("-n", n, 1, 100) or 5
    with open_journal(ctx) as journal:
        found = journal.suggest_skills(triggers[0] if triggers else None, level, limit=limit)
    if as_json:
        print_json([skill_json(s) for s in found])
        return
    for skill in found:
        say(_line(skill))
        say(f"    {skill.summary.splitlines()[0] if skill.summary else ''}")
        if skill.caution:
            say(f"    Take care: {skill.caution}")


@skills_app.command("favourite")
def favourite(
    ctx: typer.Context,
    skill_id: Annotated[str, typer.Argument(metavar="ID")],
    off: Annotated[bool, typer.Option("--off", help="Remove it from favourites.")] = False,
) -> None:
    """Mark a skill as a favourite (or --off)."""
    with open_journal(ctx) as journal:
        skill = journal.set_favourite(skill_id, not off)
    say(f"{skill.name} is {'no longer ' if off else ''}a favourite.")


@skills_app.command("add")
def add(
    ctx: typer.Context,
    skill_id: Annotated[
        str | None, typer.Option("--id", metavar="SLUG", help="e.g. my-evening-walk")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", metavar="T")] = None,
    category: Annotated[str | None, typer.Option("--category", metavar="C")] = None,
    tradition: Annotated[str, typer.Option("--tradition", metavar="T")] = "general",
    summary: Annotated[str | None, typer.Option("--summary", metavar="T")] = None,
    step: Annotated[
        list[str] | None, typer.Option("--step", metavar="T", help="One per step, in order.")
    ] = None,
    trigger: Annotated[list[str] | None, typer.Option("--trigger", metavar="T")] = None,
    intensity_min: Annotated[str, typer.Option("--intensity-min", metavar="N")] = "0",
    intensity_max: Annotated[str, typer.Option("--intensity-max", metavar="N")] = "10",
    minutes: Annotated[str, typer.Option("--minutes", metavar="N")] = "5",
    source: Annotated[str, typer.Option("--source", metavar="T")] = "my own",
    caution: Annotated[str | None, typer.Option("--caution", metavar="T")] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace your skill with this id.")
    ] = False,
) -> None:
    """Add a skill of your own (asks for what is missing when run in a terminal)."""
    interactive = sys.stdin.isatty()

    def ask(label: str, value: str | None, default: str | None = None) -> str:
        if value:
            return value
        if not interactive:
            raise UsageError(f"{label} is needed (run in a terminal to be asked)")
        return str(typer.prompt(label, default=default) if default else typer.prompt(label))

    name = ask("--name", name)
    fields: dict[str, Any] = {
        "id": ask("--id", skill_id, _slug(name)),
        "name": name,
        "category": ask("--category", category, "urge"),
        "tradition": tradition,
        "summary": ask("--summary", summary),
        "steps": list(step)
        if step
        else [s.strip() for s in ask("--step (separate with ;)", None).split(";") if s.strip()],
        "triggers": list(parse.triggers(trigger)) if trigger else ["any"],
        "intensity_min": parse.integer("--intensity-min", intensity_min, 0, 10),
        "intensity_max": parse.integer("--intensity-max", intensity_max, 0, 10),
        "minutes": parse.integer("--minutes", minutes, 1, 240),
        "source": source,
        "caution": caution,
    }
    with open_journal(ctx) as journal:
        skill = journal.add_personal_skill(fields, replace=replace)
    say(f"Added {skill.name} ({skill.id}).")


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64] or "my-skill"


@skills_app.command("export")
def export(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE")],
    ids: Annotated[
        list[str] | None,
        typer.Option("--ids", metavar="ID", help="Which skills (default: all of yours)."),
    ] = None,
    name: Annotated[
        str, typer.Option("--name", metavar="T", help="The pack's name.")
    ] = "My coping skills",
    author: Annotated[str, typer.Option("--author", metavar="T")] = "",
    description: Annotated[str, typer.Option("--description", metavar="T")] = "",
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write skills as a TOML skill pack to share with your group."""
    chosen = parse.words(ids) if ids else None
    with open_journal(ctx) as journal:
        pack = journal.export_pack(
            Path(file),
            chosen,
            {"name": name, "author": author, "description": description},
            force=force,
        )
    say(f"Wrote {len(pack.skills)} skill(s) to {file}.")


@skills_app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace your skills that have the same ids.")
    ] = False,
) -> None:
    """Add the skills of a TOML skill pack (checked whole before anything is added)."""
    from recoverylog.skills.packs import read_pack

    pack = read_pack(Path(file))
    with open_journal(ctx) as journal:
        result = journal.import_pack(pack, replace=replace)
    say(f"From {pack.name!r}: added {len(result.added)}, replaced {len(result.replaced)}.")
    for skill_id in result.skipped:
        say(f"Skipped {skill_id}: you already have a skill with that id (use --replace for yours).")


@skills_app.command("effectiveness")
def effectiveness(
    ctx: typer.Context,
    trigger: Annotated[str | None, typer.Option("--trigger", metavar="T")] = None,
    as_json: JSON = False,
) -> None:
    """For each skill you used: times used, average helped, average drop in craving."""
    triggers = parse.triggers([trigger] if trigger else None)
    with open_journal(ctx) as journal:
        effects = journal.skill_effectiveness(triggers[0] if triggers else None)
    if as_json:
        print_json([_effect_json(e) for e in effects])
        return
    if not effects:
        say("No coping entries yet. Log one with: recoverylog cope SKILL --helped N")
    for e in effects:
        helped = "-" if e.avg_helped is None else f"{e.avg_helped:.1f}"
        drop = "-" if e.avg_drop is None else f"{e.avg_drop:.1f}"
        say(f"{e.skill_id:<32} used {e.uses:>3}×  helped {helped:>4}/10  craving drop {drop:>4}")


def _effect_json(effect: Any) -> dict[str, Any]:
    import dataclasses

    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    return plain(effect)  # type: ignore[no-any-return]


def register(app: typer.Typer) -> None:
    app.add_typer(skills_app, name="skills", rich_help_panel="Skills")
