"""Reports of nearly nothing: an empty journal, a one-day period, an archived track that slipped."""

from __future__ import annotations

from datetime import UTC, date, timedelta
from decimal import Decimal

import pytest

from recoverylog.domain import models as m
from recoverylog.journal import Journal
from recoverylog.report import ReportModel, build_report, render
from recoverylog.report import text as t
from tests.helpers import new_id
from tests.report.conftest import TODAY
from tests.report.pdftext import extract_text


def _texts(model: ReportModel) -> dict[str, str]:
    out = {fmt: render(model, fmt).decode() for fmt in ("md", "html")}
    out["pdf"] = extract_text(render(model, "pdf"))
    return out


def test_an_empty_journal_still_makes_a_kind_report(journal: Journal) -> None:
    model = build_report(journal, TODAY - timedelta(days=29), TODAY, True)
    assert model.tracks == () and model.cravings.count == 0 and model.coverage.checkin_days == 0
    assert (model.calendar.no_data, model.calendar.sober) == (30, 0)
    assert model.trends.mood_average is None and model.skills_by_trigger == ()
    for fmt, text in _texts(model).items():
        for sentence in (t.NO_TRACKS, t.NO_CRAVINGS, t.NO_TRIGGERS, t.NO_NOTES, t.NO_REFLECTIONS):
            assert sentence in text.replace("\n", " ").replace("  ", " "), (fmt, sentence)
        assert "Prepared to share with a sponsor" in text


def test_one_day_and_an_archived_track_that_slipped(journal: Journal) -> None:
    track = m.Track(new_id(), "Nicotine", date(2026, 3, 1), Decimal("5"), archived=True)
    journal.save(track)
    journal.save(m.Slip(new_id(), track.id, TODAY, "return-to-use"))
    journal.save(m.CheckIn(new_id(), TODAY, mood=10, sleep=Decimal("9.5")))
    model = build_report(journal, TODAY, TODAY, False)
    (row,) = model.tracks
    assert (row.name, row.archived, row.returns_to_use, row.sober_rate) == (
        "Nicotine",
        True,
        1,
        0.0,
    )
    assert (row.current_days, row.longest_days, row.total_sober_days) == (0, 30, 30)
    assert [d.status for d in model.calendar.days] == ["slip"]
    assert model.trends.mood_average == 10 and model.coverage.rate == 1.0
    texts = _texts(model)
    assert "Nicotine (archived)" in texts["md"] and "(archived)" in texts["html"]
    assert "1 day" in texts["pdf"] and "Return to use" in texts["pdf"]


@pytest.mark.parametrize("days", [1, 2, 62, 63, 400, 800])
def test_charts_fit_any_period(days: int) -> None:
    from recoverylog.report import charts
    from recoverylog.report.model import Point, Trends

    start = date(2024, 1, 1)
    points = tuple(Point(start + timedelta(days=i), 1 + i % 10, float(i % 13)) for i in range(days))
    trends = Trends(points, (), (), 5.0, 6.0, days, days)
    for chart in (charts.mood_chart(trends), charts.sleep_chart(trends)):
        assert len(chart.dots) == days
        assert all(0 <= x <= chart.width and 0 <= y <= chart.height for x, y in chart.dots)
        assert all(0 <= x <= chart.width for x, _ in chart.x_ticks)
        assert charts.svg(chart).startswith("<svg") and "http" not in charts.svg(chart)


def test_control_characters_are_shown_not_obeyed(journal: Journal) -> None:
    """An ANSI escape in a name, a note or a skill reaches no report file raw (``cat`` on a
    Markdown or HTML report must not act on the terminal)."""
    from datetime import datetime

    esc = "\x1b[31m"
    track = m.Track(new_id(), f"Gam{esc}bling", date(2026, 3, 1))
    journal.save(track)
    at = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
    craving = m.Craving(new_id(), at, 6, at.date(), triggers=("stress",), note=f"bell\x07{esc}")
    journal.save(craving)
    journal.save(m.CopingEntry(new_id(), at, at.date(), f"walk{esc}", 7, craving.id, "ok"))
    journal.save(m.CheckIn(new_id(), at.date(), mood=5, note=f"back\x08space{esc}"))
    model = build_report(journal, TODAY - timedelta(days=29), TODAY, True)
    md, html = (render(model, fmt).decode() for fmt in ("md", "html"))
    for text in (md, html):
        assert not any(ch in text for ch in "\x1b\x07\x08")
    # Markdown escapes the backslash and the bracket, so that it reads as typed once rendered.
    assert r"Gam\\x1b\[31mbling" in md and r"back\\x08space" in md
    assert r"Gam\x1b[31mbling" in html and r"bell\x07\x1b[31m" in html
    assert r"walk\x1b[31m" in html
