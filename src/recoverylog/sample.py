"""A generated sample journal: a few months of realistic, kindly written entries.

Used by ``recoverylog demo``, by the TUI snapshot tests (with a fixed seed and date) and, at a
larger scale, by the benchmarks. Deterministic for a given seed and ``today``.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from recoverylog.domain import models as m
from recoverylog.entries import new_id

if TYPE_CHECKING:
    from recoverylog.journal import Journal

GRATITUDE = (
    "a long walk with the dog",
    "my sister called back",
    "slept through the night",
    "coffee with Sam after the meeting",
    "the first warm day in weeks",
    "finishing the week at work",
    "a good laugh at dinner",
    "being able to remember last night",
)
NOTES = (
    "Tired after work but steady.",
    "Busy day. Kept to the plan.",
    "Felt low in the afternoon; a walk helped.",
    "Quiet evening, cooked something real.",
    "Meeting was good. Said a few words.",
    "Irritable this morning, better by lunch.",
    "",
    "",
)
SITUATIONS = (
    "walking past the bar on the way home",
    "friday night, friends going out",
    "after an argument on the phone",
    "alone at home, nothing planned",
    "payday",
    "stressful meeting at work",
)
SKILLS = (
    ("mbrp-urge-surfing", 7),
    ("twelve-call-sponsor", 8),
    ("twelve-halt-check", 6),
    ("dbt-tipp", 7),
    ("smart-deads", 6),
    ("cbt-delay-and-distract", 5),
    ("a walk round the block", 6),
)
REFLECTIONS = (
    (
        "What I noticed this week",
        "Cravings come in the early evening, mostly when I'm **tired**.\n\n"
        "- eat before leaving work\n- text Sam on the way home",
    ),
    (
        "Gratitude list",
        "1. My health is coming back\n2. Mornings feel clear\n3. People who answer the phone",
    ),
    (
        "Step work notes",
        "Wrote for twenty minutes about the times I said *just one*. Hard, but lighter after.",
    ),
    ("A harder day", "Didn't use, didn't feel great either. Both can be true."),
)
TRIGGER_SETS = (
    ("tired", "stress"),
    ("lonely", "boredom"),
    ("social-pressure", "places"),
    ("angry", "people"),
    ("celebration",),
    ("hungry", "tired"),
    ("anxiety",),
)


def build_sample(
    journal: Journal,
    today: date,
    *,
    days: int = 120,
    seed: int = 7,
    tz_offset_hours: int | None = None,
) -> None:
    """Fill ``journal`` with ``days`` of entries ending ``today`` (all in one transaction)."""
    rng = random.Random(seed)
    tz = datetime.now().astimezone().tzinfo if tz_offset_hours is None else None
    if tz_offset_hours is not None:
        from datetime import timezone

        tz = timezone(timedelta(hours=tz_offset_hours))
    start = today - timedelta(days=days)
    with journal.store.write():
        if journal.get("setting", "settings") is None:
            journal.save(m.Settings(currency="$", alias="J."))
        alcohol = m.Track(new_id(), "Alcohol", start, Decimal("15"), Decimal("3"))
        gambling = m.Track(new_id(), "Gambling", start + timedelta(days=days // 3), Decimal("20"))
        journal.save(alcohol)
        journal.save(gambling)
        slip_day = start + timedelta(days=days // 4)
        journal.save(
            m.Slip(
                new_id(),
                alcohol.id,
                slip_day,
                "lapse",
                "22:10",
                "Two drinks at a leaving do.",
                "social-pressure",
                "Leave before the second round; bring my own ride.",
            )
        )
        for offset in range(days + 1):
            day = start + timedelta(days=offset)
            if rng.random() < 0.85 or day == today - timedelta(days=1):
                _checkin(journal, rng, day)
            if day == today:  # times of day are random: keep them out of today's future
                continue
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                _craving(journal, rng, day, tz, alcohol.id)
            if rng.random() < 0.08:
                title, body = rng.choice(REFLECTIONS)
                at = datetime.combine(day, time(21, rng.randrange(60)), tz)
                journal.save(m.Reflection(new_id(), at, day, title, body, ("weekly",)))


def _checkin(journal: Journal, rng: random.Random, day: date) -> None:
    halt = tuple(h for h in m.HALT if rng.random() < 0.15)
    meeting = None
    if rng.random() < 0.35:
        meeting = m.Meeting(
            rng.choice(("AA", "SMART", "SOS", "other")), rng.choice(m.MEETING_MODES)
        )
    journal.save(
        m.CheckIn(
            new_id(),
            day,
            mood=rng.randint(4, 9),
            craving=rng.randint(0, 6),
            halt=halt,
            sleep=Decimal(rng.choice(("6", "6.5", "7", "7.5", "8"))),
            meeting=meeting,
            reached_out=rng.random() < 0.4,
            gratitude=rng.choice(GRATITUDE),
            note=rng.choice(NOTES),
        )
    )


def _craving(journal: Journal, rng: random.Random, day: date, tz: object, track_id: str) -> None:
    at = datetime.combine(day, time(rng.randint(8, 22), rng.randrange(60)), tz)  # type: ignore[arg-type]
    intensity = rng.randint(3, 9)
    skill, helped = rng.choice(SKILLS)
    after = max(0, intensity - rng.randint(1, 6))
    craving = m.Craving(
        new_id(),
        at,
        intensity,
        day,
        rng.choice(TRIGGER_SETS),
        rng.choice(SITUATIONS),
        "",
        (skill,),
        after,
        "passed",
        rng.choice((5, 10, 15, 20, 30)),
        track_id,
        "",
    )
    journal.save(craving)
    journal.save(
        m.CopingEntry(
            new_id(),
            at + timedelta(minutes=1),
            day,
            skill,
            max(0, min(10, helped + rng.randint(-2, 2))),
            craving.id,
            "",
        )
    )
