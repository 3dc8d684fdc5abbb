"""Poverty rate (analysis/poverty.py): BPS's figures with their sources, gaps kept, Sumenep's own
figures checked against BPS, the reports' PMKS counts beside BPS's poor people."""

import pytest

from lkjip_analysis.analysis import poverty
from lkjip_analysis.analysis.parameters import ParameterError


@pytest.fixture(scope="module")
def everything():
    return poverty.check()


def _data(chart) -> list[dict]:
    return [row for rows in chart.to_dict()["datasets"].values() for row in rows]


def test_check_refuses_with_the_choices(everything):
    assert everything.regions == ("Blitar", "Lumajang", "Pasuruan", "Sumenep")
    assert everything.years == (2014, 2025)
    with pytest.raises(ParameterError, match="Blitar, Lumajang, Pasuruan, Sumenep"):
        poverty.check(region="Atlantis")
    with pytest.raises(ParameterError, match="not a valid choice"):  # the province is the reference, not a choice
        poverty.check(region="Jawa Timur")
    with pytest.raises(ParameterError, match="2014-2025"):
        poverty.check(years=[2000, 2005])


def test_chart_names_bps_sources_keeps_gaps_and_overlays_the_report(everything):
    rows = _data(poverty.poverty_chart(everything))
    bps = [r for r in rows if "printed" not in r and r["value"] is not None]
    assert bps and all(r["source"].startswith("BPS, quoted by ") for r in bps)
    pasuruan = {r["period"]: r["value"] for r in rows if r.get("region") == "Kota Pasuruan"}
    assert pasuruan[2017] == 7.53 and pasuruan[2018] is None  # not published: a gap
    east_java = {r["period"]: r["value"] for r in rows if r.get("region", "").startswith("Provinsi Jawa Timur")
                 and r["value"] is not None}
    assert east_java == {2020: 11.09, 2021: 11.4, 2022: 10.38}
    printed = {(r["period"], r["printed"]): r for r in rows if "printed" in r}
    assert printed[(2018, "report: realisation")]["source"] == "sumenep_2020.txt line 297"
    assert printed[(2020, "report: target")]["label"] == "19,34 %" and printed[(2020, "report: target")]["flagged"]


def test_sumenep_and_bps_agree_2018_to_2020(everything):
    table = poverty.comparison_table(everything)
    assert list(table["Year"]) == [2018, 2019, 2020]
    assert list(table["Report"]) == list(table["BPS"]) == ["20,16 %", "19,48 %", "20,18 %"]
    assert list(table["Printed on"]) == ["sumenep_2020.txt line 297", "sumenep_2020.txt lines 251, 297",
                                         "sumenep_2020.txt lines 230, 251, 297"]
    assert set(table["Difference (points)"]) == {"0,00"}
    assert table["BPS source"].iloc[0] == (
        "BPS, quoted by BPS Sumenep: pewartapos.com/angka-kemiskinan-di-sumenep-capai-20620-ribu-jiwa")
    text = poverty.agreement_markdown(everything)
    assert "Kabupaten Sumenep's report and BPS agree on every year the report prints" in text
    assert ("target for 2020 was 19,34 % (sumenep_2020.txt lines 212, 230); BPS measured 20,18 %, "
            "so the target was missed") in text


def test_a_report_figure_off_bps_disagrees(monkeypatch, everything):
    rates = poverty._rates().copy()
    rates.loc[(rates["region"] == "Sumenep") & (rates["year"] == 2019), "poverty_rate_pct"] = 19.58
    monkeypatch.setattr(poverty, "_rates", lambda: rates)
    both = poverty.comparison(everything)
    assert list(both["period"]) == [2018, 2019, 2020] and list(both["agrees"]) == [True, False, True]
    assert "differs from BPS in 2019 (-0,10 points)" in poverty.agreement_markdown(everything)


def test_counts_beside_bps_poor_people(everything):
    table = poverty.counts_table(everything).set_index(["Region", "Year"])
    sumenep = table.loc[("Kabupaten Sumenep", 2020)]
    assert sumenep["Poor people (BPS)"] == "220.230 persons"
    assert sumenep["PMKS registered (report)"] == "197.465 households (sumenep_2020.txt line 272)"
    assert sumenep["PMKS reached (report)"] == "145.086 households (sumenep_2020.txt line 272)"
    assert table.loc[("Kabupaten Sumenep", 2018), "PMKS registered (report)"] == (
        "243.077 persons (sumenep_2020.txt line 150)")
    assert table.loc[("Kabupaten Lumajang", 2020), "Poor people (BPS)"] == "\u2013"  # BPS gives no count for 2020
    narrow = poverty.counts_table(poverty.check(region="Blitar"))
    assert narrow.empty  # Blitar's report prints no count behind its share


def test_flags_on_the_printed_poverty_figures(everything):
    flags = poverty.flags_table(everything).set_index("flag_id")
    # the 2020 target: 19,34 % on line 230, 19,53 % in the repeated table (line 243)
    assert "prints '19,53%' (line 243)" in flags.loc["sumenep_2020-L230-copy-46095a", "finding"]
