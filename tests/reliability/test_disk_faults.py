"""Disk faults: a full disk, a read-only journal, a missing folder.

Each gives a plain one-line message, exit code 1 (a storage problem), no traceback, and
leaves the journal exactly as it was. Tests run as root, which ignores file permissions, so
the faults are injected: SQLite errors from a wrapped connection, OSError(ENOSPC) from file
writes, a read-only SQLite connection, and (where ``mount`` works) a real, tiny, full tmpfs.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from recoverylog.journal import Journal
from recoverylog.paths import locate
from recoverylog.store import engine
from tests.conftest import FLOOR, PASSPHRASE, invoke, run_cli
from tests.helpers import fill

NOW = "2024-04-01T12:00:00+01:00"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture(autouse=True)
def _remembered_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id is a pure function: remember its results so that the many in-process runs
    here each derive once (the subject of these tests is not the KDF)."""
    from recoverylog.vault import keyslots

    monkeypatch.setattr(keyslots, "derive", functools.lru_cache(maxsize=64)(keyslots.derive))


class FaultyConnection:
    """A real connection whose ``execute`` raises ``error`` for the statements chosen."""

    def __init__(
        self, real: sqlite3.Connection, fails: Callable[[str], bool], error: BaseException
    ) -> None:
        self._real = real
        self._fails = fails
        self._error = error

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        if self._fails(sql.lstrip().upper()):
            raise self._error
        return self._real.execute(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _inject(
    monkeypatch: pytest.MonkeyPatch, fails: Callable[[str], bool], error: BaseException
) -> None:
    real_connect = engine.connect

    def connect(path: Path, *, create: bool = False) -> Any:
        return FaultyConnection(real_connect(path, create=create), fails, error)

    monkeypatch.setattr(engine, "connect", connect)


def _read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open the journal as a read-only file would be opened: every write is refused."""

    def connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
        assert not create
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        engine._apply_pragmas(conn)
        return conn

    monkeypatch.setattr(engine, "connect", connect)


@pytest.fixture
def filled(cli_journal: Path, tmp_path: Path) -> dict[str, Any]:
    """A journal with content, a valid export from another journal, and ids to edit."""
    with Journal.open(locate(cli_journal), PASSPHRASE) as journal:
        ids = fill(journal, note="before the fault")
    other = tmp_path / "other"
    with Journal.create(locate(other), PASSPHRASE, FLOOR)[0] as journal:
        fill(journal, note="from the other journal", track="Gambling")
        journal.export_to(tmp_path / "other.json")
    return {"data": cli_journal, "ids": ids, "export": tmp_path / "other.json"}


def _commands(filled: dict[str, Any]) -> list[tuple[list[str], str]]:
    ids = filled["ids"]
    return [
        (["cope", "walk", "--note", "lost?"], ""),
        (["checkin", "--mood", "5", "--note", "lost?"], ""),
        (["checkin", "--date", "2024-03-02", "--mood", "2"], ""),  # edits an existing one
        (["craving", "7", "--note", "lost?"], ""),
        (["reflect", "--title", "lost?"], "a body\n"),
        (["track", "add", "Gambling", "--since", "2024-01-01"], ""),
        (["slip", "Alcohol", "--on", "2024-03-10", "--note", "lost?"], ""),
        (["edit", "checkin", ids["checkin"][:8], "--note", "changed"], ""),
        (["edit", "reflection", ids["reflection"][:8], "--body"], "new body\n"),
        (["delete", "coping", ids["coping"][:8], "--yes"], ""),
        (["delete", "craving", ids["craving"][:8], "--yes"], ""),
        (["track", "archive", "Alcohol"], ""),
        (["settings", "set", "alias", "Z."], ""),
        (["settings", "set", "currency", "$"], ""),
        (["import", str(filled["export"])], ""),
        (["surf", "--minutes", "2"], "8\n5\n2\n"),
    ]


def _one_plain_line(result: Any, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("recoverylog: ") and expected in lines[0], result.stderr


def _snapshot(data: Path) -> dict[str, Any]:
    with Journal.open(locate(data), PASSPHRASE) as journal:
        doc = journal.export_data()
        assert journal.store.damaged == []
    conn = sqlite3.connect(data / "journal.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    return doc


FAULTS = {
    "disk full on write": (
        lambda sql: sql.startswith(WRITES),
        sqlite3.OperationalError("database or disk is full"),
        "the disk is full; nothing was saved",
    ),
    "disk full on commit": (
        lambda sql: sql.startswith("COMMIT"),
        sqlite3.OperationalError("database or disk is full"),
        "the disk is full; nothing was saved",
    ),
    "disk I/O error on write": (
        lambda sql: sql.startswith(WRITES),
        sqlite3.OperationalError("disk I/O error"),
        "could not be read or written",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_write_faults_say_so_exit_1_and_change_nothing(
    filled: dict[str, Any], monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    data = filled["data"]
    before = _snapshot(data)
    fails, error, message = FAULTS[fault]
    _inject(monkeypatch, fails, error)
    for args, stdin in _commands(filled):
        result = invoke(args, data, stdin=stdin, RECOVERYLOG_NOW=NOW)
        _one_plain_line(result, message)
        if args[0] != "surf":  # the timer prints its readings before it saves
            assert result.stdout == "", (args, result.stdout)
    monkeypatch.undo()
    assert _snapshot(data) == before
    assert not (data / "backups").exists() or not list((data / "backups").glob(".*tmp"))


def test_read_only_journal_says_so_and_reads_still_work(
    filled: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = filled["data"]
    before = _snapshot(data)
    _read_only(monkeypatch)
    for args, stdin in _commands(filled):
        result = invoke(args, data, stdin=stdin, RECOVERYLOG_NOW=NOW)
        _one_plain_line(result, "is read-only; nothing was saved")
    for args in (["status"], ["log", "--all"], ["track", "list"]):
        result = invoke(args, data, RECOVERYLOG_NOW=NOW)
        assert result.exit_code == 0, result.output
    monkeypatch.undo()
    assert _snapshot(data) == before


def test_passphrase_change_on_a_full_disk_keeps_the_old_passphrase(
    filled: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = filled["data"]
    before = _snapshot(data)
    fails, error, message = FAULTS["disk full on commit"]
    _inject(monkeypatch, fails, error)
    result = invoke(
        ["passphrase", "change"], data, RECOVERYLOG_NEW_PASSPHRASE="a brand new passphrase"
    )
    _one_plain_line(result, message)
    monkeypatch.undo()
    assert _snapshot(data) == before  # opens with the old passphrase, as it was


def test_failed_daily_backup_never_loses_the_entry(
    filled: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = filled["data"]
    for old in (data / "backups").glob("daily-*.db"):
        old.unlink()
    _inject(
        monkeypatch,
        lambda sql: sql.startswith("VACUUM"),
        sqlite3.OperationalError("database or disk is full"),
    )
    result = invoke(["cope", "walk", "--note", "kept"], data, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    monkeypatch.undo()
    assert any(e["note"] == "kept" for e in _snapshot(data)["coping"])
    assert [p.name for p in (data / "backups").iterdir()] == []  # no half-written copy left


def test_backup_on_a_full_disk_writes_nothing(
    filled: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = filled["data"]
    out = tmp_path / "out"
    out.mkdir()
    _inject(
        monkeypatch,
        lambda sql: sql.startswith("VACUUM"),
        sqlite3.OperationalError("database or disk is full"),
    )
    result = invoke(["backup", str(out / "b.db")], data)
    _one_plain_line(result, "disk is full")
    assert list(out.iterdir()) == []


def _enospc(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_export_on_a_full_disk_writes_nothing(
    filled: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = filled["data"]
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(Path, "write_text", _enospc)
    result = invoke(["export", str(out / "e.json")], data)
    _one_plain_line(result, "No space left on device")
    assert list(out.iterdir()) == []


def test_fsync_failure_on_backup_writes_nothing(
    filled: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = filled["data"]
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(os, "fsync", _enospc)
    result = invoke(["backup", str(out / "b.db")], data)
    _one_plain_line(result, "No space left on device")
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    _snapshot(data)


def test_missing_folder_is_not_created_by_reading(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "journal"
    for args in (["status"], ["log"], ["cope", "walk"], ["export", str(tmp_path / "e.json")]):
        result = invoke(args, missing)
        _one_plain_line(result, "there is no journal in")
        assert "recoverylog init" in result.stderr
    assert invoke(["status", "--short"], missing).exit_code == 0
    assert not missing.exists() and not (tmp_path / "nowhere").exists()
    assert not (tmp_path / "e.json").exists()


def test_missing_target_folders_and_a_file_in_the_way(cli_journal: Path, tmp_path: Path) -> None:
    for args in (
        ["export", str(tmp_path / "no" / "such" / "e.json")],
        ["backup", str(tmp_path / "no" / "such" / "b.db")],
    ):
        _one_plain_line(invoke(args, cli_journal), "does not exist")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = invoke(
        ["init", "--kdf-memory", "64"],
        blocker / "journal",
        None,
        RECOVERYLOG_NEW_PASSPHRASE=PASSPHRASE,
    )
    _one_plain_line(result, "could not create the folder")
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_real_read_only_permissions(filled: dict[str, Any]) -> None:  # pragma: no cover
    data = filled["data"]
    before = _snapshot(data)
    os.chmod(data / "journal.db", 0o400)
    os.chmod(data, 0o500)
    try:
        result = invoke(["cope", "walk"], data)
        assert result.exit_code == 1 and "Traceback" not in result.output
    finally:
        os.chmod(data, 0o700)
        os.chmod(data / "journal.db", 0o600)
    assert _snapshot(data) == before


# -- a real full disk ---------------------------------------------------------------------


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "mnt"
    mount_point.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount_point)],
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot mount a tmpfs here ({exc})")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode(errors='replace')})")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, timeout=20)


def _fill_disk(folder: Path, leave: int) -> Path:
    """Fill the file system, then free ``leave`` bytes (so SQLite can still open)."""
    filler = folder / "filler"
    chunk = b"\0" * 4096
    with open(filler, "wb", buffering=0) as fh, contextlib.suppress(OSError):
        while True:
            fh.write(chunk)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


def test_a_real_full_disk(tiny_tmpfs: Path, tmp_path: Path) -> None:
    data = tiny_tmpfs / "journal"
    with Journal.create(locate(data), PASSPHRASE, FLOOR)[0] as journal:
        for n in range(5):
            fill(journal, note=f"entry {n}")
    before_file = tmp_path / "before.json"
    assert run_cli(["export", str(before_file)], data).returncode == 0
    filler = _fill_disk(tiny_tmpfs, leave=256 * 1024)
    # Subprocesses: whatever happens on a full disk cannot take the test runner down.
    saved: list[str] = []
    result = None
    for n in range(12):
        body = f"reflection {n}: " + os.urandom(47_000).hex()  # about 94,000 characters
        result = run_cli(["reflect", "--title", f"r{n}"], data, stdin=body)
        if result.returncode != 0:
            break
        saved.append(f"r{n}")
    assert result is not None and result.returncode == 1, (saved, result)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("recoverylog: "), result.stderr
    assert "disk is full" in lines[0], result.stderr
    # Still full: reading and exporting elsewhere work; what was saved is there, nothing else.
    after_file = tmp_path / "after.json"
    still = run_cli(["export", str(after_file)], data)
    assert still.returncode == 0, still.stderr
    before, after = json.loads(before_file.read_text()), json.loads(after_file.read_text())
    new_titles = [r["title"] for r in after["reflections"] if r not in before["reflections"]]
    assert sorted(new_titles) == sorted(saved)
    after["reflections"] = [r for r in after["reflections"] if r in before["reflections"]]
    assert after == before
    # Free the space: the journal is intact and takes new entries again.
    filler.unlink()
    conn = sqlite3.connect(data / "journal.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    again = run_cli(["reflect", "--title", "fits now"], data, stdin="short\n")
    assert again.returncode == 0, again.stderr
