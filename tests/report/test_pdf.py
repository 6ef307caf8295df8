"""The PDF opens and reads back: headings, names in other scripts, literal text, a sane size."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from recoverylog.journal import Journal
from recoverylog.report import build_report, render
from recoverylog.report.model import NoteRow
from recoverylog.report.pdf import MISSING, MISSING_NOTE
from recoverylog.sample import build_sample
from tests.conftest import FLOOR, PASSPHRASE
from tests.report.conftest import TODAY, Known
from tests.report.pdftext import extract_text

HEADINGS = ("Recovery journal summary", "Sober days", "Day by day", "Mood and sleep", "Triggers")


def test_pdf_is_a_pdf_with_the_font_embedded(known: Known) -> None:
    pdf = render(known.plain, "pdf")
    assert pdf.startswith(b"%PDF-1.") and pdf.rstrip().endswith(b"%%EOF")
    assert b"/FontFile2" in pdf and b"DejaVuSans" in pdf
    assert len(re.findall(rb"/Type /Page\b", pdf)) >= 2
    text = extract_text(pdf)
    for heading in HEADINGS:
        assert heading in text
    assert "Prepared by Zoë to share" in text and "Алкоголь" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) not installed")
def test_pdftotext_reads_headings_and_names(known: Known, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(render(known.notes, "pdf"))
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for heading in (*HEADINGS, "Skills that helped most, by trigger", "Reflections"):
        assert heading in result.stdout
    assert "Zoë" in result.stdout and "Алкоголь" in result.stdout
    assert "Page 1 of " in result.stdout


def test_text_the_font_lacks_is_marked_not_dropped(
    known: Known, caplog: pytest.LogCaptureFixture
) -> None:
    odd = NoteRow(date(2026, 3, 5), None, "Check-in note", "heart 💙 日本 tab\there {nb} x")
    long_word = NoteRow(date(2026, 3, 6), None, "Check-in note", "https://" + "a" * 600)
    model = replace(known.notes, notes=(*known.notes.notes, odd, long_word))
    with caplog.at_level(logging.WARNING):
        text = extract_text(render(model, "pdf"))
    assert f"heart {MISSING} {MISSING}{MISSING} tab    here {{nb}} x" in text  # nothing replaced
    assert MISSING_NOTE.split(";")[0] in text.replace("\n", " ").replace("  ", " ")
    assert "a" * 60 in text  # a very long word wraps instead of failing
    assert not [r for r in caplog.records if "missing" in r.getMessage()]


def test_one_year_report_stays_small(tmp_path: Path, data_dir: Path) -> None:
    from recoverylog.paths import locate

    journal, _ = Journal.create(locate(data_dir), PASSPHRASE, FLOOR)
    with journal:
        build_sample(journal, TODAY, days=365, tz_offset_hours=1)
        model = build_report(journal, TODAY - timedelta(days=364), TODAY, True)
    pdf = render(model, "pdf")
    assert len(pdf) < 2 * 1024 * 1024, len(pdf)
    assert len(model.calendar.months) == 12 and len(model.trends.points) == 365
    text = extract_text(pdf)
    assert "Prepared by J. to share" in text and "Reflections" in text
