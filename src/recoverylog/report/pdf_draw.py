"""Drawing with fpdf2 primitives for the PDF report: chart geometry and calendar months.

The shapes come from :mod:`recoverylog.report.charts` (the same ones the HTML report draws
as SVG), scaled from the chart's abstract box to millimetres on the page.
"""

from __future__ import annotations

import re
import secrets
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING

from recoverylog.report import charts
from recoverylog.report import model as rm

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
CELL_W, CELL_H, GAP = 7.4, 5.4, 0.6
MONTH_W = 7 * CELL_W + 6 * GAP
MONTH_TOP = 8.5


def new_document(title: str, footer: str, margin: float) -> tuple[FPDF, frozenset[int]]:
    """An A4 document with the shipped fonts and a footer on every page; also returns the
    code points that both faces can show."""
    from fpdf import FPDF
    from fpdf.fonts import TTFFont

    nb = "{nb" + secrets.token_hex(6) + "}"  # typed text can never contain the page alias

    class Doc(FPDF):
        def footer(self) -> None:
            self.set_y(-11)
            _font(self, 7, colour=charts.MUTED)
            self.cell(0, 4, f"{footer}   Page {self.page_no()} of {nb}", align="C")

    pdf = Doc(format="A4")
    pdf.alias_nb_pages(nb)
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(True, margin=16)
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT, style, str(resources.files("recoverylog.report") / "fonts" / name))
    pdf.set_title(title)
    pdf.set_creator("recoverylog")
    pdf.add_page()
    faces = [pdf.fonts[f"{FONT.lower()}{style}"] for style in FONT_FILES]
    glyphs = frozenset.intersection(*(frozenset(f.cmap) for f in faces if isinstance(f, TTFFont)))
    return pdf, glyphs


def wrap(
    pdf: FPDF, value: str, width: float, cache: dict[tuple[str, float, str], float]
) -> list[str]:
    """``value`` broken into lines no wider than ``width`` mm in the current font: at spaces,
    inside a word only when the word alone is too wide; the text's own line breaks kept."""
    key = (pdf.font_family + pdf.font_style, pdf.font_size_pt)

    def measure(piece: str) -> float:
        found = cache.get((*key, piece))
        if found is None:
            found = cache[(*key, piece)] = pdf.get_string_width(piece)
        return found

    lines: list[str] = []
    for source in value.split("\n"):
        line, used = "", 0.0
        for token in re.split(r"( +)", source):
            if not token:
                continue
            size = measure(token)
            if used + size <= width:
                line, used = line + token, used + size
            elif token.startswith(" "):
                lines.append(line)
                line, used = "", 0.0
            else:
                if line:
                    lines.append(line.rstrip(" "))
                line, used = "", 0.0
                for ch in token if size > width else (token,):
                    size = measure(ch)
                    if used + size > width and line:
                        lines.append(line)
                        line, used = "", 0.0
                    line, used = line + ch, used + size
        lines.append(line.rstrip(" "))
    return lines


def month_height(weeks: int) -> float:
    """Height of a month block with ``weeks`` rows, with room below it."""
    return MONTH_TOP + weeks * (CELL_H + GAP) + 2


def _font(pdf: FPDF, size: float, bold: bool = False, colour: charts.RGB = charts.INK) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*colour)


def chart(pdf: FPDF, shape: charts.Chart, x0: float, y0: float, width: float) -> None:
    """Draw ``shape`` with its top-left corner at (x0, y0), ``width`` mm wide."""
    scale = width / shape.width

    def at(x: float, y: float) -> tuple[float, float]:
        return x0 + x * scale, y0 + y * scale

    px, py, pw, ph = shape.plot
    _font(pdf, 6.5, colour=charts.MUTED)
    pdf.set_line_width(0.2)
    pdf.set_draw_color(*charts.GRID)
    for y, label in shape.y_ticks:
        pdf.line(*at(px, y), *at(px + pw, y))
        lx, ly = at(px - 6, y)
        pdf.text(lx - pdf.get_string_width(label), ly + 1, label)
    pdf.set_draw_color(154, 161, 173)
    for x, label in shape.x_ticks:
        pdf.line(*at(x, py + ph), *at(x, py + ph + 4))
        lx, ly = at(x, py + ph + 15)
        pdf.text(lx - pdf.get_string_width(label) / 2, ly, label)
    if shape.y_ticks or shape.x_ticks:
        pdf.line(*at(px, py + ph), *at(px + pw, py + ph))
    pdf.set_fill_color(*shape.colour)
    pdf.set_draw_color(*shape.colour)
    with pdf.local_context(fill_opacity=0.45):
        for x, y in shape.dots:
            pdf.circle(*at(x, y), 2.4 * scale, style="F")
    pdf.set_line_width(0.7)
    for line in shape.lines:
        pdf.polyline([at(x, y) for x, y in line])
    _font(pdf, 7.5)
    for bar in shape.bars:
        lx, ly = at(bar.x - 8, bar.y + bar.h / 2)
        pdf.text(lx - pdf.get_string_width(bar.label), ly + 1.2, bar.label)
        bx, by = at(bar.x, bar.y)
        pdf.rect(bx, by, max(bar.w * scale, 0.2), bar.h * scale, style="F")
        vx, _ = at(bar.x + bar.w + 6, 0)
        pdf.text(vx, ly + 1.2, bar.value)
    if shape.empty:
        _font(pdf, 8, colour=charts.MUTED)
        cx, cy = at(px + pw / 2, py + ph / 2)
        pdf.text(cx - pdf.get_string_width(shape.empty) / 2, cy, shape.empty)


def month(pdf: FPDF, block: rm.Month, x0: float, y0: float) -> None:
    """One calendar month: its name, the weekday letters and a cell per day of the period."""
    _font(pdf, 8, True)
    pdf.text(x0, y0 + 3, block.label)
    _font(pdf, 6, colour=charts.MUTED)
    for i, letter in enumerate("MTWTFSS"):
        cx = x0 + i * (CELL_W + GAP) + CELL_W / 2
        pdf.text(cx - pdf.get_string_width(letter) / 2, y0 + 7, letter)
    for w, week in enumerate(block.weeks):
        for i, found in enumerate(week):
            if found is not None:
                x, y = x0 + i * (CELL_W + GAP), y0 + MONTH_TOP + w * (CELL_H + GAP)
                day_cell(pdf, found, x, y)


def day(pdf: FPDF, found: rm.Day, x: float, y: float, w: float = CELL_W, h: float = CELL_H) -> None:
    """A day cell: mood shade, a status bar along the bottom, an outline for a slip."""
    pdf.set_fill_color(*charts.day_fill(found))
    pdf.rect(x, y, w, h, style="F")
    pdf.set_fill_color(*charts.status_colour(found))
    pdf.rect(x, y + h - 1.0, w, 1.0, style="F")
    if found.status == "slip":
        pdf.set_draw_color(*charts.SLIP)
        pdf.set_line_width(0.5)
        pdf.rect(x + 0.25, y + 0.25, w - 0.5, h - 0.5, style="D")


def day_cell(pdf: FPDF, found: rm.Day, x: float, y: float) -> None:
    day(pdf, found, x, y)
    _font(pdf, 6, found.status == "slip", charts.text_on(found.mood))
    label = str(found.date.day)
    pdf.text(x + (CELL_W - pdf.get_string_width(label)) / 2, y + 3.2, label)


def legend(pdf: FPDF, when: date, x: float, y: float) -> None:
    """Swatches for sober, slip and no data, and the ten mood shades."""
    samples: tuple[tuple[str, rm.DayKind], ...] = (
        ("Sober day", "sober"),
        ("Slip", "slip"),
        ("No data", "none"),
    )
    for label, status in samples:
        day(pdf, rm.Day(when, status, None, False), x, y + 0.3, 4.5, 4)
        _font(pdf, 8)
        pdf.text(x + 6, y + 3.6, label)
        x += 10 + pdf.get_string_width(label)
    pdf.text(x, y + 3.6, "Mood:")
    x += pdf.get_string_width("Mood:") + 2
    for mood in range(1, 11):
        pdf.set_fill_color(*charts.mood_shade(mood))
        pdf.rect(x, y + 0.5, 4, 3.6, style="F")
        x += 4.4
    pdf.text(x + 1, y + 3.6, "1 to 10")
