"""The built-in skills library and the pure functions over any list of skills: filtering,
typo-tolerant search, effectiveness from the person's own coping data, and suggestions.

Nothing here touches the journal: the caller passes skills, uses and effects in.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from recoverylog.domain.vocab import ANY_TRIGGER, TRADITIONS, TRIGGERS
from recoverylog.errors import InvalidInput
from recoverylog.skills.model import FLAG_FIELDS, Skill, skill_from_dict

#: Shown with every skill whose text says to stop, abstain or cut down (SPEC section 8).
WITHDRAWAL_CAUTION = (
    "Stopping alcohol or benzodiazepines suddenly after heavy or regular use can be dangerous. "
    "Talk to a doctor first if you drink heavily on most days, take benzodiazepines (even as "
    "prescribed), or have had the shakes, sweating, hallucinations or seizures after stopping "
    "in the past."
)

# -- the built-in library ------------------------------------------------------------------


@functools.cache
def builtin_skills() -> tuple[Skill, ...]:
    """Every built-in skill, validated, in tradition order (loaded once)."""
    folder = importlib.resources.files("recoverylog.skills").joinpath("data")
    found: list[Skill] = []
    seen: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        doc = tomllib.loads(entry.read_text(encoding="utf-8"))
        if set(doc) != {"skill"} or not isinstance(doc["skill"], list):
            raise InvalidInput(entry.name, "must hold only [[skill]] entries")
        for number, data in enumerate(doc["skill"], 1):
            where = f"{entry.name}: skill {number}"
            if isinstance(data, dict) and any(flag in data for flag in FLAG_FIELDS):
                raise InvalidInput(where, "must not set personal or favourite")
            skill = skill_from_dict(data, where)
            if skill.id in seen:
                raise InvalidInput(where, f"repeats the id {skill.id!r} of {seen[skill.id]}")
            seen[skill.id] = where
            found.append(skill)
    order = {tradition: index for index, tradition in enumerate(TRADITIONS)}
    return tuple(sorted(found, key=lambda s: order[s.tradition]))  # stable: file order kept


def filter_skills(
    skills: Iterable[Skill],
    category: str | None = None,
    tradition: str | None = None,
    favourites: bool = False,
) -> list[Skill]:
    """The skills of a category and tradition (case-insensitive), optionally favourites only."""
    wanted_category = category.casefold() if category is not None else None
    wanted_tradition = tradition.casefold() if tradition is not None else None
    return [
        s
        for s in skills
        if (wanted_category is None or s.category.casefold() == wanted_category)
        and (wanted_tradition is None or s.tradition.casefold() == wanted_tradition)
        and (s.favourite or not favourites)
    ]


# -- search --------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_STOPWORDS = frozenset(
    ("a", "an", "and", "for", "i", "in", "is", "it", "me", "my", "of", "on", "or", "the", "to")
    + ("when", "with", "what", "how", "do", "feel", "feeling")
)
#: Everyday words for the trigger tags, so that "anxious" finds skills for anxiety.
_SYNONYMS = {
    "anxious": "anxiety",
    "worried": "anxiety",
    "worry": "anxiety",
    "nervous": "anxiety",
    "panic": "anxiety",
    "sad": "sadness",
    "down": "sadness",
    "low": "sadness",
    "grief": "sadness",
    "bored": "boredom",
    "stressed": "stress",
    "overwhelmed": "stress",
    "ashamed": "shame",
    "guilt": "shame",
    "guilty": "shame",
    "anger": "angry",
    "mad": "angry",
    "furious": "angry",
    "hunger": "hungry",
    "alone": "lonely",
    "loneliness": "lonely",
    "isolated": "lonely",
    "exhausted": "tired",
    "sleepy": "tired",
    "party": "celebration",
    "wedding": "celebration",
    "hurt": "pain",
    "craving": "urge",
    "cravings": "urge",
}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _distance(a: str, b: str) -> int:
    """Edit distance with swaps of neighbours counted as one (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


def _quality(query: str, token: str) -> int:
    """3 exact, 2 the start of the word, 1 within a typo or two (of the word or its start)."""
    if query == token:
        return 3
    if len(query) >= 2 and token.startswith(query):
        return 2
    if len(query) < 4 or not query.isalpha():
        return 0
    allowed = 1 if len(query) < 8 else 2
    if abs(len(query) - len(token)) <= allowed and _distance(query, token) <= allowed:
        return 1
    for size in (len(query) - 1, len(query), len(query) + 1):
        if 0 < size < len(token) and _distance(query, token[:size]) <= allowed:
            return 1
    return 0


@dataclass(frozen=True)
class _Indexed:
    skill: Skill
    name: frozenset[str]
    triggers: frozenset[str]
    other: frozenset[str]


def _index(skill: Skill) -> _Indexed:
    other = " ".join((skill.summary, *skill.steps, skill.category, skill.tradition))
    tags = [t for t in skill.triggers if t != ANY_TRIGGER]
    return _Indexed(
        skill,
        frozenset(_words(skill.name) + _words(skill.id)),
        frozenset(w for tag in tags for w in _words(tag)),
        frozenset(_words(other)),
    )


def search(skills: Iterable[Skill], words: str) -> list[Skill]:
    """Skills matching any of the words: name (and id) matches first, then trigger tags, then
    the rest of the text; more words matched and closer matches rank higher, ties by id.

    Partial words ("surf") and small typos ("surfng", "urg") still match.
    """
    query = _words(words)
    meaningful = [w for w in query if w not in _STOPWORDS] or query
    if not meaningful:
        return []
    alternatives = [{w, _SYNONYMS[w]} if w in _SYNONYMS else {w} for w in meaningful]
    memo: dict[tuple[str, str], int] = {}

    def best(options: set[str], tokens: frozenset[str]) -> int:
        top = 0
        for option in options:
            for token in tokens:
                key = (option, token)
                if key not in memo:
                    memo[key] = _quality(option, token)
                top = max(top, memo[key])
                if top == 3:
                    return 3
        return top

    ranked: list[tuple[tuple[int, int, int, int], str, Skill]] = []
    for item in (_index(s) for s in skills):
        matched = in_name = in_triggers = quality = 0
        for options in alternatives:
            for tier, tokens in ((3, item.name), (2, item.triggers), (1, item.other)):
                found = best(options, tokens)
                if found:
                    matched += 1
                    in_name += tier == 3
                    in_triggers += tier == 2
                    quality += found
                    break
        if matched:
            ranked.append(((-matched, -in_name, -in_triggers, -quality), item.skill.id, item.skill))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [skill for _, _, skill in ranked]


# -- effectiveness -------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillUse:
    """One use of a skill: how much it helped (0-10) and, when linked to a craving, that
    craving's triggers and intensity before and after."""

    skill_id: str
    helped: int | None
    triggers: tuple[str, ...]
    intensity_before: int | None
    intensity_after: int | None


@dataclass(frozen=True)
class SkillEffect:
    """How a skill has worked for this person; ``by_trigger`` holds the same numbers for the
    uses tagged with each trigger (their own ``by_trigger`` is empty)."""

    skill_id: str
    uses: int
    avg_helped: float | None
    avg_drop: float | None
    by_trigger: dict[str, SkillEffect] = field(default_factory=dict)


def _mean(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _effect(skill_id: str, uses: Sequence[SkillUse], nested: bool) -> SkillEffect:
    helped = [u.helped for u in uses if u.helped is not None]
    drops = [
        u.intensity_before - u.intensity_after
        for u in uses
        if u.intensity_before is not None and u.intensity_after is not None
    ]
    by_trigger: dict[str, SkillEffect] = {}
    if nested:
        tags = {t for u in uses for t in u.triggers}
        known = [t for t in TRIGGERS if t in tags] + sorted(tags - set(TRIGGERS))
        for tag in known:
            by_trigger[tag] = _effect(skill_id, [u for u in uses if tag in u.triggers], False)
    return SkillEffect(skill_id, len(uses), _mean(helped), _mean(drops), by_trigger)


def _effect_order(effect: SkillEffect) -> tuple[bool, float, int, str]:
    helped = effect.avg_helped
    return (helped is None, -(helped or 0.0), -effect.uses, effect.skill_id)


def effectiveness(uses: Iterable[SkillUse], trigger: str | None = None) -> list[SkillEffect]:
    """Per skill (only uses tagged ``trigger`` when given): uses, average helped, average drop
    in craving intensity (before minus after), and the same per trigger. Averages are rounded
    to two places. Sorted by average helped (highest first, unrated last), then uses, then id."""
    groups: dict[str, list[SkillUse]] = {}
    for use in uses:
        if trigger is None or trigger in use.triggers:
            groups.setdefault(use.skill_id, []).append(use)
    effects = [_effect(skill_id, group, True) for skill_id, group in groups.items()]
    return sorted(effects, key=_effect_order)


# -- suggestions ---------------------------------------------------------------------------

HELPED_AT_LEAST = 5.0
DROPPED_AT_LEAST = 2.0


def _helped(effect: SkillEffect) -> bool | None:
    """True if it helped, False if it did not, None if there is nothing to judge by."""
    if effect.avg_helped is not None:
        return effect.avg_helped >= HELPED_AT_LEAST
    if effect.avg_drop is not None:
        return effect.avg_drop >= DROPPED_AT_LEAST
    return None


def suggest(
    skills: Iterable[Skill],
    trigger: str | None,
    intensity: int | None,
    effects: Sequence[SkillEffect] = (),
    limit: int = 10,
) -> list[Skill]:
    """Skills to try now, best first.

    1. What has helped this person before, for this trigger when one is given (by average
       helped, then average drop, then uses); then what helped them with other triggers.
    2. Then by fit: the trigger in the skill's tags (before "any"), the intensity within its
       range, favourites first.
    3. Skills they tried that did not help come last. Ties break by id.
    """
    by_id = {e.skill_id: e for e in effects}

    def key(skill: Skill) -> tuple[int, float, float, int, int, int, int, str]:
        fit_trigger = 0
        if trigger is not None:
            fit_trigger = 2 if trigger in skill.triggers else int(ANY_TRIGGER in skill.triggers)
        fit_intensity = int(intensity is not None and skill.fits_intensity(intensity))
        fit = (-fit_trigger, -fit_intensity, -int(skill.favourite))
        overall = by_id.get(skill.id)
        specific = overall
        if trigger is not None and overall is not None:
            specific = overall.by_trigger.get(trigger)
        tier, judged = 2, None
        if specific is not None and _helped(specific) is not None:
            judged = specific
            tier = 0 if _helped(specific) else 3
        elif overall is not None and _helped(overall) is not None:
            judged = overall
            tier = 1 if _helped(overall) else 3
        if tier in (0, 1) and judged is not None:
            helped = judged.avg_helped if judged.avg_helped is not None else -1.0
            drop = judged.avg_drop if judged.avg_drop is not None else -99.0
            return (tier, -helped, -drop, -judged.uses, *fit, skill.id)
        return (tier, 0.0, 0.0, 0, *fit, skill.id)

    return sorted(skills, key=key)[: max(limit, 0)]
