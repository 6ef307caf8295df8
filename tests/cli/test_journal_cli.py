"""The recovery journal through the CLI: known numbers, one-line status, text shown as typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import invoke, run_cli

NOW = "2024-06-15T10:00:00+01:00"


def _ok(args: list[str], data: Path, **env: str) -> str:
    result = invoke(args, data, RECOVERYLOG_NOW=env.pop("now", NOW), **env)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def test_status_json_known_scenario(cli_journal: Path) -> None:
    d = cli_journal
    _ok(["track", "add", "Alcohol", "--since", "2024-01-31", "--cost-per-day", "10"], d)
    _ok(["slip", "alcohol", "--on", "2024-05-10", "--kind", "return-to-use"], d)
    _ok(["slip", "Alcohol", "--on", "2024-03-01"], d)  # back-dated after a later one
    _ok(["slip", "Alcohol", "--on", "2024-03-01"], d)  # the same day twice counts once
    _ok(["checkin", "--date", "2024-06-13", "--mood", "6"], d)
    _ok(["checkin", "--date", "yesterday", "--mood", "7"], d)
    doc = json.loads(_ok(["status", "--json"], d))
    assert doc["today"] == "2024-06-15" and doc["checkin_streak"] == 2
    (track,) = doc["tracks"]
    assert track == {
        "name": "Alcohol",
        "started_on": "2024-01-31",
        "current_days": 35,
        "longest_days": 69,
        "total_sober_days": 134,
        "sober_rate_30": 1.0,
        "sober_rate_90": round(89 / 90, 4),
        "slips": 2,
        "lapses": 2,
        "returns_to_use": 1,
        "next_milestone": {"label": "60 days", "date": "2024-07-10", "days_left": 25},
        "money_saved": 350.0,
        "hours_saved": None,
    }


def test_status_short_is_one_line_and_silent_without_passphrase(cli_journal: Path) -> None:
    d = cli_journal
    _ok(["track", "add", "Alcohol", "--since", "2024-01-01"], d)
    _ok(["checkin", "--mood", "5"], d)
    out = _ok(["status", "--short"], d)
    assert out == "Alcohol 166d · check-ins 1d\n"
    quiet = invoke(["status", "--short"], d, None, RECOVERYLOG_NOW=NOW)
    assert quiet.exit_code == 0 and quiet.stdout == ""
    nothing = invoke(["status", "--short"], d.parent / "none", RECOVERYLOG_NOW=NOW)
    assert nothing.exit_code == 0 and nothing.stdout == ""


def test_checkin_twice_edits_and_log_shows_text_as_typed(cli_journal: Path) -> None:
    d = cli_journal
    tricky = "[bold]x[/] and [/] <script>alert(1)</script> \x1b[31mred\x1b[0m 💙 **not md**"
    _ok(["checkin", "--mood", "6", "--note", tricky], d)
    _ok(["checkin", "--craving", "4"], d)
    entries = json.loads(_ok(["log", "--json"], d))
    assert len(entries) == 1
    assert entries[0]["mood"] == 6 and entries[0]["craving"] == 4 and entries[0]["note"] == tricky
    assert set(entries[0]) >= {"id", "kind", "date"}
    human = _ok(["log"], d)
    assert (
        "[bold]x[/] and [/] <script>alert(1)</script> \\x1b[31mred\\x1b[0m 💙 **not md**" in human
    )
    assert "\x1b" not in human


def test_real_subprocess_log_keeps_markup(cli_journal: Path) -> None:
    d = cli_journal
    note = "[link=https://example.com]click[/link] 🌱"
    result = run_cli(
        ["craving", "6", "--note", note, "--trigger", "lonely"], d, RECOVERYLOG_NOW=NOW
    )
    assert result.returncode == 0, result.stderr
    out = run_cli(["log"], d, RECOVERYLOG_NOW=NOW)
    assert note in out.stdout and "lonely" in out.stdout


def test_log_filters_and_limits(cli_journal: Path) -> None:
    d = cli_journal
    for day in ("2024-06-01", "2024-06-05", "2024-06-10"):
        _ok(["checkin", "--date", day, "--mood", "5"], d)
        _ok(["cope", "walk", "--at", f"{day} 12:00", "--helped", "6"], d)
    assert len(json.loads(_ok(["log", "--json", "-n", "2"], d))) == 2
    cope_only = json.loads(_ok(["log", "--json", "--kind", "coping"], d))
    assert [e["kind"] for e in cope_only] == ["coping"] * 3
    ranged = json.loads(_ok(["log", "--json", "--from", "2024-06-04", "--to", "2024-06-06"], d))
    assert {e["date"] for e in ranged} == {"2024-06-05"} and len(ranged) == 2
    newest = json.loads(_ok(["log", "--json"], d))
    assert [e["date"] for e in newest] == sorted((e["date"] for e in newest), reverse=True)


def test_edit_and_delete(cli_journal: Path) -> None:
    d = cli_journal
    _ok(["craving", "7", "--trigger", "stress"], d)
    (entry,) = json.loads(_ok(["log", "--json"], d))
    _ok(["edit", "craving", entry["id"][:8], "--after", "2", "--outcome", "passed"], d)
    (edited,) = json.loads(_ok(["log", "--json"], d))
    assert edited["intensity_after"] == 2 and edited["outcome"] == "passed"
    assert edited["intensity"] == 7
    refused = invoke(["delete", "craving", entry["id"]], d, RECOVERYLOG_NOW=NOW)
    assert refused.exit_code == 2 and "--yes" in refused.output
    _ok(["delete", "craving", entry["id"], "--yes"], d)
    assert json.loads(_ok(["log", "--json"], d)) == []
    missing = invoke(["delete", "craving", entry["id"], "--yes"], d, RECOVERYLOG_NOW=NOW)
    assert missing.exit_code == 1 and "no craving with id" in missing.output


def test_reflection_from_stdin_and_surf_from_piped_ratings(cli_journal: Path) -> None:
    d = cli_journal
    body = "# Today\n\nI *noticed* the urge and let it pass.\n"
    result = invoke(
        ["reflect", "--title", "Evening", "--tag", "gratitude"], d, stdin=body, RECOVERYLOG_NOW=NOW
    )
    assert result.exit_code == 0, result.output
    result = invoke(["surf", "--minutes", "3"], d, stdin="8\n6\n5\n3\n", RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 0, result.output
    entries = json.loads(_ok(["log", "--json", "--kind", "reflection", "--kind", "craving"], d))
    kinds = {e["kind"]: e for e in entries}
    assert kinds["reflection"]["body"] == body and kinds["reflection"]["tags"] == ["gratitude"]
    assert kinds["craving"]["intensity"] == 8 and kinds["craving"]["intensity_after"] == 3
    assert kinds["craving"]["outcome"] == "passed" and kinds["craving"]["duration_minutes"] == 3
    export = d.parent / "e.json"
    _ok(["export", str(export)], d)
    surf = json.loads(export.read_text())["surf_sessions"]
    assert surf[0]["samples"] == [[0, 8], [1, 6], [2, 5], [3, 3]]
    assert surf[0]["craving_id"] == kinds["craving"]["id"]


class _Terminal:
    """Standard input that says it is a terminal, so ``reflect`` opens the editor."""

    def isatty(self) -> bool:
        return True

    def read(self) -> str:
        raise AssertionError("read from a terminal")


def test_reflect_checks_everything_before_the_editor_opens(
    cli_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    from recoverylog.cli import editor, entries_cmds

    opened: list[str] = []

    def fake_editor(initial: str) -> str:
        opened.append(initial)
        return "Words I would hate to lose.\n"

    monkeypatch.setattr(editor, "edit_text", fake_editor)
    monkeypatch.setattr(entries_cmds, "sys", types.SimpleNamespace(stdin=_Terminal()))
    d = cli_journal
    assert invoke(["reflect"], d, passphrase="not the passphrase").exit_code == 3
    bad_at = invoke(["reflect", "--at", "99:99"], d)
    assert bad_at.exit_code == 1 and "--at" in bad_at.output
    long_title = invoke(["reflect", "--title", "x" * 100_001], d)
    assert long_title.exit_code == 1 and "title" in long_title.output
    assert opened == []  # the editor never opened for a command that could not save
    result = invoke(["reflect", "--title", "Evening"], d, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 0, result.output
    assert opened == [""]
    entries = json.loads(_ok(["log", "--json", "--kind", "reflection"], d))
    assert [e["body"] for e in entries] == ["Words I would hate to lose.\n"]


def test_editor_gets_no_passphrase_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recoverylog.cli.editor import edit_text

    seen = tmp_path / "seen"
    script = tmp_path / "editor.sh"
    script.write_text(
        "#!/bin/sh\n"
        f'env > "{seen}"\n'
        'printf "canary-body" > "$1"\n'
        'printf "canary-swap" > "$1.swp"\n'
        f'dirname "$1" >> "{seen}.dir"\n'
    )
    script.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.setenv("RECOVERYLOG_PASSPHRASE", "secret-passphrase-canary")
    assert edit_text("") == "canary-body"
    assert "secret-passphrase-canary" not in seen.read_text()
    folder = Path(Path(f"{seen}.dir").read_text().strip())
    assert not folder.exists()


def test_a_reader_that_stops_early_is_not_an_error(cli_journal: Path) -> None:
    """``recoverylog log | head -1``: the pipe closes before the output is written."""
    import subprocess
    import sys

    from tests.conftest import cli_env

    _ok(["checkin", "--mood", "6", "--note", "one"], cli_journal)
    proc = subprocess.Popen(
        [sys.executable, "-m", "recoverylog", "log"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(cli_journal),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the journal is even unlocked
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert err == ""


def test_track_list_and_settings_show_as_json(cli_journal: Path) -> None:
    d = cli_journal
    _ok(["track", "add", "Alcohol", "--since", "2024-01-01", "--cost-per-day", "12.5"], d)
    tracks = json.loads(_ok(["track", "list", "--json"], d))
    assert [(t["name"], t["started_on"], t["cost_per_day"]) for t in tracks] == [
        ("Alcohol", "2024-01-01", 12.5)
    ]
    assert tracks[0]["archived"] is False and tracks[0]["id"]
    _ok(["settings", "set", "currency", "€"], d)
    settings = json.loads(_ok(["settings", "show", "--json"], d))
    assert settings["currency"] == "€" and settings["auto_lock_minutes"] == 10
    assert set(settings) == {
        "theme",
        "region",
        "auto_lock_minutes",
        "rollover_hour",
        "currency",
        "medication_tracking",
        "alias",
    }
