"""Every screen at 80x24 and 120x40 on the fixed sample journal (seed 7, 2026-11-25, UTC).

Regenerate after a deliberate change: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from recoverylog.paths import Locations
from recoverylog.tui.app import RecoveryApp, create_app
from recoverylog.tui.ticks import FakeTicks
from tests.tui.conftest import open_journal
from tests.tui.helpers import settle, type_text

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
Step = str | tuple[str, str]


def steps(*keys: Step) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Press keys (or ("type", text), ("wait", seconds)), letting workers finish, then stop
    every cursor blink."""

    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            if isinstance(key, tuple) and key[0] == "wait":
                await pilot.pause(float(key[1]))
            elif isinstance(key, tuple):
                await type_text(pilot, key[1])
            else:
                await pilot.press(key)
            await settle(pilot)
        for field in pilot.app.screen.query("Input, TextArea"):
            field.cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()

    return run


def unlocked(locations: Locations, **options: Any) -> RecoveryApp:
    return create_app(locations, journal=open_journal(locations), **options)


@SIZES
def test_lock(snap_compare: Any, sample_dir: Locations, size: tuple[int, int]) -> None:
    assert snap_compare(create_app(sample_dir), terminal_size=size, run_before=steps())


@SIZES
def test_first_run(snap_compare: Any, tmp_path: Any, size: tuple[int, int]) -> None:
    from recoverylog.paths import locate

    app = create_app(locate(tmp_path / "none"))
    assert snap_compare(app, terminal_size=size, run_before=steps())


@SIZES
@pytest.mark.parametrize(
    "keys",
    [
        pytest.param((), id="dashboard"),
        pytest.param(("question_mark",), id="help"),
        pytest.param(("exclamation_mark",), id="crisis"),
        pytest.param(("c",), id="checkin"),
        pytest.param(("u", ("type", "6"), "tab", "space", ("wait", "0.5")), id="craving"),
        pytest.param(("s",), id="skills"),
        pytest.param(("h",), id="history"),
        pytest.param(("h", "down", "enter"), id="entry"),
        pytest.param(
            ("w", ("type", "# Today\n\nA *quiet* day. [bold]As typed[/]")), id="reflection"
        ),
        pytest.param(
            ("w", ("type", "# Today\n\nA *quiet* day. [bold]As typed[/]"), "ctrl+t"), id="preview"
        ),
        pytest.param(("r",), id="report"),
        pytest.param(("o",), id="settings"),
        pytest.param(("t",), id="track"),
        pytest.param(("l",), id="slip"),
        pytest.param(("ctrl+p",), id="palette"),
    ],
)
def test_screen(
    snap_compare: Any,
    sample_dir: Locations,
    keys: tuple[Step, ...],
    size: tuple[int, int],
) -> None:
    assert snap_compare(unlocked(sample_dir), terminal_size=size, run_before=steps(*keys))


@SIZES
def test_surf_timer(snap_compare: Any, sample_dir: Locations, size: tuple[int, int]) -> None:
    ticks = FakeTicks()

    async def run(pilot: Pilot[Any]) -> None:
        await steps("u", ("type", "8"), "ctrl+t")(pilot)
        for value in ("7", "5"):
            ticks.advance(60)
            await type_text(pilot, value)
            await pilot.press("enter")
        ticks.advance(25)
        await steps()(pilot)

    assert snap_compare(unlocked(sample_dir, ticks=ticks), terminal_size=size, run_before=run)


def test_high_contrast_theme(snap_compare: Any, sample_dir: Locations) -> None:
    from recoverylog.config import Config, save_config

    save_config(sample_dir.config_file, Config(theme="high-contrast", region="US"))
    assert snap_compare(unlocked(sample_dir), terminal_size=(80, 24), run_before=steps())
