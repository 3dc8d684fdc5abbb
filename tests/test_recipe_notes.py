"""The recipe notes printed in the data card stay true about the audit.

Rule: a note that speaks of the audit or its flags carries a reference for each flag it
speaks of, and every reference is checked against quality_flags.csv:

    (flag: CHECK TABLE line N)     the audit flags CHECK at line N of TABLE in this report
    (no flag: CHECK TABLE line N)  it does not

CHECK is a check's name as quality_flags.csv writes it (sum, same_quantity, ...). A note that
names no flag may describe the report's slips freely; it must not mention the audit.
"""

import re

import pandas as pd
import pytest

from lkjip_analysis.audit.summary import CHECK_TITLES
from lkjip_analysis.recipes import recipes_by_report

REFERENCE = re.compile(r"\((no )?flag: (\w+) ([A-Z]\d{4}) line (\d+)\)")
# Words that speak of the audit; check names with an underscore are never ordinary words.
SPEAKS_OF_THE_AUDIT = re.compile(r"\b(audit\w*|flag\w*)\b|" + "|".join(c for c in CHECK_TITLES if "_" in c),
                                 re.IGNORECASE)


def note_problems(report: str, note: str, flags: pd.DataFrame, tables: pd.DataFrame) -> list[str]:
    """What is untrue or unchecked in ``note`` of the recipe for ``report``."""
    problems = []
    references = REFERENCE.findall(note)
    if SPEAKS_OF_THE_AUDIT.search(REFERENCE.sub("", note)) and not references:
        problems.append("speaks of the audit but gives no (flag: ...) or (no flag: ...) reference")
    for negated, check, table_id, line in references:
        ref = f"({negated}flag: {check} {table_id} line {line})"
        if check not in CHECK_TITLES:
            problems.append(f"{ref}: no check is called {check!r}")
            continue
        table = tables[(tables["source_file"] == report) & (tables["table_id"] == table_id)]
        if table.empty or not table["first_line"].iloc[0] <= int(line) <= table["last_line"].iloc[0]:
            problems.append(f"{ref}: line {line} is not in a table {table_id} of {report}")
            continue
        found = flags[(flags["source_file"] == report) & (flags["check"] == check)
                      & (flags["table_id"] == table_id) & (flags["source_line"] == int(line))]
        if negated and not found.empty:
            problems.append(f"{ref}: the audit flags it: {found['detail'].iloc[0]}")
        elif not negated and found.empty:
            problems.append(f"{ref}: quality_flags.csv has no such flag")
    return problems


@pytest.fixture(scope="module")
def frames(built):
    return built.frames["quality_flags"], built.frames["tables"]


def test_every_recipe_note_is_true_about_the_flags(frames):
    flags, tables = frames
    problems = [f"{recipe.report}, note {i + 1}: {problem}"
                for recipe in recipes_by_report().values() for i, note in enumerate(recipe.notes)
                for problem in note_problems(recipe.report, note, flags, tables)]
    assert problems == []


def test_sumenep_notes_refer_to_real_flags_and_real_silences(frames):
    flags, tables = frames
    notes = " ".join(recipes_by_report()["sumenep_2020.txt"].notes)
    assert REFERENCE.findall(notes) == [
        ("", "achievement", "T0229", "230"), ("", "copy", "T0242", "243"),
        ("", "achievement", "T0263", "264"), ("", "achievement", "T0326", "328"), ("", "progress", "T0309", "311"),
        ("no ", "same_quantity", "T0356", "381"), ("no ", "same_quantity", "T0356", "389"),
        ("no ", "sum", "T0345", "352")]


# The rule itself, on notes written to break it (Sumenep's flags and tables).
NOTES = [
    ("T0345 line 352: JUMLAH is the sum of its lines.", []),
    ("The 96,78 % of line 230 is wrong (flag: achievement T0229 line 230).", []),
    ("The JUMLAH of line 352 adds up (no flag: sum T0345 line 352).", []),
    ("T0345: the audit's sum check flags JUMLAH (line 352).",
     ["speaks of the audit but gives no (flag: ...) or (no flag: ...) reference"]),
    ("Lines 380-381 are read as one line by same_quantity.",
     ["speaks of the audit but gives no (flag: ...) or (no flag: ...) reference"]),
    ("T0345: the check flags JUMLAH (flag: sum T0345 line 352).",
     ["(flag: sum T0345 line 352): quality_flags.csv has no such flag"]),
    ("Line 230 adds up (no flag: achievement T0229 line 230).",
     ["(no flag: achievement T0229 line 230): the audit flags it: printed '96,78%'; target / realisation x 100 "
      "(lower is better) = '19,34%' and '20,18%' give 95.84"]),
    ("(no flag: sums T0345 line 352)", ["(no flag: sums T0345 line 352): no check is called 'sums'"]),
    ("(no flag: sum T0345 line 999)", ["(no flag: sum T0345 line 999): line 999 is not in a table T0345 of "
                                       "sumenep_2020.txt"]),
]


@pytest.mark.parametrize("note, problems", NOTES)
def test_the_rule_catches_untrue_and_unchecked_notes(frames, note, problems):
    flags, tables = frames
    assert note_problems("sumenep_2020.txt", note, flags, tables) == problems
