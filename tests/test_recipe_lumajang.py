"""Kabupaten Lumajang 2020 (data/raw/lumajang_2020.txt): real values with their lines, as printed."""


import pandas as pd
import pytest

from conftest import frames_of, one

SRC = "lumajang_2020.txt"
PMKS_REACHED, WELFARE, PSKS = "pmks_reached_pct", "pmks_welfare_improved_pct", "psks_participation_pct"
BENCANA_SOSIAL = "Fasilitasi dan Koordinasi Perlindungan Sosial Korban Bencana Sosial dan Orang Terlantar"
JAMINAN = "Fasilitasi dan Koordinasi Jaminan Sosial"


@pytest.fixture(scope="module")
def frames(built):
    return frames_of(built, SRC)


# (dataset, filters, value, unit)
VALUES = [
    # Ikhtisar, line 67: "78,76% + 49,20% ÷ 2 = 63,8%" (Tabel III.9 prints 63,98)
    ("indicators", dict(source_line=67, measure="realisation", indicator_id="average_achievement"), 63.8, "percent"),
    ("indicators", dict(source_line=67, measure="realisation", indicator_id=WELFARE), 49.2, "percent"),
    # IKU Bupati: target, PERHITUNGAN 426794/541897*100%, achievement
    ("indicators", dict(source_line=385, measure="target", indicator_id="pmks_receiving_aid_pct", level="goal",
                        target_origin="RPJMD"), 17.46, "percent"),
    ("indicators", dict(source_line=385, measure="numerator", indicator_id="pmks_receiving_aid_pct"), 426794,
     "persons"),
    ("indicators", dict(source_line=385, measure="denominator", indicator_id="pmks_receiving_aid_pct"), 541897,
     "persons"),
    ("indicators", dict(source_line=385, measure="achievement_pct", indicator_id="pmks_receiving_aid_pct"), 451.08,
     "percent"),
    # Tabel II.3: Perjanjian Kinerja
    ("indicators", dict(source_line=422, measure="target", indicator_id=PMKS_REACHED,
                        target_origin="Perjanjian Kinerja"), 29.42, "percent"),
    ("indicators", dict(source_line=423, measure="target", indicator_id=PSKS, target_origin="Perjanjian Kinerja"),
     82, "percent"),
    # III.1.1 formulas
    ("indicators", dict(source_line=507, table_id="F0507", measure="numerator", indicator_id=PMKS_REACHED), 426794,
     "persons"),
    ("indicators", dict(source_line=507, table_id="F0507", measure="denominator", indicator_id=PMKS_REACHED), 541897,
     "persons"),
    ("indicators", dict(source_line=519, measure="target", indicator_id=PMKS_REACHED, target_origin="Renstra"),
     29.42, "percent"),
    ("indicators", dict(source_line=527, measure="achievement_pct_lower_is_better", indicator_id=PMKS_REACHED),
     -0.68, "percent"),
    ("indicators", dict(source_line=527, measure="realisation_minus_target"), 49.34, "percent"),
    ("indicators", dict(source_line=539, measure="numerator", indicator_id=WELFARE), 266787, "persons"),
    ("indicators", dict(source_line=547, measure="achievement_pct", indicator_id=WELFARE), 281.95, "percent"),
    ("indicators", dict(source_line=561, measure="achievement_pct_lower_is_better", indicator_id=WELFARE), -0.81,
     "percent"),
    ("indicators", dict(source_line=571, measure="denominator", indicator_id=PSKS), 734, None),
    ("indicators", dict(source_line=583, measure="achievement_pct", indicator_id=PSKS), 101.01, "percent"),
    # Tabel III.3 "29,42 (Renstra)" and "78,76: 29,42%X 100=267,71%"
    ("indicators", dict(source_line=597, measure="target", indicator_id=PMKS_REACHED, target_origin="Renstra"),
     29.42, "percent"),
    ("indicators", dict(source_line=597, measure="realisation", indicator_id=PMKS_REACHED), 78.76, "percent"),
    ("indicators", dict(source_line=597, measure="achievement_pct", indicator_id=PMKS_REACHED), 267.71, "percent"),
    ("indicators", dict(source_line=608, measure="target", indicator_id=WELFARE, target_origin="RPJMD"), 17.46,
     "percent"),
    # Ketepatan Sasaran
    ("indicators", dict(source_line=655, measure="denominator", indicator_id="aid_targeting_accuracy_pct"), 426794,
     "persons"),
    ("indicators", dict(source_line=655, measure="realisation", indicator_id="aid_targeting_accuracy_pct"), 62.51,
     "percent"),
    # Tabel III.9: 2020 and 2019, and the averages
    ("indicators", dict(source_line=699, measure="realisation", period=2019, indicator_id=PMKS_REACHED), 26.43,
     "percent"),
    ("indicators", dict(source_line=699, measure="target", period=2019, indicator_id=PMKS_REACHED), 26.75, "percent"),
    ("indicators", dict(source_line=700, measure="realisation", period=2020, indicator_id=WELFARE), 49.2, "percent"),
    ("indicators", dict(source_line=701, measure="achievement_pct", period=2020, indicator_id="average_achievement"),
     274.83, "percent"),
    ("indicators", dict(source_line=702, measure="achievement_pct", period=2019, indicator_id=PSKS), 100.77,
     "percent"),
    ("indicators", dict(source_line=704, measure="realisation", period=2020, indicator_id="average_achievement"),
     73.40, "percent"),
    # Tabel III.11: activities, their fractions (squeezed, unscrambled), programme averages
    ("indicators", dict(source_line=762, measure="numerator", level="activity"), 40, "persons"),
    ("indicators", dict(source_line=762, measure="denominator", level="activity"), 1421, "persons"),
    ("indicators", dict(source_line=762, measure="achievement_pct", level="activity"), 9.55, "percent"),
    ("indicators", dict(source_line=763, measure="achievement_pct", level="activity"), 339.40, "percent"),
    ("indicators", dict(source_line=764, measure="numerator", indicator=BENCANA_SOSIAL), 10070, None),
    ("indicators", dict(source_line=764, measure="denominator", indicator=BENCANA_SOSIAL), 9040, None),
    ("indicators", dict(source_line=764, measure="denominator_1", indicator=JAMINAN), 1132159, None),
    ("indicators", dict(source_line=765, measure="numerator_2", indicator=JAMINAN), 162345, None),
    ("indicators", dict(source_line=765, measure="denominator_2", indicator=JAMINAN), 443911, None),
    ("indicators", dict(source_line=765, measure="realisation_1", indicator=JAMINAN), 49.18, "percent"),
    ("indicators", dict(source_line=765, measure="realisation", indicator=JAMINAN), 42.87, "percent"),
    ("indicators", dict(source_line=766, measure="numerator", indicator="Penanganan dan Pemberdayaan Fakir Miskin",
                        objective="PROGRAM PENANGANAN DAN PEMBERDAYAAN SOSIAL"), 58190, None),
    ("indicators", dict(source_line=917, table_id="T0911", measure="denominator",
                        indicator="Penanganan dan Pemberdayaan Fakir Miskin"), 143213, None),
    ("indicators", dict(source_line=768, measure="numerator", indicator="Pemberdayaan Kelembagaan Sosial"), 608, None),
    ("indicators", dict(source_line=768, measure="denominator", indicator="Pemberdayaan Kelembagaan Sosial"), 734,
     None),
    ("indicators", dict(source_line=768, measure="average_achievement_pct", level="programme",
                        objective="PROGRAM PENANGANAN DAN PEMBERDAYAAN SOSIAL"), 120.35, "percent"),
    ("indicators", dict(source_line=772, measure="denominator", level="activity"), 5041, None),
    ("indicators", dict(source_line=773, measure="average_achievement_pct", indicator_id="average_achievement"),
     154.66, "percent"),
    # Tabel III.12
    ("indicators", dict(source_line=785, measure="target", period=2019, indicator_id=WELFARE), 15.87, "percent"),
    ("indicators", dict(source_line=786, measure="target", period=2019, indicator_id=PSKS), 80, "percent"),
    # Prose, lines 788 and 790
    ("indicators", dict(source_line=788, measure="denominator", period=2020, origin="narrative"), 541887, "persons"),
    ("indicators", dict(source_line=790, measure="numerator", period=2019, indicator_id=PMKS_REACHED), 125158,
     "persons"),
    # Line 929: 40 : 1421 x 100 % = 2,81 %
    ("indicators", dict(source_line=929, measure="denominator", level="activity"), 1421, "persons"),
    ("indicators", dict(source_line=929, measure="realisation", level="activity"), 2.81, "percent"),
    # Tabel IV.1
    ("indicators", dict(source_line=1018, measure="end_target", indicator_id=PMKS_REACHED, target_origin="Renstra"),
     39.16, "percent"),
    ("indicators", dict(source_line=1018, measure="progress_pct", indicator_id=PMKS_REACHED), 683.6, "percent"),
    ("indicators", dict(source_line=1018, measure="achievement_pct", period=2019, indicator_id=PMKS_REACHED), 100.37,
     "percent"),
    ("indicators", dict(source_line=1019, measure="progress_pct", indicator_id=WELFARE), 1213, "percent"),
    ("indicators", dict(source_line=1020, measure="end_target", indicator_id=PSKS), 86, "percent"),
    ("indicators", dict(source_line=1021, measure="achievement_pct", period=2020,
                        indicator_id="average_achievement"), 216.65, "percent"),
    # Tabel II.4
    ("budget", dict(source_line=434, measure="budget", level="spending_type", fund_source="DAU"), 2206660364, "rupiah"),
    ("budget", dict(source_line=442, measure="budget", level="programme"), 894568000, "rupiah"),
    ("budget", dict(source_line=443, measure="budget", level="total"), 5085713014, "rupiah"),
    # Prose: the whole budget (714, 955) and the DBHCHT programme (931)
    ("budget", dict(source_line=714, measure="budget", origin="narrative"), 5085713014, "rupiah"),
    ("budget", dict(source_line=714, measure="realised", origin="narrative"), 4929914273, "rupiah"),
    ("budget", dict(source_line=955, measure="absorption_pct", fund_source="APBD"), 96.94, "percent"),
    ("budget", dict(source_line=955, measure="unspent"), 155798741, "rupiah"),
    ("budget", dict(source_line=931, measure="budget", fund_source="DBHCHT"), 175000000, "rupiah"),
    ("budget", dict(source_line=931, measure="absorption_pct", fund_source="DBHCHT"), 98.20, "percent"),
    # Tabel III.15
    ("budget", dict(source_line=965, measure="realised", level="programme"), 714614330, "rupiah"),
    ("budget", dict(source_line=972, measure="realised", level="activity"), 1062000, "rupiah"),
    ("budget", dict(source_line=977, measure="budget", level="activity"), 7362000, "rupiah"),
    ("budget", dict(source_line=987, measure="absorption_pct", level="programme"), 98.03, "percent"),
    ("budget", dict(source_line=991, measure="budget", level="programme", origin="table"), 175000000, "rupiah"),
    ("budget", dict(source_line=993, measure="budget", level="total"), 5085713014, "rupiah"),
    ("budget", dict(source_line=993, measure="realised", level="total"), 4929914273, "rupiah"),
    ("budget", dict(source_line=993, measure="absorption_pct", level="total"), 96.94, "percent"),
    # Tabel III.10
    ("efficiency", dict(source_line=726, measure="efficiency_pct"), 176.46, "percent"),
    ("efficiency", dict(source_line=727, measure="absorption_pct"), 97.71, "percent"),
    ("efficiency", dict(source_line=728, measure="efficiency_pct", objective="Rata-rata Efisiensi"), 89.88, "percent"),
]


@pytest.mark.parametrize("dataset, where, value, unit", VALUES,
                         ids=[f"{d}:{w['source_line']}:{w['measure']}" for d, w, _, _ in VALUES])
def test_real_values_with_their_lines(frames, dataset, where, value, unit):
    row = one(frames[dataset], **where)
    assert row["value"] == pytest.approx(value)
    assert (pd.isna(row["unit"]) if unit is None else row["unit"] == unit), row["unit"]
    assert pd.isna(row["missing_reason"])


def test_values_keep_their_printed_text(frames):
    assert one(frames["budget"], source_line=977, measure="budget")["value_raw"] == "7.362.000,00,-"
    assert one(frames["budget"], source_line=993, measure="budget")["value_raw"] == "(5.085.713.014,-)"
    assert one(frames["indicators"], source_line=597, measure="target")["value_raw"] == "29,42 (Renstra)"
    # Jaminan Sosial's realisation cell "49,18 +36,57/ 2=42,87": the mean of two fractions
    # (line 764 prints the first fraction's parts; line 765 the second's, the target and the achievement)
    jaminan = frames["indicators"][(frames["indicators"]["source_line"] == 765)
                                   & (frames["indicators"]["indicator"] == JAMINAN)]
    assert dict(zip(jaminan["measure"], jaminan["value_raw"])) == {
        "target": "29,42", "numerator_2": "162345", "denominator_2": "44391 1", "realisation_1": "49,18",
        "realisation_2": "36,57", "realisation": "42,87", "achievement_pct": "145,71"}


def test_printed_gaps_are_kept_with_their_reason(frames):
    ind = frames["indicators"]
    not_measured = one(ind, source_line=700, measure="target", period=2019)
    assert not_measured["missing_reason"] == "text"
    assert not_measured["value_raw"].startswith("Belum dilakukan pengukuran")
    assert one(ind, source_line=785, measure="realisation", period=2019)["missing_reason"] == "dash"
    assert one(ind, source_line=1019, measure="achievement_pct", period=2019)["missing_reason"] == "dash"


def test_budget_hierarchy(frames):
    budget = frames["budget"]
    assert one(budget, source_line=986, measure="budget")["parent"] == "Program Penanganan dan Pemberdayaan Sosial"
    assert one(budget, source_line=992, measure="budget")["parent"] == "PROGRAM PEMBINAAN LINGKUNGAN SOSIAL"
    assert one(budget, source_line=434, measure="budget")["parent"] == "Belanja Tidak Langsung"
    assert set(budget[budget["table_id"] == "T0963"]["level"]) == {"programme", "activity", "total"}
    assert (budget["value"].dropna() >= 0).all()  # "(5.085.713.014,-)" is a total, not a negative


def test_rating_scale(frames):
    scales = frames["rating_scales"].sort_values("rank")
    assert list(scales["label"]) == ["Baik Sekali (BS)", "Baik (B)", "Cukup (C)", "Kurang (K)"]
    good = one(scales, source_line=471)
    assert (good["lower"], good["lower_inclusive"], good["upper"], good["upper_inclusive"]) == (75, False, 100, True)
    fair = one(scales, source_line=472)
    assert (fair["lower"], fair["lower_inclusive"], fair["upper"], fair["upper_inclusive"]) == (55, True, 75, True)


# (filters, value) of the staff tables; None: a printed "-"
STAFF = [
    (dict(source_line=207, category="Laki-Laki", breakdown="sex", org_unit="Dinas Sosial Kabupaten Lumajang"), 23),
    (dict(source_line=209, category="JUMLAH", breakdown="sex"), 48),
    (dict(source_line=219, category="Strata 1", org_unit="Sekretaria", status="PNS"), 4),
    (dict(source_line=220, category="Diploma III/IV", org_unit="Kadin", status="PNS"), None),
    (dict(source_line=226, category="Strata 1", org_unit="JUMLAH", status="Perjanjian Kontrak"), 13),
    (dict(source_line=244, category="Pembina Utama Muda IV/c", org_unit="Kadi", breakdown="rank"), 1),
    (dict(source_line=251, category="Perjanjian Kontrak", org_unit="Bid. Pelayanan & RehSos"), 9),
    (dict(source_line=252, category="Total", org_unit="Sekretaria"), 15),
]


@pytest.mark.parametrize("where, value", STAFF, ids=[str(w["source_line"]) for w, _ in STAFF])
def test_staff(frames, where, value):
    row = one(frames["staff"], **where)
    if value is None:
        assert pd.isna(row["value"]) and row["missing_reason"] == "dash" and row["value_raw"] == "-"
    else:
        assert row["value"] == value and row["unit"] == "persons"


def test_coverage_is_complete(built):
    assert [u for u in built.coverage.uncovered if SRC in u] == []


def test_every_table_is_mapped_or_excluded_with_a_reason(frames):
    tables = frames["tables"]
    assert len(tables) == 40
    assert (tables["destination"].notna() | tables["excluded_because"].notna()).all()
    reasons = tables.set_index("table_id")["excluded_because"]
    assert reasons["T0077"] == "table of contents"
    assert reasons["T0943"] == "copy of T0724"
    assert reasons["T0629"] == "copy of T0383"


def test_every_printed_figure_is_one_indicator_row(frames):
    """Rows per table, counted in the report: a table row gives one row per printed figure."""
    assert frames["indicators"]["table_id"].value_counts().to_dict() == {
        # Tabel III.11 (lines 762-773): 10 activities' target, realisation and achievement, their 17
        # numerators/denominators (9 + 8: line 766's '14321' is read from T0911, line 917), the two
        # fractions of Jaminan Sosial (6 parts) and 5 averages
        "T0761": 58,
        # Tabel III.9 (lines 699-704): 6 rows x target, realisation, achievement for 2020 and 2019
        "T0698": 36,
        # Tabel IV.1 (lines 1018-1021): 3 indicators and the average x target, realisation, achievement
        # 2020 and 2019, progress (20), and the 3 indicators' end-of-plan targets
        "T1017": 23,
        "T0782": 18,  # Tabel III.12 (lines 784-786): 3 indicators x 3 measures x 2 years
        "T0383": 5,  # IKU Bupati (line 385): target, numerator, denominator, realisation, achievement
        "F0527": 4,  # formula B (line 527): target, realisation, realisation - target, result
        # formulas of line 67 and III.1.1: two terms (or numerator and denominator, or target and
        # realisation) and the result; Tabel III.3-III.5: target, realisation, achievement
        "F0067": 3, "F0507": 3, "F0519": 3, "F0539": 3, "F0547": 3, "F0561": 3, "F0571": 3, "F0583": 3,
        "F0655": 3, "F0929": 3, "T0596": 3, "T0607": 3, "T0617": 3,
        "F0559": 2,  # target and realisation (line 559)
        "T0422": 2,  # Tabel II.3: one target on each of lines 422 and 423
        "P0788": 2, "P0790": 2,  # numerator and denominator in the prose
        "T0911": 1,  # Fakir Miskin's denominator 143213 (line 917)
    }  # 192 rows in all


def test_every_indicator_has_an_id(frames):
    ind = frames["indicators"]
    assert set(ind["indicator_id"]) == {PMKS_REACHED, WELFARE, PSKS, "pmks_receiving_aid_pct",
                                        "aid_targeting_accuracy_pct", "average_achievement", "activity_indicator",
                                        "programme_indicator"}
