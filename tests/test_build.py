"""`lkjip build`: complete, deterministic, documented, atomic; recipes that drift are refused."""

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from lkjip_analysis import load
from lkjip_analysis.build import build, collect
from lkjip_analysis.datasets.schema import DATASETS
from lkjip_analysis.errors import LkjipError
from lkjip_analysis.extraction import read_manifest

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
    assert coverage.numeric_cells == coverage.in_tidy + coverage.in_excluded
    assert coverage.in_tidy > 0


def test_datapackage_validates_with_frictionless(rebuilt):
    from frictionless import validate

    out, _ = rebuilt
    report = validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((out / "datapackage.json").read_text())
    names = [r["name"] for r in descriptor["resources"]]
    assert names == ["cells", "tables", "indicators", "pmks_by_type", "social_assistance", "budget",
                     "efficiency", "staff", "rating_scales", "quality_flags"]
    value = next(f for f in descriptor["resources"][2]["schema"]["fields"] if f["name"] == "source_line")
    assert value["type"] == "integer" and "1-based line" in value["description"]
    shas = {s["path"]: s["sha256"] for s in descriptor["sources"]}
    assert shas == {f"data/raw/{s.file}": hashlib.sha256((RAW / s.file).read_bytes()).hexdigest()
                    for s in read_manifest(RAW)}


def test_data_card_documents_every_file_and_column(rebuilt):
    out, _ = rebuilt
    card = (out / "README.md").read_text()
    for ds in DATASETS.values():
        assert f"## {ds.filename}" in card
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
    with pytest.raises(LkjipError, match="no clean file called 'budgets'"):
        load("budgets")


def test_every_row_cites_a_line_that_prints_its_value(rebuilt):
    out, _ = rebuilt
    lines = {p.name: p.read_text(encoding="utf-8").split("\n") for p in RAW.glob("*.txt")}
    for name in ("indicators", "budget", "social_assistance", "pmks_by_type", "efficiency", "staff"):
        frame = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        for src, line, raw in zip(frame["source_file"], frame["source_line"], frame["value_raw"]):
            printed = " ".join(lines[src][int(line) - 1].replace("**", "").replace("\\", "").split())
            assert raw.split(" ")[0] in printed, (name, src, line, raw)


@pytest.fixture()
def raw_copy(tmp_path):
    shutil.copytree(RAW, tmp_path / "raw")
    return tmp_path / "raw"


def _edit(raw: Path, name: str, old: bytes, new: bytes) -> None:
    path = raw / name
    path.write_bytes(path.read_bytes().replace(old, new, 1))
    manifest = raw / "sources.csv"
    rows = manifest.read_text().splitlines()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest.write_text("\n".join(",".join([*r.split(",")[:5], digest, r.split(",")[6]])
                                  if r.startswith(name) else r for r in rows) + "\n")


def test_recipe_that_no_longer_fits_stops_the_build_and_leaves_out_untouched(raw_copy, tmp_path):
    out = tmp_path / "clean"
    build(raw_copy, out, verbose=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _edit(raw_copy, "blitar_2020.txt", b"Rincian Sumber Dana Untuk PMKS", b"Rincian Anggaran Untuk PMKS")
    with pytest.raises(LkjipError) as info:
        build(raw_copy, out, verbose=False)
    assert "blitar_2020.txt:111: recipe expects T0111 to show 'Rincian Sumber Dana'" in str(info.value)
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
    assert set(tables[tables["source_file"] == "blitar_copy.txt"]["excluded_because"].dropna()) >= {
        "no recipe for this report"}
    assert result.coverage.uncovered == []
