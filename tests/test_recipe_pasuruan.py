"""Kota Pasuruan 2022 (data/raw/pasuruan_2022.txt): real values with their lines, as printed."""


import pandas as pd
import pytest

from conftest import frames_of, one

SRC = "pasuruan_2022.txt"


@pytest.fixture(scope="module")
def frames(built):
    return frames_of(built, SRC)


# (dataset, filters, value, unit)
VALUES = [
    # Tabel 1.1: APBD totals per year
    ("budget", dict(source_line=165, measure="budget", level="total", period=2021), 23515822097, "rupiah"),
    ("budget", dict(source_line=166, measure="budget", level="total", period=2022), 28155762151, "rupiah"),
    # Tabel 2.1: Renstra targets 2022-2026
    ("indicators", dict(source_line=272, period=2026, measure="target", level="goal",
                        indicator_id="ppks_priority_independent_pct", target_origin="Renstra"), 5, "percent"),
    ("indicators", dict(source_line=273, period=2024, measure="target", level="objective",
                        indicator_id="pmks_reached_pct", target_origin="Renstra"), 95, "percent"),
    ("indicators", dict(source_line=273, period=2026, measure="target", indicator_id="pmks_reached_pct"), 99,
     "percent"),
    # Tabel 2.3 (Renja) and Tabel 2.4 (Perjanjian Kinerja)
    ("indicators", dict(source_line=300, measure="target", target_origin="Renja",
                        indicator_id="ppks_priority_independent_pct"), 5, "percent"),
    ("indicators", dict(source_line=301, measure="target", target_origin="Renja", indicator_id="pmks_reached_pct"),
     90, "percent"),
    ("indicators", dict(source_line=314, measure="target", target_origin="Perjanjian Kinerja",
                        indicator_id="pmks_reached_pct"), 90, "percent"),
    # Tabel 2.5: programme / activity / sub-activity targets in their printed units
    ("indicators", dict(source_line=343, measure="target", level="programme", indicator_id="programme_indicator"),
     100, "percent"),
    ("indicators", dict(source_line=346, measure="target", level="sub_activity"), 121, "persons"),
    ("indicators", dict(source_line=348, measure="target", level="sub_activity"), 4851, "persons"),
    ("indicators", dict(source_line=350, measure="target", level="programme"), 9.2, "percent"),
    ("indicators", dict(source_line=355, measure="target", level="sub_activity",
                        objective="Pemberian Pelayanan Reunifikasi Keluarga"), 11, "children"),
    ("indicators", dict(source_line=384, measure="target", level="sub_activity"), 7, "items"),
    ("indicators", dict(source_line=392, measure="target", level="sub_activity",
                        objective="Fasilitasi Bantuan Sosial Kesejahteraan Keluarga"), 1020, "beneficiary households"),
    ("indicators", dict(source_line=402, measure="target", level="programme"), 1.81, "percent"),
    ("indicators", dict(source_line=404, measure="target", level="activity",
                        objective="Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota"), 1000, "square metres"),
    # Tabel 3.2 / 3.2.1 / 3.3 / 3.4 / 3.5 / 3.6 / 3.7
    ("indicators", dict(source_line=466, measure="realisation", period=2022, indicator_id="pmks_reached_pct"),
     98.2, "percent"),
    ("indicators", dict(source_line=466, measure="achievement_pct", indicator_id="pmks_reached_pct"), 109, "percent"),
    ("indicators", dict(source_line=486, measure="target", indicator_id="pmks_reached_pct"), 90, "percent"),
    ("indicators", dict(source_line=523, measure="realisation", period=2020), 3.97, "percent"),
    ("indicators", dict(source_line=523, measure="realisation", period=2021, indicator_id="pmks_reached_pct"),
     57.05, "percent"),
    ("indicators", dict(source_line=523, measure="realisation", period=2022), 98.2, "percent"),
    ("indicators", dict(source_line=537, measure="end_target", target_origin="Renstra"), 99, "percent"),
    ("indicators", dict(source_line=537, measure="progress_pct", period=2022), 100, "percent"),
    ("indicators", dict(source_line=549, measure="benchmark", indicator_id="province_comparison"), 0.13, None),
    ("indicators", dict(source_line=549, measure="benchmark_ratio", indicator_id="province_comparison"), 1.32, None),
    ("indicators", dict(source_line=565, measure="achievement_pct", indicator_id="pmks_reached_pct"), 109, "percent"),
    ("indicators", dict(source_line=580, measure="realisation", indicator_id="pmks_reached_pct"), 98.2, "percent"),
    # Tabel 3.8: goal / objective and programme / activity achievements
    ("indicators", dict(source_line=602, measure="achievement_pct", level="goal",
                        indicator_id="ppks_priority_independent_pct"), 100, "percent"),
    ("indicators", dict(source_line=603, measure="achievement_pct", level="objective"), 109, "percent"),
    ("indicators", dict(source_line=603, measure="programme_achievement_pct", level="objective"), 100, "percent"),
    ("indicators", dict(source_line=608, measure="achievement_pct", level="activity",
                        indicator_id="activity_indicator"), 70.63, "percent"),
    ("indicators", dict(source_line=617, measure="achievement_pct", level="programme"), 110, "percent"),
    # Conclusion table and its sentence
    ("indicators", dict(source_line=654, measure="average_achievement_pct", indicator_id="average_achievement"),
     109, "percent"),
    ("indicators", dict(source_line=654, measure="count_successful"), 109, "indicators"),
    ("indicators", dict(source_line=656, measure="count_successful", origin="narrative"), 1, "indicators"),
    ("indicators", dict(source_line=555, measure="numerator", indicator_id="pmks_reached_pct"), 20429,
     "beneficiary households"),
    # Budgets: T0408 on both sides of the page break, Tabel 3.7, Tabel 3.9, the ANGGARAN list
    ("budget", dict(source_line=409, measure="budget", level="activity", code="1",
                    parent="Program Pemberdayaan Sosial"), 21395652799, "rupiah"),
    ("budget", dict(source_line=411, measure="budget", level="sub_activity", code="1.2"), 35769350, "rupiah"),
    ("budget", dict(source_line=414, measure="budget", level="sub_activity", code="1.3",
                    parent="Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota"),
     20115766849, "rupiah"),
    ("budget", dict(source_line=424, measure="budget", level="activity", code="4"), 910960954, "rupiah"),
    ("budget", dict(source_line=432, measure="budget", level="sub_activity", code="5.5"), 8679500, "rupiah"),
    ("budget", dict(source_line=435, measure="budget", level="activity", code="7"), 27982480, "rupiah"),
    ("budget", dict(source_line=580, measure="budget", level="objective"), 28568613969, "rupiah"),
    ("budget", dict(source_line=580, measure="realised", level="objective"), 21978595696, "rupiah"),
    ("budget", dict(source_line=580, measure="absorption_pct", level="objective"), 76.93, "percent"),
    ("budget", dict(source_line=632, measure="budget", level="objective"), 24055295545, "rupiah"),
    ("budget", dict(source_line=634, measure="realised", level="programme"), 843763040, "rupiah"),
    ("budget", dict(source_line=636, measure="budget", level="programme"), 287982480, "rupiah"),
    ("budget", dict(source_line=636, measure="absorption_pct"), 72.24, "percent"),
    ("budget", dict(source_line=329, measure="budget", level="programme", name="Pogram Rehabilitasi Sosial",
                    origin="narrative"), 1584364538, "rupiah"),
    ("budget", dict(source_line=332, measure="budget", level="programme"), 27982480, "rupiah"),
    ("budget", dict(source_line=555, measure="budget", level="objective", origin="narrative"), 17654523994, "rupiah"),
    # Efficiency (Tabel 3.7)
    ("efficiency", dict(source_line=580, measure="efficiency_pct"), 67.5, "percent"),
    ("efficiency", dict(source_line=580, measure="achievement_pct"), 109, "percent"),
    ("efficiency", dict(source_line=580, measure="absorption_pct"), 76.93, "percent"),
    # Aid counts of 3.1.7
    ("social_assistance", dict(source_line=586, measure="households_verified", programme_id="APBD aid verification",
                               funding_source="APBD"), 4587, "beneficiary households"),
    ("social_assistance", dict(source_line=586, measure="households_eligible"), 2095, "beneficiary households"),
    ("social_assistance", dict(source_line=588, programme_id="BPNT", measure="households_proposed",
                               funding_source="APBN"), 1619, "beneficiary households"),
    ("social_assistance", dict(source_line=588, programme_id="PKH", measure="households_proposed"), 49,
     "beneficiary households"),
]


@pytest.mark.parametrize("dataset,where,value,unit", VALUES,
                         ids=[f"{d}-{w['source_line']}-{w.get('measure', '')}" for d, w, _, _ in VALUES])
def test_values_as_printed(frames, dataset, where, value, unit):
    row = one(frames[dataset], **where)
    assert row["value"] == pytest.approx(value)
    if "unit" in row.index:
        assert (row["unit"] if pd.notna(row["unit"]) else None) == unit
    assert pd.isna(row["missing_reason"])


@pytest.mark.parametrize("line,measure,raw", [(634, "budget", "Rp91-.160.954"), (410, "budget", "Rp. 36.0509.030")])
def test_malformed_amounts_stay_missing(frames, line, measure, raw):
    row = one(frames["budget"], source_line=line, measure=measure)
    assert pd.isna(row["value"])
    assert row["missing_reason"] == "malformed"
    assert row["value_raw"] == raw


def test_printed_dashes_stay_missing(frames):
    for line in (612, 613):
        row = one(frames["indicators"], source_line=line, measure="achievement_pct")
        assert pd.isna(row["value"]) and row["missing_reason"] == "dash" and row["value_raw"] == "-"


def test_rating_scale(frames):
    scale = frames["rating_scales"].sort_values("rank")
    assert list(scale["label"]) == ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
    top = one(scale, source_line=448)
    assert (top["lower"], top["upper"], top["value_raw"]) == (91, 100, "$91 \\leq 100$")
    bottom = one(scale, source_line=452)
    assert pd.isna(bottom["lower"]) and bottom["upper"] == 50 and bottom["upper_inclusive"]


def test_tabel_2_5_levels_and_fill_down(frames):
    ind = frames["indicators"]
    t25 = ind[ind["table_id"] == "T0338"]
    assert len(t25) == 58  # 61 body rows less the three heading rows (lines 340-342): one target each
    assert t25["level"].astype(str).value_counts().to_dict() == {"sub_activity": 44, "activity": 8, "programme": 6}
    row = one(t25, source_line=361)  # continuation row after the page break at line 359
    assert row["objective"] == "Pemberian Pelayanan Reunifikasi Keluarga" and row["value"] == 6


def test_coverage_complete_and_every_indicator_mapped(built, frames):
    assert [u for u in built.coverage.uncovered if SRC in u] == []
    tables = frames["tables"]
    assert tables["destination"].notna().sum() + tables["excluded_because"].notna().sum() == len(tables) == 22
    assert set(frames["indicators"]["indicator_id"]) == {
        "pmks_reached_pct", "ppks_priority_independent_pct", "province_comparison", "average_achievement",
        "programme_indicator", "activity_indicator"}
