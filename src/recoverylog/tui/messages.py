"""Messages between the screens and the app (small, posted and bubbled up to the app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from recoverylog.journal import Journal


class Unlocked(Message):
    """The lock or first-run screen derived the key: here is the open journal."""

    def __init__(self, journal: Journal, welcome: str = "") -> None:
        super().__init__()
        self.journal = journal
        self.welcome = welcome
