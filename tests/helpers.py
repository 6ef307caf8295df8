"""Builders of sample entities for tests that need a journal with content."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from recoverylog.domain import models as m
from recoverylog.journal import Journal

TZ = timezone(timedelta(hours=1))


def new_id() -> str:
    return str(uuid.uuid4())


def fill(journal: Journal, note: str = "a quiet day", track: str = "Alcohol") -> dict[str, str]:
    """One entity of each kind; returns their ids by table. Called again on the same journal,
    it keeps the journal's rules: the track gets its own name, the check-in its own day."""
    n = len(journal.records("track"))
    name = track if n == 0 else f"{track} {n + 1}"
    track = m.Track(new_id(), name, date(2024, 1, 31), Decimal("12.50"), Decimal("2"), note=note)
    slip = m.Slip(
        new_id(), track.id, date(2024, 3, 1), "lapse", "21:30", note=note, learned="call earlier"
    )
    checkin = m.CheckIn(
        new_id(),
        date(2024, 3, 2) + timedelta(days=n),
        mood=7,
        craving=3,
        halt=("tired",),
        sleep=Decimal("7.5"),
        meeting=m.Meeting("SMART", "online"),
        reached_out=True,
        gratitude="sunshine",
        note=note,
    )
    at = datetime(2024, 3, 2, 18, 5, tzinfo=TZ)
    craving = m.Craving(
        new_id(),
        at,
        8,
        at.date(),
        triggers=("stress", "tired"),
        situation="after work",
        skills=("mbrp-urge-surfing",),
        intensity_after=3,
        outcome="passed",
        duration_minutes=15,
        track_id=track.id,
        note=note,
    )
    coping = m.CopingEntry(new_id(), at, at.date(), "mbrp-urge-surfing", 8, craving.id, note)
    reflection = m.Reflection(
        new_id(), at, at.date(), "Week one", f"# Notes\n\n{note}", ("step work",)
    )
    surf = m.SurfSession(new_id(), craving.id, at, at.date(), ((0, 8), (1, 6), (2, 4)))
    settings = m.Settings(currency="€", medication_tracking=True, alias="R.")
    if journal.get("setting", "settings") is None:
        journal.save(settings)
    for entity in (track, slip, checkin, craving, coping, reflection, surf):
        journal.save(entity)
    return {
        "track": track.id,
        "slip": slip.id,
        "checkin": checkin.id,
        "craving": craving.id,
        "coping": coping.id,
        "reflection": reflection.id,
        "surf": surf.id,
    }
