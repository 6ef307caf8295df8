"""Skill packs: lossless round trip, whole-file refusal, size and nesting limits, file mode."""

from __future__ import annotations

import dataclasses
import os
import stat
import time
from pathlib import Path

import pytest

from recoverylog.errors import AlreadyExists, InvalidInput, NotFound
from recoverylog.skills.library import builtin_skills
from recoverylog.skills.packs import MAX_PACK_BYTES, Pack, parse_pack, read_pack, write_pack

FIXTURES = Path(__file__).parent.parent / "fixtures" / "packs"

SKILL = """
[[skill]]
id = "{id}"
name = "A skill"
category = "urge"
tradition = "general"
summary = "Summary."
steps = ["Step one."]
triggers = ["any"]
intensity_min = 0
intensity_max = 10
minutes = {minutes}
source = ""
"""
META = '[pack]\nname = "Pack"\nauthor = "me"\ndescription = ""\nversion = "1"\n'


def _pack_text(*skills: str, meta: str = META) -> str:
    return meta + "".join(skills)


def _skill(skill_id: str = "a-skill", minutes: int = 5, extra: str = "") -> str:
    return SKILL.format(id=skill_id, minutes=minutes) + extra


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- reading -----------------------------------------------------------------------------


def test_fixture_pack_reads_as_personal_skills() -> None:
    pack = read_pack(FIXTURES / "good.toml")
    assert (pack.name, pack.author, pack.version) == ("Tuesday group: evening skills", "Sam", "1.2")
    assert [s.id for s in pack.skills] == ["evening-walk-loop", "kettle-first", "call-the-list"]
    assert all(s.personal and not s.favourite for s in pack.skills)
    assert pack.skills[2].caution == "If you are in danger, call your emergency number first."
    assert pack.skills[0].caution is None


def test_one_bad_entry_refuses_the_whole_file_naming_entry_and_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        read_pack(FIXTURES / "bad-entry.toml")
    assert caught.value.field == "skill 3 (my-walk): minutes"
    assert str(caught.value) == "skill 3 (my-walk): minutes must be 1-240 (got 0)"


def test_markup_and_html_survive_literally() -> None:
    pack = read_pack(FIXTURES / "markup.toml")
    skill = pack.skills[0]
    assert pack.name == "[bold]Markup[/] <b>pack</b>"
    assert pack.author == "<script>alert(1)</script>"
    assert skill.name == "[bold]x[/]"
    assert skill.summary.startswith("<script>alert(1)</script> and [red]red[/red]")
    assert skill.steps == ("[/]", "<img src=x onerror=alert(1)>", "%s %(name)s {0} \\n")
    assert skill.source == "[@click=app.quit]quit[/]"


def test_a_50_megabyte_file_is_refused_by_its_size_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB actually written
    with pytest.raises(InvalidInput, match=r"too large for a skill pack \(50\.0 MiB"):
        read_pack(big)


def test_oversized_text_and_bytes_are_refused() -> None:
    text = _pack_text(_skill(), "# " + "x" * MAX_PACK_BYTES)
    with pytest.raises(InvalidInput, match="too large"):
        parse_pack(text)
    with pytest.raises(InvalidInput, match="too large"):
        parse_pack(text.encode())


def test_deep_nesting_is_refused_with_a_message(tmp_path: Path) -> None:
    nested = tmp_path / "nested.toml"
    nested.write_text("a = " + "[" * 100_000 + "]" * 100_000)
    started = time.monotonic()
    with pytest.raises(InvalidInput, match="nested too deeply"):
        read_pack(nested)
    assert time.monotonic() - started < 5
    with pytest.raises(InvalidInput, match="nested too deeply"):
        parse_pack("a = " + "{b = " * 5_000 + "1" + "}" * 5_000)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _pack_text(_skill().replace('["Step one."]', '[["nested", ["deeper"]]]')),
            "skill 1: steps 1 must be text, not a nested list or table",
        ),
        (
            _pack_text(_skill().replace('"Summary."', '{text = "x"}')),
            "skill 1: summary must not be a table",
        ),
        ("[pack]\nname = 'P'\n[[skill.x]]\n", "skill must be written as [[skill]] entries"),
    ],
)
def test_structures_deeper_than_the_format_are_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_pack(text)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_pack_text(_skill().replace("minutes = 5", 'minutes = "5"')), "minutes must be a whole"),
        (_pack_text(_skill().replace('steps = ["Step one."]', 'steps = "walk"')), "list of text"),
        (_pack_text(_skill().replace("intensity_min = 0", "intensity_min = true")), "whole"),
        (_pack_text(_skill().replace('["any"]', '["sunday"]')), "triggers must be among"),
        (_pack_text(_skill(), meta=META.replace('"1"', "1")), "version must be text (write it"),
        (_pack_text(_skill(), meta=META.replace('"Pack"', "3")), "pack: name must be text"),
        ("skill = 3\n[pack]\nname = 'P'\n", "must be written as [[skill]] entries"),
        ("pack = 'P'\n" + _skill(), "must be a [pack] table"),
        ("[[pack]]\nname = 'P'\n" + _skill(), "must be a [pack] table"),
    ],
)
def test_wrong_types_are_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_pack(text)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (_pack_text(_skill(extra='colour = "red"\n')), "skill 1 (a-skill): colour"),
        (_pack_text(_skill(extra="favourite = true\n")), "skill 1 (a-skill): favourite"),
        (_pack_text(_skill(extra="personal = false\n")), "skill 1 (a-skill): personal"),
        (_pack_text(_skill(), meta=META + 'licence = "x"\n'), "pack: licence"),
        (_pack_text(_skill()) + "[extra]\nx = 1\n", "skill pack: extra"),
        ("title = 'x'\n" + _pack_text(_skill()), "skill pack: title"),
    ],
)
def test_unknown_keys_are_refused(text: str, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_pack(text)
    assert caught.value.field == field


def test_duplicate_ids_are_refused() -> None:
    text = _pack_text(_skill("same-id"), _skill("other"), _skill("same-id"))
    with pytest.raises(InvalidInput) as caught:
        parse_pack(text)
    assert caught.value.field == "skill 3 (same-id): id"
    assert "already used by skill 1" in caught.value.problem


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe[pack]", "is not UTF-8 text"),
        ("[[skill]\n", "is not valid TOML"),
        ("", "has no [pack] table"),
        (META, "has no [[skill]] entries"),
        (_skill(), "has no [pack] table"),
        ('[pack]\nname = " "\n' + _skill(), "pack: name must not be empty"),
        ('[pack]\nname = "a\\u001b[31m"\n' + _skill(), "control characters"),
    ],
)
def test_malformed_files_are_refused(content: str | bytes, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_pack(content)
    assert message in str(caught.value)


def test_utf8_with_bom_and_defaults_are_accepted() -> None:
    pack = parse_pack(("\ufeff[pack]\nname = 'Only a name'\n" + _skill()).encode())
    assert (pack.name, pack.author, pack.description, pack.version) == ("Only a name", "", "", "1")


def test_missing_file_directory_and_fifo(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        read_pack(tmp_path / "nope.toml")
    with pytest.raises(InvalidInput, match="not a regular file"):
        read_pack(tmp_path)
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInput, match="not a regular file"):
        read_pack(fifo)  # refused before open(), which would block


# -- writing -----------------------------------------------------------------------------


def _sample() -> Pack:
    skills = [dataclasses.replace(s, personal=True) for s in builtin_skills()[:3]]
    odd = dataclasses.replace(
        skills[0],
        id="odd-text",
        name='[bold]x[/] "quoted" \\ back',
        summary="Line one.\nLine two\twith a tab. Ünïcødé ✓ 日本語 <script>alert(1)</script>",
        steps=("[/]", "'single' and \"double\"", "trailing space "),
        caution=None,
    )
    return Pack(
        name="Round trip",
        author="Ana <ana@example.invalid>",
        description="Two lines.\nSecond line.",
        version="2.0-beta",
        skills=(*skills, odd),
    )


def test_write_then_read_is_lossless(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    pack = _sample()
    write_pack(path, pack)
    assert read_pack(path) == pack


def test_the_whole_library_round_trips_as_a_pack(tmp_path: Path) -> None:
    skills = tuple(dataclasses.replace(s, personal=True) for s in builtin_skills())
    pack = Pack("All", "", "", "1", skills)
    write_pack(tmp_path / "all.toml", pack)
    assert read_pack(tmp_path / "all.toml") == pack


def test_journal_flags_are_not_written(tmp_path: Path) -> None:
    skill = dataclasses.replace(builtin_skills()[0], personal=True, favourite=True)
    write_pack(tmp_path / "p.toml", Pack("P", "", "", "1", (skill,)))
    text = (tmp_path / "p.toml").read_text()
    assert "favourite" not in text and "personal" not in text
    assert read_pack(tmp_path / "p.toml").skills[0].favourite is False


def test_file_mode_is_0600_even_under_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        write_pack(tmp_path / "open.toml", _sample())
        write_pack(tmp_path / "open.toml", _sample(), force=True)
    finally:
        os.umask(old)
    assert _mode(tmp_path / "open.toml") == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["open.toml"]  # no temp file left


def test_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    path.write_text("mine")
    with pytest.raises(AlreadyExists, match="--force"):
        write_pack(path, _sample())
    assert path.read_text() == "mine"
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "target-that-does-not-exist")
    with pytest.raises(AlreadyExists):
        write_pack(link, _sample())
    assert not (tmp_path / "target-that-does-not-exist").exists()
    write_pack(path, _sample(), force=True)
    assert read_pack(path) == _sample()
    assert _mode(path) == 0o600


def test_a_bad_pack_is_not_written(tmp_path: Path) -> None:
    skill = dataclasses.replace(builtin_skills()[0], minutes=0)
    with pytest.raises(InvalidInput, match="minutes must be 1-240"):
        write_pack(tmp_path / "bad.toml", Pack("P", "", "", "1", (skill,)))
    twice = (builtin_skills()[0], builtin_skills()[0])
    with pytest.raises(InvalidInput, match="appears twice"):
        write_pack(tmp_path / "bad.toml", Pack("P", "", "", "1", twice))
    with pytest.raises(InvalidInput, match="no skills"):
        write_pack(tmp_path / "bad.toml", Pack("P", "", "", "1", ()))
    assert not (tmp_path / "bad.toml").exists()
