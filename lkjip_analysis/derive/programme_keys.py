"""Derived column ``programme_key``: one name per programme, the same in every table.

The reports print one programme several ways: in capitals ("PROGRAM PEMBINAAN LINGKUNGAN
SOSIAL"), with a typo ("Pogram Rehabilitasi Sosial"), without the word "Program"
("Penanganan Bencana"), with a list number or budget code ("1 06 01 20"), or with the
administrative suffix the national nomenclature appends ("... Kabupaten/Kota"). The key drops
all of that, so a join or a group-by on it sees one programme. Activities and sub-activities
carry the key of the programme they belong to (through their parent), so that a programme's
lines can be found in a table that prints only activities.
"""

from __future__ import annotations

import re

import pandas as pd

PROGRAMME_WORD = "program"
# Numbering and codes printed before a name: "1.", "2.1", "a)", "1 06 01 15 02".
_LEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:[.\s]+\d+)*[.)]?|[a-z][.)])\s+", re.IGNORECASE)
# "Kabupaten/Kota", "Kab/Kota", "Daerah Kab/Kota" at the end: the nomenclature's level, not the programme.
_ADMIN_SUFFIX = re.compile(r"(?:\s+daerah)?\s+(?:kabupaten|kab)\s+kota$")


def within_one_edit(word: str, target: str) -> bool:
    """True when ``word`` is ``target`` with at most one letter added, dropped or changed."""
    if abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        return sum(a != b for a, b in zip(word, target)) <= 1
    short, long = sorted((word, target), key=len)
    i = next((i for i, (a, b) in enumerate(zip(short, long)) if a != b), len(short))
    return short[i:] == long[i + 1:]


def programme_key(name: object) -> str | None:
    """'PROGRAM PEMBINAAN LINGKUNGAN SOSIAL' -> 'pembinaan lingkungan sosial'; 'Pogram Rehabilitasi
    Sosial' and 'Rehabilitasi Sosial' -> 'rehabilitasi sosial'."""
    if not isinstance(name, str) or not name.strip():
        return None
    text = _LEADING_NUMBER.sub("", name.casefold())
    words = re.findall(r"\w+", text)  # punctuation and spacing never split a programme
    if words and within_one_edit(words[0], PROGRAMME_WORD):  # "program", "pogram", "progam", "programs"
        words = words[1:]
    key = _ADMIN_SUFFIX.sub("", " ".join(words))
    return key or None


def assign_programme_keys(budget: pd.DataFrame) -> pd.DataFrame:
    """``programme_key`` for programme lines and the activities and sub-activities under them.

    A line's programme is found through ``_parent_line`` (set by derive/budget_parents.py: the
    parent's own row in the same table); when the table prints no row for the parent (an
    activity table that only names the programme), the parent's name is the programme.
    """
    levels = budget["level"].tolist()
    parent_lines = [None if line is pd.NA or line is None or line != line else line
                    for line in budget["_parent_line"].tolist()]
    keys = [programme_key(name) if level == "programme" else None
            for level, name in zip(levels, budget["name"].tolist(), strict=True)]
    # An activity whose programme has no row of its own: its printed parent is the programme.
    keys = [programme_key(parent) if level == "activity" and line is None else key
            for key, level, line, parent in zip(keys, levels, parent_lines, budget["parent"].tolist(), strict=True)]
    tables = list(zip(budget["source_file"].tolist(), budget["table_id"].tolist(), strict=True))
    lines = budget["source_line"].tolist()
    for _ in ("activity", "sub_activity"):  # one step up per pass: activity -> programme, sub -> activity
        parents: dict[tuple, str] = {}
        for table, line, key in zip(tables, lines, keys, strict=True):
            if key is not None:
                parents.setdefault((*table, line), key)  # the first row of that line
        keys = [parents.get((*table, parent)) if key is None and level in ("activity", "sub_activity")
                and parent is not None else key
                for key, level, table, parent in zip(keys, levels, tables, parent_lines, strict=True)]
    return budget.assign(programme_key=pd.Series(keys, index=budget.index, dtype=object))
