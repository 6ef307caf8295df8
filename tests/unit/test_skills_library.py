"""The built-in skills library: complete, valid, safe; search, effectiveness and suggestions."""

from __future__ import annotations

import dataclasses
import re

import pytest

from recoverylog.domain.vocab import CATEGORIES, TRADITIONS, TRIGGERS
from recoverylog.skills.library import (
    WITHDRAWAL_CAUTION,
    SkillEffect,
    SkillUse,
    builtin_skills,
    effectiveness,
    filter_skills,
    search,
    suggest,
)
from recoverylog.skills.model import Skill, skill_from_dict

# -- the library -------------------------------------------------------------------------


def test_library_is_large_and_ids_are_unique() -> None:
    skills = builtin_skills()
    assert len(skills) >= 60
    ids = [s.id for s in skills]
    assert len(ids) == len(set(ids))


def test_every_builtin_skill_validates_and_round_trips() -> None:
    for skill in builtin_skills():
        assert skill_from_dict(skill.to_dict(), "builtin") == skill
        assert not skill.personal and not skill.favourite
        assert skill.source.strip(), skill.id
        assert len(skill.steps) >= 2, skill.id


def test_builtins_are_loaded_once() -> None:
    assert builtin_skills() is builtin_skills()


def test_every_tradition_and_category_has_entries() -> None:
    skills = builtin_skills()
    assert {s.tradition for s in skills} == set(TRADITIONS)
    assert {s.category for s in skills} == set(CATEGORIES)


def test_every_trigger_has_skills_aimed_at_it() -> None:
    skills = builtin_skills()
    for trigger in TRIGGERS:
        assert any(trigger in s.triggers for s in skills), trigger


_ABSTAIN = re.compile(
    r"\b(?:stop|stopping|quit|quitting|cut(?:ting)?\s+(?:down|back))\b[^.]{0,40}"
    r"\b(?:drink\w*|us(?:e|ing)|alcohol|substances?|drugs?|benzo\w*)\b"
    r"|\bnot\s+(?:to\s+)?(?:drink|use)\b|\bnot\s+(?:drinking|using)\b"
    r"|\bmood-altering substances\b|\bclear alcohol\b",
    re.IGNORECASE,
)
_MUST_WARN = {
    "smart-cba",
    "smart-change-plan",
    "twelve-one-day-at-a-time",
    "sos-sobriety-priority",
    "sos-daily-reaffirmation",
    "dbt-please",
    "general-change-routines",
}


def _text(skill: Skill) -> str:
    return " ".join((skill.name, skill.summary, *skill.steps))


def test_skills_that_say_stop_or_cut_down_carry_the_withdrawal_caution() -> None:
    flagged = {s.id for s in builtin_skills() if _ABSTAIN.search(_text(s))}
    assert flagged >= {"twelve-one-day-at-a-time", "sos-daily-reaffirmation", "dbt-please"}
    for skill in builtin_skills():
        if skill.id in flagged | _MUST_WARN:
            assert skill.caution and WITHDRAWAL_CAUTION in skill.caution, skill.id
    assert "doctor" in WITHDRAWAL_CAUTION and "benzodiazepines" in WITHDRAWAL_CAUTION


def test_abstain_pattern_tells_stop_skills_from_the_dbt_stop_skill() -> None:
    assert _ABSTAIN.search("decide not to drink or use today")
    assert _ABSTAIN.search("thinking about cutting down your drinking")
    stop = next(s for s in builtin_skills() if s.id == "dbt-stop")
    assert not _ABSTAIN.search(_text(stop))


_PHYSICAL = re.compile(
    r"\b(?:cold|ice|hold(?:ing)?\s+(?:it|your\s+breath|for)|vigorous|hard\s+movement"
    r"|intense\s+exercise|tense)\b",
    re.IGNORECASE,
)


def test_skills_with_a_physical_risk_show_a_caution() -> None:
    risky = {s.id for s in builtin_skills() if _PHYSICAL.search(_text(s))}
    assert {"dbt-tipp", "body-box-breathing", "body-478-breathing", "body-pmr"} <= risky
    for skill in builtin_skills():
        if skill.id in risky:
            assert skill.caution, skill.id


def test_tipp_caution_names_the_cold_water_and_exercise_risks() -> None:
    tipp = next(s for s in builtin_skills() if s.id == "dbt-tipp")
    assert tipp.caution is not None
    for word in ("Cold water", "heart", "beta-blockers", "pregnant", "exercise"):
        assert word in tipp.caution


def test_no_skill_quotes_or_labels() -> None:
    # Attribution only: no step numbers quoted from fellowship texts, no "we admitted".
    for skill in builtin_skills():
        text = _text(skill).lower()
        assert "we admitted" not in text and "came to believe" not in text, skill.id


# -- filtering ---------------------------------------------------------------------------


def test_filter_by_category_tradition_and_favourites() -> None:
    skills = builtin_skills()
    urge = filter_skills(skills, category="urge")
    assert urge and all(s.category == "urge" for s in urge)
    dbt = filter_skills(skills, tradition="dbt")
    assert dbt and all(s.tradition == "DBT" for s in dbt)
    both = filter_skills(skills, category="body", tradition="DBT")
    assert {s.id for s in both} == {"dbt-tipp", "dbt-half-smile-willing-hands"}
    assert filter_skills(skills, favourites=True) == []
    marked = [dataclasses.replace(s, favourite=s.id == "dbt-stop") for s in skills]
    assert [s.id for s in filter_skills(marked, favourites=True)] == ["dbt-stop"]


# -- search ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words", ["Urge surfing", "urge surf", "urge surfng", "urg surfng", "URGE-SURFING", "sufring"]
)
def test_search_finds_urge_surfing_first(words: str) -> None:
    assert search(builtin_skills(), words)[0].id == "mbrp-urge-surfing"


def test_search_by_name_and_by_id() -> None:
    assert search(builtin_skills(), "gratitude")[0].id == "twelve-gratitude-list"
    assert search(builtin_skills(), "tipp")[0].id == "dbt-tipp"
    assert search(builtin_skills(), "dbt-please")[0].id == "dbt-please"


def test_search_by_trigger_lists_every_skill_tagged_with_it_before_text_matches() -> None:
    skills = builtin_skills()
    found = search(skills, "lonely")
    tagged = {s.id for s in skills if "lonely" in s.triggers and "lonely" not in s.name.lower()}
    assert tagged <= {s.id for s in found}
    positions = {s.id: i for i, s in enumerate(found)}
    last_tagged = max(positions[i] for i in tagged)
    untagged = [s for s in found if "lonely" not in s.triggers]
    assert all(positions[s.id] > last_tagged for s in untagged)


def test_search_everyday_words_reach_trigger_tags() -> None:
    found = search(builtin_skills(), "anxious")
    assert found and "anxiety" in found[0].triggers


def _mini(skill_id: str, name: str, triggers: list[str], summary: str) -> Skill:
    return skill_from_dict(
        {
            "id": skill_id,
            "name": name,
            "category": "urge",
            "tradition": "general",
            "summary": summary,
            "steps": ["Begin."],
            "triggers": triggers,
            "intensity_min": 0,
            "intensity_max": 10,
            "minutes": 5,
            "source": "",
        },
        "test",
    )


MINI = [
    _mini("a-text", "Tea", ["hungry"], "Good on lonely nights."),
    _mini("b-trigger", "Call a friend", ["lonely"], "Talk it through."),
    _mini("c-name", "Lonely evenings plan", ["tired"], "Plan the evening."),
    _mini("d-walk", "Walk", ["stress"], "Move."),
]


@pytest.mark.parametrize("words", ["lonely", "lonly", "LONELY", "lone"])
def test_search_ranks_name_then_trigger_then_text(words: str) -> None:
    assert [s.id for s in search(MINI, words)] == ["c-name", "b-trigger", "a-text"]


def test_search_more_words_matched_ranks_higher_and_nothing_found_is_empty() -> None:
    assert [s.id for s in search(MINI, "walk stress")][0] == "d-walk"
    assert [s.id for s in search(MINI, "tea lonely")][:2] == ["a-text", "c-name"]
    assert search(MINI, "zzzzqq") == []
    assert search(MINI, "   ") == []


# -- effectiveness -----------------------------------------------------------------------

USES = [
    SkillUse("walk", 8, ("stress",), 7, 3),
    SkillUse("walk", 6, ("stress", "lonely"), 6, 4),
    SkillUse("walk", None, (), None, None),
    SkillUse("call", 9, ("lonely",), 8, 2),
    SkillUse("call", 5, ("stress",), 9, 9),
    SkillUse("tea", 2, ("stress",), 5, 5),
    SkillUse("tea", 4, ("hungry",), None, None),
    SkillUse("my own thing", None, ("boredom",), 6, 5),
]


def test_effectiveness_overall_known_numbers_and_order() -> None:
    effects = effectiveness(USES)
    assert [(e.skill_id, e.uses, e.avg_helped, e.avg_drop) for e in effects] == [
        ("walk", 3, 7.0, 3.0),  # helped (8+6)/2; drop (4+2)/2
        ("call", 2, 7.0, 3.0),  # helped (9+5)/2; drop (6+0)/2; fewer uses than walk
        ("tea", 2, 3.0, 0.0),
        ("my own thing", 1, None, 1.0),  # unrated last
    ]
    walk = effects[0]
    assert list(walk.by_trigger) == ["lonely", "stress"]  # vocabulary order
    assert walk.by_trigger["stress"] == SkillEffect("walk", 2, 7.0, 3.0)
    assert walk.by_trigger["lonely"] == SkillEffect("walk", 1, 6.0, 2.0)
    assert effects[2].by_trigger["hungry"] == SkillEffect("tea", 1, 4.0, None)


def test_effectiveness_for_one_trigger() -> None:
    stress = effectiveness(USES, trigger="stress")
    assert [(e.skill_id, e.uses, e.avg_helped, e.avg_drop) for e in stress] == [
        ("walk", 2, 7.0, 3.0),
        ("call", 1, 5.0, 0.0),
        ("tea", 1, 2.0, 0.0),
    ]
    lonely = effectiveness(USES, trigger="lonely")
    assert [(e.skill_id, e.avg_helped) for e in lonely] == [("call", 9.0), ("walk", 6.0)]
    assert effectiveness([], trigger="lonely") == []


def test_effectiveness_rounds_to_two_places() -> None:
    uses = [SkillUse("x", h, (), None, None) for h in (8, 6, 5)]
    assert effectiveness(uses)[0].avg_helped == 6.33


# -- suggestions -------------------------------------------------------------------------


def _fit(skill_id: str, triggers: list[str], low: int, high: int, fav: bool = False) -> Skill:
    skill = _mini(skill_id, skill_id.title(), triggers, "A skill.")
    return dataclasses.replace(skill, intensity_min=low, intensity_max=high, favourite=fav)


SKILLS = [
    _fit("walk", ["stress", "boredom"], 2, 8),
    _fit("call", ["lonely"], 3, 10),
    _fit("tea", ["hungry"], 0, 5),
    _fit("surf", ["any"], 3, 9),
    _fit("plan", ["stress"], 0, 4, fav=True),
    _fit("breathe", ["stress"], 2, 7),
]


def _ids(skills: list[Skill]) -> list[str]:
    return [s.id for s in skills]


def test_suggest_puts_what_helped_for_this_trigger_first_then_fit() -> None:
    effects = effectiveness(USES)
    # walk and call helped with stress (7.0, 5.0); breathe fits trigger and intensity; plan
    # fits the trigger and is a favourite; surf fits any trigger; tea did not help (2.0).
    assert _ids(suggest(SKILLS, "stress", 6, effects)) == [
        "walk",
        "call",
        "breathe",
        "plan",
        "surf",
        "tea",
    ]
    assert _ids(suggest(SKILLS, "lonely", 9, effects)) == [
        "call",
        "walk",
        "surf",
        "plan",
        "breathe",
        "tea",
    ]


def test_suggest_uses_help_with_other_triggers_before_fit() -> None:
    effects = effectiveness(USES)
    # No data for boredom: walk and call helped overall (tie at 7.0: more uses first).
    assert _ids(suggest(SKILLS, "boredom", None, effects)) == [
        "walk",
        "call",
        "surf",
        "plan",
        "breathe",
        "tea",
    ]


def test_suggest_without_data_ranks_by_fit_then_id_and_limits() -> None:
    assert _ids(suggest(SKILLS, None, None)) == ["plan", "breathe", "call", "surf", "tea", "walk"]
    # For hungry at 1: tea fits both; surf fits any trigger (trigger fit outranks intensity).
    assert _ids(suggest(SKILLS, "hungry", 1, limit=2)) == ["tea", "surf"]
    assert suggest(SKILLS, None, None, limit=0) == []


def test_suggest_on_the_library_fits_the_moment() -> None:
    top = suggest(builtin_skills(), "lonely", 8, limit=5)
    assert len(top) == 5
    for skill in top:
        assert skill.fits_trigger("lonely") and skill.fits_intensity(8)
