"""Where timers get their seconds: the real clock, or a fake one that tests advance at will."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from textual.message_pump import MessagePump

TickCallback = Callable[[float], None]
"""Called with the seconds elapsed since the timer started."""


class Ticks(Protocol):
    def start(self, owner: MessagePump, callback: TickCallback) -> Callable[[], None]:
        """Call ``callback`` about once a second; returns a function that stops it."""
        ...


class RealTicks:
    """Ticks from the monotonic clock, once a second, on the owner's message loop."""

    def start(self, owner: MessagePump, callback: TickCallback) -> Callable[[], None]:
        started = time.monotonic()
        timer = owner.set_interval(1.0, lambda: callback(time.monotonic() - started))
        return timer.stop


class FakeTicks:
    """Ticks that move only when a test calls :meth:`advance`."""

    def __init__(self) -> None:
        self.now = 0.0
        self._timers: dict[int, tuple[float, TickCallback]] = {}
        self._next = 0

    def start(self, owner: MessagePump, callback: TickCallback) -> Callable[[], None]:
        key = self._next
        self._next += 1
        self._timers[key] = (self.now, callback)

        def stop() -> None:
            self._timers.pop(key, None)

        return stop

    @property
    def running(self) -> int:
        return len(self._timers)

    def advance(self, seconds: float) -> None:
        """Move time on by ``seconds``, ticking every running timer once per whole second."""
        whole = int(seconds)
        for _ in range(whole):
            self.now += 1.0
            for started, callback in list(self._timers.values()):
                callback(self.now - started)
        self.now += seconds - whole
