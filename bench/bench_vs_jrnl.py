"""Benchmark: recoverylog against jrnl (encrypted), the terminal journal people already use.

Run:  python bench/bench_vs_jrnl.py [--sizes 2000 21000] [--runs 5] [--kdf-memory 256]

Builds a recoverylog journal and an encrypted jrnl journal with the same number of entries,
then times whole processes (median wall time of ``--runs`` runs after one warm-up) and
records each process's peak memory (``wait4``'s ``ru_maxrss``). jrnl runs from its own
virtual environment (``/tmp/jrnl-venv``, created with ``pip install jrnl`` if missing),
isolated as PERF-NOTES.md describes, at its fastest time format. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from recoverylog.domain import models as m
from recoverylog.entries import new_id
from recoverylog.journal import Journal
from recoverylog.paths import locate
from recoverylog.vault.kdf import KdfParams, params_for_memory

PASSPHRASE = "benchmark passphrase"
JRNL_PASSWORD = "benchmark password"
JRNL_VENV = Path("/tmp/jrnl-venv")
TODAY = date(2026, 11, 25)
NOW = "2026-11-25T21:00:00+00:00"
TZ = UTC
TAGS = ["@work", "@family", "@sleep", "@meeting", "@walk", "@craving", "@gratitude", "@sponsor"]
WORDS = [
    "today",
    "I",
    "noticed",
    "the",
    "urge",
    "rise",
    "and",
    "fall",
    "again",
    "while",
    "walking",
    "home",
    "from",
    "the",
    "station",
    "and",
    "I",
    "called",
    "my",
    "sponsor",
    "before",
    "dinner",
    "and",
    "felt",
    "steadier",
    "afterwards",
]


@dataclass
class Timing:
    median_s: float
    peak_mib: float
    ok: bool
    note: str = ""


# -- running and measuring ---------------------------------------------------------------


TIME = shutil.which("time", path="/usr/bin:/bin")


def run_once(
    argv: Sequence[str], env: dict[str, str], stdin: bytes = b""
) -> tuple[float, int, str]:
    """One whole process: wall time, peak RSS (KiB) and its error ('' if fine).

    The peak comes from GNU time when it is there: ``wait4`` in this (large) process would
    also count the forked copy of this process before it becomes the command.
    """
    with tempfile.NamedTemporaryFile(prefix="bench-rss-") as rss:
        wrapped = [TIME, "-f", "%M", "-o", rss.name, *argv] if TIME else list(argv)
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,  # no controlling terminal: jrnl reads the password on stdin
        )
        assert proc.stdin is not None and proc.stderr is not None
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.write(stdin)
            proc.stdin.close()
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        peak = usage.ru_maxrss
        if TIME:
            with contextlib.suppress(ValueError, IndexError):
                peak = int(Path(rss.name).read_text().split()[-1])
    code = os.waitstatus_to_exitcode(status)
    problem = ""
    if code != 0:
        lines = err.decode(errors="replace").strip().splitlines() or [f"exit {code}"]
        problem = lines[-1][:80]
    return elapsed, peak, problem


def measure(
    argv: Sequence[str], env: dict[str, str], *, stdin: bytes = b"", runs: int = 5
) -> Timing:
    """Median wall time and peak RSS of whole processes (one warm-up run first)."""
    times: list[float] = []
    peak_kib = 0
    problems: list[str] = []
    for i in range(runs + 1):
        elapsed, peak, problem = run_once(argv, env, stdin)
        if problem:
            problems.append(problem)
        if i:  # the first run warms the caches
            times.append(elapsed)
        peak_kib = max(peak_kib, peak)
    return Timing(statistics.median(times), peak_kib / 1024, not problems, "; ".join(problems[:1]))


# -- recoverylog ---------------------------------------------------------------------------


def build_recoverylog(data_dir: Path, entries: int, params: KdfParams, seed: int = 1) -> int:
    """A journal of ``entries`` entries over ten-ish years: per day a check-in, cravings and
    coping entries, sometimes a reflection; one track and a few slips."""
    rng = random.Random(seed)
    per_day = 5.75  # 21,000 entries is ten years
    days = max(1, math.ceil(entries / per_day))
    start = TODAY - timedelta(days=days)
    journal, _ = Journal.create(locate(data_dir), PASSPHRASE, params)
    made = 0
    with journal, journal.store.write():
        track = m.Track(new_id(), "Alcohol", start, Decimal("12.50"))
        journal.save(track)
        for year in range(max(1, days // 365)):
            journal.save(
                m.Slip(
                    new_id(),
                    track.id,
                    start + timedelta(days=365 * year + rng.randint(30, 300)),
                    "lapse",
                    None,
                    "a hard evening",
                )
            )
            made += 1
        day_no = 0
        while made < entries:
            day = start + timedelta(days=day_no % days)
            base = datetime(day.year, day.month, day.day, 8, 0, tzinfo=TZ)
            if day_no < days:
                journal.save(
                    m.CheckIn(
                        new_id(),
                        day,
                        mood=rng.randint(3, 9),
                        craving=rng.randint(0, 8),
                        sleep=Decimal("7"),
                        gratitude="the morning light",
                        note=" ".join(rng.choices(WORDS, k=12)),
                    )
                )
                made += 1
            for _ in range(2):
                if made >= entries:
                    break
                at = base + timedelta(minutes=rng.randint(0, 800))
                craving = m.Craving(
                    new_id(),
                    at,
                    rng.randint(3, 9),
                    day,
                    triggers=("stress",),
                    situation="after work",
                    skills=("mbrp-urge-surfing",),
                    intensity_after=rng.randint(0, 5),
                    outcome="passed",
                    note=" ".join(rng.choices(WORDS, k=8)),
                )
                journal.save(craving)
                made += 1
                if made >= entries:
                    break
                journal.save(
                    m.CopingEntry(new_id(), at, day, "mbrp-urge-surfing", 7, craving.id, "")
                )
                made += 1
            if made < entries and rng.random() < 0.75:
                journal.save(
                    m.Reflection(
                        new_id(),
                        base + timedelta(hours=13),
                        day,
                        "Evening",
                        " ".join(rng.choices(WORDS, k=60)),
                        ("gratitude",),
                    )
                )
                made += 1
            day_no += 1
    return made


def recoverylog_env(data_dir: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERYLOG_")}
    env.update(
        RECOVERYLOG_DATA_DIR=str(data_dir),
        RECOVERYLOG_PASSPHRASE=PASSPHRASE,
        RECOVERYLOG_NOW=NOW,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return env


def recoverylog_bin() -> str:
    found = shutil.which("recoverylog", path=str(Path(sys.executable).parent))
    return found or shutil.which("recoverylog") or "recoverylog"


def has_report(env: dict[str, str]) -> bool:
    done = subprocess.run(
        [recoverylog_bin(), "report", "--help"], capture_output=True, env=env, timeout=60
    )
    return done.returncode == 0


# -- jrnl ------------------------------------------------------------------------------------


def ensure_jrnl() -> Path:
    jrnl = JRNL_VENV / "bin" / "jrnl"
    if not jrnl.exists():
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run([str(JRNL_VENV / "bin" / "pip"), "install", "-q", "jrnl"], check=True)
    return jrnl


def jrnl_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "RECOVERYLOG_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    return env


def write_jrnl_config(home: Path, journals: dict[str, Path], encrypt: bool) -> None:
    """jrnl's YAML config, by hand (a JSON file would be taken for a jrnl 1.x config)."""
    default = home / "default.txt"
    default.touch()
    lines = [
        "colors:",
        "  body: none",
        "  date: none",
        "  tags: none",
        "  title: none",
        "default_hour: 9",
        "default_minute: 0",
        "editor: ''",
        "encrypt: false",
        "highlight: false",
        "indent_character: '|'",
        "journals:",
        "  default:",
        f"    journal: '{default}'",
    ]
    for name, path in journals.items():
        lines += [
            f"  {name}:",
            f"    journal: '{path}'",
            f"    encrypt: {'true' if encrypt else 'false'}",
            "    timeformat: '%Y-%m-%d %H:%M'",
        ]
    lines += [
        "linewrap: 79",
        "tagsymbols: '#@'",
        "template: false",
        "timeformat: '%Y-%m-%d %H:%M'",
        "version: v4.6",
    ]
    folder = home / "config" / "jrnl"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "jrnl.yaml").write_text("\n".join(lines) + "\n")


def build_jrnl(path: Path, entries: int, seed: int = 1) -> None:
    """A plain jrnl file of ``entries`` entries, one or two tags each, oldest first."""
    rng = random.Random(seed)
    days = max(1, math.ceil(entries / 5.75))
    start = datetime(TODAY.year, TODAY.month, TODAY.day, 8, 0) - timedelta(days=days)
    step = timedelta(days=days) / entries
    lines = []
    for n in range(entries):
        moment = start + step * n
        tags = " ".join(rng.sample(TAGS, rng.randint(1, 2)))
        title = " ".join(rng.choices(WORDS, k=6)).capitalize()
        body = " ".join(rng.choices(WORDS, k=40))
        lines.append(f"[{moment:%Y-%m-%d %H:%M}] {title}.\n{body} {tags}\n\n")
    path.write_text("".join(lines), encoding="utf-8")


def encrypt_jrnl(jrnl: Path, home: Path, name: str) -> None:
    env = jrnl_env(home)
    secret = f"{JRNL_PASSWORD}\n{JRNL_PASSWORD}\nn\n".encode()
    done = subprocess.run(
        ["setsid", "-w", str(jrnl), name, "--encrypt"],
        input=secret,
        capture_output=True,
        env=env,
        timeout=900,
    )
    if done.returncode != 0:
        raise SystemExit(f"jrnl --encrypt failed: {done.stderr.decode(errors='replace')}")


# -- the report ------------------------------------------------------------------------------


def fmt(t: Timing) -> str:
    if not t.ok:
        return f"FAILED ({t.note})"
    return f"{t.median_s * 1000:8.0f} ms  {t.peak_mib:6.0f} MiB"


def ratio(a: Timing, b: Timing) -> str:
    if not (a.ok and b.ok) or b.median_s == 0:
        return "-"
    return f"{a.median_s / b.median_s:6.1f}x"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 21000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow-runs", type=int, default=3, help="runs for jrnl writes")
    parser.add_argument("--kdf-memory", type=int, default=256, help="MiB (recoverylog)")
    parser.add_argument("--keep", type=Path, help="keep the journals in this folder")
    args = parser.parse_args(argv)

    jrnl = ensure_jrnl()
    params = params_for_memory(args.kdf_memory)
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-vs-jrnl-"))
    base.mkdir(parents=True, exist_ok=True)
    rl = recoverylog_bin()
    python = sys.executable
    print(
        f"recoverylog ({rl}, Argon2id {args.kdf_memory} MiB/3/4) vs jrnl "
        f"({jrnl}, encrypted, timeformat %Y-%m-%d %H:%M); median of {args.runs} runs "
        f"({args.slow_runs} for jrnl writes) after a warm-up; peak = max RSS of the process"
    )
    home = base / "home"
    home.mkdir(exist_ok=True)
    startup = measure([python, "-c", "pass"], os.environ.copy(), runs=args.runs)
    print(f"python -c pass: {fmt(startup)}\n")

    for size in args.sizes:
        folder = base / f"n{size}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        t0 = time.perf_counter()
        made = build_recoverylog(folder / "recoverylog", size, params)
        empty = folder / "empty"
        Journal.create(locate(empty), PASSPHRASE, params)[0].close()
        jhome = folder / "jrnl-home"
        jfile = jhome / "journal.txt"
        jhome.mkdir()
        build_jrnl(jfile, size)
        write_jrnl_config(jhome, {"bench": jfile}, encrypt=False)
        encrypt_jrnl(jrnl, jhome, "bench")
        write_jrnl_config(jhome, {"bench": jfile}, encrypt=True)
        print(
            f"== {size:,} entries (recoverylog: {made:,} entries, "
            f"{(folder / 'recoverylog' / 'journal.db').stat().st_size / 1e6:.1f} MB; "
            f"jrnl: {jfile.stat().st_size / 1e6:.1f} MB encrypted; built in "
            f"{time.perf_counter() - t0:.0f} s)"
        )
        env = recoverylog_env(folder / "recoverylog", home)
        jenv = jrnl_env(jhome)
        pw = f"{JRNL_PASSWORD}\n".encode()
        export_file = folder / "export.json"

        rows: list[tuple[str, Timing]] = [
            ("--help", measure([rl, "--help"], env, runs=args.runs)),
            ("crisis", measure([rl, "crisis"], env, runs=args.runs)),
            ("status", measure([rl, "status"], env, runs=args.runs)),
            ("log -n 20", measure([rl, "log", "-n", "20"], env, runs=args.runs)),
            (
                "export",
                measure([rl, "export", str(export_file), "--force"], env, runs=args.runs),
            ),
        ]
        # import: the whole export into a fresh, empty journal each run.
        targets = [folder / f"import-{i}" for i in range(args.runs + 1)]
        for target in targets:
            shutil.copytree(empty, target)
        results = [
            run_once([rl, "import", str(export_file)], recoverylog_env(target, home))
            for target in targets
        ]
        problems = [r[2] for r in results if r[2]]
        rows.append(
            (
                "import (into an empty journal)",
                Timing(
                    statistics.median(r[0] for r in results[1:]),
                    max(r[1] for r in results) / 1024,
                    not problems,
                    "; ".join(problems[:1]),
                ),
            )
        )
        if has_report(env):
            for form in ("md", "html", "pdf"):
                out = folder / f"report.{form}"
                rows.append(
                    (
                        f"report --format {form}",
                        measure(
                            [rl, "report", "--format", form, "--output", str(out), "--force"],
                            env,
                            runs=args.runs,
                        ),
                    )
                )
        else:
            rows.append(("report", Timing(0, 0, False, "no report command yet")))
        print(f"\n  {'recoverylog command':<34}{'time':>11}  {'peak':>10}")
        for label, timing in rows:
            print(f"  {label:<34}{fmt(timing)}")

        side = [
            (
                "start-up (--version)",
                measure([rl, "--version"], env, runs=args.runs),
                measure([str(jrnl), "--version"], jenv, runs=args.runs),
            ),
            (
                "read the last 20 (log -n 20 | -n 20)",
                dict(rows)["log -n 20"],
                measure([str(jrnl), "bench", "-n", "20"], jenv, stdin=pw, runs=args.runs),
            ),
            (
                "add one entry (cope | jrnl TEXT)",
                measure(
                    [rl, "cope", "walk round the block", "--helped", "7", "--note", "felt ok"],
                    env,
                    runs=args.runs,
                ),
                measure(
                    [str(jrnl), "bench", "Walked round the block. Felt ok @walk"],
                    jenv,
                    stdin=pw,
                    runs=args.slow_runs,
                ),
            ),
            (
                "export everything (JSON)",
                dict(rows)["export"],
                measure(
                    [str(jrnl), "bench", "--export", "json", "--file", str(folder / "j.json")],
                    jenv,
                    stdin=pw,
                    runs=args.runs,
                ),
            ),
        ]
        print(f"\n  {'side by side':<40}{'recoverylog':>22}  {'jrnl':>22}  {'jrnl/rl':>8}")
        for label, ours, theirs in side:
            print(f"  {label:<40}{fmt(ours):>22}  {fmt(theirs):>22}  {ratio(theirs, ours):>8}")
        print()
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
