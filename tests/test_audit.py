"""The audit finds the reports' own mistakes - and stays quiet where they add up."""

import pandas as pd
import pytest

from lkjip_analysis.audit import CHECKS, audit
from lkjip_analysis.cli import main
from lkjip_analysis.datasets.schema import DATASETS
from lkjip_analysis.derive import assign_parents
from lkjip_analysis.extraction import find_tables, read_report
from lkjip_analysis.text.precision import decimals, disagrees, interval


@pytest.fixture(scope="module")
def flags(built):
    return built.frames["quality_flags"]


def find(flags, src, line, check, subject_part=""):
    rows = flags[(flags["source_file"] == src) & (flags["source_line"] == line) & (flags["check"] == check)
                 & flags["subject"].str.contains(subject_part, regex=False)]
    assert len(rows) == 1, (src, line, check, flags[flags["source_file"] == src][["source_line", "check", "subject"]])
    return rows.iloc[0]


def test_wrong_sums(flags):
    jumlah = find(flags, "lumajang_2020.txt", 993, "scope", "(budget)")
    # Tabel III.15's Jumlah includes personnel spending, which the table does not list: a scope difference.
    assert (jumlah["printed"], jumlah["expected"], jumlah["kind"]) == (5085713014, 2879052650, "scope")
    assert find(flags, "lumajang_2020.txt", 993, "sum", "(realised)")["kind"] == "arithmetic"
    data = find(flags, "pasuruan_2022.txt", 424, "sum")
    assert (data["printed"], data["expected"], data["difference"]) == (910960954, 910160954, 800000)
    assert "425;426" in data["lines"]


def test_wrong_achievement_percentages(flags):
    blitar = find(flags, "blitar_2020.txt", 83, "achievement")
    assert blitar["printed"] == 118 and blitar["expected"] == pytest.approx(119.4)
    sumenep = find(flags, "sumenep_2020.txt", 264, "achievement")
    assert sumenep["printed"] == 1569.77 and sumenep["expected"] == pytest.approx(1669.772727, abs=1e-5)
    poverty = find(flags, "sumenep_2020.txt", 230, "achievement")  # lower is better: target / realisation
    assert poverty["expected"] == pytest.approx(19.34 / 20.18 * 100, abs=1e-5)
    progress = find(flags, "sumenep_2020.txt", 311, "progress")
    assert progress["printed"] == 1532.66 and progress["expected"] == pytest.approx(1632.666667, abs=1e-5)


def test_malformed_numbers(flags):
    rp = find(flags, "pasuruan_2022.txt", 634, "malformed")
    assert "'Rp91-.160.954'" in rp["detail"] and pd.isna(rp["printed"])
    assert "'Rp. 36.0509.030'" in find(flags, "pasuruan_2022.txt", 410, "malformed")["detail"]


def test_products_of_the_aid_sentences(flags):
    pos = find(flags, "blitar_2020.txt", 149, "product")
    assert (pos["printed"], pos["expected"]) == (66053100000, 66035100000)
    months = find(flags, "blitar_2020.txt", 145, "product")
    assert "exactly 9 times the product" in months["detail"]


def test_other_printed_disagreements(flags):
    assert find(flags, "blitar_2020.txt", 394, "over_under")["expected"] == 308284117.25
    # Printings that disagree where no input of the report decides: each printing is flagged.
    assert [(f["printed"], pd.isna(f["expected"])) for f in (find(flags, "sumenep_2020.txt", line, "copy")
                                                             for line in (230, 243))] == [(19.34, True), (19.53, True)]
    assert [find(flags, "lumajang_2020.txt", line, "same_quantity", "denominator")["printed"]
            for line in (507, 788)] == [541897, 541887]
    assert [find(flags, "blitar_2020.txt", line, "same_quantity")["printed"] for line in (83, 199, 334)] == [
        5.97, 5.90, 5.90]
    assert find(flags, "pasuruan_2022.txt", 636, "absorption")["expected"] == pytest.approx(20215254 / 287982480 * 100)
    assert find(flags, "pasuruan_2022.txt", 580, "efficiency")["expected"] == pytest.approx(32.07)


def test_a_programme_printed_under_two_names_with_two_budgets(flags):
    """Pasuruan prints the budget of Pengelolaan Taman Makam Pahlawan as "Rp. 27.982.480,00" in the
    prose list (line 332, named "... Kabupaten/Kota") and as "Rp287.982.480" in Tabel 3 (line 636,
    "Program ..."): one programme by its programme_key, two figures, both printings flagged."""
    found = [find(flags, "pasuruan_2022.txt", line, "same_quantity", "Taman Makam Pahlawan") for line in (332, 636)]
    assert [(f["table_id"], f["printed"], pd.isna(f["expected"]), f["lines"], f["kind"]) for f in found] == [
        ("P0332", 27982480, True, "332;636", "printings_disagree"),
        ("T0630", 287982480, True, "332;636", "printings_disagree")]
    assert found[0]["related_value_ids"] == found[1]["value_id"]
    # The activity of line 435 prints the programme's 27.982.480 as its own budget: another level, no flag.
    assert flags[(flags["source_file"] == "pasuruan_2022.txt") & (flags["source_line"] == 435)].empty


def test_every_restatement_of_another_figure_is_flagged(flags, built):
    """A budget row that restates an earlier printing (derive/restatements.py) with another figure is
    a disagreement: one of the two printings carries a same_quantity flag pointing at the other."""
    budget = built.frames["budget"]
    first = budget.set_index("value_id")["value"]
    restating = budget[budget["restates"] & budget["value"].notna()]
    differing = restating[restating["value"].to_numpy() != first[restating["restates_value_id"]].to_numpy()]
    assert sorted(zip(differing["source_file"], differing["source_line"], differing["measure"])) == [
        ("lumajang_2020.txt", 991, "absorption_pct"), ("pasuruan_2022.txt", 632, "absorption_pct"),
        ("pasuruan_2022.txt", 632, "budget"), ("pasuruan_2022.txt", 632, "realised"),
        ("pasuruan_2022.txt", 636, "budget")]
    same = flags[flags["check"] == "same_quantity"]
    pairs = {frozenset((f.value_id, related)) for f in same.itertuples()
             for related in str(f.related_value_ids).split(";")}
    for row in differing.itertuples():
        assert frozenset((row.value_id, row.restates_value_id)) in pairs, (row.source_line, row.measure)


def test_consistent_tables_raise_no_flag(flags):
    def on_lines(src, first, last, check=None):
        rows = flags[(flags["source_file"] == src) & flags["source_line"].between(first, last)]
        return rows if check is None else rows[rows["check"] == check]

    # Blitar Tabel 3.10: Belanja = Operasi + Modal, Operasi = Pegawai + Barang/Jasa + Hibah, ...
    assert on_lines("blitar_2020.txt", 382, 393, "sum").empty
    # 5.90 / 5 = 118 %, 1.801.218.015 / 1.964.985.500 = 91.67 % (only 5.90 vs 5.97 elsewhere is flagged)
    assert set(on_lines("blitar_2020.txt", 334, 334)["check"]) == {"same_quantity"}
    # Lumajang Tabel III.15 activities add up to their programmes, absorptions are right.
    assert on_lines("lumajang_2020.txt", 965, 992, "sum").empty
    assert on_lines("lumajang_2020.txt", 965, 992, "absorption").empty
    # Lumajang's formulas: 426.794 / 541.897 = 78,76 %, 608 / 734 = 82,83 %, ...
    assert on_lines("lumajang_2020.txt", 505, 583, "fraction").empty
    # Sumenep's budget summary and detail reconcile, and its averages are the means of their rows.
    assert on_lines("sumenep_2020.txt", 345, 408, "sum").empty
    assert on_lines("sumenep_2020.txt", 232, 266, "average").empty
    # Tabel 3.5 of Blitar has no totals to check and gives no flag at all.
    assert on_lines("blitar_2020.txt", 259, 290).empty


def test_tolerance_follows_the_printed_digits():
    assert decimals("5.97%", 5.97) == 2 and decimals("28.854", 28854) == 0
    assert decimals("1.532,66", 1532.66) == 2 and decimals("6.579.168.248,00", 6579168248.0) == 2
    exact_target = interval(lambda t, r: r / t * 100, (5, "5 %"), (5.97, "5.97%"))
    assert exact_target == pytest.approx((119.3, 119.5))
    assert disagrees(118, "118%", exact_target)
    assert not disagrees(61.74, "61,74", (61.7469, 61.7470))  # truncated, not rounded: allowed


# --- Each check on small synthetic frames: one case where it fires, one where it stays quiet.
# The figures are taken from the reports where one fits (the comment names the line).

PROVENANCE = {"region": "X", "report_year": 2020, "source_file": "x.txt", "table_id": "T0001",
              "missing_reason": None}
DEFAULTS = {
    "indicators": {"origin": "table", "level": "objective", "objective": "Meningkatkan kesejahteraan PMKS",
                   "indicator": "Persentase PMKS yang ditangani", "indicator_id": "pmks_reached_pct",
                   "period": 2020, "unit": "percent", "target_origin": None},
    "budget": {"origin": "table", "level": "programme", "code": None, "name": "Program Perlindungan Sosial",
               "parent": None, "period": 2020, "unit": "rupiah", "fund_source": None},
    "efficiency": {"objective": "Meningkatkan kesejahteraan PMKS", "indicator": "Persentase PMKS yang ditangani",
                   "unit": "percent"},
    "social_assistance": {"origin": "narrative", "programme": "BST PT Pos", "programme_id": "BST PT Pos",
                          "funding_source": "APBN", "period": 2020},
    "staff": {"breakdown": "sex", "status": None, "unit": "persons"},
    "cells": {"part": "body", "row": 0, "column": 1, "header_path": "Anggaran", "lines": None, "kind": "auto",
              "unit": None},
}


def rec(dataset: str, line: int, measure: str | None, value, raw: str, **fields) -> dict:
    """One record of ``dataset`` printed at ``line`` (``measure`` None for files without one)."""
    return {**PROVENANCE, **DEFAULTS[dataset], "source_line": line, "measure": measure, "value": value,
            "value_raw": raw, **fields}


def run(reports=(), **records) -> pd.DataFrame:
    """The audit over frames holding only ``records``, as the build hands them over."""
    frames = {name: pd.DataFrame(records.get(name, []), columns=ds.columns) for name, ds in DATASETS.items()}
    frames["budget"] = assign_parents(frames["budget"])  # the build adds _parent_line before the audit
    return audit(frames, list(reports))


def the_flag(flags: pd.DataFrame) -> tuple:
    assert len(flags) == 1, flags[["check", "source_line", "subject", "detail"]]
    f = flags.iloc[0]
    return f["check"], f["source_line"], f["printed"], f["expected"]


def the_flags(flags: pd.DataFrame) -> list[tuple]:
    """check, line, printed and expected (None when empty) of each flag."""
    return [(f["check"], f["source_line"], f["printed"], None if pd.isna(f["expected"]) else f["expected"])
            for _, f in flags.iterrows()]


def ratio(result_measure, target, realisation, result, *, indicator_id="pmks_reached_pct", target_measure="target",
          lines=(1, 2, 3)):
    """Target, realisation and a result (raw text, value) of one indicator, printed on ``lines``."""
    return [rec("indicators", lines[0], target_measure, target[1], target[0], indicator_id=indicator_id),
            rec("indicators", lines[1], "realisation", realisation[1], realisation[0], indicator_id=indicator_id),
            rec("indicators", lines[2], result_measure, result[1], result[0], indicator_id=indicator_id)]


def test_achievement_fires_and_stays_quiet():
    # Blitar line 83: target 5 %, realisation 5.97 %, achievement printed 118 % (5.97 / 5 = 119.4 %)
    fires = run(indicators=ratio("achievement_pct", ("5 %", 5), ("5.97%", 5.97), ("118%", 118)))
    assert the_flag(fires) == ("achievement", 3, 118, pytest.approx(119.4))
    assert fires.iloc[0]["lines"] == "1;2;3"
    assert run(indicators=ratio("achievement_pct", ("5 %", 5), ("5.97%", 5.97), ("119%", 119))).empty


def test_achievement_of_a_lower_is_better_indicator_is_target_over_realisation():
    # Sumenep line 230: poverty rate target 19,34 %, realisation 20,18 %; 96,78 % = 19,53 / 20,18
    fires = run(indicators=ratio("achievement_pct", ("19,34%", 19.34), ("20,18%", 20.18), ("96,78%", 96.78),
                                 indicator_id="poverty_rate_pct"))
    assert the_flag(fires) == ("achievement", 3, 96.78, pytest.approx(19.34 / 20.18 * 100))
    assert run(indicators=ratio("achievement_pct", ("19,34%", 19.34), ("20,18%", 20.18), ("95,84%", 95.84),
                                indicator_id="poverty_rate_pct")).empty


def test_progress_fires_and_stays_quiet():
    # Sumenep line 311: end-of-plan target 4,50, realisation 73,47, progress printed 1.532,66 (73,47 / 4,50 = 1632,67)
    # (the check reads one row: all three on one line)
    def row(progress_raw, progress):
        return ratio("progress_pct", ("4,50", 4.5), ("73,47", 73.47), (progress_raw, progress),
                     target_measure="end_target", lines=(311, 311, 311))

    assert the_flag(run(indicators=row("1.532,66", 1532.66))) == ("progress", 311, 1532.66,
                                                                  pytest.approx(73.47 / 4.5 * 100))
    assert run(indicators=row("1.632,67", 1632.67)).empty


def fraction_records(realisation_raw, realisation):
    # Lumajang line 507: 426.794 / 541.897 x 100 % = 78,76 %
    return [rec("indicators", 507, "numerator", 426794, "426.794", unit="persons"),
            rec("indicators", 507, "denominator", 541897, "541.897", unit="persons"),
            rec("indicators", 507, "realisation", realisation, realisation_raw)]


def test_fraction_fires_and_stays_quiet():
    fires = run(indicators=fraction_records("79,76 %", 79.76))
    assert the_flag(fires) == ("fraction", 507, 79.76, pytest.approx(426794 / 541897 * 100))
    assert run(indicators=fraction_records("78,76 %", 78.76)).empty


def budget_line(line, budget, realised, third_measure, third, **fields):
    """A budget line printing budget, realised and one more measure (raw text, value)."""
    return [rec("budget", line, "budget", budget[1], budget[0], **fields),
            rec("budget", line, "realised", realised[1], realised[0], **fields),
            rec("budget", line, third_measure, third[1], third[0], **fields)]


def test_absorption_fires_and_stays_quiet():
    # Pasuruan line 636: budget Rp287.982.480 (elsewhere 27.982.480), realised 20.215.254, absorption 72,24 %
    fires = run(budget=budget_line(636, ("Rp287.982.480", 287982480), ("Rp20.215.254", 20215254),
                                   "absorption_pct", ("72,24%", 72.24)))
    assert the_flag(fires) == ("absorption", 636, 72.24, pytest.approx(20215254 / 287982480 * 100))
    assert run(budget=budget_line(636, ("Rp27.982.480", 27982480), ("Rp20.215.254", 20215254),
                                  "absorption_pct", ("72,24%", 72.24))).empty


def test_absorption_is_checked_in_the_efficiency_tables_too():
    def table(absorption_raw, absorption):  # Sumenep line 329: 2.190.600.386 / 2.334.273.356 = 93,84 %
        return [rec("efficiency", 329, "budget", 2334273356, "2.334.273.356", unit="rupiah"),
                rec("efficiency", 329, "realised", 2190600386, "2.190.600.386", unit="rupiah"),
                rec("efficiency", 329, "absorption_pct", absorption, absorption_raw)]

    assert the_flag(run(efficiency=table("39,84%", 39.84))) == (
        "absorption", 329, 39.84, pytest.approx(2190600386 / 2334273356 * 100))
    assert run(efficiency=table("93,84%", 93.84)).empty


def test_over_under_fires_and_stays_quiet():
    def line(over_raw, over):  # Blitar line 382: 6.579.168.248,00 budgeted, (308.284.117,25) over/under
        return budget_line(382, ("6.579.168.248,00", 6579168248.0), ("6.270.884.130,75", 6270884130.75),
                           "over_under", (over_raw, over), name="Belanja", level="spending_group")

    fires = run(budget=line("(308.284.116,25)", -308284116.25))
    assert the_flag(fires) == ("over_under", 382, -308284116.25, pytest.approx(-308284117.25))
    assert run(budget=line("(308.284.117,25)", -308284117.25)).empty


def test_efficiency_fires_and_stays_quiet():
    def table(efficiency_raw, efficiency):  # Pasuruan line 580: 109 - 76,93 = 32,07, printed 67,5
        return [rec("efficiency", 580, "achievement_pct", 109, "109"),
                rec("efficiency", 580, "absorption_pct", 76.93, "76,93"),
                rec("efficiency", 580, "efficiency_pct", efficiency, efficiency_raw)]

    assert the_flag(run(efficiency=table("67,5", 67.5))) == ("efficiency", 580, 67.5, pytest.approx(32.07))
    assert run(efficiency=table("32,07", 32.07)).empty


def test_products_fire_and_stay_quiet():
    def sentence(total_raw, total):  # Blitar line 150: 28.854 KPM x Rp. 100.000 = Rp. 2.885.400.000
        return [rec("social_assistance", 150, "beneficiaries", 28854, "28.854 KPM",
                    unit="beneficiary households"),
                rec("social_assistance", 150, "amount_per_beneficiary", 100000, "Rp. 100.000", unit="rupiah"),
                rec("social_assistance", 150, "total", total, total_raw, unit="rupiah")]

    fires = run(social_assistance=sentence("Rp. 25.968.600.000", 25968600000))
    assert the_flag(fires) == ("product", 150, 25968600000, 2885400000)
    assert "exactly 9 times the product" in fires.iloc[0]["detail"]
    assert run(social_assistance=sentence("Rp. 2.885.400.000", 2885400000)).empty


def test_averages_fire_and_stay_quiet():
    def table(average_raw, average):  # Sumenep T0229: 96,78 % and 100 %, RATA - RATA CAPAIAN 98,39 %
        return [rec("indicators", 230, "achievement_pct", 96.78, "96,78%", indicator_id="poverty_rate_pct"),
                rec("indicators", 231, "achievement_pct", 100, "100%", indicator_id="social_problem_reduction_pct"),
                rec("indicators", 232, "achievement_pct", average, average_raw, indicator_id="average_achievement",
                    indicator="RATA – RATA CAPAIAN")]

    fires = run(indicators=table("97,39%", 97.39))
    assert the_flag(fires) == ("average", 232, 97.39, pytest.approx(98.39))
    assert fires.iloc[0]["lines"] == "230;231;232"
    assert run(indicators=table("98,39%", 98.39)).empty


def test_an_average_of_averages_is_checked_against_the_averages_above_it():
    def table(overall_raw, overall):
        return [rec("indicators", 1, "achievement_pct", 90, "90%"),
                rec("indicators", 2, "achievement_pct", 110, "110%"),
                rec("indicators", 3, "achievement_pct", 100, "100%", indicator_id="average_achievement"),
                rec("indicators", 4, "achievement_pct", 200, "200%"),
                rec("indicators", 5, "achievement_pct", 200, "200%", indicator_id="average_achievement"),
                rec("indicators", 6, "achievement_pct", overall, overall_raw, indicator_id="average_achievement")]

    assert run(indicators=table("150%", 150)).empty  # (100 + 200) / 2
    assert the_flag(run(indicators=table("130%", 130))) == ("average", 6, 130, 150)


def programme_with_activities(programme_raw, programme):
    # Sumenep T0356 lines 387-389: Program Perlindungan dan Jaminan Sosial 657.770.200 = 634.569.600 + 23.200.600
    name = "Program Perlindungan dan Jaminan Sosial"
    return [rec("budget", 387, "budget", programme, programme_raw, name=name),
            rec("budget", 388, "budget", 634569600, "634.569.600", level="activity", parent=name,
                name="Penujangan Program Keluarga Harapan (PKH)"),
            rec("budget", 389, "budget", 23200600, "23.200.600", level="activity", parent=name,
                name="Penujangan Program Keluarga Harapan (PKH)")]


def test_sums_of_budget_lines_fire_and_stay_quiet():
    fires = run(budget=programme_with_activities("667.770.200", 667770200))
    assert the_flag(fires) == ("sum", 387, 667770200, 657770200)
    assert fires.iloc[0]["lines"] == "387;388;389"
    assert run(budget=programme_with_activities("657.770.200", 657770200)).empty


def test_a_total_without_named_lines_is_the_sum_of_the_top_level_lines():
    def table(total_raw, total):  # Sumenep T0345 lines 348-352, without its group heading
        return [rec("budget", 348, "budget", 4981859221.0, "4.981.859.221,00", level="spending_type",
                    name="a) Gaji dan Tunjangan"),
                rec("budget", 351, "budget", 3548323356.0, "3.548.323.356,00", level="spending_type",
                    name="2. Belanja Langsung"),
                rec("budget", 352, "budget", total, total_raw, level="total", name="JUMLAH")]

    assert run(budget=table("8.530.182.577,00", 8530182577.0)).empty
    fires = run(budget=table("23.319.682.577,00", 23319682577.0))
    assert the_flag(fires) == ("sum", 352, 23319682577.0, 8530182577.0)


def staff_table(total_row, total_column):
    # Lumajang T0206 (lines 207-209): 23 men + 25 women = 48; Tabel I.3 line 226: 4 + 9 = 13 with Strata 1
    unit = "Dinas Sosial"
    return [rec("staff", 207, None, 23, "23", category="Laki-Laki", org_unit=unit),
            rec("staff", 208, None, 25, "25", category="Perempuan", org_unit=unit),
            rec("staff", 209, None, total_row, str(total_row), category="JUMLAH", org_unit=unit),
            rec("staff", 226, None, 4, "4", table_id="T0216", category="Strata 1", org_unit="Sekretaria"),
            rec("staff", 226, None, 9, "9", table_id="T0216", category="Strata 1", org_unit="Bidang"),
            rec("staff", 226, None, total_column, str(total_column), table_id="T0216", category="Strata 1",
                org_unit="JUMLAH")]


def test_staff_sums_fire_and_stay_quiet():
    assert run(staff=staff_table(48, 13)).empty
    assert the_flag(run(staff=staff_table(49, 13))) == ("sum", 209, 49, 48)  # a total row
    assert the_flag(run(staff=staff_table(48, 14))) == ("sum", 226, 14, 13)  # a total column


def test_staff_sums_add_up_each_report_apart():
    """Table ids are line numbers, so two reports can both have a T0206: a report's total adds up
    its own rows only (a corpus of copies once summed 250 reports' rows under one JUMLAH)."""
    other = [{**r, "source_file": "y.txt", "region": "Y"} for r in staff_table(48, 13)]
    assert run(staff=staff_table(48, 13) + other).empty
    flags = run(staff=staff_table(48, 13) + [{**r, "source_file": "y.txt"} for r in staff_table(49, 13)])
    assert the_flag(flags)[:2] == ("sum", 209) and flags["source_file"].tolist() == ["y.txt"]


REPORT_PRINTED_TWICE = """Tabel 3.1 Capaian Kinerja

Indikator\tTarget\tRealisasi
Persentase PMKS yang ditangani\t5 %\t5.97%
Persentase PSKS yang berperan\t20%\t20%

Tabel 3.1.1 Capaian Kinerja

Indikator\tTarget\tRealisasi
Persentase PMKS yang ditangani\t5 %\t{again}
Persentase PSKS yang berperan\t20%\t20%
"""


def report_printing_a_table_twice(tmp_path, again: str):
    path = tmp_path / "copy.txt"
    path.write_text(REPORT_PRINTED_TWICE.format(again=again), encoding="utf-8")
    report = read_report(path, verify=False)
    tables = find_tables(report)
    assert [t.copy_of for t in tables] == [None, "T0003"]
    return report, tables


def test_copies_fire_and_stay_quiet(tmp_path):
    fires = run(reports=[report_printing_a_table_twice(tmp_path, "5.90%")])
    # Both printings are flagged: the copy does not say which one is right.
    assert fires[["check", "source_line", "table_id", "printed", "lines"]].values.tolist() == [
        ["copy", 4, "T0003", 5.97, "4;10"], ["copy", 10, "T0009", 5.90, "4;10"]]
    assert fires["expected"].isna().all()
    assert run(reports=[report_printing_a_table_twice(tmp_path, "5.97%")]).empty


def test_same_quantity_fires_and_stays_quiet():
    def printed_twice(first_raw, first, again_raw, again, again_table="T0197"):
        # Blitar line 83 (T0081) prints 5.97 %, line 199 (T0197) 5.90 % for the same realisation
        return [rec("indicators", 83, "realisation", first, first_raw, table_id="T0081"),
                rec("indicators", 199, "realisation", again, again_raw, table_id=again_table)]

    fires = run(indicators=printed_twice("5.97%", 5.97, "5.90%", 5.90))
    assert the_flags(fires) == [("same_quantity", 83, 5.97, None), ("same_quantity", 199, 5.90, None)]
    assert set(fires["lines"]) == {"83;199"}
    assert run(indicators=printed_twice("5.97%", 5.97, "5.97 %", 5.97)).empty
    # Two rows of one table are two lines, even under one name.
    assert run(indicators=printed_twice("5.97%", 5.97, "5.90%", 5.90, again_table="T0081")).empty


def test_same_quantity_reads_a_programme_under_either_spelling():
    def printed_twice(again_raw, again):  # Sumenep T0189 line 190 and T0356 line 387
        return [rec("budget", 190, "budget", 657770200, "657.770.200,-", table_id="T0189",
                    name="Program Perlindungan dan Jaminan Sosial"),
                rec("budget", 387, "budget", again, again_raw, table_id="T0356",
                    name="PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL")]

    assert run(budget=printed_twice("657.770.200", 657770200)).empty
    assert the_flags(run(budget=printed_twice("675.770.200", 675770200))) == [
        ("same_quantity", 190, 657770200, None), ("same_quantity", 387, 675770200, None)]


def test_same_quantity_reads_a_programme_by_its_key():
    def printed_twice(again_raw, again, *, key="pengelolaan taman makam pahlawan", again_table="T0630",
                      level="programme"):
        # Pasuruan line 332 (prose list, no heading) and line 636 (Tabel 3, under an objective)
        return [rec("budget", 332, "budget", 27982480, "Rp. 27.982.480,00", table_id="P0332",
                    name="Pengelolaan Taman Makam Pahlawan Kabupaten/Kota",
                    programme_key="pengelolaan taman makam pahlawan"),
                rec("budget", 636, "budget", again, again_raw, table_id=again_table, level=level,
                    name="Program Pengelolaan Taman Makam Pahlawan", programme_key=key,
                    parent="Meningkatnya Layanan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)")]

    fires = run(budget=printed_twice("Rp287.982.480", 287982480))
    assert the_flags(fires) == [("same_quantity", 332, 27982480, None), ("same_quantity", 636, 287982480, None)]
    assert set(fires["kind"]) == {"printings_disagree"} and set(fires["lines"]) == {"332;636"}
    assert run(budget=printed_twice("Rp27.982.480", 27982480)).empty  # the same figure twice
    assert run(budget=printed_twice("Rp287.982.480", 287982480, key="penanganan bencana")).empty  # two programmes
    assert run(budget=printed_twice("Rp287.982.480", 287982480, again_table="P0332")).empty  # one table: two lines
    # An activity's budget is not its programme's, even under the programme's key.
    assert run(budget=printed_twice("Rp287.982.480", 287982480, level="activity")).empty
    # Without the key the names differ and the printings are not matched: the key is what matches them.
    unkeyed = [{**r, "programme_key": None} for r in printed_twice("Rp287.982.480", 287982480)]
    assert run(budget=unkeyed).empty


def test_a_programme_budget_is_not_decided_by_its_absorption():
    """The budget has no inputs of its own: the absorption printed beside one printing (72,24 % of
    line 636 fits 27.982.480) does not make that printing wrong; both budgets are flagged."""
    key = {"programme_key": "pengelolaan taman makam pahlawan"}
    rows = [rec("budget", 332, "budget", 27982480, "Rp. 27.982.480,00", table_id="P0332", **key),
            *(rec("budget", 636, measure, value, raw, table_id="T0630", **key) for measure, value, raw in (
                ("budget", 287982480, "Rp287.982.480"), ("realised", 20215254, "Rp20.215.254"),
                ("absorption_pct", 72.24, "72,24%")))]
    flags = run(budget=rows)
    assert the_flags(flags[flags["check"] == "same_quantity"]) == [
        ("same_quantity", 332, 27982480, None), ("same_quantity", 636, 287982480, None)]
    assert the_flag(flags[flags["check"] == "absorption"])[:3] == ("absorption", 636, 72.24)


def test_malformed_fires_and_stays_quiet():
    def cell(reason, part="body"):  # Pasuruan line 634: "Rp91-.160.954"
        return [rec("cells", 634, None, None, "Rp91-.160.954", table_id="T0630", missing_reason=reason, part=part)]

    fires = run(cells=cell("malformed"))
    assert fires[["check", "source_line"]].values.tolist() == [["malformed", 634]]
    assert pd.isna(fires.iloc[0]["printed"]) and pd.isna(fires.iloc[0]["expected"])
    assert run(cells=cell("dash")).empty
    assert run(cells=cell("malformed", part="header")).empty  # header cells are not numbers


# --- The rounding tolerance (audit/common.py), each rule with a case on either side.

def test_an_input_printed_with_decimals_stands_for_its_rounding_interval():
    # 0,5 / 2 lies anywhere in 22,5-27,5 %, 0,50 / 2 only in 24,75-25,25 %: 27 % is allowed for the first only
    assert run(indicators=ratio("achievement_pct", ("2", 2), ("0,5", 0.5), ("27%", 27))).empty
    assert the_flag(run(indicators=ratio("achievement_pct", ("2", 2), ("0,50", 0.5), ("27%", 27)))) == (
        "achievement", 3, 27, 25)


def test_an_input_printed_without_decimals_is_exact():
    # Blitar's target "5 %" is exactly 5: 118 % is wrong; a target printed "5,0" could be 5,05 (5,97 / 5,05 = 118,2)
    assert the_flag(run(indicators=ratio("achievement_pct", ("5 %", 5), ("5.97%", 5.97), ("118%", 118))))[0] == (
        "achievement")
    assert run(indicators=ratio("achievement_pct", ("5,0 %", 5), ("5.97%", 5.97), ("118%", 118))).empty


def test_a_printed_result_may_miss_by_one_unit_of_its_last_digit():
    def fraction(realisation_raw, realisation):  # Lumajang line 770: 615 / 996 x 100 = 61,7469, printed 61,74
        return [rec("indicators", 770, "numerator", 615, "615", unit=None),
                rec("indicators", 770, "denominator", 996, "99 6", unit=None),
                rec("indicators", 770, "realisation", realisation, realisation_raw)]

    assert run(indicators=fraction("61,74", 61.74)).empty  # truncated, not rounded: allowed
    assert the_flag(run(indicators=fraction("61,73", 61.73))) == ("fraction", 770, 61.73, pytest.approx(61.746988))
    # The unit is the printed result's: 5,97 / 5 = 119,4 may be printed "119 %", not "119,0 %".
    assert run(indicators=ratio("achievement_pct", ("5 %", 5), ("5.97%", 5.97), ("119%", 119))).empty
    assert the_flag(run(indicators=ratio("achievement_pct", ("5 %", 5), ("5.97%", 5.97), ("119,0%", 119)))) == (
        "achievement", 3, 119, pytest.approx(119.4))


def test_same_quantity_allows_for_the_rounding_of_either_printing():
    def printed_twice(again_raw, again):
        return [rec("indicators", 83, "realisation", 5.97, "5.97%", table_id="T0081"),
                rec("indicators", 199, "realisation", again, again_raw, table_id="T0197")]

    assert run(indicators=printed_twice("6%", 6)).empty  # 6 % stands for 5,5-6,5 %, which holds 5,97
    assert the_flags(run(indicators=printed_twice("6,00%", 6))) == [
        ("same_quantity", 83, 5.97, None), ("same_quantity", 199, 6, None)]


def test_every_check_has_a_synthetic_case():
    """Each check of the audit is exercised above: adding a check means adding its cases."""
    assert [c.__name__ for c in CHECKS] == [
        "achievement", "progress", "fraction", "absorption", "over_under", "efficiency", "products", "averages",
        "group_averages", "lower_is_better", "conclusion_counts", "shares", "sums", "scope", "copies",
        "same_quantity", "malformed", "derived_from_flagged"]  # the new ones: tests/test_audit_blind_spots.py


def test_audit_command_prints_a_readable_summary(capsys):
    assert main(["audit", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "quality flags in 4 reports" in out
    assert "sumenep_2020.txt (Sumenep 2020)" in out
    assert "  achievement: achievement % is not realisation / target" in out
    assert "line 83: Persentase PMKS yang dibantu dan ditangani (2020): printed '118%'" in out
