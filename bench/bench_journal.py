"""Benchmark: build one-year and ten-year journals and time `status` and `log -n 20`.

Run:  python bench/bench_journal.py [--runs 7] [--keep DIR]

Each figure is the median wall time of a whole `recoverylog` process, and the same minus
Python's own start-up (`python -c pass`) and one Argon2id derivation at the KDF floor, which
is what the journal itself costs. Nothing here is a test: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as dtime
from decimal import Decimal
from pathlib import Path

from recoverylog.domain import models as m
from recoverylog.entries import new_id
from recoverylog.journal import Journal
from recoverylog.paths import locate
from recoverylog.vault.kdf import FLOOR_MEMORY_KIB, KdfParams, argon2id_raw

PASSPHRASE = "benchmark passphrase"
TODAY = date(2026, 11, 25)
TZ = timezone(timedelta(hours=0))


def build(data_dir: Path, years: int, seed: int = 1) -> dict[str, int]:
    """A journal of `years` years: per year 365 check-ins, ~700 cravings and coping entries,
    50 reflections; 3 tracks and 4 slips a year."""
    rng = random.Random(seed)
    journal, _ = Journal.create(
        locate(data_dir), PASSPHRASE, KdfParams(memory_kib=FLOOR_MEMORY_KIB)
    )
    days = 365 * years
    start = TODAY - timedelta(days=days)
    counts = {"checkin": 0, "craving": 0, "coping": 0, "reflection": 0, "slip": 0}
    with journal, journal.store.write():
        tracks = [
            m.Track(new_id(), name, start, Decimal("10"))
            for name in ("Alcohol", "Cannabis", "Gambling")
        ]
        for track in tracks:
            journal.save(track)
        slip_days = sorted(rng.sample(range(1, days), 4 * years))
        for offset in slip_days:
            journal.save(
                m.Slip(
                    new_id(),
                    rng.choice(tracks).id,
                    start + timedelta(days=offset),
                    "lapse",
                    None,
                    "a hard evening",
                )
            )
            counts["slip"] += 1
        reflection_days = set(rng.sample(range(days), 50 * years))
        for offset in range(days):
            day = start + timedelta(days=offset)
            journal.save(
                m.CheckIn(
                    new_id(),
                    day,
                    mood=rng.randint(3, 9),
                    craving=rng.randint(0, 8),
                    sleep=Decimal("7"),
                    gratitude="the morning light",
                    note="steady day " * 5,
                )
            )
            counts["checkin"] += 1
            for _ in range(rng.choice((1, 2, 2, 3))):
                at = datetime.combine(day, dtime(rng.randint(7, 22), rng.randrange(60)), TZ)
                craving = m.Craving(
                    new_id(),
                    at,
                    rng.randint(2, 9),
                    day,
                    ("stress", "tired"),
                    "after work",
                    "",
                    ("mbrp-urge-surfing",),
                    rng.randint(0, 4),
                    "passed",
                    15,
                    None,
                    "",
                )
                journal.save(craving)
                journal.save(
                    m.CopingEntry(
                        new_id(), at, day, "mbrp-urge-surfing", rng.randint(3, 9), craving.id, ""
                    )
                )
                counts["craving"] += 1
                counts["coping"] += 1
            if offset in reflection_days:
                at = datetime.combine(day, dtime(21, 0), TZ)
                journal.save(
                    m.Reflection(
                        new_id(), at, day, "Evening", "A few paragraphs. " * 80, ("weekly",)
                    )
                )
                counts["reflection"] += 1
    return counts


def timed(cmd: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs + 1):  # the first run warms the page cache
        t0 = time.perf_counter()
        subprocess.run(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples[1:]) * 1000


def kdf_ms(runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        argon2id_raw(b"x", b"s" * 16, KdfParams(memory_kib=FLOOR_MEMORY_KIB))
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the journals in this folder.")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="recoverylog-bench-"))
    python = [sys.executable]
    env = {
        **os.environ,
        "RECOVERYLOG_PASSPHRASE": PASSPHRASE,
        "RECOVERYLOG_NOW": f"{TODAY}T12:00:00+00:00",
    }
    startup = timed([*python, "-c", "pass"], env, args.runs)
    derive = kdf_ms()
    print(
        f"python -c pass: {startup:.0f} ms; Argon2id at the floor (64 MiB, 3, 4): {derive:.0f} ms"
    )
    print(
        f"{'journal':<10} {'entries':>8} {'build s':>8} {'command':<12} {'total ms':>9} {'journal ms':>11}"
    )
    for years in (1, 10):
        data = base / f"{years}y"
        if not (data / "journal.db").exists():
            t0 = time.perf_counter()
            counts = build(data, years)
            built = time.perf_counter() - t0
        else:
            counts, built = {}, 0.0
        env["RECOVERYLOG_DATA_DIR"] = str(data)
        for label, cmd in (
            ("status", ["status"]),
            ("log -n 20", ["log", "-n", "20"]),
            ("--help", ["--help"]),
        ):
            total = timed([*python, "-m", "recoverylog", *cmd], env, args.runs)
            own = total - startup - (0 if cmd == ["--help"] else derive)
            print(
                f"{years:>2} year(s) {sum(counts.values()):>8} {built:>8.1f} {label:<12} {total:>9.0f} {own:>11.0f}"
            )
    print(f"journals in {base}")


if __name__ == "__main__":
    main()
