"""Dinas Sosial Kabupaten Lumajang, LKjIP 2020 (data/raw/lumajang_2020.txt).

What the table finder sees: ``lkjip tables data/raw/lumajang_2020.txt`` (40 tables).
Copies are excluded automatically and compared by the audit: TABEL III.6 (T0629, the
IKU Bupati table again, with another objective label and "SEMESTER II" in its header),
III.7 (T0674), III.8 (T0688), III.13 (T0911: Tabel III.11 again; one of its cells is
read, see below) and III.14 (T0943).

Conventions of this recipe:

* Periods are 2020 unless the column says 2019.
* LaTeX formulas (``F....``) become indicator records of the indicator the sentence
  around them names. The ``\\times 100\\%`` factor (and the ``\\div 2`` of F0067) is a
  constant of the formula, not data: it gets no record. Where one formula restates a
  number it already printed (F0527 prints the target 29,42 four times), the number is
  recorded once and the restatements get no record either. Both are marked as accounted
  for with the Melt's ``not_data`` columns, so that coverage stays complete without
  inventing rows.
* The "lower is better" achievement formula the report also applies (formula B, lines
  461/525/557: ``(Target - (Realisasi - Target)) / Target x 100 %``) gives measure
  ``achievement_pct_lower_is_better``; its intermediate ``Realisasi - Target`` is
  ``realisation_minus_target``. They are not the achievement_pct of the indicator.
* Averages printed by the report (Rata-rata rows) keep the label as printed and
  ``indicator_id = average_achievement``; their measure is the measure of the column they
  are printed in. Tabel III.11's column "Capaian rata-rata setiap Program" is each
  programme's own achievement (the mean over its activities): level programme, measure
  ``average_achievement_pct``.
"""

from ..vocabulary import Exclude, Melt, Pick, Quote, Recipe, Scale, Value, melt_values

YEAR = 2020
PK = "Perjanjian Kinerja"
OBJECTIVE = {"level": "objective"}
AVERAGE = {"indicator_id": "average_achievement"}

# Indicator names as the report prints them in the prose around the formulas.
PMKS_OBJECTIVE = "Meningkatnya Kesejahteraan PMKS"  # lines 55, 483
PSKS_OBJECTIVE = "Meningkatnya Jumlah dan Peran Potensi Sumber Kesejahteraan Sosial"  # Tabel III.2, line 501
PMKS_REACHED = "Prosentase PMKS Yang Telah Mendapatkan Pelayanan"  # lines 370, 489, 511
PMKS_REACHED_66 = "Persentase PMKS Yang Telah Mendapatkan Pelayanan"  # line 60/66
PMKS_WELFARE = "Persentase PMKS yang kesejahteraan sosialnya meningkat setelah mendapatkan bantuan"  # 61, 491
PSKS = "Persentase Peningkatan Jumlah dan Peran PSKS"  # lines 62, 493, 576
IKU_BUPATI = ("Persentase Penyandang masalah Kesejahteraan Sosial (PMKS) yang memperoleh bantuan sosial untuk "
              "pemenuhan kebutuhan dasar")
IKU_BUPATI_OBJECTIVE = ("Meningkatnya Kesejahteraan Penyandang Masalah Kesejahteraan Sosial yang memperoleh bantuan "
                        "sosial untuk pemenuhan kebutuhan dasar")

# Tabel III.11 programmes and activities as printed.
PEMBINAAN = "PROGRAM PEMBINAAN LINGKUNGAN SOSIAL"
PERLINDUNGAN = "PROGRAM PENYELENGGARAAN PERLINDUNGAN DAN JAMINAN SOSIAL"
PENANGANAN = "PROGRAM PENANGANAN DAN PEMBERDAYAAN SOSIAL"
REHABILITASI = "PROGRAM PELAYANAN REHABILITASI SOSIAL"
PELATIHAN = "Pembinaan dan Pelatihan Keterampilan Kerja Bagi Tenaga Kerja dan Masyarakat"
BENCANA_ALAM = "Fasilitasi dan Koordinasi Perlindungan Sosial Korban Bencana Alam"
BENCANA_SOSIAL = "Fasilitasi dan Koordinasi Perlindungan Sosial Korban Bencana Sosial dan Orang Terlantar"
JAMINAN = "Fasilitasi dan Koordinasi Jaminan Sosial"
FAKIR_MISKIN = "Penanganan dan Pemberdayaan Fakir Miskin"
KELEMBAGAAN = "Pemberdayaan Kelembagaan Sosial"
KEPAHLAWANAN = "Peningkatan Nilai Kepahlawanan, Keperintisan dan Kesetiakawanan Sosial"
ANAK_LANSIA = "Pelayanan dan Rehabilitasi Sosial Anak dan Lansia"
TUNA_SOSIAL = "Pelayanan dan Rehabilitasi Tuna Sosial"
DISABILITAS = "Pelayanan dan Rehabilitasi Sosial Penyandang Disabilitas"


def _pct(col: int, measure: str, period: int | None = YEAR, **fields) -> Value:
    return Value(col, measure, period, kind="percent", fields=fields)


def _count(col: int, measure: str, unit: str | None = None, **fields) -> Value:
    return Value(col, measure, YEAR, kind="count", unit=unit, fields=fields)


def _formula(expect: str, values: tuple[Value, ...], accounted: tuple[int, ...], **fixed) -> tuple[Melt, ...]:
    return (Melt("indicators", values, fixed={**OBJECTIVE, **fixed}, expect=expect, not_data=accounted),)


def _activity(line: int, text: str, objective: str, indicator: str, measure: str, nth: int, *,
              squeeze: bool = True, unit: str | None = None) -> Pick:
    """A numerator or denominator out of Tabel III.11's "Perhitungan Realisasi" column (3)."""
    return Pick("indicators", line, text, measure,
                {"level": "activity", "objective": objective, "indicator": indicator, "period": YEAR},
                col=3, nth=nth, kind="count", unit=unit, squeeze=squeeze)


def _fraction(line: int, text: str, objective: str, indicator: str, *, names=("numerator", "denominator"),
              unit: str | None = None) -> tuple[Pick, Pick]:
    return (_activity(line, text, objective, indicator, names[0], 0, unit=unit),
            _activity(line, text, objective, indicator, names[1], 1, unit=unit))


def _grid(expect: str, indicator: str, line: int, origin: str, capaian: str, nth_achievement: int) -> tuple:
    """Tabel III.3-III.5: one indicator placed in its rating category (row 1, Baik Sekali).

    The other rows (Baik, Cukup, Kurang) print only their number and dashes: no record.
    The target cell prints its origin ("29,42 (Renstra)"); the Capaian cell the
    computation "realisation : target x 100 = achievement" (the target is recorded once,
    from the Target cell)."""
    fields = {"level": "objective", "indicator": indicator, "period": YEAR}
    melts = (
        Melt("indicators", (), numbering=0, expect=expect),
        Melt("indicators", (_pct(2, "target", target_origin=origin),), fixed={**OBJECTIVE, "indicator": indicator},
             rows=(line, line)),
    )
    picks = (
        Pick("indicators", line, capaian, "realisation", fields, col=3, nth=0, kind="percent"),
        Pick("indicators", line, capaian, "achievement_pct", fields, col=3, nth=nth_achievement, kind="percent"),
    )
    return melts, picks


GRID_III3 = _grid("Tabel III.3", PMKS_REACHED, 597, "Renstra", "78,76: 29,42%X 100=267,71%", 3)
GRID_III4 = _grid("Tabel III.4", PMKS_WELFARE, 608, "RPJMD", "49,23 % :17,46 % X 100 = 281,95%", 3)
GRID_III5 = _grid("Tabel III.5", PSKS, 618, "Renstra", r"$82,83\% : 82\% \times 100 = 101,01\%$", 3)


STAFF_UNITS_I3 = {2: "Kadin", 3: "Sekretaria", 4: "Bid. Pelayanan & Reh Sos", 5: "Bid. Pemberdayaan Sosial",
                  6: "Bid. Perlindungan jaminan", 7: "JUMLAH"}
STAFF_UNITS_I4 = {3: "Kadi", 4: "Sekretaria", 5: "Bid. Pelayanan & RehSos", 6: "Bid. Pemberdayaan",
                  7: "Bid. Pndungga & jaminan"}
PNS, CONTRACT = "PNS", "Perjanjian Kontrak"


def _staff_values(units: dict[int, str]) -> tuple[Value, ...]:
    return tuple(Value(col, "count", kind="count", unit="persons", fields={"org_unit": unit})
                 for col, unit in units.items())


STAFF = {
    # Tabel 1.2: its one column, "Jumlah" (number), counts the whole office - "Jumlah Aparatur Sipil
    # Negara dilingkungan Dinas Sosial Kabupaten Lumajang" (line 201) -, not a total over units.
    "T0206": Melt("staff", (Value(2, "count", kind="count", unit="persons",
                                  fields={"org_unit": "Dinas Sosial Kabupaten Lumajang"}),),
                  labels={"category": 1}, numbering=0, fixed={"breakdown": "sex"},
                  expect="Menurut Jenis Kelamin"),
    # Tabel I.3: rows 217 "1 P N S" and 225 "2 Perjanjian Kontrak" head the two status groups
    # (line 223 is blank).
    "T0216": Melt("staff", _staff_values(STAFF_UNITS_I3), labels={"category": 1}, numbering=0,
                  fixed={"breakdown": "education"},
                  row_fields={**{n: {"status": PNS} for n in (*range(218, 223), 224)},
                              **{n: {"status": CONTRACT} for n in range(226, 231)}},
                  expect="Menurut Jenis Pendidikan"),
    # Tabel I.4: category = rank and its golongan ("Pembina Utama Muda IV/c"). Row 251 (numbered
    # "3") is the contract staff, whose Gol / Ruang is "-"; row 252 the totals per unit.
    "T0242": Melt("staff", _staff_values(STAFF_UNITS_I4), labels={"category": (1, 2)}, numbering=0,
                  fixed={"breakdown": "rank", "status": PNS},
                  row_fields={251: {"status": CONTRACT, "category": CONTRACT},
                              252: {"status": None, "category": "Total"}},
                  expect="Menurut Pangkat/Golongan"),
}


# The indicator labels this report prints, as printed, under the canonical id each measures
# (ids defined in lkjip_analysis/reference/indicators.yaml; leading numbering such as "1.1."
# is ignored when matching).
INDICATOR_LABELS = {
    "pmks_reached_pct": (
        "Persentase Peningkatan Penanganan PMKS",
        "Prosentase Peningkatan Penanganan PMKS",
        "Prosentase PMKS Yang Telah Mendapatkan Pelayanan",
        "Persentase PMKS Yang Telah Mendapatkan Pelayanan",
        "% Penanganan PMKS",
    ),
    "pmks_receiving_aid_pct": (
        "Persentase Penyandang masalah Kesejahteraan Sosial (PMKS) yang memperoleh bantuan sosial untuk "
        "pemenuhan kebutuhan dasar",
    ),
    "pmks_welfare_improved_pct": (
        "Persentase PMKS yang kesejahteraan sosialnya meningkat setelah mendapatkan bantuan",
        "2. Persentase PMKS yang Kesejahterannya meningkat setelah mendapatkan bantuan",
    ),
    "psks_participation_pct": (
        "Persentase Peningkatan Jumlah dan Peran PSKS",
    ),
    "aid_targeting_accuracy_pct": (
        "Ketepatan Sasaran (KS)",
    ),
}

# How this report defines or prints a canonical indicator, where it differs from the plain
# definition in reference/indicators.yaml: printed in the data card and headline_indicators.
INDICATOR_NOTES = {
    "pmks_reached_pct": "Counts every kind of aid, national (APBN) programmes included (426.794 of 541.897).",
    "pmks_receiving_aid_pct": "The regent-level (IKU Bupati) indicator; the same formula as the report's pmks_reached_pct (426794/541897).",
    "pmks_welfare_improved_pct": "An outcome indicator added in 2020; 2019 was not measured.",
    "psks_participation_pct": "608 of 734 PSKS.",
    "aid_targeting_accuracy_pct": "Ketepatan Sasaran: 266.787 / 426.794.",
}

# Sentences the analysis quotes beside the numbers (checked against their lines by the build).
QUOTES = (
    Quote("aid", 565, "Jenis dan Jumlah bantuan bisa dilihat pada lampiran 5",
          "during the pandemic the office handled much aid, from the centre (APBN), the province (APBD I), the regency (APBD II) and the public; the kinds and amounts are in Lampiran 5, which the report's text does not include"),
    Quote("efficiency", 949, "dikurangi % Capaian Realisasi Anggaran",
          "efficiency = performance achievement % minus budget absorption % (274,83 % - 98,37 % = 176,46 %)"),
)

RECIPE = Recipe(
    report="lumajang_2020.txt",
    indicator_labels=INDICATOR_LABELS,
    indicator_notes=INDICATOR_NOTES,
    quotes=QUOTES,
    tables={
        # Ikhtisar eksekutif, line 67: "78,76% + 49,20% ÷ 2 = 63,8%", the average realisation of the
        # two indicators of the first objective (Tabel III.9 prints 63,98).
        "F0067": _formula("63,8", (
            _pct(0, "realisation", indicator=PMKS_REACHED_66),
            _pct(1, "realisation", indicator=PMKS_WELFARE),
            _pct(3, "realisation", indicator="rata-rata indikator sasaran yang ke 1 dan ke 2", **AVERAGE),
        ), accounted=(2,), objective=PMKS_OBJECTIVE),
        "T0077": Exclude("table of contents", expect="DAFTAR ISI"),
        # The table of contents goes on after the "BAB IV PENUTUP" heading (its sections 4.1-4.3,
        # misnumbered 1.4-1.6).
        "T0103": Exclude("table of contents (BAB IV, continued)", expect="BAB IV PENUTUP"),
        "T0109": Exclude("list of tables", expect="DAFTAR TABEL"),
        "T0192": Exclude("text only: problems and root causes (the numbers number them)", expect="TABEL I.1"),
        **STAFF,
        "T0323": Exclude("text only: the regent's mission statements (1/2/3 number them)", expect="TABEL II.1"),
        # IKU Bupati (the goal indicator, line 400); its target is the RPJMD's (line 643). The
        # PERHITUNGAN cell "426794/541897*100%" gives numerator and denominator (picks).
        "T0383": Melt("indicators", (_pct(3, "target", target_origin="RPJMD"), _pct(5, "realisation"),
                                     _pct(6, "achievement_pct")),
                      labels={"objective": 1, "indicator": 2}, fixed={"level": "goal"},  # its NO column is blank
                      expect="CAPAIAN IKU BUPATI"),
        "T0405": Exclude("text only: IKU formula definitions (Rumus / Formula)", expect="TABEL II.2"),
        "T0422": Melt("indicators", (_pct(3, "target", target_origin=PK),),
                      labels={"objective": 1, "indicator": 2}, numbering=0, fixed=OBJECTIVE,
                      expect="PERJANJIAN KINERJA"),
        # Tabel II.4: the budget plan. Row 435 repeats the header for Belanja Langsung.
        "T0433": Melt("budget", (Value(3, "budget", YEAR, kind="rupiah"),),
                      labels={"name": 1, "fund_source": 4}, numbering=0, skip=(435,),
                      row_fields={434: {"level": "spending_type", "parent": "Belanja Tidak Langsung"},
                                  **{n: {"level": "programme", "parent": "Belanja Langsung"}
                                     for n in range(436, 443)},
                                  443: {"level": "total"}},
                      expect="Perencanaan Anggaran"),
        "T0469": Scale("performance achievement (capaian kinerja)", band=1, label=(2,), numbering=0,
                       expect="Skala Pengukuran Kinerja"),
        "T0498": Exclude("counts of indicators per objective and rating category (2 + 1 indicators, each "
                         "'Baik Sekali =1'): a tally of Tabels III.3-III.5, no measure of an indicator",
                         expect="Pencapaian Indikator Sasaran"),
        # III.1.1: the three indicators computed (lines 505-583).
        "F0507": _formula("426.794", (
            _count(0, "numerator", "persons"), _count(1, "denominator", "persons"), _pct(3, "realisation"),
        ), accounted=(2,), objective=PMKS_OBJECTIVE, indicator="% Penanganan PMKS"),
        "F0519": _formula("78,76", (
            _pct(0, "realisation"), _pct(1, "target", target_origin="Renstra"), _pct(3, "achievement_pct"),
        ), accounted=(2,), objective=PMKS_OBJECTIVE, indicator=PMKS_REACHED),
        # Formula B: (29,42 - (78,76 - 29,42)) / 29,42 x 100 % = (29,42 - 49,34) / 29,42 x 100 % = -0,68 %.
        # Columns 2, 3, 5 and 7 restate the target of column 0.
        "F0527": _formula("78,76 - 29,42", (
            _pct(0, "target", target_origin="Renstra"), _pct(1, "realisation"),
            _pct(6, "realisation_minus_target"), _pct(9, "achievement_pct_lower_is_better"),
        ), accounted=(2, 3, 4, 5, 7, 8), objective=PMKS_OBJECTIVE, indicator=PMKS_REACHED),
        "F0539": _formula("266.787", (
            _count(0, "numerator", "persons"), _count(1, "denominator", "persons"), _pct(3, "realisation"),
        ), accounted=(2,), objective=PMKS_OBJECTIVE, indicator=PMKS_WELFARE),
        "F0547": _formula("49,23", (
            _pct(0, "realisation"), _pct(1, "target", target_origin="RPJMD"), _pct(3, "achievement_pct"),
        ), accounted=(2,), objective=PMKS_OBJECTIVE, indicator=PMKS_WELFARE),
        # Formula B in two lines: (17,46 - (49,23% - 17,46)) / 17,46 x 100 % (559)
        # = (17,46 - 31,77) / 17,46 x 100 % = - 0,81 % (561). Restated targets: 559 columns 2, 3; 561 column 2.
        "F0559": _formula("49,23", (
            _pct(0, "target", target_origin="RPJMD"), _pct(1, "realisation"),
        ), accounted=(2, 3, 4), objective=PMKS_OBJECTIVE, indicator=PMKS_WELFARE),
        "F0561": _formula("31,77", (
            _pct(0, "target", target_origin="RPJMD"), _pct(1, "realisation_minus_target"),
            _pct(4, "achievement_pct_lower_is_better"),
        ), accounted=(2, 3), objective=PMKS_OBJECTIVE, indicator=PMKS_WELFARE),
        "F0571": _formula("608", (
            _count(0, "numerator"), _count(1, "denominator"), _pct(3, "realisation"),
        ), accounted=(2,), objective=PSKS_OBJECTIVE, indicator=PSKS),
        "F0583": _formula("82,83", (
            _pct(0, "realisation"), _pct(1, "target", target_origin="Renstra"), _pct(3, "achievement_pct"),
        ), accounted=(2,), objective=PSKS_OBJECTIVE, indicator=PSKS),
        "T0596": GRID_III3[0],
        "T0607": GRID_III4[0],
        "T0617": GRID_III5[0],
        # Ketepatan Sasaran (line 649-655): PMKS whose welfare improved / PMKS who received aid.
        "F0655": _formula("426.794", (
            _count(0, "numerator", "persons"), _count(1, "denominator", "persons"), _pct(3, "realisation"),
        ), accounted=(2,), indicator="Ketepatan Sasaran (KS)"),
        # Tabel III.9: 2020 and 2019. Row 700 prints "Belum dilakukan pengukuran berdasarkan outcome"
        # (not measured) for 2019: kept as text. Rows 701, 703, 704 are the report's averages.
        "T0698": Melt("indicators", (
            _pct(2, "target"), _pct(3, "realisation"), _pct(4, "achievement_pct"),
            _pct(5, "target", 2019), _pct(6, "realisation", 2019), _pct(7, "achievement_pct", 2019),
        ), labels={"objective": 0, "indicator": 1}, fill_down=("objective",), fixed=OBJECTIVE,
            row_fields={
                701: {"objective": "1. Meningkatnya Kesejahteraan PMKS", "indicator": "Rata-rata Capaian Kinerja",
                      **AVERAGE},
                703: {"objective": "2. Meningkatnya jumlah dan peran (PSKS)", "indicator": "Capaian Kinerja PSKS",
                      **AVERAGE},
                704: {"objective": None, "indicator": "Rata-rata Capaian Kinerja PMKS dan PSKS", **AVERAGE},
            }, expect="Tabel III.9"),
        # Tabel III.10 (III.14 is its copy): efficiency = achievement - absorption (column "5 = (3-4)").
        "T0724": Melt("efficiency", melt_values({2: ("achievement_pct", None), 3: ("absorption_pct", None),
                                                 4: ("efficiency_pct", None)}, kind="percent"),
                      labels={"objective": 1}, numbering=0, expect="Efisiensi Penggunaan Anggaran"),
        # Tabel III.11: programme (column 0) and activity (column 1) indicators. The programme name
        # PENANGANAN DAN PEMBERDAYAAN SOSIAL is printed across rows 766 ("PROGRAM") and 768.
        # Column 3 ("Perhitungan Realisasi") is read with picks (below); row 765's realisation cell
        # ("49,18 +36,57/ 2=42,87") too.
        "T0761": (
            Melt("indicators", (_pct(2, "target"), _pct(5, "achievement_pct")),
                 labels={"objective": 0, "indicator": 1}, fill_down=("objective",), fixed={"level": "activity"},
                 rows=(762, 772), row_fields={n: {"objective": PENANGANAN} for n in (766, 768, 769)},
                 expect="PROGRAM DAN KEGIATAN"),
            Melt("indicators", (_pct(4, "realisation"),),
                 labels={"objective": 0, "indicator": 1}, fill_down=("objective",), fixed={"level": "activity"},
                 rows=(762, 772), skip=(765,), row_fields={n: {"objective": PENANGANAN} for n in (766, 768, 769)}),
            # Column 6 "Capaian rata-rata setiap Program": each programme's achievement, the mean of its
            # activities' (printed on the programme's first row; Penanganan's on row 768, where its name
            # ends). A programme-level figure (indicator_id programme_indicator) whose measure says it is
            # an average; row 773 averages the four programmes (average_achievement).
            Melt("indicators", (_pct(6, "average_achievement_pct"),),
                 labels={"objective": 0}, fill_down=("objective",),
                 fixed={"level": "programme", "indicator": "Capaian rata-rata setiap Program Tahun 2020"},
                 rows=(762, 772), row_fields={768: {"objective": PENANGANAN}}),  # 766, 769 print no average
            Melt("indicators", (_pct(6, "average_achievement_pct"),), labels={"indicator": 0},
                 fixed={"level": "programme", **AVERAGE}, rows=(773, 773)),
        ),
        # Tabel III.12: no objective column; its first column numbers the objectives.
        "T0782": Melt("indicators", (
            _pct(3, "target", 2019), _pct(4, "realisation", 2019), _pct(5, "achievement_pct", 2019),
            _pct(6, "target"), _pct(7, "realisation"), _pct(8, "achievement_pct"),
        ), labels={"indicator": 1}, numbering=0, fixed=OBJECTIVE, expect="Analisis Pencapaian Sasaran"),
        # Line 929: 40 : 1421 x 100 % = 2,81 %, the realisation of the sewing-training activity.
        "F0929": _formula("1421", (
            _count(0, "numerator", "persons"), _count(1, "denominator", "persons"), _pct(3, "realisation"),
        ), accounted=(2,), level="activity", objective=PEMBINAAN, indicator=PELATIHAN),
        # Tabel III.15: programmes I-VI (roman numerals), their activities (1, 2, ...), then the
        # unnumbered PROGRAM PEMBINAAN LINGKUNGAN SOSIAL (991) and its activity (992). The Jumlah row
        # (993) prints its totals in parentheses "(5.085.713.014,-)": budget columns cannot be
        # negative, so they are positive totals (the prose, lines 714 and 955, agrees). The Jumlah
        # includes Belanja Pegawai (Rp 2.206.660.364 in Tabel II.4), which Tabel III.15 does not list.
        "T0963": (
            Melt("budget", (Value(2, "budget", YEAR, kind="rupiah"), Value(3, "realised", YEAR, kind="rupiah"),
                            Value(4, "absorption_pct", YEAR, kind="percent")),
                 labels={"name": 1}, numbering=0, rows=(965, 992),
                 levels=((0, r"^[IVX]+$", "programme"), (0, r"^\d+$", "activity")),
                 row_fields={991: {"level": "programme"}, 992: {"level": "activity"}},
                 expect="Analisis Realisasi Anggaran"),
            Melt("budget", (Value(2, "budget", YEAR, kind="rupiah", parens="positive"),
                            Value(3, "realised", YEAR, kind="rupiah", parens="positive"),
                            Value(4, "absorption_pct", YEAR, kind="percent")),
                 labels={"name": 1}, fixed={"level": "total"}, rows=(993, 993)),
        ),
        # Tabel IV.1: the last column prints "achievement : end-of-Renstra target x 100 % = progress"
        # (row 1020 divides the realisation instead); picks below. Row 1021 averages the rows.
        "T1017": (
            Melt("indicators", (_pct(2, "target"), _pct(3, "realisation"), _pct(4, "achievement_pct"),
                                _pct(5, "achievement_pct", 2019)),
                 labels={"objective": 0, "indicator": 1}, fill_down=("objective",), fixed=OBJECTIVE,
                 row_fields={1021: {"objective": None, "indicator": "Rata-rata Capaian", **AVERAGE}},
                 expect="Misi, Tujuan dan Sasaran"),
            Melt("indicators", (_pct(6, "progress_pct"),), labels={"indicator": 0},
                 fixed={**OBJECTIVE, **AVERAGE}, rows=(1021, 1021)),
        ),
    },
    picks=(
        # IKU Bupati, "PERHITUNGAN" 426794/541897*100% (line 385).
        *(Pick("indicators", 385, "426794/541897*100%", measure,
               {"level": "goal", "objective": IKU_BUPATI_OBJECTIVE, "indicator": IKU_BUPATI, "period": YEAR},
               col=4, nth=nth, kind="count", unit="persons")
          for nth, measure in ((0, "numerator"), (1, "denominator"))),
        *GRID_III3[1], *GRID_III4[1], *GRID_III5[1],
        # Tabel III.11, column 3 "Perhitungan Realisasi". The PDF conversion wrapped the fractions
        # of rows 764-768 into the wrong rows; read with the realisations (column 4) and with the
        # copy Tabel III.13 (lines 914-918), where they wrap differently:
        #   764 "10070/ 9040x1 00 556807 /11321 59X100": 10070/9040 (= 111,39 %) is Bencana Sosial's
        #       own fraction; 556807/1132159 (= 49,18 %) is the first of Jaminan Sosial's two.
        #   765 "162345 /44391 1x100": 162345/443911 (= 36,57 %), Jaminan Sosial's second;
        #       Jaminan Sosial's realisation is their mean, "49,18 +36,57/ 2=42,87".
        #   766 "58190/ 14321x": Fakir Miskin's fraction; its denominator lost a digit here: the
        #       copy prints "58190/143213 x100" (line 917), and 58190/143213 = 40,63 % as printed.
        #   768 "100 608/73 4x100": "100" ends Fakir Miskin's "x100"; 608/734 (= 82,83 %) is
        #       Kelembagaan Sosial's.
        # Wrap-spaces inside numbers ("142 1") are squeezed.
        *_fraction(762, "40/142 1x100", PEMBINAAN, PELATIHAN, unit="persons"),
        *_fraction(763, "16699/ 16699x 100", PERLINDUNGAN, BENCANA_ALAM),
        *_fraction(764, "10070/ 9040x1", PERLINDUNGAN, BENCANA_SOSIAL),
        *_fraction(764, "556807 /11321 59X100", PERLINDUNGAN, JAMINAN, names=("numerator_1", "denominator_1")),
        *_fraction(765, "162345 /44391 1x100", PERLINDUNGAN, JAMINAN, names=("numerator_2", "denominator_2")),
        *(Pick("indicators", 765, "49,18 +36,57/ 2=42,87", measure,
               {"level": "activity", "objective": PERLINDUNGAN, "indicator": JAMINAN, "period": YEAR},
               col=4, nth=nth, kind="percent")
          for nth, measure in ((0, "realisation_1"), (1, "realisation_2"), (3, "realisation"))),
        _activity(766, "58190/ 14321x", PENANGANAN, FAKIR_MISKIN, "numerator", 0),
        _activity(917, "58190/143213", PENANGANAN, FAKIR_MISKIN, "denominator", 1, squeeze=False),
        *_fraction(768, "608/73 4x100", PENANGANAN, KELEMBAGAAN),
        *_fraction(769, "2/2x10 0", PENANGANAN, KEPAHLAWANAN),
        *_fraction(770, "615/99 6x100", REHABILITASI, ANAK_LANSIA),
        *_fraction(771, "286/14 01x100", REHABILITASI, TUNA_SOSIAL),
        *_fraction(772, "4795/5 041x10 0", REHABILITASI, DISABILITAS),
        # Tabel IV.1, "% Capaian terhadap target akhir Renstra": the end-of-plan target and the progress.
        *(Pick("indicators", line, text, measure,
               {"level": "objective", "objective": objective, "indicator": indicator,
                **({"target_origin": "Renstra"} if measure == "end_target" else {"period": YEAR})},
               col=6, nth=nth, kind="percent")
          for line, text, objective, indicator in (
              (1018, "267,71% : 39,16% x 100% = 683,6%", "1.Meningkatnya Kesejahteraan PMKS",
               "1.Prosentase Peningkatan Penanganan PMKS"),
              (1019, "281,95%: 23,24% x 100 % =1213%", "1.Meningkatnya Kesejahteraan PMKS",
               "2.Persentase PMKS yang kesejahteraan sosialnya meningkat setelah mendapatkan bantuan"),
              (1020, "82,83%:86%x 100%= 96,31%", "2.Meningkatnya jumlah dan peran (PSKS)",
               "1.Persentase Peningkatan Jumlah dan Peran PSKS"))
          for nth, measure in ((1, "end_target"), (3, "progress_pct"))),
        # Prose, line 788-790: the PMKS counts behind the first indicator, 2020 and 2019
        # (2020's total is printed 541.887 here, 541.897 everywhere else).
        *(Pick("indicators", line, text, measure,
               {"level": "objective", "objective": PMKS_OBJECTIVE,
                "indicator": "Prosentase peningkatan penanganan PMKS", "period": period}, kind="count", unit="persons")
          for line, text, measure, period in (
              (788, "sebesar 541.887", "denominator", YEAR),
              (788, "ditangani sebesar 426.794", "numerator", YEAR),
              (790, "Lumajang sebesar 473.559", "denominator", 2019),
              (790, "ditangani sebesar 125.158", "numerator", 2019))),
        # Prose: the office's whole budget and its realisation (lines 714 and 955; line 714 prints the
        # budget twice and attributes it to the objective "peningkatan penanganan PMKS").
        *(Pick("budget", line, text, measure, {"level": "total", "name": "Dinas Sosial", "period": YEAR, **extra},
               kind=kind, parens="positive")
          for line, extra in ((714, {}), (955, {"fund_source": "APBD"}))
          for text, measure, kind in (
              ("Rp (5.085.713.014,00)" if line == 714 else "Rp.(5.085.713.014,00)", "budget", "rupiah"),
              ("(4.929.914.273,00)", "realised", "rupiah"),
              ("96,94 %", "absorption_pct", "percent"),
              ("Rp 155.798.741,-", "unspent", "rupiah"))),
        # Line 931: the Pembinaan Lingkungan Sosial programme is funded by DBHCHT (Tabel II.4 says DAU).
        *(Pick("budget", 931, text, measure,
               {"level": "programme", "name": PEMBINAAN, "period": YEAR, "fund_source": "DBHCHT"}, kind=kind)
          for text, measure, kind in (("Rp. 175.000.000", "budget", "rupiah"),
                                      ("Rp. 172.930.000", "realised", "rupiah"),
                                      ("98,20%", "absorption_pct", "percent"))),
    ),
    notes=(
        "Tabel III.11 and its copy III.13: the PDF conversion scrambled the 'Perhitungan Realisasi' cells of "
        "rows 764-768 across rows; each fraction is mapped to its activity by hand (see the picks).",
        "Fakir Miskin's denominator prints as '14321' in Tabel III.11 (line 766) and as 143213 in Tabel III.13 "
        "(line 917); 58190/143213 = 40,63 % as printed, so it is read from line 917.",
        "Tabel II.4 prints the programme numbers 1, 2, 4, 5, 5, 6, 7 and says DAU funds the Pembinaan "
        "Lingkungan Sosial programme; line 931 says DBHCHT.",
        "Tabel III.6 (copy of the IKU Bupati table) labels the objective 'Meningkatnya Kualitas dan Jangkauan "
        "Pelayanan Sosial' instead of line 385's, and its header says SEMESTER II.",
        "The 2019 figures disagree between tables: Tabel III.9 PSKS target 76 / achievement 100,77 vs Tabel "
        "III.12 80 / 95,73; welfare target 2019 'not measured' (III.9) vs 15,87 % (III.12); PMKS achievement "
        "2019 98,80 (III.9, III.12) vs 100,37 (IV.1).",
        "Lines 706/710 and Tabel IV.1 average the three indicators (42,96 / 70,26); Tabel III.9 averages the two "
        "objectives (52,72 / 73,40).",
    ),
)
