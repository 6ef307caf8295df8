"""The facade the CLI, the TUI and the reports use: open/unlock, entries in and out, files.

Nothing above this module touches SQL or keys; nothing below it knows about Typer or Textual.
Every public method that changes data runs in one transaction.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from recoverylog.domain.models import BY_TABLE, EXPORT_KEYS, from_data, to_data
from recoverylog.entries import EntriesMixin
from recoverylog.errors import (
    AlreadyExists,
    DamagedData,
    InvalidInput,
    NoJournal,
    StorageError,
)
from recoverylog.paths import Locations, atomic_private_write, ensure_private_dir
from recoverylog.queries import QueriesMixin
from recoverylog.skillset import SkillsMixin
from recoverylog.store import engine
from recoverylog.store.repo import Record, Store, read_header_row
from recoverylog.vault.envelope import Sealer
from recoverylog.vault.kdf import KdfParams
from recoverylog.vault.keyslots import (
    Header,
    check_new_passphrase,
    new_header,
    new_recovery_key,
    normalize_recovery_key,
)

EXPORT_FORMAT = "recoverylog-export"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 512 * 1024 * 1024


@dataclass
class ImportResult:
    added: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    conflicts: int = 0
    #: check-ins for days that already have one in the journal (the journal's are kept)
    same_day: int = 0

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


def _write_header(conn: sqlite3.Connection, header: Header) -> None:
    blob, checksum = header.serialize()
    conn.execute(
        "INSERT INTO header (id, blob, checksum) VALUES (1, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET blob = excluded.blob, checksum = excluded.checksum",
        (blob, checksum),
    )


def _read_header(conn: sqlite3.Connection) -> Header:
    blob, checksum = read_header_row(conn)
    return Header.parse(blob, checksum)


class Journal(SkillsMixin, QueriesMixin, EntriesMixin):
    """An unlocked journal. Use :meth:`create`, :meth:`open` or :meth:`open_with_recovery_key`."""

    def __init__(self, store: Store, header: Header, data_key: bytes, locations: Locations) -> None:
        self.store = store
        self._header = header
        self._data_key: bytes | None = data_key
        self.locations = locations
        self.rollover_hour = _rollover_hour(locations)

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def exists(cls, locations: Locations) -> bool:
        return locations.db.exists()

    @classmethod
    def create(
        cls,
        locations: Locations,
        passphrase: str,
        params: KdfParams | None = None,
        *,
        recovery_key: str | None = None,
    ) -> tuple[Journal, str]:
        """Create a new journal; returns it and the recovery key (to be shown once)."""
        from recoverylog.store.migrations import migrate

        check_new_passphrase(passphrase)
        _set_aside_short_file(locations)
        if locations.db.exists():
            raise AlreadyExists(
                f"a journal already exists in {locations.data_dir}; nothing was changed"
            )
        recovery_key = recovery_key or new_recovery_key()
        header, data_key = new_header(passphrase, recovery_key, params or KdfParams())
        ensure_private_dir(locations.data_dir)
        conn = engine.connect(locations.db, create=True)
        try:
            migrate(conn, locations.db, locations.backups)
            conn.execute("BEGIN IMMEDIATE")
            _write_header(conn, header)
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(str(locations.db) + suffix)
            raise
        store = Store(conn, Sealer(data_key, header.journal_id), locations.db)
        return cls(store, header, data_key, locations), recovery_key

    @classmethod
    def open(cls, locations: Locations, passphrase: str) -> Journal:
        return cls._open(locations, "passphrase", passphrase)

    @classmethod
    def open_with_recovery_key(cls, locations: Locations, recovery_key: str) -> Journal:
        return cls._open(locations, "recovery", normalize_recovery_key(recovery_key))

    @classmethod
    def _open(cls, locations: Locations, kind: str, secret: str) -> Journal:
        from recoverylog.store.migrations import migrate, schema_version
        from recoverylog.store.schema import SCHEMA_VERSION

        require_journal(locations)
        ensure_private_dir(locations.data_dir)
        conn = engine.connect(locations.db)
        try:
            from recoverylog.vault import prefetch

            blob, checksum = read_header_row(conn)
            header = Header.parse(blob, checksum)
            data_key = prefetch.take(locations.db, kind, secret, blob) or header.unlock(
                kind, secret
            )
            if schema_version(conn) != SCHEMA_VERSION:
                migrate(conn, locations.db, locations.backups)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            conn.close()
            raise engine.damaged_or_storage(exc, locations.db) from None
        except BaseException:
            conn.close()
            raise
        store = Store(conn, Sealer(data_key, header.journal_id), locations.db)
        return cls(store, header, data_key, locations)

    @property
    def journal_id(self) -> str:
        return self._header.journal_id

    def close(self) -> None:
        """Keep today's rotating backup if something was written, then close and drop the key."""
        if self.store.wrote and self._data_key is not None:
            from recoverylog.backups import keep_daily_backup

            with contextlib.suppress(Exception):  # a backup problem must never lose the entry
                keep_daily_backup(self, refresh=self.store.deleted)
        self._data_key = None
        self.store.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _key(self) -> bytes:
        if self._data_key is None:
            raise StorageError("the journal is locked")
        return self._data_key

    # -- keys ---------------------------------------------------------------------------
    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-wrap the data key under a new passphrase, then checkpoint the WAL away."""
        check_new_passphrase(new_passphrase)
        slot = self._header.slots["passphrase"]
        header = Header.parse(*self._header.serialize())
        header.rewrap(self._key(), "passphrase", new_passphrase, slot.params)
        with self.store.write():
            _write_header(self.store.conn, header)
        self._header = header
        self.store.checkpoint()
        from recoverylog.backups import rewrap_backups

        rewrap_backups(self.locations, header.journal_id, *header.serialize())

    # -- export / import ----------------------------------------------------------------
    def records(self, table: str) -> list[Any]:
        """Every entity of one table, oldest first (damaged ones reported in store.damaged)."""
        cls = BY_TABLE[table]
        return [self._entity(cls, rec) for rec in self.store.select(table, with_body=True)]

    def _entity(self, cls: type[Any], record: Record) -> Any:
        data = dict(record.data)
        data["id"] = record.id
        if record.body is not None:
            data["body"] = record.body
        return from_data(cls, data)

    def save(self, entity: Any, *, update: bool = False) -> None:
        """Validate and store one entity (``update`` replaces the record with that id)."""
        entity.validate()
        data = to_data(entity)
        record_id = data.pop("id")
        body = data.pop("body", None) if entity.table == "reflection" else None
        if update:
            self.store.update(entity.table, record_id, entity.day, data, body)
        else:
            self.store.insert(entity.table, record_id, entity.day, data, body)

    def export_data(self) -> dict[str, Any]:
        """The whole journal as versioned, JSON-ready data (deterministic order)."""
        doc: dict[str, Any] = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION}
        with self.store.read():
            for table, key in EXPORT_KEYS.items():
                items = [to_data(e) for e in self.records(table)]
                if table == "setting":
                    doc[key] = items[0] if items else None
                else:
                    doc[key] = items
        return doc

    def export_to(self, path: Path, *, force: bool = False) -> dict[str, Any]:
        import json

        doc = self.export_data()
        text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        with atomic_private_write(path, force=force) as tmp:
            try:
                tmp.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise StorageError(f"could not write {path}: {exc.strerror or exc}") from None
        return doc

    def import_data(self, doc: Any) -> ImportResult:
        """Add every entity of an export that the journal does not have; all or nothing."""
        entities = parse_export(doc)
        result = ImportResult()
        with self.store.write():
            same_day = self._check_import(entities)
            for entity in entities:
                if entity.id in same_day:
                    result.same_day += 1
                    continue
                if self.store.exists(entity.table, entity.id):
                    current = self.store.get(entity.table, entity.id)
                    if current is not None and to_data(
                        self._entity(type(entity), current)
                    ) == to_data(entity):
                        result.skipped += 1
                    else:
                        result.conflicts += 1
                    continue
                self.save(entity)
                result.added[entity.table] = result.added.get(entity.table, 0) + 1
        return result

    def _check_import(self, entities: list[Any]) -> set[str]:
        """The rules that tie entries together, as the add and edit paths keep them: no
        future dates, no slip before its track started, one track per name, one check-in per
        day. Raises on the first problem (the caller's transaction then writes nothing);
        returns the ids of check-ins for days the journal already has one of (kept apart)."""
        from datetime import timedelta

        # A day of slack: an export made just after midnight in a timezone ahead of this one.
        latest = self.today() + timedelta(days=1)
        journal_tracks = {t.id: t for t in self.tracks(include_archived=True)}
        file_tracks = {e.id: e for e in entities if e.table == "track"}
        # Names are unique among active tracks (as add_track keeps them); an archived track
        # may share its name with a newer one.
        names = {t.name.lower(): t.id for t in journal_tracks.values() if not t.archived}
        checkin_days = {
            day: record_id
            for record_id, day in self.store.conn.execute("SELECT id, day FROM checkin")
        }
        file_days: dict[str, str] = {}
        same_day: set[str] = set()
        for entity in entities:
            where = f"{EXPORT_KEYS[entity.table]}: {entity.id}"
            day = entity.day
            if day is not None and day > latest:
                raise InvalidInput(f"{where}: date", f"is in the future ({day})")
            if entity.table == "track" and entity.id not in journal_tracks and not entity.archived:
                other = names.setdefault(entity.name.lower(), entity.id)
                if other != entity.id:
                    raise AlreadyExists(
                        f"{where}: there is already a track called {entity.name!r}; nothing "
                        "was imported (rename one with: recoverylog edit track ID --name NEW)"
                    )
            elif entity.table == "slip":
                track = journal_tracks.get(entity.track_id) or file_tracks.get(entity.track_id)
                if track is None:
                    raise InvalidInput(
                        f"{where}: track_id", "names a track that is in neither file"
                    )
                if entity.date < track.started_on:
                    raise InvalidInput(
                        f"{where}: date",
                        f"is before {track.name!r} started ({track.started_on})",
                    )
            elif entity.table == "checkin":
                key = entity.date.isoformat()
                if file_days.setdefault(key, entity.id) != entity.id:
                    raise InvalidInput(f"{where}: date", f"has a second check-in for {key}")
                if checkin_days.get(key, entity.id) != entity.id:
                    same_day.add(entity.id)
        return same_day

    def get(self, table: str, record_id: str) -> Any | None:
        """One entity by table and id, or None."""
        record = self.store.get(table, record_id)
        return None if record is None else self._entity(BY_TABLE[table], record)

    def remove(self, table: str, record_id: str) -> bool:
        """Delete one record (its bytes are overwritten: secure_delete)."""
        return self.store.delete(table, record_id)

    def _ids(self, table: str) -> list[str]:
        return [r[0] for r in self.store.conn.execute(f"SELECT id FROM {table}")]

    def import_from(self, path: Path) -> ImportResult:
        return self.import_data(read_export(path))

    # -- backup -------------------------------------------------------------------------
    def backup_to(self, path: Path, *, force: bool = False) -> None:
        """An encrypted, compacted copy of the whole journal (VACUUM INTO), written atomically."""
        with atomic_private_write(path, force=force) as tmp:
            try:
                self.store.conn.execute("VACUUM INTO ?", (str(tmp),))
            except sqlite3.Error as exc:
                raise engine.damaged_or_storage(exc, path) from None


def require_journal(locations: Locations) -> None:
    """NoJournal, with the command that makes one, if the data folder has no journal yet."""
    if not locations.db.exists():
        raise NoJournal(
            f"there is no journal in {locations.data_dir} yet; create one with: recoverylog init"
        )


def _rollover_hour(locations: Locations) -> int:
    from recoverylog.config import load_config

    try:
        return load_config(locations.config_file).rollover_hour
    except Exception:  # a broken config is reported by the commands that edit it
        return 0


def read_export(path: Path) -> Any:
    import json

    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InvalidInput(str(path), f"is too large to import ({size:,} bytes)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(str(path), "does not exist") from None
    except IsADirectoryError:
        raise InvalidInput(str(path), "is a folder, not an export file") from None
    except OSError as exc:
        raise StorageError(f"could not read {path}: {exc.strerror or exc}") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise InvalidInput(str(path), "is not a recoverylog export (not valid JSON)") from None


def parse_export(doc: Any) -> list[Any]:
    """Validate a whole export document; refuse it whole at the first problem."""
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise InvalidInput("export", "is not a recoverylog export (format is missing or wrong)")
    if doc.get("version") != EXPORT_VERSION:
        raise InvalidInput(
            "export",
            f"has version {doc.get('version')!r}; this recoverylog reads version {EXPORT_VERSION}",
        )
    unknown = set(doc) - {"format", "version", *EXPORT_KEYS.values()}
    if unknown:
        raise InvalidInput(f"export: {sorted(unknown)[0]}", "is not a known section")
    entities: list[Any] = []
    seen: set[tuple[str, str]] = set()
    for table, key in EXPORT_KEYS.items():
        section = doc.get(key)
        if section is None:
            continue
        items = [section] if table == "setting" else section
        if not isinstance(items, list) or (table == "setting" and not isinstance(section, dict)):
            raise InvalidInput(f"export: {key}", "has the wrong shape")
        for index, item in enumerate(items):
            where = f"{key}[{index}]" if table != "setting" else key
            entity = from_data(BY_TABLE[table], item, where)
            if (table, entity.id) in seen:
                raise InvalidInput(f"{where}: id", f"appears twice ({entity.id})")
            seen.add((table, entity.id))
            entities.append(entity)
    return entities


def restore_backup(
    locations: Locations, backup: Path, passphrase: str, *, force: bool = False
) -> Journal:
    """Check a backup opens with ``passphrase``, then make it the journal in ``locations``.

    An existing journal is kept in the backups folder before it is replaced (``force``).
    """
    from recoverylog.paths import create_private_file

    if not backup.is_file():
        raise InvalidInput(str(backup), "does not exist")
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        header = _read_header(src)
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        raise DamagedData(f"{backup} is not a recoverylog backup, or it is damaged") from None
    try:
        header.unlock("passphrase", passphrase)
        check = src.execute("PRAGMA integrity_check").fetchone()
        if not check or check[0] != "ok":
            raise DamagedData(f"{backup} is damaged ({check[0] if check else 'no answer'})")
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        raise DamagedData(f"{backup} is damaged") from None
    finally:
        pass
    ensure_private_dir(locations.data_dir)
    if locations.db.exists():
        if not force:
            src.close()
            raise AlreadyExists(
                f"a journal already exists in {locations.data_dir}; use --force to replace it "
                "(a copy of it is kept in the backups folder)"
            )
        _set_aside(locations)
    tmp = locations.data_dir / f".restore-{os.getpid()}.db"
    os.close(create_private_file(tmp))
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            src.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, locations.db)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        src.close()
    return Journal.open(locations, passphrase)


def _set_aside_short_file(locations: Locations) -> None:
    """An empty or cut-short journal.db (an interrupted init) is renamed, never deleted."""
    from datetime import datetime

    from recoverylog.store.engine import MIN_JOURNAL_BYTES

    db = locations.db
    if db.exists() and db.stat().st_size < MIN_JOURNAL_BYTES:
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
        for suffix in ("", "-wal", "-shm"):
            path = Path(str(db) + suffix)
            if path.exists():
                os.replace(path, Path(f"{db}.short-{stamp}{suffix}"))


def _set_aside(locations: Locations) -> Path:
    """Copy the current journal into the backups folder and remove its WAL files."""
    from datetime import datetime

    from recoverylog.paths import create_private_file

    ensure_private_dir(locations.backups)
    target = locations.backups / f"before-restore-{datetime.now():%Y%m%d-%H%M%S}.db"
    os.close(create_private_file(target))
    conn = sqlite3.connect(str(locations.db))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dest = sqlite3.connect(str(target))
        try:
            conn.backup(dest)
        finally:
            dest.close()
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(str(locations.db) + suffix)
    return target
