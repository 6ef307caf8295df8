"""Concurrency: several processes write to one journal at once; nothing is lost and nobody
sees "database is locked" (the busy timeout and BEGIN IMMEDIATE serialise the writers).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from recoverylog.journal import Journal
from recoverylog.paths import locate
from tests.conftest import PASSPHRASE, cli_env

#: A facade writer: open, wait for the starting gun (a file), write N entries, close.
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from recoverylog.journal import Journal
    from recoverylog.paths import locate

    data_dir, passphrase, tag, count, kind, go = sys.argv[1:7]
    journal = Journal.open(locate(data_dir), passphrase)
    print("ready", flush=True)
    while not Path(go).exists():
        time.sleep(0.002)
    from datetime import timedelta
    today = journal.today()
    for i in range(int(count)):
        if kind == "cope":
            entry = journal.add_coping("walk", helped=i % 11, note=f"{tag}-{i}")
            print(f"saved {entry.id}", flush=True)
        elif kind == "checkin":
            day = today - timedelta(days=i % 50)
            entry, created = journal.checkin(day, mood=1 + i % 10, note=f"{tag}-{i}")
            print(f"{'created' if created else 'updated'} {entry.id} {day}", flush=True)
        elif kind == "hold":  # one long write transaction, then one entry
            with journal.store.write():
                journal.add_coping("held", note=f"{tag}-held")
                print("holding", flush=True)
                time.sleep(float(count))
            print("released", flush=True)
    journal.close()
    """
)


def _spawn(script: Path, data_dir: Path, tag: str, count: int, kind: str, go: Path):  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, str(script), str(data_dir), PASSPHRASE, tag, str(count), kind, str(go)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _ready(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", (line, proc.stderr.read() if proc.stderr else "")


def _finish(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert err == "", err  # no "database is locked", no warning, no traceback
    return out


@pytest.fixture
def writer(tmp_path: Path) -> Path:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    return script


def test_two_writers_300_entries_each_none_lost(
    cli_journal: Path, tmp_path: Path, writer: Path
) -> None:
    go = tmp_path / "go"
    procs = [_spawn(writer, cli_journal, f"w{n}", 300, "cope", go) for n in range(2)]
    for proc in procs:
        _ready(proc)
    go.touch()
    saved = set()
    for proc in procs:
        lines = _finish(proc).split()
        ids = lines[1::2]
        assert len(ids) == 300
        saved |= set(ids)
    assert len(saved) == 600
    with Journal.open(locate(cli_journal), PASSPHRASE) as journal:
        copings = journal.records("coping")
        assert journal.store.damaged == []
    assert {c.id for c in copings} == saved
    notes = sorted(c.note for c in copings)
    assert notes == sorted(f"w{n}-{i}" for n in range(2) for i in range(300))
    # Each writer's close kept today's backup; it is a complete, openable journal.
    daily = sorted((cli_journal / "backups").glob("daily-*.db"))
    assert len(daily) == 1


def test_concurrent_checkins_stay_one_per_day(
    cli_journal: Path, tmp_path: Path, writer: Path
) -> None:
    go = tmp_path / "go"
    procs = [_spawn(writer, cli_journal, f"c{n}", 100, "checkin", go) for n in range(2)]
    for proc in procs:
        _ready(proc)
    go.touch()
    outs = [_finish(proc) for proc in procs]
    created = [ln for out in outs for ln in out.splitlines() if ln.startswith("created")]
    assert len(created) == 50  # exactly one writer created each day's check-in
    with Journal.open(locate(cli_journal), PASSPHRASE) as journal:
        checkins = journal.records("checkin")
        today = journal.today()
    assert sorted(c.date for c in checkins) == sorted(today - timedelta(days=d) for d in range(50))


def test_cli_waits_for_a_long_write_instead_of_failing(
    cli_journal: Path, tmp_path: Path, writer: Path
) -> None:
    """A command run while another process holds the write lock waits, then succeeds."""
    go = tmp_path / "go"
    go.touch()
    holder = _spawn(writer, cli_journal, "h", 2, "hold", go)  # holds the lock for 2 s
    _ready(holder)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    env = cli_env(cli_journal)
    started = time.monotonic()
    clis = [
        subprocess.Popen(
            [sys.executable, "-m", "recoverylog", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for args in (
            ["cope", "breathing", "--note", "from the CLI"],
            ["checkin", "--mood", "6"],
            ["log", "--json"],  # a reader is never blocked by a writer (WAL)
        )
    ]
    for proc in clis:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert "locked" not in err and "busy" not in err and "Traceback" not in err
    assert time.monotonic() - started < 15
    assert _finish(holder).split()[-1] == "released"
    with Journal.open(locate(cli_journal), PASSPHRASE) as journal:
        notes = {c.note for c in journal.records("coping")}
    assert {"h-held", "from the CLI"} <= notes


def test_facade_and_cli_writing_at_once(cli_journal: Path, tmp_path: Path, writer: Path) -> None:
    go = tmp_path / "go"
    proc = _spawn(writer, cli_journal, "f", 300, "cope", go)
    _ready(proc)
    go.touch()
    env = cli_env(cli_journal)
    clis = [
        subprocess.Popen(
            [sys.executable, "-m", "recoverylog", "cope", "call a friend", "--note", f"cli-{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(6)
    ]
    for cli in clis:
        _, err = cli.communicate(timeout=60)
        assert cli.returncode == 0, err
        assert err == "", err
    _finish(proc)
    with Journal.open(locate(cli_journal), PASSPHRASE) as journal:
        notes = [c.note for c in journal.records("coping")]
    assert len(notes) == 306
    assert {f"cli-{n}" for n in range(6)} <= set(notes)


def test_tui_and_other_writers_at_once(cli_journal: Path, tmp_path: Path, writer: Path) -> None:
    """The app stays open on the journal while a facade writer and the CLI write to it."""
    import asyncio

    pytest.importorskip("recoverylog.tui.app")
    from recoverylog.tui.app import create_app
    from recoverylog.tui.screens.dashboard import DashboardScreen

    async def settle(pilot: Any) -> None:
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    locations = locate(cli_journal)
    with Journal.open(locations, PASSPHRASE) as journal:
        journal.add_track("Alcohol", journal.today() - timedelta(days=30))
    go = tmp_path / "go"
    facade = _spawn(writer, cli_journal, "f", 300, "cope", go)
    _ready(facade)
    env = cli_env(cli_journal)

    async def scenario() -> None:
        app = create_app(locations, journal=Journal.open(locations, PASSPHRASE))
        try:
            await drive(app)
        finally:
            app.lock_for_exit()  # closes the app's journal, as the command line does

    async def drive(app: Any) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, DashboardScreen)
            go.touch()
            clis = [
                subprocess.Popen(
                    [sys.executable, "-m", "recoverylog", "cope", "call", "--note", f"cli-{n}"],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=env,
                )
                for n in range(4)
            ]
            await pilot.press("c")
            await settle(pilot)
            await pilot.press(*"7", "tab", *"3", "ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, DashboardScreen), app.screen  # saved, back home
            for cli in clis:
                _, err = await asyncio.to_thread(cli.communicate, timeout=60)
                assert cli.returncode == 0, err
                assert err == "", err

    asyncio.run(scenario())
    _finish(facade)
    with Journal.open(locations, PASSPHRASE) as journal:
        notes = [c.note for c in journal.records("coping")]
        checkin = journal.checkin_on(journal.today())
    assert len(notes) == 304
    assert checkin is not None and (checkin.mood, checkin.craving) == (7, 3)
