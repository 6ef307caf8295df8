"""Export/import round trips, refusal of bad files, and backup/restore."""

from __future__ import annotations

import json
from pathlib import Path

from recoverylog.journal import Journal
from recoverylog.paths import locate
from tests.conftest import FLOOR, OTHER_PASSPHRASE, PASSPHRASE, init_cli, run_cli
from tests.helpers import fill


def _filled(data: Path) -> None:
    init_cli(data)
    with Journal.open(locate(data), PASSPHRASE) as journal:
        fill(journal, note="first [bold]not bold[/] <script>x</script> 💙")
        fill(journal, note="second")


def test_export_import_export_is_identical_and_idempotent(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _filled(a)
    assert run_cli(["export", str(tmp_path / "1.json")], a).returncode == 0
    init_cli(b)
    result = run_cli(["import", str(tmp_path / "1.json")], b)
    assert result.returncode == 0, result.stderr
    assert "Imported 15 entries" in result.stdout
    assert run_cli(["export", str(tmp_path / "2.json")], b).returncode == 0
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()
    again = run_cli(["import", str(tmp_path / "1.json")], b)
    assert again.returncode == 0 and "Imported 0 entries" in again.stdout
    assert "15 were already in the journal" in again.stdout
    assert run_cli(["export", str(tmp_path / "3.json")], b).returncode == 0
    assert (tmp_path / "3.json").read_bytes() == (tmp_path / "1.json").read_bytes()
    doc = json.loads((tmp_path / "1.json").read_text())
    assert doc["format"] == "recoverylog-export" and doc["version"] == 1
    assert (
        "first [bold]not bold[/] <script>x</script> 💙"
        in doc["checkins"][0]["note"] + doc["checkins"][1]["note"]
    )


def test_bad_exports_are_refused_whole(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _filled(a)
    assert run_cli(["export", str(tmp_path / "good.json")], a).returncode == 0
    init_cli(b)
    good = json.loads((tmp_path / "good.json").read_text())
    cases: dict[str, object] = {
        "not-json": "{not json",
        "wrong-version": {**good, "version": 2},
        "wrong-format": {**good, "format": "jrnl"},
        "bad-mood": {
            **good,
            "checkins": [{**good["checkins"][0], "mood": 11}, good["checkins"][1]],
        },
        "unknown-field": {**good, "tracks": [{**good["tracks"][0], "colour": "red"}]},
        "orphan-slip": {**good, "tracks": []},
        "nested": "[" * 100_000 + "]" * 100_000,
    }
    for name, content in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(content if isinstance(content, str) else json.dumps(content))
        result = run_cli(["import", str(path)], b)
        assert result.returncode == 1, (name, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.strip(), name
    assert run_cli(["export", str(tmp_path / "after.json")], b).returncode == 0
    after = json.loads((tmp_path / "after.json").read_text())
    assert all(after[k] in ([], None) for k in after if k not in ("format", "version"))
    assert (
        "mood must be 1-10 (got 11)"
        in run_cli(["import", str(tmp_path / "bad-mood.json")], b).stderr
    )


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    a = tmp_path / "a"
    init_cli(a)
    target = tmp_path / "e.json"
    target.write_text("keep me")
    result = run_cli(["export", str(target)], a)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert target.read_text() == "keep me"
    assert run_cli(["export", str(target), "--force"], a).returncode == 0
    assert json.loads(target.read_text())["format"] == "recoverylog-export"


def test_backup_restore_gives_the_same_export(tmp_path: Path) -> None:
    a, r = tmp_path / "a", tmp_path / "restored"
    _filled(a)
    assert run_cli(["backup", str(tmp_path / "b.db")], a).returncode == 0
    assert b"not bold" not in (tmp_path / "b.db").read_bytes()
    result = run_cli(["restore", str(tmp_path / "b.db")], r)
    assert result.returncode == 0, result.stderr
    assert run_cli(["export", str(tmp_path / "1.json")], a).returncode == 0
    assert run_cli(["export", str(tmp_path / "2.json")], r).returncode == 0
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()


def test_restore_needs_that_journals_passphrase_and_force(tmp_path: Path) -> None:
    a, other = tmp_path / "a", tmp_path / "other"
    _filled(a)
    assert run_cli(["backup", str(tmp_path / "b.db")], a).returncode == 0
    Journal.create(locate(other), OTHER_PASSPHRASE, FLOOR)[0].close()
    result = run_cli(["restore", str(tmp_path / "b.db")], other, OTHER_PASSPHRASE)
    assert result.returncode == 3, result.stderr
    result = run_cli(["restore", str(tmp_path / "b.db")], other, PASSPHRASE)
    assert result.returncode == 1 and "--force" in result.stderr
    result = run_cli(["restore", str(tmp_path / "b.db"), "--force"], other, PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert list((other / "backups").glob("before-restore-*.db"))
    assert run_cli(["export", str(tmp_path / "x.json")], other, PASSPHRASE).returncode == 0
    not_backup = tmp_path / "nope.db"
    not_backup.write_bytes(b"hello" * 100)
    result = run_cli(["restore", str(not_backup)], tmp_path / "z")
    assert result.returncode == 4 and "Traceback" not in result.stderr


def test_rotating_daily_backups_keep_seven_and_restore_lists_them(tmp_path: Path) -> None:
    from datetime import date, timedelta

    from recoverylog.backups import keep_daily_backup

    a = tmp_path / "a"
    init_cli(a)
    with Journal.open(locate(a), PASSPHRASE) as journal:
        for offset in range(10):
            keep_daily_backup(journal, date(2026, 11, 1) + timedelta(days=offset))
        assert keep_daily_backup(journal, date(2026, 11, 10)) is None  # one a day
    daily = sorted(p.name for p in (a / "backups").glob("daily-*.db"))
    assert daily == [f"daily-2026-11-{d:02d}.db" for d in range(4, 11)]
    assert all((a / "backups" / name).stat().st_mode & 0o777 == 0o600 for name in daily)
    listing = run_cli(["restore"], a)
    assert listing.returncode == 0 and "daily-2026-11-10.db" in listing.stdout
    restored = run_cli(
        ["restore", "daily-2026-11-09.db"], tmp_path / "r", RECOVERYLOG_DATA_DIR=str(tmp_path / "r")
    )
    assert restored.returncode == 1  # that name is not in r's backups folder
    ok = run_cli(["restore", str(a / "backups" / "daily-2026-11-09.db")], tmp_path / "r")
    assert ok.returncode == 0, ok.stderr


def test_a_write_leaves_todays_backup(tmp_path: Path) -> None:
    a = tmp_path / "a"
    init_cli(a)
    assert not (a / "backups").exists()
    result = run_cli(["checkin", "--mood", "6"], a, RECOVERYLOG_NOW="2026-11-25T10:00:00+00:00")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (a / "backups").iterdir()] == ["daily-2026-11-25.db"]
    assert b"mood" not in (a / "backups" / "daily-2026-11-25.db").read_bytes()


def test_import_keeps_the_rules_that_tie_entries_together(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _filled(a)
    assert run_cli(["export", str(tmp_path / "good.json")], a).returncode == 0
    good = json.loads((tmp_path / "good.json").read_text())
    track, checkin = good["tracks"][0], good["checkins"][0]
    slip_of_track = next(s for s in good["slips"] if s["track_id"] == track["id"])
    init_cli(b)
    cases: dict[str, tuple[dict[str, object], str]] = {
        "slip-before-start": (
            {
                **good,
                "slips": [
                    {**slip_of_track, "date": "2020-01-01"},
                    *[s for s in good["slips"] if s is not slip_of_track],
                ],
            },
            f"is before {track['name']!r} started (2024-01-31)",
        ),
        "future-checkin": (
            {**good, "checkins": [{**checkin, "date": "2099-01-01"}, *good["checkins"][1:]]},
            "is in the future (2099-01-01)",
        ),
        "two-checkins-one-day": (
            {**good, "checkins": [checkin, {**good["checkins"][1], "date": checkin["date"]}]},
            f"has a second check-in for {checkin['date']}",
        ),
        "same-track-name": (
            {**good, "tracks": [track, {**good["tracks"][1], "name": track["name"].upper()}]},
            f"there is already a track called {track['name'].upper()!r}",
        ),
    }
    for name, (doc, message) in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc))
        result = run_cli(["import", str(path)], b)
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        assert message in result.stderr, (name, result.stderr)
    assert run_cli(["export", str(tmp_path / "empty.json")], b).returncode == 0
    empty = json.loads((tmp_path / "empty.json").read_text())
    assert all(empty[k] in ([], None) for k in empty if k not in ("format", "version"))

    # A journal with its own check-in on a day the export has one for.
    c = tmp_path / "c"
    init_cli(c)
    same_day = run_cli(["checkin", "--date", checkin["date"], "--mood", "5"], c)
    assert same_day.returncode == 0, same_day.stderr
    result = run_cli(["import", str(tmp_path / "good.json")], c)
    assert result.returncode == 0, result.stderr
    assert "1 check-ins are for days that already have one" in result.stdout
    days = [
        e["date"]
        for e in json.loads(run_cli(["log", "--json", "--kind", "checkin", "-n", "50"], c).stdout)
    ]
    assert sorted(days) == sorted(set(days)) and checkin["date"] in days
    status = run_cli(["status", "--json"], c)
    assert status.returncode == 0, status.stderr
    dup = run_cli(["track", "add", track["name"], "--since", "2024-02-01"], c)
    assert dup.returncode == 1 and "already a track" in dup.stderr
    d = tmp_path / "d"  # a journal with its own track of an exported track's name
    init_cli(d)
    assert (
        run_cli(["track", "add", track["name"].lower(), "--since", "2024-01-01"], d).returncode == 0
    )
    refused = run_cli(["import", str(tmp_path / "good.json")], d)
    assert refused.returncode == 1 and "already a track called" in refused.stderr


def test_an_archived_track_may_share_a_name_in_an_import(tmp_path: Path) -> None:
    """add_track allows a new "alcohol" beside an archived "Alcohol"; import allows it too."""
    a, b = tmp_path / "a", tmp_path / "b"
    init_cli(a)
    assert run_cli(["track", "add", "Alcohol", "--since", "2024-01-01"], a).returncode == 0
    assert run_cli(["track", "archive", "Alcohol"], a).returncode == 0
    assert run_cli(["track", "add", "alcohol", "--since", "2024-06-01"], a).returncode == 0
    assert run_cli(["export", str(tmp_path / "a.json")], a).returncode == 0
    init_cli(b)
    result = run_cli(["import", str(tmp_path / "a.json")], b)
    assert result.returncode == 0, result.stderr
    assert "Imported 2 entries" in result.stdout
