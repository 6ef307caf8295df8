"""The report model: one frozen tree of plain numbers and rows, built once per report.

:func:`build_report` reads the journal through its public facade (tracks, slips, settings,
the period's entries), hands the entities to the pure functions of
:mod:`recoverylog.report.numbers`, and returns a :class:`ReportModel` that the Markdown,
HTML and PDF renderers only read. Notes and reflections are not even opened unless asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from recoverylog.errors import InvalidInput

if TYPE_CHECKING:
    from recoverylog.journal import Journal

DayKind = Literal["sober", "slip", "none"]
"""A calendar day: sober on every listed track, a slip on one of them, or no track running."""

DEFAULT_DAYS = 30


@dataclass(frozen=True)
class MilestoneRow:
    label: str
    date: date


@dataclass(frozen=True)
class SlipRow:
    date: date
    kind: str
    kind_label: str
    time: str | None
    trigger: str = ""
    note: str = ""
    learned: str = ""


@dataclass(frozen=True)
class TrackRow:
    """One sobriety clock; day counts are as of the period's last day."""

    name: str
    started_on: date
    archived: bool
    current_days: int
    longest_days: int
    total_sober_days: int
    days_in_period: int
    sober_days: int
    sober_rate: float | None
    lapses: int
    returns_to_use: int
    milestones: tuple[MilestoneRow, ...]
    slips: tuple[SlipRow, ...]


@dataclass(frozen=True)
class Day:
    date: date
    status: DayKind
    mood: int | None
    checked_in: bool
    slip_tracks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Month:
    """A calendar month of the period: weeks of seven cells (Monday first), None outside it."""

    label: str
    weeks: tuple[tuple[Day | None, ...], ...]


@dataclass(frozen=True)
class Calendar:
    days: tuple[Day, ...]
    months: tuple[Month, ...]
    sober: int
    slip: int
    no_data: int


@dataclass(frozen=True)
class Coverage:
    checkin_days: int
    days: int
    longest_streak: int

    @property
    def rate(self) -> float:
        return self.checkin_days / self.days if self.days else 0.0


@dataclass(frozen=True)
class Point:
    date: date
    mood: int | None
    sleep: float | None


@dataclass(frozen=True)
class Average:
    """Averages over a week or a month of the period (None when nothing was recorded)."""

    start: date
    label: str
    mood: float | None
    sleep: float | None
    checkins: int


@dataclass(frozen=True)
class Trends:
    points: tuple[Point, ...]
    weeks: tuple[Average, ...]
    months: tuple[Average, ...]
    mood_average: float | None
    sleep_average: float | None
    mood_days: int
    sleep_days: int


@dataclass(frozen=True)
class MeetingRow:
    type: str
    in_person: int
    online: int

    @property
    def total(self) -> int:
        return self.in_person + self.online


@dataclass(frozen=True)
class Support:
    meetings: tuple[MeetingRow, ...]
    reached_out_days: int
    checkin_days: int

    @property
    def meetings_total(self) -> int:
        return sum(row.total for row in self.meetings)


@dataclass(frozen=True)
class Bucket:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Cravings:
    count: int
    average_intensity: float | None
    times: tuple[Bucket, ...]
    passed: int
    used: int
    ongoing: int
    unrecorded: int
    coped: int
    average_drop: float | None
    drop_count: int


@dataclass(frozen=True)
class TriggerRow:
    trigger: str
    label: str
    halt: bool
    cravings: int
    checkins: int

    @property
    def total(self) -> int:
        return self.cravings + self.checkins


@dataclass(frozen=True)
class SkillRow:
    skill: str
    name: str
    uses: int
    average_helped: float | None
    average_drop: float | None


@dataclass(frozen=True)
class TriggerSkills:
    trigger: str
    label: str
    skills: tuple[SkillRow, ...]


@dataclass(frozen=True)
class NoteRow:
    date: date
    time: str | None
    source: str
    text: str


@dataclass(frozen=True)
class ReflectionRow:
    date: date
    time: str
    title: str
    body: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class ReportModel:
    """Everything a report shows, in the order it shows it."""

    alias: str
    start: date
    end: date
    generated: date
    include_notes: bool
    tracks: tuple[TrackRow, ...]
    calendar: Calendar
    coverage: Coverage
    trends: Trends
    support: Support
    cravings: Cravings
    triggers: tuple[TriggerRow, ...]
    skills_by_trigger: tuple[TriggerSkills, ...]
    notes: tuple[NoteRow, ...] = ()
    reflections: tuple[ReflectionRow, ...] = ()
    damaged: int = 0

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def default_period(today: date, days: int = DEFAULT_DAYS) -> tuple[date, date]:
    """The last ``days`` days ending ``today`` (today included)."""
    return today - timedelta(days=days - 1), today


def check_period(start: date, end: date, today: date) -> None:
    """Refuse a period that runs backwards or reaches past today, naming the bound."""
    if start > end:
        raise InvalidInput("--from", f"must be on or before --to ({start} is after {end})")
    if end > today:
        raise InvalidInput("--to", f"must be today ({today}) or earlier (got {end})")


def build_report(
    journal: Journal, start: date, end: date, include_notes: bool = False
) -> ReportModel:
    """Read the period from ``journal`` and compute the whole report once.

    Day counts are as of ``end``; ``end`` must not be after the journal's today. Notes,
    gratitude and reflections are read only when ``include_notes`` is true.
    """
    from recoverylog.report import numbers as n

    today = journal.today()
    check_period(start, end, today)
    kinds = ("checkin", "craving", "coping", *(("reflection",) if include_notes else ()))
    before = len(journal.store.damaged)
    with journal.store.read():
        settings = journal.settings()
        tracks = journal.tracks(include_archived=True)
        slips = journal.slips()
        entries = journal.log(start=start, end=end, kinds=kinds, limit=None)
    entries.reverse()  # oldest first
    period = n.Period(start, end)
    by_kind = n.split_entries(entries)
    listed = n.listed_tracks(tracks, slips, period)
    checkins = by_kind.checkins
    cravings = by_kind.cravings
    names = journal.skill_names()
    model = ReportModel(
        alias=settings.alias.strip(),
        start=start,
        end=end,
        generated=today,
        include_notes=include_notes,
        tracks=tuple(n.track_row(t, slips, period, include_notes) for t in listed),
        calendar=n.calendar(period, listed, slips, checkins),
        coverage=n.coverage(period, checkins),
        trends=n.trends(period, checkins),
        support=n.support(checkins),
        cravings=n.craving_numbers(cravings, by_kind.coping),
        triggers=n.triggers(cravings, checkins),
        skills_by_trigger=n.skills_by_trigger(
            cravings, by_kind.coping, names, n.trigger_order(cravings, checkins)
        ),
        notes=n.notes(by_kind, tracks, slips, period, names) if include_notes else (),
        reflections=n.reflections(by_kind.reflections) if include_notes else (),
        damaged=len(journal.store.damaged) - before,
    )
    return model
