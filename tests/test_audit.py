"""The audit finds the reports' own mistakes - and stays quiet where they add up."""

import pandas as pd
import pytest

from lkjip_analysis.audit import audit
from lkjip_analysis.audit.common import decimals, disagrees, interval
from lkjip_analysis.cli import main
from lkjip_analysis.datasets.schema import DATASETS


@pytest.fixture(scope="module")
def flags(built):
    return built.frames["quality_flags"]


def find(flags, src, line, check, subject_part=""):
    rows = flags[(flags["source_file"] == src) & (flags["source_line"] == line) & (flags["check"] == check)
                 & flags["subject"].str.contains(subject_part, regex=False)]
    assert len(rows) == 1, (src, line, check, flags[flags["source_file"] == src][["source_line", "check", "subject"]])
    return rows.iloc[0]


def test_wrong_sums(flags):
    jumlah = find(flags, "lumajang_2020.txt", 993, "sum", "(budget)")
    # Tabel III.15's Jumlah includes personnel spending, which the table does not list.
    assert (jumlah["printed"], jumlah["expected"]) == (5085713014, 2879052650)
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
    copy = find(flags, "sumenep_2020.txt", 243, "copy")
    assert (copy["printed"], copy["expected"]) == (19.53, 19.34)
    denominator = find(flags, "lumajang_2020.txt", 788, "same_quantity", "denominator")
    assert (denominator["printed"], denominator["expected"]) == (541887, 541897)
    assert find(flags, "blitar_2020.txt", 199, "same_quantity")["expected"] == 5.97
    assert find(flags, "pasuruan_2022.txt", 636, "absorption")["expected"] == pytest.approx(20215254 / 287982480 * 100)
    assert find(flags, "pasuruan_2022.txt", 580, "efficiency")["expected"] == pytest.approx(32.07)


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


def _frame(name, rows):
    return pd.DataFrame(rows, columns=DATASETS[name].columns)


def test_each_check_can_fail_and_pass():
    base = {"region": "X", "report_year": 2020, "source_file": "x.txt", "table_id": "T0001", "origin": "table",
            "level": "objective", "objective": "o", "indicator": "i", "indicator_id": "pmks_reached_pct",
            "period": 2020, "unit": "percent", "missing_reason": None, "target_origin": None}

    def indicators(achievement_raw, achievement):
        return _frame("indicators", [
            {**base, "source_line": 1, "measure": "target", "value": 50.0, "value_raw": "50%"},
            {**base, "source_line": 1, "measure": "realisation", "value": 40.0, "value_raw": "40%"},
            {**base, "source_line": 1, "measure": "achievement_pct", "value": achievement,
             "value_raw": achievement_raw},
        ])

    empty = {name: _frame(name, []) for name in DATASETS}
    good = audit({**empty, "indicators": indicators("80%", 80.0)}, [])
    assert good.empty
    bad = audit({**empty, "indicators": indicators("85%", 85.0)}, [])
    assert bad[["check", "printed", "expected"]].values.tolist() == [["achievement", 85.0, 80.0]]


def test_audit_command_prints_a_readable_summary(capsys):
    assert main(["audit", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "quality flags in 4 reports" in out
    assert "sumenep_2020.txt (Sumenep 2020)" in out
    assert "  achievement: achievement % is not realisation / target" in out
    assert "line 83: Persentase PMKS yang dibantu dan ditangani (2020): printed '118%'" in out
