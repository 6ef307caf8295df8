"""Wrong passphrase or recovery key: exit 3 and nothing written; passphrase change and recovery."""

from __future__ import annotations

import base64
import json
import sqlite3
from pathlib import Path

from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, init_cli, run_cli


def _files(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data_dir.iterdir()) if p.is_file()}


def test_wrong_passphrase_exits_3_and_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "j"
    init_cli(data)
    before = _files(data)
    for args in (["export", str(tmp_path / "out.json")], ["backup", str(tmp_path / "b.db")]):
        result = run_cli(args, data, "not the passphrase")
        assert result.returncode == 3, result.stderr
        assert "does not open this journal" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "b.db").exists()
    assert _files(data)["journal.db"] == before["journal.db"]


def test_wrong_recovery_key_exits_3(tmp_path: Path) -> None:
    data = tmp_path / "j"
    key = init_cli(data)
    wrong = ("0" if key[0] != "0" else "1") + key[1:]
    result = run_cli(
        ["recover"], data, None, stdin=wrong + "\n", RECOVERYLOG_NEW_PASSPHRASE="new pass 123"
    )
    assert result.returncode == 3 and "recovery key does not open" in result.stderr
    result = run_cli(
        ["recover"], data, None, stdin="garbage\n", RECOVERYLOG_NEW_PASSPHRASE="new pass 123"
    )
    assert result.returncode == 3
    assert run_cli(["export", str(tmp_path / "e.json")], data).returncode == 0


def test_recover_sets_a_new_passphrase(tmp_path: Path) -> None:
    data = tmp_path / "j"
    key = init_cli(data)
    result = run_cli(
        ["recover"],
        data,
        None,
        stdin=key.lower() + "\n",
        RECOVERYLOG_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    assert run_cli(["export", str(tmp_path / "a.json")], data, PASSPHRASE).returncode == 3
    assert run_cli(["export", str(tmp_path / "b.json")], data, OTHER_PASSPHRASE).returncode == 0


def test_canary_deleted_then_passphrase_changed_leaves_no_trace(tmp_path: Path) -> None:
    from recoverylog.journal import Journal
    from recoverylog.paths import locate
    from tests.helpers import fill

    data = tmp_path / "j"
    init_cli(data)
    canary = "CANARY-7f3e-blue-giraffe"
    with Journal.open(locate(data), PASSPHRASE) as journal:
        ids = fill(journal, note=canary)
        for table in ("checkin", "reflection", "slip", "craving"):
            assert journal.remove(table, ids[table])
    with sqlite3.connect(data / "journal.db") as conn:
        (blob,) = conn.execute("SELECT blob FROM header").fetchone()
    old_wrapped = json.loads(blob)["slots"]["passphrase"]["wrapped"]
    result = run_cli(
        ["passphrase", "change"], data, PASSPHRASE, RECOVERYLOG_NEW_PASSPHRASE=OTHER_PASSPHRASE
    )
    assert result.returncode == 0, result.stderr
    needles = [
        canary.encode(),
        canary.encode("utf-16-le"),
        old_wrapped.encode(),
        base64.b64decode(old_wrapped),
    ]
    for path in data.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for needle in needles:
                assert needle not in content, f"{needle!r} found in {path.name}"
    assert run_cli(["export", str(tmp_path / "x.json")], data, PASSPHRASE).returncode == 3
    assert run_cli(["export", str(tmp_path / "y.json")], data, OTHER_PASSPHRASE).returncode == 0


def test_no_passphrase_source_is_a_usage_error(tmp_path: Path) -> None:
    data = tmp_path / "j"
    init_cli(data)
    result = run_cli(["export", str(tmp_path / "e.json")], data, None)
    assert result.returncode == 2 and "RECOVERYLOG_PASSPHRASE" in result.stderr
    # With no journal at all, that is what is said, before any passphrase is asked for.
    missing = run_cli(["status"], tmp_path / "nothing-here", None)
    assert missing.returncode == 1 and "there is no journal in" in missing.stderr
    assert "recoverylog init" in missing.stderr


def test_init_refuses_short_passphrase_and_existing_journal(tmp_path: Path) -> None:
    data = tmp_path / "j"
    result = run_cli(["init", "--kdf-memory", "64"], data, None, RECOVERYLOG_NEW_PASSPHRASE="short")
    assert result.returncode == 1 and "at least 8 characters" in result.stderr
    assert not (data / "journal.db").exists()
    assert "recovery key" not in result.stdout  # no key is shown for a journal never made
    blocked = tmp_path / "file-in-the-way"
    blocked.write_text("")
    result = run_cli(
        ["init", "--kdf-memory", "64"],
        blocked / "j",
        None,
        RECOVERYLOG_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert result.returncode == 1 and "recovery key" not in result.stdout, result.stderr
    init_cli(data)
    before = (data / "journal.db").read_bytes()
    result = run_cli(
        ["init", "--kdf-memory", "64"], data, None, RECOVERYLOG_NEW_PASSPHRASE=OTHER_PASSPHRASE
    )
    assert result.returncode == 1 and "already exists" in result.stderr
    assert (data / "journal.db").read_bytes() == before
    result = run_cli(
        ["init", "--kdf-memory", "8"],
        tmp_path / "k",
        None,
        RECOVERYLOG_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert result.returncode == 1 and "--kdf-memory" in result.stderr
