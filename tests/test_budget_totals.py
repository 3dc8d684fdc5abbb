"""Budget lines joined across tables (programme_key), restatements marked, and budget_totals.csv:
real rows of the four reports with the lines they are printed on."""

import pandas as pd
import pytest

from lkjip_analysis.derive.programme_keys import programme_key, within_one_edit
from lkjip_analysis.errors import LkjipError
from lkjip_analysis.facts.budget_totals import budget_totals

from conftest import one

PAS, LUM, SUM, BLI = "pasuruan_2022.txt", "lumajang_2020.txt", "sumenep_2020.txt", "blitar_2020.txt"


@pytest.fixture(scope="module")
def budget(built):
    return built.frames["budget"]


@pytest.fixture(scope="module")
def totals(built):
    return built.frames["budget_totals"]


def key_at(budget, source_file, line, measure="budget"):
    return one(budget, source_file=source_file, source_line=line, measure=measure)["programme_key"]


# --- programme_key -------------------------------------------------------------------------

def test_capitals_do_not_split_a_programme(budget):
    # Lumajang line 439 (Tabel II.4) "Program Pembinaan Lingkungan Sosial", line 991 (Tabel III.15) and
    # the prose of line 931 "PROGRAM PEMBINAAN LINGKUNGAN SOSIAL"
    assert one(budget, source_file=LUM, source_line=439, measure="budget")["name"] == \
        "Program Pembinaan Lingkungan Sosial"
    assert one(budget, source_file=LUM, source_line=991, measure="budget")["name"] == \
        "PROGRAM PEMBINAAN LINGKUNGAN SOSIAL"
    assert key_at(budget, LUM, 439) == key_at(budget, LUM, 991) == key_at(budget, LUM, 931) \
        == "pembinaan lingkungan sosial"
    # line 440 "Perlindungan Dan Jaminan" / line 978 "Perlindungan dan Jaminan"
    assert key_at(budget, LUM, 440) == key_at(budget, LUM, 978)


def test_pogram_typo_joins_its_programme(budget, built):
    # Pasuruan prints "2. Pogram Rehabilitasi Sosial" (line 329) and "PROGRAM REHABILITASI SOSIAL" in its
    # programme tables (lines 350 and 607)
    pogram = one(budget, source_file=PAS, source_line=329, measure="budget")
    assert pogram["name"] == "Pogram Rehabilitasi Sosial"
    ind = built.frames["indicators"]
    printed = one(ind, source_file=PAS, source_line=350, measure="target")["objective"]
    assert printed == "PROGRAM REHABILITASI SOSIAL"
    assert pogram["programme_key"] == programme_key(printed) == "rehabilitasi sosial"
    # its activities (DPA table, lines 416 and 419) and their sub-activities carry the key through the parent
    assert {key_at(budget, PAS, line) for line in (416, 417, 418, 419, 420, 423)} == {"rehabilitasi sosial"}


def test_missing_program_word_and_admin_suffix_do_not_split(budget):
    # line 331 "Penanganan Bencana" (prose) / line 635 "Program Penanganan Bencana" (Tabel 3.9)
    assert key_at(budget, PAS, 331) == key_at(budget, PAS, 635) == "penanganan bencana"
    # line 332 "Pengelolaan Taman Makam Pahlawan Kabupaten/Kota" / line 636 "Program Pengelolaan Taman Makam Pahlawan"
    assert key_at(budget, PAS, 332) == key_at(budget, PAS, 636) == "pengelolaan taman makam pahlawan"
    # the DPA table's activity 7 (line 435) belongs to it
    assert key_at(budget, PAS, 435) == "pengelolaan taman makam pahlawan"


def test_numbering_and_codes_are_dropped_and_other_words_kept():
    assert programme_key("1.2 Program Perlindungan dan Jaminan Sosial") == "perlindungan dan jaminan sosial"
    assert programme_key("1 06 01 15 Program Pelayanan Rehabilitasi Sosial") == "pelayanan rehabilitasi sosial"
    assert programme_key("Progam Pemberdayaan   Sosial") == "pemberdayaan sosial"
    assert programme_key("Pemberdayaan Sosial") == "pemberdayaan sosial"  # a first word far from "program" stays
    assert programme_key("Progress Pemberdayaan Sosial") == "progress pemberdayaan sosial"
    assert within_one_edit("pogram", "program") and within_one_edit("programs", "program")
    assert not within_one_edit("pogam", "program")


def test_every_programme_of_lumajang_joins_across_its_two_tables(budget):
    lum = budget[(budget["source_file"] == LUM) & (budget["level"] == "programme") & (budget["measure"] == "budget")]
    by_table = lum.groupby("table_id")["programme_key"].apply(set)
    assert by_table["T0433"] == by_table["T0963"] and len(by_table["T0433"]) == 7


def test_other_levels_have_no_programme_key(budget):
    assert budget.loc[~budget["level"].isin(["programme", "activity", "sub_activity"]), "programme_key"].isna().all()
    assert budget.loc[budget["level"].isin(["programme", "activity", "sub_activity"]), "programme_key"].notna().all()


# --- restatements ------------------------------------------------------------------------------

def restated(budget, source_file, line, measure="budget"):
    row = one(budget, source_file=source_file, source_line=line, measure=measure)
    first = budget[budget["value_id"] == row["restates_value_id"]]
    return bool(row["restates"]), (int(first["source_line"].iloc[0]) if len(first) else None)


def test_restated_rows_point_at_their_first_printing(budget):
    assert restated(budget, LUM, 443) == (False, None)  # JUMLAH 5.085.713.014, first printed in Tabel II.4
    assert restated(budget, LUM, 714) == (True, 443)  # the prose "Rp (5.085.713.014,00)"
    assert restated(budget, LUM, 993) == (True, 443)  # Jumlah (5.085.713.014,-) of the realisation table
    assert restated(budget, LUM, 993, "realised") == (True, 714)  # 4.929.914.273 first in the prose
    assert restated(budget, LUM, 991) == (True, 439)  # PROGRAM PEMBINAAN LINGKUNGAN SOSIAL, in capitals
    assert restated(budget, PAS, 636) == (True, 332)  # Rp287.982.480, printed Rp. 27.982.480,00 first
    assert restated(budget, PAS, 635) == (True, 331)  # "Program Penanganan Bencana" / "Penanganan Bencana"
    assert restated(budget, PAS, 409) == (False, None)  # an activity, not its programme (same figure)
    assert restated(budget, SUM, 408) == (True, 351)  # "JUMLAH" 3.548.323.356 = "2. Belanja Langsung"
    assert restated(budget, SUM, 373) == (True, 191)  # renamed: "Fakir Miskin" / "Keluarga Miskin", 950.071.800
    assert restated(budget, SUM, 373, "realised") == (False, None)  # the table of line 191 prints no realisation
    assert restated(budget, BLI, 334) == (True, 301)  # Meningkatnya kesejahteraan PMKS 1.964.985.500


def test_skipping_restatements_counts_each_programme_once(budget):
    def programme_budgets(source_file):
        rows = budget[(budget["source_file"] == source_file) & (budget["level"] == "programme")
                      & (budget["measure"] == "budget")]
        return rows["value"].sum(), rows.loc[~rows["restates"], "value"].sum()
    everything, once = programme_budgets(LUM)
    assert once == 2_879_052_650 and everything > 2 * once  # Tabel II.4, Tabel III.15 and the prose
    # Sumenep: the 8 programmes of the realisation table = "2. Belanja Langsung" (line 351)
    assert programme_budgets(SUM)[1] == 3_548_323_356
    # Pasuruan: the five programmes of lines 328-332, each once
    assert programme_budgets(PAS)[1] == 24_055_295_451


def test_balance_rows_are_no_restatement_and_documented(budget):
    silpa = budget[(budget["source_file"] == BLI) & (budget["level"] == "balance")]
    assert set(silpa["source_line"]) == {394} and not silpa["restates"].any()
    from lkjip_analysis.datasets.schema import BUDGET
    assert "balance rows (SILPA)" in next(f for f in BUDGET.fields if f.name == "restates").description


# --- budget_totals.csv --------------------------------------------------------------------------

def test_one_row_per_region_and_year(totals):
    assert not totals.duplicated(["region", "report_year", "period"]).any()
    assert sorted(zip(totals["region"], totals["period"])) == [
        ("Blitar", 2020), ("Lumajang", 2020), ("Pasuruan", 2021), ("Pasuruan", 2022), ("Sumenep", 2020)]


def test_pasuruan_2022_total_with_its_alternatives(totals):
    row = one(totals, region="Pasuruan", period=2022)
    # Tabel 3.7, line 580: the only line printing the whole office's budget and realisation
    assert (row["source_line"], row["table_id"], row["rule"], row["level"]) == (580, "T0577", "top line", "objective")
    assert (row["budget"], row["realised"]) == (28_568_613_969, 21_978_595_696)
    assert row["absorption_pct_printed"] == 76.93 and row["absorption_pct_recomputed"] == 76.93
    assert row["budget_value_id"].startswith("pasuruan_2022-L580-")
    assert row["printed_on_lines"] == "580"
    # the other three office totals, as printed, with their lines
    others = row["other_totals"].split("; ")
    assert [o.split(" (")[0] for o in others] == ["line 632", "line 166", "line 555"]
    assert "budget Rp24.055.295.545, realised Rp17.713.282.070, absorption 73,64%" in others[0]
    assert others[1].endswith("budget Rp. 28.155.762.151")
    assert others[2].endswith("budget Rp. 17.654.523.994")
    # what each covers: 632 is the five programmes (328-332: 24.055.295.451, 94 apart); the others are more or less
    note = row["note"]
    assert ("line 632 (T0630): programmes only: the 5 programme lines (328;329;330;331;332) add up to "
            "24.055.295.451 (the total is 94 more)") in note
    assert "line 580: more than the 5 programme lines (24.055.295.451) by 4.513.318.518" in note
    assert "line 166 (T0163): more than the 5 programme lines (24.055.295.451) by 4.100.466.700" in note
    assert "line 555 (P0555): part of the programmes" in note
    # the flags reading line 580 (Tabel 3.9 prints the objective with other figures)
    # each table's absorption fits its own inputs, so every printing of the total is flagged (lines 580, 632)
    assert set(row["flag_ids"].split(";")) == {"pasuruan_2022-L580-same_quantity-26fe53",
                                               "pasuruan_2022-L580-same_quantity-8bc0f8",
                                               "pasuruan_2022-L580-same_quantity-93e6f7",
                                               "pasuruan_2022-L632-same_quantity-8bc0f8",
                                               "pasuruan_2022-L632-same_quantity-93e6f7",
                                               "pasuruan_2022-L632-same_quantity-26fe53"}


def test_pasuruan_2021_budget_only(totals):
    row = one(totals, region="Pasuruan", period=2021)
    assert (row["source_line"], row["rule"], row["budget"]) == (165, "total line, budget only", 23_515_822_097)
    assert pd.isna(row["realised"]) and pd.isna(row["absorption_pct_recomputed"])


def test_lumajang_total_is_programmes_plus_staff_pay(totals):
    row = one(totals, region="Lumajang", period=2020)
    assert (row["source_line"], row["table_id"], row["rule"]) == (993, "T0963", "total line")
    assert (row["budget"], row["realised"], row["absorption_pct_printed"]) == (5_085_713_014, 4_929_914_273, 96.94)
    assert row["printed_on_lines"] == "443;714;955;993" and pd.isna(row["other_totals"])
    assert ("the 7 programme lines (2.879.052.650) and Belanja Pegawai (line 434: 2.206.660.364)") in row["note"]
    # the budget's flag is a scope difference (the programmes plus the staff pay of line 434)
    assert set(row["flag_ids"].split(";")) == {"lumajang_2020-L993-scope-720eff", "lumajang_2020-L993-sum-8eb42b"}


def test_sumenep_and_blitar_totals(totals):
    sumenep = one(totals, region="Sumenep", period=2020)
    assert (sumenep["source_line"], sumenep["budget"], sumenep["realised"]) == (352, 23_319_682_577, 21_938_659_555)
    assert sumenep["printed_on_lines"] == "343;352"  # the prose of line 343 prints the budget first
    assert "(lines 348;349;350: 19.771.359.221)" in sumenep["note"]
    blitar = one(totals, region="Blitar", period=2020)
    assert (blitar["source_line"], blitar["budget"], blitar["absorption_pct_printed"]) == (382, 6_579_168_248, 95.31)
    assert blitar["absorption_pct_recomputed"] == 95.31


# --- the rule on synthetic budgets ---------------------------------------------------------------

def synthetic(rows):
    base = dict(region="X", report_year=2020, source_file="x.txt", table_id="T0001", origin="table", parent=None,
                programme_key=None, period=2020, unit="rupiah", restates=False, restates_value_id=None)
    frame = pd.DataFrame([{**base, **r} for r in rows])
    frame["value_id"] = [f"x-L{r['source_line']}-{r['measure']}" for r in rows]
    frame["value_raw"] = frame["value"].map(str)
    flags = pd.DataFrame(columns=["flag_id", "value_id", "related_value_ids"])
    return {"budget": frame, "quality_flags": flags}


def test_without_a_total_the_programmes_are_summed_and_the_balance_left_out():
    frames = synthetic([
        dict(source_line=10, level="programme", name="Program A", programme_key="a", measure="budget", value=100.0),
        dict(source_line=10, level="programme", name="Program A", programme_key="a", measure="realised", value=90.0),
        dict(source_line=11, level="programme", name="Program B", programme_key="b", measure="budget", value=50.0),
        dict(source_line=11, level="programme", name="Program B", programme_key="b", measure="realised", value=40.0),
        dict(source_line=20, table_id="T0020", level="programme", name="PROGRAM A", programme_key="a",
             measure="budget", value=100.0, restates=True, restates_value_id="x-L10-budget"),
        dict(source_line=30, table_id="T0030", level="balance", name="SILPA", measure="budget", value=-150.0),
    ])
    row = budget_totals(frames).iloc[0]
    assert (row["rule"], row["budget"], row["realised"], row["source_line"]) == \
        ("sum of programme lines", 150, 130, 10)
    assert row["absorption_pct_recomputed"] == pytest.approx(86.67)


def test_a_programme_without_realisation_leaves_the_summed_realisation_empty():
    frames = synthetic([
        dict(source_line=10, level="programme", name="Program A", programme_key="a", measure="budget", value=100.0),
        dict(source_line=10, level="programme", name="Program A", programme_key="a", measure="realised", value=90.0),
        dict(source_line=11, level="programme", name="Program B", programme_key="b", measure="budget", value=50.0),
    ])
    row = budget_totals(frames).iloc[0]
    assert row["budget"] == 150 and pd.isna(row["realised"])


def test_a_year_without_any_office_total_stops_the_build():
    frames = synthetic([
        dict(source_line=5, level="objective", name="Sasaran 1", measure="budget", value=10.0),
        dict(source_line=6, level="objective", name="Sasaran 2", measure="budget", value=20.0),
    ])
    with pytest.raises(LkjipError, match="x.txt.*5.*no office total"):
        budget_totals(frames)


def test_a_summed_total_names_its_line_as_printed():
    """A year summed from its programme lines beside a year with spending lines only: the lines stay
    whole numbers in the note (the merge of the two sums once made them 10.0)."""
    frames = synthetic([
        dict(source_line=10, level="programme", name="Program A", programme_key="a", measure="budget", value=100.0),
        dict(source_line=40, table_id="T0040", level="total", name="Jumlah", measure="budget", value=300.0,
             period=2021),
        dict(source_line=41, table_id="T0040", level="spending_type", name="Belanja Pegawai", measure="budget",
             value=200.0, period=2021, parent="Jumlah"),
    ])
    summed = budget_totals(frames).set_index("period").loc[2020]
    assert summed["rule"] == "sum of programme lines"
    assert summed["note"].startswith("chosen (sum of programme lines), line 10: programmes only")
    assert summed["printed_on_lines"] == "10"
