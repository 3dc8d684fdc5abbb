"""Dinas Sosial Kabupaten Sumenep, LKjIP 2020 (data/raw/sumenep_2020.txt).

What the table finder sees: ``lkjip tables data/raw/sumenep_2020.txt``. The copies
T0221 (of T0211) and T0242 (of T0229) are excluded automatically; the audit compares
them with the first printing.

Two strategic objectives (sasaran), four indicators: the poverty rate and the reduction
of social problems (objective 1), the share of PMKS handled and the number of PMKS
(objective 2). Where one column mixes percentages and counts without printing a unit
(the "Satuan" column says which), each row gets its own ``Melt`` so that every value is
read with the kind and unit its row prints.
"""

from ..vocabulary import Exclude, Melt, Pick, Recipe, Scale, Value, melt_values

YEAR = 2020
PK = "Perjanjian Kinerja"
OBJECTIVE = {"level": "objective"}
APBD = {"fund_source": "APBD"}  # lines 340-343: the 2020 APBD and its amendment

# Objectives as printed in the tables (a continuation row leaves the merged cell blank).
SASARAN_1 = "Meningkatkan Kesejahteraan Masyarakat"  # lines 212, 230, 297
SASARAN_2 = "Meningkatkan Kesejahteraan penyandang masalah kesejahteraan sosial (PMKS)"  # 214, 264, 311, 328

# Indicators as printed in the prose (labels in reference/indicators.yaml).
POVERTY = "Angka Kemiskinan"  # heading "a. Angka Kemiskinan", line 249
PMKS_REACHED = "Persentase penanganan PMKS"  # heading "a. Persentase penanganan PMKS", line 270
PMKS_REACHED_150 = "Prosentase penanganan PMKS"  # line 150
PMKS_TOTAL_150 = "Jumlah Penyandang Masalah Kesejahteraan Sosial (PMKS)"  # line 150

AVERAGE = {"indicator_id": "average_achievement"}

# Tabel of programmes and activities (T0356): the level follows the name printed.
BUDGET_LEVELS = ((r"^JUMLAH$", "spending_group"), (r"^Program\b", "programme"), (r".", "activity"))


def _budget_levels(col: int, *, total: bool = True) -> tuple[tuple[int, str, str], ...]:
    """``total=False`` for a part of the table without the JUMLAH row."""
    return tuple((col, pattern, level) for pattern, level in BUDGET_LEVELS if total or level != "spending_group")


def _budget_values(first: int) -> tuple[Value, ...]:
    return (Value(first, "budget", YEAR, kind="rupiah"), Value(first + 1, "realised", YEAR, kind="rupiah"),
            Value(first + 2, "absorption_pct", YEAR, kind="percent"))


def _row(line: int, values: tuple[Value, ...], *, objective: str | None = None, expect: str | None = None) -> Melt:
    """One body row of an indicator table whose value columns change kind from row to row.

    ``objective`` is given for a continuation row, whose merged objective and number cells
    are blank.
    """
    return Melt("indicators", values, labels={"objective": 1, "indicator": 2}, numbering=None if objective else 0,
                fixed=OBJECTIVE, rows=(line, line),
                row_fields={line: {"objective": objective}} if objective else {}, expect=expect)


# Perjanjian Kinerja matrix (T0189): the ANGGARAN cell lists one amount per programme of
# the PROGRAM cell's list, in the same order.
PK_PROGRAMMES = {
    190: ("657.770.200,- 224.670.000,- 324.244.100,-",
          ("Program Perlindungan dan Jaminan Sosial",
           "Program Penanggulangan Bencana Berbasis Masyarakat",
           "Program Pemberdayaan dan Pembinaan Kelembagaan Kesejahteraan Sosial")),
    191: ("950.071.800,- 279.916.840,- 225.000.000,-",
          ("Program Pemberdayaan Keluarga Miskin dan Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya",
           "Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial",
           "Program Peningkatan Pelayanan dan Rehabilitasi UPT")),
}


def _pk_budget() -> tuple[Pick, ...]:
    return tuple(
        Pick("budget", line, cell, "budget", {"level": "programme", "name": name, "period": YEAR}, col=5, nth=i,
             kind="rupiah")
        for line, (cell, names) in PK_PROGRAMMES.items() for i, name in enumerate(names)
    )


def _indicator(line: int, text: str, measure: str, objective: str, indicator: str, period: int,
               nth: int = 0) -> Pick:
    """A figure of the prose: the ``nth`` number of ``text`` (its unit printed after it)."""
    return Pick("indicators", line, text, measure,
                {**OBJECTIVE, "objective": objective, "indicator": indicator, "period": period}, nth=nth)


def _average(line: int, objective: str) -> Melt:
    """'RATA – RATA CAPAIAN': the objective's average achievement, its label in column 0."""
    return Melt("indicators", (Value(5, "achievement_pct", YEAR, kind="percent"),), labels={"indicator": 0},
                fixed={**OBJECTIVE, "objective": objective, **AVERAGE}, rows=(line, line))


# Lines 274-281: what the PMKS handled in 2020 (line 272) were handled with.
ACTIVITIES = (
    (274, "Rumah Tidak layak Huni sebanyak 217 orang",
     "Pembinaan dan Penyerahan Bantuan Stimulan untuk Rumah Tidak layak Huni", "RTLH", None),
    (275, "sebanyak 27 orang",
     "Pemberdayaan Keluarga Miskin (pedagang kecil, pemulung dan wanita rawan sosial ekonomi)",
     "Pemberdayaan Keluarga Miskin", None),
    (275, "sebanyak 65 orang", "Pemberdayaan Keluarga Miskin (bantuan beasiswa)", "Beasiswa Keluarga Miskin", None),
    (276, "sebanyak 144.537 KK", "Pendampingan Penyaluran Rastra/Bantuan Pangan Non Tunai", "BPNT", "APBN"),
    (277, "lanjut usia sebanyak 60 orang", "Rehabilitasi dan Peningkatan Motivasi bagi lanjut usia",
     "Rehabilitasi Lanjut Usia", None),
    (278, "sebanyak 100 orang", "Asistensi Sosial Lanjut Usia Telantar (ASLUT)", "ASLUT", None),
    (280, "sebanyak 50 orang", "Pembinaan dan Bantuan bagi Penyandang Cacat", "Bantuan Penyandang Disabilitas",
     None),
    (281, "sebanyak 30 orang", "Asistensi Sosial Penyandang Disabilitas Berat", "ASPDB", None),
)


def _activities() -> tuple[Pick, ...]:
    return tuple(
        Pick("social_assistance", line, text, "beneficiaries",
             {"programme": programme, "programme_id": pid, "period": YEAR,
              **({"funding_source": source} if source else {})}, kind="count")
        for line, text, programme, pid, source in ACTIVITIES
    )


# The indicator labels this report prints, as printed, under the canonical id each measures
# (ids defined in lkjip_analysis/reference/indicators.yaml; leading numbering such as "1.1."
# is ignored when matching).
INDICATOR_LABELS = {
    "pmks_reached_pct": (
        "Prosentase Penanganan PMKS",
        "1.1. Persentase penanganan PMKS",
        "2.1. Persentase penanganan PMKS",
        "2.1 Persentase penanganan PMKS",
    ),
    "poverty_rate_pct": (
        "1.1. Angka Kemiskinan",
    ),
    "social_problem_reduction_pct": (
        "1.2. Penurunan Masalah Sosial",
    ),
    "pmks_total": (
        "Jumlah PMKS",
        "1.2. Jumlah PMKS",
        "2.2. Jumlah PMKS",
        "2.2 Jumlah PMKS",
        "Jumlah Penyandang Masalah Kesejahteraan Sosial (PMKS)",
    ),
}

# How this report defines or prints a canonical indicator, where it differs from the plain
# definition in reference/indicators.yaml: printed in the data card and headline_indicators.
INDICATOR_NOTES = {
    "pmks_reached_pct": "Counts households reached by empowerment and BPNT (145.086 of 197.465 KK).",
    "poverty_rate_pct": "The BPS figure, quoted; the report's achievement formula for it is its own.",
    "social_problem_reduction_pct": "The report does not define its computation.",
    "pmks_total": "Target 100.606, realisation 197.465 (DTKS October 2020); 243.077 jiwa (persons) for 2018, and for 2020 orang in the tables but KK (households) in the prose.",
}

RECIPE = Recipe(
    report="sumenep_2020.txt",
    indicator_labels=INDICATOR_LABELS,
    indicator_notes=INDICATOR_NOTES,
    tables={
        "T0039": Exclude("table of contents", expect="DAFTAR ISI"),
        "T0182": Exclude("text only: mission, goal and objective (Misi/Tujuan/Sasaran); its numbers are the "
                         "items' numbering", expect="Misi Tujuan Sasaran"),
        # Matrik Perjanjian Kinerja: targets ("100.606" is the number of PMKS, printed without a
        # unit, hence kind count; "4,40%" prints its %). The ANGGARAN cells are taken by the picks.
        "T0189": Melt("indicators", (Value(3, "target", YEAR, kind="count"),),
                      labels={"objective": 1, "indicator": 2}, fill_down=("objective",),
                      fixed={**OBJECTIVE, "target_origin": PK}, expect="ANGGARAN Rp."),
        "T0201": Scale("achievement of performance targets (capaian kinerja, percent)", band=1, label=(2,),
                       numbering=0, expect="Nilai Angka Predikat"),
        # A. Target kinerja dalam Perjanjian Kinerja (units printed in the cells).
        "T0211": Melt("indicators", (Value(3, "target", YEAR),), labels={"objective": 1, "indicator": 2},
                      numbering=0, fill_down=("objective",), fixed={**OBJECTIVE, "target_origin": PK},
                      expect="Target 1 Meningkatkan Kesejahteraan Masyarakat"),
        # B. Realisation against the Perjanjian Kinerja targets, objective 1, with its average.
        "T0229": (
            Melt("indicators",
                 (Value(3, "target", YEAR, kind="percent", fields={"target_origin": PK}),
                  *melt_values({4: ("realisation", YEAR), 5: ("achievement_pct", YEAR)}, kind="percent")),
                 labels={"objective": 1, "indicator": 2}, numbering=0, fill_down=("objective",), fixed=OBJECTIVE,
                 skip=(232,), expect="Angka Kemiskinan 19,34% 20,18%"),
            _average(232, SASARAN_1),
        ),
        # ... objective 2 (targets and realisations print their units: % and org).
        "T0263": (
            Melt("indicators",
                 (Value(3, "target", YEAR, fields={"target_origin": PK}), Value(4, "realisation", YEAR),
                  Value(5, "achievement_pct", YEAR, kind="percent")),
                 labels={"objective": 1, "indicator": 2}, numbering=0, fill_down=("objective",), fixed=OBJECTIVE,
                 skip=(266,), expect="Persentase penanganan PMKS 4,40% 73,47%"),
            _average(266, SASARAN_2),
        ),
        # C. Realisation 2018-2020 (Satuan %).
        "T0295": Melt("indicators", melt_values({4: ("realisation", 2018), 5: ("realisation", 2019),
                                                 6: ("realisation", 2020)}, kind="percent"),
                      labels={"objective": 1, "indicator": 2}, numbering=0, fill_down=("objective",),
                      fixed=OBJECTIVE, expect="Realisasi 2018 2019 2020"),
        # D. Against the end of the RPJMD 2016-2021: Satuan % (line 311) and orang (line 312).
        "T0309": (
            _row(311, (Value(4, "realisation", YEAR, kind="percent"),
                       Value(5, "end_target", 2021, kind="percent", fields={"target_origin": "RPJMD"}),
                       Value(6, "progress_pct", YEAR, kind="percent")), expect="TARGET 2021"),
            _row(312, (Value(4, "realisation", YEAR, kind="count", unit="persons"),
                       Value(5, "end_target", 2021, kind="count", unit="persons", fields={"target_origin": "RPJMD"}),
                       Value(6, "progress_pct", YEAR, kind="percent")), objective=SASARAN_2),
        ),
        # E. Efficiency: the Kinerja part (Satuan % and orang; "197,465" has an English
        # thousands separator) to indicators, Capaian, Anggaran and Tingkat Efisiensi to efficiency.
        "T0326": (
            _row(328, melt_values({4: ("target", YEAR), 5: ("realisation", YEAR), 6: ("achievement_pct", YEAR)},
                                  kind="percent"), expect="Tingkat Efisiensi"),
            _row(329, (Value(4, "target", YEAR, kind="count", unit="persons"),
                       Value(5, "realisation", YEAR, kind="count", unit="persons"),
                       Value(6, "achievement_pct", YEAR, kind="percent")), objective=SASARAN_2),
            Melt("efficiency", (Value(6, "achievement_pct", kind="percent"), Value(7, "budget", kind="rupiah"),
                                Value(8, "realised", kind="rupiah"), Value(9, "absorption_pct", kind="percent"),
                                Value(10, "efficiency_pct", kind="percent")),
                 labels={"objective": 1, "indicator": 2}, numbering=0, fill_down=("objective",)),
        ),
        # II. Realisasi anggaran: by spending group and type. "1. Belanja Tidak Langsung"
        # prints no amounts, so it has no row of its own; its types name it as parent.
        "T0345": Melt("budget", _budget_values(1), labels={"name": 0}, fixed=APBD,
                      row_fields={**{n: {"level": "spending_type", "parent": "1. Belanja Tidak Langsung"}
                                     for n in (348, 349, 350)},
                                  351: {"level": "spending_group", "parent": "JUMLAH"},
                                  352: {"level": "total"}},
                      expect="Belanja Tidak Langsung"),
        # Programmes and activities (Belanja Langsung). Up to line 374 the code is one cell
        # ("1 06 01 01"); after the page break it is split over columns 0-4 and the name
        # is column 5. The closing JUMLAH is the total of Belanja Langsung (T0345 line 351),
        # hence spending_group, with the programmes as its lines.
        "T0356": (
            Melt("budget", _budget_values(2), labels={"code": 0, "name": 1}, fixed=APBD, rows=(357, 374),
                 levels=_budget_levels(1, total=False),
                 row_fields={357: {"parent": "JUMLAH"}, 373: {"parent": "JUMLAH"}},
                 expect="KODE PROGRAM / KEGIATAN"),
            Melt("budget", _budget_values(6), labels={"code": (0, 1, 2, 3, 4), "name": 5}, fixed=APBD,
                 rows=(376, 408), levels=_budget_levels(5),
                 row_fields={n: {"parent": "JUMLAH"} for n in (378, 387, 391, 395, 402, 406)}),
        ),
    },
    picks=(
        *_pk_budget(),
        # BAB I, line 150: the number of PMKS and of PMKS handled in 2018 (persons, "jiwa").
        _indicator(150, "tahun 2018 sebanyak 243.077 jiwa", "realisation", SASARAN_2, PMKS_TOTAL_150, 2018, nth=1),
        _indicator(150, "sebanyak 64.261 jiwa", "numerator", SASARAN_2, PMKS_REACHED_150, 2018),
        _indicator(150, "tahun 2018 sebanyak 243.077 jiwa", "denominator", SASARAN_2, PMKS_REACHED_150, 2018,
                   nth=1),
        _indicator(150, "pada tahun 2018 sebesar 26,44%", "realisation", SASARAN_2, PMKS_REACHED_150, 2018, nth=1),
        # Line 251: BPS poverty rate 2020 and 2019.
        _indicator(251, "pada tahun 2020 sebesar 20,18%", "realisation", SASARAN_1, POVERTY, 2020, nth=1),
        _indicator(251, "sebesar 19,48%", "realisation", SASARAN_1, POVERTY, 2019),
        # Line 272: the share of PMKS handled in 2020 (73,47 %, line 283), as households.
        _indicator(272, "seharusnya ditangani sebanyak 197.465 KK", "denominator", SASARAN_2, PMKS_REACHED, YEAR),
        _indicator(272, "tahun 2020 sebanyak 145.086 KK", "numerator", SASARAN_2, PMKS_REACHED, YEAR, nth=1),
        *_activities(),
        # Line 343: the office's 2020 budget (Penjabaran Perubahan APBD), total of T0345.
        Pick("budget", 343, "sebesar total Rp **23.319.682.577,00**", "budget",
             {"level": "total", "name": "Penjabaran Perubahan Anggaran Pendapatan dan Belanja Daerah Tahun 2020",
              "period": YEAR, **APBD}, kind="rupiah"),
        # Line 331: the objective's efficiency (the mean of the two indicators' in T0326).
        Pick("efficiency", 331, "(PMKS) adalah sebesar 718,48%", "efficiency_pct",
             {"objective": "Meningkatnya Kesejahteraan Penyandang Masalah Kesejahteraan Sosial (PMKS)"},
             kind="percent"),
    ),
    notes=(
        "T0189 (Perjanjian Kinerja matrix, line 190): the PROGRAM cell lists four programmes but the ANGGARAN "
        "cell only three amounts; they are paired in order, and each equals the total T0356 prints for that "
        "programme (lines 387, 391, 395). No amount is printed for 'Program pelestarian nilai-nilai "
        "kepeahlawanan dan kesetiakawanan sosial' (T0356 line 402: 174.250.500); none is recorded.",
        "T0189 names 'Program Pemberdayaan Keluarga Miskin ...' what T0356 (line 373) calls 'Program Pemberdayaan "
        "Fakir Miskin ...' (same amount 950.071.800).",
        "T0229 line 230: Capaian 96,78 % for the poverty rate equals 19,53 / 20,18 (the target the copy T0242 "
        "prints at line 243), not 19,34 / 20,18 = 95,84 (the target of T0211, T0229 and line 251) "
        "(flag: achievement T0229 line 230) (flag: copy T0242 line 243).",
        "Capaian of the share of PMKS handled: 1569,77 % (lines 264, 328) where 73,47 / 4,40 gives 1669,77; the "
        "average 810,36 % (lines 261, 266), the efficiency 1479,85 % (lines 328, 331) and the objective's "
        "718,48 % (line 331) are computed from 1569,77. T0309 line 311 (and line 318) prints 1.532,66 where "
        "73,47 / 4,50 gives 1632,67 (flag: achievement T0263 line 264) (flag: achievement T0326 line 328) "
        "(flag: progress T0309 line 311).",
        "T0326's allocations 1.214.050.000 + 2.334.273.356 (realised 1.091.666.930 + 2.190.600.386) add up to "
        "Belanja Langsung (lines 351, 408), administration included, but neither equals the sum of the "
        "programmes the report assigns to the indicator (T0189, lines 335-336) nor of any set of T0356 programmes.",
        "The number of PMKS is printed in orang (lines 215, 312, 329), org (265), KK (272, 289) and jiwa (150, "
        "for 2018); T0189 prints no unit. Units are kept as printed.",
        "T0356 programmes 16-19 (lines 378-401): the PDF conversion shifted the amounts relative to the names. "
        "Each programme's code with an empty sub-code is printed on its first activity line (379, 388, 392, 396; "
        "programmes 20 and 21 carry theirs on their own row, 402 and 406), and each block prints one name more "
        "than amounts: lines 386 (ASPDB), 390 (Penanganan Orang Terlantar), 394 (Pencegahan dan Penanganan "
        "Konflik Sosial) and 397 (... anak dalam LKSA) have code and name but no amounts, so no budget row. "
        "The programme totals equal the sums of the amounts as printed, so no amount is lost, but which "
        "activity each amount belongs to cannot be read from the text; every line keeps what it prints.",
        "T0356 prints the same activity name twice with different amounts: lines 380-381 (both coded "
        "1 06 01 16 01) and 388-389 (coded 1 06 01 17 and 1 06 01 17 01). Each line keeps its own amounts. The "
        "audit's same_quantity check compares printings in different tables only, so it reads each pair as two "
        "lines (no flag: same_quantity T0356 line 381) (no flag: same_quantity T0356 line 389).",
        "T0345 (lines 347-352) adds up as printed: a) + b) + c) + 2. Belanja Langsung = JUMLAH, "
        "23.319.682.577 budgeted and 21.938.659.555 realised. The audit's sum check does not test this "
        "total: a)-c) belong to the heading '1. Belanja Tidak Langsung' (line 347), which prints no amounts "
        "and so has no row, and '2. Belanja Langsung' belongs to JUMLAH, printed below it, so the check "
        "finds no lines under JUMLAH to add up (no flag: sum T0345 line 352).",
        "Line 302 says the poverty rate fell 0,68 points 'dari tahun 2018 ke tahun 2021'; T0295 shows the fall "
        "from 2018 (20,16) to 2019 (19,48). Line 300 says achievement rose every year although the poverty rate "
        "rose in 2020.",
        "Indicators of objective 2 are numbered 1.1/1.2 in T0211 and T0326 but 2.1/2.2 in T0263 and T0309; line "
        "217 keeps objective 1 as the IKU while sections D and E (T0309, T0326) measure objective 2, and line 331 "
        "concludes on 'sasaran Meningkatnya Kesejahteraan Masyarakat' after analysing the PMKS objective.",
        "Line 150's 'tidak lebih dari 27%' (share of PMKS handled over five years) is a bound, not a value for "
        "a year: not recorded. Line 320 prints 50.95% with an English decimal point.",
        "Prose figures that repeat a table (lines 234, 240, 255, 261, 283, 289, 316-320, 331's 1479,85 and "
        "-42,89) are not recorded again.",
    ),
)
