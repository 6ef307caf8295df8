"""Helpers for the TUI tests: journals at the KDF floor, the screen as plain text, waiting."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

PASSPHRASE = "test passphrase one"
NOW = "2026-11-25T12:00:00+00:00"


def screen_text(app: App[Any]) -> str:
    """What the terminal shows now, as plain text (every line, no styles)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and their results reach the screen (results may start more)."""
    for _ in range(6):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key (real Key events, in order), waiting once at the end."""
    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    driver = app._driver
    assert driver is not None
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        event = events.Key(key, char)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()
