"""The explorer (lkjip_analysis/analysis/explore.py) driven in code, no notebook: setting a dropdown
does what a click does. Values are the reports' own, with the lines they are printed on."""

from __future__ import annotations

import re

import pytest

from lkjip_analysis import render
from lkjip_analysis.analysis import explore
from lkjip_analysis.analysis.explore import DEFAULTS, VIEWS, Explorer, check
from lkjip_analysis.analysis.parameters import ParameterError

from notebook_runs import chart_rows

BLITAR_AID = ["APBD (district programmes)", "PKH", "PBI-JK", "BPNT", "BPNT Perluasan", "BST Himbara I",
              "BST Himbara II", "BST PT Pos I", "BST PT Pos II", "Suplemen BPNT", "Bansos Pangan"]


def _values(options):
    return [value for _, value in options] if options and isinstance(options[0], tuple) else list(options)


def _row(explorer: Explorer, **where) -> dict:
    """The one data row of the explorer's chart matching ``where``."""
    rows = [r for r in chart_rows(explorer.chart().to_dict()) if all(r.get(k) == v for k, v in where.items())]
    assert len(rows) == 1, f"{len(rows)} chart rows for {where}"
    return rows[0]


def _table_row(explorer: Explorer, column: str, value: str) -> dict:
    table = explorer.table()
    rows = table[table[column] == value]
    assert len(rows) == 1, f"{len(rows)} table rows with {column}={value!r}"
    return rows.iloc[0].to_dict()


def test_defaults_show_blitar_share_of_pmks_reached():
    explorer = Explorer()
    # the first region of data/raw/sources.csv with headline indicators
    assert DEFAULTS["item"] is None  # the dataset's default item, so a dataset alone is always valid
    assert explorer.state() == {"dataset": "headline_indicators", "region": "Blitar", "item": "pmks_reached_pct"}
    # blitar_2020.txt line 199 prints the series 2015-2020: 3.13% ... 5.90%
    assert _row(explorer, period=2015, measure="realisation")["value"] == 3.13
    row = _table_row(explorer, "Year", "2015")
    assert (row["Value"], row["Source"]) == ("3,13 %", "blitar_2020.txt line 199")
    # 2020's realisation is printed 5.97% (line 83) and 5.90% (lines 199, 334): flagged, ringed
    realised = _row(explorer, period=2020, measure="realisation")
    assert realised["value"] == 5.9 and realised["flagged"] is True
    assert "blitar_2020.txt line 83: same_quantity check" in explorer.notes()
    assert "not comparable" in explorer.notes()


def test_setting_the_widgets_changes_options_chart_and_table():
    explorer = Explorer()
    explorer.dataset.value = "aid_by_programme"
    # only Blitar and Sumenep print aid by programme; Blitar is kept, its first programme chosen
    assert list(explorer.region.options) == ["Blitar", "Sumenep"]
    assert explorer.state() == {"dataset": "aid_by_programme", "region": "Blitar",
                                "item": "APBD (district programmes)"}
    assert _values(explorer.item.options) == BLITAR_AID
    assert explorer.item.description == "Programme"

    explorer.item.value = "BPNT"
    # blitar_2020.txt line 143: "BPNT 1.047.919 KPM x Rp. 200.000 = Rp. 209.583.800.000": household-months
    beneficiaries = _row(explorer, what="beneficiaries")
    assert (beneficiaries["value"], beneficiaries["source"]) == (1047919, "blitar_2020.txt line 143")
    assert beneficiaries["label"] == "1.047.919 household-months"
    row = _table_row(explorer, "What", "beneficiaries")
    assert (row["Value"], row["Printed as"], row["Source"]) == \
        ("1.047.919 household-months", "1.047.919 KPM", "blitar_2020.txt line 143")
    assert _table_row(explorer, "What", "total printed")["Value"] == "Rp 209,58 miliar"
    assert "household-months" in explorer.notes()

    explorer.region.value = "Sumenep"
    # Sumenep also has BPNT, so it is kept: sumenep_2020.txt line 276, 144.537 KK (households)
    assert explorer.item.value == "BPNT"
    assert "ASLUT" in _values(explorer.item.options) and "PKH" not in _values(explorer.item.options)
    beneficiaries = _row(explorer, what="beneficiaries")
    assert (beneficiaries["value"], beneficiaries["source"]) == (144537, "sumenep_2020.txt line 276")
    assert _table_row(explorer, "What", "beneficiaries")["Value"] == "144.537 households"


def test_region_the_new_dataset_lacks_falls_back_to_its_first():
    explorer = Explorer("headline_indicators", "Lumajang", "pmks_reached_pct")
    explorer.dataset.value = "aid_by_programme"  # Lumajang prints no aid table
    assert explorer.region.value == "Blitar"
    explorer.dataset.value = "budget_totals"
    assert list(explorer.region.options) == ["Blitar", "Lumajang", "Pasuruan", "Sumenep"]
    explorer.region.value = "Pasuruan"
    assert _values(explorer.item.options) == ["2021", "2022"] and explorer.item.description == "Year"
    explorer.item.value = "2022"
    # pasuruan_2022.txt line 580: 28.568.613.969 budget, 21.978.595.696 realised, 76,93 %
    assert _table_row(explorer, "What", "budget")["Value"] == "Rp 28,57 miliar"
    assert _table_row(explorer, "What", "absorption printed")["Source"] == "pasuruan_2022.txt line 580"
    realised = _row(explorer, what="realised")  # drawn in miliar, the exact amount in the tooltip
    assert (realised["value"], realised["amount"]) == (21.978595696, "Rp 21.978.595.696")
    explorer.region.value = "Sumenep"
    assert _values(explorer.item.options) == ["2020"] and explorer.item.value == "2020"


def test_bpnt_perluasan_total_is_flagged_and_explained():
    explorer = Explorer("aid_by_programme", "Blitar", "BPNT Perluasan")
    total = _row(explorer, what="total printed")
    # blitar_2020.txt line 145: 17.977 KPM x Rp 200.000 printed as Rp 32.358.600.000, 9 times the product
    assert (total["value"], total["amount"], total["flagged"], total["flag_ids"]) == \
        (32.3586, "Rp 32.358.600.000", True, "blitar_2020-L145-product-64aaa5")
    assert _table_row(explorer, "What", "total printed")["Flags"] == "1 flag"
    assert "blitar_2020.txt line 145: product check" in explorer.notes()


def test_budget_lines_show_each_budget_once():
    explorer = Explorer("budget_lines", "Lumajang", "programme")
    data = explorer.data()
    office = data[data["line"] == "Program Pelayanan Administrasi Perkantoran"]
    # budget printed at line 436 and restated at line 965 (with the realisation): shown once
    assert office.loc[office["measure"] == "budget", "source"].tolist() == ["lumajang_2020.txt line 436"]
    row = _table_row(explorer, "Line", "Program Pelayanan Administrasi Perkantoran")
    assert (row["Budget"], row["Realised"], row["Absorption"]) == ("Rp 758,86 juta", "Rp 714,61 juta", "94,17 %")
    assert len(explorer.table()) == 7


# an axis of raw rupiah: "1.964.985.500", "20.000.000.000" (a count of millions has at most 2 dot groups)
RAW_RUPIAH = re.compile(r"^\d{1,3}(\.\d{3}){3,}$")


def _tooltips(spec: dict) -> list[list[str]]:
    """The tooltip fields (by title) of every mark of a chart."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            tips = node.get("encoding", {}).get("tooltip")
            if isinstance(tips, list):
                found.append([t.get("title", t["field"]) for t in tips])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def _axis_texts(svg: str, role: str) -> list[str]:
    """The texts of one role of a vl-convert SVG: ``axis-label`` (ticks), ``axis-title``."""
    groups = re.findall(rf'<g class="mark-text role-{role}"[^>]*>(.*?)</g>', svg, flags=re.S)
    return [text for group in groups for text in re.findall(r"<text[^>]*>([^<]*)</text>", group)]


def test_budget_lines_are_drawn_in_miliar_with_the_exact_amount_in_the_tooltip():
    explorer = Explorer("budget_lines", "Blitar", "objective")
    spec = explorer.chart().to_dict()
    # blitar_2020.txt line 301: objective 1 budgeted 1.964.985.500; line 334: realised 1.801.218.015
    budget = _row(explorer, line="Meningkatnya kesejahteraan PMKS", measure="budget")
    assert (budget["value"], budget["label"], budget["amount"], budget["source"]) == \
        (1.9649855, "Rp 1,96 miliar", "Rp 1.964.985.500", "blitar_2020.txt line 301")
    realised = _row(explorer, line="Meningkatnya kesejahteraan PMKS", measure="realised")
    assert (realised["value"], realised["amount"]) == (1.801218015, "Rp 1.801.218.015")
    assert explorer.data().loc[0, "value"] == 1964985500  # the table's rows stay in rupiah
    assert ["line", "measure", "value", "amount", "source"] in _tooltips(spec)
    svg = render.chart_svg(spec)
    assert _axis_texts(svg, "axis-title")[0] == "Budget and realisation by objective (Rp miliar)"
    labels = _axis_texts(svg, "axis-label")
    assert {"0,0", "1,0", "2,0"} <= set(labels), labels
    assert not [label for label in labels if RAW_RUPIAH.match(label)]


def test_aid_rupiah_panels_in_miliar_the_amount_per_beneficiary_in_rupiah():
    explorer = Explorer("aid_by_programme", "Blitar", "BPNT")
    spec = explorer.chart().to_dict()
    # blitar_2020.txt line 143: "BPNT 1.047.919 KPM x Rp. 200.000 = Rp. 209.583.800.000"
    total = _row(explorer, what="total printed")
    assert (total["value"], total["label"], total["amount"], total["source"]) == \
        (209.5838, "Rp 209,58 miliar", "Rp 209.583.800.000", "blitar_2020.txt line 143")
    # Rp 200.000 a month: in miliar its axis would read 0,0002; whole rupiah read 200.000
    per = _row(explorer, what="amount per beneficiary per month")
    assert (per["value"], per["label"]) == (200000, "Rp 200.000")
    assert ["what", "value", "amount", "source"] in _tooltips(spec)
    svg = render.chart_svg(spec)
    assert _axis_texts(svg, "axis-title") == ["value (household-months)", "value (Rp miliar)", "value (Rp)"]
    labels = _axis_texts(svg, "axis-label")
    assert {"1.000.000", "200", "200.000"} <= set(labels), labels
    assert not [label for label in labels if RAW_RUPIAH.match(label)]


def test_poverty_rates_keep_gaps_and_the_province_line():
    explorer = Explorer("poverty_rates", "Blitar", "poverty_rate_pct")
    rows = chart_rows(explorer.chart().to_dict())
    blitar = {r["period"]: r["value"] for r in rows if r.get("region") == "Blitar"}
    assert blitar[2015] == 9.97 and blitar[2017] is None  # no BPS figure found for 2017-2019: a gap
    province = [r for r in rows if r.get("region") == "Jawa Timur (province)" and r.get("period") == 2020]
    assert province[0]["value"] == 11.09 and "BPS (March 2020)" in province[0]["source"]
    assert "2017, 2018, 2019" in explorer.notes()
    explorer.item.value = "poor_people"  # no province reference for counts of people
    assert {r.get("region") for r in chart_rows(explorer.chart().to_dict()) if "region" in r} == {"Blitar"}


def test_check_lists_the_choices():
    with pytest.raises(ParameterError, match="Blitar, Lumajang, Pasuruan, Sumenep"):
        check(region="Atlantis")
    with pytest.raises(ParameterError, match="headline_indicators, aid_by_programme, budget_totals, budget_lines"):
        check(dataset="pmks")
    with pytest.raises(ParameterError, match="choose one of: Blitar, Sumenep$"):
        check(dataset="aid_by_programme", region="Lumajang")
    with pytest.raises(ParameterError, match="BPNT Perluasan"):
        check(dataset="aid_by_programme", region="Blitar", item="BPNT Expanded")
    assert check("budget_totals", "Pasuruan", 2021) == {"dataset": "budget_totals", "region": "Pasuruan",
                                                       "item": "2021"}
    assert check("budget_lines", None, None) == {"dataset": "budget_lines", "region": "Blitar", "item": "objective"}


def test_item_none_is_the_dataset_default_for_the_region():
    # a view's default_item where the region has it ...
    assert check("headline_indicators", "Sumenep")["item"] == "pmks_reached_pct"
    assert check("budget_lines", "Lumajang")["item"] == "programme"
    # ... else the region's first item: Blitar prints no programme-level budget lines
    assert check("budget_lines", "Blitar")["item"] == "objective"
    assert check("budget_totals", "Pasuruan")["item"] == "2021"
    assert check("aid_by_programme")["item"] == "APBD (district programmes)"
    assert check("poverty_rates", "Blitar")["item"] == "poverty_rate_pct"
    assert all(check(dataset)["item"] == VIEWS[dataset].item_for(check(dataset)["region"]) for dataset in VIEWS)


def test_an_item_of_another_dataset_is_still_refused():
    with pytest.raises(ParameterError) as refused:
        check("budget_lines", "Blitar", "pmks_reached_pct")
    message = str(refused.value)
    assert "item (levels of budget_lines for Blitar)='pmks_reached_pct' is not a valid choice" in message
    assert "choose one of: objective, total, spending_group, spending_type, balance;" in message
    assert message.endswith("or leave item out (None): budget_lines's default for Blitar is objective")


def test_a_new_dataset_in_the_dropdown_starts_at_its_default_item_as_check_does():
    explorer = Explorer("headline_indicators", "Sumenep", "poverty_rate_pct")
    for dataset in ("poverty_rates", "budget_lines", "budget_totals", "aid_by_programme", "headline_indicators"):
        explorer.dataset.value = dataset
        assert explorer.state() == check(dataset, explorer.region.value), dataset
    # back to the indicators: their default, not the poverty_rate_pct Sumenep also prints
    assert explorer.state() == {"dataset": "headline_indicators", "region": "Sumenep", "item": "pmks_reached_pct"}
    explorer.dataset.value = "budget_lines"
    assert explorer.item.value == "programme" and explorer.item.description == "Level"
    explorer.region.value = "Blitar"  # no programme level in Blitar: its first level, objective
    assert explorer.item.value == "objective"
    # blitar_2020.txt line 301: objective 1 budgeted 1.964.985.500; line 334: realised 1.801.218.015, 91.67 %
    row = _table_row(explorer, "Line", "Meningkatnya kesejahteraan PMKS")
    assert (row["Budget"], row["Realised"], row["Absorption"]) == ("Rp 1,96 miliar", "Rp 1,80 miliar", "91,67 %")
    assert row["Source"] == "blitar_2020.txt line 301; blitar_2020.txt line 334"


class _Handle:
    def __init__(self):
        self.updates = []

    def update(self, obj):
        self.updates.append(obj)


def test_show_redraws_once_per_change(monkeypatch):
    shown, handles = [], []

    def fake_display(obj, display_id=False):
        shown.append(obj)
        if display_id:
            handles.append(_Handle())
            return handles[-1]
        return None

    monkeypatch.setattr(explore, "_display", fake_display)
    explorer = Explorer()
    explorer.show()
    assert shown[0] is explorer.controls and len(handles) == 3  # chart, table, notes
    explorer.dataset.value = "aid_by_programme"  # region and item change too: still one redraw
    assert [len(h.updates) for h in handles] == [1, 1, 1]
    explorer.item.value = "BPNT"
    chart, table, notes = (h.updates[-1] for h in handles)
    assert 1047919 in [r["value"] for r in chart_rows(chart.to_dict())]
    assert "1.047.919 household-months" in table.to_html()
    assert "BPNT" in notes.data
