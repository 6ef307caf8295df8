"""Opening the SQLite file: created 0600 with O_EXCL, then WAL and the pragmas of SPEC 4."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from recoverylog.errors import DamagedData, NoJournal, StorageError
from recoverylog.paths import create_private_file

BUSY_TIMEOUT_MS = 15_000

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA secure_delete=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    for pragma in PRAGMAS:
        conn.execute(pragma)


#: Smaller than one SQLite page: no journal can be this short (an interrupted ``init``).
MIN_JOURNAL_BYTES = 512


def connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    """Open (or with ``create``, create) the journal database in autocommit mode.

    Transactions are explicit (``BEGIN IMMEDIATE`` for writes), see :mod:`store.repo`.
    """
    if create:
        os.close(create_private_file(path))
    elif not path.exists():
        raise NoJournal(
            f"there is no journal at {path.parent} yet; create one with: recoverylog init"
        )
    elif path.stat().st_size < MIN_JOURNAL_BYTES:
        raise DamagedData(
            f"{path} is damaged: it is empty or cut short (perhaps an interrupted init). "
            "Restore a backup (recoverylog restore), or run recoverylog init to start afresh "
            "(the short file is kept beside it)"
        )
    try:
        conn = sqlite3.connect(
            str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        _apply_pragmas(conn)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise damaged_or_storage(exc, path) from None
    return conn


def damaged_or_storage(exc: sqlite3.Error | UnicodeDecodeError, path: Path) -> Exception:
    """Map an SQLite error to a message a person can act on."""
    if isinstance(exc, UnicodeDecodeError):  # SQLite's own message was garbled by damage
        return DamagedData(f"the journal file {path} is damaged (its schema cannot be read)")
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DamagedData(f"the journal file {path} is damaged ({exc})")
    if "readonly" in text or "read-only" in text:
        return StorageError(f"the journal at {path} is read-only; nothing was saved")
    if "disk is full" in text or "full" in text:
        return StorageError("the disk is full; nothing was saved")
    if "locked" in text or "busy" in text:
        return StorageError(
            "the journal is busy in another recoverylog window; try again in a moment"
        )
    if "unable to open" in text:
        return StorageError(f"could not open {path}; check that the folder exists and is writable")
    return StorageError(f"the journal could not be read or written ({exc})")
