"""Every format: notes stay out unless included, the person's text is escaped, nothing is fetched,
and the report's own words are person-first."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoverylog.report import ReportModel, render
from recoverylog.report.seal import unseal
from recoverylog.report.text import escape_md, md_cell
from recoverylog.report.write import write_report
from tests.report.conftest import CANARY, MARKUP_SKILL, MARKUP_TRACK, Known
from tests.report.pdftext import extract_text

FORMATS = ("md", "html", "pdf", "sealed")
STIGMA = re.compile(r"\b(?:abus\w*|clean|dirty|failures?|failed|addicts?|relaps\w*)\b", re.I)
EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|action|poster|srcset|xlink:href)\s*=\s*["']?\s*(?!data:|#)[^\s"'>]+)"""
    r"""|url\(\s*["']?\s*(?!data:|#)|@import""",
    re.I,
)


def as_text(model: ReportModel, fmt: str, tmp_path: Path) -> str:
    """The report as a reader would get its text (PDF: extracted; sealed: the file itself)."""
    if fmt == "sealed":
        path = tmp_path / "sealed.html"
        write_report(model, "html", path, seal=True)
        return path.read_text(encoding="utf-8")
    data = render(model, fmt)
    return extract_text(data) if fmt == "pdf" else data.decode("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_notes_stay_out_unless_included(known: Known, fmt: str, tmp_path: Path) -> None:
    without = as_text(known.plain, fmt, tmp_path)
    assert CANARY not in without
    assert "Notes and reflections" in without or fmt == "sealed"
    (tmp_path / "sealed.html").unlink(missing_ok=True)
    with_notes = as_text(known.notes, fmt, tmp_path)
    if fmt == "sealed":
        assert CANARY not in with_notes  # sealed: no plaintext at all
    else:
        assert with_notes.count(CANARY) >= 21  # notes, slip notes, reflection title and body


def test_sealed_report_holds_the_notes_inside(known: Known, tmp_path: Path) -> None:
    path = tmp_path / "sealed.html"
    passphrase = write_report(known.notes, "html", path, seal=True)
    assert passphrase is not None
    assert CANARY in unseal(path.read_text(encoding="utf-8"), passphrase)


def test_markup_in_markdown_is_escaped(known: Known) -> None:
    md = render(known.notes, "md").decode()
    assert "<script>" not in md and "**strong**" not in md and "[bold]" not in md
    assert r"\<script\>alert(1)\</script\> \*\*strong\*\* \[bold\] \`tick\` a\|b" in md
    skill_row = next(line for line in md.splitlines() if "walk" in line)
    assert r"| walk \| \[bold\] \*\*x\*\* \<script\>" in skill_row
    assert skill_row.count("|") - skill_row.count(r"\|") == 6  # five cells, none split
    track_row = next(line for line in md.splitlines() if line.startswith("| Gambling"))
    assert track_row.count("|") - track_row.count(r"\|") == 9
    assert "\n\\# Heading" in md.replace("> ", "\n")  # a reflection's heading stays text


def test_markup_in_html_is_escaped_and_nothing_is_fetched(known: Known) -> None:
    html = render(known.notes, "html").decode()
    assert "<script" not in html.lower()  # the report itself has no script at all
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **strong** [bold]" in html
    assert "Gambling &lt;script&gt;x&lt;/script&gt; **b** [i] |" in html
    assert "<b>" not in html and "<i>" not in html
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp is not None and unescape(csp.group(1)).startswith("default-src 'none';")
    style = html[html.index("<style>") : html.index("</style>")]
    assert "&#" not in style and "&quot;" not in style and '"DejaVu Sans"' in style


def test_sealed_page_fetches_nothing(known: Known, tmp_path: Path) -> None:
    page = as_text(known.notes, "sealed", tmp_path)
    assert not EXTERNAL.search(page), EXTERNAL.search(page)
    assert "script-src 'sha256-" in page and "script-src 'unsafe-inline'" not in page


def test_markup_in_pdf_is_literal(known: Known) -> None:
    text = extract_text(render(known.notes, "pdf"))
    assert "<script>alert(1)</script> **strong** [bold] `tick` a|b" in text
    assert MARKUP_TRACK in text and MARKUP_SKILL in text


@pytest.mark.parametrize("fmt", ("md", "html", "pdf"))
def test_own_words_are_person_first(known: Known, fmt: str, tmp_path: Path) -> None:
    found = STIGMA.findall(as_text(known.notes, fmt, tmp_path))
    assert found == []


@pytest.mark.parametrize("fmt", ("md", "html", "pdf"))
def test_every_section_is_there(known: Known, fmt: str, tmp_path: Path) -> None:
    text = as_text(known.notes, fmt, tmp_path)
    for heading in (
        "Recovery journal summary",
        "Contains health information, shared by choice",
        "a sponsor, a peer group or a therapist",
        "Sober days",
        "Day by day",
        "Check-ins",
        "Mood and sleep",
        "Meetings and reaching out",
        "Cravings",
        "Triggers",
        "Skills that helped most, by trigger",
        "Notes",
        "Reflections",
        "2026-03-01 to 2026-03-31 (31 days)",
    ):
        assert heading in text, heading


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc"))))
def test_escape_md_round_trips_and_leaves_no_markup(value: str) -> None:
    escaped = escape_md(value)
    assert re.sub(r"\\(.)", r"\1", escaped) == value
    unescaped_specials = re.findall(r"(?<!\\)(?:\\\\)*[`*_\[\]<>|#&~]", escaped)
    assert unescaped_specials == []
    assert "\n" not in md_cell(value) and md_cell(value).strip() != "" or not value.strip()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) not installed")
def test_pdftotext_agrees_on_the_notes(known: Known, tmp_path: Path) -> None:
    (tmp_path / "r.pdf").write_bytes(render(known.plain, "pdf"))
    out = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True
    )
    assert "Skills that helped most" in out.stdout and CANARY not in out.stdout
    (tmp_path / "n.pdf").write_bytes(render(known.notes, "pdf"))
    out = subprocess.run(
        ["pdftotext", str(tmp_path / "n.pdf"), "-"], capture_output=True, text=True
    )
    assert CANARY in out.stdout and "<script>alert(1)</script> **strong**" in out.stdout
