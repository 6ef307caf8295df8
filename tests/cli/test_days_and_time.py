"""Entries land on the right local day: midnight, DST changes, the rollover hour, travel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import init_cli, run_cli


def _day_of_new_craving(data: Path, tz: str, at: str | None, now: str) -> str:
    args = ["craving", "4"] + (["--at", at] if at else [])
    result = run_cli(args, data, TZ=tz, RECOVERYLOG_NOW=now)
    assert result.returncode == 0, result.stderr
    log = run_cli(
        ["log", "--json", "-n", "1", "--kind", "craving"], data, TZ=tz, RECOVERYLOG_NOW=now
    )
    entries = json.loads(log.stdout)
    day = entries[0]["date"]
    delete = run_cli(
        ["delete", "craving", entries[0]["id"], "--yes"], data, TZ=tz, RECOVERYLOG_NOW=now
    )
    assert delete.returncode == 0
    return str(day)


CASES = [
    # (zone, --at, now, rollover 0 day, rollover 4 day)
    ("Europe/London", "2024-03-31 00:30", "2024-03-31T12:00:00+01:00", "2024-03-31", "2024-03-30"),
    ("Europe/London", "2024-03-31 03:00", "2024-03-31T12:00:00+01:00", "2024-03-31", "2024-03-30"),
    ("Europe/London", "2024-10-27 01:30", "2024-10-27T12:00:00+00:00", "2024-10-27", "2024-10-26"),
    (
        "America/New_York",
        "2024-03-10 01:59",
        "2024-03-10T12:00:00-04:00",
        "2024-03-10",
        "2024-03-09",
    ),
    (
        "America/New_York",
        "2024-03-10 03:00",
        "2024-03-10T12:00:00-04:00",
        "2024-03-10",
        "2024-03-09",
    ),
    (
        "America/New_York",
        "2024-11-03 01:30",
        "2024-11-03T12:00:00-05:00",
        "2024-11-03",
        "2024-11-02",
    ),
    (
        "America/New_York",
        "2024-11-03 04:00",
        "2024-11-03T12:00:00-05:00",
        "2024-11-03",
        "2024-11-03",
    ),
    (
        "America/New_York",
        "2024-02-29 23:59",
        "2024-03-01T12:00:00-05:00",
        "2024-02-29",
        "2024-02-29",
    ),
    # No --at: "now" itself is just after midnight.
    ("Europe/London", None, "2024-03-31T00:30:00+00:00", "2024-03-31", "2024-03-30"),
    ("America/New_York", None, "2024-03-01T00:30:00-05:00", "2024-03-01", "2024-02-29"),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("days") / "j"
    init_cli(path)
    return path


@pytest.mark.parametrize(("zone", "at", "now", "day0", "day4"), CASES)
def test_entry_day_with_and_without_rollover(
    data: Path, zone: str, at: str | None, now: str, day0: str, day4: str
) -> None:
    (data / "config.toml").unlink(missing_ok=True)
    assert _day_of_new_craving(data, zone, at, now) == day0
    (data / "config.toml").write_text("rollover_hour = 4\n")
    try:
        assert _day_of_new_craving(data, zone, at, now) == day4
    finally:
        (data / "config.toml").unlink()


def test_travel_does_not_rewrite_history(data: Path) -> None:
    now = "2024-05-01T23:30:00+01:00"
    assert (
        run_cli(
            ["craving", "3", "--note", "travel"], data, TZ="Europe/London", RECOVERYLOG_NOW=now
        ).returncode
        == 0
    )
    for zone in ("Europe/London", "Asia/Tokyo", "America/Los_Angeles"):
        out = run_cli(
            ["log", "--json", "--kind", "craving"],
            data,
            TZ=zone,
            RECOVERYLOG_NOW="2024-05-03T12:00:00+00:00",
        )
        (entry,) = [e for e in json.loads(out.stdout) if e["note"] == "travel"]
        assert entry["date"] == "2024-05-01"
