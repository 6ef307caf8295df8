"""The report as Markdown that also reads well as plain text (tables, a text calendar).

Every piece of the person's own text goes through :func:`text.escape_md` (or
:func:`text.md_cell` inside tables), so nothing they wrote can turn into markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from recoverylog.report import model as rm
from recoverylog.report import text as t

SPARKS = "▁▂▃▄▅▆▇█"
DAY_MARKS = {"sober": "✓", "slip": "✗", "none": "·"}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MAX_WEEK_ROWS = 16


def render_markdown(model: rm.ReportModel) -> str:
    parts: list[str] = []
    for section in (
        _header,
        _tracks,
        _calendar,
        _coverage,
        _trends,
        _support,
        _cravings,
        _triggers,
        _skills,
        _notes,
        _reflections,
    ):
        parts.extend(section(model))
    return "\n".join(parts).rstrip("\n") + "\n"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A pipe table; ``align`` has one letter per column, ``r`` for right-aligned numbers."""
    widths = [len(h) for h in headers]
    body = [list(r) for r in rows]
    for row in body:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    align = align or "l" * len(headers)

    def line(cells: Sequence[str]) -> str:
        padded = [
            c.rjust(w) if a == "r" else c.ljust(w)
            for c, w, a in zip(cells, widths, align, strict=True)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = [
        "-" * (w - 1) + ":" if a == "r" else "-" * w for w, a in zip(widths, align, strict=True)
    ]
    return [line(headers), line(rule), *(line(r) for r in body), ""]


def _h2(key: str) -> list[str]:
    return [f"## {t.SECTIONS[key]}", ""]


def _header(model: rm.ReportModel) -> list[str]:
    notes = "included" if model.include_notes else "not included"
    lines = [
        f"# {t.TITLE}",
        "",
        t.escape_md(t.audience_line(model.alias)),
        "",
        f"**{t.HEALTH_LINE}**",
        "",
        f"- Period: {t.period_text(model.start, model.end)}",
        f"- Generated: {model.generated.isoformat()}",
        f"- Notes and reflections: {notes}",
        "",
        f"_{t.CARE_LINE}_",
        "",
    ]
    if model.damaged:
        lines += [f"{t.plural(model.damaged, 'entry', 'entries')} could not be opened.", ""]
    return lines


def _tracks(model: rm.ReportModel) -> list[str]:
    lines = _h2("tracks")
    if not model.tracks:
        return [*lines, t.NO_TRACKS, ""]
    lines += [t.COUNTS_NOTE, ""]
    rows = [
        (
            t.md_cell(tr.name) + (" (archived)" if tr.archived else ""),
            str(tr.current_days),
            str(tr.longest_days),
            str(tr.total_sober_days),
            f"{tr.sober_days} of {tr.days_in_period}",
            t.rate(tr.sober_rate),
            str(tr.lapses),
            str(tr.returns_to_use),
        )
        for tr in model.tracks
    ]
    headers = (
        "Track",
        "Current",
        "Longest",
        "Total",
        "Sober days",
        "Rate",
        "Lapses",
        "Returns to use",
    )
    lines += _table(headers, rows, "lrrrrrrr")
    for tr in model.tracks:
        name = t.escape_md(tr.name)
        if tr.milestones:
            reached = ", ".join(f"{ms.label} ({ms.date.isoformat()})" for ms in tr.milestones)
            lines.append(f"- {name}, milestones reached: {reached}")
        for slip in tr.slips:
            when = slip.date.isoformat() + (f" {slip.time}" if slip.time else "")
            lines.append(f"- {name}, {slip.kind_label.lower()} on {when}")
            for label, value in (
                ("Trigger", slip.trigger),
                ("What happened", slip.note),
                ("What I learned", slip.learned),
            ):
                if value.strip():
                    lines.append(f"  - {label}: {_indent(value, 4)}")
    return [*lines, ""]


def _indent(value: str, spaces: int) -> str:
    return t.escape_md(value).replace("\n", "\n" + " " * spaces)


def _calendar(model: rm.ReportModel) -> list[str]:
    lines = [*_h2("calendar"), "```text", " " * 10 + "".join(f"{d:>5}" for d in WEEKDAYS)]
    for week in _weeks(model.calendar.days):
        monday = next(d for d in week if d is not None).date
        monday = monday.fromordinal(monday.toordinal() - monday.weekday())
        row = f"{monday:%b %d}".ljust(10) + "".join(f"{_cell(d):>5}" for d in week)
        lines.append(row.rstrip())
    lines += [
        "```",
        "",
        "✓ sober day, ✗ slip, · no data (no sobriety clock running); the number is the "
        "check-in mood (1-10), - when there was no check-in.",
        "",
        f"Sober days: {model.calendar.sober}. Days with a slip: {model.calendar.slip}. "
        f"No data: {model.calendar.no_data}.",
        "",
    ]
    return lines


def _weeks(days: Sequence[rm.Day]) -> list[list[rm.Day | None]]:
    """The period in rows of seven (Monday first), None for days outside it."""
    weeks: list[list[rm.Day | None]] = []
    for day in days:
        if not weeks or day.date.weekday() == 0:
            weeks.append([None] * 7)
        weeks[-1][day.date.weekday()] = day
    return weeks


def _cell(day: rm.Day | None) -> str:
    if day is None:
        return ""
    mood = "-" if day.mood is None else str(day.mood)
    return f"{DAY_MARKS[day.status]}{mood:>2}"


def _coverage(model: rm.ReportModel) -> list[str]:
    c = model.coverage
    return [
        *_h2("coverage"),
        f"Check-ins on {c.checkin_days} of {t.plural(c.days, 'day')} ({t.rate(c.rate)}). "
        f"Longest run of daily check-ins: {t.plural(c.longest_streak, 'day')}.",
        "",
    ]


def spark(values: Sequence[float | None], lo: float, hi: float) -> str:
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            share = (min(max(v, lo), hi) - lo) / (hi - lo)
            out.append(SPARKS[min(len(SPARKS) - 1, int(share * len(SPARKS)))])
    return "".join(out)


def _trends(model: rm.ReportModel) -> list[str]:
    tr = model.trends
    lines = _h2("trends")
    mood = spark([w.mood for w in tr.weeks], 1, 10)
    sleep = spark([w.sleep for w in tr.weeks], 0, 12)
    lines += [
        f"- Mood (1-10): average {t.number(tr.mood_average)} over "
        f"{t.plural(tr.mood_days, 'day')}; by week: `{mood}`",
        f"- Sleep: average {t.number(tr.sleep_average)} hours over "
        f"{t.plural(tr.sleep_days, 'day')}; by week: `{sleep}`",
        "",
    ]
    rows = tr.weeks if len(tr.weeks) <= MAX_WEEK_ROWS else tr.months
    heading = "Week" if rows is tr.weeks else "Month"
    lines += _table(
        (heading, "Mood", "Sleep (h)", "Days with a check-in"),
        [(a.label, t.number(a.mood), t.number(a.sleep), str(a.checkins)) for a in rows],
        "lrrr",
    )
    return lines


def _support(model: rm.ReportModel) -> list[str]:
    s = model.support
    lines = _h2("support")
    if s.meetings:
        rows = [(r.type, str(r.in_person), str(r.online), str(r.total)) for r in s.meetings]
        rows.append(
            (
                "All meetings",
                str(sum(r.in_person for r in s.meetings)),
                str(sum(r.online for r in s.meetings)),
                str(s.meetings_total),
            )
        )
        lines += _table(("Meeting", "In person", "Online", "Total"), rows, "lrrr")
    else:
        lines += [t.NO_MEETINGS, ""]
    lines += [
        f"Reached out to a sponsor or peer on {t.plural(s.reached_out_days, 'day')} "
        f"(of {t.plural(s.checkin_days, 'day')} with a check-in).",
        "",
    ]
    return lines


def _cravings(model: rm.ReportModel) -> list[str]:
    c = model.cravings
    lines = _h2("cravings")
    if not c.count:
        return [*lines, t.NO_CRAVINGS, ""]
    lines += [
        f"- Logged: {c.count}, average intensity {t.number(c.average_intensity)} of 10",
        f"- Passed: {c.passed}. Ended in use: {c.used}. Still ongoing: {c.ongoing}. "
        f"Outcome not noted: {c.unrecorded}.",
        f"- Met with a coping skill: {c.coped}. Average drop after coping: "
        f"{t.number(c.average_drop)} points (over {t.plural(c.drop_count, 'craving')} "
        "with an intensity after)",
        "",
    ]
    lines += _table(("Time of day", "Cravings"), [(b.label, str(b.count)) for b in c.times], "lr")
    return lines


def _triggers(model: rm.ReportModel) -> list[str]:
    lines = _h2("triggers")
    if not model.triggers:
        return [*lines, t.NO_TRIGGERS, ""]
    rows = [
        (
            str(i),
            r.label,
            str(r.cravings),
            str(r.checkins) if r.halt else "-",
            str(r.total),
        )
        for i, r in enumerate(model.triggers, 1)
    ]
    headers = ("#", "Trigger", "Cravings", "Check-ins (HALT)", "Total")
    return [*lines, *_table(headers, rows, "rlrrr")]


def _skills(model: rm.ReportModel) -> list[str]:
    lines = _h2("skills")
    if not model.skills_by_trigger:
        return [*lines, t.NO_SKILLS, ""]
    rows = []
    for group in model.skills_by_trigger:
        for i, s in enumerate(group.skills):
            rows.append(
                (
                    group.label if i == 0 else "",
                    t.md_cell(s.name),
                    str(s.uses),
                    t.number(s.average_helped),
                    t.number(s.average_drop),
                )
            )
    lines += [t.SKILLS_NOTE, ""]
    return [*lines, *_table(("Trigger", "Skill", "Uses", "Helped", "Drop"), rows, "llrrr")]


def _notes(model: rm.ReportModel) -> list[str]:
    lines = _h2("notes")
    if not model.include_notes:
        return [*lines, t.NOTES_LEFT_OUT, ""]
    if not model.notes:
        return [*lines, t.NO_NOTES, ""]
    day = None
    for note in model.notes:
        if note.date != day:
            if day is not None:
                lines.append("")
            day = note.date
            lines += [f"**{day.isoformat()}**", ""]
        when = f"{note.time} " if note.time else ""
        lines.append(f"- {when}{t.escape_md(note.source)}: {_indent(note.text, 2)}")
    return [*lines, ""]


def _reflections(model: rm.ReportModel) -> list[str]:
    if not model.include_notes:
        return []
    lines = _h2("reflections")
    if not model.reflections:
        return [*lines, t.NO_REFLECTIONS, ""]
    for r in model.reflections:
        title = t.escape_md(t.one_line(r.title)) or "Reflection"
        lines += [f"### {r.date.isoformat()} {r.time}: {title}", ""]
        if r.tags:
            lines += ["Tags: " + ", ".join(t.escape_md(tag) for tag in r.tags), ""]
        lines += [f"> {line}" if line else ">" for line in t.escape_md(r.body).split("\n")]
        lines.append("")
    return lines
