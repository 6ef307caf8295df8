"""The report as one self-contained HTML page: Jinja2 with autoescaping, inline CSS and SVG.

Nothing is fetched: no scripts, no fonts, no images from anywhere (a Content-Security-Policy
says so too). The page prints on A4 or Letter: tables repeat their headings, rows and
charts are not cut across pages, colours print.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from recoverylog.report import charts, text
from recoverylog.report import model as rm
from recoverylog.report.html_template import CSP, CSS, TEMPLATE
from recoverylog.visible import visible

if TYPE_CHECKING:
    from jinja2 import Template

WEEKDAYS = ("M", "T", "W", "T", "F", "S", "S")


@lru_cache(maxsize=1)
def _template() -> Template:
    from jinja2 import DictLoader, Environment, StrictUndefined
    from markupsafe import Markup

    def shown(value: object) -> object:
        """Every value the template prints: user text with control characters shown."""
        return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value

    env = Environment(
        loader=DictLoader({"report.html": TEMPLATE}),
        autoescape=True,
        finalize=shown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template("report.html")


def _style(fill: charts.RGB, bar: charts.RGB, ink: charts.RGB | None = None) -> str:
    style = f"background: {charts.hex_colour(fill)}; border-bottom-color: {charts.hex_colour(bar)}"
    return style + (f"; color: {charts.hex_colour(ink)}" if ink else "")


def day_style(day: rm.Day) -> str:
    if day.status == "none":
        return f"border-bottom-color: {charts.hex_colour(charts.NO_DATA)}"
    return _style(charts.day_fill(day), charts.status_colour(day), charts.text_on(day.mood))


def day_title(day: rm.Day) -> str:
    parts = [day.date.isoformat(), text.DAY_LABELS[day.status].lower()]
    if day.slip_tracks:
        parts[-1] += " (" + ", ".join(day.slip_tracks) + ")"
    parts.append(f"mood {day.mood}" if day.mood is not None else "no mood noted")
    return ", ".join(parts)


def render_html(model: rm.ReportModel) -> str:
    from markupsafe import Markup

    legend = {
        "sober": _style(charts.WHITE, charts.SOBER),
        "slip": _style(charts.WHITE, charts.SLIP),
        "none": "background: repeating-linear-gradient(45deg, #eceef2 0 3px, #f8f9fb 3px 6px)",
        "moods": [(mood, _style(charts.mood_shade(mood), charts.WHITE)) for mood in range(1, 11)],
    }
    figures = {
        "mood": Markup(charts.svg(charts.mood_chart(model.trends))),  # noqa: S704 - escaped SVG
        "sleep": Markup(charts.svg(charts.sleep_chart(model.trends))),  # noqa: S704
        "times": Markup(charts.svg(charts.times_chart(model.cravings))),  # noqa: S704
    }
    return _template().render(
        m=model,
        t=text,
        css=Markup(CSS),  # noqa: S704 - our own stylesheet, in a raw-text element
        csp=CSP,
        charts=figures,
        legend=legend,
        weekdays=WEEKDAYS,
        day_style=day_style,
        day_title=day_title,
    )
