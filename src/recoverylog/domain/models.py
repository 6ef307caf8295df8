"""The journal's domain types: plain dataclasses in and out of the facade, never SQL rows.

Each type knows its table, its clear ``day`` (the local calendar date, or None), how to turn
itself into JSON-ready data and back (:func:`to_data` / :func:`from_data`, used by the store
and by export/import), and how to check its own fields (``validate``).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, TypeVar

from recoverylog.domain.validate import (
    MAX_SHORT_TEXT,
    check_aware,
    check_choice,
    check_choices,
    check_int,
    check_number,
    check_text,
)
from recoverylog.errors import InvalidInput

SLIP_KINDS = ("lapse", "return-to-use")
MEETING_TYPES = ("AA", "NA", "SMART", "SOS", "other")
MEETING_MODES = ("in-person", "online")
OUTCOMES = ("passed", "used", "ongoing")
HALT = ("hungry", "angry", "lonely", "tired")
#: Alias so that fields named ``date`` can still be annotated with the type.
Day = date


def _triggers() -> tuple[str, ...]:
    from recoverylog.domain.vocab import TRIGGERS

    return tuple(TRIGGERS)


@dataclass(frozen=True)
class Track:
    table: ClassVar[str] = "track"
    id: str
    name: str
    started_on: date
    cost_per_day: Decimal | None = None
    hours_per_day: Decimal | None = None
    note: str = ""
    archived: bool = False

    @property
    def day(self) -> Day | None:
        return self.started_on

    def validate(self) -> None:
        check_text("name", self.name, 60, required=True)
        check_number("cost_per_day", self.cost_per_day, 0, 1_000_000)
        check_number("hours_per_day", self.hours_per_day, 0, 24)
        check_text("note", self.note)


@dataclass(frozen=True)
class Slip:
    table: ClassVar[str] = "slip"
    id: str
    track_id: str
    date: Day
    kind: str = "lapse"
    time: str | None = None
    note: str = ""
    trigger: str = ""
    learned: str = ""

    @property
    def day(self) -> Day | None:
        return self.date

    def validate(self) -> None:
        check_choice("kind", self.kind, SLIP_KINDS)
        if self.time is not None:
            _check_hhmm("time", self.time)
        check_text("note", self.note)
        check_text("trigger", self.trigger, MAX_SHORT_TEXT)
        check_text("learned", self.learned)


@dataclass(frozen=True)
class Meeting:
    type: str
    mode: str = "in-person"

    def validate(self) -> None:
        check_choice("meeting", self.type, MEETING_TYPES)
        check_choice("meeting mode", self.mode, MEETING_MODES)


@dataclass(frozen=True)
class CheckIn:
    table: ClassVar[str] = "checkin"
    id: str
    date: Day
    mood: int | None = None
    craving: int | None = None
    halt: tuple[str, ...] = ()
    sleep: Decimal | None = None
    meeting: Meeting | None = None
    reached_out: bool = False
    medication: bool | None = None
    gratitude: str = ""
    note: str = ""

    @property
    def day(self) -> Day | None:
        return self.date

    def validate(self) -> None:
        check_int("mood", self.mood, 1, 10)
        check_int("craving", self.craving, 0, 10)
        check_choices("halt", self.halt, HALT)
        check_number("sleep", self.sleep, 0, 24)
        if self.meeting is not None:
            self.meeting.validate()
        check_text("gratitude", self.gratitude)
        check_text("note", self.note)


@dataclass(frozen=True)
class Craving:
    table: ClassVar[str] = "craving"
    id: str
    at: datetime
    intensity: int
    date: Day
    triggers: tuple[str, ...] = ()
    situation: str = ""
    thoughts: str = ""
    skills: tuple[str, ...] = ()
    intensity_after: int | None = None
    outcome: str | None = None
    duration_minutes: int | None = None
    track_id: str | None = None
    note: str = ""

    @property
    def day(self) -> Day | None:
        return self.date

    def validate(self) -> None:
        check_aware("at", self.at)
        check_int("intensity", self.intensity, 0, 10)
        check_choices("trigger", self.triggers, _triggers())
        check_text("situation", self.situation)
        check_text("thoughts", self.thoughts)
        for skill in self.skills:
            check_text("skill", skill, MAX_SHORT_TEXT, required=True)
        check_int("after", self.intensity_after, 0, 10)
        check_choice("outcome", self.outcome, OUTCOMES)
        check_int("duration", self.duration_minutes, 0, 24 * 60)
        check_text("note", self.note)


@dataclass(frozen=True)
class CopingEntry:
    table: ClassVar[str] = "coping"
    id: str
    at: datetime
    date: Day
    skill: str
    helped: int | None = None
    craving_id: str | None = None
    note: str = ""

    @property
    def day(self) -> Day | None:
        return self.date

    def validate(self) -> None:
        check_aware("at", self.at)
        check_text("skill", self.skill, MAX_SHORT_TEXT, required=True)
        check_int("helped", self.helped, 0, 10)
        check_text("note", self.note)


@dataclass(frozen=True)
class Reflection:
    table: ClassVar[str] = "reflection"
    id: str
    at: datetime
    date: Day
    title: str = ""
    body: str = ""
    tags: tuple[str, ...] = ()

    @property
    def day(self) -> Day | None:
        return self.date

    def validate(self) -> None:
        check_aware("at", self.at)
        check_text("title", self.title, MAX_SHORT_TEXT)
        check_text("body", self.body, required=True)
        for tag in self.tags:
            check_text("tag", tag, 60, required=True)


@dataclass(frozen=True)
class SurfSession:
    table: ClassVar[str] = "surf"
    id: str
    craving_id: str
    started_at: datetime
    date: Day
    samples: tuple[tuple[int, int], ...] = ()

    @property
    def day(self) -> Day | None:
        return self.date

    def validate(self) -> None:
        check_aware("started_at", self.started_at)
        for minute, intensity in self.samples:
            check_int("sample minute", minute, 0, 24 * 60)
            check_int("sample intensity", intensity, 0, 10)


@dataclass(frozen=True)
class PersonalSkill:
    """A person's own coping skill; ``skill`` holds the fields of :class:`skills.model.Skill`."""

    table: ClassVar[str] = "skill"
    id: str
    skill: dict[str, Any]

    @property
    def day(self) -> Day | None:
        return None

    def validate(self) -> None:
        from recoverylog.skills.model import skill_from_dict

        skill_from_dict(self.skill, "skill")


@dataclass(frozen=True)
class SkillPref:
    table: ClassVar[str] = "skillpref"
    id: str
    skill_id: str
    favourite: bool = True

    @property
    def day(self) -> Day | None:
        return None

    def validate(self) -> None:
        check_text("skill", self.skill_id, 64, required=True)


@dataclass(frozen=True)
class Settings:
    table: ClassVar[str] = "setting"
    id: str = "settings"
    currency: str = "$"
    medication_tracking: bool = False
    alias: str = ""

    @property
    def day(self) -> Day | None:
        return None

    def validate(self) -> None:
        check_text("currency", self.currency, 8)
        check_text("alias", self.alias, 80)


def _check_hhmm(field_name: str, text: str) -> None:
    parts = text.split(":")
    if len(parts) != 2 or not all(p.isdigit() and len(p) == 2 for p in parts):
        raise InvalidInput(field_name, f"must be a time like 21:30 (got {text!r})")
    if not (0 <= int(parts[0]) <= 23 and 0 <= int(parts[1]) <= 59):
        raise InvalidInput(field_name, f"must be a time like 21:30 (got {text!r})")


Entity = (
    Track
    | Slip
    | CheckIn
    | Craving
    | CopingEntry
    | Reflection
    | SurfSession
    | PersonalSkill
    | SkillPref
    | Settings
)
ENTITY_TYPES: tuple[type[Any], ...] = (
    Settings,
    Track,
    Slip,
    CheckIn,
    Craving,
    CopingEntry,
    Reflection,
    SurfSession,
    PersonalSkill,
    SkillPref,
)
BY_TABLE: dict[str, type[Any]] = {t.table: t for t in ENTITY_TYPES}
#: Export keys, in export order.
EXPORT_KEYS: dict[str, str] = {
    "setting": "settings",
    "track": "tracks",
    "slip": "slips",
    "checkin": "checkins",
    "craving": "cravings",
    "coping": "coping",
    "reflection": "reflections",
    "surf": "surf_sessions",
    "skill": "skills",
    "skillpref": "skill_prefs",
}

T = TypeVar("T")


def to_data(entity: Any) -> dict[str, Any]:
    """JSON-ready data of an entity (dates ISO, decimals as strings, tuples as lists)."""
    return {f.name: _encode(getattr(entity, f.name)) for f in dataclasses.fields(entity)}


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_data(value)
    return value


def from_data(cls: type[T], data: Any, where: str = "") -> T:
    """Build and validate an entity from JSON-ready data; unknown or missing fields refused."""
    prefix = f"{where}: " if where else ""
    if not isinstance(data, dict):
        raise InvalidInput(f"{prefix}{cls.__name__}", "must be an object")
    hints, fields = _schema(cls)
    unknown = set(data) - set(fields)
    if unknown:
        raise InvalidInput(f"{prefix}{sorted(unknown)[0]}", "is not a known field")
    kwargs: dict[str, Any] = {}
    for name, f in fields.items():
        if name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise InvalidInput(f"{prefix}{name}", "is missing")
            continue
        kwargs[name] = _decode(hints[name], data[name], f"{prefix}{name}")
    entity = cls(**kwargs)
    entity.validate()  # type: ignore[attr-defined]
    return entity


_SCHEMAS: dict[type[Any], tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]] = {}


def _schema(cls: type[Any]) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    """Type hints and fields of an entity class, resolved once (reading is the hot path)."""
    found = _SCHEMAS.get(cls)
    if found is None:
        found = _SCHEMAS[cls] = (
            typing.get_type_hints(cls),
            {f.name: f for f in dataclasses.fields(cls)},
        )
    return found


def _bad(name: str, value: Any) -> InvalidInput:
    return InvalidInput(name, f"has the wrong type (got {type(value).__name__})")


def _decode(hint: Any, value: Any, name: str) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], value, name)
    if hint is datetime:
        if not isinstance(value, str):
            raise _bad(name, value)
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise InvalidInput(name, f"is not a date and time (got {value!r})") from None
    if hint is date:
        if not isinstance(value, str):
            raise _bad(name, value)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InvalidInput(name, f"is not a date (got {value!r})") from None
    if hint is Decimal:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise _bad(name, value)
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise InvalidInput(name, f"is not a number (got {value!r})") from None
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise _bad(name, value)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, name) for v in value)
        if len(value) != len(args):
            raise _bad(name, value)
        return tuple(_decode(a, v, name) for a, v in zip(args, value, strict=True))
    if origin is dict:
        if not isinstance(value, dict):
            raise _bad(name, value)
        return value
    if dataclasses.is_dataclass(hint):
        return from_data(hint, value, name)  # type: ignore[arg-type]
    if hint is bool:
        if not isinstance(value, bool):
            raise _bad(name, value)
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad(name, value)
        return value
    if hint is str:
        if not isinstance(value, str):
            raise _bad(name, value)
        return value
    return value


def replace(entity: T, **changes: Any) -> T:
    new = dataclasses.replace(entity, **changes)  # type: ignore[type-var]
    new.validate()  # type: ignore[attr-defined]
    return new
