"""Printings of one figure that disagree: the report's own inputs decide which is right, or
every printing is flagged - the first printing is never presumed right."""

import pytest
from test_audit import rec, run, the_flags


@pytest.fixture(scope="module")
def flags(built):
    return built.frames["quality_flags"]


def printings_of(flags, src, subject):
    rows = flags[(flags["source_file"] == src) & (flags["check"] == "same_quantity") & (flags["subject"] == subject)]
    return rows.sort_values("source_line")


def test_lumajang_49_20_is_flagged_and_the_49_23_printings_are_not(built, flags):
    # Line 539 computes 266.787 / 541.897 x 100 = 49,23 %, printed again on lines 547, 559 and 608;
    # the summary on line 67 prints 49,20 %. The report's own inputs fit 49,23, so line 67 is the slip.
    rows = printings_of(flags, "lumajang_2020.txt", "pmks_welfare_improved_pct realisation 2020")
    assert rows["source_line"].tolist() == [67]
    flag = rows.iloc[0]
    assert (flag["printed"], flag["expected"]) == (49.2, pytest.approx(266787 / 541897 * 100))
    assert flag["value_id"] == "lumajang_2020-L67-e2ce644c"
    assert "266.787 / 541.897 x 100 (line 539) gives 49.23" in flag["detail"]
    ind = built.frames["indicators"]
    lumajang = ind[(ind["source_file"] == "lumajang_2020.txt") & (ind["indicator_id"] == "pmks_welfare_improved_pct")
                   & (ind["period"] == 2020)]
    fitting = lumajang[lumajang["measure"].isin(["numerator", "denominator"])
                       | lumajang["value_raw"].str.startswith("49,23")]
    assert sorted(zip(fitting["source_line"], fitting["measure"], fitting["value_raw"])) == [
        (539, "denominator", "541.897"), (539, "numerator", "266.787"), (539, "realisation", "49,23%"),
        (547, "realisation", "49,23"), (559, "realisation", "49,23%"), (608, "realisation", "49,23 %")]
    assert set(fitting["value_id"]) <= set(flag["related_value_ids"].split(";"))
    assert {67, 539, 547, 559, 608} <= set(map(int, flag["lines"].split(";")))
    # The printings the inputs fit carry no flag of their own.
    assert not flags["value_id"].isin(fitting["value_id"]).any()


def test_printings_no_input_decides_are_each_flagged(flags):
    # Blitar prints 5.97 % on line 83 and 5.90 % on lines 199 and 334; nothing printed decides.
    rows = printings_of(flags, "blitar_2020.txt", "pmks_reached_pct realisation 2020")
    assert rows["source_line"].tolist() == [83, 199, 334]
    assert rows["expected"].isna().all()
    assert set(rows["detail"]) == {"the printings disagree and none is presumed right: '5.97%' at line 83 (T0081), "
                                   "'5.90%' at line 199 (T0197), '5.90 %' at line 334 (T0331)"}


def test_inputs_that_fit_each_printing_do_not_decide(flags):
    # Pasuruan's PPKS programme: line 580 prints 21.978.595.696 / 28.568.613.969 = 76,93 %, line 632
    # Rp17.713.282.070 / Rp24.055.295.545 = 73,64 %: each absorption fits the figures beside it.
    rows = printings_of(flags, "pasuruan_2022.txt",
                        "Meningkatnya Layanan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) (absorption_pct)")
    assert rows["source_line"].tolist() == [580, 632]
    assert rows["expected"].isna().all()
    assert all("each fits the report's own inputs printed beside it" in d for d in rows["detail"])


# --- Synthetic cases, with Lumajang's figures.

def welfare(line, raw, value, table_id, measure="realisation", unit="percent"):
    return rec("indicators", line, measure, value, raw, table_id=table_id, unit=unit,
               indicator_id="pmks_welfare_improved_pct")


def fraction_inputs(numerator=("266.787", 266787), line=539):
    return [welfare(line, *numerator, "F0539", "numerator", "persons"),
            welfare(line, "541.897", 541897, "F0539", "denominator", "persons")]


PRINTINGS = [welfare(67, "49,20%", 49.20, "F0067"), welfare(547, "49,23", 49.23, "F0547"),
             welfare(608, "49,23 %", 49.23, "T0607")]


def test_the_inputs_decide_which_printing_is_right():
    fires = run(indicators=[*PRINTINGS, *fraction_inputs()])
    assert the_flags(fires) == [("same_quantity", 67, 49.2, pytest.approx(49.232050))]
    assert fires.iloc[0]["lines"] == "67;539;547;608"
    # The first printing is not presumed right: with 49,23 on line 67 and 49,20 later, the later one is flagged.
    swapped = [welfare(67, "49,23%", 49.23, "F0067"), welfare(547, "49,20", 49.20, "F0547")]
    assert the_flags(run(indicators=[*swapped, *fraction_inputs()])) == [
        ("same_quantity", 547, 49.2, pytest.approx(49.232050))]


def test_without_inputs_every_printing_is_flagged():
    fires = run(indicators=PRINTINGS)
    assert the_flags(fires) == [("same_quantity", 67, 49.2, None), ("same_quantity", 547, 49.23, None),
                                ("same_quantity", 608, 49.23, None)]
    assert set(fires["detail"]) == {"the printings disagree and none is presumed right: '49,20%' at line 67 "
                                    "(F0067), '49,23' at line 547 (F0547), '49,23 %' at line 608 (T0607)"}


def test_inputs_that_fit_no_printing_do_not_decide():
    fires = run(indicators=[*PRINTINGS, *fraction_inputs(numerator=("270.000", 270000))])
    assert [f[1] for f in the_flags(fires)] == [67, 547, 608]
    assert fires["expected"].isna().all()
    assert all("the report's own inputs fit none of them" in d for d in fires["detail"])
    # Inputs printed in two different tables are not one computation.
    split = [*PRINTINGS, welfare(539, "266.787", 266787, "F0539", "numerator", "persons"),
             welfare(540, "541.897", 541897, "F0540", "denominator", "persons")]
    assert [f[1] for f in the_flags(run(indicators=split))] == [67, 547, 608]


def test_agreeing_printings_raise_no_flag_whatever_the_inputs():
    # 49,2 stands for 49,15-49,25, which holds 49,23 (Lumajang lines 700 and 785).
    agreeing = [welfare(547, "49,23", 49.23, "F0547"), welfare(700, "49,2", 49.2, "T0698")]
    assert run(indicators=[*agreeing, *fraction_inputs(numerator=("270.000", 270000))]).empty


def test_an_achievement_is_decided_by_its_realisation_and_target():
    # Lumajang 2019: 26,43 / 26,75 x 100 = 98,80 % (line 699, also printed on 784); line 1018 prints 100,37 %.
    def pmks(line, measure, raw, value, table_id):
        return rec("indicators", line, measure, value, raw, table_id=table_id, period=2019)

    printed = [pmks(699, "target", "26,75", 26.75, "T0698"), pmks(699, "realisation", "26,43", 26.43, "T0698"),
               pmks(699, "achievement_pct", "98,80", 98.80, "T0698"),
               pmks(1018, "achievement_pct", "100,37 %", 100.37, "T1017")]
    assert the_flags(run(indicators=printed)) == [("same_quantity", 1018, 100.37, pytest.approx(2643 / 26.75))]


def test_an_absorption_is_decided_by_its_budget_and_realisation():
    # Lumajang's PROGRAM PEMBINAAN LINGKUNGAN SOSIAL: 172.930.000 / 175.000.000 = 98,82 % on line 991, 98,20 % on 931.
    def line(n, measure, raw, value, table_id):
        return rec("budget", n, measure, value, raw, table_id=table_id, name="PROGRAM PEMBINAAN LINGKUNGAN SOSIAL")

    printed = [line(931, "absorption_pct", "98,20%", 98.20, "P0931"),
               line(991, "budget", "175.000.000,00", 175000000, "T0963"),
               line(991, "realised", "172.930.000,00", 172930000, "T0963"),
               line(991, "absorption_pct", "98,82%", 98.82, "T0963")]
    assert the_flags(run(budget=printed)) == [("same_quantity", 931, 98.20, pytest.approx(98.817143))]


def test_an_aid_total_is_decided_by_kpm_times_rupiah():
    # Blitar line 148: 117.641 KPM x Rp.600.000 = Rp 70.584.600.000; the sentence prints 70.548.600.000.
    def aid(n, measure, raw, value, table_id, unit="rupiah"):
        return rec("social_assistance", n, measure, value, raw, table_id=table_id, unit=unit)

    printed = [aid(148, "beneficiaries", "117.641 KPM", 117641, "N0148", "households"),
               aid(148, "amount_per_beneficiary", "Rp.600.000,-", 600000, "N0148"),
               aid(148, "total", "Rp. 70.548.600.000,-", 70548600000, "N0148"),
               aid(200, "total", "70.584.600.000", 70584600000, "T0200")]
    fires = run(social_assistance=printed)
    assert [f for f in the_flags(fires) if f[0] == "same_quantity"] == [
        ("same_quantity", 148, 70548600000, 70584600000)]
