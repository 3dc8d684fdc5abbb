"""PMKS coverage (analysis/pmks.py) on the real reports: each region on its own scale, each
figure with its lines, the counts behind the shares, printings that disagree."""

import pytest

from lkjip_analysis.analysis import pmks
from lkjip_analysis.analysis.parameters import ParameterError


@pytest.fixture(scope="module")
def everything():
    return pmks.check()


def _row(frame, **where):
    rows = frame
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, where
    return rows.iloc[0]


def test_check_normalises_and_refuses_with_the_choices(everything):
    assert everything.regions == ("Blitar", "Lumajang", "Pasuruan", "Sumenep")
    assert everything.indicators == ("pmks_reached_pct",)
    assert everything.years == (2015, 2022)  # Blitar's 2015 (line 199) to Pasuruan's 2022; plan years left out
    # papermill -p passes text: lists arrive as "Sumenep, Lumajang" or "[2019, 2020]"
    assert pmks.check(region="Sumenep, Lumajang").regions == ("Sumenep", "Lumajang")
    assert pmks.check(years="[2019, 2020]").years == (2019, 2020)
    with pytest.raises(ParameterError, match="Blitar, Lumajang, Pasuruan, Sumenep"):
        pmks.check(region="Atlantis")
    with pytest.raises(ParameterError, match="pmks_reached_pct.*pmks_total"):
        pmks.check(indicators=["pmks_reach"])
    with pytest.raises(ParameterError, match="2015-2022"):
        pmks.check(years=[2010, 2012])
    with pytest.raises(ParameterError, match="choose from: Sumenep"):  # only Sumenep prints Jumlah PMKS
        pmks.check(region="Blitar", indicators="pmks_total")


def test_every_year_the_reports_print_on_separate_scales(everything):
    data = pmks.coverage(everything)
    years = data[data["measure"] == "realisation"].groupby("region")["period"].agg(lambda p: sorted(p.astype(int)))
    assert years.to_dict() == {"Kabupaten Blitar": [2015, 2016, 2017, 2018, 2019, 2020],
                               "Kabupaten Lumajang": [2019, 2020],
                               "Kota Pasuruan": [2020, 2021, 2022],
                               "Kabupaten Sumenep": [2018, 2020]}
    assert not (data["period"] > 2022).any()  # Pasuruan's plan targets 2023-2026 (line 273) are not charted
    lumajang = _row(data, region="Kabupaten Lumajang", period=2020, measure="realisation")
    assert (lumajang["label"], lumajang["source"]) == ("78,76 %", "lumajang_2020.txt line 67")
    spec = pmks.coverage_chart(everything).to_dict()
    assert spec["resolve"]["scale"] == {"x": "independent", "y": "independent"}


def test_shares_table_gives_the_lines_and_the_other_printings(everything):
    table = pmks.shares_table(everything)
    lumajang = _row(table, Region="Kabupaten Lumajang", Year=2020)
    assert lumajang["Realisation"] == "78,76 %" and lumajang["Target"] == "29,42 %"
    assert lumajang["Realisation printed on"] == "lumajang_2020.txt lines 67, 507, 519, 527, 597, 699, 784, 1018"
    blitar = _row(table, Region="Kabupaten Blitar", Year=2020)
    # 5,90 % on lines 199, 245, 334; 5.97 % on line 83; the achievement 118 % (line 83) fits 5,90
    assert (blitar["Realisation"], blitar["Achievement (printed)"]) == ("5,90 %", "118 %")
    assert blitar["Also printed"] == "realisation: 5,97 % (line 83)" and blitar["Flagged"] == "yes"


def test_each_region_its_own_definition(everything):
    table = pmks.definitions_table(everything).set_index("Region")
    # blitar_2020.py's indicator_notes
    assert table.loc["Kabupaten Blitar", "What it counts"] == "Counts only PMKS helped from the district budget (APBD)."
    assert "Presentase PPKS Yang Terakses Layanan Sosial Dasar" in table.loc["Kota Pasuruan", "Printed as (Indonesian)"]
    # Sumenep: 243.077 jiwa in 2018 (line 150), 197.465 KK in 2020 (line 272)
    assert table.loc["Kabupaten Sumenep", "Counted in"] == (
        "2018: persons (sumenep_2020.txt line 150); 2020: households (sumenep_2020.txt line 272)")
    caveat = pmks.caveat_markdown(everything)
    assert "never ranked on one axis" in caveat and "levels are not comparable across regions" in caveat


def test_counts_behind_the_shares(everything):
    counts = pmks.counts_table(everything)
    numerator = _row(counts, Region="Kabupaten Lumajang", Year=2020, Count="reached (numerator)")
    assert (numerator["Value"], numerator["Counted in"], numerator["Printed on"]) == (
        "426.794", "persons", "lumajang_2020.txt lines 507, 788")
    total = _row(counts, Region="Kabupaten Sumenep", Year=2020, Count="Number of PMKS: target")
    assert (total["Value"], total["Counted in"]) == ("100.606", "households")  # '100.606 KK' on line 289
    text = pmks.shares_from_counts_markdown(everything)
    assert ("426.794 of 541.897 persons (lumajang_2020.txt lines 507, 788) give 78,76 %; "
            "the report prints 78,76 %") in text
    assert "persons in 2018 (sumenep_2020.txt line 150); households in 2020 (sumenep_2020.txt line 272)" in text
    assert "Kabupaten Blitar: the report prints no counts behind the share" in text


def test_printings_that_disagree_are_explained_with_their_lines(everything):
    text = pmks.flagged_markdown(everything)
    assert ("Kabupaten Blitar 2020 realisation: 5,90 % is used (blitar_2020.txt line 199); "
            "also printed 5,97 % (line 83)") in text
    assert "5.90% (line 199) and 5 % (line 59) give 118" in text
    assert "541.897 persons is used (lumajang_2020.txt line 507); also printed 541.887 (line 788)" in text
    flags = pmks.flags_table(everything).set_index("flag_id")
    assert flags.loc["blitar_2020-L83-achievement-b1d33f", "where"] == "blitar_2020.txt line 83"
    assert "give 119.4" in flags.loc["blitar_2020-L83-achievement-b1d33f", "finding"]


def test_parameters_narrow_the_tables():
    chosen = pmks.check(region="Sumenep", indicators=["pmks_reached_pct", "pmks_total"], years=[2020, 2020])
    table = pmks.shares_table(chosen)
    assert list(table["Year"]) == [2020, 2020] and list(table["Indicator"]) == ["pmks_reached_pct", "pmks_total"]
    assert _row(table, Indicator="pmks_total")["Realisation"] == "197.465 households"  # 'org' line 265, 'KK' line 272
    assert "16,7 times its target" in pmks.summary_markdown(chosen)  # 73,47 % against 4,40 % (line 264)
