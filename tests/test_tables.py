"""The table finder on the real reports: counts, cells with their lines, hazards.

Checks that hold for any report run over the manifest; the counts, captions and values
were read from the four reports by hand."""

from pathlib import Path

import pytest

from lkjip_analysis.extraction import find_tables, read_manifest, read_report
from lkjip_analysis.text.numbers import parse_id_number

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORTS = tuple(s.stem for s in read_manifest(RAW))  # every report, whatever the manifest lists


@pytest.fixture(scope="module")
def tables():
    return {name: {t.table_id: t for t in find_tables(read_report(RAW / f"{name}.txt"))} for name in REPORTS}


# Counted by reading each report (docs/architecture.md lists what counts as a table):
# Blitar: 19 tab tables + 8 "KPM x Rp = Rp" sentences (lines 143-154).
# Lumajang: 28 tab tables (3 parts of the table of contents) + 12 formulas with data.
# Pasuruan: 22 tab tables (3 of them the tables of contents). Sumenep: 14 tab tables.
EXPECTED_COUNTS = {"blitar_2020": 27, "lumajang_2020": 40, "pasuruan_2022": 22, "sumenep_2020": 14}


@pytest.mark.parametrize("name", EXPECTED_COUNTS)
def test_number_of_tables(tables, name):
    assert len(tables[name]) == EXPECTED_COUNTS[name], sorted(tables[name])


def test_tables_by_kind(tables):
    kinds = {name: sorted({t.kind for t in tables[name].values()}) for name in EXPECTED_COUNTS}
    assert kinds == {
        "blitar_2020": ["narrative", "tsv"],
        "lumajang_2020": ["formula", "tsv"],
        "pasuruan_2022": ["tsv"],
        "sumenep_2020": ["tsv"],
    }


CAPTIONS = [
    ("blitar_2020", "T0081", "Tabel 3.1", 81, 84),
    ("blitar_2020", "T0111", "Tabel 3.2", 111, 124),
    ("blitar_2020", "T0241", "Tabel 3.4", 241, 245),  # the report prints "Tabel 3.4" twice
    ("blitar_2020", "T0331", "Tabel 3. 8", 331, 335),  # as printed, with its space
    ("blitar_2020", "T0282", None, 282, 290),  # "Tabel Rincian Jenis PMKS ..." has no number
    ("lumajang_2020", "T0761", "TABEL III.11", 761, 773),
    ("lumajang_2020", "T0206", "Tabel 1.2", 206, 209),  # printed "1.2" for I.2
    ("lumajang_2020", "T0422", "Tabel II.3", 422, 423),  # caption four lines above
    ("pasuruan_2022", "T0285", "Tabel 2.2", 285, 288),  # not "Tabel I" from "Tabel Indikator"
    ("pasuruan_2022", "T0464", "Tabel 3.2", 464, 466),  # "Tabel 3.2Capaian Kinerja ..."
    ("sumenep_2020", "T0356", None, 356, 408),
]


@pytest.mark.parametrize("name,table_id,caption,first,last", CAPTIONS)
def test_caption_and_lines(tables, name, table_id, caption, first, last):
    t = tables[name][table_id]
    assert (t.caption, t.first_line, t.last_line) == (caption, first, last)


def test_titles(tables):
    assert tables["blitar_2020"]["T0282"].title == "Tabel Rincian Jenis PMKS yang Ditangani pada tahun 2015 – 2020"
    assert tables["lumajang_2020"]["T0383"].title == "CAPAIAN IKU BUPATI TAHUN 2020"
    assert tables["sumenep_2020"]["T0211"].title is None  # a sentence ending in ":" is no title


# (report, table, line, column, kind, value, unit) - the values as printed at that line.
CELLS = [
    ("blitar_2020", "T0081", 83, 3, "percent", 5.97, "percent"),  # "5.97%"
    ("blitar_2020", "T0081", 83, 4, "percent", 118, "percent"),
    ("blitar_2020", "T0111", 112, 2, "count", 8501, None),
    ("blitar_2020", "T0111", 113, 1, "count", 28854, None),
    ("blitar_2020", "T0111", 116, 1, "count", 1047919, None),
    ("blitar_2020", "T0111", 121, 1, "count", 220117, None),  # the wrapped last row
    ("blitar_2020", "T0179", 182, 2, "auto", 1170, "persons"),  # "1.170 Orang"
    ("blitar_2020", "T0179", 182, 8, "auto", 8501, "persons"),
    ("blitar_2020", "T0197", 199, 8, "auto", 5.90, "percent"),
    ("blitar_2020", "T0241", 243, 1, "auto", 27, "orphanages"),  # "27 PA"
    ("blitar_2020", "T0259", 265, 7, "count", 12914, None),  # ambiguous "12.914"
    ("blitar_2020", "T0259", 262, 12, "count", 17300, None),
    ("blitar_2020", "T0282", 285, 11, "count", 134416, None),
    ("blitar_2020", "T0299", 301, 4, "auto", 64.5, "percent"),  # "64.5 %"
    ("blitar_2020", "T0331", 334, 7, "auto", 91.67, "percent"),  # "91.67 %"
    ("blitar_2020", "T0331", 335, 6, "rupiah", 264307910, "rupiah"),
    ("blitar_2020", "T0381", 382, 1, "rupiah", 6579168248.0, "rupiah"),
    ("blitar_2020", "T0381", 382, 4, "rupiah", -308284117.25, "rupiah"),  # "(308.284.117,25)"
    ("blitar_2020", "T0381", 394, 1, "rupiah", -6579168248.0, "rupiah"),  # SILPA
    ("blitar_2020", "N0143", 143, 0, "auto", 1047919, "beneficiary households"),
    ("blitar_2020", "N0143", 143, 2, "auto", 209583800000, "rupiah"),
    ("blitar_2020", "N0150", 150, 0, "auto", 28854, "beneficiary households"),
    ("blitar_2020", "N0150", 150, 1, "auto", 100000, "rupiah"),
    ("blitar_2020", "N0150", 150, 2, "auto", 2885400000, "rupiah"),
    ("lumajang_2020", "F0507", 507, 0, "count", 426794, None),  # \frac{426.794}{541.897}
    ("lumajang_2020", "F0507", 507, 1, "count", 541897, None),
    ("lumajang_2020", "F0507", 507, 3, "auto", 78.76, "percent"),
    ("lumajang_2020", "F0527", 527, 9, "auto", -0.68, "percent"),
    ("lumajang_2020", "F0929", 929, 0, "count", 40, None),  # "$40 : 1421 ..." in prose
    ("lumajang_2020", "F0929", 929, 1, "count", 1421, None),
    ("lumajang_2020", "T0433", 434, 3, "auto", 2206660364, "rupiah"),  # "Rp 2.206.660.364,-"
    ("lumajang_2020", "T0698", 699, 3, "percent", 78.76, "percent"),
    ("lumajang_2020", "T0698", 704, 2, "percent", 52.72, "percent"),
    ("lumajang_2020", "T0724", 726, 4, "auto", 176.46, "percent"),
    ("lumajang_2020", "T0963", 965, 2, "rupiah", 758859800, "rupiah"),
    ("lumajang_2020", "T0963", 977, 2, "rupiah", 7362000, "rupiah"),  # "7.362.000,00,-"
    ("lumajang_2020", "T0963", 987, 3, "rupiah", 485432750.0, "rupiah"),
    ("lumajang_2020", "T0206", 209, 2, "count", 48, None),
    ("pasuruan_2022", "T0163", 166, 2, "auto", 28155762151, "rupiah"),
    ("pasuruan_2022", "T0269", 273, 5, "auto", 92, "percent"),
    ("pasuruan_2022", "T0338", 348, 2, "auto", 4851, "persons"),
    ("pasuruan_2022", "T0338", 361, 2, "auto", 6, "persons"),  # after the running page header
    ("pasuruan_2022", "T0338", 404, 2, "auto", 1000, "square metres"),
    ("pasuruan_2022", "T0408", 414, 4, "auto", 20115766849, "rupiah"),
    ("pasuruan_2022", "T0464", 466, 5, "percent", 98.2, "percent"),
    ("pasuruan_2022", "T0577", 580, 5, "rupiah", 28568613969, "rupiah"),
    ("pasuruan_2022", "T0630", 632, 1, "auto", 24055295545, "rupiah"),
    ("pasuruan_2022", "T0630", 636, 1, "auto", 287982480, "rupiah"),  # printed so; prose says 27.982.480
    ("sumenep_2020", "T0211", 213, 3, "auto", 0.5, "percent"),  # "0,50%"
    ("sumenep_2020", "T0242", 243, 3, "auto", 19.53, "percent"),
    ("sumenep_2020", "T0263", 265, 3, "auto", 100606, "persons"),  # "100.606 org"
    ("sumenep_2020", "T0295", 297, 4, "percent", 20.16, "percent"),
    ("sumenep_2020", "T0309", 311, 6, "auto", 1532.66, None),  # "1.532,66"
    ("sumenep_2020", "T0326", 329, 5, "count", 197465, None),  # "197,465"
    ("sumenep_2020", "T0326", 328, 6, "auto", 1569.77, "percent"),
    ("sumenep_2020", "T0345", 352, 1, "rupiah", 23319682577.0, "rupiah"),  # inside <b>...</b>
    ("sumenep_2020", "T0356", 357, 2, "auto", 712399916, None),
    ("sumenep_2020", "T0356", 376, 6, "auto", 15960000, None),  # code split over 5 columns here
]


@pytest.mark.parametrize("name,table_id,line,col,kind,value,unit", CELLS)
def test_cell_value_and_line(tables, name, table_id, line, col, kind, value, unit):
    cell = tables[name][table_id].find_cell(line, col)
    parsed = cell.parse(kind)
    assert parsed.value == pytest.approx(value), cell
    assert parsed.unit == unit
    assert cell.line == line


MISSING_CELLS = [
    ("blitar_2020", "T0179", 188, 3, "not available"),  # n/a*
    ("blitar_2020", "T0259", 266, 1, "not available"),
    ("lumajang_2020", "T0216", 220, 2, "dash"),
    ("lumajang_2020", "T0698", 700, 6, "text"),  # "Belum dilakukan pengukuran ..."
    ("lumajang_2020", "T0629", 631, 4, "expression"),  # "426794/5 41897* 100%"
    ("lumajang_2020", "T0761", 765, 4, "expression"),  # "49,18 +36,57/ 2=42,87"
    ("pasuruan_2022", "T0630", 634, 1, "malformed"),  # "Rp91-.160.954"
    ("pasuruan_2022", "T0408", 410, 2, "malformed"),  # "Rp. 36.0509.030"
    ("pasuruan_2022", "T0447", 448, 2, "expression"),  # "$91 \leq 100$"
    ("pasuruan_2022", "T0600", 612, 6, "dash"),
    ("sumenep_2020", "T0189", 191, 5, "several values"),
    ("sumenep_2020", "T0356", 386, 6, "empty"),
]


@pytest.mark.parametrize("name,table_id,line,col,reason", MISSING_CELLS)
def test_missing_cells_keep_their_reason(tables, name, table_id, line, col, reason):
    cell = tables[name][table_id].find_cell(line, col)
    assert cell.parse().missing == reason
    assert cell.parse().value is None


def test_header_over_two_and_three_rows(tables):
    t3_3 = tables["blitar_2020"]["T0179"]
    assert [t3_3.header_path(c) for c in (1, 2, 3, 8)] == [
        "Indikator Kinerja", "Target", "Realisasi / 2015", "Realisasi / 2020"]
    t3_5 = tables["blitar_2020"]["T0259"]  # years over Target | Realisasi pairs, then (1) (2) ...
    assert [t3_5.header_path(c) for c in (0, 1, 2, 11, 12)] == [
        "Jenis PMKS yang dibantu", "2015 / Target", "2015 / Realisasi", "2020 / Target", "2020 / Realisasi"]
    assert t3_5.column_numbers().texts()[:3] == ["(1)", "(2)", "(3)"]
    assert len(t3_5.header) == 3
    t3_8 = tables["blitar_2020"]["T0331"]
    assert [t3_8.header_path(c) for c in (2, 4, 5, 7)] == [
        "Kinerja / Target", "Kinerja / Capaian", "Anggaran (Rp) / Alokasi", "Anggaran (Rp) / Capaian"]
    conclusion = tables["pasuruan_2022"]["T0650"]  # three header rows, no caption
    assert conclusion.header_path(5) == "Tingkat Pencapaian / Sangat berhasil / %"
    assert conclusion.body[0].texts()[0] == "MISI I dan III"  # a group label opens the body
    lumajang = tables["lumajang_2020"]["T0782"]
    assert lumajang.header_path(4) == "TAHUN 2019 / Realisasi"
    assert tables["lumajang_2020"]["T0724"].header_path(4) == "% Efisiensi"
    assert tables["lumajang_2020"]["T0724"].column_numbers().texts()[4] == "5 = (3-4)"


def test_table_without_header(tables):
    pk = tables["lumajang_2020"]["T0422"]
    assert pk.header == [] and pk.n_rows == 2
    assert pk.find_cell(422, 3).parse("percent").value == 29.42


def test_page_break_with_repeated_header_joins_the_parts(tables):
    t3_2 = tables["blitar_2020"]["T0111"]
    assert t3_2.skipped_lines == [123] and t3_2.n_rows == 10
    t3_3 = tables["blitar_2020"]["T0179"]
    assert t3_3.skipped_lines == [185, 186] and t3_3.n_rows == 4
    t3_10 = tables["blitar_2020"]["T0381"]
    assert t3_10.skipped_lines == [386] and t3_10.n_rows == 11
    assert t3_10.find_cell(387, 0).text == "Belanja Barang dan Jasa"
    running = tables["pasuruan_2022"]["T0338"]
    assert running.skipped_lines == [359]  # "LKjIP DINAS SOSIAL KOTA PASURUAN 2022"


def test_wrapped_cells_are_joined_with_all_their_lines(tables):
    last = tables["blitar_2020"]["T0111"].body[-1]
    assert last.cells[0].text == "APBN – BST yang disalurkan PT.Pos (II)"
    assert last.cells[0].lines == (121, 124)
    assert last.cells[1].lines == (121,)
    pmks = tables["blitar_2020"]["T0179"].find_cell(187, 0)
    assert pmks.text.endswith("kesejahteraan sosial (PMKS)") and pmks.lines == (183, 187)
    lumajang = tables["lumajang_2020"]["T0963"].find_cell(976, 1)
    assert lumajang.text == "Penyusunan Laporan Keuangan Akhir Tahun" and lumajang.lines == (974, 976)
    # Pasuruan: after the page break the wrapped words land one column to the right.
    shifted = tables["pasuruan_2022"]["T0408"].find_cell(413, 1)
    assert shifted.text.endswith("Kecamatan Kewenangan Kab/Kota") and shifted.lines == (411, 413)
    assert tables["pasuruan_2022"]["T0408"].find_cell(411, 2).text == "Rp. 35.769.350"
    # Rows that merely follow each other are never merged (Lumajang Tabel I.1).
    assert tables["lumajang_2020"]["T0192"].n_rows == 3


def test_html_tags_are_stripped_from_cell_text(tables):
    cell = tables["sumenep_2020"]["T0356"].find_cell(357, 1)
    assert cell.raw.startswith("<b>Program Peningkatan")
    assert cell.text == "Program Peningkatan Manajemen dan Pelayanan Administrasi"


def test_html_table_markup():
    report = read_report(FIXTURES / "html_table.txt", verify=False)
    (table,) = find_tables(report)
    assert (table.table_id, table.kind, table.caption, table.title) == ("H0006", "html", "Tabel 9.9",
                                                                          "Contoh Tabel HTML")
    assert (table.first_line, table.last_line) == (6, 12)
    assert table.header_path(1) == "Tahun 2020 / Target"
    assert table.header_path(2) == "Tahun 2020 / Realisasi"
    belanja = table.find_cell(9, 0)
    assert belanja.raw == "<b>Belanja Pegawai</b>" and belanja.text == "Belanja Pegawai"
    assert table.find_cell(10, 2).parse("rupiah").value == 3568689764.0  # a row over two lines
    assert table.find_cell(11, 0).text == "PMKS ditangani"
    assert table.find_cell(11, 1).parse().value == 1170
    assert table.find_cell(11, 2).parse().missing == "not available"


def test_formula_roles(tables):
    f = tables["lumajang_2020"]["F0507"]
    assert f.header[0].texts() == ["numerator", "denominator", "factor", "result"]
    assert f.body[0].texts() == ["426.794", "541.897", "100%", "78,76 %"]  # as printed, "\\%" read as "%"
    assert tables["lumajang_2020"]["F0655"].body[0].texts()[:2] == ["266.787", "426.794"]
    # Definitions without data ("x 100 %" only) are not tables.
    assert "F0457" not in tables["lumajang_2020"]


COPIES = {
    "blitar_2020": {"T0092": "T0081", "T0162": "T0081", "T0207": "T0197", "T0225": "T0197",
                    "T0309": "T0299", "T0320": "T0299"},
    "lumajang_2020": {"T0629": "T0383", "T0674": "T0405", "T0688": "T0422", "T0911": "T0761",
                      "T0943": "T0724"},
    "pasuruan_2022": {},
    "sumenep_2020": {"T0221": "T0211", "T0242": "T0229"},
}


@pytest.mark.parametrize("name", COPIES)
def test_tables_printed_twice_are_marked_as_copies(tables, name):
    found = {tid: t.copy_of for tid, t in tables[name].items() if t.copy_of}
    assert found == COPIES[name]


@pytest.mark.parametrize("name", REPORTS)
def test_every_line_with_a_tab_separated_run_of_numbers_is_in_a_table(tables, name):
    report = read_report(RAW / f"{name}.txt")
    cell_lines = {n for t in tables[name].values() for row in [*t.header, *t.body]
                  for c in row.cells for n in c.lines}
    cell_lines |= {n for t in tables[name].values() for n in t.skipped_lines}
    for number, text in enumerate(report.lines, 1):
        parts = text.split("\t")
        values = [parse_id_number(p, "count").ok for p in parts]
        if any(a and b for a, b in zip(values, values[1:])):
            assert number in cell_lines, f"{name}:{number} holds numbers outside any table: {text[:80]!r}"


@pytest.mark.parametrize("name", REPORTS)
def test_every_cell_is_on_its_line(tables, name):
    """A cell's raw text (or, for wrapped cells, each part) is printed on the lines it names."""
    report = read_report(RAW / f"{name}.txt")
    for t in tables[name].values():
        if t.kind != "tsv":
            continue
        for row in [*t.header, *t.body]:
            for cell in row.cells:
                if cell.raw:
                    printed = " ".join(report.line(n) for n in cell.lines)
                    for part in cell.raw.split(" "):
                        assert part in printed, (name, t.table_id, cell)
