"""Numbered schema migrations, with a copy of the database taken before any of them runs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from recoverylog.errors import DamagedData
from recoverylog.store.engine import damaged_or_storage
from recoverylog.store.schema import SCHEMA_VERSION


def _migration_1(conn: sqlite3.Connection) -> None:
    """Create the header and every sealed table from the SQLModel declarations."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable
    from sqlmodel import SQLModel

    from recoverylog.store import tables  # noqa: F401  (registers the tables)

    dialect = sqlite.dialect()
    for table in SQLModel.metadata.sorted_tables:
        conn.execute(str(CreateTable(table).compile(dialect=dialect)))
        for index in table.indexes:
            conn.execute(str(CreateIndex(index).compile(dialect=dialect)))


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migration_1}


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path, backups_dir: Path) -> int:
    """Bring the database to :data:`SCHEMA_VERSION`; returns the version it started at.

    An existing journal is copied to ``backups_dir`` (encrypted, as it is) before changing.
    """
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise DamagedData(
            f"this journal was written by a newer recoverylog (schema {current}); "
            "please upgrade recoverylog to open it"
        )
    if current == SCHEMA_VERSION:
        return current
    if current >= 1:
        copy_before_migration(conn, path, backups_dir, current)
    try:
        conn.execute("BEGIN IMMEDIATE")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise damaged_or_storage(exc, path) from None
    return current


def copy_before_migration(
    conn: sqlite3.Connection, path: Path, backups_dir: Path, version: int
) -> Path:
    from recoverylog.paths import create_private_file, ensure_private_dir

    ensure_private_dir(backups_dir)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"pre-migration-v{version}-{stamp}.db"
    import os

    os.close(create_private_file(target))
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target
