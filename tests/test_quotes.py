"""Sentences the analysis quotes live in the recipes and are checked against their lines."""

from dataclasses import replace
from pathlib import Path

import pytest

from lkjip_analysis.analysis.quotes import cited, quotes
from lkjip_analysis.errors import LkjipError
from lkjip_analysis.extraction import read_report
from lkjip_analysis.recipes import Quote, recipes_by_report
from lkjip_analysis.recipes.apply import check_quote

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_quotes_are_found_by_topic_and_cited_with_their_line():
    (efficiency,) = quotes("efficiency", "lumajang_2020.txt")
    assert efficiency.line == 949 and "achievement % minus budget absorption %" in efficiency.says
    assert cited(efficiency, "lumajang_2020.txt").startswith("lumajang_2020.txt line 949: efficiency = ")
    assert quotes("aid", "sumenep_2020.txt") == []  # a report without quotes on a topic


def test_every_shipped_quote_is_printed_on_its_line():
    for report_file, recipe in recipes_by_report().items():
        report = read_report(RAW / report_file)
        for quote in recipe.quotes:
            check_quote(report, quote, recipe.name)  # raises if the words moved


def test_a_quote_that_moved_stops_with_file_and_line():
    report = read_report(RAW / "pasuruan_2022.txt")
    recipe = recipes_by_report()["pasuruan_2022.txt"]
    moved = replace(recipe.quotes[0], line=recipe.quotes[0].line + 1)
    with pytest.raises(LkjipError, match=rf"pasuruan_2022\.txt:{moved.line}: .*quote \(aid\) expects 'anak yatim"):
        check_quote(report, moved, recipe.name)
    assert isinstance(moved, Quote)
