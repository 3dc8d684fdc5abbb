"""The unit words (text/units.py) are one list: a cell, a recipe's pick and an aid sentence
read the same word the same way."""

import pytest

from lkjip_analysis.extraction import find_tables, read_report
from lkjip_analysis.extraction.sentences import find_product_tables
from lkjip_analysis.recipes.apply import TidyResult, apply_pick
from lkjip_analysis.recipes.vocabulary import Pick
from lkjip_analysis.text.numbers import parse_id_number
from lkjip_analysis.text.units import COUNT_UNITS

from conftest import RAW


@pytest.fixture(scope="module")
def pasuruan():
    report = read_report(RAW / "pasuruan_2022.txt")
    tables_by_line = {}
    for t in find_tables(report):
        for n in t.lines:
            tables_by_line.setdefault(n, []).append(t)
    return report, tables_by_line


@pytest.mark.parametrize("col", [2, None], ids=["cell", "sentence"])
def test_pick_reads_ruta_as_households(pasuruan, col):
    # Pasuruan 381 prints the target "3.000 Ruta" (rumah tangga): 3000 households, as the cell gives.
    report, tables_by_line = pasuruan
    result = TidyResult()
    apply_pick(report, Pick("indicators", 381, "3.000 Ruta", "target", col=col), tables_by_line, result)
    (record,) = result.records["indicators"]
    assert (record["value"], record["unit"], record["value_raw"]) == (3000, "households", "3.000 Ruta")
    cell = parse_id_number("3.000 Ruta")
    assert (cell.value, cell.unit) == (3000, "households")


@pytest.mark.parametrize("word", sorted(COUNT_UNITS))
def test_every_unit_word_is_read_everywhere(word):
    printed = f"1.500 {word.upper()}"
    assert (parse_id_number(printed).value, parse_id_number(printed).unit) == (1500, COUNT_UNITS[word])
    sentence = f"Bantuan untuk {printed} x Rp.200.000,- = Rp.300.000.000,-"
    (table,) = find_product_tables((sentence,), skip=set())
    assert [c.text for c in table.body[0].cells] == [printed, "Rp.200.000,-", "Rp.300.000.000,-"]

