"""Rotating encrypted backups: one a day, the last seven kept, written atomically.

The copies live in ``backups/`` in the data folder, next to the copies taken before a
migration or a restore. They are the journal itself (compacted with ``VACUUM INTO``), so they
open with the journal's passphrase at the time they were made.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from recoverylog.errors import NotFound
from recoverylog.paths import Locations, ensure_private_dir

if TYPE_CHECKING:
    from recoverylog.journal import Journal

KEEP_DAILY = 7
DAILY_PREFIX = "daily-"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str  # daily, pre-migration, before-restore
    made: datetime
    size: int


def keep_daily_backup(
    journal: Journal, today: date | None = None, *, refresh: bool = False
) -> Path | None:
    """Write today's backup if there is none yet (or anew with ``refresh``, after a delete, so
    a deleted entry does not linger in it), then prune to the newest seven."""
    folder = journal.locations.backups
    ensure_private_dir(folder)
    day = today or journal.today()
    target = folder / f"{DAILY_PREFIX}{day.isoformat()}.db"
    made = None
    if refresh or not target.exists():
        journal.backup_to(target, force=True)
        made = target
    daily = sorted(folder.glob(f"{DAILY_PREFIX}*.db"))
    for old in daily[:-KEEP_DAILY]:
        with contextlib.suppress(OSError):
            old.unlink()
    return made


def list_backups(locations: Locations) -> list[BackupFile]:
    """Every copy in the backups folder, newest first."""
    folder = locations.backups
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        name = path.name
        kind = (
            "daily"
            if name.startswith(DAILY_PREFIX)
            else "before a restore"
            if name.startswith("before-restore-")
            else "before an upgrade"
            if name.startswith("pre-migration-")
            else "other"
        )
        stat = path.stat()
        found.append(BackupFile(path, kind, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: b.made, reverse=True)


def resolve_backup(locations: Locations, name: str) -> Path:
    """A path as given, or the name of a file in the backups folder."""
    path = Path(name).expanduser()
    if path.is_file():
        return path
    inside = locations.backups / name
    if inside.is_file():
        return inside
    raise NotFound(f"there is no backup called {name!r}; see them with: recoverylog restore")


def rewrap_backups(locations: Locations, journal_id: str, blob: bytes, checksum: str) -> int:
    """Give every copy of this journal in the backups folder the new header.

    After a passphrase change the old passphrase must not open the rotating copies either.
    The data key is the same, so only the header changes; ``secure_delete`` overwrites the old
    one in place. Copies of other journals (kept before a restore) are left alone.
    """
    import json
    import sqlite3

    changed = 0
    for item in list_backups(locations):
        try:
            conn = sqlite3.connect(str(item.path))
            try:
                conn.execute("PRAGMA secure_delete=ON")
                row = conn.execute("SELECT blob FROM header WHERE id = 1").fetchone()
                if row is None or json.loads(bytes(row[0])).get("journal_id") != journal_id:
                    continue
                with conn:
                    conn.execute(
                        "UPDATE header SET blob = ?, checksum = ? WHERE id = 1", (blob, checksum)
                    )
                changed += 1
            finally:
                conn.close()
        except (sqlite3.Error, ValueError, OSError):
            continue  # a damaged copy is reported when someone tries to restore it
    return changed
