"""User text for the screen: shown exactly as typed, never interpreted as markup or control codes."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from recoverylog.visible import visible


def user_text(value: str, style: str = "") -> Text:
    """A Rich ``Text`` of user text: markup stays literal, very long words fold."""
    return Text(visible(value), style=style, overflow="fold", no_wrap=False)


def one_line(value: str, width: int = 60) -> Text:
    """The first line of user text, cut to ``width`` characters, as literal text."""
    first = value.strip().splitlines()[0] if value.strip() else ""
    if len(first) > width:
        first = first[: width - 1] + "…"
    return Text(visible(first), overflow="ellipsis", no_wrap=True)


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def markdown_parser() -> Any:
    """The Markdown widget's parser with raw HTML off: a ``<script>`` in a reflection shows as
    typed in the preview instead of disappearing."""
    from markdown_it import MarkdownIt

    return MarkdownIt("gfm-like", {"html": False})
