"""Read views over the journal: status (sober days, streaks) and the log of entries.

A mixin of :class:`recoverylog.journal.Journal`. Reads open only what they show: the status
opens tracks and slips (check-in days are clear), the log opens about ``n`` records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from recoverylog.domain import models as m
from recoverylog.domain.models import to_data
from recoverylog.errors import InvalidInput

if TYPE_CHECKING:
    from recoverylog.recovery.stats import TrackNumbers
    from recoverylog.store.repo import Store

LOG_KINDS = ("checkin", "craving", "coping", "reflection", "slip")


@dataclass(frozen=True)
class TrackStatus:
    track: m.Track
    numbers: TrackNumbers
    lapses: int
    returns_to_use: int


@dataclass(frozen=True)
class Status:
    today: date
    checkin_streak: int
    checked_in_today: bool
    tracks: tuple[TrackStatus, ...]


class QueriesMixin:
    store: Store

    if TYPE_CHECKING:  # provided by Journal and EntriesMixin

        def today(self) -> date: ...
        def records(self, table: str) -> list[Any]: ...
        def _entity(self, cls: type[Any], record: Any) -> Any: ...

    def status(self) -> Status:
        from recoverylog.recovery.stats import track_numbers
        from recoverylog.recovery.streaks import checkin_streak

        today = self.today()
        with self.store.read():
            tracks = [t for t in self.records("track") if not t.archived]
            slips = self.records("slip") if tracks else []
            checkin_days = self.store.days("checkin")
        rows = []
        for track in sorted(tracks, key=lambda t: (t.started_on, t.name.lower())):
            own = [s for s in slips if s.track_id == track.id and s.date <= today]
            numbers = track_numbers(
                track.started_on,
                [s.date for s in own],
                today,
                track.cost_per_day,
                track.hours_per_day,
            )
            lapses = sum(1 for s in own if s.kind == "lapse")
            rows.append(TrackStatus(track, numbers, lapses, len(own) - lapses))
        return Status(
            today, checkin_streak(checkin_days, today), today in set(checkin_days), tuple(rows)
        )

    def log(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        kinds: Sequence[str] = LOG_KINDS,
        limit: int | None = 20,
    ) -> list[Any]:
        """Entries newest first (by day, then time of day); opens about ``limit`` records."""
        for kind in kinds:
            if kind not in LOG_KINDS:
                raise InvalidInput(
                    "--kind", f"must be one of {', '.join(LOG_KINDS)} (got {kind!r})"
                )
        if limit is not None and limit < 1:
            raise InvalidInput("-n", f"must be 1 or more (got {limit})")
        if start and end and start > end:
            raise InvalidInput("--from", f"must be on or before --to ({start} > {end})")
        tables = tuple(dict.fromkeys(kinds))
        with self.store.read():
            cutoff = start
            if limit is not None:
                oldest = self.store.newest_days(tables, limit, start, end)
                if oldest is not None:
                    cutoff = oldest
            entries = []
            for table in tables:
                for record in self.store.select(table, start=cutoff, end=end, with_body=True):
                    entries.append(self._entity(m.BY_TABLE[table], record))
        entries.sort(key=_sort_key, reverse=True)
        return entries[:limit] if limit is not None else entries


def _sort_key(entity: Any) -> tuple[str, str, str]:
    moment = getattr(entity, "at", None)
    if isinstance(moment, datetime):
        time = moment.strftime("%H:%M:%S")
    elif isinstance(entity, m.Slip):
        time = entity.time or "00:00"
    else:
        time = "23:59:59" if isinstance(entity, m.CheckIn) else "00:00"
    return (entity.day.isoformat(), time, entity.id)


def kind_of(entity: Any) -> str:
    return "coping" if entity.table == "coping" else str(entity.table)


def entry_json(entity: Any) -> dict[str, Any]:
    """``{"id", "kind", "date", ...fields}`` for ``log --json``."""
    data = to_data(entity)
    out: dict[str, Any] = {"id": data.pop("id"), "kind": kind_of(entity)}
    out["date"] = data.pop("date", None) or (entity.day.isoformat() if entity.day else None)
    if isinstance(entity, m.Slip):  # "kind" is the entry's kind; the slip's own is slip_kind
        data["slip_kind"] = data.pop("kind")
    out.update(data)
    for key in ("sleep", "cost_per_day", "hours_per_day"):
        if isinstance(out.get(key), str):
            out[key] = float(out[key])
    return out


def track_json(track: m.Track) -> dict[str, Any]:
    """A track for ``track list --json``: its fields, money and hours as numbers."""
    out = to_data(track)
    for key in ("cost_per_day", "hours_per_day"):
        if isinstance(out.get(key), str):
            out[key] = float(out[key])
    return out


def status_json(status: Status) -> dict[str, Any]:
    def num(value: Any) -> float | None:
        return None if value is None else float(value)

    tracks = []
    for row in status.tracks:
        n = row.numbers
        tracks.append(
            {
                "name": row.track.name,
                "started_on": row.track.started_on.isoformat(),
                "current_days": n.current_days,
                "longest_days": n.longest_days,
                "total_sober_days": n.total_sober_days,
                "sober_rate_30": round(n.sober_rate_30, 4),
                "sober_rate_90": round(n.sober_rate_90, 4),
                "slips": n.slips,
                "lapses": row.lapses,
                "returns_to_use": row.returns_to_use,
                "next_milestone": {
                    "label": n.next_milestone.label,
                    "date": n.next_milestone.date.isoformat(),
                    "days_left": n.next_milestone.days_left(status.today),
                },
                "money_saved": num(n.money_saved),
                "hours_saved": num(n.hours_saved),
            }
        )
    return {
        "today": status.today.isoformat(),
        "checkin_streak": status.checkin_streak,
        "checked_in_today": status.checked_in_today,
        "tracks": tracks,
    }


def entry_line(entity: Any, tracks: dict[str, str], skills: dict[str, str] | None = None) -> str:
    """One line about an entry for ``log`` and the app: the app's words and the entry's short
    fields (numbers, chosen triggers, the track's and the skill's names); longer texts the
    person wrote (notes, bodies) are left to the caller."""
    kind = entity.table
    if kind == "checkin":
        bits = []
        if entity.mood is not None:
            bits.append(f"mood {entity.mood}")
        if entity.craving is not None:
            bits.append(f"craving {entity.craving}")
        if entity.halt:
            bits.append("HALT: " + ", ".join(entity.halt))
        if entity.sleep is not None:
            bits.append(f"slept {entity.sleep}h")
        if entity.meeting is not None:
            bits.append(f"{entity.meeting.type} meeting ({entity.meeting.mode})")
        if entity.reached_out:
            bits.append("reached out")
        if entity.medication is not None:
            bits.append("medication taken" if entity.medication else "medication not taken")
        return " · ".join(bits) or "check-in"
    if kind == "craving":
        line = f"intensity {entity.intensity}"
        if entity.intensity_after is not None:
            line += f" → {entity.intensity_after}"
        if entity.outcome:
            line += f", {entity.outcome}"
        if entity.triggers:
            line += " · " + ", ".join(entity.triggers)
        if entity.duration_minutes is not None:
            line += f" · {entity.duration_minutes} min"
        return line
    if kind == "coping":
        helped = f" · helped {entity.helped}/10" if entity.helped is not None else ""
        return f"{(skills or {}).get(entity.skill, entity.skill)}{helped}"
    if kind == "reflection":
        tags = f" [{', '.join(entity.tags)}]" if entity.tags else ""
        return (entity.title or "reflection") + tags
    if kind == "slip":
        return f"{tracks.get(entity.track_id, 'track')} · {entity.kind.replace('-', ' ')}"
    return str(kind)
