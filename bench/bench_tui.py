"""Benchmark: the TUI on a ten-year journal, from derived key to painted dashboard, and history.

Run:  python bench/bench_tui.py [--runs 5] [--keep DIR]

Figures (medians over the runs, milliseconds):

- unlock: Journal.open (Argon2id at the KDF floor, then the header and schema checks).
- dashboard query: tui.data.load_dashboard on the open journal (what the worker runs).
- key to dashboard: from an App built on the unlocked journal to the dashboard painted with
  the journal's numbers (the worker has delivered and the screen has refreshed). Target 500.
- history first page / next page: the 50-entry page query (HistoryPager) on its own, and in
  the app from the key press to the table painted (the key comes a second after the dashboard
  is painted, as a person reads it first). Target 100 per page.

Nothing here is a test: it prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_journal import PASSPHRASE, TODAY, build  # noqa: E402

from recoverylog.journal import Journal  # noqa: E402
from recoverylog.paths import locate  # noqa: E402

PAGES = 5
READING_SECONDS = 1.0


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f}"


class Marks:
    """Timestamps taken after the screen has refreshed with new data."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def after_refresh(self, app: Any, name: str) -> None:
        app.call_after_refresh(lambda: self.times.__setitem__(name, time.perf_counter()))


def patch(marks: Marks) -> Callable[[], None]:
    """Record when the dashboard and history pages are painted (undone by the returned call)."""
    from recoverylog.tui.screens.dashboard import DashboardScreen
    from recoverylog.tui.screens.history import HistoryScreen

    show_data = DashboardScreen.show_data
    show_page = HistoryScreen.show_page

    async def timed_show_data(self: DashboardScreen, data: Any) -> None:
        await show_data(self, data)
        marks.after_refresh(self.app, "dashboard")

    def timed_show_page(self: HistoryScreen, result: Any) -> None:
        show_page(self, result)
        marks.after_refresh(self.app, f"page{self.pager.page}")

    DashboardScreen.show_data = timed_show_data  # type: ignore[method-assign]
    HistoryScreen.show_page = timed_show_page  # type: ignore[method-assign]

    def undo() -> None:
        DashboardScreen.show_data = show_data  # type: ignore[method-assign]
        HistoryScreen.show_page = show_page  # type: ignore[method-assign]

    return undo


async def wait_for(marks: Marks, name: str, timeout: float = 30.0) -> float:
    deadline = time.perf_counter() + timeout
    while name not in marks.times:
        if time.perf_counter() > deadline:
            raise TimeoutError(name)
        await asyncio.sleep(0.001)
    return marks.times[name]


async def app_run(journal: Journal, locations: Any) -> dict[str, float]:
    from recoverylog.tui.app import create_app

    marks = Marks()
    undo = patch(marks)
    try:
        started = time.perf_counter()
        app = create_app(locations, journal=journal)
        async with app.run_test(size=(120, 40)) as pilot:
            painted = await wait_for(marks, "dashboard")
            result = {"key to dashboard": painted - started}
            await asyncio.sleep(READING_SECONDS)  # a person reads the dashboard first
            pressed = time.perf_counter()
            await pilot.press("h")
            result["history first page"] = await wait_for(marks, "page0") - pressed
            for page in range(1, PAGES + 1):
                pressed = time.perf_counter()
                await pilot.press("n")
                result[f"history page {page + 1}"] = await wait_for(marks, f"page{page}") - pressed
        return result
    finally:
        undo()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the journal in this folder.")
    args = parser.parse_args()
    os.environ["RECOVERYLOG_NOW"] = f"{TODAY}T12:00:00+00:00"
    base = args.keep or Path(tempfile.mkdtemp(prefix="recoverylog-bench-tui-"))
    data = base / "10y"
    locations = locate(data)
    if not locations.db.exists():
        t0 = time.perf_counter()
        counts = build(data, 10)
        print(
            f"built a ten-year journal ({sum(counts.values())} entries) in {time.perf_counter() - t0:.1f} s"
        )

    from recoverylog.tui.data import HistoryPager, load_dashboard

    figures: dict[str, list[float]] = {}

    def add(name: str, seconds: float) -> None:
        figures.setdefault(name, []).append(seconds)

    for _ in range(args.runs):
        t0 = time.perf_counter()
        journal = Journal.open(locations, PASSPHRASE)
        add("unlock (Argon2id at the floor)", time.perf_counter() - t0)
        t0 = time.perf_counter()
        load_dashboard(journal)
        add("dashboard query", time.perf_counter() - t0)
        pager = HistoryPager(size=50)
        t0 = time.perf_counter()
        page = pager.first(journal)
        add("history page query (first)", time.perf_counter() - t0)
        for _page in range(PAGES):
            t0 = time.perf_counter()
            page = pager.next(journal, page) or []
            add("history page query (next)", time.perf_counter() - t0)
        for name, seconds in asyncio.run(app_run(journal, locations)).items():
            add(
                name if not name.startswith("history page ") else "history next page (app)", seconds
            )
    print(f"{'figure':<36} {'median ms':>9}  (runs: {args.runs})")
    for name, samples in figures.items():
        print(f"{name:<36} {median_ms(samples):>9}")
    print(f"journal in {data}")


if __name__ == "__main__":
    main()
