"""One region's brief (analysis/brief.py) on the real reports: the report checked first, its
headline figures with the lines of the printings used, the trends, budget and aid through the
topic modules, and every quality flag of the report listed with its line."""

import re

import pandas as pd
import pytest

from lkjip_analysis.analysis import brief
from lkjip_analysis.analysis.parameters import ParameterError
from lkjip_analysis.datasets.load import load
from lkjip_analysis.extraction import read_manifest
from lkjip_analysis.paths import raw_dir

REPORTS = read_manifest(raw_dir())


@pytest.fixture(scope="module")
def blitar():
    return brief.check("Blitar", 2020)


@pytest.fixture(scope="module")
def lumajang():
    return brief.check("Lumajang", 2020)


def _row(table, indicator_id: str) -> pd.Series:
    frame = table.data  # the Styler shown in the notebook holds the DataFrame
    rows = frame[frame["Indicator"].str.endswith(f"({indicator_id})")]
    assert len(rows) == 1, indicator_id
    return rows.iloc[0]


# --- check ---------------------------------------------------------------------------------------

def test_check_defaults_to_the_first_report_of_the_manifest():
    first = REPORTS[0]
    b = brief.check()
    assert (b.region, b.report_year, b.file, b.office) == (first.region, first.report_year, first.file, first.office)
    assert b.name == "Kabupaten Blitar"  # regions.csv's official name


def test_check_takes_the_year_as_papermill_passes_it():
    b = brief.check("Pasuruan", "2022")
    assert (b.file, b.report_year, b.name) == ("pasuruan_2022.txt", 2022, "Kota Pasuruan")
    assert brief.check("Pasuruan").report_year == 2022  # no year: the region's report


def test_check_refuses_an_unknown_region_or_a_year_without_a_report_listing_the_reports():
    pairs = ", ".join(f"{s.region} {s.report_year}" for s in REPORTS)
    with pytest.raises(ParameterError) as unknown:
        brief.check("Atlantis", 2020)
    assert "choose one of: Blitar, Lumajang, Pasuruan, Sumenep" in str(unknown.value)
    assert pairs in str(unknown.value)
    with pytest.raises(ParameterError) as no_report:
        brief.check("Blitar", 2022)
    assert str(no_report.value) == (f"report_year=2022: Blitar has no report for that year; choose one of the "
                                    f"reports (region, year): {pairs}")


def test_title_names_the_region_officially_and_the_year(blitar):
    assert brief.title_markdown(blitar).startswith("# Kabupaten Blitar: LKjIP 2020 in brief\n")
    assert "Dinas Sosial Kabupaten Blitar" in brief.title_markdown(blitar)


# --- headline indicators -------------------------------------------------------------------------

def test_lumajang_realisation_against_target_with_lines(lumajang):
    row = _row(brief.headline_table(lumajang), "pmks_reached_pct")
    # lumajang_2020.txt line 67: realisation 78,76%; line 422: target 29,42%; line 519: achievement 267,71%
    assert (row["Target"], row["Realisation"], row["Achievement (printed)"]) == (
        "29,42 % (line 422)", "78,76 % (line 67)", "267,71 % (line 519)")
    assert "realisation: same on lines 507, 519, 527, 597, 699, 784, 1018" in row["Other printings"]
    assert "group_average (line 67)" in row["Flags"]
    text = brief.headline_markdown(lumajang)
    assert ("realisation 78,76 % (lumajang_2020.txt line 67) against a target of 29,42 % "
            "(lumajang_2020.txt line 422); achievement printed 267,71 % (line 519)") in text
    assert "2,7 times its target" in text


def test_printings_that_disagree_and_the_one_used(blitar, lumajang):
    row = _row(brief.headline_table(blitar), "pmks_reached_pct")
    # 5,90 % (line 199) is used: the report's own 118 % (line 83) fits it; 5.97% (line 83) differs
    assert row["Realisation"] == "5,90 % (line 199)" and row["Achievement (printed)"] == "118 % (line 83)"
    assert "realisation: 5,97 % (line 83) (differs)" in row["Other printings"]
    assert "5,90 % is used (blitar_2020.txt line 199); also printed 5,97 % (line 83)" in brief.headline_markdown(blitar)
    # Lumajang's denominator is printed 541.897 (line 507) and 541887 (line 788)
    assert "541.897 persons is used (lumajang_2020.txt line 507); also printed 541.887 (line 788)" in \
        brief.headline_markdown(lumajang)


def test_counts_keep_their_unit_and_a_target_only_indicator_says_so():
    assert _row(brief.headline_table(brief.check("Blitar")), "pmks_handled")["Realisation"] == \
        "8.501 persons (line 182)"
    pasuruan = brief.check("Pasuruan")
    row = _row(brief.headline_table(pasuruan), "ppks_priority_independent_pct")
    assert (row["Target"], row["Realisation"]) == ("5 % (line 272)", "\u2013")
    assert "no realisation printed against a target of 5 % (pasuruan_2022.txt line 272)" in \
        brief.headline_markdown(pasuruan)


def test_headline_chart_one_panel_per_indicator_with_a_target_in_table_order(lumajang):
    spec = brief.headline_chart(lumajang).to_dict()
    panels = spec["facet"]["sort"]
    assert panels[0] == "Share of PMKS/PPKS reached (helped or served) (%)"
    assert len(panels) == 4  # aid targeting accuracy (line 655) has no target: table only
    assert spec["resolve"]["scale"]["y"] == "independent"
    rows = [r for values in spec["datasets"].values() for r in values]
    reached = [r for r in rows if r["indicator_id"] == "pmks_reached_pct"]
    assert {(r["measure"], r["value"], r["source"]) for r in reached} == {
        ("target", 29.42, "lumajang_2020.txt line 422"), ("realisation", 78.76, "lumajang_2020.txt line 67")}


# --- trends, poverty, budget, aid ----------------------------------------------------------------

def test_trends_are_the_series_the_report_prints():
    text = brief.trend_markdown(brief.check("Blitar"))
    # blitar_2020.txt line 199: 2015 3.13% ... 2019 4.83%, 2020 5.90%
    assert "Kabupaten Blitar (pmks_reached_pct, 2015\u20132020)" in text
    assert "2015: 3,13 %" in text and "2019: 4,83 %" in text
    sumenep = brief.check("Sumenep")
    assert "persons in 2018 (sumenep_2020.txt line 150); households in 2020 (sumenep_2020.txt line 272)" in \
        brief.trend_markdown(sumenep)
    # the report's poverty rate is drawn over BPS's line, not as a series of its own
    assert "poverty_rate_pct" not in brief.trend_chart(sumenep).to_json()
    assert "agree on every year the report prints" in brief.poverty_markdown(sumenep)
    assert "plan targets for later years" in brief.trend_markdown(brief.check("Pasuruan"))


def test_budget_total_with_absorption_printed_and_recomputed(blitar):
    text = brief.budget_markdown(blitar)
    # blitar_2020.txt line 382: Belanja 6.579.168.248, realised 6.270.884.130,75, 95,31 %
    assert "(blitar_2020.txt line 382, chosen as the total line): budget Rp 6,58 miliar, realised Rp 6,27 miliar" \
        in text
    assert "printed 95,31 %, recomputed 95,31 %, the same" in text
    assert "Below the total: 2 objective lines" in text  # Blitar prints no programme-level budget
    pasuruan = brief.budget_markdown(brief.check("Pasuruan"))
    assert "line 632 (T0630" in pasuruan and "same_quantity (line 580, 3 flags)" in pasuruan


def test_aid_from_the_aid_module_and_said_plainly_when_absent(blitar, lumajang):
    assert "1.047.919" in brief.aid_markdown(blitar) and "blitar_2020.txt line 143" in brief.aid_markdown(blitar)
    text = brief.aid_markdown(lumajang)
    assert "no aid table and no counts of aid received" in text and "lumajang_2020.txt line 565" in text
    assert "not 2020" in brief.aid_markdown(brief.check("Pasuruan"))


# --- data quality --------------------------------------------------------------------------------

@pytest.mark.parametrize("report", REPORTS, ids=lambda s: s.file)
def test_every_flag_of_the_report_is_listed_with_its_line(report):
    b = brief.check(report.region, report.report_year)
    flags = load("quality_flags")
    mine = flags[flags["source_file"] == report.file]
    listed = brief.quality_markdown(b)
    assert len(brief.quality_flags(b)) == len(mine) > 0
    for _, f in mine.iterrows():
        assert f"**{report.file} line {f['source_line']}**" in listed
        assert f"Flag `{f['flag_id']}`." in listed
    assert len(re.findall(r"^- \*\*", listed, re.M)) == len(mine)  # each flag once
    counts = mine["kind"].astype(str).value_counts()
    for kind, n in counts.items():
        assert f"#### {kind.replace('_', ' ').capitalize()}: {n} flag{'s' if n > 1 else ''}" in listed
    assert f"**{len(mine)} quality flags** on {report.file}" in brief.quality_summary_markdown(b)


def test_blitar_flags_say_what_they_found(blitar):
    listed = brief.quality_markdown(blitar)
    # blitar_2020.txt line 83: 118% printed, 5 % / 5.97% gives 119.4
    assert ("**blitar_2020.txt line 83**, check `achievement` (achievement % is not realisation / target): "
            "Persentase PMKS yang dibantu dan ditangani (2020): printed '118%'") in listed
    assert "**blitar_2020.txt line 301** (with line 382), check `share`" in listed
    assert listed.index("#### Arithmetic") < listed.index("#### Printings disagree")
    assert "share\\_of\\_total\\_pct" in listed  # report text is literal, not markdown emphasis


def test_sources_name_the_report_its_lines_and_bps(blitar):
    text = brief.sources_markdown(blitar)
    assert "`data/raw/blitar_2020.txt`: LKjIP 2020 of Dinas Sosial Kabupaten Blitar" in text
    assert "headline indicators: 59, 60, 83, 84" in text and "quality flags: 83, 145" in text
    assert "BPS, quoted by" in text and "(Provinsi Jawa Timur: 2020)" in text
