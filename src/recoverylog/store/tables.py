"""The SQLModel tables: ids and local dates in the clear, every other value sealed.

Each entity table has the same shape: ``id`` (random UUIDv4 text), ``day`` (the record's local
calendar date, ISO text, or NULL for undated records), ``data`` (the sealed JSON of the
record's fields) and ``body`` (a sealed long text, e.g. a reflection's Markdown, or NULL).
These classes are the schema's source of truth: migration 1 creates them, and a test checks
the live schema against them. Queries go through :mod:`recoverylog.store.repo`.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class HeaderRow(SQLModel, table=True):
    __tablename__ = "header"

    id: int = Field(default=1, primary_key=True)
    blob: bytes
    checksum: str


class _Sealed(SQLModel):
    id: str = Field(primary_key=True, max_length=36)
    day: str | None = Field(default=None, index=True)
    data: bytes
    body: bytes | None = None


class TrackRow(_Sealed, table=True):
    __tablename__ = "track"


class SlipRow(_Sealed, table=True):
    __tablename__ = "slip"


class CheckinRow(_Sealed, table=True):
    __tablename__ = "checkin"


class CravingRow(_Sealed, table=True):
    __tablename__ = "craving"


class CopingRow(_Sealed, table=True):
    __tablename__ = "coping"


class ReflectionRow(_Sealed, table=True):
    __tablename__ = "reflection"


class SurfRow(_Sealed, table=True):
    __tablename__ = "surf"


class SkillRow(_Sealed, table=True):
    __tablename__ = "skill"


class SkillPrefRow(_Sealed, table=True):
    __tablename__ = "skillpref"


class SettingRow(_Sealed, table=True):
    __tablename__ = "setting"


SEALED_TABLES: tuple[type[_Sealed], ...] = (
    TrackRow,
    SlipRow,
    CheckinRow,
    CravingRow,
    CopingRow,
    ReflectionRow,
    SurfRow,
    SkillRow,
    SkillPrefRow,
    SettingRow,
)
