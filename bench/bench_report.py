"""Benchmark: a one-year report (with notes) from the ten-year journal, in every format.

Run:  python bench/bench_report.py [--runs 5] [--keep DIR]

Builds the ten-year journal of bench_journal.py (or reuses it with --keep), unlocks it once,
then prints the median time of reading the year and computing the model, of rendering each
format, and of sealing; then the whole ``report`` command per format in a fresh process,
minus Python's start-up and one Argon2id derivation at the KDF floor ("beyond unlocking").
Targets: HTML and Markdown under 1 s, PDF under 2 s. Nothing here is a test: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_journal import PASSPHRASE, TODAY, build, kdf_ms  # noqa: E402

from recoverylog.journal import Journal  # noqa: E402
from recoverylog.paths import locate  # noqa: E402
from recoverylog.report import build_report, render  # noqa: E402
from recoverylog.report.seal import new_passphrase, seal  # noqa: E402

#: Runs ``report`` in a fresh process (the lead wires the command into cli/main.py; until
#: then this registers it, as tests/report/conftest.py does).
CLI = (
    "import sys\n"
    "from recoverylog.cli import report_cmd\n"
    "from recoverylog.cli.main import app, run\n"
    "if not any(c.callback is report_cmd.report for c in app.registered_commands):\n"
    "    report_cmd.register(app)\n"
    "sys.argv[0] = 'recoverylog'\n"
    "run()\n"
)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def process_ms(args: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs + 1):  # the first run warms the page cache
        t0 = time.perf_counter()
        subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples[1:]) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the journal in this folder.")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="recoverylog-bench-report-"))
    data = base / "10y"
    os.environ["RECOVERYLOG_NOW"] = f"{TODAY}T12:00:00+00:00"
    if not (data / "journal.db").exists():
        t0 = time.perf_counter()
        counts = build(data, 10)
        print(
            f"built the ten-year journal ({sum(counts.values())} entries) in "
            f"{time.perf_counter() - t0:.0f} s"
        )
    start, end = TODAY - timedelta(days=364), TODAY

    t0 = time.perf_counter()
    journal = Journal.open(locate(data), PASSPHRASE)
    unlock = (time.perf_counter() - t0) * 1000
    with journal:
        model = build_report(journal, start, end, True)
        build_ms = median_ms(lambda: build_report(journal, start, end, True), args.runs)
    print(f"one-year report {start} to {end}, notes included; unlock {unlock:.0f} ms")
    print(f"  read the year and compute the model: {build_ms:6.0f} ms")
    sizes = {}
    for fmt in ("md", "html", "pdf"):
        sizes[fmt] = len(render(model, fmt))
        ms = median_ms(lambda fmt=fmt: render(model, fmt), args.runs)  # type: ignore[misc]
        print(f"  render {fmt:<4} {ms:6.0f} ms  ({sizes[fmt] / 1024:,.0f} KiB)")
    html = render(model, "html").decode()
    ms = median_ms(lambda: seal(html, new_passphrase()), args.runs)
    print(f"  seal the HTML (PBKDF2 600,000 + AES-GCM): {ms:6.0f} ms")

    env = {**os.environ, "RECOVERYLOG_DATA_DIR": str(data), "RECOVERYLOG_PASSPHRASE": PASSPHRASE}
    startup = process_ms([sys.executable, "-c", "pass"], env, args.runs)
    derive = kdf_ms()
    print(
        f"whole command, fresh process (python start-up {startup:.0f} ms and Argon2id "
        f"{derive:.0f} ms taken off):"
    )
    out = Path(tempfile.mkdtemp(prefix="recoverylog-report-out-"))
    for fmt, extra in (("md", []), ("html", []), ("html", ["--seal"]), ("pdf", [])):
        cmd = [
            sys.executable,
            "-c",
            CLI,
            "report",
            "--from",
            str(start),
            "--to",
            str(end),
            "--format",
            fmt,
            "--output",
            str(out / f"r.{fmt}"),
            "--include-notes",
            "--force",
            *extra,
        ]
        total = process_ms(cmd, env, args.runs)
        label = f"{fmt} {' '.join(extra)}".strip()
        target = 2000 if fmt == "pdf" else 1000
        own = total - startup - derive
        verdict = "ok" if own < target else "SLOW"
        print(
            f"  report {label:<12} total {total:6.0f} ms, beyond unlocking {own:6.0f} ms "
            f"(target < {target} ms: {verdict})"
        )
    print(f"journal in {base}; reports in {out}")


if __name__ == "__main__":
    main()
