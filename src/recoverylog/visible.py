"""User text shown as typed, with control characters shown rather than obeyed.

One rule for every place that shows what a person wrote (the command line, the app, the
reports): an ANSI escape, a bell or a backspace in a note appears as ``\\x1b``, ``\\x07``...
instead of acting on the terminal that prints it. Line breaks (Windows' too) and tabs stay
line breaks and tabs.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` as typed, with control characters (ANSI escapes...) shown, not obeyed."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text.replace("\r\n", "\n"))
