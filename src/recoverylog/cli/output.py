"""Printing for people and for scripts: user text is data, never markup or terminal control."""

from __future__ import annotations

import json
import sys
from typing import Any

from recoverylog.visible import visible


def console(stderr: bool = False) -> Any:
    """A Rich console that never interprets markup, emoji codes or highlights user text."""
    from rich.console import Console

    return Console(
        file=sys.stderr if stderr else sys.stdout,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def text(value: str, style: str = "") -> Any:
    from rich.text import Text

    return Text(visible(value), style=style)


def print_json(doc: Any) -> None:
    """One JSON document on stdout, nothing else."""
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def say(message: str) -> None:
    sys.stdout.write(visible(message) + "\n")
