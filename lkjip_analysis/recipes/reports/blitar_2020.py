"""Dinas Sosial Kabupaten Blitar, LKjIP 2020 (data/raw/blitar_2020.txt).

What the table finder sees: ``lkjip tables data/raw/blitar_2020.txt``. Copies (3.1.1,
3.1.2, 3.4.1, 3.4.2, 3.7.1, 3.7.2) are excluded automatically; the audit compares them
with the first printing.
"""

from ..vocabulary import Melt, Pick, Quote, Recipe, Scale, Value, melt_values

YEAR = 2020
PK = "Perjanjian Kinerja"
OBJECTIVE = {"level": "objective"}
YEARS = range(2015, 2021)

# Tabel 3.2 (lines 112-121): who funds and distributes each aid programme.
AID_ROWS = {
    112: ("APBD (district programmes)", "APBD"),
    113: ("Suplemen BPNT", "APBD Provinsi"),
    114: ("Bansos Pangan", "APBD Provinsi"),
    115: ("PKH", "APBN"),
    116: ("BPNT", "APBN"),
    117: ("PBI-JK", "APBN"),
    118: ("BST Himbara I", "APBN"),
    119: ("BST Himbara II", "APBN"),
    120: ("BST PT Pos I", "APBN"),
    121: ("BST PT Pos II", "APBN"),
}

# "KPM x Rp = Rp" sentences (lines 143-154).
PRODUCTS = {
    "N0143": ("BPNT", "BPNT", "APBN", "1.047.919 KPM"),
    "N0145": ("Perluasan BPNT", "BPNT Perluasan", "APBN", "17.977 KPM"),
    "N0146": ("BST Bank Himbara Tahap I", "BST Himbara I", "APBN", "16.152 KPM"),
    "N0147": ("BST Bank Himbara Tahap II", "BST Himbara II", "APBN", "30.306 KPM"),
    "N0148": ("BST PT POS Tahap I", "BST PT Pos I", "APBN", "117.641 KPM"),
    "N0149": ("BST PT POS Tahap II", "BST PT Pos II", "APBN", "220.117 KPM"),
    "N0150": ("Suplemen BPNT (JPS Prov.Jatim)", "Suplemen BPNT", "APBD Provinsi", "28.854 KPM"),
    "N0154": ("Bansos Pangan (JPS Prov.Jatim)", "Bansos Pangan", "APBD Provinsi", "60.000 KPM"),
}


def _product(name: str, programme_id: str, source: str, count: str) -> Melt:
    return Melt(
        "social_assistance",
        (Value(0, "beneficiaries", YEAR, kind="count"), Value(1, "amount_per_beneficiary", YEAR, kind="rupiah"),
         Value(2, "total", YEAR, kind="rupiah")),
        fixed={"programme": name, "programme_id": programme_id, "funding_source": source},
        expect=count,
    )


def _series(expect: str, row_fields=None) -> Melt:
    """Tabel 3.3 / 3.4: a target, then realisations 2015-2020."""
    return Melt(
        "indicators",
        (Value(2, "target"), *melt_values({3 + i: ("realisation", y) for i, y in enumerate(YEARS)})),
        labels={"objective": 0, "indicator": 1}, fixed=OBJECTIVE, expect=expect, row_fields=row_fields or {},
    )


def _pmks_by_type(category: str, expect: str) -> Melt:
    cols = {1 + 2 * i + j: (measure, y) for i, y in enumerate(YEARS)
            for j, measure in enumerate(("target", "realisation"))}
    return Melt("pmks_by_type", melt_values(cols, kind="count", unit="persons"), labels={"pmks_type": 0},
                fixed={"category": category}, expect=expect)


# The indicator labels this report prints, as printed, under the canonical id each measures
# (ids defined in lkjip_analysis/reference/indicators.yaml; leading numbering such as "1.1."
# is ignored when matching).
INDICATOR_LABELS = {
    "pmks_reached_pct": (
        "Persentase PMKS yang dibantu dan ditangani",
        "Persentase Penanganan penyandang masalah kesejahteraan sosial (%)",
    ),
    "pmks_receiving_aid_pct": (
        "Persentase PMKS yg memperoleh bantuan sosial (%)",
    ),
    "psks_participation_pct": (
        "Persentase PSKS yang berpartisipasi dalam program kesejahteraan sosial",
    ),
    "planning_on_time_pct": (
        "Persentase perencanaan, penganggaran kinerja dan keuangan tepat waktu",
    ),
    "pmks_handled": (
        "Persentase PMKS yang ditangani",
    ),
    "pmks_assisted": (
        "Persentase PMKS yang diberi bantuan",
    ),
    "social_facilities": (
        "Sarana sosial seperti panti asuhan, panti jompo dan panti rehabilitasi (Panti)",
    ),
}

# How this report defines or prints a canonical indicator, where it differs from the plain
# definition in reference/indicators.yaml: printed in the data card and headline_indicators.
INDICATOR_NOTES = {
    "pmks_reached_pct": "Counts only PMKS helped from the district budget (APBD).",
    "pmks_receiving_aid_pct": "The regency's RPJMD indicator.",
    "psks_participation_pct": "20 % every year by construction.",
    "pmks_handled": "Tabel 3.3 labels it 'Persentase' but prints persons.",
    "pmks_assisted": "Tabel 3.3 labels it 'Persentase' but prints persons.",
    "psks_participating": "Tabel 3.3 labels it 'Persentase' but prints persons.",
    "social_facilities": "An RPJMD indicator (27 PA = Panti Anak).",
}

# Sentences the analysis quotes beside the numbers (checked against their lines by the build).
QUOTES = (
    Quote("aid", 131, "Satu keluarga fakir miskin menerima beragam jenis bantuan sekaligus",
          "one poor family receives several kinds of aid at once (BPNT, PBI-JK, PKH)"),
)

RECIPE = Recipe(
    report="blitar_2020.txt",
    indicator_labels=INDICATOR_LABELS,
    indicator_notes=INDICATOR_NOTES,
    quotes=QUOTES,
    tables={
        "T0057": Melt("indicators", (Value(3, "target", YEAR, kind="percent"),),
                      labels={"objective": 1, "indicator": 2}, numbering=0,
                      fixed={**OBJECTIVE, "target_origin": PK}, expect="Perjanjian Kinerja"),
        "T0081": Melt("indicators", melt_values({2: ("target", YEAR), 3: ("realisation", YEAR),
                                                 4: ("achievement_pct", YEAR)}, kind="percent"),
                      labels={"objective": 0, "indicator": 1}, fixed=OBJECTIVE, expect="Tabel 3.1"),
        "T0111": Melt("social_assistance",
                      (Value(1, "beneficiaries_target", YEAR, kind="count", unit="persons"),
                       Value(2, "beneficiaries", YEAR, kind="count", unit="persons"),
                       Value(3, "achievement_pct", YEAR, kind="percent")),
                      labels={"programme": 0},
                      row_fields={line: {"programme_id": pid, "funding_source": src}
                                  for line, (pid, src) in AID_ROWS.items()},
                      expect="Rincian Sumber Dana"),
        **{tid: _product(*spec) for tid, spec in PRODUCTS.items()},
        # Row 188 prints persons under a percentage label (and a 100 % target): counts of PSKS.
        "T0179": _series("Tabel 3.3", {188: {"indicator_id": "psks_participating"}}),
        "T0197": _series("Tabel 3.4"),
        "T0241": Melt("indicators", (Value(1, "end_target", kind="auto"), Value(2, "realisation", YEAR),
                                     Value(3, "progress_pct", YEAR, kind="percent")),
                      labels={"indicator": 0}, fixed={**OBJECTIVE, "target_origin": "RPJMD/Renstra"},
                      expect="akhir periode RPJMD"),
        "T0259": _pmks_by_type("assisted", "Jenis PMKS yang dibantu"),
        "T0282": _pmks_by_type("handled", "Jenis PMKS yang ditangani"),
        "T0299": Melt("budget", (Value(3, "budget", YEAR, kind="rupiah"),
                                 Value(4, "share_of_total_pct", YEAR, kind="percent")),
                      labels={"name": 1}, numbering=0, fixed={"level": "objective"},
                      expect="Alokasi Per Sasaran"),
        "T0331": (
            Melt("indicators", melt_values({2: ("target", YEAR), 3: ("realisation", YEAR),
                                            4: ("achievement_pct", YEAR)}, kind="percent"),
                 labels={"objective": 0, "indicator": 1}, fixed=OBJECTIVE, expect="Pencapaian Kinerja Dan Anggaran"),
            Melt("budget", (Value(5, "budget", YEAR, kind="rupiah"), Value(6, "realised", YEAR, kind="rupiah"),
                            Value(7, "absorption_pct", YEAR, kind="percent")),
                 labels={"name": 0}, fixed={"level": "objective"}),
        ),
        "T0341": Scale("unit service performance (Permendagri 86/2017 conversion index)", band=1, label=(2, 3),
                       numbering=0, expect="Nilai Interval Konversi"),
        "T0359": Melt("efficiency", melt_values({3: ("achievement_pct", None), 4: ("absorption_pct", None),
                                                 5: ("efficiency_pct", None)}, kind="percent"),
                      labels={"objective": 1, "indicator": 2}, numbering=0, expect="Efisiensi"),
        "T0381": Melt("budget", (Value(1, "budget", YEAR, kind="rupiah"), Value(2, "realised", YEAR, kind="rupiah"),
                                 Value(3, "absorption_pct", YEAR, kind="percent"),
                                 Value(4, "over_under", YEAR, kind="rupiah")),
                      labels={"name": 0},
                      row_fields={382: {"level": "total"}, 383: {"level": "spending_group"},
                                  384: {"level": "spending_type", "parent": "Belanja Operasi"},
                                  387: {"level": "spending_type", "parent": "Belanja Operasi"},
                                  388: {"level": "spending_type", "parent": "Belanja Operasi"},
                                  389: {"level": "spending_group"},
                                  **{n: {"level": "spending_type", "parent": "Belanja Modal"}
                                     for n in (390, 391, 392, 393)},
                                  394: {"level": "balance"}},
                      fixed={"fund_source": "APBD"}, expect="Realisasi Anggaran"),
    },
    picks=(
        Pick("social_assistance", 141, "sejumlah **45.396 orang**", "beneficiaries",
             {"programme": "Bantuan PKH (Program Keluarga Harapan)", "programme_id": "PKH",
              "funding_source": "APBN", "period": YEAR}, kind="count"),
        Pick("social_assistance", 141, "kurang lebih **Rp. 156.582.807.000,-**", "total",
             {"programme": "Bantuan PKH (Program Keluarga Harapan)", "programme_id": "PKH",
              "funding_source": "APBN", "period": YEAR}, kind="rupiah"),
    ),
    notes=(
        "Tabel 3.4 is printed twice under the same number: lines 197 (series 2015-2020) and 241 "
        "(progress to the end of the RPJMD/Renstra period).",
        "Tabel 3.3 labels counts of persons as 'Persentase ...'.",
        "Tabel 3.2's realisation for APBD (8.501) matches Tabel 3.3's 2020 PMKS handled; the PMKS-helped "
        "percentage is 5.97 % in Tabel 3.1 but 5.90 % in Tabels 3.4 and 3.8.",
    ),
)
