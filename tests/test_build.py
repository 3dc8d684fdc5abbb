"""`lkjip build`: complete, deterministic, documented, atomic; recipes that drift are refused."""

import hashlib
import json
import re
import shutil
from itertools import product
from pathlib import Path

import pandas as pd
import pytest

from lkjip_analysis import load
from lkjip_analysis.build import build, collect
from lkjip_analysis.datasets.schema import DATASETS, OUTPUT_ORDER, TIDY
from lkjip_analysis.errors import LkjipError
from lkjip_analysis.extraction import read_manifest
from lkjip_analysis.text.clean import clean_text

from conftest import edit_report

ROOT = Path(__file__).resolve().parents[1]
RAW, CLEAN = ROOT / "data" / "raw", ROOT / "data" / "clean"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("clean") / "clean"
    result = build(RAW, out, verbose=False)
    return out, result


def test_rebuilding_gives_the_committed_bytes(rebuilt):
    out, _ = rebuilt
    built = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in CLEAN.iterdir())
    assert built == committed
    for name in built:
        assert (out / name).read_bytes() == (CLEAN / name).read_bytes(), (
            f"data/clean/{name} is not what `lkjip build` makes from data/raw: run `make run` and commit")


def test_building_twice_gives_identical_bytes(rebuilt, tmp_path):
    out, _ = rebuilt
    again = tmp_path / "again"
    build(RAW, again, verbose=False)
    for path in out.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_every_report_of_the_manifest_has_its_recipe(rebuilt):
    _, result = rebuilt
    assert list(result.recipes) == [s.file for s in read_manifest(RAW)]
    assert result.warnings == []


def test_every_numeric_cell_is_accounted_for(rebuilt):
    _, result = rebuilt
    coverage = result.coverage
    assert coverage.uncovered == []
    # 1488 numeric body cells in the four reports: 1279 reach a tidy file, 209 are in tables excluded
    # with a reason (tables of contents, copies of a table printed earlier).
    assert (coverage.numeric_cells, coverage.in_tidy, coverage.in_excluded) == (1488, 1279, 209)


def test_datapackage_validates_with_frictionless(rebuilt):
    from frictionless import validate

    out, _ = rebuilt
    report = validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((out / "datapackage.json").read_text())
    names = [r["name"] for r in descriptor["resources"]]
    assert names == list(OUTPUT_ORDER)  # the order of schema.py, which the data card follows too
    assert sorted(p.name for p in out.glob("*.csv")) == sorted(f"{name}.csv" for name in OUTPUT_ORDER)
    value = next(f for f in descriptor["resources"][2]["schema"]["fields"] if f["name"] == "source_line")
    assert value["type"] == "integer" and "1-based line" in value["description"]
    shas = {s["path"]: s["sha256"] for s in descriptor["sources"]}
    assert shas == {f"data/raw/{s.file}": hashlib.sha256((RAW / s.file).read_bytes()).hexdigest()
                    for s in read_manifest(RAW)}


def test_every_resource_declares_its_unique_key_and_frictionless_enforces_it(rebuilt, tmp_path):
    from frictionless import validate

    out, _ = rebuilt
    descriptor = json.loads((out / "datapackage.json").read_text())
    assert {r["name"]: r["schema"]["primaryKey"] for r in descriptor["resources"]} == {
        name: list(DATASETS[name].key) for name in OUTPUT_ORDER}
    # a row repeated in tables.csv (its key: source_file, table_id) is refused
    copy = tmp_path / "clean"
    shutil.copytree(out, copy)
    lines = (copy / "tables.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (copy / "tables.csv").write_text("".join([*lines, lines[1]]), encoding="utf-8")
    errors = validate(copy / "datapackage.json").flatten(["type"])
    assert ["primary-key"] in errors


def test_target_origins_are_documented_words():
    documented = DATASETS["indicators"]
    field = next(f for f in documented.fields if f.name == "target_origin")
    assert set(load("indicators")["target_origin"].dropna()) <= set(field.enum)
    assert "DPA (the budget execution document" in field.description


def test_data_card_documents_every_file_and_column(rebuilt):
    out, _ = rebuilt
    card = (out / "README.md").read_text()
    sections = [card.index(f"## {DATASETS[name].filename}") for name in OUTPUT_ORDER]
    assert sections == sorted(sections)
    for ds in DATASETS.values():
        for field in ds.fields:
            assert f"| {field.name} | {field.type} |" in card
    for s in read_manifest(RAW):
        assert f"| {s.file} | {s.office} | {s.region_type} | {s.report_year} | `{s.sha256}` |" in card
    # The citation example is a real row: line 59 of the first report prints indicators.csv's first value.
    assert "(e.g. `sed -n 59p data/raw/blitar_2020.txt` prints the `5 %` of the first row of indicators.csv)" in card
    assert (RAW / "blitar_2020.txt").read_text().split("\n")[58].split("\t")[3] == "5 %"
    # A dataset printed by only some reports says so, from the data.
    n_reports = len(read_manifest(RAW))
    assert f"Coverage: 144 rows; Blitar only (1 of {n_reports} reports); periods 2015-2020." in card


def test_load_returns_typed_frames_from_any_directory(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # notebooks run from notebooks/; the data is still found
    monkeypatch.delenv("LKJIP_ROOT", raising=False)
    budget = load("budget")
    assert str(budget["value"].dtype) == "Float64"
    assert str(budget["source_line"].dtype) == "Int64"
    assert str(budget["measure"].dtype) == "category"
    assert str(budget["name"].dtype) == "string"
    assert budget["value"].isna().sum() == (budget["missing_reason"].notna()).sum()
    scales = load("rating_scales")
    assert str(scales["lower_inclusive"].dtype) == "boolean"


def test_load_rejects_unknown_names():
    with pytest.raises(LkjipError, match="no clean or reference file called 'budgets'"):
        load("budgets")


REPORT_LINES = {p.name: p.read_text(encoding="utf-8").split("\n") for p in RAW.glob("*.txt")}


def _printed_on(src: str, lines: list[int], raw: str) -> bool:
    """Whether the whole text ``raw`` (clean_text'ed) is printed on ``lines`` of data/raw/``src``.

    On one line: as a whole, not as part of a longer number ("5" is not printed in "15" nor in
    "5,97"). Over several lines (a wrapped cell): one tab-separated field of each line, joined.
    """
    if len(lines) == 1:
        bounded = r"(?<![0-9A-Za-z])(?<![0-9][.,])" + re.escape(raw) + r"(?![0-9])(?![.,][0-9])"
        return re.search(bounded, clean_text(REPORT_LINES[src][lines[0] - 1])) is not None
    fields = [[clean_text(f) for f in REPORT_LINES[src][n - 1].split("\t")] for n in lines]
    return any(" ".join(f for f in parts if f) == raw for parts in product(*fields))


def _lines(lines: str) -> list[int]:
    return [int(n) for n in lines.split(";")]


def test_every_cell_is_printed_whole_on_its_lines(built):
    """Every cell of cells.csv, wrapped ones over all their lines (the 'lines' column). The header
    cells of formulas and sentences are role names (numerator, total ...), not printed text."""
    cells = built.frames["cells"]
    cells = cells[~(cells["table_id"].str[0].isin(["F", "N"]) & (cells["part"] == "header"))]
    wrong = [(src, table, lines, raw) for src, table, lines, raw in
             zip(cells["source_file"], cells["table_id"], cells["lines"], cells["value_raw"].fillna(""))
             if clean_text(raw) and not _printed_on(src, _lines(lines), clean_text(raw))]
    assert wrong == []
    # The wrapped cells, the long ones read over their lines: Blitar T0111 and T0179, Lumajang T0323,
    # T0405, T0674 and T0963, Pasuruan T0408 and T0600 (two cells on lines 614-616).
    wrapped = cells[cells["lines"].str.contains(";")]
    assert sorted(wrapped["lines"]) == ["121;124", "183;187", "325;327", "407;409", "411;413", "614;616",
                                        "614;616", "676;678", "974;976"]


def test_every_row_cites_the_lines_that_print_its_whole_value(built):
    """value_raw of every row of every tidy file is printed on its source_line: the whole text, after
    the clean_text normalisation (HTML tags, ** emphasis, LaTeX's \\%, white space). A value read
    from a wrapped cell is looked for over all the lines cells.csv gives that cell."""
    cells = built.frames["cells"]
    cells = cells[cells["part"] == "body"]
    cell_lines = {(src, table, int(line), clean_text(raw)): _lines(lines)
                  for src, table, line, raw, lines in zip(cells["source_file"], cells["table_id"],
                                                          cells["source_line"], cells["value_raw"].fillna(""),
                                                          cells["lines"])}
    rows, wrong = {}, []
    for name in TIDY:
        frame = built.frames[name]
        reasons = frame["missing_reason"] if "missing_reason" in frame else pd.Series(None, index=frame.index)
        for src, table, line, raw, reason in zip(frame["source_file"], frame["table_id"], frame["source_line"],
                                                 frame["value_raw"].fillna(""), reasons):
            raw = clean_text(raw)
            assert raw or reason == "empty", (name, src, line, "nothing printed, yet not an empty cell")
            if raw and not _printed_on(src, cell_lines.get((src, table, int(line), raw), [int(line)]), raw):
                wrong.append((name, src, int(line), raw))
        rows[name] = len(frame)
    assert wrong == []
    # Every row was looked at: the row counts of data/clean's tidy files.
    assert rows == {"indicators": 426, "pmks_by_type": 144, "social_assistance": 68, "budget": 361,
                    "efficiency": 29, "staff": 101, "rating_scales": 17}


@pytest.fixture()
def raw_copy(tmp_path):
    shutil.copytree(RAW, tmp_path / "raw")
    return tmp_path / "raw"


def test_recipe_that_no_longer_fits_stops_the_build_and_leaves_out_untouched(raw_copy, tmp_path):
    out = tmp_path / "clean"
    build(raw_copy, out, verbose=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    edit_report(raw_copy, "blitar_2020.txt", b"Rincian Sumber Dana Untuk PMKS", b"Rincian Anggaran Untuk PMKS")
    with pytest.raises(LkjipError) as info:
        build(raw_copy, out, verbose=False)
    assert ("blitar_2020.txt:111: recipe lkjip_analysis.recipes.reports.blitar_2020, table T0111: expects the "
            "table to show 'Rincian Sumber Dana'") in str(info.value)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".clean-*"))  # no half-written folder left behind


def test_changed_report_stops_the_build(raw_copy, tmp_path):
    path = raw_copy / "sumenep_2020.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(LkjipError, match=r"sumenep_2020\.txt: sha256 .* does not match"):
        build(raw_copy, tmp_path / "clean", verbose=False)
    assert not (tmp_path / "clean").exists()


def test_report_without_recipe_yields_generic_cells_and_a_warning(raw_copy):
    shutil.copy(raw_copy / "blitar_2020.txt", raw_copy / "blitar_copy.txt")
    manifest = raw_copy / "sources.csv"
    row = next(r for r in manifest.read_text().splitlines() if r.startswith("blitar_2020.txt"))
    manifest.write_text(manifest.read_text() + row.replace("blitar_2020.txt", "blitar_copy.txt", 1) + "\n")
    result = collect(raw_copy)
    assert any("blitar_copy.txt: no recipe" in w for w in result.warnings)
    cells = result.frames["cells"]
    copy_cells = cells[cells["source_file"] == "blitar_copy.txt"]
    assert len(copy_cells) == len(cells[cells["source_file"] == "blitar_2020.txt"])
    tables = result.frames["tables"]
    copy_tables = tables[tables["source_file"] == "blitar_copy.txt"]
    # Blitar's 27 tables: the 6 copies (Tabel 3.1.1, 3.1.2, ...) are still found, the other 21 have no recipe.
    assert copy_tables["excluded_because"].value_counts().to_dict() == {
        "no recipe for this report": 21, "copy of T0081": 2, "copy of T0197": 2, "copy of T0299": 2}
    assert copy_tables["destination"].isna().all()
    assert result.coverage.uncovered == []
    # Blitar's 345 numeric cells are counted again, all in excluded tables.
    assert (result.coverage.numeric_cells, result.coverage.in_excluded) == (1488 + 345, 209 + 345)


def test_cell_rows_follow_the_columns_of_cells_csv():
    """read_one builds cells.csv's rows as tuples (datasets/catalogue.py): their order is the dataset's."""
    from lkjip_analysis.datasets.catalogue import CELL_COLUMNS

    assert CELL_COLUMNS == tuple(DATASETS["cells"].columns)
