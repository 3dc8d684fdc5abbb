"""Charts draw numbers the Indonesian way wherever they are drawn: "1.000.000" and "7,5", never
Vega's English "1,000,000" and "7.5" (in Indonesian "1,5" is one and a half)."""

import re

import altair as alt

from lkjip_analysis import load, render
from lkjip_analysis.analysis import aid
from lkjip_analysis.analysis.charts import prepare, reference_source, time_series

ENGLISH_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+$")
ENGLISH_DECIMAL = re.compile(r"^-?\d+\.\d{1,2}$")  # an Indonesian thousands group always has 3 digits


def axis_labels(svg: str) -> list[str]:
    """The tick labels of a vl-convert SVG (the texts of Vega's role-axis-label groups)."""
    groups = re.findall(r'<g class="mark-text role-axis-label"[^>]*>(.*?)</g>', svg, flags=re.S)
    return [label for group in groups for label in re.findall(r"<text[^>]*>([^<]*)</text>", group)]


def test_static_svg_groups_thousands_with_dots():
    # Blitar's BPNT: 1.047.919 household-months (blitar_2020.txt line 143), the longest bar
    svg = render.chart_svg(aid.beneficiaries_chart(aid.check()).to_dict())
    labels = axis_labels(svg)
    assert {"100.000", "500.000", "1.000.000"} <= set(labels), labels
    assert not [label for label in labels if ENGLISH_THOUSANDS.match(label)]


def test_static_svg_writes_decimals_with_a_comma():
    # Blitar's poverty rate runs from 9,97 % (2015) to 7,57 % (2025): ticks every half point
    poverty = load("poverty_rates").rename(columns={"year": "period", "poverty_rate_pct": "value"})
    blitar = poverty[poverty["region"] == "Blitar"].assign(unit="percent")
    chart = time_series(prepare(blitar, source=reference_source(blitar)), what="Poverty rate", unit="percent")
    labels = axis_labels(render.chart_svg(chart.to_dict()))
    assert {"7,5", "8,0", "9,5"} <= set(labels), labels
    assert "2015" in labels and "2.015" not in labels  # years are ordinal: never grouped
    assert not [label for label in labels if ENGLISH_DECIMAL.match(label)]


def test_notebook_output_uses_the_locale(monkeypatch):
    # what JupyterLab shows: the offline renderer's SVG (outside a brief's kernel)
    monkeypatch.delenv(render.BRIEF_ENVIRONMENT, raising=False)
    chart = alt.Chart(alt.Data(values=[{"x": "a", "y": 20000}, {"x": "b", "y": 0.5}])).mark_bar().encode(
        x="x:N", y="y:Q")
    bundle = render._offline_renderer(chart.to_dict())
    assert "20.000" in axis_labels(bundle["image/svg+xml"])


def test_embed_call_passes_the_locale():
    html = render.chart_html({"mark": "bar"}, "c1")
    assert ('"formatLocale":{"decimal":",","thousands":".","grouping":[3],"currency":["Rp",""]}'
            in html)
    assert render.EMBED_OPTIONS["formatLocale"] is render.NUMBER_LOCALE
