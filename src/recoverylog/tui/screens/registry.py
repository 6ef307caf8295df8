"""The journal's screens by name, for the dashboard's keys and the command palette."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen


def _checkin() -> Screen[Any]:
    from recoverylog.tui.screens.checkin import CheckinScreen

    return CheckinScreen()


def _craving() -> Screen[Any]:
    from recoverylog.tui.screens.craving import CravingScreen

    return CravingScreen()


def _skills() -> Screen[Any]:
    from recoverylog.tui.screens.skills import SkillsScreen

    return SkillsScreen()


def _history() -> Screen[Any]:
    from recoverylog.tui.screens.history import HistoryScreen

    return HistoryScreen()


def _reflection() -> Screen[Any]:
    from recoverylog.tui.screens.reflection import ReflectionScreen

    return ReflectionScreen()


def _report() -> Screen[Any]:
    from recoverylog.tui.screens.report import ReportScreen

    return ReportScreen()


def _settings() -> Screen[Any]:
    from recoverylog.tui.screens.settings import SettingsScreen

    return SettingsScreen()


def _track() -> Screen[Any]:
    from recoverylog.tui.screens.track_form import TrackFormScreen

    return TrackFormScreen()


def _slip() -> Screen[Any]:
    from recoverylog.tui.screens.slip_form import SlipFormScreen

    return SlipFormScreen()


#: name: (title, what it does, factory)
SCREENS: dict[str, tuple[str, str, Callable[[], Screen[Any]]]] = {
    "checkin": ("Check in", "Today's check-in: mood, craving, HALT, sleep, meetings", _checkin),
    "craving": ("Log a craving", "Intensity, triggers, skills and an urge-surfing timer", _craving),
    "skills": ("Coping skills", "Search the library, favourites, your own skills", _skills),
    "history": ("History", "Every entry, filtered by kind and dates; edit or delete", _history),
    "reflection": (
        "Write a reflection",
        "Free journaling in Markdown, with a preview",
        _reflection,
    ),
    "track": ("New track", "Start a sobriety clock (it may start in the past)", _track),
    "slip": ("Record a slip", "A lapse or a return to use; your history stays", _slip),
    "report": ("Report", "A summary for a sponsor or therapist", _report),
    "settings": ("Settings", "Passphrase, auto-lock, region, currency, medication", _settings),
}


def make(name: str) -> Screen[Any] | None:
    entry = SCREENS.get(name)
    return entry[2]() if entry else None
