"""The report's own words and number formats, shared by every format, and Markdown escaping.

Person-first and warm: "slip", "lapse", "return to use", "sober day"; never words that
judge. Text written by the person is data: the renderers escape it, they never rewrite it.
"""

from __future__ import annotations

import re
from datetime import date

from recoverylog.domain.vocab import HALT
from recoverylog.visible import visible

TITLE = "Recovery journal summary"
HEALTH_SHORT = "Contains health information, shared by choice."
HEALTH_LINE = HEALTH_SHORT + " Please keep it private."
CARE_LINE = (
    "A summary from a personal journal, kept to support recovery. It complements care "
    "and does not replace professional help."
)
COUNTS_NOTE = "Day counts are as of the last day of the period; a slip never resets the totals."

SECTIONS = {
    "tracks": "Sober days",
    "calendar": "Day by day",
    "coverage": "Check-ins",
    "trends": "Mood and sleep",
    "support": "Meetings and reaching out",
    "cravings": "Cravings",
    "triggers": "Triggers",
    "skills": "Skills that helped most, by trigger",
    "notes": "Notes",
    "reflections": "Reflections",
}

KIND_LABELS = {"lapse": "Lapse", "return-to-use": "Return to use"}
DAY_LABELS = {"sober": "Sober day", "slip": "Slip", "none": "No data"}
MEETING_LABELS = {"AA": "AA", "NA": "NA", "SMART": "SMART Recovery", "SOS": "SOS", "other": "Other"}
TIME_BUCKETS: tuple[tuple[str, str, int, int], ...] = (
    ("night", "Night (0-6)", 0, 6),
    ("morning", "Morning (6-12)", 6, 12),
    ("afternoon", "Afternoon (12-18)", 12, 18),
    ("evening", "Evening (18-24)", 18, 24),
)
NO_TRACKS = "No sobriety clock was running during this period."
NO_CRAVINGS = "No cravings were logged in this period."
NO_TRIGGERS = "No triggers were noted in this period."
NO_SKILLS = "No coping skills were linked to cravings with triggers in this period."
NO_MEETINGS = "No meetings were noted in the check-ins of this period."
NO_NOTES = "No notes were written in this period."
NO_REFLECTIONS = "No reflections were written in this period."
NOTES_LEFT_OUT = (
    "Notes and reflections are not part of this report (they are shared only when the "
    "person chooses to include them)."
)
CALENDAR_LEGEND = (
    "Each day shows sober, slip or no data (no sobriety clock running); the shade is the "
    "check-in mood, darker for a better mood."
)
SKILLS_NOTE = "Helped: the person's own rating, 0-10. Drop: craving intensity before minus after."


def trigger_label(tag: str) -> str:
    """``social-pressure`` -> ``Social pressure``; HALT states say so."""
    label = tag.replace("-", " ").capitalize()
    return f"{label} (HALT)" if tag in HALT else label


def audience_line(alias: str) -> str:
    who = f"Prepared by {alias}" if alias else "Prepared"
    return f"{who} to share with a sponsor, a peer group or a therapist."


def period_text(start: date, end: date) -> str:
    days = (end - start).days + 1
    return f"{start.isoformat()} to {end.isoformat()} ({plural(days, 'day')})"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def rate(value: float | None) -> str:
    """A share as a whole percentage (``-`` when there is nothing to count); one decimal
    when rounding would hide a slip (99.7%, never a rounded-up 100%)."""
    if value is None:
        return "-"
    percent = value * 100
    shown = f"{percent:.0f}%"
    if shown in ("0%", "100%") and 0 < value < 1:
        shown = f"{percent:.1f}%"
        if shown in ("0.0%", "100.0%"):
            shown = "<0.1%" if value < 0.5 else ">99.9%"
    return shown


def number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def signed(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:+.{digits}f}"


def one_line(text: str) -> str:
    """Line breaks and tabs as spaces (for table cells and single-line fields)."""
    return " ".join(text.split())


# -- Markdown -----------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))(?=[\s.)]|$)")


def escape_md(text: str) -> str:
    """Text that Markdown shows literally: punctuation that could be markup gets a backslash,
    and so do list, heading and quote markers at the start of a line."""
    lines = []
    for line in visible(text).splitlines() or [""]:
        escaped = _MD_SPECIAL.sub(r"\\\1", line)
        escaped = _MD_LINE_START.sub(_escape_marker, escaped)
        lines.append(escaped)
    return "\n".join(lines)


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker.isdigit():  # "1." starts a list: the escape goes before the dot
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"


def md_cell(text: str) -> str:
    """One table cell: escaped, on one line, never empty."""
    return escape_md(one_line(text)) or " "
