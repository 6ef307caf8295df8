"""A quiet line for a milestone reached today: noticed, not trumpeted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from recoverylog.tui.text import visible

if TYPE_CHECKING:
    from recoverylog.tui.data import Celebration


class CelebrationLine(Static):
    DEFAULT_CSS = """
    CelebrationLine {
        height: auto;
        padding: 0 1;
        color: $success;
        background: $success 10%;
        text-overflow: fold;
    }
    """

    def __init__(self, reached: Sequence[Celebration]) -> None:
        text = Text(overflow="fold")
        for index, item in enumerate(reached):
            if index:
                text.append("\n")
            text.append("✦ Today marks ")
            text.append(item.label, style="bold")
            text.append(" on ")
            text.append(visible(item.track))
            text.append(". That is worth noticing.")
        super().__init__(text, markup=False)
