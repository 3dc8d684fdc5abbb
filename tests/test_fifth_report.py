"""A fifth report is its raw file, its sources.csv row and one recipe module: no code change.

The new report is a copy of a real one under an invented name and region, so every value
it yields can be checked against the report it copies.
"""

import ast
import hashlib
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from lkjip_analysis.build import build
from lkjip_analysis.cli import main
from lkjip_analysis.datasets.schema import DATASETS, OUTPUT_ORDER, TIDY
from lkjip_analysis.errors import LkjipError
from lkjip_analysis.recipes.registry import recipes_by_report
from lkjip_analysis.recipes.scaffold import scaffold

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
COPIED, NEW = "sumenep_2020.txt", "ngawi_2020.txt"
TODO_LINE = re.compile(r"^  (?P<file>[\w.]+):(?P<line>\d+) (?P<table>[A-Z]\d{4}) column (?P<col>\d+) (?P<text>.+)$")


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def fifth(tmp_path_factory):
    """data/raw plus Ngawi (a copy of Sumenep), its scaffolded recipe, and the build of it all."""
    tmp = tmp_path_factory.mktemp("fifth")
    raw = tmp / "raw"
    shutil.copytree(RAW, raw)
    shutil.copy(RAW / COPIED, raw / NEW)
    digest = hashlib.sha256((raw / NEW).read_bytes()).hexdigest()
    with (raw / "sources.csv").open("a", encoding="utf-8") as manifest:
        manifest.write(f"{NEW},Ngawi,kabupaten,2020,Dinas Sosial Kabupaten Ngawi,{digest},ngawi_lkjip_2020.txt\n")
    todo = scaffold(raw / NEW)
    result = build(raw, tmp / "clean", verbose=False)
    return raw, tmp / "clean", todo, result, digest


def test_the_scaffold_goes_where_the_build_looks_and_lists_its_to_do(fifth):
    raw, _, todo, _, _ = fifth
    assert todo.path == raw / "recipes" / "ngawi_2020.py"
    assert recipes_by_report(raw)[NEW].report == NEW
    assert NEW not in recipes_by_report()  # the package itself is unchanged
    # Sumenep's 14 tables: 11 with numbers get a placeholder; T0221 and T0242 (copies) and
    # T0182 (the Misi/Tujuan/Sasaran table, words only) need none.
    assert todo.placeholders == 11 and todo.automatic == 3
    assert todo.coverage.in_tidy == 0 and todo.coverage.in_excluded == 11  # the copies' cells
    assert "ngawi_2020.txt:212 T0211 column 3 '19,34%'" in todo.coverage.uncovered


def test_the_new_report_is_in_the_datapackage(fifth):
    _, clean, _, _, digest = fifth
    package = json.loads((clean / "datapackage.json").read_text(encoding="utf-8"))
    assert package["sources"][-1] == {"title": "LKjIP Dinas Sosial Kabupaten Ngawi 2020",
                                      "path": "data/raw/ngawi_2020.txt", "sha256": digest}
    assert package["title"] == "Performance reports (LKjIP) of five Dinas Sosial, as tidy tables"
    assert "Kota Pasuruan 2022, Kabupaten Sumenep 2020 and Kabupaten Ngawi 2020, each value" in package["description"]


def test_the_new_report_is_in_the_data_card(fifth):
    _, clean, _, _, digest = fifth
    card = (clean / "README.md").read_text(encoding="utf-8")
    assert "The five LKjIP (annual performance-accountability) reports" in card
    assert f"| ngawi_2020.txt | Dinas Sosial Kabupaten Ngawi | kabupaten | 2020 | `{digest}` |" in card
    cells = _csv(clean / "cells.csv")
    assert (f"Coverage: {len(cells)} rows; Blitar, Lumajang, Ngawi, Pasuruan, Sumenep." in card)
    # Its scaffolded recipe maps nothing yet: the tidy files say they cover 4 of the 5 reports.
    assert "Coverage: 361 rows; Blitar, Lumajang, Pasuruan, Sumenep only (4 of 5 reports); periods" in card


def test_every_row_of_the_new_report_names_its_region(fifth):
    _, clean, _, _, _ = fifth
    for name in OUTPUT_ORDER:
        frame = _csv(clean / DATASETS[name].filename)
        new = frame[frame["source_file"] == NEW]
        assert (new["region"] == "Ngawi").all(), name
        if "report_year" in frame:
            assert (new["report_year"] == "2020").all(), name
        if name in TIDY:
            assert new.empty, name  # every table is still a placeholder


def test_the_new_report_yields_what_the_report_it_copies_yields(fifth):
    _, clean, _, _, _ = fifth
    cells = _csv(clean / "cells.csv")
    new, old = (cells[cells["source_file"] == f].reset_index(drop=True) for f in (NEW, COPIED))
    printed = ["table_id", "part", "row", "column", "source_line", "lines", "header_path", "value_raw"]
    assert len(new) == 590 and new[printed].equals(old[printed])
    # Cells are read "auto" until a recipe gives their column a kind: Sumenep's recipe reads
    # 100.606 (line 190) as a count, the placeholder leaves it ambiguous.
    assert set(new[new["part"] == "body"]["kind"]) == {"auto"}
    auto = old["kind"] == "auto"
    assert new[auto]["value"].equals(old[auto]["value"])
    at_190 = new[(new["source_line"] == "190") & (new["value_raw"] == "100.606")].iloc[0]
    assert (at_190["value"], at_190["missing_reason"]) == ("", "ambiguous separator")
    tables = _csv(clean / "tables.csv").set_index("table_id")
    new = tables[tables["source_file"] == NEW]
    assert list(new.index) == list(tables[tables["source_file"] == COPIED].index)
    assert (new["destination"] == "").all()
    assert new.loc["T0211", "excluded_because"] == "TODO: map or explain"
    assert new.loc["T0221", "excluded_because"] == "copy of T0211"
    assert new.loc["T0182", "excluded_because"] == "text only"
    flags = _csv(clean / "quality_flags.csv")
    subject = ["check", "source_line", "table_id", "subject", "printed", "expected"]
    new_flags = flags[flags["source_file"] == NEW][subject]
    old_flags = flags[flags["source_file"] == COPIED][subject]
    # Flags computed from cells alone (a copy that differs) come out the same; none needs a tidy row.
    assert set(map(tuple, new_flags.values)) <= set(map(tuple, old_flags.values))
    # the copy that differs: both printings flagged, neither presumed right (lines 230 and 243)
    assert list(new_flags["check"]) == ["copy", "copy"] and list(new_flags["source_line"]) == ["230", "243"]


def test_the_build_lists_the_placeholders_cells_as_to_do(fifth):
    _, _, todo, result, _ = fifth
    assert result.coverage.uncovered == todo.coverage.uncovered
    assert len(todo.coverage.uncovered) == 371


def test_scaffold_never_overwrites_a_recipe(fifth):
    raw, _, todo, _, _ = fifth
    before = todo.path.read_bytes()
    with pytest.raises(LkjipError, match=r"ngawi_2020\.py: already exists; lkjip scaffold never overwrites"):
        scaffold(raw / NEW)
    with pytest.raises(LkjipError, match="blitar_2020.txt already has a recipe; a second one here would stop"):
        scaffold(raw / "blitar_2020.txt")
    assert todo.path.read_bytes() == before
    assert sorted(p.name for p in (raw / "recipes").iterdir()) == ["ngawi_2020.py"]


def test_a_broken_extra_recipe_names_its_file_and_line(tmp_path):
    (tmp_path / "recipes").mkdir()
    (tmp_path / "recipes" / "x.py").write_text("from lkjip_analysis.recipes import Recipe\n\nRECIPE = Recipe(\n"
                                               "    report='x.txt', tables=TABLES)\n")
    with pytest.raises(LkjipError, match=r"recipes/x\.py:4: recipe module fails to load: NameError"):
        recipes_by_report(tmp_path)


def test_a_second_recipe_for_a_shipped_report_stops(tmp_path):
    (tmp_path / "recipes").mkdir()
    (tmp_path / "recipes" / "mine.py").write_text(
        "from lkjip_analysis.recipes import Recipe\n\nRECIPE = Recipe('blitar_2020.txt', {})\n")
    with pytest.raises(LkjipError, match=r"mine\.py:3: blitar_2020\.txt already has a recipe in "
                                         r"lkjip_analysis\.recipes\.reports\.blitar_2020"):
        recipes_by_report(tmp_path)


def test_lkjip_scaffold_prints_the_to_do_list_of_a_real_report(tmp_path, capsys):
    out = tmp_path / "blitar_start.py"
    assert main(["scaffold", str(RAW / "blitar_2020.txt"), "--out", str(out)]) == 0
    printed, err = capsys.readouterr()
    assert "blitar_2020.txt already has a recipe" in err
    lines = printed.splitlines()
    assert lines[0] == f"wrote {out}: 27 tables, 21 with a placeholder, 6 excluded automatically (copies, no numbers)"
    todo = [TODO_LINE.match(line) for line in lines[lines.index(next(x for x in lines if x.startswith("to do:"))) + 1:]]
    assert todo and all(todo)
    # Values named with the line they are printed on (as tests/test_tables.py reads them).
    assert "  blitar_2020.txt:116 T0111 column 1 '1.047.919'" in lines
    assert "  blitar_2020.txt:83 T0081 column 3 '5.97%'" in lines
    assert "  blitar_2020.txt:382 T0381 column 4 '(308.284.117,25)'" in lines
    report = (RAW / "blitar_2020.txt").read_text(encoding="utf-8").split("\n")
    for m in todo:
        assert m["file"] == "blitar_2020.txt"
        printed_line = " ".join(report[int(m["line"]) - 1].split())
        assert ast.literal_eval(m["text"]).split(" ")[0] in printed_line, m.group(0)
    # The six copies (T0092 and T0162 of Tabel 3.1, ...) are no work: none of their cells is listed.
    assert not [m for m in todo if m["table"] in ("T0092", "T0162", "T0207", "T0225", "T0309", "T0320")]
    assert len(todo) == 319
    module = out.read_text(encoding="utf-8")
    assert '        "T0111": Exclude(TODO, expect="Tabel 3.2"),' in module
    assert "        # T0092  lines 92-94: copy of T0081, excluded automatically" in module
    assert "        #   column 1: Target (Orang)  (10 numbers)" in module  # Tabel 3.2's header, line 111
