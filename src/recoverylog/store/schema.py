"""Names of the sealed tables, importable without SQLModel (the hot read path uses these)."""

from __future__ import annotations

SEALED_TABLE_NAMES: tuple[str, ...] = (
    "track",
    "slip",
    "checkin",
    "craving",
    "coping",
    "reflection",
    "surf",
    "skill",
    "skillpref",
    "setting",
)
SCHEMA_VERSION = 1
