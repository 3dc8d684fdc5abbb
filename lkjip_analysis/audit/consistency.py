"""The same figure printed twice must agree: copies of tables, repeated quantities; and
numbers that cannot be read at all."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from ..datasets.provenance import report_fields
from ..datasets.schema import TIDY
from ..extraction.copies import row_similarity
from ..recipes.coverage import is_numeric_cell
from ..reference.indicators import ids_with_role, normalise_label
from .common import flag, half_unit


def copies(frames, reports) -> Iterator[dict]:
    """A table printed again must print the same numbers as its first printing."""
    cells = frames["cells"]
    cell_ids = dict(zip(zip(cells["source_file"], cells["table_id"], cells["source_line"], cells["column"]),
                        cells["value_id"], strict=True)) if "value_id" in cells else {}
    for report, tables in reports:
        by_id = {t.table_id: t for t in tables}
        for table in tables:
            original = by_id.get(table.copy_of) if table.copy_of else None
            if original is None:
                continue
            for row in table.body:
                match = max(original.body, key=lambda o: row_similarity(row, o))
                for cell in row.cells:
                    other = match.get(cell.col)
                    if other is None or not is_numeric_cell(cell) or not is_numeric_cell(other):
                        continue
                    a, b = cell.parse(), other.parse()
                    if not (a.ok and b.ok) or a.value == b.value:
                        continue  # expressions are compared by the checks that read them
                    label = next((c.text for c in row.cells if c.text and not is_numeric_cell(c)), "")
                    path = table.header_path(cell.col)
                    here = {**report_fields(report), "table_id": table.table_id, "source_line": cell.line,
                            "value_id": cell_ids.get((report.name, table.table_id, cell.line, cell.col))}
                    first = {"source_line": other.line,
                             "value_id": cell_ids.get((report.name, original.table_id, other.line, other.col))}
                    yield flag(here, "copy", f"{label} / {path or 'column ' + str(cell.col)}",
                               a.value if a.ok else None, b.value if b.ok else None, [here, first],
                               f"{table.caption or table.table_id} (line {table.first_line}) repeats "
                               f"{original.caption or original.table_id} (line {original.first_line}) but prints "
                               f"{cell.text!r} where the first printing has {other.text!r}")


def _overlap(a: float, ra: str, b: float, rb: str) -> bool:
    return abs(a - b) <= half_unit(ra, a) + half_unit(rb, b) + 1e-9


def _same_quantity(frame: pd.DataFrame, keys: list[str], describe) -> Iterator[dict]:
    frame = frame[frame["value"].notna()]
    for _, group in frame.groupby(keys, dropna=False, observed=True, sort=False):
        if group["table_id"].nunique() < 2 and group["source_line"].nunique() < 2:
            continue
        group = group.sort_values("source_line")
        first = group.iloc[0]
        for _, other in group.iloc[1:].iterrows():
            if other["table_id"] == first["table_id"]:
                continue  # two rows of one table are two lines, even under one name
            if not _overlap(other["value"], other["value_raw"], first["value"], first["value_raw"]):
                yield flag(other, "same_quantity", describe(other), float(other["value"]), float(first["value"]),
                           [first, other],
                           f"printed {other['value_raw']!r} here but {first['value_raw']!r} at line "
                           f"{first['source_line']} ({first['table_id']})")


def same_quantity(frames, reports) -> Iterator[dict]:
    """One indicator, period and measure (or one budget line) printed in several places."""
    ind = frames["indicators"]
    # Rows under a generic or average id are not one concept: their sharing an id says nothing.
    ind = ind[~ind["indicator_id"].isin(ids_with_role("generic", "average"))]
    ind = ind.assign(_origin=ind["target_origin"].astype("string").fillna(""))
    yield from _same_quantity(ind, ["source_file", "indicator_id", "period", "measure", "unit", "_origin"],
                              lambda r: f"{r['indicator_id']} {r['measure']} "
                                        f"{int(r['period']) if pd.notna(r['period']) else ''}".strip())
    budget = frames["budget"]
    budget = budget.assign(_name=budget["name"].map(lambda n: re.sub(r"^program\s+", "", normalise_label(n))),
                           _parent=budget["parent"].map(lambda n: normalise_label(n) if isinstance(n, str) else ""))
    # Same level, name and parent: two sub-activities that share a name under different
    # activities are different lines.
    yield from _same_quantity(budget, ["source_file", "level", "_name", "_parent", "measure", "period"],
                              lambda r: f"{r['name']} ({r['measure']})")


def malformed(frames, reports) -> Iterator[dict]:
    """Digits that do not form a number: kept as missing, reported here."""
    cells = frames["cells"]
    bad = cells[(cells["part"] == "body") & (cells["missing_reason"] == "malformed")]
    # The flag points at the tidy value that carries the digits when a recipe took the cell.
    tidy = {}
    for name in TIDY:
        frame = frames[name]
        frame = frame[frame["missing_reason"] == "malformed"] if "missing_reason" in frame else frame.iloc[:0]
        tidy.update(zip(zip(frame["source_file"], frame["table_id"], frame["source_line"], frame["value_raw"]),
                        frame["value_id"], strict=True))
    for _, cell in bad.iterrows():
        taken = tidy.get((cell["source_file"], cell["table_id"], cell["source_line"], cell["value_raw"]))
        cell = cell.copy()
        if taken is not None:
            cell["value_id"] = taken
        yield flag(cell, "malformed", f"{cell['header_path'] or 'column ' + str(cell['column'])}", None, None,
                   [cell["source_line"]], f"{cell['value_raw']!r} is not a well-formed number; kept as printed, "
                   "value missing")
