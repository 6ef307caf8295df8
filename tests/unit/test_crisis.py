"""Crisis resources: every region renders with its checked date; regions from option, config,
locale or none; and the module stays light enough to answer at once."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from recoverylog import crisis
from recoverylog.crisis import (
    DANGER_LINE,
    REGIONS,
    normalize_region,
    region_from_locale,
    render_text,
    resolve_region,
    resources,
)
from recoverylog.errors import InvalidInput

EMERGENCY = {"US": "911", "UK": "999", "CA": "911", "AU": "000", "IE": "112 or 999", "INT": "112"}


def test_every_region_has_data_in_order() -> None:
    assert (
        tuple(r.code for r in resources(None)) == REGIONS == ("US", "UK", "CA", "AU", "IE", "INT")
    )


@pytest.mark.parametrize("code", REGIONS)
def test_every_line_has_a_way_to_reach_it_and_a_past_checked_date(code: str) -> None:
    (region,) = resources(code)
    assert region.lines[0].name == "Emergency services"
    assert EMERGENCY[code] in (region.lines[0].phone or "")
    for line in region.lines:
        assert line.phone or line.text or line.web, line.name
        assert line.hours and line.purpose
        assert isinstance(line.last_checked, date)
        assert date(2026, 1, 1) <= line.last_checked <= date.today()


@pytest.mark.parametrize("code", REGIONS)
def test_every_region_renders(code: str) -> None:
    text = render_text(code)
    lines = text.splitlines()
    assert lines[0] == DANGER_LINE
    (region,) = resources(code)
    assert region.name in text
    for line in region.lines:
        assert line.name in text
        for way in (line.phone, line.text, line.web):
            assert way is None or way in text
    assert f"Numbers last checked {region.last_checked.isoformat()}." in text
    assert "does not replace professional help" in " ".join(lines[-3:])
    assert max(len(line) for line in lines) <= 100
    other = {r.name for r in resources(None)} - {region.name}
    assert not any(f"\n{name}\n" in text for name in other)


def test_a_single_region_says_its_emergency_number_up_front() -> None:
    assert render_text("UK").splitlines()[1] == "In the United Kingdom that is 999."
    assert render_text("AU").splitlines()[1] == "In Australia that is 000."


def test_all_regions_render_together_with_the_international_fallback() -> None:
    text = render_text(None)
    assert text.startswith(DANGER_LINE)
    for region in resources(None):
        assert f"\n{region.name}\n" in text
    assert "112 works free from any phone across the EU" in text
    assert "every region is shown" in text


def test_us_specifics_from_the_facts() -> None:
    text = render_text("US")
    for fact in ("988", "1-800-662-4357", "1-800-487-4889", "1-800-222-1222", "HOME to 741741"):
        assert fact in text


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("uk", "UK"),
        ("GB", "UK"),
        ("United Kingdom", "UK"),
        ("  united   kingdom ", "UK"),
        ("England", "UK"),
        ("U.K.", "UK"),
        ("us", "US"),
        ("U.S.A.", "US"),
        ("united-states", "US"),
        ("ca", "CA"),
        ("Canada", "CA"),
        ("au", "AU"),
        ("Australia", "AU"),
        ("ie", "IE"),
        ("IRL", "IE"),
        ("Éire", "IE"),
        ("int", "INT"),
        ("International", "INT"),
    ],
)
def test_normalize_region_aliases(given: str, code: str) -> None:
    assert normalize_region(given) == code


@pytest.mark.parametrize("given", ["de", "Germany", "", "u", "UKK"])
def test_unknown_regions_are_refused_naming_the_option(given: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalize_region(given)
    assert caught.value.field == "--region"
    assert caught.value.problem.startswith("must be one of US, UK, CA, AU, IE, INT")


@pytest.mark.parametrize(
    ("env", "code"),
    [
        ({"LANG": "en_GB.UTF-8"}, "UK"),
        ({"LANG": "en_US.UTF-8"}, "US"),
        ({"LANG": "fr_CA.UTF-8"}, "CA"),
        ({"LANG": "en_AU"}, "AU"),
        ({"LANG": "ga_IE.UTF-8@euro"}, "IE"),
        ({"LC_ALL": "en_IE.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}, "IE"),
        ({"LC_ALL": "", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}, "US"),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({}, None),
    ],
)
def test_region_from_locale(env: dict[str, str], code: str | None) -> None:
    assert region_from_locale(env) == code


def test_region_from_locale_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_AU.UTF-8")
    assert region_from_locale() == "AU"


def test_resolve_region_order() -> None:
    uk_locale = {"LANG": "en_GB.UTF-8"}
    assert resolve_region("ie", "US", uk_locale) == "IE"  # option first
    assert resolve_region("all", "US", uk_locale) is None  # every region on request
    assert resolve_region(None, "us", uk_locale) == "US"  # then config
    assert resolve_region(" ", "CA", uk_locale) == "CA"
    assert resolve_region(None, None, uk_locale) == "UK"  # then locale
    assert resolve_region(None, "broken value", uk_locale) == "UK"  # a bad config never blocks
    assert resolve_region(None, None, {}) is None  # then every region
    with pytest.raises(InvalidInput):
        resolve_region("narnia", "US", uk_locale)


def test_unknown_locale_falls_back_to_every_region() -> None:
    region = resolve_region(None, None, {"LANG": "de_DE.UTF-8"})
    assert region is None
    assert "Anywhere else" in render_text(region)


def test_last_checked_is_the_oldest_shown() -> None:
    everything = [line.last_checked for r in resources(None) for line in r.lines]
    assert crisis.last_checked() == min(everything)
    assert crisis.last_checked("UK") == resources("UK")[0].last_checked


def test_a_damaged_install_still_shows_emergency_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> str:
        raise OSError("gone")

    crisis._load.cache_clear()
    monkeypatch.setattr(crisis, "_read_data", broken)
    try:
        text = render_text("UK")
    finally:
        monkeypatch.undo()
        crisis._load.cache_clear()
    assert text.startswith(DANGER_LINE)
    assert "UK 999" in text and "112" in text
    assert "does not replace professional help" in text


def test_importing_crisis_loads_no_heavy_packages() -> None:
    probe = (
        "import sys, recoverylog.crisis as c\n"
        "c.render_text(c.resolve_region(None, None))\n"
        "print('\\n'.join(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = {name.split(".")[0] for name in out.stdout.split()}
    heavy = {"sqlmodel", "sqlalchemy", "textual", "typer", "click", "rich", "cryptography"}
    assert not loaded & heavy, sorted(loaded & heavy)
    ours = {name for name in out.stdout.split() if name.startswith("recoverylog")}
    assert ours == {"recoverylog", "recoverylog.crisis", "recoverylog.errors"}
