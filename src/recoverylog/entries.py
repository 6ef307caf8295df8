"""The journal's entries: tracks, slips, check-ins, cravings, coping, reflections, surf sessions.

A mixin of :class:`recoverylog.journal.Journal`; every method validates at the edge (each
error names the field), then writes in one transaction through the store.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from recoverylog import clock
from recoverylog.domain import models as m
from recoverylog.domain.validate import check_not_future, check_text
from recoverylog.errors import AlreadyExists, InvalidInput, NotFound

if TYPE_CHECKING:
    from recoverylog.store.repo import Store

#: Kinds a person can list, edit and delete, with their tables.
KINDS: dict[str, str] = {
    "checkin": "checkin",
    "craving": "craving",
    "coping": "coping",
    "reflection": "reflection",
    "slip": "slip",
    "surf": "surf",
    "track": "track",
}
LOG_KINDS = ("checkin", "craving", "coping", "reflection", "slip")
SHORT_ID = 8
OPIOID_WORDS = (
    "opioid",
    "opiate",
    "heroin",
    "fentanyl",
    "oxy",
    "oxycodone",
    "oxycontin",
    "morphine",
    "codeine",
    "hydrocodone",
    "methadone",
    "tramadol",
    "percocet",
    "vicodin",
    "dope",
    "kratom",
)


def new_id() -> str:
    """Random UUIDv4 (never time-ordered)."""
    return str(uuid.uuid4())


def is_opioid_track(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in OPIOID_WORDS)


class EntriesMixin:
    store: Store
    rollover_hour: int

    # -- time ---------------------------------------------------------------------------
    def now(self) -> datetime:
        return clock.now().replace(microsecond=0)

    def today(self) -> date:
        return clock.day_of(self.now(), self.rollover_hour)

    def _moment(self, at: datetime | None) -> tuple[datetime, date]:
        moment = at or self.now()
        if moment.tzinfo is None:
            raise InvalidInput("time", "must include a time zone")
        day = clock.day_of(moment, self.rollover_hour)
        check_not_future("date", day, self.today())
        return moment, day

    # -- generic ------------------------------------------------------------------------
    if TYPE_CHECKING:  # provided by Journal

        def save(self, entity: Any, *, update: bool = False) -> None: ...
        def get(self, table: str, record_id: str) -> Any | None: ...
        def records(self, table: str) -> list[Any]: ...

    def resolve_id(self, kind: str, record_id: str) -> str:
        """A full id from an id or an unambiguous prefix of at least 4 characters."""
        table = _table_for(kind)
        text = record_id.strip().lower()
        if self.store.exists(table, text):
            return text
        if len(text) >= 4 and all(c in "0123456789abcdef-" for c in text):
            rows = self.store.conn.execute(
                f"SELECT id FROM {table} WHERE id LIKE ? LIMIT 2", (text + "%",)
            ).fetchall()
            if len(rows) == 1:
                return str(rows[0][0])
            if len(rows) > 1:
                raise InvalidInput(
                    "ID", f"{record_id!r} matches more than one {kind}; give more of it"
                )
        raise NotFound(f"there is no {kind} with id {record_id!r}")

    def entry(self, kind: str, record_id: str) -> Any:
        full = self.resolve_id(kind, record_id)
        entity = self.get(_table_for(kind), full)
        if entity is None:
            raise NotFound(f"there is no {kind} with id {record_id!r}")
        return entity

    def delete_entry(self, kind: str, record_id: str) -> Any:
        """Delete one entry; a track is archived instead when it has slips (history stays)."""
        entity = self.entry(kind, record_id)
        with self.store.write():
            if kind == "craving":
                self._detach_craving(entity.id)
            self.store.delete(entity.table, entity.id)
        return entity

    def _detach_craving(self, craving_id: str) -> None:
        for coping in self.records("coping"):
            if coping.craving_id == craving_id:
                self.save(dataclasses.replace(coping, craving_id=None), update=True)
        for surf in self.records("surf"):
            if surf.craving_id == craving_id:
                self.store.delete("surf", surf.id)

    def edit_entry(self, kind: str, record_id: str, changes: dict[str, Any]) -> Any:
        """Apply field changes to one entry; names of fields that do not apply are refused."""
        entity = self.entry(kind, record_id)
        names = {f.name for f in dataclasses.fields(entity)} - {"id"}
        for key in changes:
            if key not in names:
                raise InvalidInput(key, f"does not apply to a {kind}")
        if "date" in changes and isinstance(changes["date"], date):
            check_not_future("date", changes["date"], self.today())
        moved = kind == "checkin" and changes.get("date", entity.date) != entity.date
        if moved and self.store.ids_on("checkin", changes["date"]):
            raise AlreadyExists(f"there is already a check-in on {changes['date']}")
        if "at" in changes:
            _, day = self._moment(changes["at"])
            changes = {**changes, "date": day}
        updated = m.replace(entity, **changes)
        if kind == "slip":
            self._check_slip_date(self.find_track(updated.track_id), updated.date)
        if kind == "track":
            self._check_track_start(updated)
        self.save(updated, update=True)
        return updated

    # -- settings -----------------------------------------------------------------------
    def settings(self) -> m.Settings:
        found = self.get("setting", "settings")
        return found if found is not None else m.Settings()

    def update_settings(self, **changes: Any) -> m.Settings:
        current = self.settings()
        updated = m.replace(current, **changes)
        exists = self.get("setting", "settings") is not None
        self.save(updated, update=exists)
        return updated

    # -- tracks -------------------------------------------------------------------------
    def tracks(self, *, include_archived: bool = False) -> list[m.Track]:
        found = [t for t in self.records("track") if include_archived or not t.archived]
        return sorted(found, key=lambda t: (t.archived, t.started_on, t.name.lower()))

    def find_track(self, name_or_id: str | None) -> m.Track:
        """A track by name (case-insensitive) or id; with one active track, None picks it."""
        tracks = self.tracks(include_archived=True)
        if name_or_id is None:
            active = [t for t in tracks if not t.archived]
            if len(active) == 1:
                return active[0]
            raise InvalidInput("TRACK", "is needed: " + _names(active))
        wanted = name_or_id.strip().lower()
        for track in tracks:
            if track.id == wanted or track.name.lower() == wanted:
                return track
        matches = [t for t in tracks if t.id.startswith(wanted) and len(wanted) >= 4]
        if len(matches) == 1:
            return matches[0]
        raise NotFound(f"there is no track called {name_or_id!r}; " + _names(tracks))

    def add_track(
        self,
        name: str,
        since: date | None = None,
        cost_per_day: Decimal | None = None,
        hours_per_day: Decimal | None = None,
        note: str = "",
    ) -> m.Track:
        name = name.strip()
        check_text("name", name, 60, required=True)
        track = m.Track(new_id(), name, since or self.today(), cost_per_day, hours_per_day, note)
        self._check_track_start(track)
        with self.store.write():
            for other in self.tracks():
                if other.name.lower() == name.lower():
                    raise AlreadyExists(f"there is already a track called {other.name!r}")
            self.save(track)
        return track

    def _check_track_start(self, track: m.Track) -> None:
        check_not_future("since", track.started_on, self.today())
        early = [s for s in self.slips(track.id) if s.date < track.started_on]
        if early:
            raise InvalidInput(
                "since", f"must be on or before the track's first slip ({early[0].date})"
            )

    def archive_track(self, name: str, archived: bool = True) -> m.Track:
        track = self.find_track(name)
        updated = dataclasses.replace(track, archived=archived)
        self.save(updated, update=True)
        return updated

    # -- slips --------------------------------------------------------------------------
    def slips(self, track_id: str | None = None) -> list[m.Slip]:
        found = self.records("slip")
        return [s for s in found if track_id is None or s.track_id == track_id]

    def _check_slip_date(self, track: m.Track, on: date) -> None:
        check_not_future("on", on, self.today())
        if on < track.started_on:
            raise InvalidInput(
                "on",
                f"is before {track.name!r} started ({track.started_on}); a slip must be on "
                "or after the first sober day",
            )

    def add_slip(
        self,
        track: str | None,
        on: date | None = None,
        kind: str = "lapse",
        note: str = "",
        trigger: str = "",
        learned: str = "",
        time: str | None = None,
    ) -> tuple[m.Slip, m.Track]:
        found = self.find_track(track)
        day = on or self.today()
        if time is None and on is None:
            time = self.now().strftime("%H:%M")
        slip = m.Slip(new_id(), found.id, day, kind, time, note, trigger, learned)
        slip.validate()
        self._check_slip_date(found, day)
        self.save(slip)
        return slip, found

    # -- check-ins ----------------------------------------------------------------------
    def checkin_on(self, day: date) -> m.CheckIn | None:
        ids = self.store.ids_on("checkin", day)
        return self.get("checkin", ids[0]) if ids else None

    def checkin(self, day: date | None = None, **fields: Any) -> tuple[m.CheckIn, bool]:
        """Create the day's check-in, or edit it with the given fields; returns (it, created)."""
        when = day or self.today()
        check_not_future("date", when, self.today())
        if fields.get("medication") is not None and not self.settings().medication_tracking:
            raise InvalidInput(
                "medication",
                "tracking is off; turn it on with: recoverylog settings set medication-tracking on",
            )
        with self.store.write():
            current = self.checkin_on(when)
            if current is None:
                entry = m.CheckIn(new_id(), when, **fields)
                entry.validate()
                self.save(entry)
                return entry, True
            updated = m.replace(current, **fields)
            self.save(updated, update=True)
            return updated, False

    # -- cravings, coping, reflections, surfing -----------------------------------------
    def add_craving(
        self,
        intensity: int,
        *,
        triggers: Sequence[str] = (),
        skills: Sequence[str] = (),
        after: int | None = None,
        outcome: str | None = None,
        note: str = "",
        situation: str = "",
        thoughts: str = "",
        duration: int | None = None,
        track: str | None = None,
        at: datetime | None = None,
    ) -> m.Craving:
        moment, day = self._moment(at)
        track_id = self.find_track(track).id if track else None
        craving = m.Craving(
            new_id(),
            moment,
            intensity,
            day,
            tuple(triggers),
            situation,
            thoughts,
            tuple(skills),
            after,
            outcome,
            duration,
            track_id,
            note,
        )
        craving.validate()
        self.save(craving)
        return craving

    def add_coping(
        self,
        skill: str,
        *,
        helped: int | None = None,
        craving_id: str | None = None,
        note: str = "",
        at: datetime | None = None,
    ) -> m.CopingEntry:
        moment, day = self._moment(at)
        full_craving = self.resolve_id("craving", craving_id) if craving_id else None
        entry = m.CopingEntry(new_id(), moment, day, skill.strip(), helped, full_craving, note)
        entry.validate()
        self.save(entry)
        return entry

    def check_reflection(
        self, *, title: str = "", tags: Iterable[str] = (), at: datetime | None = None
    ) -> None:
        """Check a reflection's title, tags and moment before its body is written."""
        moment, day = self._moment(at)
        m.Reflection(new_id(), moment, day, title.strip(), "(body)", tuple(tags)).validate()

    def add_reflection(
        self, body: str, *, title: str = "", tags: Iterable[str] = (), at: datetime | None = None
    ) -> m.Reflection:
        moment, day = self._moment(at)
        entry = m.Reflection(new_id(), moment, day, title.strip(), body, tuple(tags))
        entry.validate()
        self.save(entry)
        return entry

    def add_surf(
        self,
        samples: Sequence[tuple[int, int]],
        *,
        triggers: Sequence[str] = (),
        outcome: str | None = None,
        note: str = "",
        started_at: datetime | None = None,
    ) -> tuple[m.Craving, m.SurfSession]:
        """An urge-surfing session and the craving it belongs to, saved together."""
        if not samples:
            raise InvalidInput("intensity", "needs at least one reading")
        moment, day = self._moment(started_at)
        minutes = samples[-1][0]
        with self.store.write():
            craving = self.add_craving(
                samples[0][1],
                triggers=triggers,
                skills=("mbrp-urge-surfing",),
                after=samples[-1][1],
                outcome=outcome,
                note=note,
                duration=minutes,
                at=moment,
            )
            surf = m.SurfSession(new_id(), craving.id, moment, day, tuple(samples))
            surf.validate()
            self.save(surf)
        return craving, surf


def _table_for(kind: str) -> str:
    if kind not in KINDS:
        raise InvalidInput("KIND", f"must be one of {', '.join(KINDS)} (got {kind!r})")
    return KINDS[kind]


def _names(tracks: list[m.Track]) -> str:
    if not tracks:
        return "add one with: recoverylog track add NAME"
    return "tracks: " + ", ".join(t.name for t in tracks)
