"""Dinas Sosial Kota Pasuruan, LKjIP 2022 (data/raw/pasuruan_2022.txt).

What the table finder sees: ``lkjip tables data/raw/pasuruan_2022.txt`` (22 tab tables,
no copies). One goal (tujuan) with one indicator, one objective (sasaran) with one
indicator (the IKU "% PPKS yang terakses layanan sosial dasar"), five programmes, seven
activities (kegiatan) and eighteen sub-activities. Every value is kept as printed; the
report's slips are listed in ``notes`` for the audit.
"""

from ..vocabulary import Exclude, Melt, Pick, Quote, Recipe, Scale, Value, melt_values

YEAR = 2022
PK = "Perjanjian Kinerja"
GOAL = {"level": "goal"}
OBJECTIVE = {"level": "objective"}
PROVINCE = {"indicator_id": "province_comparison"}  # Tabel 3.5: East Java's figure, another indicator

# The objective and its single IKU as printed in Tabel 2.4 (line 314) and Tabel 3.2 (line 466).
SASARAN = "Meningkatnya Layanan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"
IKU = "%PPKS yang terakses layanan sosial dasar"

# The five programmes and their budgets, a list outside any table (lines 318-332).
PROGRAMMES = {  # budget line -> (programme as printed on its line, that line, amount as printed)
    328: ("Program Pemberdayaan Sosial", 320, "Rp. 21.395.652.799,00"),
    329: ("Pogram Rehabilitasi Sosial", 321, "Rp. 1.584.364.538,00"),
    330: ("Program Perlindungan dan Jaminan Sosial", 322, "Rp. 910.160.954,00"),
    331: ("Penanganan Bencana", 323, "Rp. 137.134.680,00"),
    332: ("Pengelolaan Taman Makam Pahlawan Kabupaten/Kota", 324, "Rp. 27.982.480,00"),
}
PROGRAMME_OF_ACTIVITY = {  # T0408 activity line -> its programme (Tabel 2.5, lines 343-404)
    409: PROGRAMMES[328][0],
    416: PROGRAMMES[329][0], 419: PROGRAMMES[329][0],
    424: PROGRAMMES[330][0],
    427: PROGRAMMES[331][0], 433: PROGRAMMES[331][0],
    435: PROGRAMMES[332][0],
}


def _lines(*spans: tuple[int, int] | int) -> list[int]:
    out: list[int] = []
    for s in spans:
        out.extend(range(s[0], s[1] + 1) if isinstance(s, tuple) else [s])
    return out


# Tabel 2.5 (lines 343-404): the level of each row, following the budget table T0408
# (1 = kegiatan/activity, 1.1 = sub kegiatan/sub-activity). A row with an empty first
# column continues the programme or activity above it (fill_down).
TABEL_2_5_LEVELS = {
    **{n: "programme" for n in (343, 344, 350, 379, 393, 402)},
    **{n: "activity" for n in (345, 351, 365, 380, 394, 400, 403, 404)},
    **{n: "sub_activity" for n in _lines((346, 349), (352, 357), 361, (362, 364), (366, 378), (381, 386),
                                         (388, 392), (395, 399), 401)},
}

# Tabel 3.8 (lines 604-618): programme rows print "PROGRAM ...", the others are activities.
TABEL_3_8_LEVELS = ((4, r"^PROGRAM\b", "programme"),)

# Tabel 3.9 (lines 632-636): the objective's budget, then its programmes.
TABEL_3_9_OBJECTIVE = "Meningkatnya Layanan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"

# Conclusion table (T0650, line 654): average achievement and the count / share of
# indicators per category (Sangat berhasil, Berhasil, Cukup, Kurang).
CATEGORIES = ("very_successful", "successful", "sufficient", "insufficient")
CONCLUSION_VALUES = (
    Value(3, "average_achievement_pct", YEAR, kind="percent"),
    *(v for i, cat in enumerate(CATEGORIES) for v in (
        Value(4 + 2 * i, f"count_{cat}", YEAR, kind="count", unit="indicators"),
        Value(5 + 2 * i, f"share_{cat}_pct", YEAR, kind="percent"),
    )),
)
CONCLUSION_INDICATOR = "1 (satu) Sasaran : % PPKS yang terakses layanan sosialdasar"  # T0650 line 654, column 2


def _apbd_total(line: int, year: int) -> Melt:
    """Tabel 1.1: one row per year; the year column is read into ``period`` (the Value's period)."""
    return Melt("budget", (Value(2, "budget", year, kind="rupiah"),),
                labels={"name": 0, "fund_source": 0, "period": 1}, fixed={"level": "total"},
                rows=(line, line), expect="Perbandingan Anggaran")


def _t0408(first: int, last: int, code: int | tuple[int, ...], name: int, amount: int) -> Melt:
    """T0408 (activity/sub-activity budgets); its columns shift after the page break at line 412."""
    return Melt(
        "budget", (Value(amount, "budget", YEAR, kind="rupiah"),),
        labels={"code": code, "name": name}, fixed={"level": "activity"},
        levels=(((code if isinstance(code, int) else code[1]), r"^\d+\.\d+$", "sub_activity"),),
        row_fields={n: {"parent": p} for n, p in PROGRAMME_OF_ACTIVITY.items() if first <= n <= last},
        rows=(first, last), expect="Kegiatan / Sub Kegiatan",
    )


def _conclusion_pick(text: str, measure: str) -> Pick:
    """Line 656 states in words the counts per category of the conclusion table."""
    return Pick("indicators", 656, text, measure,
                {"level": "objective", "objective": SASARAN, "indicator": CONCLUSION_INDICATOR,
                 "indicator_id": "average_achievement", "period": YEAR}, kind="count", unit="indicators")


_T_P_R = {2: ("target", YEAR), 3: ("realisation", YEAR), 4: ("achievement_pct", YEAR)}

# The indicator labels this report prints, as printed, under the canonical id each measures
# (ids defined in lkjip_analysis/reference/indicators.yaml; leading numbering such as "1.1."
# is ignored when matching).
INDICATOR_LABELS = {
    "pmks_reached_pct": (
        "Presentase PPKS Yang Terakses Layanan Sosial Dasar",
        "Presentase PPKS yang terakses layanan sosial dasar",
        "%PPKS yang terakses layanan sosial dasar",
        "% PPKS yang terakses layanan sosial dasar",
        "Persentase PPKS yang terakses layanan sosial dasar",
    ),
    "ppks_priority_independent_pct": (
        "Presentase Peningkatan PPKS prioritas yang mandiri memenuhi kebutuhan sosial dasarnya",
        "Presentase PPKS prioritas yang mandiri memenuhi kebutuhan sosial dasarnya",
        "Persentase peningkatan PPKS prioritas yang mandiri memenuhi kebutuhan sosial dasarnya",
    ),
}

# How this report defines or prints a canonical indicator, where it differs from the plain
# definition in reference/indicators.yaml: printed in the data card and headline_indicators.
INDICATOR_NOTES = {
    "pmks_reached_pct": "Counts PPKS with access to basic social services.",
    "ppks_priority_independent_pct": "The city's goal-level indicator (Renstra 2021-2026).",
    "province_comparison": "The province's figure measures something else (PPKS in care homes).",
}

# Sentences the analysis quotes beside the numbers (checked against their lines by the build).
QUOTES = (
    Quote("aid", 497, "anak yatim covid-19",
          "a plan to give social aid to orphans, children orphaned by Covid-19, the elderly, people with disabilities and others, with no counts or amounts"),
    Quote("efficiency", 584, "membandingkan antara ketercapaian target kinerja dengan anggaran",
          "efficiency “compares the achievement of the performance targets with the budget used”; no formula"),
)

RECIPE = Recipe(
    report="pasuruan_2022.txt",
    indicator_labels=INDICATOR_LABELS,
    indicator_notes=INDICATOR_NOTES,
    quotes=QUOTES,
    tables={
        "T0063": Exclude("table of contents", expect="DAFTAR ISI"),
        "T0096": Exclude("list of tables (table of contents)", expect="DAFTAR TABEL"),
        "T0115": Exclude("list of figures (table of contents)", expect="DAFTAR GAMBAR"),
        "T0163": (_apbd_total(165, 2021), _apbd_total(166, 2022)),
        "T0212": Exclude("outline of the report's chapters (sistematika): text only", expect="Pendahuluan"),
        # Tabel 2.1: Renstra targets 2022-2026 of the goal (row 272) and objective (row 273) indicators.
        "T0269": Melt("indicators",
                      melt_values({4 + i: ("target", y) for i, y in enumerate(range(2022, 2027))}, kind="percent"),
                      labels={"objective": (1, 2), "indicator": 3}, numbering=0,
                      fixed={"target_origin": "Renstra"},
                      row_fields={272: GOAL, 273: OBJECTIVE}, expect="Tabel 2.1"),
        "T0285": Exclude("IKU definition (Tabel 2.2): operational definition, formula and data source as text; "
                         "its only number is the row number (Satuan '%')", expect="Tabel 2.2"),
        # Tabel 2.3: Renja 2022. Row 301 prints the objective in the indicator column
        # (and "1.1" in the objective column): the objective's single IKU, target 90 %.
        "T0298": (
            Melt("indicators", (Value(5, "target", YEAR, kind="percent"),),
                 labels={"objective": 1, "indicator": 3}, numbering=0,
                 fixed={**GOAL, "target_origin": "Renja"}, rows=(300, 300), expect="Tabel 2.3"),
            Melt("indicators", (Value(5, "target", YEAR, kind="percent"),),
                 labels={"objective": 3, "indicator": 3}, numbering=2,
                 fixed={**OBJECTIVE, "target_origin": "Renja", "indicator_id": "pmks_reached_pct"},
                 rows=(301, 301)),
        ),
        "T0313": Melt("indicators", (Value(3, "target", YEAR, kind="percent"),),
                      labels={"objective": 1, "indicator": 2}, numbering=0,
                      fixed={**OBJECTIVE, "target_origin": PK}, expect="Tabel 2.4"),
        # Tabel 2.5: programme / activity / sub-activity indicators with their 2022 targets
        # (DPA 2022, line 406), units as printed in each cell.
        "T0338": Melt("indicators", (Value(2, "target", YEAR),),
                      labels={"objective": 0, "indicator": 1}, fill_down=("objective",),
                      fixed={"target_origin": "DPA"},
                      row_fields={n: {"level": lv} for n, lv in TABEL_2_5_LEVELS.items()},
                      rows=(343, 404), expect="Tabel 2.5"),
        # Activity (1, 2, ...) and sub-activity (1.1, ...) budgets; the page break at line 412
        # moves the code to column 1 (sub-activities), the name to 2 and the amount to 4.
        "T0408": (_t0408(409, 411, 0, 1, 2), _t0408(414, 435, (0, 1), 2, 4)),
        "T0447": Scale("performance achievement (Permendagri 86/2017)", band=2, label=(1,), numbering=0,
                       expect="Tabel 3.1"),
        "T0464": Melt("indicators",
                      (Value(4, "target", YEAR, kind="percent", fields={"target_origin": PK}),
                       Value(5, "realisation", YEAR, kind="percent"),
                       Value(6, "achievement_pct", YEAR, kind="percent")),
                      labels={"objective": 1, "indicator": 2}, numbering=0, fixed=OBJECTIVE, expect="Tabel 3.2"),
        # Tabel 3.2.1 names no objective: the heading above it (line 479) does.
        "T0485": Melt("indicators", melt_values({2: ("target", YEAR), 3: ("realisation", YEAR),
                                                 4: ("achievement_pct", YEAR)}, kind="percent"),
                      labels={"indicator": 1}, numbering=0,
                      fixed={**OBJECTIVE,
                             "objective": "Meningkatkan layanan pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"},
                      expect="Tabel 3.2.1"),
        # Tabel 3.3: the target (no year printed), realisations 2020, 2021 and "Tahun n" = 2022.
        "T0521": Melt("indicators", melt_values({3: ("target", None), 4: ("realisation", 2020),
                                                 5: ("realisation", 2021), 6: ("realisation", YEAR)}, kind="percent"),
                      labels={"objective": 1, "indicator": 2}, numbering=0, fixed=OBJECTIVE, expect="Tabel 3.3"),
        # Tabel 3.4: realisation 2022, the Renstra end target (2026, line 531) and progress.
        "T0535": Melt("indicators",
                      (Value(3, "realisation", YEAR, kind="percent"),
                       Value(4, "end_target", kind="percent", fields={"target_origin": "Renstra"}),
                       Value(5, "progress_pct", YEAR, kind="percent")),
                      labels={"objective": 1, "indicator": 2}, numbering=0, fixed=OBJECTIVE, expect="Tabel 3.4"),
        # Tabel 3.5: the province's figure measures another indicator (PPKS in care homes,
        # line 553): province_comparison, no unit printed.
        "T0547": Melt("indicators",
                      (Value(3, "realisation", YEAR, kind="percent"),
                       Value(4, "benchmark", YEAR, kind="decimal", fields=PROVINCE),
                       Value(5, "benchmark_ratio", YEAR, kind="decimal", fields=PROVINCE)),
                      labels={"objective": 1, "indicator": 2}, numbering=0, fixed=OBJECTIVE, expect="Tabel 3.5"),
        "T0563": Melt("indicators", melt_values({3: ("target", YEAR), 4: ("realisation", YEAR),
                                                 5: ("achievement_pct", YEAR)}, kind="percent"),
                      labels={"objective": 1, "indicator": 2}, numbering=0, fixed=OBJECTIVE, expect="Tabel 3.6"),
        # Tabel 3.7: performance (no indicator name printed: the objective's single IKU),
        # budget and efficiency of the objective.
        "T0577": (
            Melt("indicators", melt_values(_T_P_R, kind="percent"), labels={"objective": 1}, numbering=0,
                 fixed={**OBJECTIVE, "indicator": IKU}, expect="Tabel 3.7"),
            Melt("budget", (Value(5, "budget", YEAR, kind="rupiah"), Value(6, "realised", YEAR, kind="rupiah"),
                            Value(7, "absorption_pct", YEAR, kind="percent")),
                 labels={"name": 1}, fixed=OBJECTIVE),
            Melt("efficiency", melt_values({4: ("achievement_pct", None), 7: ("absorption_pct", None),
                                            8: ("efficiency_pct", None)}, kind="percent"),
                 labels={"objective": 1}),
        ),
        # Tabel 3.8: goal and objective achievements (rows 602-603), then programme and
        # activity achievements (rows 604-618). Row 603 also prints 100 % in the programmes'
        # Capaian column with no programme named: kept as programme_achievement_pct.
        "T0600": (
            Melt("indicators", (Value(3, "achievement_pct", YEAR, kind="percent"),
                                Value(6, "programme_achievement_pct", YEAR, kind="percent")),
                 labels={"objective": 1, "indicator": 2}, numbering=0,
                 row_fields={602: GOAL, 603: OBJECTIVE}, rows=(602, 603), expect="Tabel 3.8"),
            Melt("indicators", (Value(6, "achievement_pct", YEAR, kind="percent"),),
                 labels={"objective": 4, "indicator": 5}, numbering=0, fixed={"level": "activity"},
                 levels=TABEL_3_8_LEVELS, rows=(604, 618)),
        ),
        # Tabel 3.9: the objective's budget (row 632), then four of the five programmes.
        "T0630": Melt("budget", (Value(1, "budget", YEAR, kind="rupiah"), Value(2, "realised", YEAR, kind="rupiah"),
                                 Value(3, "absorption_pct", YEAR, kind="percent")),
                      labels={"name": 0}, fixed={"level": "programme", "parent": TABEL_3_9_OBJECTIVE},
                      row_fields={632: {"level": "objective", "parent": None}}, expect="Tabel 3.9"),
        "T0650": Melt("indicators", CONCLUSION_VALUES, labels={"objective": 1, "indicator": 2}, numbering=0,
                      fixed={**OBJECTIVE, "indicator_id": "average_achievement"}, rows=(654, 654),
                      expect="Rata-rata capaian kinerja sasaran"),
    },
    picks=(
        *(Pick("budget", line, amount, "budget",
               {"level": "programme", "name": name, "period": YEAR}, kind="rupiah")
          for line, (name, _name_line, amount) in PROGRAMMES.items()),
        # 3.1.5 (line 555): who the IKU counts, and the budget behind it; the province's figures.
        Pick("indicators", 555, "dengan sebanyak 20.429 KPM", "numerator",
             {"level": "objective", "objective": SASARAN,
              "indicator": "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang terakses layanan sosial dasar "
                           "Dinas Sosial Kota Pasuruan",
              "indicator_id": "pmks_reached_pct", "period": YEAR}, kind="count"),
        Pick("budget", 555, "total alokasi anggaran sebesar Rp. 17.654.523.994", "budget",
             {"level": "objective",
              "name": "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang terakses layanan sosial dasar Dinas "
                      "Sosial Kota Pasuruan", "period": YEAR}, kind="rupiah"),
        Pick("indicators", 555, "adalah sebanyak 627.738", "numerator",
             {"level": "objective", "objective": SASARAN,
              "indicator": "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) Terlantar yang mendapatkan pelayanan dan "
                           "rehabilitasi sosial di dalam panti Dinas Sosial Provinsi Jawa Timur",
              "indicator_id": "province_comparison", "period": YEAR}, kind="count"),
        Pick("budget", 555, "alokasi anggaran sebesar Rp. 70.061.854.430", "budget",
             {"level": "benchmark", "parent": "Dinas Sosial Provinsi Jawa Timur",
              "name": "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) Terlantar yang mendapatkan pelayanan dan "
                      "rehabilitasi sosial di dalam panti Dinas Sosial Provinsi Jawa Timur", "period": YEAR},
             kind="rupiah"),
        # 3.1.7 (lines 586-588): verification of the APBD aid recipients, proposals for APBN aid.
        Pick("social_assistance", 586, "Sejumlah 4.587 KPM", "households_verified",
             {"programme": "verifikasi dan validasi data KPM (Keluarga Penerima Manfaat) penerima bantuan APBD",
              "programme_id": "APBD aid verification", "funding_source": "APBD", "period": YEAR}, kind="count"),
        Pick("social_assistance", 586, "dengan hasil 2.095 KPM dinyatakan layak", "households_eligible",
             {"programme": "verifikasi dan validasi data KPM (Keluarga Penerima Manfaat) penerima bantuan APBD",
              "programme_id": "APBD aid verification", "funding_source": "APBD", "period": YEAR}, kind="count"),
        Pick("social_assistance", 588, "BPNT sebanyak 1.619 KPM", "households_proposed",
             {"programme": "BPNT", "programme_id": "BPNT", "funding_source": "APBN", "period": YEAR}, kind="count"),
        Pick("social_assistance", 588, "PKH sebanyak 49 KPM", "households_proposed",
             {"programme": "PKH", "programme_id": "PKH", "funding_source": "APBN", "period": YEAR}, kind="count"),
        # IV (line 656): the conclusion table's counts in words (the table prints 109 as the count).
        _conclusion_pick("ada0 (Nihil) IndikatorSasaran yang masuk kategori “ Sangat Berhasil",
                         "count_very_successful"),
        _conclusion_pick("1 (satu) indikatorSasaran masuk kategori“ **Berhasil**", "count_successful"),
        _conclusion_pick("“,0 (Nihil) IndikatorSasaran masuk kategori“ Cukup", "count_sufficient"),
        _conclusion_pick("dan 0 (Nihil)IndikatorSasaran masuk kategori ‘ Kurang", "count_insufficient"),
    ),
    notes=(
        "T0408 line 410 prints 'Rp. 36.0509.030' (malformed; kept missing). The sub-activities 1.1-1.4 sum to "
        "activity 1 (21.395.652.799, line 409) only if it reads 360.509.030.",
        "T0408 line 424: activity 4 prints Rp. 910.960.954, but its sub-activities (lines 425-426) sum to "
        "910.160.954, the amount of line 330; Tabel 3.9 line 634 prints 'Rp91-.160.954' (malformed).",
        "Tabel 3.9 line 636 prints Rp287.982.480 for Taman Makam Pahlawan; lines 332 and 435 print 27.982.480, "
        "and the printed absorption 72,24 % (line 636) fits 27.982.480 (flag: same_quantity T0630 line 636) "
        "(flag: absorption T0630 line 636); line 332 is flagged too.",
        "Tabel 3.9 line 632: objective budget Rp24.055.295.545, but the five programme budgets (lines 328-332) "
        "sum to 24.055.295.451; Tabel 3.9 leaves out Program Rehabilitasi Sosial (1.584.364.538, line 329).",
        "The 2022 budget is printed four ways: 28.155.762.151 (Tabel 1.1 line 166), 28.568.613.969 (Tabel 3.7 "
        "line 580), 24.055.295.545 (Tabel 3.9 line 632) and 17.654.523.994 (line 555).",
        "Tabel 3.7 line 580: efficiency 67,5 does not follow from achievement 109 and absorption 76,93 "
        "(109 - 76,93 = 32,07).",
        "Tabel 3.4 line 537: progress 100 % printed; 98,2 / 99 = 99,2 %.",
        "Line 527 calls 98,2 % the average of the realisations of Tabel 3.3 (3,97; 57,05; 98,2 -> 53,07).",
        "Tabel 3.5 line 549: 'Capaian' 1,32 is neither 98,2 / 0,13 (755) nor 0,13 / 98,2.",
        "Conclusion table line 654 prints 109 (the average) as the count of indicators rated 'Berhasil'; "
        "line 656 says 1. Tabel 3.1 (lines 448-452) would rate 109 'Sangat Tinggi' (>= 91) and line 488 'AA / "
        "Sangat Memuaskan'; Tabel 3.1's bands leave gaps (90-91, 75-76, 65-66, 50-51) and stop at 100.",
        "Tabel 2.3 line 301 prints the objective in the indicator column ('1.1' in the objective column); the "
        "row is the objective's single IKU (target 90 %, as Tabel 2.1 line 273 and Tabel 2.4 line 314).",
        "Tabel 2.3 line 300 names the goal indicator without 'Peningkatan' (Tabel 2.1 line 272 has it).",
        "Tabel 3.7 (line 580) prints no indicator name; the recipe records the objective's single IKU as printed "
        "in Tabel 2.4 (line 314).",
        "Tabel 3.8 line 603 prints 100 % in the programme/activity Capaian column of the objective row with no "
        "programme named (programme_achievement_pct); line 602 gives the goal indicator 100 % although no "
        "realisation of it is printed anywhere.",
        "Tabel 2.5 line 352: 220 persons for family reunification; the detail rows (353-357, 361) sum to 219.",
        "Tabel 2.5 prints odd units: 'Jumlah Rapat Koordinasi' 90 % (line 400), a number of KPM as '7 Item' "
        "(line 384, which counts the 7 rows below it), 'Jenis PMKS' as '26 Orang' (line 367).",
        "Line 45 announces 6 programmes, 14 activities and 38 sub-activities; the report lists 5, 7 and 18.",
        "The list of tables (lines 99-101, 115) and Tabel 2.5 (line 342) name 'Dinas Tenaga Kerja'.",
    ),
)
