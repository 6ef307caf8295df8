"""Tampering, seen from the command line: a truncated file, swapped ciphertexts, another
journal's header. Every case is detected and named (exit 4, or exit 3 for a header that
another passphrase opens), never with a traceback, never by writing to the damaged file;
records that are still intact stay readable.
"""

from __future__ import annotations

import functools
import json
import os
import random
import re
import sqlite3
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from recoverylog.errors import DamagedData
from recoverylog.journal import Journal
from recoverylog.paths import locate
from tests.conftest import FLOOR, OTHER_PASSPHRASE, PASSPHRASE, invoke
from tests.helpers import fill

NOW = "2024-04-01T12:00:00+01:00"
SEALED = ("track", "slip", "checkin", "craving", "coping", "reflection", "surf", "setting")


@pytest.fixture(autouse=True)
def _remembered_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id is a pure function: remember its results so that the many in-process runs
    here each derive once (the subject of these tests is not the KDF)."""
    from recoverylog.vault import keyslots

    monkeypatch.setattr(keyslots, "derive", functools.lru_cache(maxsize=64)(keyslots.derive))


def _cli(args: list[str], data: Path, passphrase: str = PASSPHRASE) -> Any:
    result = invoke(args, data, passphrase, RECOVERYLOG_NOW=NOW)
    assert "Traceback" not in result.output
    assert "something unexpected" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def _rows(db: Path) -> dict[tuple[str, str], tuple[bytes, bytes | None]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {}
        for table in SEALED:
            for record_id, data, body in conn.execute(f"SELECT id, data, body FROM {table}"):
                out[(table, record_id)] = (bytes(data), None if body is None else bytes(body))
        return out
    finally:
        conn.close()


@pytest.fixture
def filled(cli_journal: Path) -> dict[str, Any]:
    """A closed journal with three of everything and some long reflections."""
    with Journal.open(locate(cli_journal), PASSPHRASE) as journal:
        ids = [fill(journal, note=f"entry {n} " + "words " * (n * 300)) for n in range(3)]
        for n in range(4):
            journal.add_reflection(f"long {n} " + "text " * 4000, title=f"long {n}")
    for suffix in ("-wal", "-shm"):
        assert not (cli_journal / f"journal.db{suffix}").exists()
    return {"data": cli_journal, "ids": ids}


def _damaged_lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if "is damaged and cannot be opened" in ln]


# -- truncation ---------------------------------------------------------------------------


def _readable_rows(db: Path, table: str) -> list[tuple[str, bytes | None, bytes | None]] | None:
    """The rows plain SQLite can still read from one table, or None if it cannot."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return [
                (r[0], None if r[1] is None else bytes(r[1]), None if r[2] is None else bytes(r[2]))
                for r in conn.execute(f"SELECT id, data, body FROM {table}")
            ]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return None


def test_truncated_journal_is_detected_and_intact_records_still_read(
    filled: dict[str, Any], tmp_path: Path
) -> None:
    original = filled["data"] / "journal.db"
    raw = original.read_bytes()
    size = len(raw)
    rows = _rows(original)
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    offsets = {0, 1, 99, 100, 4095, 4096, 8192, size // 2, size - 4096, size - 1, size - 100}
    while len(offsets) < 32:
        offsets.add(rng.randrange(size))
    partly_readable = 0
    for offset in sorted(offsets):
        data = tmp_path / f"cut-{offset}"
        data.mkdir(mode=0o700)
        db = data / "journal.db"
        db.write_bytes(raw[:offset])
        os.chmod(db, 0o600)
        where = (seed, offset, size)
        for args in (["export", str(tmp_path / f"e-{offset}.json")], ["log", "--all"], ["status"]):
            result = _cli(args, data)
            # export reads every record; log and status only some of the tables.
            assert result.exit_code in ((4,) if args[0] == "export" else (0, 4)), (where, args)
            if result.exit_code:
                assert "damaged" in result.stderr or "cannot be read" in result.stderr, where
            # Nothing wrote to the damaged file (a tiny one: see the test below).
            if offset > 1:
                assert db.read_bytes() == raw[:offset], (where, args)
        # Whatever SQLite can still read of a table, and is intact, recoverylog reads too.
        try:
            journal = Journal.open(locate(data), PASSPHRASE)
        except DamagedData:
            header = _readable_rows(db, "header")
            assert header is None or header == [], (where, "an intact header was refused")
            continue
        with journal:
            unreadable = []
            for table in SEALED:
                readable = _readable_rows(db, table)
                if readable is None:
                    # sqlite3.DatabaseError: a known bug, see test_facade_names_a_damaged_page
                    with pytest.raises((DamagedData, sqlite3.DatabaseError)):
                        journal.records(table)
                    unreadable.append(table)
                    continue
                intact = {r[0] for r in readable if rows.get((table, r[0])) == (r[1], r[2])}
                got = {e.id for e in journal.records(table)}
                assert intact <= got, (where, table, intact - got)
                partly_readable += bool(intact)
            named = {(d.table, d.record_id) for d in journal.store.damaged}
            assert named or unreadable, (where, "truncated, yet no damage was reported")
    assert partly_readable, seed  # at least one cut left a database to read from


@pytest.mark.parametrize("size", [0, 1])
def test_an_empty_journal_file_is_left_alone_and_named(tmp_path: Path, size: int) -> None:
    data = tmp_path / "journal"
    data.mkdir(mode=0o700)
    db = data / "journal.db"
    content = b"SQLite format 3\0"[:size]
    db.write_bytes(content)
    result = _cli(["log"], data)
    assert result.exit_code == 4, result.output
    assert db.read_bytes() == content
    assert "empty" in result.stderr or "damaged" in result.stderr, result.stderr


def test_facade_names_a_damaged_page(cli_journal: Path) -> None:
    from datetime import datetime, timedelta

    start = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    with Journal.open(locate(cli_journal), PASSPHRASE) as journal:
        for n in range(20):
            journal.add_reflection(f"r{n} " + "x" * 3000, at=start + timedelta(days=n))
    db = cli_journal / "journal.db"
    conn = sqlite3.connect(db)
    try:
        (body,) = conn.execute("SELECT body FROM reflection ORDER BY day DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    raw = bytearray(db.read_bytes())
    page = raw.index(bytes(body)[:32]) // 4096  # the page of the newest reflection
    raw[page * 4096 : (page + 1) * 4096] = b"\xff" * 4096
    db.write_bytes(bytes(raw))
    with Journal.open(locate(cli_journal), PASSPHRASE) as journal:
        with pytest.raises(DamagedData):
            journal.records("reflection")
        with pytest.raises(DamagedData):
            journal.export_data()


# -- swapped ciphertexts ------------------------------------------------------------------


def _swap(db: Path, a: tuple[str, str], b: tuple[str, str], column: str = "data") -> None:
    conn = sqlite3.connect(db)
    try:
        (va,) = conn.execute(f"SELECT {column} FROM {a[0]} WHERE id = ?", (a[1],)).fetchone()
        (vb,) = conn.execute(f"SELECT {column} FROM {b[0]} WHERE id = ?", (b[1],)).fetchone()
        with conn:
            conn.execute(f"UPDATE {a[0]} SET {column} = ? WHERE id = ?", (vb, a[1]))
            conn.execute(f"UPDATE {b[0]} SET {column} = ? WHERE id = ?", (va, b[1]))
    finally:
        conn.close()


SWAPS = {
    "two check-ins": (("checkin", 0), ("checkin", 1), "data"),
    "two cravings": (("craving", 0), ("craving", 2), "data"),
    "two reflection bodies": (("reflection", 0), ("reflection", 1), "body"),
    "a check-in and a craving": (("checkin", 0), ("craving", 1), "data"),
    "a coping entry and a reflection": (("coping", 2), ("reflection", 2), "data"),
}


@pytest.mark.parametrize("case", list(SWAPS))
def test_swapped_ciphertexts_are_named_and_the_rest_reads(
    filled: dict[str, Any], tmp_path: Path, case: str
) -> None:
    data, ids = filled["data"], filled["ids"]
    (ta, na), (tb, nb), column = SWAPS[case]
    a, b = (ta, ids[na][ta]), (tb, ids[nb][tb])
    db = data / "journal.db"
    before = _rows(db)
    _swap(db, a, b, column)
    tampered = _rows(db)

    log = _cli(["log", "--all"], data)
    assert log.exit_code == 4, log.output
    named = _damaged_lines(log.stderr)
    assert sorted(named) == sorted(
        f"recoverylog: record {t}/{i} is damaged and cannot be opened" for t, i in (a, b)
    ), log.stderr
    assert len(log.stderr.splitlines()) == 2
    # Every other entry is still listed with its words.
    for n in range(3):
        assert f"entry {n}" in log.stdout
    shown_ids = set(re.findall(r"(?m)^\d{4}-\d\d-\d\d .*?\b([0-9a-f]{8})\b", log.stdout))
    for table, record_id in before:
        if table in ("checkin", "craving", "coping", "reflection", "slip") and (
            table,
            record_id,
        ) not in (a, b):
            assert record_id[:8] in shown_ids, (table, record_id)

    out = tmp_path / "export.json"
    export = _cli(["export", str(out)], data)
    assert export.exit_code == 4 and len(_damaged_lines(export.stderr)) == 2
    doc = json.loads(out.read_text())
    exported = {e["id"] for section in doc.values() if isinstance(section, list) for e in section}
    assert a[1] not in exported and b[1] not in exported
    assert len(exported) == len([k for k in before if k[0] != "setting"]) - 2

    # Showing or editing one of them names it, and changes nothing.
    for table, record_id in (a, b):
        kind = table
        edit = _cli(["edit", kind, record_id[:8], "--note", "overwrite?"], data)
        assert edit.exit_code == 4, edit.output
        assert f"{table}/{record_id}" in edit.stderr
    assert _rows(db) == tampered


def test_checkin_on_a_day_whose_checkin_is_damaged_does_not_make_a_second_one(
    filled: dict[str, Any],
) -> None:
    data, ids = filled["data"], filled["ids"]
    _swap(data / "journal.db", ("checkin", ids[0]["checkin"]), ("checkin", ids[1]["checkin"]))
    result = _cli(["checkin", "--date", "2024-03-02", "--mood", "4"], data)
    assert result.exit_code == 4, result.output
    assert "checkin/" in result.stderr
    conn = sqlite3.connect(data / "journal.db")
    try:
        (count,) = conn.execute("SELECT COUNT(*) FROM checkin").fetchone()
    finally:
        conn.close()
    assert count == 3


@pytest.mark.parametrize("table", ["slip", "track"])
def test_status_names_a_damaged_slip_or_track(filled: dict[str, Any], table: str) -> None:
    data, ids = filled["data"], filled["ids"]
    _swap(data / "journal.db", (table, ids[0][table]), (table, ids[1][table]))
    readers = [["status"], ["status", "--json"]]
    if table == "track":  # track list reads tracks only; a damaged slip is not its business
        readers.append(["track", "list", "--all"])
    for args in readers:
        result = _cli(args, data)
        assert result.exit_code == 4, (args, result.output)
        assert f"{table}/{ids[0][table]}" in result.stderr, (args, result.stderr)


# -- another journal's header -------------------------------------------------------------


def _header(db: Path) -> tuple[bytes, str]:
    conn = sqlite3.connect(db)
    try:
        blob, checksum = conn.execute("SELECT blob, checksum FROM header").fetchone()
    finally:
        conn.close()
    return bytes(blob), str(checksum)


def _put_header(db: Path, header: tuple[bytes, str]) -> None:
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute("UPDATE header SET blob = ?, checksum = ?", header)
    finally:
        conn.close()


@pytest.mark.parametrize("other_passphrase", [PASSPHRASE, OTHER_PASSPHRASE])
def test_header_of_another_journal(
    filled: dict[str, Any], tmp_path: Path, other_passphrase: str
) -> None:
    data = filled["data"]
    other = tmp_path / "other"
    with Journal.create(locate(other), other_passphrase, FLOOR)[0] as journal:
        fill(journal, note="the other journal")
    db = data / "journal.db"
    records = _rows(db)
    own_header = _header(db)
    _put_header(db, _header(other / "journal.db"))
    tampered = db.read_bytes()

    if other_passphrase != PASSPHRASE:
        # The journal's own passphrase no longer opens it: said plainly, exit 3.
        for args in (["log"], ["status"], ["export", str(tmp_path / "e.json")]):
            result = _cli(args, data)
            assert result.exit_code == 3, result.output
            assert "does not open this journal" in result.stderr
            assert len(result.stderr.splitlines()) == 1
        assert not (tmp_path / "e.json").exists()
    # With the passphrase the header opens, every record is named as damaged.
    log = _cli(["log", "--all"], data, other_passphrase)
    assert log.exit_code == 4, log.output
    named = {ln.split()[2] for ln in _damaged_lines(log.stderr)}
    expected = {
        f"{t}/{i}"
        for t, i in records
        if t in ("checkin", "craving", "coping", "reflection", "slip", "track")
    }
    assert named == expected
    export = _cli(["export", str(tmp_path / "x.json")], data, other_passphrase)
    assert export.exit_code == 4
    assert {ln.split()[2] for ln in _damaged_lines(export.stderr)} == {
        f"{t}/{i}" for t, i in records
    }
    assert db.read_bytes() == tampered  # reading never wrote to the tampered file

    # Put the real header back: everything opens again, nothing was lost.
    _put_header(db, own_header)
    assert _rows(db) == records
    with Journal.open(locate(data), PASSPHRASE) as journal:
        for table in SEALED:
            journal.records(table)
        assert journal.store.damaged == []


@pytest.mark.parametrize("value", [None, 42, "text"], ids=["null", "integer", "text"])
def test_a_sealed_value_of_the_wrong_type_is_named(filled: dict[str, Any], value: Any) -> None:
    """Damage can leave a NULL (or a number, or text) where a ciphertext was: that record is
    named as damaged, the others still read."""
    data, ids = filled["data"], filled["ids"]
    conn = sqlite3.connect(data / "journal.db")
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        with conn:
            conn.execute("UPDATE craving SET data = ? WHERE id = ?", (value, ids[0]["craving"]))
    except sqlite3.IntegrityError:
        pytest.skip("the schema refuses this value outright")
    finally:
        conn.close()
    result = _cli(["log", "--all", "--kind", "craving"], data)
    assert result.exit_code == 4, result.output
    assert f"craving/{ids[0]['craving']}" in result.stderr
    assert "Traceback" not in result.output
    assert ids[1]["craving"][:8] in result.stdout  # the others still read
