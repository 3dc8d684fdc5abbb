"""analysis/aid.py: 2020 aid per region as the covid_aid notebook shows it, on real values."""

import pytest

from lkjip_analysis.analysis import aid
from lkjip_analysis.analysis.parameters import ParameterError


def _data(chart) -> list[dict]:
    return [row for rows in chart.to_dict()["datasets"].values() for row in rows]


def test_check_refuses_an_unknown_region_listing_the_valid_ones():
    with pytest.raises(ParameterError, match="all, Blitar, Lumajang, Pasuruan, Sumenep"):
        aid.check(region="Atlantis")
    assert aid.check().regions == ("Blitar", "Lumajang", "Pasuruan", "Sumenep")
    assert aid.check(region="Blitar").regions == ("Blitar",)


def test_blitar_bpnt_is_one_bar_counted_in_household_months():
    rows = _data(aid.beneficiaries_chart(aid.check(region="Blitar")))
    bpnt = [r for r in rows if r["programme_id"].startswith("BPNT (")]
    # blitar_2020.txt line 116 (table) and line 143 (sentence) print one programme: one bar
    assert len(bpnt) == 1
    assert bpnt[0]["programme_id"] == "BPNT (household-months)"
    assert bpnt[0]["label"] == "1.047.919 household-months"
    assert bpnt[0]["source"] == "blitar_2020.txt line 143"
    assert bpnt[0]["colour"] == "APBN"


def test_counts_markdown_explains_household_months_and_bpnt_perluasans_nine_months():
    text = aid.counts_markdown(aid.check(region="Blitar"))
    # 1.047.919 against about 1.148.887 people (BPS 2016: 113.510 poor = 9,88 %): 91 %
    assert "1.047.919 \u201cKPM\u201d (blitar_2020.txt line 143) counts household-months" in text
    assert "91 % of the about 1.148.887 people" in text
    assert "about 116.435 households a month" in text  # 1.047.919 / 9 months
    assert "BPNT is printed on lines 116, 143 and shown once, from line 143" in text
    # line 145: 17.977 KPM x Rp 200.000 = Rp 3,60 miliar, printed Rp 32,36 miliar = 9 x
    assert ("Its printed total Rp 32,36 miliar (blitar_2020.txt line 145) is exactly 9 times its \u201cKPM x Rp\u201d "
            "product 17.977 x Rp 200.000 = Rp 3,60 miliar") in text
    assert "blitar_2020.txt line 131" in text  # one family receives several kinds of aid


def test_totals_against_recomputation_with_flags():
    table = aid.totals_table(aid.check(region="Blitar")).set_index("programme (what is counted)")
    pos = table.loc["BST PT Pos I (household-months)"]
    # line 148: 117.641 x Rp 600.000 = Rp 70.584.600.000, printed Rp 70.548.600.000
    assert (pos["total printed"], pos["total recomputed"]) == ("Rp 70,55 miliar", "Rp 70,58 miliar")
    assert pos["check"] == "differs by -Rp 36,00 juta; flag blitar_2020-L148-product-3bbb9e"
    assert table.loc["BPNT (household-months)", "check"] == "matches"
    assert table.loc["BPNT Perluasan (households)", "count x amount (x months)"] == "17.977 x Rp 200.000 x 9"
    assert table.loc["PKH (persons)", "total printed"] == "Rp 156,58 miliar"  # line 141


def test_rupiah_chart_rings_the_flagged_totals():
    rows = {r["programme_id"]: r for r in _data(aid.rupiah_chart(aid.check(region="Blitar")))}
    assert rows["BPNT (household-months)"]["label"] == "Rp 209,58 miliar"
    assert rows["PKH (persons)"]["source"] == "blitar_2020.txt line 141"  # the total's own line, not line 115
    assert {k for k, r in rows.items() if r["flagged"]} == {
        "BPNT Perluasan (households)", "BST PT Pos I (household-months)", "BST PT Pos II (household-months)"}


def test_rupiah_chart_in_miliar_with_the_exact_total_in_the_tooltip():
    chart = aid.rupiah_chart(aid.check(region="Blitar"))
    rows = {r["programme_id"]: r for r in _data(chart)}
    # blitar_2020.txt line 143: "1.047.919 KPM x Rp.200.000,- = Rp. 209.583.800.000,-"
    bpnt = rows["BPNT (household-months)"]
    assert (bpnt["value"], bpnt["label"], bpnt["amount"], bpnt["source"]) == \
        (209.5838, "Rp 209,58 miliar", "Rp 209.583.800.000", "blitar_2020.txt line 143")
    assert rows["PKH (persons)"]["amount"] == "Rp 156.582.807.000"  # line 141
    bars, rings = chart.to_dict()["layer"]
    assert [t.get("title", t["field"]) for t in bars["encoding"]["tooltip"]] == \
        ["programme", "colour", "Aid paid as printed", "amount", "source"]
    assert [t.get("title", t["field"]) for t in rings["encoding"]["tooltip"]] == ["quality flags", "source"]


def test_counts_have_no_rupiah_amount():
    rows = _data(aid.beneficiaries_chart(aid.check(region="Blitar")))
    assert all("amount" not in r for r in rows)


def test_amount_per_beneficiary_against_the_national_amount():
    table = aid.per_beneficiary_table(aid.check(region="all")).set_index("programme (what is counted)")
    perluasan = table.loc["Blitar: BPNT Perluasan (households)"]
    assert perluasan["amount per beneficiary"] == "Rp 200.000 a month"
    assert perluasan["printed total / count"] == "Rp 1,80 juta"  # 9 x Rp 200.000
    assert perluasan["national 2020 amount"].startswith("Rp 200.000 a month x 9 months (2020-04..2020-12)")
    assert table.loc["Sumenep: BPNT (households)", "amount per beneficiary"] == "Rp 200.000 a month (national rule)"


def test_regions_without_aid_rows_say_so_and_show_what_the_report_says():
    text = aid.summary_markdown(aid.check(region="all"))
    assert "**Lumajang**: the report prints **no aid table and no counts of aid received**" in text
    assert "lumajang_2020.txt line 565" in text and "Lampiran 5" in text
    assert "(the report covers 2022, not 2020)" in text
    assert "**Sumenep**: 8 programmes, from prose only (no aid table) (sumenep_2020.txt lines 274\u2013281)" in text
    not_aid = aid.not_aid_table(aid.check(region="Pasuruan"))
    # pasuruan_2022.txt line 586: 4.587 KPM verified, 2.095 eligible; line 588: BPNT 1.619 and PKH 49 proposed
    assert list(not_aid["count"]) == ["4.587 KPM", "2.095 KPM", "1.619 KPM", "49 KPM"]
    assert list(not_aid["line"]) == [586, 586, 588, 588]
    assert type(aid.beneficiaries_chart(aid.check(region="Lumajang"))).__name__ == "Markdown"
