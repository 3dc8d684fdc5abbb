"""Sumenep 2020 in the tidy files: real values with the line they are printed on."""


import pytest

from conftest import frames_of, one

SRC = "sumenep_2020.txt"


@pytest.fixture(scope="module")
def frames(built):
    return frames_of(built, SRC)


INDICATORS = [
    # line, table, indicator_id, period, measure, value, unit, value_raw
    (190, "T0189", "pmks_total", 2020, "target", 100606, None, "100.606"),
    (191, "T0189", "pmks_reached_pct", 2020, "target", 4.40, "percent", "4,40%"),
    (212, "T0211", "poverty_rate_pct", 2020, "target", 19.34, "percent", "19,34%"),
    (213, "T0211", "social_problem_reduction_pct", 2020, "target", 0.50, "percent", "0,50%"),
    (215, "T0211", "pmks_total", 2020, "target", 100606, "persons", "100.606 orang"),
    (230, "T0229", "poverty_rate_pct", 2020, "realisation", 20.18, "percent", "20,18%"),
    (230, "T0229", "poverty_rate_pct", 2020, "achievement_pct", 96.78, "percent", "96,78%"),
    (232, "T0229", "average_achievement", 2020, "achievement_pct", 98.39, "percent", "98,39%"),
    (264, "T0263", "pmks_reached_pct", 2020, "achievement_pct", 1569.77, "percent", "1569,77%"),
    (265, "T0263", "pmks_total", 2020, "realisation", 197465, "persons", "197.465 org"),
    (266, "T0263", "average_achievement", 2020, "achievement_pct", 810.36, "percent", "810,36%"),
    (297, "T0295", "poverty_rate_pct", 2018, "realisation", 20.16, "percent", "20,16"),
    (297, "T0295", "poverty_rate_pct", 2019, "realisation", 19.48, "percent", "19,48"),
    (298, "T0295", "social_problem_reduction_pct", 2018, "realisation", 0.40, "percent", "0,40"),
    (311, "T0309", "pmks_reached_pct", 2021, "end_target", 4.50, "percent", "4,50"),
    (311, "T0309", "pmks_reached_pct", 2020, "progress_pct", 1532.66, "percent", "1.532,66"),
    (312, "T0309", "pmks_total", 2020, "realisation", 197465, "persons", "197.465"),
    (328, "T0326", "pmks_reached_pct", 2020, "target", 4.40, "percent", "4,40"),
    (329, "T0326", "pmks_total", 2020, "realisation", 197465, "persons", "197,465"),
    (150, "P0150", "pmks_total", 2018, "realisation", 243077, "persons", "243.077 jiwa"),
    (150, "P0150", "pmks_reached_pct", 2018, "numerator", 64261, "persons", "64.261 jiwa"),
    (150, "P0150", "pmks_reached_pct", 2018, "denominator", 243077, "persons", "243.077 jiwa"),
    (150, "P0150", "pmks_reached_pct", 2018, "realisation", 26.44, "percent", "26,44%"),
    (251, "P0251", "poverty_rate_pct", 2019, "realisation", 19.48, "percent", "19,48%"),
    (251, "P0251", "poverty_rate_pct", 2020, "realisation", 20.18, "percent", "20,18%"),
    (272, "P0272", "pmks_reached_pct", 2020, "denominator", 197465, "households", "197.465 KK"),
    (272, "P0272", "pmks_reached_pct", 2020, "numerator", 145086, "households", "145.086 KK"),
]


@pytest.mark.parametrize("line,table,indicator_id,period,measure,value,unit,raw", INDICATORS)
def test_indicators(frames, line, table, indicator_id, period, measure, value, unit, raw):
    row = one(frames["indicators"], source_line=line, table_id=table, indicator_id=indicator_id, period=period,
              measure=measure)
    assert row["value"] == pytest.approx(value)
    assert (row["unit"] if isinstance(row["unit"], str) else None) == unit
    assert row["value_raw"] == raw


def test_indicator_ids_and_origins(frames):
    ind = frames["indicators"]
    assert set(ind["indicator_id"]) == {"poverty_rate_pct", "social_problem_reduction_pct", "pmks_reached_pct",
                                        "pmks_total", "average_achievement"}
    assert one(ind, source_line=212, measure="target")["target_origin"] == "Perjanjian Kinerja"
    assert one(ind, source_line=190, measure="target")["target_origin"] == "Perjanjian Kinerja"
    assert one(ind, source_line=312, measure="end_target")["target_origin"] == "RPJMD"
    assert set(ind.loc[ind["table_id"].str.startswith("P"), "origin"]) == {"narrative"}
    # Continuation rows keep their objective (the merged cell is blank).
    assert one(ind, source_line=329, measure="target")["objective"] == (
        "Meningkatkan Kesejahteraan penyandang masalah kesejahteraan sosial (PMKS)")
    average = one(ind, source_line=232)
    assert (average["indicator"], average["objective"]) == ("RATA – RATA CAPAIAN",
                                                            "Meningkatkan Kesejahteraan Masyarakat")


BUDGET = [
    # line, table, level, name, measure, value, value_raw
    (190, "T0189", "programme", "Program Perlindungan dan Jaminan Sosial", "budget", 657770200, "657.770.200,-"),
    (190, "T0189", "programme", "Program Pemberdayaan dan Pembinaan Kelembagaan Kesejahteraan Sosial", "budget",
     324244100, "324.244.100,-"),
    (191, "T0189", "programme", "Program Peningkatan Pelayanan dan Rehabilitasi UPT", "budget", 225000000,
     "225.000.000,-"),
    (343, "P0343", "total", "Penjabaran Perubahan Anggaran Pendapatan dan Belanja Daerah Tahun 2020", "budget",
     23319682577, "Rp 23.319.682.577,00"),
    (348, "T0345", "spending_type", "a) Gaji dan Tunjangan", "realised", 4513892239, "4.513.892.239,00"),
    (350, "T0345", "spending_type", "c) Bantuan Sosial (Keuangan)", "absorption_pct", 90.67, "90,67"),
    (351, "T0345", "spending_group", "2. Belanja Langsung", "budget", 3548323356, "3.548.323.356,00"),
    (352, "T0345", "total", "JUMLAH", "budget", 23319682577, "23.319.682.577,00"),
    (352, "T0345", "total", "JUMLAH", "realised", 21938659555, "21.938.659.555,00"),
    (357, "T0356", "programme", "Program Peningkatan Manajemen dan Pelayanan Administrasi", "budget", 712399916,
     "712.399.916"),
    (366, "T0356", "activity", "Peringatan Hari-Hari Besar (Penyaluran Zakat Fitrah)", "absorption_pct", 56.66,
     "56,66%"),
    (377, "T0356", "activity", "Pendampingan Penyaluran Rastra/Bantuan Pangan Non Tunai", "budget", 800038300,
     "800.038.300"),
    (385, "T0356", "activity", "Pembinaan dan Bantuan bagi Penyandang Disabilitas", "budget", 19430000,
     "19.430.000"),
    (402, "T0356", "programme", "Program Pelestarian Nilai-Nilai Kepahlawanan dan Kesetiakawanan Sosial",
     "realised", 144594300, "144.594.300"),
    (408, "T0356", "spending_group", "JUMLAH", "budget", 3548323356, "3.548.323.356"),
]


@pytest.mark.parametrize("line,table,level,name,measure,value,raw", BUDGET)
def test_budget(frames, line, table, level, name, measure, value, raw):
    row = one(frames["budget"], source_line=line, table_id=table, name=name, measure=measure)
    assert row["level"] == level
    assert row["value"] == pytest.approx(value)
    assert row["value_raw"] == raw
    assert row["period"] == 2020


def test_budget_codes_and_hierarchy(frames):
    budget = frames["budget"]
    before = one(budget, source_line=374, measure="budget")
    after = one(budget, source_line=376, measure="budget")  # code split over columns 0-4 after the page break
    assert (before["code"], after["code"], after["name"]) == ("1 06 01 15", "1 06 01 15 02",
                                                              "Pemberdayaan Keluarga Miskin")
    assert after["parent"] == ("Program Pemberdayaan Fakir Miskin dan Penyandang Masalah Kesejahteraan Sosial "
                               "(PMKS) Lainnya")
    assert one(budget, source_line=406, measure="budget")["code"] == "1 06 01 21"
    assert one(budget, source_line=348, measure="budget")["parent"] == "1. Belanja Tidak Langsung"
    # Lines printing a code and a name but no amounts (the misaligned blocks) have no budget row.
    assert not budget["source_line"].isin([386, 390, 394, 397]).any()
    programmes = budget[(budget["table_id"] == "T0356") & (budget["level"] == "programme")
                        & (budget["measure"] == "budget")]
    assert len(programmes) == 8 and set(programmes["parent"]) == {"JUMLAH"}
    assert programmes["value"].sum() == 3548323356
    assert len(budget[budget["table_id"] == "T0356"]) == 3 * (50 - 4)  # 50 rows, 4 without amounts
    assert set(budget.loc[budget["table_id"] == "T0356", "fund_source"]) == {"APBD"}


EFFICIENCY = [
    # line, indicator, measure, value, value_raw
    (328, "1.1. Persentase penanganan PMKS", "budget", 1214050000, "1.214.050.000"),
    (328, "1.1. Persentase penanganan PMKS", "efficiency_pct", 1479.85, "1479,85%"),
    (329, "1.2. Jumlah PMKS", "realised", 2190600386, "2.190.600.386"),
    (329, "1.2. Jumlah PMKS", "absorption_pct", 93.84, "93,84%"),
    (329, "1.2. Jumlah PMKS", "efficiency_pct", -42.89, "-42,89%"),
    (331, None, "efficiency_pct", 718.48, "718,48%"),
]


@pytest.mark.parametrize("line,indicator,measure,value,raw", EFFICIENCY)
def test_efficiency(frames, line, indicator, measure, value, raw):
    row = one(frames["efficiency"], source_line=line, indicator=indicator, measure=measure)
    assert row["value"] == pytest.approx(value)
    assert row["value_raw"] == raw


SOCIAL_ASSISTANCE = [
    # line, programme_id, value, unit, funding_source
    (274, "RTLH", 217, "persons", None),
    (275, "Pemberdayaan Keluarga Miskin", 27, "persons", None),
    (275, "Beasiswa Keluarga Miskin", 65, "persons", None),
    (276, "BPNT", 144537, "households", "APBN"),
    (277, "Rehabilitasi Lanjut Usia", 60, "persons", None),
    (278, "ASLUT", 100, "persons", None),
    (280, "Bantuan Penyandang Disabilitas", 50, "persons", None),
    (281, "ASPDB", 30, "persons", None),
]


@pytest.mark.parametrize("line,programme_id,value,unit,source", SOCIAL_ASSISTANCE)
def test_social_assistance(frames, line, programme_id, value, unit, source):
    row = one(frames["social_assistance"], source_line=line, programme_id=programme_id)
    assert (row["measure"], row["period"], row["origin"]) == ("beneficiaries", 2020, "narrative")
    assert (row["value"], row["unit"]) == (value, unit)
    assert (row["funding_source"] if isinstance(row["funding_source"], str) else None) == source


def test_rating_scale(frames):
    scale = frames["rating_scales"].sort_values("rank")
    assert scale["label"].tolist() == ["Sangat Berhasil", "Berhasil", "Cukup Berhasil", "Kurang Berhasil"]
    top = one(scale, rank=1)
    assert (top["source_line"], top["lower"], bool(top["lower_inclusive"]), top["value_raw"]) == (
        202, 95, True, "$\\geq 95$")
    second = one(scale, rank=2)
    assert (second["source_line"], second["lower"], second["upper"], bool(second["upper_inclusive"])) == (
        203, 80, 95, False)


def test_coverage_is_complete(built, frames):
    assert not [u for u in built.coverage.uncovered if u.startswith(f"{SRC}:")]
    tables = frames["tables"].set_index("table_id")
    assert tables["destination"].notna().sum() == 10
    assert tables.loc["T0221", "excluded_because"] == "copy of T0211"
    assert tables.loc["T0242", "excluded_because"] == "copy of T0229"
    assert tables.loc["T0039", "excluded_because"] == "table of contents"
    assert (tables["destination"].notna() | tables["excluded_because"].notna()).all()


def test_audit_finds_the_reports_own_mistakes(frames):
    flags = frames["quality_flags"]
    achievement = flags[flags["check"] == "achievement"].set_index("source_line")
    assert achievement.loc[230, "expected"] == pytest.approx(19.34 / 20.18 * 100)  # printed 96,78 = 19,53/20,18
    assert achievement.loc[264, "expected"] == pytest.approx(73.47 / 4.40 * 100)  # printed 1569,77
    assert one(flags, check="copy", source_line=243)["printed"] == 19.53
