"""The skills library through the CLI: list, search, favourites, personal skills, packs,
suggestions and effectiveness from the person's own data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import invoke

NOW = "2024-06-15T20:00:00+01:00"


def _ok(args: list[str], data: Path, stdin: str = "") -> str:
    result = invoke(args, data, stdin=stdin, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def _json(args: list[str], data: Path) -> object:
    return json.loads(_ok([*args, "--json"], data))


def test_list_show_and_search(cli_journal: Path) -> None:
    d = cli_journal
    skills = _json(["skills", "list"], d)
    assert isinstance(skills, list) and len(skills) >= 60
    assert set(skills[0]) >= {
        "id",
        "name",
        "category",
        "tradition",
        "summary",
        "steps",
        "triggers",
        "minutes",
        "source",
        "personal",
        "favourite",
    }
    dbt = _json(["skills", "list", "--tradition", "dbt"], d)
    assert dbt and all(s["tradition"] == "DBT" for s in dbt)
    tipp = _json(["skills", "show", "dbt-tipp"], d)
    assert (
        tipp["caution"]
        and "doctor" in tipp["caution"].lower()
        or "heart" in tipp["caution"].lower()
    )
    by_name = _json(["skills", "search", "urge", "surf"], d)
    assert by_name[0]["id"] == "mbrp-urge-surfing"
    typo = _json(["skills", "search", "urge", "surfng"], d)
    assert "mbrp-urge-surfing" in [s["id"] for s in typo[:3]]
    lonely = _json(["skills", "search", "lonely"], d)
    assert lonely and all(
        "lonely" in s["triggers"] or "any" in s["triggers"] or "lonely" in json.dumps(s).lower()
        for s in lonely[:5]
    )
    missing = invoke(["skills", "show", "no-such-skill"], d, RECOVERYLOG_NOW=NOW)
    assert missing.exit_code == 1 and "no skill" in missing.output
    bad = invoke(["skills", "list", "--tradition", "astrology"], d, RECOVERYLOG_NOW=NOW)
    assert bad.exit_code == 1 and "--tradition must be one of" in bad.output


def test_favourites_and_personal_skills(cli_journal: Path) -> None:
    d = cli_journal
    _ok(["skills", "favourite", "dbt-tipp"], d)
    assert [s["id"] for s in _json(["skills", "list", "--favourites"], d)] == ["dbt-tipp"]
    _ok(["skills", "favourite", "dbt-tipp", "--off"], d)
    assert _json(["skills", "list", "--favourites"], d) == []
    _ok(
        [
            "skills",
            "add",
            "--id",
            "evening-walk",
            "--name",
            "Evening walk [bold]",
            "--category",
            "body",
            "--summary",
            "Walk <b>round</b> the block.",
            "--step",
            "Shoes on",
            "--step",
            "Out the door",
            "--trigger",
            "boredom",
            "--minutes",
            "15",
        ],
        d,
    )
    mine = _json(["skills", "show", "evening-walk"], d)
    assert mine["personal"] is True and mine["name"] == "Evening walk [bold]"
    assert mine["summary"] == "Walk <b>round</b> the block." and mine["steps"] == [
        "Shoes on",
        "Out the door",
    ]
    again = invoke(
        [
            "skills",
            "add",
            "--id",
            "evening-walk",
            "--name",
            "x",
            "--category",
            "body",
            "--summary",
            "y",
            "--step",
            "z",
        ],
        d,
        RECOVERYLOG_NOW=NOW,
    )
    assert again.exit_code == 1 and "--replace" in again.output
    clash = invoke(
        [
            "skills",
            "add",
            "--id",
            "dbt-tipp",
            "--name",
            "x",
            "--category",
            "body",
            "--summary",
            "y",
            "--step",
            "z",
        ],
        d,
        RECOVERYLOG_NOW=NOW,
    )
    assert clash.exit_code == 1 and "built-in" in clash.output
    bad = invoke(
        [
            "skills",
            "add",
            "--id",
            "Bad Id!",
            "--name",
            "x",
            "--category",
            "body",
            "--summary",
            "y",
            "--step",
            "z",
        ],
        d,
        RECOVERYLOG_NOW=NOW,
    )
    assert bad.exit_code == 1 and "id" in bad.output


def test_pack_round_trip_skip_and_replace(cli_journal: Path, tmp_path: Path) -> None:
    d = cli_journal
    _ok(
        [
            "skills",
            "add",
            "--id",
            "call-a-friend",
            "--name",
            "Call a friend",
            "--category",
            "connection",
            "--summary",
            "Ring someone <script>x</script>",
            "--step",
            "Pick up the phone",
            "--trigger",
            "lonely",
        ],
        d,
    )
    pack = tmp_path / "pack.toml"
    _ok(["skills", "export", str(pack), "--name", "Tuesday group", "--author", "R."], d)
    assert pack.stat().st_mode & 0o777 == 0o600
    text = pack.read_text()
    assert "[pack]" in text and "[[skill]]" in text and "<script>x</script>" in text
    other = tmp_path / "other"
    from recoverylog.journal import Journal
    from recoverylog.paths import locate
    from tests.conftest import FLOOR, PASSPHRASE

    Journal.create(locate(other), PASSPHRASE, FLOOR)[0].close()
    out = _ok(["skills", "import", str(pack)], other)
    assert "added 1" in out
    assert _json(["skills", "show", "call-a-friend"], other) == _json(
        ["skills", "show", "call-a-friend"], d
    )
    again = _ok(["skills", "import", str(pack)], other)
    assert "added 0" in again and "Skipped call-a-friend" in again
    replaced = _ok(["skills", "import", str(pack), "--replace"], other)
    assert "replaced 1" in replaced


def test_bad_pack_imports_nothing(cli_journal: Path, tmp_path: Path) -> None:
    d = cli_journal
    pack = tmp_path / "bad.toml"
    pack.write_text(
        '[pack]\nname = "x"\nauthor = "y"\ndescription = "z"\nversion = "1"\n\n'
        '[[skill]]\nid = "good-one"\nname = "Good"\ncategory = "body"\ntradition = "general"\n'
        'summary = "fine"\nsteps = ["a"]\ntriggers = ["any"]\nintensity_min = 0\nintensity_max = 10\n'
        'minutes = 5\nsource = "me"\n\n'
        '[[skill]]\nid = "bad-one"\nname = "Bad"\ncategory = "body"\ntradition = "general"\n'
        'summary = "fine"\nsteps = ["a"]\ntriggers = ["any"]\nintensity_min = 0\nintensity_max = 10\n'
        'minutes = 0\nsource = "me"\n'
    )
    result = invoke(["skills", "import", str(pack)], d, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 1 and "minutes" in result.output
    ids = [s["id"] for s in _json(["skills", "list"], d)]
    assert "good-one" not in ids


@pytest.fixture
def used(cli_journal: Path) -> Path:
    d = cli_journal
    for at, intensity, trigger, skill, helped, after in (
        ("10:00", "8", "stress", "dbt-tipp", "9", "2"),
        ("11:00", "6", "stress", "twelve-call-sponsor", "5", "4"),
        ("12:00", "7", "lonely", "twelve-call-sponsor", "8", "3"),
    ):
        _ok(
            [
                "craving",
                intensity,
                "--trigger",
                trigger,
                "--after",
                after,
                "--outcome",
                "passed",
                "--at",
                at,
            ],
            d,
        )
        craving = json.loads(_ok(["log", "--json", "-n", "1", "--kind", "craving"], d))[0]["id"]
        _ok(["cope", skill, "--helped", helped, "--craving", craving], d)
    _ok(["cope", "a walk", "--helped", "6"], d)
    return d


def test_effectiveness_known_numbers(used: Path) -> None:
    effects = _json(["skills", "effectiveness"], used)
    rows = {e["skill_id"]: e for e in effects}
    assert [e["skill_id"] for e in effects] == ["dbt-tipp", "twelve-call-sponsor", "a walk"]
    assert (
        rows["dbt-tipp"]["uses"] == 1
        and rows["dbt-tipp"]["avg_helped"] == 9
        and rows["dbt-tipp"]["avg_drop"] == 6
    )
    assert (
        rows["twelve-call-sponsor"]["uses"] == 2
        and rows["twelve-call-sponsor"]["avg_helped"] == 6.5
    )
    assert rows["twelve-call-sponsor"]["avg_drop"] == 3
    assert rows["a walk"]["avg_drop"] is None
    stress = _json(["skills", "effectiveness", "--trigger", "stress"], used)
    assert [(e["skill_id"], e["avg_helped"]) for e in stress] == [
        ("dbt-tipp", 9),
        ("twelve-call-sponsor", 5),
    ]


def test_suggest_puts_own_data_first(used: Path) -> None:
    stress = _json(["skills", "suggest", "--trigger", "stress", "--intensity", "7"], used)
    assert [s["id"] for s in stress[:2]] == ["dbt-tipp", "twelve-call-sponsor"]
    lonely = _json(["skills", "suggest", "--trigger", "lonely"], used)
    assert lonely[0]["id"] == "twelve-call-sponsor"
    fresh = _json(["skills", "suggest", "--trigger", "boredom", "-n", "3"], used)
    assert len(fresh) == 3


def test_craving_skills_must_be_skills(cli_journal: Path) -> None:
    """``--skill urge-surfing`` would count as a skill of its own: refused, with a suggestion."""
    d = cli_journal
    result = invoke(["craving", "5", "--skill", "urge-surfing"], d)
    assert result.exit_code == 1
    assert "--skill there is no skill 'urge-surfing'" in result.output
    assert "mbrp-urge-surfing" in result.output
    _ok(["craving", "5", "--skill", "MBRP-Urge-Surfing"], d)
    (entry,) = json.loads(_ok(["log", "--json", "--kind", "craving"], d))
    assert entry["skills"] == ["mbrp-urge-surfing"]
