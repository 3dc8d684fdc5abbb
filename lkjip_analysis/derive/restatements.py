"""Derived columns ``restates`` and ``restates_value_id``: a budget figure printed again.

The reports print one budget line in several places: an overview table, the realisation
table, the prose ("Dinas Sosial ... Rp 5.085.713.014"). A sum over the budget file must count
each line once, so every printing after the first is marked with the value it restates.

Two rows are the same budget line when they share region, period, level and measure and
- programme lines: the programme key (derive/programme_keys.py);
- activities: the programme key and the name (normalised); sub-activities also their activity;
- totals, and lines named only "Jumlah"/"Total": the figure itself, since their names
  ("Jumlah", "APBD", "Dinas Sosial") say nothing about what they cover, while two office
  totals with different figures are different totals (budget_totals.csv explains them);
- every other level (objective, spending group or type, balance, benchmark): the name;
- failing all these, a rupiah amount (not zero) printed earlier at the same level: a line
  renamed between tables.
The first printing in report order (report year, then line) is the original. Rows of the same
table as the original are other lines, not restatements (a table may list two sub-activities
of the same name under different activities).
"""

from __future__ import annotations

import math
import re

import pandas as pd

from ..datasets.csv_format import format_value
from .programme_keys import programme_key

_TOTAL_WORD = re.compile(r"^(?:sub\s*)?(?:jumlah|total)$")


def _name_key(name: object) -> str:
    """Case, numbering, codes and punctuation removed: 'a) Gaji dan Tunjangan' -> 'gaji dan tunjangan'."""
    text = re.sub(r"^\s*(?:\d+(?:[.\s]+\d+)*[.)]?|[a-z][.)])\s+", "", str(name).casefold())
    return " ".join(re.findall(r"\w+", text))


def _identity(level: str, name: str, parent: str, prog: str, printed_name: object) -> str | None:
    """What budget line a row is, by its level (None for a line known by its figure only)."""
    if level == "total" or _TOTAL_WORD.fullmatch(name):
        return None
    if level == "programme":
        return "programme:" + (programme_key(printed_name) or "")
    if level == "activity":
        return f"activity:{prog}|{name}"
    if level == "sub_activity":
        return f"sub_activity:{prog}|{parent}|{name}"
    return "name:" + name


def line_identity(budget: pd.DataFrame) -> list[str | None]:
    """What budget line each row is, as one string; None when the row is known by its figure
    only (a total, or a line named only "Jumlah")."""
    return [_identity(str(level), _name_key(name), _name_key(parent) if isinstance(parent, str) else "",
                      prog if isinstance(prog, str) else "", name)
            for level, name, parent, prog in zip(budget["level"].tolist(), budget["name"].tolist(),
                                                 budget["parent"].tolist(), budget["programme_key"].tolist(),
                                                 strict=True)]


def _figures(values: list) -> list[str | None]:
    return [None if _missing(v) else "figure:" + format_value(v) for v in values]


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _sort_key(value: object) -> tuple:
    """Missing sorts last, as in sort_values."""
    return (1, 0) if _missing(value) else (0, value)


def mark_restatements(budget: pd.DataFrame, report_order: dict[str, int] | None = None) -> pd.DataFrame:
    """Add ``restates`` (bool) and ``restates_value_id`` (the first printing's value_id).

    Over plain lists: the originals are one dict from (region, period, level, measure,
    identity) to the first printing's value id, table and file, filled in report order."""
    if budget.empty:
        return budget.assign(restates=pd.Series(dtype=bool), restates_value_id=pd.Series(dtype=object))
    files = budget["source_file"].tolist()
    order = report_order or {f: i for i, f in enumerate(dict.fromkeys(files))}
    identity = line_identity(budget)
    values = budget["value"].tolist()
    figure = _figures(values)
    periods = [-1 if _missing(p) else int(p) for p in budget["period"].tolist()]
    places = list(zip(budget["region"].tolist(), periods, budget["level"].tolist(), budget["measure"].tolist(),
                      strict=True))
    printed = list(zip(budget["value_id"].tolist(), budget["table_id"].tolist(), files, strict=True))
    # Every row can be the original of a later printing under its name and under its figure
    # (Sumenep's "JUMLAH" restates the "2. Belanja Langsung" printed above it); a row looks
    # for its original under its name, or, when its name says nothing, under its figure.
    candidates = [*enumerate(identity), *enumerate(figure)]
    rank = [(_sort_key(year), _sort_key(order.get(file, math.nan)), _sort_key(line)) for year, file, line
            in zip(budget["report_year"].tolist(), files, budget["source_line"].tolist(), strict=True)]
    firsts: dict[tuple, list] = {}
    for row, name in sorted(candidates, key=lambda candidate: rank[candidate[0]]):  # stable: names first
        key = _key(places[row], name)
        if key is not None:
            _keep_first(firsts.setdefault(key, [None, None, None]), printed[row])

    def original(identities: list) -> list[str | None]:
        out = []
        for row, name in enumerate(identities):
            first = firsts.get(_key(places[row], name))
            _, table_id, source_file = printed[row]
            restates = first is not None and first[0] is not None and (
                table_id != first[1] or source_file != first[2])
            out.append(first[0] if restates else None)
        return out

    by_line = original([name if name is not None else shown for name, shown in zip(identity, figure, strict=True)])
    # A rupiah amount (not zero) found under no earlier name but printed earlier, at the same
    # level, in another table: a line renamed between tables (Sumenep's "Pemberdayaan Keluarga
    # Miskin ..." at line 191 is "Pemberdayaan Fakir Miskin ..." at line 373, both 950.071.800).
    amount = [unit == "rupiah" and not _missing(v) and v != 0 for unit, v in zip(budget["unit"].tolist(), values,
                                                                                   strict=True)]
    by_amount = original([shown if rupiah else None for shown, rupiah in zip(figure, amount, strict=True)])
    first = [line if line is not None else by_amount[row] for row, line in enumerate(by_line)]
    return budget.assign(restates=pd.Series([f is not None for f in first], index=budget.index, dtype=bool),
                         restates_value_id=pd.Series(first, index=budget.index, dtype=object))


def _key(place: tuple, identity: str | None) -> tuple | None:
    """The group a printing belongs to; None when a part is missing (pandas' groupby drops it)."""
    if identity is None or any(_missing(part) for part in place):
        return None
    return (*place, identity)


def _keep_first(first: list, printed: tuple) -> None:
    """The first value that is not missing, per column (GroupBy.first)."""
    for i, value in enumerate(printed):
        if first[i] is None and not _missing(value):
            first[i] = value
