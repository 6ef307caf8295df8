"""A labelled sparkline of a daily number (mood, peak craving), with its latest value."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, Sparkline


class Trend(Horizontal):
    """``Mood, 30 days  ▂▅▇▆▃  last 7``."""

    DEFAULT_CSS = """
    Trend {
        height: 1;
    }
    Trend > .trend--label {
        width: 24;
        color: $text-muted;
    }
    Trend > Sparkline {
        width: 1fr;
        height: 1;
    }
    Trend > .trend--none {
        width: 1fr;
        color: $text-muted;
    }
    Trend > .trend--last {
        width: 10;
        padding: 0 0 0 1;
    }
    """

    def __init__(self, label: str, values: Sequence[float], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.values = list(values)

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="trend--label", markup=False)
        if not self.values:
            yield Label("nothing yet: it fills in as you check in", classes="trend--none")
            return
        if len(self.values) == 1:  # one value would draw as a full bar: say it instead
            yield Label(
                f"one check-in so far ({int(self.values[0])}): the line starts with the next",
                classes="trend--none",
                markup=False,
            )
            return
        yield Sparkline(self.values)
        yield Label(f"last {int(self.values[-1])}", classes="trend--last", markup=False)
