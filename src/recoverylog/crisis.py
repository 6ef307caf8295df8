"""Crisis and helpline resources by region: which region applies, and the text shown for it.

Import-light on purpose (standard library only, plus the stdlib-only errors module): the
``crisis`` command and the crisis screen must answer at once, with no journal, no unlocking
and no network. The numbers live in ``data/crisis.toml`` with the date each was last checked.
"""

from __future__ import annotations

import functools
import os
import textwrap
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from recoverylog.errors import InvalidInput

#: Region codes, in the order "every region" shows them; INT is the fallback for elsewhere.
REGIONS = ("US", "UK", "CA", "AU", "IE", "INT")

_ALIASES = {
    "US": ("us", "usa", "united states", "united states of america", "america"),
    "UK": (
        "uk",
        "gb",
        "gbr",
        "great britain",
        "britain",
        "united kingdom",
        "england",
        "scotland",
        "wales",
        "northern ireland",
    ),
    "CA": ("ca", "can", "canada"),
    "AU": ("au", "aus", "australia"),
    "IE": ("ie", "irl", "ireland", "republic of ireland", "eire", "éire"),
    "INT": ("int", "intl", "international", "other", "elsewhere", "world"),
}
_BY_ALIAS = {alias: code for code, aliases in _ALIASES.items() for alias in aliases}
_ALL = ("all", "any", "every", "*")
#: Locale territories (ISO 3166) that have a region of their own.
_TERRITORIES = {"US": "US", "GB": "UK", "UK": "UK", "CA": "CA", "AU": "AU", "IE": "IE"}
#: Used only if the data file cannot be read: help must never depend on a file being intact.
_EMERGENCY = {"US": "911", "UK": "999", "CA": "911", "AU": "000", "IE": "112 or 999"}

DANGER_LINE = "If you are in danger right now, call your local emergency number."
NOT_ALONE_LINE = "You don't have to face this alone. The people below are there to help."
NOT_A_SUBSTITUTE_LINE = (
    "recoverylog does not replace professional help: a doctor, a therapist or emergency services."
)


@dataclass(frozen=True)
class Line:
    """One service: how to reach it, when, what it is for, and when its details were checked."""

    name: str
    purpose: str
    hours: str
    last_checked: date
    phone: str | None = None
    text: str | None = None
    web: str | None = None
    tty: str | None = None
    note: str | None = None

    def how(self) -> str:
        """e.g. ``call 988 · text 988 · web 988lifeline.org (chat)``."""
        ways = [
            ("call", self.phone),
            ("text", self.text),
            ("TTY", self.tty),
            ("web", self.web),
        ]
        return " · ".join(f"{verb} {value}" for verb, value in ways if value)


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    lines: tuple[Line, ...]

    @property
    def last_checked(self) -> date:
        """The oldest check among its lines: every number is at least this fresh."""
        return min(line.last_checked for line in self.lines)


def normalize_region(text: str) -> str:
    """``uk``, ``GB``, ``United Kingdom``, ``ie``, ``U.S.``... to a code in REGIONS."""
    key = " ".join(text.replace(".", "").replace("_", " ").replace("-", " ").split()).casefold()
    if key.upper() in REGIONS:
        return key.upper()
    if key in _BY_ALIAS:
        return _BY_ALIAS[key]
    raise InvalidInput("--region", f"must be one of {', '.join(REGIONS)} (got {text!r})")


def region_from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The region of the locale in LC_ALL, else LC_MESSAGES, else LANG (``en_GB.UTF-8`` ->
    ``UK``); None when unset, C/POSIX, or a country without its own region."""
    env = os.environ if environ is None else environ
    value = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    value = value.split(".")[0].split("@")[0]
    parts = value.replace("-", "_").split("_")
    if len(parts) < 2:
        return None
    return _TERRITORIES.get(parts[1].upper())


def resolve_region(
    option: str | None, configured: str | None, environ: Mapping[str, str] | None = None
) -> str | None:
    """The option (refused if unknown; ``all`` means every region), else the configured region
    (ignored if broken: nothing may stand between a person and help), else the locale's, else
    None, meaning every region."""
    if option is not None and option.strip():
        if option.strip().casefold() in _ALL:
            return None
        return normalize_region(option)
    if configured:
        try:
            return normalize_region(configured)
        except InvalidInput:
            pass
    return region_from_locale(environ)


def _read_data() -> str:
    """The data file beside this module; importlib.resources (slower to import) otherwise."""
    try:
        with open(os.path.join(os.path.dirname(__file__), "data", "crisis.toml"), "rb") as f:
            return f.read().decode("utf-8")
    except OSError:
        import importlib.resources

        return (
            importlib.resources.files("recoverylog")
            .joinpath("data/crisis.toml")
            .read_text(encoding="utf-8")
        )


@functools.cache
def _load() -> tuple[Region, ...]:
    doc = tomllib.loads(_read_data())
    regions = []
    for entry in doc["region"]:
        lines = tuple(
            Line(
                name=str(line["name"]),
                purpose=str(line["purpose"]),
                hours=str(line["hours"]),
                last_checked=_as_date(line["last_checked"]),
                phone=line.get("phone"),
                text=line.get("text"),
                web=line.get("web"),
                tty=line.get("tty"),
                note=line.get("note"),
            )
            for line in entry["line"]
        )
        regions.append(Region(code=str(entry["code"]), name=str(entry["name"]), lines=lines))
    return tuple(sorted(regions, key=lambda r: REGIONS.index(r.code)))


def _as_date(value: object) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def resources(region: str | None) -> list[Region]:
    """The region's resources, or every region (in REGIONS order) when region is None."""
    regions = _load()
    if region is None:
        return list(regions)
    code = normalize_region(region)
    return [r for r in regions if r.code == code]


def last_checked(region: str | None = None) -> date:
    """When the numbers shown for this region (or all regions) were last checked."""
    return min(r.last_checked for r in resources(region))


def render_text(region: str | None) -> str:
    """Plain text for a terminal: the danger line first, then each service, the date the
    numbers were last checked, and a reminder that the app does not replace care."""
    try:
        shown = resources(region)
    except InvalidInput:
        raise
    except Exception:  # a damaged install still gets the emergency numbers
        return _fallback_text()
    out = [DANGER_LINE]
    if len(shown) == 1 and shown[0].code in _EMERGENCY:
        out.append(f"In {_place(shown[0])} that is {_EMERGENCY[shown[0].code]}.")
    out += [NOT_ALONE_LINE, ""]
    if len(shown) > 1:
        out += ["No region is set, so every region is shown.", ""]
    for item in shown:
        out.append(item.name)
        for line in item.lines:
            out.append(f"  {line.name}")
            out.append(f"    {line.how()} · {line.hours}")
            out += _wrap(line.purpose)
            if line.note:
                out += _wrap(line.note)
        out.append("")
    checked = min(r.last_checked for r in shown)
    out += textwrap.wrap(
        f"Numbers last checked {checked.isoformat()}. Numbers can change: if one does not "
        "work, call your local emergency number.",
        width=78,
    )
    out += textwrap.wrap(NOT_A_SUBSTITUTE_LINE, width=78)
    return "\n".join(out)


def _place(region: Region) -> str:
    return f"the {region.name}" if region.code in ("US", "UK") else region.name


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, width=78, initial_indent="    ", subsequent_indent="    ")


def _fallback_text() -> str:
    numbers = ", ".join(f"{code} {number}" for code, number in _EMERGENCY.items())
    return "\n".join(
        [
            DANGER_LINE,
            f"Emergency numbers: {numbers}; 112 across the EU.",
            "The list of helplines could not be read; please reinstall recoverylog.",
            NOT_A_SUBSTITUTE_LINE,
        ]
    )
