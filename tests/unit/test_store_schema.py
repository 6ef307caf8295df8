"""The live schema matches the SQLModel tables; pragmas; migrations copy the database first."""

from __future__ import annotations

import pytest

from recoverylog.journal import Journal
from recoverylog.paths import Locations
from recoverylog.store import migrations, schema
from tests.conftest import PASSPHRASE


def test_schema_matches_sqlmodel_tables(journal: Journal) -> None:
    from sqlmodel import SQLModel

    from recoverylog.store import tables

    conn = journal.store.conn
    live = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    declared = set(SQLModel.metadata.tables)
    assert declared <= live
    assert {t.__tablename__ for t in tables.SEALED_TABLES} == set(schema.SEALED_TABLE_NAMES)
    for name, table in SQLModel.metadata.tables.items():
        cols = {r[1] for r in conn.execute(f"PRAGMA table_info({name})")}
        assert cols == {c.name for c in table.columns}, name


def test_pragmas(journal: Journal) -> None:
    conn = journal.store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert migrations.schema_version(conn) == schema.SCHEMA_VERSION


def test_a_migration_copies_the_database_first(
    journal: Journal, locations: Locations, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.close()
    ran = []

    def migration_2(conn):  # type: ignore[no-untyped-def]
        ran.append(2)
        conn.execute("CREATE TABLE example_v2 (id TEXT PRIMARY KEY)")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, migration_2)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    with Journal.open(locations, PASSPHRASE) as j:
        assert migrations.schema_version(j.store.conn) == 2
    assert ran == [2]
    copies = list(locations.backups.glob("pre-migration-v1-*.db"))
    assert len(copies) == 1 and (copies[0].stat().st_mode & 0o777) == 0o600


def test_newer_schema_is_refused(journal: Journal, locations: Locations) -> None:
    journal.store.conn.execute("PRAGMA user_version = 99")
    journal.close()
    from recoverylog.errors import DamagedData

    with pytest.raises(DamagedData, match="newer recoverylog"):
        Journal.open(locations, PASSPHRASE)


def test_checkpoint_waits_for_a_reader_in_another_connection(journal: Journal) -> None:
    """A passphrase change right after the app read something still empties the WAL."""
    import sqlite3
    import threading
    import time

    journal.checkin(None, mood=5, note="in the WAL")
    reader = sqlite3.connect(journal.locations.db, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM checkin").fetchone()  # holds a read snapshot
    journal.checkin(None, mood=6, note="written after the reader began")

    def finish() -> None:
        time.sleep(0.3)
        reader.execute("COMMIT")

    thread = threading.Thread(target=finish)
    thread.start()
    try:
        assert journal.store.checkpoint() is True
    finally:
        thread.join()
        reader.close()
    wal = journal.locations.db.with_name(journal.locations.db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_checkpoint_gives_up_on_a_reader_that_stays(journal: Journal) -> None:
    import sqlite3

    journal.checkin(None, mood=5)
    reader = sqlite3.connect(journal.locations.db)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM checkin").fetchone()
        journal.checkin(None, mood=6)
        # Each attempt must not wait the connection's whole busy timeout (15 s).
        assert journal.store.checkpoint(attempts=2) is False
    finally:
        reader.close()
    (timeout,) = journal.store.conn.execute("PRAGMA busy_timeout").fetchone()
    assert timeout > 1000  # restored for everything else
    assert journal.store.checkpoint() is True
