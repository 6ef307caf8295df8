"""Fuzzing the command line: random arguments and random files never produce a traceback.

Hypothesis drives the real Typer app in-process with random choices of real commands and
options (and some that do not exist) with random values, and feeds random or mutated bytes
to ``import``, ``skills import`` and ``restore``. Every run must end with a documented exit
code (0-4), no traceback, and no "something unexpected went wrong" (the last-resort message
of the error boundary, which means an exception nobody handled). A refused file changes
nothing.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoverylog.journal import Journal
from recoverylog.paths import locate
from tests.conftest import FLOOR, PASSPHRASE, invoke
from tests.helpers import fill

NOW = "2024-04-01T12:00:00+01:00"
FUZZ = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HAVE_SKILLS = importlib.util.find_spec("recoverylog.skills.library") is not None
HAVE_PACKS = importlib.util.find_spec("recoverylog.skills.packs") is not None


#: Known bugs, each pinned by a strict xfail test below; remove the entry with the fix.
KNOWN_BUGS: tuple[str, ...] = ()


def _check(result: Any, args: list[str]) -> None:
    """The contract of every run, whatever went in."""
    shown = repr(args)[:400]
    if any(known in result.output for known in KNOWN_BUGS):
        return
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{shown}: {result.exception!r}") from result.exception
    assert result.exit_code in (0, 1, 2, 3, 4), (shown, result.exit_code, result.output[-500:])
    assert "Traceback" not in result.output, (shown, result.output[-2000:])
    assert "something unexpected went wrong" not in result.output, (shown, result.output[-500:])


# -- values -------------------------------------------------------------------------------

TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "-",
            "--",
            "\x1b[31mred\x1b[0m",
            "[bold]x[/bold]",
            "💙 ok",
            "a\nb",
            "\x00",
            "x" * 100_001,
            "%s%n",
            "../../etc/passwd",
            "'; DROP TABLE checkin; --",
        ]
    ),
)
NUMBER = st.one_of(
    st.integers(-3, 14).map(str),
    st.sampled_from(
        ["", " 5 ", "5.5", "1e3", "NaN", "inf", "-inf", "0x10", "٣", "99999999999999999999", "-0"]
    ),
    st.text(max_size=6),
)
DECIMAL = st.one_of(
    st.sampled_from(
        ["7.5", "1,5", "0", "-1", "1e999", "NaN", "sNaN", "Infinity", "24.0001", "1e-9"]
    ),
    NUMBER,
)
DAY = st.one_of(
    st.sampled_from(
        [
            "today",
            "yesterday",
            "-3",
            "-0",
            "-99999",
            "-999999999",
            "2024-02-29",
            "2023-02-29",
            "2024-01-01",
            "2024-04-02",
            "0001-01-01",
            "9999-12-31",
            "20240101",
            "2024-W01-1",
        ]
    ),
    st.dates().map(str),
    st.text(max_size=12),
)
MOMENT = st.one_of(
    st.sampled_from(
        [
            "21:30",
            "00:00",
            "24:00",
            "9:5",
            "2024-03-01 21:30",
            "2024-03-01T21:30:00+14:00",
            "2024-03-01T21:30:00-12:00",
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-23:59",
            "2024-04-01T23:59",
        ]
    ),
    st.datetimes().map(lambda d: d.isoformat()),
    st.text(max_size=16),
)
HALT = st.one_of(st.sampled_from(["h", "h,a,l,t", "hungry", "x", ",", "h,,t"]), st.text(max_size=8))
TRIGGER = st.one_of(
    st.sampled_from(["stress", "h", "boredom,lonely", "social pressure", "weather", "any"]),
    st.text(max_size=10),
)
MEETING = st.one_of(
    st.sampled_from(["AA", "smart:online", "NA-in-person", "sos/online", "other:moon", "xx"]),
    st.text(max_size=10),
)
KIND = st.one_of(
    st.sampled_from(
        ["checkin", "craving", "coping", "reflection", "slip", "surf", "track", "skill", "x"]
    ),
    st.text(max_size=8),
)
SKILL_ID = st.one_of(
    st.sampled_from(["mbrp-urge-surfing", "body-box-breathing", "nope", "MY-SKILL", ""]),
    st.text(max_size=20),
)
OUTCOME = st.one_of(st.sampled_from(["passed", "used", "ongoing", "PASSED", "won"]), TEXT)
SETTING_KEY = st.one_of(
    st.sampled_from(
        [
            "currency",
            "alias",
            "medication-tracking",
            "theme",
            "region",
            "auto-lock",
            "rollover-hour",
            "colour",
        ]
    ),
    st.text(max_size=10),
)
SETTING_VALUE = st.one_of(
    st.sampled_from(["on", "off", "uk", "us", "int", "xx", "4", "7", "-1", "240", "€", "dark"]),
    TEXT,
)
FLAG = st.just(None)

# Filled in per test: ids of real entries, so that edit/delete reach real records.
ID_POOL: list[str] = []
ID = st.one_of(
    st.sampled_from(["0000", "deadbeef", "", "-", "%", "_"]),
    st.text(max_size=12),
    st.deferred(lambda: st.sampled_from(ID_POOL or ["none"])),
    st.deferred(lambda: st.sampled_from(ID_POOL or ["none"]).map(lambda s: s[:8])),
)

EDIT_OPTIONS: dict[str, st.SearchStrategy[Any]] = {
    "--date": DAY,
    "--at": MOMENT,
    "--mood": NUMBER,
    "--craving": st.one_of(NUMBER, ID),
    "--halt": HALT,
    "--sleep": DECIMAL,
    "--meeting": MEETING,
    "--reached-out": FLAG,
    "--no-reached-out": FLAG,
    "--medication": FLAG,
    "--no-medication": FLAG,
    "--gratitude": TEXT,
    "--note": TEXT,
    "--intensity": NUMBER,
    "--trigger": TRIGGER,
    "--skill": SKILL_ID,
    "--after": NUMBER,
    "--outcome": OUTCOME,
    "--duration": NUMBER,
    "--situation": TEXT,
    "--thoughts": TEXT,
    "--helped": NUMBER,
    "--title": TEXT,
    "--tag": TEXT,
    "--body": FLAG,
    "--slip-kind": st.one_of(st.sampled_from(["lapse", "return-to-use"]), TEXT),
    "--learned": TEXT,
    "--name": TEXT,
    "--since": DAY,
    "--cost-per-day": DECIMAL,
    "--hours-per-day": DECIMAL,
}

Spec = tuple[list[st.SearchStrategy[Any]], dict[str, st.SearchStrategy[Any]]]
COMMANDS: dict[tuple[str, ...], Spec] = {
    ("checkin",): (
        [],
        {
            k: EDIT_OPTIONS[k]
            for k in (
                "--date",
                "--mood",
                "--halt",
                "--sleep",
                "--meeting",
                "--reached-out",
                "--no-reached-out",
                "--medication",
                "--gratitude",
                "--note",
            )
        }
        | {"--craving": NUMBER},
    ),
    ("craving",): (
        [NUMBER],
        {
            "--trigger": TRIGGER,
            "--skill": SKILL_ID,
            "--after": NUMBER,
            "--outcome": OUTCOME,
            "--note": TEXT,
            "--situation": TEXT,
            "--thoughts": TEXT,
            "--duration": NUMBER,
            "--track": TEXT,
            "--at": MOMENT,
        },
    ),
    ("cope",): (
        [st.one_of(SKILL_ID, TEXT)],
        {"--helped": NUMBER, "--craving": ID, "--note": TEXT, "--at": MOMENT},
    ),
    ("reflect",): ([], {"--title": TEXT, "--tag": TEXT, "--at": MOMENT}),
    ("status",): ([], {"--json": FLAG, "--short": FLAG}),
    ("log",): (
        [],
        {"--from": DAY, "--to": DAY, "--kind": KIND, "-n": NUMBER, "--all": FLAG, "--json": FLAG},
    ),
    ("edit",): ([KIND, ID], EDIT_OPTIONS),
    ("delete",): ([KIND, ID], {"--yes": FLAG}),
    ("track", "add"): (
        [TEXT],
        {"--since": DAY, "--cost-per-day": DECIMAL, "--hours-per-day": DECIMAL},
    ),
    ("track", "list"): ([], {"--all": FLAG}),
    ("track", "archive"): ([st.one_of(st.just("Alcohol"), TEXT)], {"--undo": FLAG}),
    ("slip",): (
        [st.one_of(st.just("Alcohol"), TEXT)],
        {
            "--on": DAY,
            "--kind": st.one_of(st.sampled_from(["lapse", "return", "return to use"]), TEXT),
            "--note": TEXT,
            "--trigger": TEXT,
            "--learned": TEXT,
            "--time": st.one_of(st.sampled_from(["21:30", "25:61", "7:5"]), TEXT),
        },
    ),
    ("settings", "show"): ([], {}),
    ("settings", "set"): ([SETTING_KEY, SETTING_VALUE], {}),
    ("surf",): ([], {"--minutes": NUMBER, "--trigger": TRIGGER}),
    ("crisis",): ([], {"--region": st.one_of(st.sampled_from(["uk", "US", "int", "zz"]), TEXT)}),
    ("restore",): ([], {}),
    ("passphrase", "change"): ([], {}),
    ("recover",): ([], {}),
    ("init",): ([], {"--kdf-memory": NUMBER}),
}
if HAVE_SKILLS:
    COMMANDS |= {
        ("skills", "list"): (
            [],
            {
                "--category": TEXT,
                "--tradition": st.one_of(st.sampled_from(["dbt", "SMART Recovery"]), TEXT),
                "--favourites": FLAG,
                "--json": FLAG,
            },
        ),
        ("skills", "show"): ([SKILL_ID], {"--json": FLAG}),
        ("skills", "search"): ([TEXT], {"--json": FLAG}),
        ("skills", "suggest"): (
            [],
            {"--trigger": TRIGGER, "--intensity": NUMBER, "-n": NUMBER, "--json": FLAG},
        ),
        ("skills", "favourite"): ([SKILL_ID], {"--off": FLAG}),
        ("skills", "effectiveness"): ([], {"--trigger": TRIGGER, "--json": FLAG}),
        ("skills", "add"): (
            [],
            {
                "--id": SKILL_ID,
                "--name": TEXT,
                "--category": st.one_of(st.sampled_from(["urge", "body", "mind"]), TEXT),
                "--tradition": TEXT,
                "--summary": TEXT,
                "--step": TEXT,
                "--trigger": TRIGGER,
                "--intensity-min": NUMBER,
                "--intensity-max": NUMBER,
                "--minutes": NUMBER,
                "--source": TEXT,
                "--caution": TEXT,
                "--replace": FLAG,
            },
        ),
    }
BOGUS_OPTIONS = st.sampled_from(["--bogus", "-x", "--json", "--note", "--yes", "--help"])


@st.composite
def command_lines(draw: st.DrawFn, out_dir: Path) -> tuple[list[str], str]:
    path = draw(st.sampled_from(sorted(COMMANDS)))
    positionals, options = COMMANDS[path]
    args = list(path)
    for strategy in positionals:
        if draw(st.integers(0, 9)):  # sometimes leave a positional out
            args.append(draw(strategy))
    names = draw(st.lists(st.sampled_from(sorted(options)), max_size=6)) if options else []
    for name in names:
        value = draw(options[name])
        args.append(name)
        if value is not None:
            args.append(value)
    if draw(st.integers(0, 9)) == 0:
        args.insert(draw(st.integers(1, len(args))), draw(BOGUS_OPTIONS))
    stdin = draw(st.one_of(st.just(""), st.text(max_size=60), st.just("5\n3\n0\n")))
    return args, stdin


@st.composite
def file_commands(draw: st.DrawFn, out_dir: Path) -> tuple[list[str], str]:
    """``export`` and ``backup`` to random names in a private folder (never elsewhere)."""
    command = draw(st.sampled_from(["export", "backup", "skills export"]))
    name = draw(st.from_regex(r"\A[a-zA-Z0-9 ._-]{1,24}\Z"))
    args = [*command.split(), str(out_dir / f"f-{name}")]
    if draw(st.booleans()):
        args.append("--force")
    if command == "skills export" and draw(st.booleans()):
        args += ["--ids", draw(SKILL_ID)]
    return args, ""


@pytest.fixture
def fuzz_journal(cli_journal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A filled journal; Argon2id results are remembered (a pure function) to keep runs fast."""
    from recoverylog.vault import keyslots

    monkeypatch.setattr(keyslots, "derive", functools.lru_cache(maxsize=64)(keyslots.derive))
    with Journal.open(locate(cli_journal), PASSPHRASE) as journal:
        ids = fill(journal, note="fuzz")
    ID_POOL[:] = list(ids.values())
    return cli_journal


@settings(FUZZ, max_examples=100)
@given(data=st.data())
def test_random_command_lines(fuzz_journal: Path, tmp_path: Path, data: st.DataObject) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    strategy = st.one_of(command_lines(out), file_commands(out))
    args, stdin = data.draw(strategy)
    result = invoke(args, fuzz_journal, stdin=stdin, RECOVERYLOG_NOW=NOW)
    _check(result, args)
    # The journal is never left damaged, whatever was run.
    conn = sqlite3.connect(fuzz_journal / "journal.db")
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        conn.close()


# -- random files ------------------------------------------------------------------------

JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def _mutate_json(doc: Any, draw: st.DrawFn) -> Any:
    """Change one thing somewhere in a JSON document: a value, a key, a deletion."""
    if isinstance(doc, dict) and doc:
        key = draw(st.sampled_from(sorted(doc)))
        action = draw(st.sampled_from(["replace", "delete", "recurse", "recurse", "add"]))
        out = dict(doc)
        if action == "replace":
            out[key] = draw(JSON_VALUE)
        elif action == "delete":
            del out[key]
        elif action == "add":
            out[draw(st.text(max_size=8))] = draw(JSON_VALUE)
        else:
            out[key] = _mutate_json(doc[key], draw)
        return out
    if isinstance(doc, list) and doc:
        index = draw(st.integers(0, len(doc) - 1))
        out_list = list(doc)
        action = draw(st.sampled_from(["recurse", "recurse", "duplicate", "drop"]))
        if action == "duplicate":
            out_list.append(out_list[index])
        elif action == "drop":
            del out_list[index]
        else:
            out_list[index] = _mutate_json(doc[index], draw)
        return out_list
    return draw(JSON_VALUE)


def _mutate_bytes(raw: bytes, draw: st.DrawFn) -> bytes:
    action = draw(st.sampled_from(["flip", "truncate", "splice", "zero-page"]))
    if not raw:
        return draw(st.binary(max_size=64))
    if action == "truncate":
        return raw[: draw(st.integers(0, len(raw) - 1))]
    if action == "splice":
        at = draw(st.integers(0, len(raw)))
        return raw[:at] + draw(st.binary(min_size=1, max_size=64)) + raw[at:]
    if action == "zero-page" and len(raw) >= 4096:
        page = draw(st.integers(0, len(raw) // 4096 - 1))
        return raw[: page * 4096] + b"\0" * 4096 + raw[(page + 1) * 4096 :]
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(data) - 1))
        data[i] ^= draw(st.integers(1, 255))
    return bytes(data)


def _counts(data: Path) -> dict[str, int]:
    conn = sqlite3.connect(data / "journal.db")
    try:
        tables = [
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


@st.composite
def import_files(draw: st.DrawFn, good: dict[str, Any]) -> bytes:
    kind = draw(st.sampled_from(["bytes", "json", "mutated", "mutated", "mutated"]))
    if kind == "bytes":
        return draw(st.binary(max_size=512))
    if kind == "json":
        return json.dumps(draw(JSON_VALUE)).encode()
    doc = good
    for _ in range(draw(st.integers(1, 3))):
        doc = _mutate_json(doc, draw)
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    return text.encode()


@FUZZ
@given(data=st.data())
def test_random_import_files(fuzz_journal: Path, tmp_path: Path, data: st.DataObject) -> None:
    source = tmp_path / "other"
    if not (source / "journal.db").exists():
        with Journal.create(locate(source), PASSPHRASE, FLOOR)[0] as other:
            fill(other, note="from elsewhere")
            other.update_settings(alias="X.")
            other.export_to(tmp_path / "good.json")
    good = json.loads((tmp_path / "good.json").read_text())
    raw = data.draw(import_files(good))
    target = tmp_path / "import.json"
    target.write_bytes(raw)
    before = _counts(fuzz_journal)
    args = ["import", str(target)]
    result = invoke(args, fuzz_journal, RECOVERYLOG_NOW=NOW)
    _check(result, [*args, raw[:200]])
    if result.exit_code != 0:
        assert _counts(fuzz_journal) == before  # all or nothing


@pytest.mark.skipif(not HAVE_PACKS, reason="no skill packs (recoverylog.skills.packs) yet")
@FUZZ
@given(data=st.data())
def test_random_skill_packs(fuzz_journal: Path, tmp_path: Path, data: st.DataObject) -> None:
    good = (
        b'[pack]\nname = "Mine"\nauthor = "me"\ndescription = "d"\nversion = "1"\n\n'
        b'[[skill]]\nid = "my-walk"\nname = "A walk"\ncategory = "body"\n'
        b'tradition = "general"\nsummary = "Walk."\nsteps = ["Go out.", "Walk."]\n'
        b'triggers = ["stress"]\nintensity_min = 0\nintensity_max = 10\nminutes = 10\n'
        b'source = "my own"\n'
    )
    kind = data.draw(st.sampled_from(["bytes", "mutated", "mutated", "lines", "good"]))
    if kind == "bytes":
        raw = data.draw(st.binary(max_size=512))
    elif kind == "mutated":
        raw = _mutate_bytes(good, data.draw)
    elif kind == "lines":
        lines = good.decode().splitlines()
        index = data.draw(st.integers(0, len(lines) - 1))
        key = lines[index].split(" = ")[0]
        value = data.draw(
            st.one_of(
                st.text(max_size=20).map(json.dumps),
                st.integers().map(str),
                st.sampled_from(["[]", "[[1]]", "{a = 1}", "true", "1979-05-27", "inf", "'''x'''"]),
            )
        )
        lines[index] = f"{key} = {value}"
        raw = "\n".join(lines).encode()
    else:
        raw = good
    target = tmp_path / "pack.toml"
    target.write_bytes(raw)
    before = _counts(fuzz_journal)
    args = ["skills", "import", str(target)]
    result = invoke(args, fuzz_journal, RECOVERYLOG_NOW=NOW)
    _check(result, [*args, raw[:200]])
    if result.exit_code != 0:
        assert _counts(fuzz_journal) == before
    if kind == "good":
        assert result.exit_code == 0, result.output


@settings(FUZZ, max_examples=40)
@given(data=st.data())
def test_random_backup_files_for_restore(
    fuzz_journal: Path, tmp_path: Path, data: st.DataObject
) -> None:
    good = tmp_path / "good.db"
    if not good.exists():
        assert invoke(["backup", str(good)], fuzz_journal).exit_code == 0
    raw = good.read_bytes()
    kind = data.draw(st.sampled_from(["bytes", "mutated", "mutated", "mutated"]))
    candidate = (
        data.draw(st.binary(max_size=512)) if kind == "bytes" else _mutate_bytes(raw, data.draw)
    )
    source = tmp_path / "candidate.db"
    source.write_bytes(candidate)
    target = tmp_path / "restored"
    shutil.rmtree(target, ignore_errors=True)
    args = ["restore", str(source)]
    result = invoke(args, target)
    _check(result, [*args, kind])
    if result.exit_code != 0:
        # Checked before anything was touched: no journal was made from a bad file.
        assert not (target / "journal.db").exists(), result.output
    # A bad file over an existing journal, with --force, leaves that journal as it was.
    if result.exit_code != 0:
        before = _counts(fuzz_journal)
        again = invoke([*args, "--force"], fuzz_journal)
        _check(again, [*args, "--force"])
        assert again.exit_code != 0
        assert _counts(fuzz_journal) == before


# -- found while fuzzing -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["checkin", "--date", "-999999999", "--mood", "5"],
        ["log", "--from", "-999999999"],
        ["track", "add", "Far", "--since", "-99999999"],
    ],
)
def test_huge_relative_days_are_refused_plainly(cli_journal: Path, args: list[str]) -> None:
    result = invoke(args, cli_journal, RECOVERYLOG_NOW=NOW)
    assert "Traceback" not in result.output
    assert "something unexpected" not in result.output, result.output
    assert result.exit_code == 1


def test_log_json_kind_of_a_slip_is_slip(fuzz_journal: Path) -> None:
    result = invoke(["log", "--all", "--json"], fuzz_journal, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 0, result.output
    kinds = sorted(entry["kind"] for entry in json.loads(result.stdout))
    assert kinds == ["checkin", "coping", "craving", "reflection", "slip"], kinds


@pytest.mark.parametrize("command", ["log", "restore"])
def test_damaged_schema_text_is_reported_as_damage(
    fuzz_journal: Path, tmp_path: Path, command: str
) -> None:
    good = tmp_path / "good.db"
    assert invoke(["backup", str(good)], fuzz_journal).exit_code == 0
    raw = bytearray(good.read_bytes())
    at = raw.index(b" ON ", raw.index(b"CREATE INDEX")) + 1  # inside sqlite_master's SQL
    raw[at] = 0xCF  # "ON" becomes invalid UTF-8
    bad = tmp_path / "bad.db"
    bad.write_bytes(bytes(raw))
    if command == "restore":
        result = invoke(["restore", str(bad)], tmp_path / "restored")
    else:
        shutil.copyfile(bad, fuzz_journal / "journal.db")
        result = invoke(["log"], fuzz_journal)
    assert "Traceback" not in result.output
    assert result.exit_code == 4, result.output
    assert "damaged" in result.output
