"""The HTML report's Jinja2 template and its inline, print-friendly stylesheet.

Rendered with autoescaping on (see :mod:`recoverylog.report.html`); the only values marked
safe are the SVG charts that :mod:`recoverylog.report.charts` builds with every text escaped.
No ``src``, ``href`` or ``url()`` points anywhere: the page fetches nothing.
"""

from __future__ import annotations

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = """
@page { margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 58rem; padding: 1.5rem 1.25rem 3rem; color: #282c34;
  font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Ubuntu,
  Cantarell, "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; color: #1c3f6e; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; color: #1c3f6e;
  border-bottom: 2px solid #dde4ee; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; break-after: avoid; }
p { margin: .4rem 0; }
.muted { color: #5f6673; }
.small { font-size: .85rem; }
header.top { border-bottom: 3px solid #2f5ea0; padding-bottom: .8rem; }
.health { margin: .6rem 0; padding: .45rem .75rem; border-left: 4px solid #d6701c;
  background: #fff4e6; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
dl.facts dt { color: #5f6673; } dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid #e3e7ed; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
.nw { white-space: nowrap; }
th.wide { min-width: 7.5rem; }
th { font-size: .85rem; color: #4a5160; background: #f3f6fa; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr, .card, figure, .month, .note, .reflection { break-inside: avoid; page-break-inside: avoid; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .8rem; }
.card { border: 1px solid #dde4ee; border-radius: 6px; padding: .7rem .9rem; }
.card h3 { margin: 0 0 .2rem; overflow-wrap: anywhere; }
.big { font-size: 1.7rem; font-weight: 700; color: #2e8c57; line-height: 1.2; }
.meter { height: .55rem; border-radius: .3rem; background: #e8ecf1; overflow: hidden; margin: .2rem 0; }
.meter span { display: block; height: 100%; background: #2e8c57; }
ul.plain { margin: .3rem 0; padding-left: 1.1rem; }
figure { margin: .6rem 0 1rem; }
figcaption { font-size: .9rem; font-weight: 600; margin-bottom: .2rem; }
svg.chart { display: block; width: 100%; height: auto; }
svg .grid { stroke: #dee2e8; stroke-width: 1; }
svg .axis { stroke: #9aa1ad; stroke-width: 1; }
svg .tick { font-size: 11px; fill: #5f6673; }
svg .label { font-size: 12px; fill: #282c34; }
.months { display: flex; flex-wrap: wrap; align-items: flex-start; gap: .9rem 1.2rem; }
.month { border-collapse: separate; border-spacing: 2px; width: auto; margin: 0; }
.month caption { font-weight: 600; font-size: .85rem; text-align: left; padding-bottom: .1rem; }
.month th { background: none; padding: 0; font-size: .7rem; text-align: center; }
.month td { width: 2.1rem; height: 1.9rem; padding: 0; text-align: center; font-size: .78rem;
  border: 0; border-bottom: 4px solid transparent; border-radius: 2px; }
.month td.slip { font-weight: 700; outline: 2px solid #d6701c; outline-offset: -2px; }
.month td.none { background: repeating-linear-gradient(45deg, #eceef2 0 3px, #f8f9fb 3px 6px); }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; align-items: center; font-size: .85rem;
  margin: .6rem 0; }
.swatch { display: inline-block; width: 1rem; height: .9rem; vertical-align: -0.1rem;
  border-bottom: 4px solid transparent; border-radius: 2px; margin-right: .25rem; }
.note { margin: .3rem 0; }
.note .when { color: #5f6673; font-size: .85rem; }
.usertext { white-space: pre-wrap; overflow-wrap: anywhere; }
.reflection { border-left: 3px solid #dde4ee; padding: .1rem 0 .1rem .8rem; margin: .8rem 0; }
footer { margin-top: 2rem; font-size: .8rem; color: #5f6673; border-top: 1px solid #e3e7ed;
  padding-top: .5rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 1.2rem; }
  .cards { grid-template-columns: repeat(2, 1fr); }
  .month td { width: 1.55rem; height: 1.35rem; }
}
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>{{ t.TITLE }}{% if m.alias %}: {{ m.alias }}{% endif %}</title>
<style>{{ css }}</style>
</head>
<body>
<header class="top">
<h1>{{ t.TITLE }}</h1>
<p>{{ t.audience_line(m.alias) }}</p>
<p class="health">{{ t.HEALTH_LINE }}</p>
<dl class="facts">
<dt>Period</dt><dd>{{ t.period_text(m.start, m.end) }}</dd>
<dt>Generated</dt><dd>{{ m.generated.isoformat() }}</dd>
<dt>Notes and reflections</dt><dd>{{ "included" if m.include_notes else "not included" }}</dd>
</dl>
<p class="muted small">{{ t.CARE_LINE }}</p>
{% if m.damaged %}<p>{{ t.plural(m.damaged, "entry", "entries") }} could not be opened.</p>{% endif %}
</header>

<section id="tracks">
<h2>{{ t.SECTIONS.tracks }}</h2>
{% if not m.tracks %}<p>{{ t.NO_TRACKS }}</p>{% else %}
<p class="muted small">{{ t.COUNTS_NOTE }}</p>
<div class="cards">
{% for tr in m.tracks %}
<div class="card">
<h3>{{ tr.name }}{% if tr.archived %} <span class="muted small">(archived)</span>{% endif %}</h3>
<div class="big">{{ t.plural(tr.current_days, "day") }}</div>
<div class="muted small">current run; longest {{ tr.longest_days }}, total {{ tr.total_sober_days }} sober days</div>
<div class="meter" aria-hidden="true"><span style="width: {{ ((tr.sober_rate or 0) * 100) | round(1) }}%"></span></div>
<div class="small">Sober days in the period: {{ tr.sober_days }} of {{ tr.days_in_period }} ({{ t.rate(tr.sober_rate) }})</div>
<div class="small">Lapses: {{ tr.lapses }}. Returns to use: {{ tr.returns_to_use }}.</div>
{% if tr.milestones %}<div class="small">Milestones reached: {% for ms in tr.milestones %}<span class="nw">{{ ms.label }} ({{ ms.date.isoformat() }}){{ "," if not loop.last }}</span> {% endfor %}</div>{% endif %}
</div>
{% endfor %}
</div>
<table>
<thead><tr><th>Track</th><th class="n">Current</th><th class="n">Longest</th><th class="n">Total</th><th class="n">Sober days</th><th class="n">Rate</th><th class="n">Lapses</th><th class="n">Returns to use</th></tr></thead>
<tbody>
{% for tr in m.tracks %}<tr><td>{{ tr.name }}</td><td class="n">{{ tr.current_days }}</td><td class="n">{{ tr.longest_days }}</td><td class="n">{{ tr.total_sober_days }}</td><td class="n">{{ tr.sober_days }} of {{ tr.days_in_period }}</td><td class="n">{{ t.rate(tr.sober_rate) }}</td><td class="n">{{ tr.lapses }}</td><td class="n">{{ tr.returns_to_use }}</td></tr>
{% endfor %}</tbody>
</table>
{% set slips = m.tracks | map(attribute="slips") | sum(start=()) %}
{% if slips %}
<h3>Slips in the period</h3>
<table>
<thead><tr><th>Date</th><th class="wide">Track</th><th class="wide">Kind</th>{% if m.include_notes %}<th>Trigger, what happened, what I learned</th>{% endif %}</tr></thead>
<tbody>
{% for tr in m.tracks %}{% for s in tr.slips %}<tr><td class="n">{{ s.date.isoformat() }}{% if s.time %} {{ s.time }}{% endif %}</td><td>{{ tr.name }}</td><td>{{ s.kind_label }}</td>{% if m.include_notes %}<td>{% for label, value in (("Trigger", s.trigger), ("What happened", s.note), ("What I learned", s.learned)) if value.strip() %}<div><span class="muted">{{ label }}:</span> <span class="usertext">{{ value }}</span></div>{% endfor %}</td>{% endif %}</tr>
{% endfor %}{% endfor %}</tbody>
</table>
{% endif %}
{% endif %}
</section>

<section id="calendar">
<h2>{{ t.SECTIONS.calendar }}</h2>
<div class="months">
{% for month in m.calendar.months %}
<table class="month">
<caption>{{ month.label }}</caption>
<thead><tr>{% for d in weekdays %}<th scope="col">{{ d }}</th>{% endfor %}</tr></thead>
<tbody>
{% for week in month.weeks %}<tr>{% for day in week %}{% if day %}<td class="{{ day.status }}" style="{{ day_style(day) }}" title="{{ day_title(day) }}">{{ day.date.day }}</td>{% else %}<td></td>{% endif %}{% endfor %}</tr>
{% endfor %}</tbody>
</table>
{% endfor %}
</div>
<div class="legend">
<span><span class="swatch" style="{{ legend.sober }}"></span>Sober day</span>
<span><span class="swatch" style="{{ legend.slip }}; outline: 2px solid #d6701c; outline-offset: -2px"></span>Slip</span>
<span><span class="swatch" style="{{ legend.none }}"></span>No data</span>
<span>Mood: {% for mood, style in legend.moods %}<span class="swatch" style="{{ style }}" title="mood {{ mood }}"></span>{% endfor %} 1 to 10</span>
</div>
<p class="muted small">{{ t.CALENDAR_LEGEND }}</p>
<p>Sober days: {{ m.calendar.sober }}. Days with a slip: {{ m.calendar.slip }}. No data: {{ m.calendar.no_data }}.</p>
</section>

<section id="coverage">
<h2>{{ t.SECTIONS.coverage }}</h2>
<p>Check-ins on {{ m.coverage.checkin_days }} of {{ t.plural(m.coverage.days, "day") }} ({{ t.rate(m.coverage.rate) }}). Longest run of daily check-ins: {{ t.plural(m.coverage.longest_streak, "day") }}.</p>
<div class="meter" aria-hidden="true"><span style="width: {{ (m.coverage.rate * 100) | round(1) }}%; background: #2f5ea0"></span></div>
</section>

<section id="trends">
<h2>{{ t.SECTIONS.trends }}</h2>
<p>Mood (1-10): average {{ t.number(m.trends.mood_average) }} over {{ t.plural(m.trends.mood_days, "day") }}. Sleep: average {{ t.number(m.trends.sleep_average) }} hours over {{ t.plural(m.trends.sleep_days, "day") }}.</p>
<figure><figcaption>Mood (1-10): each day, and the weekly average</figcaption>{{ charts.mood }}</figure>
<figure><figcaption>Sleep (hours): each night, and the weekly average</figcaption>{{ charts.sleep }}</figure>
</section>

<section id="support">
<h2>{{ t.SECTIONS.support }}</h2>
{% if m.support.meetings %}
<table>
<thead><tr><th>Meeting</th><th class="n">In person</th><th class="n">Online</th><th class="n">Total</th></tr></thead>
<tbody>
{% for r in m.support.meetings %}<tr><td>{{ r.type }}</td><td class="n">{{ r.in_person }}</td><td class="n">{{ r.online }}</td><td class="n">{{ r.total }}</td></tr>
{% endfor %}<tr><th>All meetings</th><th class="n">{{ m.support.meetings | sum(attribute="in_person") }}</th><th class="n">{{ m.support.meetings | sum(attribute="online") }}</th><th class="n">{{ m.support.meetings_total }}</th></tr>
</tbody>
</table>
{% else %}<p>{{ t.NO_MEETINGS }}</p>{% endif %}
<p>Reached out to a sponsor or peer on {{ t.plural(m.support.reached_out_days, "day") }} (of {{ t.plural(m.support.checkin_days, "day") }} with a check-in).</p>
</section>

<section id="cravings">
<h2>{{ t.SECTIONS.cravings }}</h2>
{% set c = m.cravings %}
{% if not c.count %}<p>{{ t.NO_CRAVINGS }}</p>{% else %}
<ul class="plain">
<li>Logged: {{ c.count }}, average intensity {{ t.number(c.average_intensity) }} of 10</li>
<li>Passed: {{ c.passed }}. Ended in use: {{ c.used }}. Still ongoing: {{ c.ongoing }}. Outcome not noted: {{ c.unrecorded }}.</li>
<li>Met with a coping skill: {{ c.coped }}. Average drop after coping: {{ t.number(c.average_drop) }} points (over {{ t.plural(c.drop_count, "craving") }} with an intensity after)</li>
</ul>
<figure><figcaption>Cravings by time of day</figcaption>{{ charts.times }}</figure>
{% endif %}
</section>

<section id="triggers">
<h2>{{ t.SECTIONS.triggers }}</h2>
{% if not m.triggers %}<p>{{ t.NO_TRIGGERS }}</p>{% else %}
<table>
<thead><tr><th class="n">#</th><th>Trigger</th><th class="n">Cravings</th><th class="n">Check-ins (HALT)</th><th class="n">Total</th></tr></thead>
<tbody>
{% for r in m.triggers %}<tr><td class="n">{{ loop.index }}</td><td>{{ r.label }}</td><td class="n">{{ r.cravings }}</td><td class="n">{{ r.checkins if r.halt else "-" }}</td><td class="n">{{ r.total }}</td></tr>
{% endfor %}</tbody>
</table>
{% endif %}
</section>

<section id="skills">
<h2>{{ t.SECTIONS.skills }}</h2>
{% if not m.skills_by_trigger %}<p>{{ t.NO_SKILLS }}</p>{% else %}
<p class="muted small">{{ t.SKILLS_NOTE }}</p>
<table>
<thead><tr><th>Trigger</th><th>Skill</th><th class="n">Uses</th><th class="n">Helped</th><th class="n">Drop</th></tr></thead>
<tbody>
{% for g in m.skills_by_trigger %}{% for s in g.skills %}<tr><td>{{ g.label if loop.first }}</td><td>{{ s.name }}</td><td class="n">{{ s.uses }}</td><td class="n">{{ t.number(s.average_helped) }}</td><td class="n">{{ t.number(s.average_drop) }}</td></tr>
{% endfor %}{% endfor %}</tbody>
</table>
{% endif %}
</section>

<section id="notes">
<h2>{{ t.SECTIONS.notes }}</h2>
{% if not m.include_notes %}<p class="muted">{{ t.NOTES_LEFT_OUT }}</p>
{% elif not m.notes %}<p>{{ t.NO_NOTES }}</p>
{% else %}
{% for day, notes in m.notes | groupby("date") %}
<h3>{{ day.isoformat() }}</h3>
{% for n in notes %}<div class="note"><span class="when">{% if n.time %}{{ n.time }} {% endif %}{{ n.source }}:</span> <span class="usertext">{{ n.text }}</span></div>
{% endfor %}
{% endfor %}
{% endif %}
</section>

{% if m.include_notes %}
<section id="reflections">
<h2>{{ t.SECTIONS.reflections }}</h2>
{% if not m.reflections %}<p>{{ t.NO_REFLECTIONS }}</p>{% endif %}
{% for r in m.reflections %}
<div class="reflection">
<h3>{{ r.date.isoformat() }} {{ r.time }}: {{ r.title or "Reflection" }}</h3>
{% if r.tags %}<p class="muted small">Tags: {{ r.tags | join(", ") }}</p>{% endif %}
<div class="usertext">{{ r.body }}</div>
</div>
{% endfor %}
</section>
{% endif %}

<footer>{{ t.TITLE }}, {{ t.period_text(m.start, m.end) }}. {{ t.HEALTH_LINE }}</footer>
</body>
</html>
"""
