"""The report's arithmetic: pure functions from a period's entities to the model's rows.

No database and no clock: :func:`recoverylog.report.model.build_report` reads the journal
and calls these. Sober days follow SPEC section 3 through :mod:`recoverylog.recovery`.
"""

from __future__ import annotations

import calendar as cal
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import fmean

from recoverylog.domain import models as m
from recoverylog.domain.vocab import HALT, TRIGGERS
from recoverylog.recovery.milestones import milestones
from recoverylog.recovery.streaks import TrackHistory
from recoverylog.report import model as rm
from recoverylog.report import text

ONE_DAY = timedelta(days=1)
TOP_SKILLS = 3


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def days(self) -> Iterator[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += ONE_DAY

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass
class Entries:
    checkins: list[m.CheckIn] = field(default_factory=list)
    cravings: list[m.Craving] = field(default_factory=list)
    coping: list[m.CopingEntry] = field(default_factory=list)
    reflections: list[m.Reflection] = field(default_factory=list)


def split_entries(entries: Iterable[object]) -> Entries:
    found = Entries()
    for entity in entries:
        if isinstance(entity, m.CheckIn):
            found.checkins.append(entity)
        elif isinstance(entity, m.Craving):
            found.cravings.append(entity)
        elif isinstance(entity, m.CopingEntry):
            found.coping.append(entity)
        elif isinstance(entity, m.Reflection):
            found.reflections.append(entity)
    return found


def _mean(values: Sequence[float]) -> float | None:
    return fmean(values) if values else None


# -- tracks -------------------------------------------------------------------------------
def listed_tracks(
    tracks: Sequence[m.Track], slips: Sequence[m.Slip], period: Period
) -> list[m.Track]:
    """Tracks running by the period's end; an archived one only if it has a slip in the period."""
    slipped = {s.track_id for s in slips if s.date in period}
    return [t for t in tracks if t.started_on <= period.end and (not t.archived or t.id in slipped)]


def track_row(
    track: m.Track, slips: Sequence[m.Slip], period: Period, include_notes: bool
) -> rm.TrackRow:
    own = sorted(
        (s for s in slips if s.track_id == track.id and track.started_on <= s.date <= period.end),
        key=lambda s: (s.date, s.time or ""),
    )
    history = TrackHistory.of(track.started_on, [s.date for s in own], period.end)
    first = max(period.start, track.started_on)
    days_in_period = max(0, (period.end - first).days + 1)
    in_period = [s for s in own if s.date in period]
    return rm.TrackRow(
        name=track.name,
        started_on=track.started_on,
        archived=track.archived,
        current_days=history.current_days(),
        longest_days=history.longest_days(),
        total_sober_days=history.total_sober_days(),
        days_in_period=days_in_period,
        sober_days=days_in_period - history.slips_between(first, period.end),
        sober_rate=history.rate_between(period.start, period.end),
        lapses=sum(1 for s in in_period if s.kind == "lapse"),
        returns_to_use=sum(1 for s in in_period if s.kind == "return-to-use"),
        milestones=tuple(_milestones_in(history, period)),
        slips=tuple(_slip_row(s, include_notes) for s in in_period),
    )


def _milestones_in(history: TrackHistory, period: Period) -> Iterator[rm.MilestoneRow]:
    for run in history.runs():
        last = run.end - ONE_DAY if run.end is not None else period.end
        if last < period.start:
            continue
        for milestone in milestones(run.start, min(last, period.end)):
            if milestone.date in period:
                yield rm.MilestoneRow(milestone.label, milestone.date)


def _slip_row(slip: m.Slip, include_notes: bool) -> rm.SlipRow:
    kind_label = text.KIND_LABELS.get(slip.kind, slip.kind)
    if not include_notes:
        return rm.SlipRow(slip.date, slip.kind, kind_label, slip.time)
    return rm.SlipRow(
        slip.date, slip.kind, kind_label, slip.time, slip.trigger, slip.note, slip.learned
    )


# -- calendar, coverage, trends -----------------------------------------------------------
def calendar(
    period: Period,
    tracks: Sequence[m.Track],
    slips: Sequence[m.Slip],
    checkins: Sequence[m.CheckIn],
) -> rm.Calendar:
    names = {t.id: t.name for t in tracks}
    slipped: dict[date, list[str]] = defaultdict(list)
    for slip in slips:
        if slip.track_id in names and slip.date in period:
            name = names[slip.track_id]
            if name not in slipped[slip.date]:
                slipped[slip.date].append(name)
    moods = {c.date: c.mood for c in checkins}
    first_start = min((t.started_on for t in tracks), default=None)
    days = []
    for day in period.days():
        status: rm.DayKind
        if day in slipped:
            status = "slip"
        elif first_start is not None and first_start <= day:
            status = "sober"
        else:
            status = "none"
        days.append(rm.Day(day, status, moods.get(day), day in moods, tuple(slipped.get(day, ()))))
    counts = Counter(d.status for d in days)
    return rm.Calendar(tuple(days), _months(days), counts["sober"], counts["slip"], counts["none"])


def _months(days: Sequence[rm.Day]) -> tuple[rm.Month, ...]:
    by_month: dict[tuple[int, int], dict[int, rm.Day]] = {}
    for d in days:
        by_month.setdefault((d.date.year, d.date.month), {})[d.date.day] = d
    months = []
    for (year, month), found in by_month.items():
        weeks = tuple(
            tuple(found.get(n) if n else None for n in week)
            for week in cal.Calendar(firstweekday=0).monthdayscalendar(year, month)
        )
        weeks = tuple(w for w in weeks if any(w))
        months.append(rm.Month(f"{cal.month_name[month]} {year}", weeks))
    return tuple(months)


def coverage(period: Period, checkins: Sequence[m.CheckIn]) -> rm.Coverage:
    days = {c.date for c in checkins if c.date in period}
    longest = run = 0
    for day in period.days():
        run = run + 1 if day in days else 0
        longest = max(longest, run)
    return rm.Coverage(len(days), (period.end - period.start).days + 1, longest)


def trends(period: Period, checkins: Sequence[m.CheckIn]) -> rm.Trends:
    by_day = {c.date: c for c in checkins}
    points = []
    for day in period.days():
        c = by_day.get(day)
        sleep = float(c.sleep) if c is not None and c.sleep is not None else None
        points.append(rm.Point(day, c.mood if c is not None else None, sleep))
    moods = [p.mood for p in points if p.mood is not None]
    sleeps = [p.sleep for p in points if p.sleep is not None]
    weeks = _averages(points, lambda d: d - timedelta(days=d.weekday()), _week_label)
    months = _averages(points, lambda d: d.replace(day=1), lambda d: f"{d:%b %Y}")
    return rm.Trends(
        tuple(points),
        weeks,
        months,
        _mean(moods),
        _mean(sleeps),
        len(moods),
        len(sleeps),
    )


def _week_label(monday: date) -> str:
    return f"Week of {monday.isoformat()}"


def _averages(
    points: Sequence[rm.Point], key: Callable[[date], date], label: Callable[[date], str]
) -> tuple[rm.Average, ...]:
    groups: dict[date, list[rm.Point]] = {}
    for point in points:
        groups.setdefault(key(point.date), []).append(point)
    return tuple(
        rm.Average(
            start,
            label(start),
            _mean([p.mood for p in group if p.mood is not None]),
            _mean([p.sleep for p in group if p.sleep is not None]),
            sum(1 for p in group if p.mood is not None or p.sleep is not None),
        )
        for start, group in groups.items()
    )


# -- meetings, cravings, triggers, skills -------------------------------------------------
def support(checkins: Sequence[m.CheckIn]) -> rm.Support:
    counts: Counter[tuple[str, str]] = Counter(
        (c.meeting.type, c.meeting.mode) for c in checkins if c.meeting is not None
    )
    rows = tuple(
        rm.MeetingRow(
            text.MEETING_LABELS.get(kind, kind), counts[kind, "in-person"], counts[kind, "online"]
        )
        for kind in m.MEETING_TYPES
        if counts[kind, "in-person"] or counts[kind, "online"]
    )
    return rm.Support(rows, sum(1 for c in checkins if c.reached_out), len(checkins))


def _coped(cravings: Sequence[m.Craving], coping: Sequence[m.CopingEntry]) -> set[str]:
    linked = {e.craving_id for e in coping if e.craving_id}
    return {c.id for c in cravings if c.skills or c.id in linked}


def craving_numbers(cravings: Sequence[m.Craving], coping: Sequence[m.CopingEntry]) -> rm.Cravings:
    hours = Counter(c.at.hour for c in cravings)
    times = tuple(
        rm.Bucket(key, label, sum(hours[h] for h in range(lo, hi)))
        for key, label, lo, hi in text.TIME_BUCKETS
    )
    outcomes = Counter(c.outcome for c in cravings)
    coped = _coped(cravings, coping)
    drops = [
        c.intensity - c.intensity_after
        for c in cravings
        if c.id in coped and c.intensity_after is not None
    ]
    return rm.Cravings(
        count=len(cravings),
        average_intensity=_mean([c.intensity for c in cravings]),
        times=times,
        passed=outcomes["passed"],
        used=outcomes["used"],
        ongoing=outcomes["ongoing"],
        unrecorded=outcomes[None],
        coped=len(coped),
        average_drop=_mean(drops),
        drop_count=len(drops),
    )


def triggers(
    cravings: Sequence[m.Craving], checkins: Sequence[m.CheckIn]
) -> tuple[rm.TriggerRow, ...]:
    """Every trigger noted, most frequent first: craving tags plus check-ins' HALT flags."""
    from_cravings = Counter(t for c in cravings for t in c.triggers)
    from_checkins = Counter(h for c in checkins for h in c.halt)
    rows = [
        rm.TriggerRow(t, text.trigger_label(t), t in HALT, from_cravings[t], from_checkins[t])
        for t in trigger_order(cravings, checkins)
    ]
    return tuple(rows)


def trigger_order(cravings: Sequence[m.Craving], checkins: Sequence[m.CheckIn]) -> list[str]:
    counts = Counter(t for c in cravings for t in c.triggers)
    counts.update(h for c in checkins for h in c.halt)
    known = {t: i for i, t in enumerate(TRIGGERS)}
    return sorted(counts, key=lambda t: (-counts[t], known.get(t, len(known)), t))


def skills_by_trigger(
    cravings: Sequence[m.Craving],
    coping: Sequence[m.CopingEntry],
    names: dict[str, str],
    order: Sequence[str],
) -> tuple[rm.TriggerSkills, ...]:
    """For each trigger, the skills used on the period's cravings with it, best first (top 3).

    Uses are counted as ``skills effectiveness`` counts them, over the period only: a coping
    entry linked to a craving (its "helped" rating counts), or a skill named on a craving
    without such an entry. The drop is the craving's intensity before minus after.
    """
    from recoverylog.skills.library import SkillUse, effectiveness

    by_id = {c.id: c for c in cravings}
    uses: list[SkillUse] = []
    logged: set[tuple[str, str]] = set()
    for entry in coping:
        craving = by_id.get(entry.craving_id or "")
        if craving is not None:
            logged.add((craving.id, entry.skill))
            uses.append(
                SkillUse(
                    entry.skill,
                    entry.helped,
                    craving.triggers,
                    craving.intensity,
                    craving.intensity_after,
                )
            )
    for craving in cravings:
        for skill in craving.skills:
            if (craving.id, skill) not in logged:
                uses.append(
                    SkillUse(
                        skill, None, craving.triggers, craving.intensity, craving.intensity_after
                    )
                )
    result = []
    for trigger in order:
        effects = effectiveness(uses, trigger=trigger)[:TOP_SKILLS]
        if effects:
            rows = tuple(
                rm.SkillRow(
                    e.skill_id, names.get(e.skill_id, e.skill_id), e.uses, e.avg_helped, e.avg_drop
                )
                for e in effects
            )
            result.append(rm.TriggerSkills(trigger, text.trigger_label(trigger), rows))
    return tuple(result)


# -- notes and reflections (only when the person chose to include them) -------------------
def notes(
    entries: Entries,
    tracks: Sequence[m.Track],
    slips: Sequence[m.Slip],
    period: Period,
    skill_names: dict[str, str],
) -> tuple[rm.NoteRow, ...]:
    names = {t.id: t.name for t in tracks}
    rows: list[rm.NoteRow] = []

    def add(day: date, time: str | None, source: str, value: str) -> None:
        if value.strip():
            rows.append(rm.NoteRow(day, time, source, value))

    for c in entries.checkins:
        add(c.date, None, "Gratitude", c.gratitude)
        add(c.date, None, "Check-in note", c.note)
    for cr in entries.cravings:
        at = f"{cr.at:%H:%M}"
        add(cr.date, at, "Craving: situation", cr.situation)
        add(cr.date, at, "Craving: thoughts", cr.thoughts)
        add(cr.date, at, "Craving: note", cr.note)
    for e in entries.coping:
        add(e.date, f"{e.at:%H:%M}", f"Coping ({skill_names.get(e.skill, e.skill)})", e.note)
    for s in slips:
        if s.date in period and s.track_id in names:
            where = f"Slip ({names[s.track_id]})"
            add(s.date, s.time, f"{where}: what happened", s.note)
            add(s.date, s.time, f"{where}: trigger", s.trigger)
            add(s.date, s.time, f"{where}: what I learned", s.learned)
    rows.sort(key=lambda r: (r.date, r.time or ""))
    return tuple(rows)


def reflections(found: Sequence[m.Reflection]) -> tuple[rm.ReflectionRow, ...]:
    ordered = sorted(found, key=lambda r: r.at)
    return tuple(
        rm.ReflectionRow(r.date, f"{r.at:%H:%M}", r.title, r.body, tuple(r.tags)) for r in ordered
    )
