"""The audit's former blind spots (docs/architecture.md): each check fires on a synthetic case and
stays quiet on its twin, and fires on the reports with the report's lines in its flag."""

import pandas as pd
import pytest

from tests.test_audit import find, rec, run


@pytest.fixture(scope="module")
def flags(built):
    return built.frames["quality_flags"]


def only(flags: pd.DataFrame) -> pd.Series:
    assert len(flags) == 1, flags[["check", "source_line", "subject", "detail"]]
    return flags.iloc[0]


# --- Averages printed beside the rows they average

def test_an_average_on_the_line_of_its_rows_fires_and_stays_quiet():
    def line_67(average_raw, average):  # Lumajang line 67: (78,76 % + 49,20 %) / 2, printed 63,8 %
        return [rec("indicators", 67, "realisation", 78.76, "78,76%", table_id="F0067"),
                rec("indicators", 67, "realisation", 49.20, "49,20%", table_id="F0067",
                    indicator_id="pmks_welfare_improved_pct"),
                rec("indicators", 67, "realisation", average, average_raw, table_id="F0067",
                    indicator_id="average_achievement")]

    fires = only(run(indicators=line_67("63,8%", 63.8)))
    assert (fires["check"], fires["printed"], fires["expected"]) == ("group_average", 63.8, pytest.approx(63.98))
    assert run(indicators=line_67("63,98%", 63.98)).empty


def tabel_iii_11(programme_average_raw, programme_average):
    """Lumajang Tabel III.11 (lines 762-769): activity achievements, and each programme's average
    printed on its first row; line 766's programme cell is split over lines 766 and 768."""
    achievements = {762: 9.55, 763: 339.40, 764: 378.61, 765: 145.71, 766: 138.10, 768: 101.01, 769: 121.95}
    rows = [rec("indicators", line, "achievement_pct", value, f"{value:.2f}".replace(".", ","), table_id="T0761",
                level="activity", indicator_id="activity_indicator", indicator=f"activity {line}")
            for line, value in achievements.items()]
    programme = {"table_id": "T0761", "level": "programme", "indicator_id": "programme_indicator",
                 "indicator": "Capaian rata-rata setiap Program Tahun 2020"}
    return rows + [rec("indicators", 762, "average_achievement_pct", 9.55, "9,55", **programme),
                   rec("indicators", 763, "average_achievement_pct", 287.90, "287,90", **programme),
                   rec("indicators", 768, "average_achievement_pct", programme_average, programme_average_raw,
                       **programme)]


def test_an_average_on_a_groups_first_row_fires_and_stays_quiet():
    # 287,90 = mean of lines 763-765; 120,35 = mean of lines 766, 768 and 769 (the split programme cell)
    assert run(indicators=tabel_iii_11("120,35", 120.35)).empty
    fires = only(run(indicators=tabel_iii_11("130,35", 130.35)))
    # expected: the group from the average's own row to the next average (lines 768-769)
    assert (fires["check"], fires["source_line"], fires["expected"]) == (
        "group_average", 768, pytest.approx((101.01 + 121.95) / 2))
    assert fires["lines"] == "768;769"


# --- Formula B

def formula_b(step_raw, step, result_raw, result):
    # Lumajang line 527: (29,42 - (78,76 - 29,42)) / 29,42 x 100 = (29,42 - 49,34) / 29,42 x 100
    at = {"table_id": "F0527"}
    return [rec("indicators", 527, "target", 29.42, "29,42", **at),
            rec("indicators", 527, "realisation", 78.76, "78,76", **at),
            rec("indicators", 527, "realisation_minus_target", step, step_raw, **at),
            rec("indicators", 527, "achievement_pct_lower_is_better", result, result_raw, **at)]


def test_formula_b_fires_and_stays_quiet():
    fires = only(run(indicators=formula_b("49,34", 49.34, "-0,68 %", -0.68)))
    assert (fires["check"], fires["printed"], fires["expected"]) == (
        "lower_is_better", -0.68, pytest.approx((29.42 - 49.34) / 29.42 * 100))
    assert "not multiplied by 100" in fires["detail"]
    assert run(indicators=formula_b("49,34", 49.34, "-67,71 %", -67.71)).empty


def test_formula_b_checks_its_intermediate_step():
    fires = only(run(indicators=formula_b("48,34", 48.34, "-64,31 %", -64.31)))  # (29,42 - 48,34) / 29,42
    assert (fires["check"], fires["printed"], fires["expected"]) == ("lower_is_better", 48.34, pytest.approx(49.34))


# --- Progress against the end target, on rows that print the year's target too

def tabel_iv_1(progress_raw, progress):
    # Lumajang line 1018: target 29,42, realisation 78,76, achievement 267,71, end target (Renstra) 39,16;
    # printed progress 683,6 = 267,71 / 39,16 x 100, where realisation / end target = 201,12
    at = {"table_id": "T1017"}
    return [rec("indicators", 1018, "target", 29.42, "29,42%", **at),
            rec("indicators", 1018, "realisation", 78.76, "78,76 %", **at),
            rec("indicators", 1018, "achievement_pct", 267.71, "267,71%", **at),
            rec("indicators", 1018, "end_target", 39.16, "39,16%", period=None, target_origin="Renstra", **at),
            rec("indicators", 1018, "progress_pct", progress, progress_raw, **at)]


def test_progress_beside_the_years_target_fires_and_stays_quiet():
    fires = only(run(indicators=tabel_iv_1("683,6%", 683.6)))
    assert (fires["check"], fires["expected"]) == ("progress", pytest.approx(78.76 / 39.16 * 100))
    assert run(indicators=tabel_iv_1("201,1%", 201.1)).empty


# --- The conclusion table's counts and shares

def conclusion(successful_raw, successful, share_raw=None, share=None):
    # Kota Pasuruan line 654: one indicator rated (line 603: 109 %), printed in the Berhasil count as 109
    at = {"table_id": "T0650", "indicator_id": "average_achievement", "period": 2022,
          "indicator": "1 (satu) Sasaran : % PPKS yang terakses layanan sosialdasar"}
    dash = {"missing_reason": "dash"}
    rows = [rec("indicators", 603, "achievement_pct", 109, "109 %", table_id="T0600", period=2022),
            rec("indicators", 654, "count_very_successful", None, "-", **at, **dash),
            rec("indicators", 654, "count_successful", successful, successful_raw, **at),
            rec("indicators", 654, "count_sufficient", None, "-", **at, **dash),
            rec("indicators", 654, "count_insufficient", None, "-", **at, **dash)]
    if share_raw is not None:
        rows.append(rec("indicators", 654, "share_successful_pct", share, share_raw, **at))
    return rows


def test_conclusion_counts_fire_and_stay_quiet():
    fires = only(run(indicators=conclusion("109", 109)))
    assert (fires["check"], fires["source_line"], fires["printed"], fires["expected"]) == (
        "conclusion_count", 654, 109, 1)
    assert run(indicators=conclusion("1", 1)).empty


def test_conclusion_shares_fire_and_stay_quiet():
    fires = only(run(indicators=conclusion("1", 1, "50%", 50)))
    assert (fires["check"], fires["subject"].endswith("share_successful_pct"), fires["expected"]) == (
        "conclusion_count", True, 100)
    assert run(indicators=conclusion("1", 1, "100%", 100)).empty


# --- Shares of a total

def allocation(share_raw, share):
    # Blitar Tabel 3.7 line 301: 1.964.985.500 printed as 64.5 % of the budget; the report's total is
    # 6.579.168.248 (Tabel 3.10 line 382), of which the line is 29,87 %
    return [rec("budget", 301, "budget", 1964985500, "1.964.985.500", table_id="T0299", level="objective",
                name="Meningkatnya kesejahteraan PMKS"),
            rec("budget", 301, "share_of_total_pct", share, share_raw, table_id="T0299", level="objective",
                name="Meningkatnya kesejahteraan PMKS", unit="percent"),
            rec("budget", 382, "budget", 6579168248.0, "6.579.168.248,00", table_id="T0381", level="total",
                name="Belanja")]


def test_shares_fire_and_stay_quiet():
    fires = only(run(budget=allocation("64.5 %", 64.5)))
    assert (fires["check"], fires["printed"], fires["expected"]) == (
        "share", 64.5, pytest.approx(1964985500 / 6579168248 * 100))
    assert fires["lines"] == "301;382"
    assert run(budget=allocation("29.87 %", 29.87)).empty


# --- A total that covers a line printed elsewhere

def tabel_iii_15(with_staff_pay: bool):
    # Lumajang line 993: Jumlah = Tabel III.15's programmes + the staff pay of Tabel II.4 line 434
    rows = [rec("budget", 965, "budget", 758859800, "758.859.800,-", table_id="T0963",
                name="Program Pelayanan administrasi Perkantoran"),
            rec("budget", 968, "budget", 334053100, "334.053.100,-", table_id="T0963",
                name="Program Peningkatan Sarana dan Prasarana Aparatur"),
            rec("budget", 993, "budget", 3299573264, "(3.299.573.264,-)", table_id="T0963", level="total",
                name="Jumlah")]
    if with_staff_pay:
        rows.append(rec("budget", 434, "budget", 2206660364, "Rp 2.206.660.364,-", table_id="T0433",
                        level="spending_type", name="Belanja Pegawai"))
    return rows


def test_a_scope_difference_is_explained_as_one():
    scope = only(run(budget=tabel_iii_15(with_staff_pay=True)))
    assert (scope["check"], scope["kind"], scope["source_line"]) == ("scope", "scope", 993)
    assert "'Belanja Pegawai' of line 434" in scope["detail"] and "434" in scope["lines"].split(";")
    # Without the line that closes the gap, the same total is a sum that fails: no scope flag.
    plain = only(run(budget=tabel_iii_15(with_staff_pay=False)))
    assert (plain["check"], plain["kind"]) == ("sum", "arithmetic")


# --- Values computed from a flagged value

def tabel_t0263(achievement_raw, achievement, average_raw, average):
    # Sumenep lines 264-266: 73,47 / 4,40 = 1669,77 %, printed 1569,77 %; the average 810,36 % is
    # the mean of 1569,77 and 50,95 (so the average check is quiet) and carries the error on
    at = {"table_id": "T0263"}
    return [rec("indicators", 264, "target", 4.40, "4,40%", value_id="s-264-t", **at),
            rec("indicators", 264, "realisation", 73.47, "73,47%", value_id="s-264-r", **at),
            rec("indicators", 264, "achievement_pct", achievement, achievement_raw, value_id="s-264-a", **at),
            rec("indicators", 265, "achievement_pct", 50.95, "50,95%", value_id="s-265-a", indicator_id="pmks_total",
                indicator="2.2. Jumlah PMKS",
                **at),
            rec("indicators", 266, "achievement_pct", average, average_raw, value_id="s-266-a",
                indicator_id="average_achievement", indicator="RATA – RATA CAPAIAN", **at)]


def test_a_value_built_on_a_flagged_value_is_flagged_pointing_at_the_root():
    fires = run(indicators=tabel_t0263("1569,77%", 1569.77, "810,36%", 810.36))
    assert fires[["check", "source_line"]].values.tolist() == [["achievement", 264], ["derived_from_flagged", 266]]
    derived = fires.iloc[1]
    assert (derived["kind"], derived["value_id"], derived["related_value_ids"]) == (
        "arithmetic", "s-266-a", "s-264-a")
    assert "line 264" in derived["detail"]
    assert run(indicators=tabel_t0263("1669,77%", 1669.77, "860,36%", 860.36)).empty


def test_a_chain_of_values_points_at_its_first_root():
    # an efficiency on the flagged achievement, and an average of that efficiency
    rows = tabel_t0263("1569,77%", 1569.77, "810,36%", 810.36)
    eff = {"table_id": "T0326", "indicator": "2.1. Persentase penanganan PMKS"}
    rows_eff = [rec("efficiency", 264, "achievement_pct", 1569.77, "1569,77%", value_id="e-a", **eff),
                rec("efficiency", 264, "absorption_pct", 89.92, "89,92%", value_id="e-b", **eff),
                rec("efficiency", 264, "efficiency_pct", 1479.85, "1479,85%", value_id="e-e", **eff)]
    fires = run(indicators=rows, efficiency=rows_eff)
    derived = fires[fires["check"] == "derived_from_flagged"].set_index("value_id")
    assert derived.loc["e-e", "related_value_ids"] == "s-264-a"


# --- On the reports

def test_the_new_checks_fire_on_the_reports(flags):
    # Lumajang line 67: (78,76 + 49,20) / 2 = 63,98, printed 63,8
    avg = find(flags, "lumajang_2020.txt", 67, "group_average")
    assert (avg["printed"], avg["expected"]) == (63.8, pytest.approx(63.98))
    # Formula B printed as a fraction: -0,68 for -67,71 (line 527), -0,81 for -81,96 (line 561)
    assert find(flags, "lumajang_2020.txt", 527, "lower_is_better")["expected"] == pytest.approx(-67.709041)
    assert find(flags, "lumajang_2020.txt", 561, "lower_is_better")["expected"] == pytest.approx(-81.958763)
    # Tabel IV.1 divides the achievement, not the realisation, by the Renstra end target
    progress = find(flags, "lumajang_2020.txt", 1018, "progress")
    assert progress["expected"] == pytest.approx(78.76 / 39.16 * 100)
    assert "achievement % over the end target" in progress["detail"]
    # Kota Pasuruan's conclusion: 109 printed as a count of indicators, for 1
    count = find(flags, "pasuruan_2022.txt", 654, "conclusion_count")
    assert (count["printed"], count["expected"]) == (109, 1)
    # Blitar Tabel 3.7: 64.5 % and 9.25 % are not shares of the office's Rp 6.579.168.248
    share = find(flags, "blitar_2020.txt", 301, "share")
    assert share["expected"] == pytest.approx(29.866777) and share["lines"] == "301;382"
    # Lumajang line 993: the programmes + line 434's staff pay
    scope = find(flags, "lumajang_2020.txt", 993, "scope")
    assert scope["kind"] == "scope" and "lumajang_2020-L434-6972fdf6" in scope["related_value_ids"].split(";")


def test_derived_flags_on_the_reports_point_at_their_root(flags):
    # Sumenep's average 810,36 % (line 266) is built on the wrong 1569,77 % of line 264
    average = find(flags, "sumenep_2020.txt", 266, "derived_from_flagged")
    assert average["related_value_ids"] == "sumenep_2020-L264-b25d5f1e"
    # Lumajang Tabel III.11: the programme average 287,90 and the overall 154,66 rest on line 763's 339,40
    for line in (763, 773):
        assert find(flags, "lumajang_2020.txt", line, "derived_from_flagged")["related_value_ids"] == (
            "lumajang_2020-L763-79ab3757")
    # Blitar's efficiency 26.33 % (line 361) uses the 118 % of line 83
    assert "blitar_2020-L83-52d666ab" in find(flags, "blitar_2020.txt", 361, "derived_from_flagged")[
        "related_value_ids"].split(";")


def test_the_new_checks_stay_quiet_where_the_reports_add_up(flags):
    lumajang = flags[flags["source_file"] == "lumajang_2020.txt"]
    # Tabel III.11's programme averages are the means of their activities (287,90, 120,35, 200,84)
    assert lumajang[lumajang["source_line"].between(762, 773) & (lumajang["check"] == "group_average")].empty
    # line 1020: 82,83 / 86 = 96,31 %
    assert lumajang[(lumajang["source_line"] == 1020) & (lumajang["check"] == "progress")].empty
    # the prose of Kota Pasuruan's conclusion (line 656) counts 0, 1, 0 and 0 indicators
    pasuruan = flags[flags["source_file"] == "pasuruan_2022.txt"]
    assert pasuruan[pasuruan["source_line"] == 656].empty
