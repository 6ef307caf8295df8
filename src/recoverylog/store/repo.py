"""Sealed rows in and out: SQL, transactions and the per-record envelope, nothing else.

Rows are opened into :class:`Record` (plain data). A row that fails to open is reported in
``Store.damaged`` and skipped, so one damaged record never hides the others.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from recoverylog.errors import DamagedData, DamagedRecord
from recoverylog.store.engine import damaged_or_storage
from recoverylog.store.schema import SEALED_TABLE_NAMES
from recoverylog.vault.envelope import Sealer

DATA = "data"
BODY = "body"


@dataclass(frozen=True)
class Record:
    table: str
    id: str
    day: date | None
    data: dict[str, Any]
    body: str | None = None


def read_header_row(conn: sqlite3.Connection) -> tuple[bytes, str]:
    try:
        row = conn.execute("SELECT blob, checksum FROM header WHERE id = 1").fetchone()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise DamagedData(f"the journal header is damaged and cannot be read ({exc})") from None
    if row is None:
        raise DamagedData("the journal header is missing")
    blob, checksum = row
    if isinstance(blob, str):
        blob = blob.encode("utf-8", "surrogateescape")
    return bytes(blob), str(checksum)


class Store:
    """One open journal database with its sealer; every command runs in one transaction."""

    def __init__(self, conn: sqlite3.Connection, sealer: Sealer, path: Path) -> None:
        self.conn = conn
        self.sealer = sealer
        self.path = path
        self.damaged: list[DamagedRecord] = []
        self.wrote = False
        self.deleted = False
        self._depth = 0

    # -- transactions -------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction (``BEGIN IMMEDIATE``), committed only if the block succeeds."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise damaged_or_storage(exc, self.path) from None
        self._depth = 1
        try:
            yield
            self.conn.execute("COMMIT")
            self.wrote = True
        except sqlite3.Error as exc:
            self._rollback()
            raise damaged_or_storage(exc, self.path) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def read(self) -> Iterator[None]:
        """A consistent snapshot for a multi-query read."""
        if self._depth:
            yield
            return
        self.conn.execute("BEGIN")
        self._depth = 1
        try:
            yield
        finally:
            self._depth = 0
            self._rollback()

    def _exec(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise damaged_or_storage(exc, self.path) from None

    def _all(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """Run a query and fetch every row; damage met while fetching is reported too."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise damaged_or_storage(exc, self.path) from None

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        try:
            return self.conn.execute(sql, params).fetchone()
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise damaged_or_storage(exc, self.path) from None

    # -- sealing ------------------------------------------------------------------------
    def _seal_row(
        self, table: str, record_id: str, day: date | None, data: dict[str, Any], body: str | None
    ) -> tuple[bytes, bytes | None]:
        payload = dict(data)
        payload["_day"] = day.isoformat() if day else None
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        sealed = self.sealer.seal(raw, table, record_id, DATA)
        sealed_body = (
            None if body is None else self.sealer.seal(body.encode("utf-8"), table, record_id, BODY)
        )
        return sealed, sealed_body

    def _open_row(self, table: str, row: tuple[Any, ...], with_body: bool) -> Record | None:
        record_id, day_text, sealed, sealed_body = row
        try:
            payload = json.loads(self.sealer.open(sealed, table, record_id, DATA))
            if not isinstance(payload, dict) or payload.pop("_day", None) != day_text:
                raise DamagedRecord(table, record_id)
            body = None
            if with_body and sealed_body is not None:
                body = self.sealer.open(sealed_body, table, record_id, BODY).decode("utf-8")
            day = date.fromisoformat(day_text) if day_text else None
        except DamagedRecord as exc:
            self.damaged.append(exc)
            return None
        except (ValueError, TypeError, UnicodeDecodeError):  # TypeError: a NULL or a number
            self.damaged.append(DamagedRecord(table, str(record_id)))  # where bytes should be
            return None
        return Record(table, record_id, day, payload, body)

    # -- rows ---------------------------------------------------------------------------
    def insert(
        self,
        table: str,
        record_id: str,
        day: date | None,
        data: dict[str, Any],
        body: str | None = None,
    ) -> None:
        _check_table(table)
        sealed, sealed_body = self._seal_row(table, record_id, day, data, body)
        with self.write():
            self._exec(
                f"INSERT INTO {table} (id, day, data, body) VALUES (?, ?, ?, ?)",
                (record_id, day.isoformat() if day else None, sealed, sealed_body),
            )

    def update(
        self,
        table: str,
        record_id: str,
        day: date | None,
        data: dict[str, Any],
        body: str | None = None,
    ) -> None:
        _check_table(table)
        sealed, sealed_body = self._seal_row(table, record_id, day, data, body)
        with self.write():
            self._exec(
                f"UPDATE {table} SET day = ?, data = ?, body = ? WHERE id = ?",
                (day.isoformat() if day else None, sealed, sealed_body, record_id),
            )

    def delete(self, table: str, record_id: str) -> bool:
        _check_table(table)
        with self.write():
            cur = self._exec(f"DELETE FROM {table} WHERE id = ?", (record_id,))
        if cur.rowcount > 0:
            self.deleted = True
        return cur.rowcount > 0

    def exists(self, table: str, record_id: str) -> bool:
        _check_table(table)
        return self._one(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)) is not None

    def get(self, table: str, record_id: str, *, with_body: bool = True) -> Record | None:
        _check_table(table)
        row = self._one(
            f"SELECT id, day, data, {'body' if with_body else 'NULL'} FROM {table} WHERE id = ?",
            (record_id,),
        )
        if row is None:
            return None
        record = self._open_row(table, row, with_body)
        if record is None:
            raise self.damaged[-1]
        return record

    def ids_on(self, table: str, day: date) -> list[str]:
        _check_table(table)
        rows = self._all(f"SELECT id FROM {table} WHERE day = ?", (day.isoformat(),))
        return [r[0] for r in rows]

    def days(self, table: str) -> list[date]:
        """The clear dates of a table's records, without opening anything."""
        _check_table(table)
        rows = self._all(f"SELECT DISTINCT day FROM {table} WHERE day IS NOT NULL ORDER BY day")
        return [date.fromisoformat(r[0]) for r in rows]

    def count(self, table: str) -> int:
        _check_table(table)
        return int(self._one(f"SELECT COUNT(*) FROM {table}")[0])

    def select(
        self,
        table: str,
        *,
        start: date | None = None,
        end: date | None = None,
        newest_first: bool = False,
        limit: int | None = None,
        with_body: bool = False,
    ) -> list[Record]:
        """Open the records of a table, optionally within [start, end] by their clear day.

        ``limit`` with ``newest_first`` keeps only the newest rows by day, so a view of
        the last 20 entries opens about 20 records, not the journal.
        """
        _check_table(table)
        where, params = [], []
        if start is not None:
            where.append("day >= ?")
            params.append(start.isoformat())
        if end is not None:
            where.append("day <= ?")
            params.append(end.isoformat())
        sql = f"SELECT id, day, data, {'body' if with_body else 'NULL'} FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY day DESC, id" if newest_first else " ORDER BY day, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        records = []
        for row in self._all(sql, tuple(params)):
            record = self._open_row(table, row, with_body)
            if record is not None:
                records.append(record)
        return records

    def newest_days(
        self, tables: tuple[str, ...], n: int, start: date | None, end: date | None
    ) -> date | None:
        """The oldest day among the newest ``n`` rows of ``tables`` (None if fewer rows)."""
        parts, params = [], []
        for table in tables:
            _check_table(table)
            cond = ["day IS NOT NULL"]
            if start is not None:
                cond.append("day >= ?")
                params.append(start.isoformat())
            if end is not None:
                cond.append("day <= ?")
                params.append(end.isoformat())
            parts.append(f"SELECT day FROM {table} WHERE {' AND '.join(cond)}")
        sql = f"SELECT day FROM ({' UNION ALL '.join(parts)}) ORDER BY day DESC LIMIT 1 OFFSET ?"
        row = self._one(sql, (*params, max(n - 1, 0)))
        return date.fromisoformat(row[0]) if row else None

    def checkpoint(self, attempts: int = 20) -> bool:
        """Fold the WAL into the database and truncate it, so old pages do not linger.

        A reader in another process (the app open beside the command line) can hold the
        checkpoint back; it is tried again for about two seconds. Returns whether it was
        complete (if not, SQLite's next checkpoint finishes the job)."""
        import time

        (timeout,) = self._all("PRAGMA busy_timeout")[0]
        self._exec("PRAGMA busy_timeout = 0")  # else each attempt waits the whole busy timeout
        try:
            for attempt in range(attempts):
                rows = self._all("PRAGMA wal_checkpoint(TRUNCATE)")
                if rows and rows[0][0] == 0:
                    return True
                if attempt + 1 < attempts:
                    time.sleep(0.1)
            return False
        finally:
            self._exec(f"PRAGMA busy_timeout = {int(timeout)}")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()


def _check_table(table: str) -> None:
    if table not in SEALED_TABLE_NAMES:
        raise ValueError(f"unknown table {table!r}")
