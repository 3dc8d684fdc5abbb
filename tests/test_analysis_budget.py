"""analysis/budget.py: lines at a level with their printings merged, absorption, totals, efficiency."""

import pytest

from lkjip_analysis.analysis import budget
from lkjip_analysis.analysis.parameters import ParameterError


def test_check_lists_the_levels_a_region_prints():
    with pytest.raises(ParameterError, match="Blitar prints no budget at that level; choose one of: objective, "
                                             "spending_group, spending_type"):
        budget.check(region="Blitar", level="programme")
    with pytest.raises(ParameterError, match="choose one of: all, Blitar, Lumajang, Pasuruan, Sumenep"):
        budget.check(region="Atlantis")
    assert budget.check(region="Lumajang", level="activity").regions == ("Lumajang",)


def test_one_programme_from_its_printings_and_restatements_skipped():
    lines = budget.budget_lines(budget.check(region="Lumajang", level="programme")).set_index("name")
    assert len(lines) == 7
    admin = lines.loc["Program Pelayanan Administrasi Perkantoran"]
    # budget from Tabel III.1 line 436 (line 965 repeats it), realisation from line 965
    assert (admin["budget_line"], admin["realised_line"], admin["lines"]) == (436, 965, "436, 965")
    assert (admin["budget"], admin["realised"]) == (758859800, 714614330)


def test_a_restating_printing_joins_the_line_it_repeats_under_another_name():
    lines = budget.budget_lines(budget.check(region="Sumenep", level="programme")).set_index("lines")
    # line 373 'Pemberdayaan Fakir Miskin ...' repeats line 191's 'Pemberdayaan Keluarga Miskin ...' budget
    row = lines.loc["191, 373"]
    assert (row["budget"], row["realised"], row["absorption_pct"]) == (950071800, 841959380, 88.62)


def test_absorption_printed_against_recomputed_where_printings_disagree():
    table = budget.absorption_table(budget.check(region="Lumajang", level="programme")).set_index("programme")
    row = table.loc["Program Pembinaan Lingkungan Sosial"]
    # lumajang_2020.txt line 931 prints 98,20 %; 172.930.000 / 175.000.000 = 98,82 % (line 991 prints 98,82)
    assert (row["absorption printed"], row["absorption recomputed"]) == ("98,20 %", "98,82 %")
    assert "lumajang_2020-L931-absorption-23a0a9" in row["flags"]
    pasuruan = budget.absorption_table(budget.check(region="Pasuruan", level="programme")).set_index("programme")
    # line 636 prints Rp287.982.480, a restatement of line 332's 27.982.480: 20.215.254 / 27.982.480 = 72,24 %
    taman = pasuruan.loc["Pengelolaan Taman Makam Pahlawan Kabupaten/Kota"]
    assert (taman["budget"], taman["absorption printed"], taman["absorption recomputed"]) == (
        "Rp 27,98 juta", "72,24 %", "72,24 %")


def test_office_totals_with_their_alternatives():
    table = budget.office_totals_table(budget.check(region="Pasuruan", level="programme"))
    row = table[table["year"] == 2022].iloc[0]
    assert (row["budget"], row["absorption printed"], row["line"]) == (
        "Rp 28,57 miliar", "76,93 %", "pasuruan_2022.txt line 580")
    assert "line 632 (T0630" in row["other totals printed"] and "line 555 (P0555" in row["other totals printed"]


def test_efficiency_next_to_achievement_minus_absorption():
    p = budget.check(region="all", level="programme")
    table = budget.efficiency_table(p).set_index("line")
    # pasuruan_2022.txt line 580: 67,5 printed; 109 - 76,93 = 32,07
    assert (table.loc["pasuruan_2022.txt line 580", "efficiency printed"],
            table.loc["pasuruan_2022.txt line 580", "achievement - absorption"]) == ("67,5 %", "32,07 %")
    assert table.loc["lumajang_2020.txt line 726", "achievement - absorption"] == "176,46 %"
    text = budget.efficiency_markdown(p)
    assert ("the printed efficiency 67,5 % (pasuruan_2022.txt line 580) is not achievement - absorption (32,07 %): "
            "**the report defines efficiency otherwise**") in text
    assert "pasuruan_2022.txt line 584" in text and "lumajang_2020.txt line 949" in text
    assert "**Lumajang**: every printed efficiency (3) is achievement % - absorption %." in text


def test_chart_panels_per_region_name_their_lines():
    chart = budget.budget_chart(budget.check(region="all", level="programme"))
    spec = chart.to_dict()
    rows = [r for rows in spec["datasets"].values() for r in rows]
    assert {r["region"] for r in rows} == {"Lumajang", "Pasuruan", "Sumenep"}  # Blitar prints no programmes
    real = next(r for r in rows if r["shown"].startswith("Program Pembinaan Lingkungan Sosial")
                and r["measure"] == "realised")
    assert (real["label"], real["source"], real["flagged"]) == ("Rp 172,93 juta", "lumajang_2020.txt line 931", True)
    assert spec["resolve"]["scale"] == {"x": "independent", "y": "independent"}


def _tooltip_titles(mark: dict) -> list[str]:
    return [t.get("title", t["field"]) for t in mark["encoding"]["tooltip"]]


def test_chart_in_miliar_with_the_exact_amount_after_the_rounded_one():
    spec = budget.budget_chart(budget.check(region="Blitar", level="objective")).to_dict()
    rows = [r for rows in spec["datasets"].values() for r in rows]
    # blitar_2020.txt line 301: "Meningkatnya kesejahteraan PMKS ... 1.964.985.500"
    line = next(r for r in rows if r["source"] == "blitar_2020.txt line 301")
    assert (line["measure"], line["value"], line["label"], line["amount"]) == \
        ("budget", 1.9649855, "Rp 1,96 miliar", "Rp 1.964.985.500")
    # lumajang_2020.txt line 931: "terserap sebesar Rp. 172.930.000" (a programme's realisation)
    spec = budget.budget_chart(budget.check(region="all", level="programme")).to_dict()
    rows = [r for rows in spec["datasets"].values() for r in rows]
    real = next(r for r in rows if r["source"] == "lumajang_2020.txt line 931")
    assert (real["label"], real["amount"], real["flagged"]) == ("Rp 172,93 juta", "Rp 172.930.000", True)
    budget_bars, realised_bars, rings = spec["spec"]["layer"]
    for bars in (budget_bars, realised_bars):
        assert _tooltip_titles(bars) == ["programme", "measure", "value", "amount", "absorption (recomputed)",
                                         "source"]
    assert _tooltip_titles(rings) == ["quality flags", "source"]
