"""notebooks/explore.ipynb run headlessly with papermill: without a live kernel the dropdowns do
nothing, so the outputs must still hold the chosen chart and table, and the HTML brief the chart."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from lkjip_analysis.briefs.html import WIDGET_VIEW, brief_html

from notebook_runs import chart_rows, charts_of, run, run_failure, text_of


def _svg(nb) -> str:
    return next(output["data"]["image/svg+xml"] for cell in nb.cells for output in cell.get("outputs", [])
                if "image/svg+xml" in output.get("data", {}))


def _outputs_with(nb, mimetype: str) -> int:
    return sum(mimetype in output.get("data", {}) for cell in nb.cells for output in cell.get("outputs", []))


def test_defaults_show_the_chart_and_table_once():
    nb = run("explore")
    text = text_of(nb)
    # blitar_2020.txt line 199: the share of PMKS reached, 2015 3.13% ... 2020 5.90%
    assert "3,13 %" in text and "blitar_2020.txt line 199" in text
    assert "blitar_2020.txt line 83: same_quantity check" in text  # the flagged 2020 printings, with lines
    charts = charts_of(nb)
    assert len(charts) == 1 and _outputs_with(nb, "image/svg+xml") == 1
    assert 3.13 in [row.get("value") for row in chart_rows(charts[0])]
    assert _outputs_with(nb, WIDGET_VIEW) == 1  # the dropdowns, live in JupyterLab


def test_html_brief_holds_the_default_chart():
    nb = run("explore")
    html = brief_html(nb, title="Explore", notebook="explore.ipynb", parameters={}, made=datetime(2024, 1, 1))
    assert "lkjip-chart-1" in html and "lkjip-chart-2" not in html
    assert "blitar_2020.txt line 199" in html and "3,13 %" in html
    assert WIDGET_VIEW not in html


def test_aid_programme_chosen_by_parameters():
    nb = run("explore", dataset="aid_by_programme", region="Blitar", item="BPNT")
    text = text_of(nb)
    # blitar_2020.txt line 143: 1.047.919 KPM x Rp 200.000 = Rp 209.583.800.000, household-months
    assert "1.047.919 household-months" in text and "blitar_2020.txt line 143" in text
    assert "Rp 209,58 miliar" in text
    assert 1047919 in [row.get("value") for row in chart_rows(charts_of(nb)[0])]
    assert "3,13 %" not in text


def test_unknown_region_fails_before_any_chart():
    error, partial = run_failure("explore", region="Atlantis")
    assert "ParameterError" in str(error)
    assert "region (regions with headline_indicators)='Atlantis'" in str(error)
    assert "choose one of: Blitar, Lumajang, Pasuruan, Sumenep" in str(error)
    assert charts_of(partial) == [] and _outputs_with(partial, "image/svg+xml") == 0


# -p dataset X alone: the parameters' item None is X's default item for the region (Blitar), with
# its real values and their lines, never the headline indicator the notebook opens on; the value
# as the chart draws it (rupiah in miliar, the axis saying "Rp miliar")
DATASET_ALONE = {
    # blitar_2020.txt line 112: APBD, target 7.200 persons, reached 8.501
    "aid_by_programme": ("8.501 persons", "blitar_2020.txt line 112", 8501),
    # blitar_2020.txt line 382: Belanja 6.579.168.248,00 budgeted, 95.31 % absorbed
    "budget_totals": ("Rp 6,58 miliar", "blitar_2020.txt line 382", 6.579168248),
    # blitar_2020.txt line 301: objective 1 budgeted 1.964.985.500 (no programme level in Blitar: its first level)
    "budget_lines": ("Rp 1,96 miliar", "blitar_2020.txt line 301", 1.9649855),
    # data/reference/poverty_rates.csv: Blitar 2015 9.97 %, quoted by BPS Kab. Blitar
    "poverty_rates": ("9,97 %", "BPS, quoted by BPS Kab. Blitar", 9.97),
}


@pytest.mark.parametrize("dataset", sorted(DATASET_ALONE))
def test_a_dataset_alone_shows_its_default_item(dataset):
    label, source, value = DATASET_ALONE[dataset]
    nb = run("explore", dataset=dataset)
    text = text_of(nb)
    assert label in text and source in text
    assert value in [row.get("value") for row in chart_rows(charts_of(nb)[0])]
    assert "blitar_2020.txt line 199" not in text  # not the headline indicator's series
    drawn = re.findall(r"<text[^>]*>([^<]*)</text>", _svg(nb))  # axis labels and titles
    assert drawn and not [text for text in drawn if re.match(r"^\d{1,3}(\.\d{3}){3,}$", text)], drawn  # 1.964.985.500
    if dataset.startswith("budget"):
        assert "Rp miliar" in _svg(nb)


def test_an_item_the_dataset_lacks_is_refused_with_the_choices():
    error, partial = run_failure("explore", dataset="budget_lines", item="pmks_reached_pct")
    assert "ParameterError" in str(error)
    assert "item (levels of budget_lines for Blitar)='pmks_reached_pct' is not a valid choice" in str(error)
    assert "choose one of: objective, total, spending_group, spending_type, balance" in str(error)
    assert charts_of(partial) == [] and _outputs_with(partial, "image/svg+xml") == 0
