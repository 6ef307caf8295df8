"""skill_from_dict: every field checked, refused with the entry and field named."""

from __future__ import annotations

from typing import Any

import pytest

from recoverylog.errors import InvalidInput
from recoverylog.skills.model import Skill, skill_from_dict


def _data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "my-walk",
        "name": "My walk",
        "category": "body",
        "tradition": "general",
        "summary": "Round the block.\nTwice if needed.",
        "steps": ["Shoes on.", "Out\tthe door."],
        "triggers": ["boredom", "lonely"],
        "intensity_min": 2,
        "intensity_max": 8,
        "minutes": 15,
        "source": "me",
    }
    data.update(changes)
    return data


def test_valid_data_builds_a_skill_and_round_trips() -> None:
    skill = skill_from_dict(_data(caution="Mind the ice."), "skill 1")
    assert skill == Skill(
        id="my-walk",
        name="My walk",
        category="body",
        tradition="general",
        summary="Round the block.\nTwice if needed.",
        steps=("Shoes on.", "Out\tthe door."),
        triggers=("boredom", "lonely"),
        intensity_min=2,
        intensity_max=8,
        minutes=15,
        source="me",
        caution="Mind the ice.",
    )
    assert skill_from_dict(skill.to_dict(), "again") == skill
    personal = skill_from_dict({**_data(), "personal": True, "favourite": True}, "x")
    assert personal.personal and personal.favourite


def test_case_of_tradition_and_category_is_forgiven() -> None:
    skill = skill_from_dict(_data(tradition="smart recovery", category="BODY"), "x")
    assert (skill.tradition, skill.category) == ("SMART Recovery", "body")


def test_empty_caution_means_none() -> None:
    assert skill_from_dict(_data(caution=""), "x").caution is None
    assert skill_from_dict(_data(caution=None), "x").caution is None


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"minutes": 0}, "skill 3 (my-walk): minutes", "must be 1-240 (got 0)"),
        ({"minutes": 241}, "skill 3 (my-walk): minutes", "must be 1-240 (got 241)"),
        ({"minutes": "5"}, "skill 3 (my-walk): minutes", "must be a whole number 1-240"),
        ({"minutes": True}, "skill 3 (my-walk): minutes", "must be a whole number"),
        ({"minutes": 5.0}, "skill 3 (my-walk): minutes", "must be a whole number"),
        ({"intensity_min": -1}, "skill 3 (my-walk): intensity_min", "must be 0-10"),
        ({"intensity_max": 11}, "skill 3 (my-walk): intensity_max", "must be 0-10"),
        ({"intensity_min": 9}, "skill 3 (my-walk): intensity_max", "must not be below"),
        ({"id": "My Walk"}, "skill 3: id", "must be 2-64 characters"),
        ({"id": "x"}, "skill 3: id", "must be 2-64 characters"),
        ({"id": "a" * 65}, "skill 3: id", "at most 64"),
        ({"id": "-walk"}, "skill 3: id", "must be 2-64 characters"),
        ({"name": ""}, "skill 3 (my-walk): name", "must not be empty"),
        ({"name": "x" * 121}, "skill 3 (my-walk): name", "at most 120 characters"),
        ({"name": "two\nlines"}, "skill 3 (my-walk): name", "must not contain line breaks"),
        ({"summary": "x" * 2001}, "skill 3 (my-walk): summary", "at most 2,000"),
        ({"summary": "bell\x07"}, "skill 3 (my-walk): summary", "control characters"),
        ({"summary": "\x1b[31mred"}, "skill 3 (my-walk): summary", "control characters"),
        ({"summary": "cr\r\nlf"}, "skill 3 (my-walk): summary", "line breaks"),
        ({"summary": "rtl \u202e trick"}, "skill 3 (my-walk): summary", "control characters"),
        ({"steps": []}, "skill 3 (my-walk): steps", "at least one"),
        ({"steps": "walk"}, "skill 3 (my-walk): steps", "must be a list of text"),
        ({"steps": ["ok", 3]}, "skill 3 (my-walk): steps 2", "must be text"),
        ({"steps": ["ok", " "]}, "skill 3 (my-walk): step 2", "must not be empty"),
        ({"steps": ["x" * 1001]}, "skill 3 (my-walk): step 1", "at most 1,000"),
        ({"steps": ["s"] * 31}, "skill 3 (my-walk): steps", "at most 30"),
        ({"source": "x" * 501}, "skill 3 (my-walk): source", "at most 500"),
        ({"category": "magic"}, "skill 3 (my-walk): category", "must be one of urge"),
        ({"tradition": "AA"}, "skill 3 (my-walk): tradition", "must be one of SMART"),
        ({"triggers": ["sunday"]}, "skill 3 (my-walk): triggers", "must be among hungry"),
        ({"triggers": []}, "skill 3 (my-walk): triggers", "at least one"),
        ({"triggers": ["any", "lonely"]}, "skill 3 (my-walk): triggers", "list it alone"),
        ({"triggers": ["lonely", "lonely"]}, "skill 3 (my-walk): triggers", "twice"),
        ({"caution": 3}, "skill 3 (my-walk): caution", "must be text"),
        ({"favourite": "yes"}, "skill 3 (my-walk): favourite", "true or false"),
        ({"colour": "red"}, "skill 3 (my-walk): colour", "is not a skill field"),
    ],
)
def test_each_bad_field_is_named(changes: dict[str, Any], field: str, problem: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        skill_from_dict(_data(**changes), "skill 3")
    assert caught.value.field == field
    assert problem in caught.value.problem


def test_missing_field_and_non_table_are_refused() -> None:
    data = _data()
    del data["summary"]
    with pytest.raises(InvalidInput, match=r"skill 3 \(my-walk\): summary is missing"):
        skill_from_dict(data, "skill 3")
    with pytest.raises(InvalidInput, match="must be a table"):
        skill_from_dict(["not", "a", "table"], "skill 3")  # type: ignore[arg-type]


def test_fit_helpers() -> None:
    skill = skill_from_dict(_data(), "x")
    assert skill.fits_trigger("lonely") and not skill.fits_trigger("hungry")
    assert skill.fits_intensity(2) and skill.fits_intensity(8) and not skill.fits_intensity(9)
    anything = skill_from_dict(_data(triggers=["any"]), "x")
    assert all(anything.fits_trigger(t) for t in ("hungry", "shame"))
