"""Crash safety: a writer killed with SIGKILL at a random moment never loses a saved entry.

A child process writes through the facade (or the real CLI) in a loop and prints
``saved ...`` after each write has returned; the parent kills it at a random moment. After
all the rounds, the database passes ``PRAGMA integrity_check``, the journal opens with its
passphrase, and every entry the child reported as saved is there, exactly as written.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from recoverylog.journal import Journal
from recoverylog.paths import locate
from tests.conftest import PASSPHRASE, cli_env

SEALED_TABLES = (
    "track",
    "slip",
    "checkin",
    "craving",
    "coping",
    "reflection",
    "surf",
    "skill",
    "skillpref",
    "setting",
)

#: The child: opens the journal, says "ready", then writes forever (until it is killed).
#: Each write is reported only after the facade call has returned.
WRITER = textwrap.dedent(
    """
    import random, sys
    from datetime import date, timedelta
    from recoverylog.journal import Journal
    from recoverylog.paths import locate

    data_dir, passphrase, tag = sys.argv[1], sys.argv[2], sys.argv[3]
    rng = random.Random(tag)
    loc = locate(data_dir)

    def body_for(text, size):
        return (text * (size // len(text) + 1))[:size]

    journal = Journal.open(loc, passphrase)
    print("ready", flush=True)
    mine = []
    i = 0
    while True:
        i += 1
        choice = i % 6
        if choice == 0:
            size = rng.randint(1, 30_000)
            entry = journal.add_reflection(body_for(f"{tag}-{i}|", size), title=f"{tag}-{i}")
            print(f"saved reflection {entry.id} {tag}-{i} {size}", flush=True)
        elif choice == 1:
            day = journal.today() - timedelta(days=rng.randint(0, 40))
            entry, _ = journal.checkin(day, mood=rng.randint(1, 10), note=f"{tag}-{i}")
            print(f"saved checkin {entry.id} {tag}-{i} 0", flush=True)
        elif choice == 2 and mine:
            victim = mine.pop(rng.randrange(len(mine)))
            print(f"deleting coping {victim} - 0", flush=True)
            journal.remove("coping", victim)
            print(f"deleted coping {victim} - 0", flush=True)
        else:
            entry = journal.add_coping("walk round the block", helped=rng.randint(0, 10),
                                       note=f"{tag}-{i}")
            mine.append(entry.id)
            print(f"saved coping {entry.id} {tag}-{i} 0", flush=True)
        if i % 40 == 0:  # close (keeps the daily backup) and open again
            journal.close()
            journal = Journal.open(loc, passphrase)
    """
)

#: The real CLI in a loop; ``saved NOTE`` only after the command exited 0.
CLI_LOOP = textwrap.dedent(
    """
    import subprocess, sys
    tag = sys.argv[1]
    i = 0
    while True:
        i += 1
        note = f"{tag}-{i}"
        print(f"starting {note}", flush=True)
        done = subprocess.run(
            [sys.executable, "-m", "recoverylog", "cope", "breathing", "--helped", "6",
             "--note", note],
            capture_output=True, text=True,
        )
        if done.returncode == 0:
            print(f"saved {note}", flush=True)
        else:
            print(f"failed {note} {done.returncode} {done.stderr!r}", flush=True)
    """
)


@dataclass
class Reported:
    saved: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    cli_notes: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)


def _parse(out: str, reported: Reported) -> None:
    for line in out.splitlines(keepends=True):
        if not line.endswith("\n"):
            continue  # a line cut by the kill: nothing was promised
        parts = line.split()
        if parts[:1] == ["saved"] and len(parts) == 5:
            _, table, record_id, text, size = parts
            reported.saved[(table, record_id)] = (text, int(size))
        elif parts[:1] == ["saved"] and len(parts) == 2:
            reported.cli_notes.add(parts[1])
        elif parts[:1] == ["deleting"]:  # killed now, it may or may not be gone
            reported.saved.pop(("coping", parts[2]), None)
        elif parts[:1] == ["deleted"]:
            reported.deleted.add(parts[2])
        elif parts[:1] == ["failed"]:
            reported.failures.append(line)


def _wait_ready(proc: subprocess.Popen[str], deadline: float) -> None:
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == "ready":
            return
        if not line and proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"the writer died before it was ready: {err}")
    raise AssertionError("the writer was not ready in time")


def _check_journal(data_dir: Path, reported: Reported, seed: int) -> Journal:
    db = data_dir / "journal.db"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], seed
    finally:
        conn.close()
    journal = Journal.open(locate(data_dir), PASSPHRASE)
    for table in SEALED_TABLES:
        journal.records(table)
    assert journal.store.damaged == [], (seed, journal.store.damaged)
    return journal


def _kill_group(proc: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def test_facade_writers_killed_at_random_moments_lose_nothing(
    cli_journal: Path, tmp_path: Path
) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    reported = Reported()
    rounds, per_round = 25, 2  # 50 kills in all, two writers at a time
    kills_while_writing = 0
    for round_no in range(rounds):
        procs = [
            subprocess.Popen(
                [sys.executable, str(script), str(cli_journal), PASSPHRASE, f"r{round_no}w{w}"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            for w in range(per_round)
        ]
        try:
            deadline = time.monotonic() + 60
            for proc in procs:
                _wait_ready(proc, deadline)
            delays = sorted(rng.uniform(0.02, 0.3) for _ in procs)
            started = time.monotonic()
            for proc, delay in zip(procs, delays, strict=True):
                time.sleep(max(0.0, started + delay - time.monotonic()))
                if proc.poll() is None:
                    kills_while_writing += 1
                _kill_group(proc)
        finally:
            for proc in procs:
                _kill_group(proc)
        for proc in procs:
            out, err = proc.communicate(timeout=30)
            assert proc.returncode == -signal.SIGKILL, (seed, proc.returncode, err)
            assert "Traceback" not in err, (seed, err)
            _parse(out, reported)
    assert kills_while_writing == rounds * per_round, seed
    assert len(reported.saved) >= rounds, (seed, "the writers hardly wrote anything")

    with _check_journal(cli_journal, reported, seed) as journal:
        for (table, record_id), (text, size) in reported.saved.items():
            entity = journal.get(table, record_id)
            assert entity is not None, (seed, table, record_id, "was reported saved but is lost")
            if table == "coping":
                assert entity.note == text, seed
            elif table == "reflection":
                unit = f"{text}|"
                assert entity.title == text, seed
                assert entity.body == (unit * (size // len(unit) + 1))[:size], seed
        for record_id in reported.deleted:
            assert journal.get("coping", record_id) is None, (seed, "a deleted entry came back")
        # One check-in per day, however the writers were interrupted.
        days = [c.date for c in journal.records("checkin")]
        assert len(days) == len(set(days)), seed


def test_cli_killed_mid_command_loses_nothing(cli_journal: Path, tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    script = tmp_path / "cli_loop.py"
    script.write_text(CLI_LOOP)
    reported = Reported()
    env = cli_env(cli_journal)
    for round_no in range(8):
        proc = subprocess.Popen(
            [sys.executable, str(script), f"cli{round_no}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,  # the loop and the recoverylog it runs die together
        )
        seen = []
        try:
            # Let one command finish, then kill at a random moment (usually mid-command).
            assert proc.stdout is not None
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                line = proc.stdout.readline()
                seen.append(line)
                if not line or line.startswith(("saved", "failed")):
                    break
            time.sleep(rng.uniform(0.02, 0.4))
        finally:
            _kill_group(proc)
        out, err = proc.communicate(timeout=30)
        assert "Traceback" not in err, (seed, err)
        _parse("".join(seen) + out, reported)
    assert reported.failures == [], (seed, reported.failures)
    assert reported.cli_notes, (seed, "no CLI write finished in any round")
    with _check_journal(cli_journal, reported, seed) as journal:
        notes = {c.note for c in journal.records("coping")}
        assert reported.cli_notes <= notes, (seed, reported.cli_notes - notes)
    # And the CLI still works on the journal afterwards.
    done = subprocess.run(
        [sys.executable, "-m", "recoverylog", "log", "--kind", "coping", "--all", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
