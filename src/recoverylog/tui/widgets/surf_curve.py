"""The urge-surfing curve: one column per minute, its height the urge's intensity (0-10)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"


class SurfCurve(Widget):
    """Draws intensity samples ``(minute, value)`` as a bar chart, rows 10 down to 1."""

    DEFAULT_CSS = """
    SurfCurve {
        height: 7;
        width: 1fr;
        color: $accent;
    }
    """

    samples: reactive[tuple[tuple[int, int], ...]] = reactive(())

    def __init__(self, samples: Sequence[tuple[int, int]] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(SurfCurve.samples, tuple(samples))

    def render(self) -> Text:
        rows = max(1, self.size.height - 1)
        by_minute = dict(self.samples)
        last = max(by_minute, default=0)
        width = max(1, (self.size.width - 4) // 3)
        first = max(0, last - width + 1)
        lines = []
        for row in range(rows, 0, -1):
            label = "10" if row == rows else ("0 " if row == 1 else "  ")
            cells = []
            for minute in range(first, last + 1):
                value = by_minute.get(minute)
                cells.append(" " + _cell(value, row, rows) * 2)
            lines.append(label + " " + "".join(cells))
        axis = "   " + "".join(f"{m:>3}" for m in range(first, last + 1))
        text = Text("\n".join(lines) + "\n")
        text.append(axis + " min", style="dim")
        return text


def _cell(value: int | None, row: int, rows: int) -> str:
    if value is None:
        return "·" if row == 1 else " "
    height = value / 10 * rows
    if height >= row:
        return "█"
    part = height - (row - 1)
    if part <= 0:
        return " "
    return BLOCKS[max(1, round(part * 8))]
