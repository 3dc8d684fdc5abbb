"""Strict recipes: an entry that matches nothing stops the build, naming the recipe, the
table and the line; so does an indicator label that maps to no canonical id.

A tiny report (one table, body rows on lines 6-9) and recipes built in the test.
"""

import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from lkjip_analysis.build import build
from lkjip_analysis.derive.indicator_ids import assign_indicator_ids
from lkjip_analysis.errors import LkjipError
from lkjip_analysis.extraction import find_tables, read_report
from lkjip_analysis.recipes import Exclude, Melt, Pick, Recipe, Scale, Value, recipes_by_report
from lkjip_analysis.recipes.apply import apply_recipe
from lkjip_analysis.reference.indicators import id_for_level, ids_with_role

from conftest import edit_report

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"

TINY = "\n".join([
    "Laporan uji",                                   # 1
    "",                                              # 2
    "Tabel 1 Capaian Kinerja",                       # 3
    "",                                              # 4
    "No\tIndikator\tTarget\tRealisasi",              # 5
    "1\tPersentase A\t10\t12",                       # 6
    "2\tPersentase B\t20\t18",                       # 7
    "3\tPersentase C\t\t",                           # 8: prints no value
    "\tJumlah\t30\t30",                              # 9
    "",                                              # 10
    "Sebanyak 45 orang dibantu pada tahun 2020.",    # 11
    "",
])
TABLE = "T0005"


@pytest.fixture()
def tiny(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text(TINY, encoding="utf-8")
    report = read_report(path)
    return report, find_tables(report)


def melt(**changes) -> Melt:
    """A melt that fits the tiny table; ``changes`` put one mistake in it."""
    spec = dict(dataset="indicators",
                values=(Value(2, "target", 2020, kind="percent"), Value(3, "realisation", 2020, kind="percent")),
                labels={"indicator": 1}, numbering=0, fixed={"level": "objective", "objective": "o"},
                rows=(6, 8), row_fields={7: {"target_origin": "Perjanjian Kinerja"}}, expect="Tabel 1")
    return Melt(**{**spec, **changes})


def apply(tiny, entry, picks=(), module=None):
    report, tables = tiny
    return apply_recipe(report, tables, Recipe("tiny.txt", {TABLE: entry}, picks=picks, module=module))


def test_the_tiny_table_is_found_where_the_tests_expect_it(tiny):
    _, tables = tiny
    assert [t.table_id for t in tables] == [TABLE]
    assert [r.line for r in tables[0].body] == [6, 7, 8, 9]


def test_a_recipe_that_fits_gives_its_records(tiny):
    records = apply(tiny, melt()).records["indicators"]
    assert [(r["source_line"], r["indicator"], r["measure"], r["value"]) for r in records] == [
        (6, "Persentase A", "target", 10), (6, "Persentase A", "realisation", 12),
        (7, "Persentase B", "target", 20), (7, "Persentase B", "realisation", 18)]
    assert [r.get("target_origin") for r in records] == [None, None, "Perjanjian Kinerja", "Perjanjian Kinerja"]


MISTAKES = [
    # what is wrong, the melt, the line named, what the message says
    ("rows bound past the table", melt(rows=(6, 10)), 10, "rows=(6, 10): line 10 is not a body row"),
    ("rows bound before the table", melt(rows=(5, 8)), 5, "rows=(5, 8): line 5 is not a body row"),
    ("rows backwards", melt(rows=(8, 6), row_fields={}), 8, "rows=(8, 6) is empty"),
    ("skip a line that is no row", melt(skip=(4,)), 4, "skip names line 4, which is not a body row"),
    ("skip a row outside rows", melt(skip=(9,)), 9, "skip names line 9, outside rows=(6, 8)"),
    ("row_fields on a line that is no row", melt(row_fields={10: {"unit": "x"}}), 10,
     "row_fields names line 10, which is not a body row"),
    ("row_fields on a row outside rows", melt(row_fields={9: {"unit": "x"}}), 9,
     "row_fields names line 9, a row this entry does not take"),
    ("row_fields on a skipped row", melt(skip=(7,)), 7, "row_fields names line 7, a row this entry does not take"),
    ("row_fields on a row without values", melt(row_fields={8: {"unit": "x"}}), 8,
     "row_fields names line 8, whose row prints no value in columns 2, 3"),
    ("fill_down of no label", melt(fill_down=("objective",)), 5, "fill_down names 'objective', which is not one"),
    ("a value column past the table", melt(values=(Value(2, "target", 2020), Value(5, "realisation", 2020))), 5,
     "value column 5 (realisation) is blank on every row taken"),
    ("a label column past the table", melt(labels={"indicator": 1, "objective": 6}), 5,
     "label 'objective' (column(s) 6) is blank on every row taken"),
    ("a numbering column past the table", melt(numbering=4), 5, "numbering column 4 is blank on every row taken"),
    ("a not_data column past the table", melt(not_data=(7,)), 5, "not_data column 7 is blank on every row taken"),
    ("a levels regex that never matches",
     melt(levels=((1, r"^Persentase", "indicator"), (1, r"^Program", "programme"))), 5,
     "levels entry (column 1, '^Program', 'programme') sets the level of no row taken"),
    ("a levels entry shadowed by an earlier one", melt(levels=((1, r".", "indicator"), (1, r"^Persentase", "x"))),
     5, "levels entry (column 1, '^Persentase', 'x') sets the level of no row taken"),
    ("rows that take nothing but the blank row", melt(rows=(8, 8), row_fields={}), 5,
     "value column 2 (target) is blank on every row taken"),
    ("a period label that is not a year", melt(values=(Value(2, "target"),), labels={"indicator": 1, "period": 1}), 6,
     "the period label holds 'Persentase A', not a year"),
    ("a field the dataset does not have", melt(fixed={"colour": "red"}), 6,
     "gives indicators unknown field(s) colour"),
    ("a dataset that does not exist", melt(dataset="indicatorz"), 6, "unknown dataset 'indicatorz'"),
    ("a caption that changed", melt(expect="Tabel 2"), 5, "expects the table to show 'Tabel 2'"),
]


@pytest.mark.parametrize("what,entry,line,message", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_recipe_entry_that_matches_nothing_stops_with_recipe_table_and_line(tiny, what, entry, line, message):
    report, _ = tiny
    with pytest.raises(LkjipError) as info:
        apply(tiny, entry)
    assert (info.value.path, info.value.line) == (str(report.path), line)
    assert str(info.value).startswith(f"{report.path}:{line}: recipe for tiny.txt, table {TABLE}: ")
    assert message in str(info.value)


def test_the_error_names_the_recipe_module_when_known(tiny):
    with pytest.raises(LkjipError, match=r"tiny\.txt:9: recipe lkjip_analysis\.recipes\.reports\.tiny, table T0005: "
                                         r"skip names line 9"):
        apply(tiny, melt(skip=(9,)), module="lkjip_analysis.recipes.reports.tiny")


def test_a_table_the_report_does_not_have_is_named_with_its_line(tiny):
    report, tables = tiny
    with pytest.raises(LkjipError, match=r"tiny\.txt:99: recipe for tiny\.txt names table T0099, which is not "
                                         r"found in the report \(tables: T0005\)"):
        apply_recipe(report, tables, Recipe("tiny.txt", {TABLE: melt(), "T0099": Exclude("none")}))


def test_a_scale_column_that_is_always_blank_stops_the_build(tiny):
    scale = Scale("test", band=2, label=(1, 6))
    with pytest.raises(LkjipError, match=r"tiny\.txt:5: recipe for tiny\.txt, table T0005: label column 6 is blank"):
        apply(tiny, scale)


def test_a_scale_band_that_cannot_be_read_names_its_row(tiny):
    # column 1 prints "Persentase A", not a band such as "25 - 43,75"
    with pytest.raises(LkjipError, match=r"tiny\.txt:6: recipe for tiny\.txt, table T0005: cannot read the band "
                                         r"'Persentase A'"):
        apply(tiny, Scale("test", band=1, label=(0,)))


PICK_MISTAKES = [
    (Pick("indicators", 11, "45 orang", "realisation", col=2), 11, "no table is printed on this line"),
    (Pick("indicators", 6, "Persentase A", "realisation", col=7), 6, "T0005 has no cell in column 7 on this line"),
    (Pick("indicators", 40, "45 orang", "realisation"), 40, "the line is outside the report"),
    (Pick("indicators", 11, "46 orang", "realisation"), 11, "the text is not printed here"),
    (Pick("indicators", 11, "45 orang", "realisation", nth=1), 11, "wants number 1 (counting from 0) of the text"),
]


@pytest.mark.parametrize("pick,line,message", PICK_MISTAKES, ids=[m[2] for m in PICK_MISTAKES])
def test_a_pick_that_matches_nothing_stops_with_recipe_and_line(tiny, pick, line, message):
    report, _ = tiny
    with pytest.raises(LkjipError) as info:
        apply(tiny, melt(), picks=(pick,))
    assert str(info.value).startswith(f"{report.path}:{line}: recipe for tiny.txt, pick {pick.text!r}: ")
    assert message in str(info.value)


def test_a_pick_that_fits_gives_its_record(tiny):
    pick = Pick("indicators", 11, "Sebanyak 45 orang", "realisation",
                {"level": "objective", "objective": "o", "indicator": "i", "period": 2020}, kind="count")
    record = apply(tiny, melt(), picks=(pick,)).records["indicators"][-1]
    assert (record["source_line"], record["value"], record["unit"], record["value_raw"]) == (11, 45, "persons",
                                                                                             "45 orang")


# Indicator ids: the build refuses a label that maps to no canonical id.

def _indicators(**row) -> pd.DataFrame:
    base = {"source_file": "blitar_2020.txt", "source_line": 83, "indicator": "Persentase PMKS yang dibantu dan "
            "ditangani", "level": "objective", "indicator_id": None}
    return pd.DataFrame([{**base, **row}])


RECIPES = recipes_by_report()


def test_listed_labels_and_generic_levels_get_their_ids():
    # blitar_2020.py's INDICATOR_LABELS lists the label of line 83 under pmks_reached_pct
    assert assign_indicator_ids(_indicators(), RECIPES)["indicator_id"].tolist() == ["pmks_reached_pct"]
    unlisted_programme = _indicators(indicator="Cakupan layanan baru", level="programme")
    assert assign_indicator_ids(unlisted_programme, RECIPES)["indicator_id"].tolist() == ["programme_indicator"]


def test_labels_come_from_the_report_s_own_recipe():
    # the same words in another report's rows are not mapped by Blitar's recipe
    other = _indicators(source_file="sumenep_2020.txt")
    with pytest.raises(LkjipError, match="maps to no canonical indicator id"):
        assign_indicator_ids(other, RECIPES)


def test_a_recipe_label_under_an_unknown_id_or_two_ids_stops():
    blitar = RECIPES["blitar_2020.txt"]
    typo = {"blitar_2020.txt": replace(blitar, indicator_labels={"pmks_reachd_pct": ("x",)})}
    with pytest.raises(LkjipError, match=r"indicator_labels names 'pmks_reachd_pct', which .*indicators\.yaml does "
                                         "not define"):
        assign_indicator_ids(_indicators(), typo)
    twice = {"blitar_2020.txt": replace(blitar, indicator_labels={"pmks_reached_pct": ("Label",),
                                                                   "poverty_rate_pct": ("label",)})}
    with pytest.raises(LkjipError, match="label 'label' maps to pmks_reached_pct and poverty_rate_pct"):
        assign_indicator_ids(_indicators(), twice)


def test_an_unlisted_label_stops_naming_file_line_label_and_the_reference(tmp_path):
    frame = _indicators(indicator="Persentase PMKS yang dibantu dan disantuni")
    with pytest.raises(LkjipError) as info:
        assign_indicator_ids(frame, RECIPES, tmp_path)
    assert str(info.value).startswith(f"{tmp_path / 'blitar_2020.txt'}:83: indicator label 'Persentase PMKS yang "
                                      "dibantu dan disantuni' maps to no canonical indicator id; add the label to "
                                      "the recipe's indicator_labels")


def test_a_recipe_given_id_the_reference_does_not_define_stops():
    with pytest.raises(LkjipError, match=r"blitar_2020\.txt:83: the recipe gives indicator_id 'pmks_reachd_pct'.*"
                                         r"which lkjip_analysis/reference/indicators\.yaml does not define"):
        assign_indicator_ids(_indicators(indicator_id="pmks_reachd_pct"), RECIPES)


def test_roles_come_from_the_reference():
    assert ids_with_role("average") == {"average_achievement"}
    assert ids_with_role("generic") == {"programme_indicator", "activity_indicator"}
    assert [id_for_level(lv) for lv in ("programme", "activity", "sub_activity", "objective")] == [
        "programme_indicator", "activity_indicator", "activity_indicator", None]


def test_an_unlisted_label_in_a_report_stops_the_build(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "clean"
    shutil.copytree(RAW, raw)
    # Tabel 2.1 (Perjanjian Kinerja), line 59: the indicator's label with one word changed.
    old, new = b"dibantu dan ditangani\t5 %", b"dibantu dan disantuni\t5 %"
    text = (raw / "blitar_2020.txt").read_bytes()
    assert text[:text.index(old)].count(b"\n") + 1 == 59
    edit_report(raw, "blitar_2020.txt", old, new)
    with pytest.raises(LkjipError, match=r"blitar_2020\.txt:59: indicator label 'Persentase PMKS yang dibantu dan "
                                         r"disantuni' maps to no canonical indicator id"):
        build(raw, out, verbose=False)
    assert not out.exists()


@pytest.fixture()
def reference_text(monkeypatch):
    """Replace indicators.yaml's text for one test; the caches built from it are cleared."""
    from lkjip_analysis.reference import indicators

    def use(text: str) -> None:
        monkeypatch.setattr(indicators, "_text", lambda: text)
        indicators._entries.cache_clear()

    yield use
    monkeypatch.undo()
    indicators._entries.cache_clear()


ENTRY = "  name: n\n  definition: d\n  unit: percent\n  direction: higher\n  comparable: false\n"


def test_a_role_the_reference_does_not_know_names_its_line(reference_text):
    reference_text(f"# head\n\nfirst:\n{ENTRY}\nsecond:\n  role: averge\n{ENTRY}")
    with pytest.raises(LkjipError, match=r"indicators\.yaml:10: second: role 'averge' is not one of generic, average"):
        ids_with_role("average")


def test_a_level_given_two_generic_ids_names_the_second(reference_text):
    reference_text(f"a:\n  role: generic\n  levels: [programme]\n{ENTRY}b:\n  role: generic\n  levels: [programme]\n"
                   f"{ENTRY}")
    with pytest.raises(LkjipError, match=r"indicators\.yaml:9: b: level 'programme' is already the level of a"):
        id_for_level("programme")
