"""The TUI's data layer: the unlocked session and read views built from the Journal facade.

No Textual here. Every function takes a :class:`Journal` and uses its public methods only.
The session serialises use of the journal between the UI thread and worker threads.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from recoverylog.errors import RecoverylogError
from recoverylog.queries import entry_line

if TYPE_CHECKING:
    from recoverylog.domain import models as m
    from recoverylog.journal import Journal
    from recoverylog.queries import Status

LOG_KINDS = ("checkin", "craving", "coping", "reflection", "slip")
RECENT = 8
KIND_LABELS = {
    "checkin": "check-in",
    "craving": "craving",
    "coping": "coping",
    "reflection": "reflection",
    "slip": "slip",
}


class Locked(RecoverylogError):
    """The journal was locked (closed) while something still wanted to use it."""

    def __init__(self) -> None:
        super().__init__("the journal is locked")


class Session:
    """An unlocked journal and the lock that lets one thread at a time use it."""

    def __init__(self, journal: Journal) -> None:
        self._journal: Journal | None = journal
        self._lock = threading.RLock()

    @property
    def is_open(self) -> bool:
        return self._journal is not None

    @contextlib.contextmanager
    def use(self) -> Iterator[Journal]:
        with self._lock:
            if self._journal is None:
                raise Locked()
            yield self._journal

    def detach(self) -> Journal | None:
        """Forget the journal at once (the UI stops using it); the caller closes it."""
        journal, self._journal = self._journal, None
        return journal

    def close(self) -> None:
        """Forget the journal, then close it (today's backup, the key dropped)."""
        journal = self.detach()
        if journal is not None:
            with self._lock:
                journal.close()

    def close_in_background(self) -> threading.Thread:
        """Forget the journal now; close it on a thread so the screen clears at once."""
        journal = self.detach()

        def close() -> None:
            if journal is not None:
                with self._lock:
                    journal.close()

        thread = threading.Thread(target=close, name="recoverylog-close")
        thread.start()
        return thread


# -- dashboard ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Celebration:
    track: str
    label: str


@dataclass(frozen=True)
class Dashboard:
    status: Status
    currency: str
    today_checkin: m.CheckIn | None
    moods: tuple[float, ...]
    cravings: tuple[float, ...]
    window: int
    celebrations: tuple[Celebration, ...] = ()
    alias: str = ""
    recent: tuple[tuple[str, str, str, str], ...] = ()


def load_dashboard(journal: Journal, window: int = 30) -> Dashboard:
    """Status, today's check-in, and mood and peak-craving trends over ``window`` days."""
    from recoverylog.recovery.milestones import reached_on

    status = journal.status()
    today = status.today
    settings = journal.settings()
    checkins = journal.log(
        start=today - timedelta(days=window - 1), end=today, kinds=("checkin",), limit=None
    )
    checkins.sort(key=lambda c: c.date)
    moods = tuple(float(c.mood) for c in checkins if c.mood is not None)
    cravings = tuple(float(c.craving) for c in checkins if c.craving is not None)
    today_checkin = next((c for c in checkins if c.date == today), None)
    celebrations = []
    for row in status.tracks:
        start = today - timedelta(days=row.numbers.current_days)
        reached = reached_on(start, today) if row.numbers.current_days else None
        if reached is not None:
            celebrations.append(Celebration(row.track.name, reached.label))
    tracks = {row.track.id: row.track.name for row in status.tracks}
    entries = journal.log(limit=RECENT)
    skills = journal.skill_names() if any(e.table == "coping" for e in entries) else {}
    recent = tuple(
        (e.day.isoformat(), when(e), KIND_LABELS.get(e.table, e.table), summary(e, tracks, skills))
        for e in entries
    )
    return Dashboard(
        status,
        settings.currency,
        today_checkin,
        moods,
        cravings,
        window,
        tuple(celebrations),
        settings.alias,
        recent,
    )


# -- history -----------------------------------------------------------------------------
@dataclass
class HistoryPager:
    """Pages of the log, newest first, each opening about one page of records.

    Paging keeps a cursor (the oldest day shown and the ids already shown on that day), so
    page N costs the same as page 1 on a journal of any size.
    """

    kinds: tuple[str, ...] = LOG_KINDS
    start: date | None = None
    end: date | None = None
    size: int = 50
    _cursors: list[tuple[date | None, frozenset[str]]] = field(default_factory=list)
    page: int = 0

    def first(self, journal: Journal) -> list[Any]:
        self._cursors = [(self.end, frozenset())]
        self.page = 0
        return self._fetch(journal)

    def next(self, journal: Journal, shown: Sequence[Any]) -> list[Any] | None:
        """The next page after ``shown`` (the current page), or None at the end."""
        if len(shown) < self.size:
            return None
        oldest = shown[-1].day
        seen = frozenset(e.id for e in shown if e.day == oldest)
        previous_end, previous_seen = self._cursors[self.page]
        if previous_end == oldest:
            seen = seen | previous_seen
        self._cursors = self._cursors[: self.page + 1]
        self._cursors.append((oldest, seen))
        self.page += 1
        entries = self._fetch(journal)
        if not entries:
            self._cursors.pop()
            self.page -= 1
            return None
        return entries

    def previous(self, journal: Journal) -> list[Any] | None:
        if self.page == 0:
            return None
        self.page -= 1
        return self._fetch(journal)

    def current(self, journal: Journal) -> list[Any]:
        """The current page again (after an edit or a delete)."""
        if not self._cursors:
            return self.first(journal)
        return self._fetch(journal)

    def _fetch(self, journal: Journal) -> list[Any]:
        end, seen = self._cursors[self.page]
        found = journal.log(
            start=self.start, end=end, kinds=self.kinds, limit=self.size + len(seen)
        )
        return [e for e in found if e.id not in seen][: self.size]


def kind_of(entry: Any) -> str:
    return str(entry.table)


def when(entry: Any) -> str:
    """Time of day of an entry, or blank."""
    moment = getattr(entry, "at", None)
    if moment is not None:
        return str(moment.strftime("%H:%M"))
    return str(getattr(entry, "time", None) or "")


def summary(entry: Any, tracks: dict[str, str], skills: dict[str, str] | None = None) -> str:
    """One line about an entry, as ``log`` prints it (a coping entry names its skill; a
    reflection without a title shows its first line)."""
    if entry.table == "reflection" and not entry.title:
        return first_line(entry.body) or "reflection"
    return entry_line(entry, tracks, skills)


def first_line(text: str) -> str:
    stripped = text.strip()
    return stripped.splitlines()[0] if stripped else ""


def details(entry: Any, tracks: dict[str, str]) -> list[tuple[str, str]]:
    """(label, value) lines of an entry, values as the person typed them."""
    kind = entry.table
    rows: list[tuple[str, str]] = [("date", f"{entry.day} {when(entry)}".strip())]
    if kind == "checkin":
        rows += [
            ("mood", _opt(entry.mood)),
            ("peak craving", _opt(entry.craving)),
            ("HALT", ", ".join(entry.halt)),
            ("sleep", "" if entry.sleep is None else f"{entry.sleep} h"),
            (
                "meeting",
                "" if entry.meeting is None else f"{entry.meeting.type} ({entry.meeting.mode})",
            ),
            ("reached out", "yes" if entry.reached_out else ""),
            (
                "medication",
                "" if entry.medication is None else "taken" if entry.medication else "not taken",
            ),
            ("grateful for", entry.gratitude),
            ("note", entry.note),
        ]
    elif kind == "craving":
        rows += [
            ("intensity", str(entry.intensity)),
            ("after", _opt(entry.intensity_after)),
            ("outcome", entry.outcome or ""),
            ("triggers", ", ".join(entry.triggers)),
            ("skills", ", ".join(entry.skills)),
            ("minutes", _opt(entry.duration_minutes)),
            ("track", tracks.get(entry.track_id or "", "")),
            ("situation", entry.situation),
            ("thoughts", entry.thoughts),
            ("note", entry.note),
        ]
    elif kind == "coping":
        rows += [("skill", entry.skill), ("helped", _opt(entry.helped)), ("note", entry.note)]
    elif kind == "reflection":
        rows += [("title", entry.title), ("tags", ", ".join(entry.tags))]
    elif kind == "slip":
        rows += [
            ("track", tracks.get(entry.track_id, "")),
            ("kind", entry.kind.replace("-", " ")),
            ("what happened", entry.note),
            ("trigger", entry.trigger),
            ("what I learned", entry.learned),
        ]
    return [(label, value) for label, value in rows if value]


def _opt(value: Any) -> str:
    return "" if value is None else str(value)


def track_names(journal: Journal) -> dict[str, str]:
    return {t.id: t.name for t in journal.tracks(include_archived=True)}


def surf_samples(journal: Journal, craving_id: str) -> tuple[tuple[int, int], ...]:
    """The urge-surfing curve recorded for a craving, if any."""
    for session in journal.records("surf"):
        if session.craving_id == craving_id:
            return tuple(session.samples)
    return ()


def skills_available(journal: Journal) -> bool:
    """True when the skills library is installed (the facade and its data)."""
    if not hasattr(journal, "skills"):
        return False
    try:
        import recoverylog.skills.library  # noqa: F401
        import recoverylog.skills.model  # noqa: F401
    except ImportError:
        return False
    return True
