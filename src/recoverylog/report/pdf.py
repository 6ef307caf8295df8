"""The report as a PDF (fpdf2): the same sections as HTML, charts drawn with fpdf2 shapes.

Text is set in the shipped DejaVu Sans (its licence is ``fonts/LICENSE-DejaVu.txt``), so
names and notes in Latin, Greek, Cyrillic and many other scripts print as typed. The
person's text is always literal: no markdown interpretation, and a per-document page-count
alias so that no typed text can be replaced either.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from recoverylog.report import charts, text
from recoverylog.report import model as rm
from recoverylog.report import pdf_draw as draw

if TYPE_CHECKING:
    pass

FONT = draw.FONT
MARGIN = 15.0
CONTENT_W = 210.0 - 2 * MARGIN
LINE = 4.6
CAL_COLS = 3
BLUE: charts.RGB = (28, 63, 110)
MISSING = "\u25a1"  # WHITE SQUARE: a character the font cannot show
MISSING_NOTE = (
    f"{MISSING} marks characters that this PDF's font cannot show (for example emoji, or "
    "Chinese, Japanese, Korean and Indic scripts); the HTML and Markdown reports show them "
    "as typed."
)


def render_pdf(model: rm.ReportModel) -> bytes:
    """The PDF document's bytes."""
    doc = _Writer(model)
    doc.write()
    return bytes(doc.pdf.output())


class _Writer:
    def __init__(self, model: rm.ReportModel) -> None:
        self.m = model
        footer = f"{text.TITLE}, {model.start} to {model.end}. {text.HEALTH_SHORT}"
        self.pdf, self.glyphs = draw.new_document(text.TITLE, footer, MARGIN)
        self.missing = 0
        self.widths: dict[tuple[str, float, str], float] = {}

    def printable(self, value: str) -> str:
        """``value`` with every character the font lacks shown as a white square."""
        if all(ord(ch) in self.glyphs for ch in value):
            return value
        out = []
        for ch in value:
            if ch == "\n" or ord(ch) in self.glyphs:
                out.append(ch)
            elif ch == "\t":
                out.append("    ")
            elif ch != "\r":
                out.append(MISSING)
                self.missing += 1
        return "".join(out)

    # -- building blocks --------------------------------------------------------------
    def font(self, size: float, bold: bool = False, colour: charts.RGB = charts.INK) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.set_text_color(*colour)

    def para(self, value: str, size: float = 9.5, colour: charts.RGB = charts.INK) -> None:
        """A paragraph, wrapped here (fpdf2's own wrapping is quadratic in a line's length)."""
        self.font(size, colour=colour)
        pdf = self.pdf
        height = size * 0.5
        y = pdf.get_y()
        for line in draw.wrap(pdf, self.printable(value), CONTENT_W, self.widths):
            if y + height > pdf.page_break_trigger:
                pdf.add_page()
                self.font(size, colour=colour)  # the footer changed it
                y = pdf.get_y()
            if line:
                pdf.text(MARGIN, y + height * 0.72, line)
            y += height
        pdf.set_y(y + 1)

    def room(self, height: float) -> None:
        """Start a new page unless ``height`` mm fit below."""
        if self.pdf.get_y() + height > self.pdf.page_break_trigger:
            self.pdf.add_page()

    def h2(self, key: str, keep: float = 30) -> None:
        self.room(keep)
        self.pdf.ln(3)
        self.font(13, True, BLUE)
        self.pdf.cell(0, 7, text.SECTIONS[key], new_x="LMARGIN", new_y="NEXT")
        y = self.pdf.get_y()
        self.pdf.set_draw_color(221, 228, 238)
        self.pdf.set_line_width(0.5)
        self.pdf.line(MARGIN, y, MARGIN + CONTENT_W, y)
        self.pdf.ln(2)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        align: str,
    ) -> None:
        from fpdf.fonts import FontFace

        self.font(8.5)
        self.pdf.set_fill_color(*charts.WHITE)  # a table takes the current fill for its cells
        self.pdf.set_draw_color(227, 231, 237)
        self.pdf.set_line_width(0.2)
        aligns = tuple("RIGHT" if a == "r" else "LEFT" for a in align)
        heading = FontFace(emphasis="BOLD", color=(74, 81, 96), fill_color=(243, 246, 250))
        with self.pdf.table(
            col_widths=tuple(widths),
            text_align=aligns,
            headings_style=heading,
            borders_layout="HORIZONTAL_LINES",
            line_height=4.4,
            padding=(0.8, 1.2),
            markdown=False,
            repeat_headings=1,
            width=CONTENT_W,
        ) as table:
            for row in [headers, *rows]:
                cells = table.row()
                for value in row:
                    cells.cell(self.printable(value))
        self.pdf.ln(2)

    def chart(self, chart: charts.Chart, caption: str) -> None:
        height = chart.height * CONTENT_W / chart.width
        self.room(height + 8)
        self.font(9, True)
        self.pdf.cell(0, 5, caption, new_x="LMARGIN", new_y="NEXT")
        y0 = self.pdf.get_y()
        draw.chart(self.pdf, chart, MARGIN, y0, CONTENT_W)
        self.pdf.set_y(y0 + height + 2)

    # -- sections ---------------------------------------------------------------------
    def write(self) -> None:
        for section in (
            self.header,
            self.tracks,
            self.calendar,
            self.coverage,
            self.trends,
            self.support,
            self.cravings,
            self.triggers,
            self.skills,
            self.notes,
            self.reflections,
        ):
            section()
        if self.missing:
            self.pdf.ln(4)
            self.para(MISSING_NOTE, 8.5, charts.MUTED)

    def header(self) -> None:
        m, pdf = self.m, self.pdf
        self.font(20, True, BLUE)
        pdf.cell(0, 10, text.TITLE, new_x="LMARGIN", new_y="NEXT")
        self.para(text.audience_line(m.alias), 10.5)
        self.font(10, True)
        pdf.set_fill_color(255, 244, 230)
        pdf.set_draw_color(*charts.SLIP)
        y = pdf.get_y()
        pdf.cell(0, 8, "   " + text.HEALTH_LINE, fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_line_width(1.2)
        pdf.line(MARGIN + 0.6, y, MARGIN + 0.6, y + 8)
        pdf.ln(2)
        notes = "included" if m.include_notes else "not included"
        for label, value in (
            ("Period", text.period_text(m.start, m.end)),
            ("Generated", m.generated.isoformat()),
            ("Notes and reflections", notes),
        ):
            self.font(9.5, colour=charts.MUTED)
            pdf.cell(42, 5, label)
            self.font(9.5)
            pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        self.para(text.CARE_LINE, 8.5, charts.MUTED)
        if m.damaged:
            self.para(f"{text.plural(m.damaged, 'entry', 'entries')} could not be opened.")

    def tracks(self) -> None:
        self.h2("tracks")
        if not self.m.tracks:
            self.para(text.NO_TRACKS)
            return
        self.para(text.COUNTS_NOTE, 8.5, charts.MUTED)
        rows = [
            (
                tr.name + (" (archived)" if tr.archived else ""),
                str(tr.current_days),
                str(tr.longest_days),
                str(tr.total_sober_days),
                f"{tr.sober_days} of {tr.days_in_period}",
                text.rate(tr.sober_rate),
                str(tr.lapses),
                str(tr.returns_to_use),
            )
            for tr in self.m.tracks
        ]
        headers = ("Track", "Current", "Longest", "Total", "Sober days", "Rate", "Lapses",
                   "Returns to use")  # fmt: skip
        self.table(headers, rows, (3, 1.2, 1.2, 1.2, 1.6, 1, 1.1, 1.6), "lrrrrrrr")
        for tr in self.m.tracks:
            if tr.milestones:
                reached = ", ".join(f"{ms.label} ({ms.date.isoformat()})" for ms in tr.milestones)
                self.para(f"{tr.name}, milestones reached: {reached}", 9)
        self.slips()

    def slips(self) -> None:
        slips = [(tr, s) for tr in self.m.tracks for s in tr.slips]
        if not slips:
            return
        self.room(20)
        self.font(10, True)
        self.pdf.cell(0, 6, "Slips in the period", new_x="LMARGIN", new_y="NEXT")
        headers = ["Date", "Track", "Kind"]
        widths = [1.7, 1.6, 1.3]
        if self.m.include_notes:
            headers.append("Trigger, what happened, what I learned")
            widths.append(5.0)
        rows = []
        for tr, s in slips:
            row = [s.date.isoformat() + (f" {s.time}" if s.time else ""), tr.name, s.kind_label]
            if self.m.include_notes:
                parts = (("Trigger", s.trigger), ("What happened", s.note),
                         ("What I learned", s.learned))  # fmt: skip
                row.append("\n".join(f"{k}: {v}" for k, v in parts if v.strip()))
            rows.append(row)
        self.table(headers, rows, widths, "llll")

    def calendar(self) -> None:
        self.h2("calendar", 60)
        pdf = self.pdf
        block_w = draw.MONTH_W
        gap = (CONTENT_W - CAL_COLS * block_w) / (CAL_COLS - 1)
        months = self.m.calendar.months
        for start in range(0, len(months), CAL_COLS):
            row = months[start : start + CAL_COLS]
            rows_h = draw.month_height(max(len(mo.weeks) for mo in row))
            self.room(rows_h)
            y0 = pdf.get_y()
            for i, month in enumerate(row):
                draw.month(self.pdf, month, MARGIN + i * (block_w + gap), y0)
            pdf.set_y(y0 + rows_h)
        self.room(8)
        y = self.pdf.get_y()
        draw.legend(self.pdf, self.m.start, MARGIN, y)
        self.pdf.set_y(y + 7)
        self.para(text.CALENDAR_LEGEND, 8.5, charts.MUTED)
        c = self.m.calendar
        self.para(f"Sober days: {c.sober}. Days with a slip: {c.slip}. No data: {c.no_data}.")

    def coverage(self) -> None:
        self.h2("coverage", 25)
        c = self.m.coverage
        self.para(
            f"Check-ins on {c.checkin_days} of {text.plural(c.days, 'day')} "
            f"({text.rate(c.rate)}). Longest run of daily check-ins: "
            f"{text.plural(c.longest_streak, 'day')}."
        )
        pdf = self.pdf
        y = pdf.get_y()
        pdf.set_fill_color(232, 236, 241)
        pdf.rect(MARGIN, y, CONTENT_W, 2.5, style="F")
        pdf.set_fill_color(*charts.MOOD)
        pdf.rect(MARGIN, y, CONTENT_W * c.rate, 2.5, style="F")
        pdf.set_y(y + 5)

    def trends(self) -> None:
        self.h2("trends", 70)
        tr = self.m.trends
        self.para(
            f"Mood (1-10): average {text.number(tr.mood_average)} over "
            f"{text.plural(tr.mood_days, 'day')}. Sleep: average "
            f"{text.number(tr.sleep_average)} hours over {text.plural(tr.sleep_days, 'day')}."
        )
        self.chart(charts.mood_chart(tr), "Mood (1-10): each day, and the weekly average")
        self.chart(charts.sleep_chart(tr), "Sleep (hours): each night, and the weekly average")

    def support(self) -> None:
        self.h2("support")
        s = self.m.support
        if s.meetings:
            rows = [(r.type, str(r.in_person), str(r.online), str(r.total)) for r in s.meetings]
            rows.append(
                (
                    "All meetings",
                    str(sum(r.in_person for r in s.meetings)),
                    str(sum(r.online for r in s.meetings)),
                    str(s.meetings_total),
                )
            )
            self.table(("Meeting", "In person", "Online", "Total"), rows, (3, 1, 1, 1), "lrrr")
        else:
            self.para(text.NO_MEETINGS)
        self.para(
            f"Reached out to a sponsor or peer on {text.plural(s.reached_out_days, 'day')} "
            f"(of {text.plural(s.checkin_days, 'day')} with a check-in)."
        )

    def cravings(self) -> None:
        self.h2("cravings", 45)
        c = self.m.cravings
        if not c.count:
            self.para(text.NO_CRAVINGS)
            return
        for line in (
            f"Logged: {c.count}, average intensity {text.number(c.average_intensity)} of 10",
            f"Passed: {c.passed}. Ended in use: {c.used}. Still ongoing: {c.ongoing}. "
            f"Outcome not noted: {c.unrecorded}.",
            f"Met with a coping skill: {c.coped}. Average drop after coping: "
            f"{text.number(c.average_drop)} points (over "
            f"{text.plural(c.drop_count, 'craving')} with an intensity after)",
        ):
            self.para("•  " + line)
        self.chart(charts.times_chart(c), "Cravings by time of day")

    def triggers(self) -> None:
        self.h2("triggers")
        if not self.m.triggers:
            self.para(text.NO_TRIGGERS)
            return
        rows = [
            (str(i), r.label, str(r.cravings), str(r.checkins) if r.halt else "-", str(r.total))
            for i, r in enumerate(self.m.triggers, 1)
        ]
        headers = ("#", "Trigger", "Cravings", "Check-ins (HALT)", "Total")
        self.table(headers, rows, (0.5, 3, 1.2, 1.6, 1), "rlrrr")

    def skills(self) -> None:
        self.h2("skills")
        if not self.m.skills_by_trigger:
            self.para(text.NO_SKILLS)
            return
        self.para(text.SKILLS_NOTE, 8.5, charts.MUTED)
        rows = [
            (
                g.label if i == 0 else "",
                s.name,
                str(s.uses),
                text.number(s.average_helped),
                text.number(s.average_drop),
            )  # fmt: skip
            for g in self.m.skills_by_trigger
            for i, s in enumerate(g.skills)
        ]
        headers = ("Trigger", "Skill", "Uses", "Helped", "Drop")
        self.table(headers, rows, (2.2, 4, 0.8, 0.9, 0.9), "llrrr")

    def notes(self) -> None:
        self.h2("notes")
        if not self.m.include_notes:
            self.para(text.NOTES_LEFT_OUT, colour=charts.MUTED)
            return
        if not self.m.notes:
            self.para(text.NO_NOTES)
            return
        day = None
        for note in self.m.notes:
            if note.date != day:
                day = note.date
                self.room(14)
                self.font(9.5, True)
                self.pdf.cell(0, 6, day.isoformat(), new_x="LMARGIN", new_y="NEXT")
            when = f"{note.time} " if note.time else ""
            self.para(f"{when}{note.source}: {note.text}", 9)

    def reflections(self) -> None:
        if not self.m.include_notes:
            return
        self.h2("reflections")
        if not self.m.reflections:
            self.para(text.NO_REFLECTIONS)
        for r in self.m.reflections:
            self.room(20)
            self.font(10, True)
            title = self.printable(text.one_line(r.title) or "Reflection")
            self.pdf.multi_cell(
                0,
                5.5,
                f"{r.date.isoformat()} {r.time}: {title}",
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            if r.tags:
                self.para("Tags: " + ", ".join(r.tags), 8.5, charts.MUTED)
            self.para(r.body, 9)
            self.pdf.ln(2)
