"""Chart geometry shared by the HTML (as inline SVG) and PDF (as fpdf2 shapes) reports.

A :class:`Chart` is plain coordinates in an abstract box (``width`` x ``height`` units, y
down): the SVG writer here and :mod:`recoverylog.report.pdf` scale the same shapes, so both
formats draw the same picture. Colours for calendar days and mood shades live here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape as _escape

from recoverylog.report import model as rm
from recoverylog.visible import visible


def escape(value: str) -> str:
    """Text for SVG: control characters shown (as everywhere user text appears), then escaped."""
    return _escape(visible(value))


RGB = tuple[int, int, int]

WIDTH = 720.0
HEIGHT = 190.0
LEFT, RIGHT, TOP, BOTTOM = 34.0, 12.0, 10.0, 24.0

INK: RGB = (40, 44, 52)
MUTED: RGB = (110, 116, 128)
GRID: RGB = (222, 226, 232)
MOOD: RGB = (47, 94, 160)
SLEEP: RGB = (118, 84, 168)
BAR: RGB = (46, 134, 122)
SOBER: RGB = (46, 140, 87)
SLIP: RGB = (214, 112, 28)
NO_DATA: RGB = (226, 228, 232)
WHITE: RGB = (255, 255, 255)
_LIGHT: RGB = (236, 243, 251)
_DARK: RGB = (24, 66, 124)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    label: str
    value: str


@dataclass(frozen=True)
class Chart:
    """Shapes in a ``width`` x ``height`` box; ``plot`` is the data area (x, y, w, h)."""

    title: str
    width: float
    height: float
    plot: tuple[float, float, float, float]
    y_ticks: tuple[tuple[float, str], ...] = ()
    x_ticks: tuple[tuple[float, str], ...] = ()
    dots: tuple[tuple[float, float], ...] = ()
    lines: tuple[tuple[tuple[float, float], ...], ...] = ()
    bars: tuple[Bar, ...] = ()
    colour: RGB = MOOD
    empty: str = ""


def hex_colour(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def mood_shade(mood: int | None) -> RGB:
    """Light for mood 1, dark for mood 10; white when there is no mood."""
    if mood is None:
        return WHITE
    t = (max(1, min(10, mood)) - 1) / 9
    return (
        round(_LIGHT[0] + (_DARK[0] - _LIGHT[0]) * t),
        round(_LIGHT[1] + (_DARK[1] - _LIGHT[1]) * t),
        round(_LIGHT[2] + (_DARK[2] - _LIGHT[2]) * t),
    )


def text_on(mood: int | None) -> RGB:
    return WHITE if mood is not None and mood >= 6 else INK


def day_fill(day: rm.Day) -> RGB:
    return NO_DATA if day.status == "none" else mood_shade(day.mood)


def status_colour(day: rm.Day) -> RGB:
    return {"sober": SOBER, "slip": SLIP}.get(day.status, NO_DATA)


# -- line charts --------------------------------------------------------------------------
def _x_ticks(dates: Sequence[date], x_of: dict[date, float]) -> tuple[tuple[float, str], ...]:
    if len(dates) <= 62:
        return tuple((x_of[d], f"{d:%b} {d.day}") for d in dates if d.weekday() == 0)
    step = 1 if len(dates) <= 400 else 3
    firsts = [d for d in dates if d.day == 1 and (d.month - 1) % step == 0]
    return tuple((x_of[d], f"{d:%b}" if d.month != 1 else f"{d:%b %Y}") for d in firsts)


def line_chart(
    title: str,
    points: Sequence[tuple[date, float | None]],
    averages: Sequence[rm.Average],
    value: str,
    lo: float,
    hi: float,
    ticks: Sequence[float],
    colour: RGB,
) -> Chart:
    """Daily values as dots and the weekly averages (``value``: mood or sleep) as a line."""
    px, py, pw, ph = LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    plot = (px, py, pw, ph)
    dates = [d for d, _ in points]
    span = max(1, len(dates) - 1)
    x_of = {d: px + pw * i / span if len(dates) > 1 else px + pw / 2 for i, d in enumerate(dates)}

    def y_of(v: float) -> float:
        return py + ph * (1 - (min(max(v, lo), hi) - lo) / (hi - lo))

    y_ticks = tuple((y_of(t), f"{t:g}") for t in ticks)
    dots = tuple((x_of[d], y_of(v)) for d, v in points if v is not None)
    if not dots:
        empty = "Nothing recorded in this period."
        return Chart(
            title, WIDTH, HEIGHT, plot, y_ticks, _x_ticks(dates, x_of), colour=colour, empty=empty
        )
    lines: list[tuple[tuple[float, float], ...]] = []
    current: list[tuple[float, float]] = []
    ordered = sorted(averages, key=lambda a: a.start)
    stops = [a.start for a in ordered[1:]] + [date.max] if ordered else []
    for avg, stop in zip(ordered, stops, strict=True):
        v = getattr(avg, value)
        week_days = [d for d in dates if avg.start <= d < stop]
        if v is None or not week_days:
            if len(current) > 1:
                lines.append(tuple(current))
            current = []
            continue
        mid = (x_of[week_days[0]] + x_of[week_days[-1]]) / 2
        current.append((mid, y_of(v)))
    if len(current) > 1:
        lines.append(tuple(current))
    return Chart(
        title, WIDTH, HEIGHT, plot, y_ticks, _x_ticks(dates, x_of), dots, tuple(lines), (), colour
    )


def mood_chart(trends: rm.Trends) -> Chart:
    points = [(p.date, None if p.mood is None else float(p.mood)) for p in trends.points]
    return line_chart("Mood (1-10)", points, trends.weeks, "mood", 1, 10, (1, 4, 7, 10), MOOD)


def sleep_chart(trends: rm.Trends) -> Chart:
    points = [(p.date, p.sleep) for p in trends.points]
    top = max([12.0, *(p.sleep for p in trends.points if p.sleep is not None)])
    top = float(int(top + 3.999) // 4 * 4)
    ticks = [float(t) for t in range(0, int(top) + 1, 4)]
    return line_chart("Sleep (hours)", points, trends.weeks, "sleep", 0, top, ticks, SLEEP)


# -- bar charts ---------------------------------------------------------------------------
def bar_chart(title: str, rows: Sequence[tuple[str, int]], colour: RGB = BAR) -> Chart:
    """Horizontal bars, one row each, labelled on the left and counted on the right."""
    label_w, value_w, row_h = 150.0, 46.0, 24.0
    height = TOP + row_h * max(1, len(rows)) + 6
    plot = (label_w, TOP, WIDTH - label_w - value_w, row_h * max(1, len(rows)))
    most = max((v for _, v in rows), default=0)
    bars = []
    for i, (label, count) in enumerate(rows):
        w = plot[2] * count / most if most else 0.0
        bars.append(Bar(label_w, TOP + i * row_h + 5, w, row_h - 10, label, str(count)))
    empty = "" if most else "Nothing recorded in this period."
    return Chart(title, WIDTH, height, plot, bars=tuple(bars), colour=colour, empty=empty)


def times_chart(cravings: rm.Cravings) -> Chart:
    return bar_chart("Cravings by time of day", [(b.label, b.count) for b in cravings.times])


# -- SVG ----------------------------------------------------------------------------------
def _pts(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def svg(chart: Chart) -> str:
    """The chart as an inline ``<svg>`` element (every text escaped; nothing referenced)."""
    colour = hex_colour(chart.colour)
    px, py, pw, ph = chart.plot
    out = [
        f'<svg class="chart" viewBox="0 0 {chart.width:.0f} {chart.height:.0f}" '
        f'role="img" aria-label="{escape(chart.title)}">',
        f"<title>{escape(chart.title)}</title>",
    ]
    for y, label in chart.y_ticks:
        out.append(
            f'<line x1="{px:.1f}" y1="{y:.1f}" x2="{px + pw:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{px - 6:.1f}" y="{y + 4:.1f}" class="tick" text-anchor="end">'
            f"{escape(label)}</text>"
        )
    for x, label in chart.x_ticks:
        out.append(
            f'<line x1="{x:.1f}" y1="{py + ph:.1f}" x2="{x:.1f}" y2="{py + ph + 4:.1f}" '
            f'class="axis"/><text x="{x:.1f}" y="{py + ph + 16:.1f}" class="tick" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    if chart.y_ticks or chart.x_ticks:
        out.append(
            f'<line x1="{px:.1f}" y1="{py + ph:.1f}" x2="{px + pw:.1f}" y2="{py + ph:.1f}" '
            'class="axis"/>'
        )
    for x, y in chart.dots:
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{colour}" opacity="0.45"/>')
    for line in chart.lines:
        out.append(
            f'<polyline points="{_pts(line)}" fill="none" stroke="{colour}" '
            'stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>'
        )
    for bar in chart.bars:
        mid = bar.y + bar.h / 2 + 4
        out.append(
            f'<text x="{bar.x - 8:.1f}" y="{mid:.1f}" class="label" text-anchor="end">'
            f"{escape(bar.label)}</text>"
            f'<rect x="{bar.x:.1f}" y="{bar.y:.1f}" width="{max(bar.w, 0.5):.1f}" '
            f'height="{bar.h:.1f}" rx="2" fill="{colour}"/>'
            f'<text x="{bar.x + bar.w + 6:.1f}" y="{mid:.1f}" class="label">'
            f"{escape(bar.value)}</text>"
        )
    if chart.empty:
        out.append(
            f'<text x="{px + pw / 2:.1f}" y="{py + ph / 2 + 4:.1f}" class="tick" '
            f'text-anchor="middle">{escape(chart.empty)}</text>'
        )
    out.append("</svg>")
    return "".join(out)
