"""The report model's numbers match hand counts from the known journal (tests/report/conftest.py).

Period 2026-03-01..2026-03-31, counted as of 2026-03-31. "Алкоголь" started 2026-01-01 with
slips on 02-01 (lapse), 03-10 (lapse) and 03-20 (return to use); runs: 01-01..01-31 (31 days),
02-02..03-09 (36), 03-11..03-19 (9), and the current run from 03-21 (10 days).
"""

from __future__ import annotations

from datetime import date

import pytest

from recoverylog.errors import InvalidInput
from recoverylog.journal import Journal
from recoverylog.paths import locate
from recoverylog.report import build_report, default_period
from tests.conftest import PASSPHRASE
from tests.report.conftest import MARKUP_SKILL, MARKUP_TRACK, NOTE, Known


def test_track_rows_match_hand_counts(known: Known) -> None:
    alcohol, gambling = known.plain.tracks
    assert alcohol.name == "Алкоголь"
    assert (alcohol.current_days, alcohol.longest_days, alcohol.total_sober_days) == (10, 36, 86)
    assert (alcohol.days_in_period, alcohol.sober_days) == (31, 29)
    assert alcohol.sober_rate == pytest.approx(29 / 31)
    assert (alcohol.lapses, alcohol.returns_to_use) == (1, 1)  # the February lapse is outside
    assert [(ms.label, ms.date) for ms in alcohol.milestones] == [
        ("30 days", date(2026, 3, 4)),  # run from 02-02
        ("1 day", date(2026, 3, 12)),  # run from 03-11
        ("1 week", date(2026, 3, 18)),
        ("1 day", date(2026, 3, 22)),  # current run from 03-21
        ("1 week", date(2026, 3, 28)),
    ]
    assert [(s.date, s.kind_label) for s in alcohol.slips] == [
        (date(2026, 3, 10), "Lapse"),
        (date(2026, 3, 20), "Return to use"),
    ]
    assert gambling.name == MARKUP_TRACK  # started mid-period, no slips
    assert (gambling.current_days, gambling.longest_days, gambling.total_sober_days) == (16, 16, 16)
    assert (gambling.days_in_period, gambling.sober_days, gambling.sober_rate) == (17, 17, 1.0)
    assert [(ms.label, ms.date) for ms in gambling.milestones] == [
        ("1 day", date(2026, 3, 16)),
        ("1 week", date(2026, 3, 22)),
    ]
    assert "Cannabis" not in [t.name for t in known.plain.tracks]  # archived, no slip in period


def test_calendar_marks_slips_and_moods(known: Known) -> None:
    cal = known.plain.calendar
    assert len(cal.days) == 31
    assert (cal.sober, cal.slip, cal.no_data) == (29, 2, 0)
    by_day = {d.date: d for d in cal.days}
    assert (by_day[date(2026, 3, 10)].status, by_day[date(2026, 3, 10)].mood) == ("slip", 3)
    assert by_day[date(2026, 3, 10)].slip_tracks == ("Алкоголь",)
    assert (by_day[date(2026, 3, 1)].status, by_day[date(2026, 3, 1)].mood) == ("sober", 4)
    assert by_day[date(2026, 3, 31)].checked_in and by_day[date(2026, 3, 31)].mood is None
    assert not by_day[date(2026, 3, 4)].checked_in
    march = cal.months[0]
    assert march.label == "March 2026" and len(march.weeks) == 6  # 2026-03-01 is a Sunday
    assert march.weeks[0][:6] == (None,) * 6 and march.weeks[0][6] == by_day[date(2026, 3, 1)]


def test_days_before_any_track_are_no_data(known: Known) -> None:
    with Journal.open(locate(known.data_dir), PASSPHRASE) as journal:
        model = build_report(journal, date(2025, 12, 25), date(2026, 1, 5), False)
    cal = model.calendar
    assert (cal.sober, cal.slip, cal.no_data) == (5, 0, 7)
    assert [t.name for t in model.tracks] == ["Алкоголь"]
    assert [m.label for m in cal.months] == ["December 2025", "January 2026"]
    assert model.tracks[0].days_in_period == 5 and model.tracks[0].current_days == 4


def test_coverage_trends_and_meetings(known: Known) -> None:
    model = known.plain
    assert (model.coverage.checkin_days, model.coverage.days) == (5, 31)
    assert model.coverage.longest_streak == 3  # 03-01..03-03
    assert model.coverage.rate == pytest.approx(5 / 31)
    trends = model.trends
    assert trends.mood_average == pytest.approx((4 + 6 + 8 + 3) / 4)
    assert trends.sleep_average == pytest.approx((6 + 7.5 + 5 + 8) / 4)
    assert (trends.mood_days, trends.sleep_days) == (4, 4)
    assert len(trends.points) == 31
    first_week = trends.weeks[0]  # Monday 2026-02-23: only 03-01 is in the period
    assert (first_week.start, first_week.mood, first_week.sleep) == (date(2026, 2, 23), 4, 6)
    assert [(w.start, w.mood) for w in trends.weeks[1:2]] == [(date(2026, 3, 2), 7.0)]
    assert [(m.label, m.checkins) for m in trends.months] == [("Mar 2026", 5)]
    support = model.support
    assert [(r.type, r.in_person, r.online) for r in support.meetings] == [
        ("AA", 1, 1),
        ("SMART Recovery", 0, 1),
    ]
    assert (support.meetings_total, support.reached_out_days, support.checkin_days) == (3, 2, 5)


def test_cravings(known: Known) -> None:
    c = known.plain.cravings
    assert c.count == 5  # the February craving is outside the period
    assert c.average_intensity == pytest.approx((8 + 6 + 9 + 5 + 4) / 5)
    assert [(b.key, b.count) for b in c.times] == [
        ("night", 1),  # 02:00
        ("morning", 1),  # 07:30
        ("afternoon", 1),  # 13:00
        ("evening", 2),  # 20:15, 23:50
    ]
    assert (c.passed, c.used, c.ongoing, c.unrecorded) == (2, 1, 1, 1)
    assert c.coped == 3  # a skill on the craving, or a coping entry linked to it
    assert c.average_drop == pytest.approx((5 + 2 + 0) / 3) and c.drop_count == 3


def test_triggers_ranked_with_halt_from_checkins(known: Known) -> None:
    rows = [(r.trigger, r.cravings, r.checkins, r.total, r.halt) for r in known.plain.triggers]
    assert rows == [
        ("tired", 2, 2, 4, True),
        ("lonely", 1, 1, 2, True),
        ("angry", 0, 1, 1, True),  # ties keep the vocabulary's order
        ("stress", 1, 0, 1, False),
        ("social-pressure", 1, 0, 1, False),
    ]
    assert known.plain.triggers[0].label == "Tired (HALT)"


def test_skills_that_helped_most_per_trigger(known: Known) -> None:
    groups = {g.trigger: g.skills for g in known.plain.skills_by_trigger}
    assert list(groups) == ["tired", "lonely", "stress"]
    tired = [(s.skill, s.uses, s.average_helped, s.average_drop) for s in groups["tired"]]
    assert tired == [(MARKUP_SKILL, 1, 9.0, 2.0), ("mbrp-urge-surfing", 1, 7.0, 5.0)]
    assert groups["tired"][0].name == MARKUP_SKILL  # free text is its own name
    lonely = [(s.skill, s.uses, s.average_helped, s.average_drop) for s in groups["lonely"]]
    assert lonely == [("dbt-tipp", 1, None, 0.0)]  # named on the craving, never rated
    assert [s.skill for s in groups["stress"]] == ["mbrp-urge-surfing"]


def test_notes_and_reflections_only_when_included(known: Known) -> None:
    assert known.plain.notes == () and known.plain.reflections == ()
    assert all(s.note == s.trigger == s.learned == "" for t in known.plain.tracks for s in t.slips)
    notes = known.notes
    assert len(notes.notes) == 10 + 3 + 2 + 6  # check-ins, craving c1, coping, slips
    assert all(n.text == NOTE for n in notes.notes)
    assert [n.date for n in notes.notes] == sorted(n.date for n in notes.notes)
    assert len(notes.reflections) == 1 and notes.reflections[0].tags[0] == "step work"
    assert notes.tracks[0].slips[0].learned == NOTE
    assert (notes.alias, notes.generated, notes.days) == ("Zoë", date(2026, 3, 31), 31)


def test_period_is_checked(known: Known) -> None:
    with Journal.open(locate(known.data_dir), PASSPHRASE) as journal:
        with pytest.raises(InvalidInput, match="--from must be on or before --to"):
            build_report(journal, date(2026, 3, 5), date(2026, 3, 1), False)
        with pytest.raises(InvalidInput, match=r"--to must be today \(2026-03-31\) or earlier"):
            build_report(journal, date(2026, 3, 1), date(2026, 4, 1), False)
    assert default_period(date(2026, 3, 31)) == (date(2026, 3, 2), date(2026, 3, 31))
