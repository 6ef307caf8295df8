"""Leak scan: text typed into any command never reaches disk in plaintext, and deleted
entries leave no trace in the journal's files.

A distinct canary goes into every command that takes text (through argv, standard input and
``$EDITOR`` under a pseudo-terminal). The journal's folder, the fake home, the temp folder
and ``/dev/shm`` are scanned for each canary as UTF-8, UTF-16-LE and UTF-16-BE, once while the
entries exist and once after they were deleted. After deletion, the deleted records'
ciphertexts are gone from the database and its WAL as well (``secure_delete``).
"""

from __future__ import annotations

import functools
import json
import os
import pty
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, cli_env, invoke

NOW = "2024-04-01T12:00:00+01:00"
MAX_SCAN_BYTES = 64 * 1024 * 1024

EDITOR = textwrap.dedent(
    """
    import os, stat, sys
    path = sys.argv[1]
    folder = os.path.dirname(path)
    with open(os.environ["SEEN_FILE"], "a") as seen:
        seen.write(f"{path} {stat.S_IMODE(os.stat(folder).st_mode):o} "
                   f"{stat.S_IMODE(os.stat(path).st_mode):o}\\n")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(os.environ["EDITOR_TEXT"])
    """
)


class Canaries:
    def __init__(self) -> None:
        self.by_label: dict[str, str] = {}
        self.title = ""

    def __call__(self, label: str) -> str:
        value = f"CANARY{label.upper().replace('-', '')}{secrets.token_hex(6)}"
        self.by_label[label] = value
        return value

    def needles(self) -> Iterator[tuple[str, bytes]]:
        for label, value in self.by_label.items():
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                yield f"{label} ({encoding})", value.encode(encoding)


def _files_under(root: Path, since: float | None) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root, onerror=lambda _e: None):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not os.path.islink(here / d)]
        for name in files:
            path = here / name
            try:
                info = path.lstat()
            except OSError:
                continue
            if not path.is_file() or path.is_symlink() or info.st_size > MAX_SCAN_BYTES:
                continue
            if since is not None and max(info.st_mtime, info.st_ctime) < since:
                continue
            yield path


def _scan(roots: list[tuple[Path, float | None]], canaries: Canaries) -> list[str]:
    found = []
    needles = list(canaries.needles())
    for root, since in roots:
        if not root.is_dir():
            continue
        for path in _files_under(root, since):
            try:
                content = path.read_bytes()
            except OSError:  # another test's file, removed meanwhile
                continue
            found.extend(f"{label} in {path}" for label, needle in needles if needle in content)
    return sorted(set(found))  # the roots overlap (tmp_path is in the temp folder)


def _run_with_tty(
    args: list[str], data: Path, editor_text: str, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """Run the CLI with a terminal on standard input, so that it uses ``$EDITOR``."""
    script = tmp_path / "fake_editor.py"
    if not script.exists():
        script.write_text(EDITOR)
    env = cli_env(
        data,
        EDITOR=f"{sys.executable} {script}",
        VISUAL="",
        EDITOR_TEXT=editor_text,
        SEEN_FILE=str(tmp_path / "editor-seen.txt"),
        RECOVERYLOG_NOW=NOW,
    )
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "recoverylog", *args],
            stdin=slave,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    finally:
        os.close(slave)
        os.close(master)
    return proc


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def _cli(args: list[str], data: Path, stdin: str = "") -> str:
    """The command in-process (the code that touches the disk is the same as in a process)."""
    result = invoke(args, data, stdin=stdin, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 0, (args, result.output)
    return str(result.stdout)


@pytest.fixture(autouse=True)
def _remembered_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id is a pure function: derive once per journal here (the KDF is not the subject)."""
    from recoverylog.vault import keyslots

    monkeypatch.setattr(keyslots, "derive", functools.lru_cache(maxsize=16)(keyslots.derive))


def _init(data: Path) -> None:
    result = invoke(
        ["init", "--kdf-memory", "64"], data, None, RECOVERYLOG_NEW_PASSPHRASE=PASSPHRASE
    )
    assert result.exit_code == 0, result.output


def _entries(data: Path) -> list[dict[str, object]]:
    out = _cli(["log", "--all", "--json"], data)
    entries = list(json.loads(out))
    for entry in entries:  # a slip's own "kind" (lapse...) hides the entry kind: see test_fuzz
        if "learned" in entry and "track_id" in entry:
            entry["kind"] = "slip"
    return entries


def _sealed_values(db: Path, ids: list[str]) -> list[bytes]:
    conn = sqlite3.connect(db)
    try:
        values = []
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'header'"
        ).fetchall():
            for record_id in ids:
                row = conn.execute(
                    f"SELECT data, body FROM {table} WHERE id = ?", (record_id,)
                ).fetchone()
                if row:
                    values.extend(bytes(v)[1:29] for v in row if v)  # nonce + first bytes
        return values
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_canaries_never_reach_disk_and_deleted_entries_leave_no_trace(tmp_path: Path) -> None:
    started = time.time() - 1
    data = tmp_path / "journal"
    _init(data)
    c = Canaries()

    def cli(args: list[str], stdin: str = "") -> str:
        return _cli(args, data, stdin)

    track = c("track")
    cli(["track", "add", track, "--since", "2024-01-01"])
    cli(["settings", "set", "alias", c("alias")])
    cli(["checkin", "--note", c("checkin-note"), "--gratitude", c("gratitude")])
    cli(["checkin", "--note", "-"], stdin=c("checkin-stdin") + "\n")
    cli(
        [
            "skills",
            "add",
            "--id",
            "my-canary-walk",
            "--name",
            c("skill-name"),
            "--category",
            "body",
            "--summary",
            c("skill-summary"),
            "--step",
            c("skill-step"),
            "--caution",
            c("skill-caution"),
        ]
    )
    cli(
        [
            "craving",
            "6",
            "--note",
            c("craving-note"),
            "--situation",
            c("situation"),
            "--thoughts",
            c("thoughts"),
            "--skill",
            "my-canary-walk",
        ]
    )
    cli(["cope", f"{c('skill-free-text')} round the block", "--note", c("cope-note")])
    cli(["cope", "breathing", "--note", "-"], stdin=c("cope-stdin") + "\n")
    cli(
        [
            "slip",
            track,
            "--on",
            "2024-02-01",
            "--note",
            c("slip-note"),
            "--learned",
            c("learned"),
            "--trigger",
            c("slip-trigger"),
        ]
    )
    c.title = c("title")
    cli(["reflect", "--title", c.title, "--tag", c("tag")], stdin=f"# {c('body-stdin')}\n")
    _ok(_run_with_tty(["reflect", "--title", "in the editor"], data, c("body-editor"), tmp_path))

    entries = _entries(data)
    by_kind = {e["kind"]: e for e in entries}
    cli(["edit", "checkin", str(by_kind["checkin"]["id"]), "--note", c("edit-note")])
    cli(["edit", "craving", str(by_kind["craving"]["id"]), "--situation", c("edit-situation")])
    (typed,) = [e for e in entries if e["kind"] == "reflection" and e["title"] == c.title]
    _ok(
        _run_with_tty(
            ["edit", "reflection", str(typed["id"]), "--body"], data, c("edit-body"), tmp_path
        )
    )

    # The editor worked in a private folder, which is gone now.
    seen = (tmp_path / "editor-seen.txt").read_text().splitlines()
    assert len(seen) == 2
    for line in seen:
        path, dir_mode, file_mode = line.split()
        assert (dir_mode, file_mode) == ("700", "600")
        assert not Path(path).exists() and not Path(path).parent.exists()

    # Every canary went in (as typed): the log shows them all.
    shown = cli(["log", "--all"])
    shown += cli(["track", "list", "--all"]) + cli(["settings", "show"])
    shown += cli(["skills", "show", "my-canary-walk"])
    missing = [label for label, value in c.by_label.items() if value not in shown]
    # ... but those that a later command replaced.
    assert missing == ["checkin-note", "checkin-stdin", "situation", "body-stdin"]

    roots: list[tuple[Path, float | None]] = [
        (tmp_path, None),  # the journal, its backups, config.toml and the fake home
        (Path(tempfile.gettempdir()), started),
        (Path("/dev/shm"), started),
        (Path("/var/tmp"), started),
    ]
    probe = tmp_path / "home" / "probe.bin"  # the scan itself finds what it looks for
    probe.parent.mkdir(parents=True, exist_ok=True)
    probe.write_bytes(b"\x00" + c.by_label["thoughts"].encode("utf-16-be"))
    assert _scan(roots, c) == [f"thoughts (utf-16-be) in {probe}"]
    probe.unlink()
    assert _scan(roots, c) == []

    # Delete everything that holds a canary.
    entries = _entries(data)
    deleted_ids = [str(e["id"]) for e in entries]
    tracks = [
        line.split()[0] for line in cli(["track", "list", "--all"]).splitlines() if track in line
    ]
    assert len(tracks) == 1
    track_id = _full_id(data, "track", tracks[0])
    sealed_before = _sealed_values(data / "journal.db", [*deleted_ids, track_id])
    assert len(sealed_before) >= len(deleted_ids)
    for entry in sorted(entries, key=lambda e: e["kind"] != "slip"):  # slips first
        cli(["delete", str(entry["kind"]), str(entry["id"]), "--yes"])
    cli(["delete", "track", tracks[0], "--yes"])
    cli(["settings", "set", "alias", "R."])
    assert _entries(data) == []
    assert "No tracks yet" in cli(["track", "list", "--all"])

    assert _scan(roots, c) == []
    # secure_delete: the deleted records' ciphertexts are gone from the journal's own files.
    for name in ("journal.db", "journal.db-wal"):
        path = data / name
        if path.exists():
            content = path.read_bytes()
            assert [v.hex() for v in sealed_before if v in content] == [], name


def _full_id(data: Path, table: str, prefix: str) -> str:
    conn = sqlite3.connect(data / "journal.db")
    try:
        (found,) = conn.execute(
            f"SELECT id FROM {table} WHERE id LIKE ?", (prefix + "%",)
        ).fetchone()
    finally:
        conn.close()
    return str(found)


def test_deleted_entry_does_not_survive_in_the_daily_backup(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    _init(data)
    _cli(["cope", "walk", "--note", "to be deleted"], data)
    (entry,) = _entries(data)
    sealed = _sealed_values(data / "journal.db", [str(entry["id"])])
    assert sealed
    _cli(["delete", "coping", str(entry["id"]), "--yes"], data)
    for path in sorted((data / "backups").glob("*.db")):
        content = path.read_bytes()
        assert not any(v in content for v in sealed), f"the deleted entry is still in {path.name}"
