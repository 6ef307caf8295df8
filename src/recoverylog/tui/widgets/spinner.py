"""A spinner slot: the LoadingIndicator exists only while something runs (no idle redraws)."""

from __future__ import annotations

from textual.containers import Container
from textual.widgets import LoadingIndicator


class Spinner(Container):
    DEFAULT_CSS = """
    Spinner {
        height: auto;
        width: 1fr;
    }
    Spinner > LoadingIndicator {
        height: 1;
    }
    """

    def __init__(self, *, running: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._start_running = running

    def on_mount(self) -> None:
        if self._start_running:
            self.start()

    @property
    def running(self) -> bool:
        return bool(self.children)

    def start(self) -> None:
        if not self.children:
            self.mount(LoadingIndicator())

    def stop(self) -> None:
        self.remove_children()
