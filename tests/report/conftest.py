"""A journal with known entries (built once per worker), its report models, and the CLI command.

The period is March 2026 (today is 2026-03-31). Every number the tests expect is worked out
by hand in the test that checks it, from the entries written here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from recoverylog.domain import models as m
from recoverylog.journal import Journal
from recoverylog.paths import locate
from recoverylog.report import ReportModel, build_report
from tests.conftest import FLOOR, PASSPHRASE
from tests.helpers import new_id

TODAY = date(2026, 3, 31)
NOW = "2026-03-31T12:00:00+01:00"
TZ = timezone(timedelta(hours=1))
START, END = date(2026, 3, 1), date(2026, 3, 31)
CANARY = "CANARY7Q"
MARKUP = "<script>alert(1)</script> **strong** [bold] `tick` a|b"
NOTE = f"{CANARY} {MARKUP}"
MARKUP_TRACK = "Gambling <script>x</script> **b** [i] |"
MARKUP_SKILL = "walk | [bold] **x** <script>"


@dataclass(frozen=True)
class Known:
    data_dir: Path
    plain: ReportModel  # notes left out
    notes: ReportModel  # --include-notes


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=TZ)


def fill_known(journal: Journal) -> None:
    """The known entries: see the module docstring of each test for the sums."""
    save = journal.save
    save(m.Settings(alias="Zoë"))
    alcohol = m.Track(new_id(), "Алкоголь", date(2026, 1, 1), Decimal("10"), note=NOTE)
    gambling = m.Track(new_id(), MARKUP_TRACK, date(2026, 3, 15))
    archived = m.Track(new_id(), "Cannabis", date(2025, 1, 1), archived=True)
    for track in (alcohol, gambling, archived):
        save(track)
    for slip_day, kind in (
        (date(2026, 2, 1), "lapse"),
        (date(2026, 3, 10), "lapse"),
        (date(2026, 3, 20), "return-to-use"),
    ):
        save(m.Slip(new_id(), alcohol.id, slip_day, kind, "21:30", NOTE, NOTE, NOTE))
    checkins = (
        (1, 4, "6", ("tired",), m.Meeting("AA", "in-person"), True),
        (2, 6, "7.5", ("tired", "lonely"), m.Meeting("SMART", "online"), False),
        (3, 8, None, (), m.Meeting("AA", "online"), True),
        (10, 3, "5", ("angry",), None, False),
        (31, None, "8", (), None, False),
    )
    for day, mood, sleep, halt, meeting, reached in checkins:
        save(
            m.CheckIn(
                new_id(),
                date(2026, 3, day),
                mood,
                2,
                halt,
                Decimal(sleep) if sleep else None,
                meeting,
                reached,
                None,
                NOTE,
                NOTE,
            )
        )
    save(m.CheckIn(new_id(), date(2026, 2, 28), mood=1, halt=("hungry",), note=NOTE))
    c1 = m.Craving(
        new_id(),
        _at(1, 7, 30),
        8,
        date(2026, 3, 1),
        ("stress", "tired"),
        NOTE,
        NOTE,
        ("mbrp-urge-surfing",),
        3,
        "passed",
        10,
        alcohol.id,
        NOTE,
    )
    c2 = m.Craving(
        new_id(), _at(2, 13), 6, date(2026, 3, 2), ("tired",), intensity_after=4, outcome="passed"
    )
    c3 = m.Craving(
        new_id(), _at(5, 20, 15), 9, date(2026, 3, 5), ("social-pressure",), outcome="used"
    )
    c4 = m.Craving(
        new_id(),
        _at(10, 23, 50),
        5,
        date(2026, 3, 10),
        ("lonely",),
        skills=("dbt-tipp",),
        intensity_after=5,
    )
    c5 = m.Craving(new_id(), _at(11, 2), 4, date(2026, 3, 11), intensity_after=1, outcome="ongoing")
    before = m.Craving(
        new_id(),
        datetime(2026, 2, 27, 9, tzinfo=TZ),
        10,
        date(2026, 2, 27),
        ("tired",),
        skills=("dbt-tipp",),
        intensity_after=0,
    )
    for craving in (c1, c2, c3, c4, c5, before):
        save(craving)
    save(
        m.CopingEntry(
            new_id(), _at(1, 7, 45), date(2026, 3, 1), "mbrp-urge-surfing", 7, c1.id, NOTE
        )
    )
    save(m.CopingEntry(new_id(), _at(2, 13, 5), date(2026, 3, 2), MARKUP_SKILL, 9, c2.id))
    save(m.CopingEntry(new_id(), _at(3, 9), date(2026, 3, 3), "dbt-tipp", 2, None, NOTE))
    save(
        m.Reflection(
            new_id(),
            _at(15, 21),
            date(2026, 3, 15),
            f"Week two {NOTE}",
            f"# Heading\n\n{NOTE}\n- a list",
            ("step work", CANARY),
        )
    )


@pytest.fixture(scope="session")
def known(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Known]:
    data_dir = tmp_path_factory.mktemp("known") / "journal"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RECOVERYLOG_NOW", NOW)
        journal, _ = Journal.create(locate(data_dir), PASSPHRASE, FLOOR)
        with journal:
            with journal.store.write():
                fill_known(journal)
            plain = build_report(journal, START, END, False)
            notes = build_report(journal, START, END, True)
    yield Known(data_dir, plain, notes)


@pytest.fixture(autouse=True)
def _frozen_now(_isolated_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every report test runs on 2026-03-31 (after the environment is cleaned)."""
    monkeypatch.setenv("RECOVERYLOG_NOW", NOW)


@pytest.fixture
def report_cli() -> None:
    """Make sure ``report`` is a command of the app (the lead wires it into cli/main.py)."""
    from recoverylog.cli import report_cmd
    from recoverylog.cli.main import app

    if not any(c.callback is report_cmd.report for c in app.registered_commands):
        report_cmd.register(app)


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)
