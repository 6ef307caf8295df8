"""The Skill record: one coping skill, its fields, their limits, and the checks on plain data.

Every skill, built-in, personal or from a shared pack, passes through :func:`skill_from_dict`,
so a bad field is refused the same way everywhere: ``InvalidInput(field, problem)`` where the
field names the entry and the field, e.g. ``skill 3 (my-walk): minutes must be 1-240 (got 0)``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from recoverylog.domain.vocab import ANY_TRIGGER, CATEGORIES, TRADITIONS, TRIGGERS
from recoverylog.errors import InvalidInput

MAX_NAME = 120
MAX_SUMMARY = 2_000
MAX_STEP = 1_000
MAX_STEPS = 30
MAX_SOURCE = 500
MAX_CAUTION = 1_000
MINUTES_RANGE = (1, 240)
INTENSITY_RANGE = (0, 10)

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,62}[a-z0-9]")
#: Bidirectional overrides and isolates can make text read differently from what it holds.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: The fields of a skill as stored in TOML and JSON, in their written order.
DATA_FIELDS = (
    "id",
    "name",
    "category",
    "tradition",
    "summary",
    "steps",
    "triggers",
    "intensity_min",
    "intensity_max",
    "minutes",
    "source",
    "caution",
)
#: Journal state that may travel with a skill's data but is not part of a pack or the library.
FLAG_FIELDS = ("personal", "favourite")
REQUIRED_FIELDS = frozenset(DATA_FIELDS) - {"caution"}


@dataclass(frozen=True)
class Skill:
    """One coping skill. ``triggers == ("any",)`` means it fits every trigger."""

    id: str
    name: str
    category: str
    tradition: str
    summary: str
    steps: tuple[str, ...]
    triggers: tuple[str, ...]
    intensity_min: int
    intensity_max: int
    minutes: int
    source: str
    caution: str | None = None
    personal: bool = False
    favourite: bool = False

    def fits_trigger(self, trigger: str) -> bool:
        return ANY_TRIGGER in self.triggers or trigger in self.triggers

    def fits_intensity(self, intensity: int) -> bool:
        return self.intensity_min <= intensity <= self.intensity_max

    def to_dict(self) -> dict[str, Any]:
        """Plain data (lists, not tuples), every field, ``caution`` None when there is none."""
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "tradition": self.tradition,
            "summary": self.summary,
            "steps": list(self.steps),
            "triggers": list(self.triggers),
            "intensity_min": self.intensity_min,
            "intensity_max": self.intensity_max,
            "minutes": self.minutes,
            "source": self.source,
            "caution": self.caution,
            "personal": self.personal,
            "favourite": self.favourite,
        }


def skill_from_dict(data: Mapping[str, Any], where: str) -> Skill:
    """Check every field of ``data`` and build a Skill; ``where`` names the entry in messages.

    ``personal`` and ``favourite`` are optional (default False); unknown keys are refused.
    Tradition and category are matched without regard to case and stored in canonical form.
    """
    if not isinstance(data, Mapping):
        raise InvalidInput(where, f"must be a table of fields (got {_kind(data)})")
    raw_id = data.get("id")
    label = f"{where} ({raw_id})" if isinstance(raw_id, str) and _looks_like_id(raw_id) else where

    def field(name: str) -> str:
        return f"{label}: {name}"

    unknown = [str(k) for k in data if k not in DATA_FIELDS and k not in FLAG_FIELDS]
    if unknown:
        raise InvalidInput(
            field(unknown[0]), f"is not a skill field (known: {', '.join(DATA_FIELDS)})"
        )
    for name in DATA_FIELDS:
        if name in REQUIRED_FIELDS and name not in data:
            raise InvalidInput(field(name), "is missing")

    skill_id = _text(field("id"), data["id"], 64, single_line=True)
    if not ID_PATTERN.fullmatch(skill_id):
        raise InvalidInput(
            field("id"),
            "must be 2-64 characters of a-z, 0-9 and '-', starting and ending with a letter "
            f"or digit (got {skill_id!r})",
        )
    name = _text(field("name"), data["name"], MAX_NAME, single_line=True)
    category = _choice(field("category"), data["category"], CATEGORIES)
    tradition = _choice(field("tradition"), data["tradition"], TRADITIONS)
    summary = _text(field("summary"), data["summary"], MAX_SUMMARY)
    steps = _text_list(field("steps"), data["steps"], MAX_STEPS)
    for number, step in enumerate(steps, 1):
        _text(field(f"step {number}"), step, MAX_STEP)
    triggers = _triggers(field("triggers"), data["triggers"])
    low = _int(field("intensity_min"), data["intensity_min"], *INTENSITY_RANGE)
    high = _int(field("intensity_max"), data["intensity_max"], *INTENSITY_RANGE)
    if low > high:
        raise InvalidInput(
            field("intensity_max"), f"must not be below intensity_min ({high} < {low})"
        )
    minutes = _int(field("minutes"), data["minutes"], *MINUTES_RANGE)
    source = _text(field("source"), data["source"], MAX_SOURCE, required=False)
    caution_value = data.get("caution")
    caution = None
    if caution_value is not None:
        caution = _text(field("caution"), caution_value, MAX_CAUTION, required=False) or None
    flags = {name: _flag(field(name), data.get(name, False)) for name in FLAG_FIELDS}
    return Skill(
        id=skill_id,
        name=name,
        category=category,
        tradition=tradition,
        summary=summary,
        steps=steps,
        triggers=triggers,
        intensity_min=low,
        intensity_max=high,
        minutes=minutes,
        source=source,
        caution=caution,
        personal=flags["personal"],
        favourite=flags["favourite"],
    )


def _looks_like_id(value: str) -> bool:
    return len(value) <= 64 and ID_PATTERN.fullmatch(value) is not None


def _kind(value: object) -> str:
    names = {
        str: "text",
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        list: "a list",
        tuple: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


def _text(
    field: str, value: object, limit: int, *, required: bool = True, single_line: bool = False
) -> str:
    if not isinstance(value, str):
        raise InvalidInput(field, f"must be text (got {_kind(value)})")
    if required and not value.strip():
        raise InvalidInput(field, "must not be empty")
    if len(value) > limit:
        raise InvalidInput(field, f"must be at most {limit:,} characters (got {len(value):,})")
    for char in value:
        if char in "\n\t" and not single_line:
            continue
        if unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            what = "line breaks" if char in "\n\r" else "control characters"
            raise InvalidInput(field, f"must not contain {what} (found U+{ord(char):04X})")
    return value


def _text_list(field: str, value: object, limit: int) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise InvalidInput(field, f"must be a list of text (got {_kind(value)})")
    if not value:
        raise InvalidInput(field, "must have at least one entry")
    if len(value) > limit:
        raise InvalidInput(field, f"must have at most {limit} entries (got {len(value)})")
    for number, item in enumerate(value, 1):
        if not isinstance(item, str):
            raise InvalidInput(f"{field} {number}", f"must be text (got {_kind(item)})")
    return tuple(value)


def _choice(field: str, value: object, allowed: tuple[str, ...]) -> str:
    if isinstance(value, str):
        for option in allowed:
            if value.strip().lower() == option.lower():
                return option
    shown = repr(value) if isinstance(value, str) else _kind(value)
    raise InvalidInput(field, f"must be one of {', '.join(allowed)} (got {shown})")


def _triggers(field: str, value: object) -> tuple[str, ...]:
    items = _text_list(field, value, len(TRIGGERS) + 1)
    found: list[str] = []
    for item in items:
        tag = item.strip().lower()
        if tag not in TRIGGERS and tag != ANY_TRIGGER:
            raise InvalidInput(
                field, f"must be among {', '.join(TRIGGERS)}, or {ANY_TRIGGER} (got {item!r})"
            )
        if tag in found:
            raise InvalidInput(field, f"lists {tag!r} twice")
        found.append(tag)
    if ANY_TRIGGER in found and len(found) > 1:
        raise InvalidInput(field, f"{ANY_TRIGGER!r} already covers every trigger; list it alone")
    return tuple(found)


def _int(field: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(field, f"must be a whole number {low}-{high} (got {_kind(value)})")
    if not low <= value <= high:
        raise InvalidInput(field, f"must be {low}-{high} (got {value})")
    return value


def _flag(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(field, f"must be true or false (got {_kind(value)})")
    return value
