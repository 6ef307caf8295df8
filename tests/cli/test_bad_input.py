"""Every command refuses bad input with exit 1, a message naming the field, and no change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import invoke

NOW = "2024-06-15T10:00:00+01:00"
LONG = "x" * 100_001

BAD: list[tuple[list[str], str]] = [
    (["track", "add", "Sugar", "--since", "2030-01-01"], "since must not be in the future"),
    (["track", "add", "Sugar", "--since", "last tuesday"], "--since must be a date"),
    (["track", "add", "Sugar", "--cost-per-day", "-3"], "--cost-per-day must be 0-1e+06"),
    (["track", "add", "Sugar", "--hours-per-day", "25"], "--hours-per-day must be 0-24"),
    (["track", "add", "alcohol"], "already a track called 'Alcohol'"),
    (["track", "add", LONG], "name must be at most 60 characters"),
    (["track", "archive", "Nope"], "no track called 'Nope'"),
    (["slip", "Alcohol", "--on", "2023-12-31"], "on is before 'Alcohol' started"),
    (["slip", "Alcohol", "--on", "2030-01-01"], "on must not be in the future"),
    (["slip", "Alcohol", "--kind", "relapse"], "kind must be one of lapse, return-to-use"),
    (["slip", "Nope"], "no track called 'Nope'"),
    (["slip", "Alcohol", "--note", LONG], "note must be at most 100,000 characters"),
    (["slip", "Alcohol", "--time", "25:00"], "time must be a time like 21:30"),
    (["checkin", "--mood", "11"], "--mood must be 1-10 (got 11)"),
    (["checkin", "--mood", "0"], "--mood must be 1-10 (got 0)"),
    (["checkin", "--mood", "great"], "--mood must be a whole number 1-10"),
    (["checkin", "--craving", "-1"], "--craving must be 0-10"),
    (["checkin", "--halt", "h,x"], "--halt must be among h,a,l,t"),
    (["checkin", "--sleep", "30"], "--sleep must be 0-24"),
    (["checkin", "--meeting", "book-club"], "--meeting must be one of AA, NA, SMART, SOS, other"),
    (["checkin", "--meeting", "aa:phone"], "--meeting mode must be in-person or online"),
    (["checkin", "--date", "2030-01-01", "--mood", "5"], "date must not be in the future"),
    (["checkin", "--medication"], "medication tracking is off"),
    (["checkin", "--note", LONG], "note must be at most 100,000 characters"),
    (["checkin", "--gratitude", LONG], "gratitude must be at most 100,000 characters"),
    (["craving", "11"], "INTENSITY must be 0-10 (got 11)"),
    (["craving", "strong"], "INTENSITY must be a whole number 0-10"),
    (["craving", "5", "--trigger", "weather"], "--trigger must be among hungry"),
    (["craving", "5", "--after", "12"], "--after must be 0-10"),
    (["craving", "5", "--outcome", "won"], "outcome must be one of passed, used, ongoing"),
    (["craving", "5", "--duration", "99999"], "--duration must be 0-1440"),
    (["craving", "5", "--at", "2030-01-01 10:00"], "date must not be in the future"),
    (["craving", "5", "--at", "teatime"], "--at must be a time like 21:30"),
    (["craving", "5", "--track", "Nope"], "no track called 'Nope'"),
    (["craving", "5", "--note", LONG], "note must be at most 100,000 characters"),
    (["cope", "walk", "--helped", "11"], "--helped must be 0-10"),
    (["cope", "walk", "--craving", "deadbeef"], "no craving with id 'deadbeef'"),
    (["cope", LONG], "skill must be at most 200 characters"),
    (["log", "--kind", "dream"], "--kind must be one of checkin"),
    (["log", "-n", "0"], "-n must be 1-1000000"),
    (["log", "--from", "2024-06-10", "--to", "2024-06-01"], "--from must be on or before --to"),
    (
        ["edit", "checkin", "00000000-0000-4000-8000-000000000000", "--mood", "5"],
        "no checkin with id",
    ),
    (["edit", "dream", "abc", "--mood", "5"], "KIND must be one of"),
    (["delete", "craving", "nope", "--yes"], "no craving with id 'nope'"),
    (["settings", "set", "colour", "red"], "KEY must be one of"),
    (["settings", "set", "rollover-hour", "9"], "rollover-hour must be 0-6"),
    (["settings", "set", "medication-tracking", "maybe"], "must be on or off"),
    (["surf", "--minutes", "0"], "--minutes must be 1-60"),
]


@pytest.fixture
def seeded(cli_journal: Path) -> Path:
    for args in (["track", "add", "Alcohol", "--since", "2024-01-01"], ["checkin", "--mood", "5"]):
        assert invoke(args, cli_journal, RECOVERYLOG_NOW=NOW).exit_code == 0
    return cli_journal


def _export(data: Path, name: str) -> bytes:
    target = data.parent / name
    assert invoke(["export", str(target), "--force"], data, RECOVERYLOG_NOW=NOW).exit_code == 0
    return target.read_bytes()


def test_bad_inputs_exit_1_naming_the_field_and_change_nothing(seeded: Path) -> None:
    before = _export(seeded, "before.json")
    for args, message in BAD:
        result = invoke(args, seeded, RECOVERYLOG_NOW=NOW)
        assert result.exit_code == 1, (args[:4], result.output[-300:])
        assert message in result.output, (args[:4], result.output[-300:])
        assert "Traceback" not in result.output
    assert _export(seeded, "after.json") == before


def test_edit_refuses_fields_of_another_kind_and_a_second_checkin_day(seeded: Path) -> None:
    import json

    result = invoke(["log", "--json"], seeded, RECOVERYLOG_NOW=NOW)
    (checkin,) = json.loads(result.stdout)
    bad = invoke(
        ["edit", "checkin", checkin["id"], "--intensity", "3"], seeded, RECOVERYLOG_NOW=NOW
    )
    assert bad.exit_code == 1 and "intensity does not apply to a checkin" in bad.output
    assert (
        invoke(
            ["checkin", "--date", "2024-06-01", "--mood", "3"], seeded, RECOVERYLOG_NOW=NOW
        ).exit_code
        == 0
    )
    clash = invoke(
        ["edit", "checkin", checkin["id"], "--date", "2024-06-01"], seeded, RECOVERYLOG_NOW=NOW
    )
    assert clash.exit_code == 1 and "already a check-in on 2024-06-01" in clash.output
    nothing = invoke(["edit", "checkin", checkin["id"]], seeded, RECOVERYLOG_NOW=NOW)
    assert nothing.exit_code == 2 and "nothing to change" in nothing.output
