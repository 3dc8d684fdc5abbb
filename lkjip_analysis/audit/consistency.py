"""The same figure printed twice must agree: copies of tables, repeated quantities; and
numbers that cannot be read at all."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

import pandas as pd

from ..datasets.provenance import report_fields
from ..datasets.schema import TIDY
from ..extraction.copies import row_similarity
from ..recipes.coverage import is_numeric_cell
from ..reference.indicators import ids_with_role, normalise_label
from ..text.precision import half_unit
from .common import flag, group_key_of, is_missing, records_of
from .printings import aid_formula, budget_formula, computations, indicator_formula


def _tidy_value_ids(frames, *, malformed_only: bool = False, tables: set[str] | None = None
                    ) -> dict[tuple, str | None]:
    """value_id of the tidy value a recipe took from a cell, by (file, table, line, printed text);
    None where one line of a table prints that text for two values. Only the ``tables`` named, if
    given."""
    found: dict[tuple, str | None] = {}
    for name in TIDY:
        frame = frames[name]
        if malformed_only:
            frame = frame[frame["missing_reason"] == "malformed"] if "missing_reason" in frame else frame.iloc[:0]
        if tables is not None:
            frame = frame[frame["table_id"].isin(tables)]
        for key, value_id in zip(_keys(frame, "value_raw"), frame["value_id"].tolist(), strict=True):
            found[key] = value_id if key not in found else None
    return found


def _keys(frame: pd.DataFrame, last: str) -> Iterator[tuple]:
    """(file, table, line, ``last``) of each row, read a column at a time."""
    return zip(*(frame[c].tolist() for c in ("source_file", "table_id", "source_line", last)))


def copies(frames, reports) -> Iterator[dict]:
    """A table printed again must print the same numbers as its first printing."""
    pairs = [(report, table, original) for report, tables in reports
             for table, original in _copied_tables(tables)]
    if not pairs:
        return
    # only the cells and values of the tables printed twice are looked up
    tables = {t.table_id for _, table, original in pairs for t in (table, original)}
    cells = frames["cells"]
    cells = cells[cells["table_id"].isin(tables)]
    cell_ids = dict(zip(_keys(cells, "column"), cells["value_id"].tolist(), strict=True)) if "value_id" in cells else {}
    # the first printing is usually in a tidy file; its copy never is
    tidy = _tidy_value_ids(frames, tables={original.table_id for _, _, original in pairs})
    for report, table, original in pairs:
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
                subject = f"{label} / {path or 'column ' + str(cell.col)}"
                here = {**report_fields(report), "table_id": table.table_id, "source_line": cell.line,
                        "value_id": cell_ids.get((report.name, table.table_id, cell.line, cell.col))}
                first = {**report_fields(report), "table_id": original.table_id, "source_line": other.line,
                         "value_id": tidy.get((report.name, original.table_id, other.line, other.text))
                         or cell_ids.get((report.name, original.table_id, other.line, other.col))}
                detail = (f"{table.caption or table.table_id} (line {table.first_line}) repeats "
                          f"{original.caption or original.table_id} (line {original.first_line}) but prints "
                          f"{cell.text!r} (line {cell.line}) where the first printing has {other.text!r} "
                          f"(line {other.line}); the printings disagree and neither is presumed right")
                # Both printings are flagged: which one is right, the copy does not say.
                for printing, value in ((first, b), (here, a)):
                    yield flag(printing, "copy", subject, value.value, None,
                               [here, first], detail)


def _copied_tables(tables) -> Iterator[tuple]:
    """(the copy, its first printing) for each table of a report printed again."""
    by_id = {t.table_id: t for t in tables}
    for table in tables:
        original = by_id.get(table.copy_of) if table.copy_of else None
        if original is not None:
            yield table, original


def _overlap(a: dict, b: dict) -> bool:
    """Whether two printings can be one number, each read as the interval its digits allow."""
    slack = half_unit(a["value_raw"], a["value"]) + half_unit(b["value_raw"], b["value"])
    return abs(a["value"] - b["value"]) <= slack + 1e-9


def _printing(row: dict) -> str:
    return f"{row['value_raw']!r} at line {row['source_line']} ({row['table_id']})"


def _same_quantity(records: list[dict], inputs_key_of: Callable[[dict], tuple],
                   figure_key_of: Callable[[dict], tuple], describe, formula_for) -> Iterator[dict]:
    """Printings of one figure in different tables that disagree. No printing is presumed right:
    where the report's own inputs (the records under the figure's ``inputs_key_of``) fit some
    printings and not others, the others are flagged; otherwise every printing that disagrees with
    another is flagged. A figure is the records under one inputs key and one ``figure_key_of``."""
    records = [r for r in records if not is_missing(r["value"])]
    inputs_of: dict[tuple, list[dict]] = {}
    figures: dict[tuple, list[dict]] = {}
    for r in records:
        inputs_key = inputs_key_of(r)
        inputs_of.setdefault(inputs_key, []).append(r)
        figures.setdefault(inputs_key + figure_key_of(r), []).append(r)
    for rows in figures.values():
        # two rows of one table are two lines, even under one name: only figures printed in 2+ tables
        if len({r["table_id"] for r in rows if not is_missing(r["table_id"])}) < 2:
            continue
        rows = sorted(rows, key=lambda r: r["source_line"])  # stable, as pandas on a few rows
        conflicts = [[o for o in rows if o["table_id"] != r["table_id"] and not _overlap(r, o)] for r in rows]
        if not any(conflicts):
            continue
        formula = formula_for(rows[0])
        # A figure missing an input key (no period) is not matched to inputs.
        inputs_key = inputs_key_of(rows[0])
        has_keys = all(k is not None for k in inputs_key)
        found = computations(formula, inputs_of[inputs_key]) if formula and has_keys else []
        fit = [any(c.fits(r) for c in found) for r in rows]
        if any(fit) and not all(fit):
            fitting = [r for r, ok in zip(rows, fit, strict=True) if ok]
            basis = next(c for c in found if any(c.fits(r) for r in fitting))
            for row, ok, against in zip(rows, fit, conflicts, strict=True):
                if ok or not against:
                    continue
                yield flag(row, "same_quantity", describe(row), float(row["value"]), basis.value,
                           [row, *fitting, basis.first, basis.second],
                           f"printed {row['value_raw']!r} here; the report's own {basis.describe()}, which fits "
                           f"{', '.join(map(_printing, fitting))}, not this printing")
            continue
        why = ""
        if found:  # the inputs cannot decide: they fit every printing, or none
            shown = "; ".join(c.describe() for c in found)
            why = (f"; each fits the report's own inputs printed beside it ({shown})" if any(fit)
                   else f"; the report's own inputs fit none of them ({shown})")
        for row, against in zip(rows, conflicts, strict=True):
            if against:
                yield flag(row, "same_quantity", describe(row), float(row["value"]), None, rows,
                           f"the printings disagree and none is presumed right: {', '.join(map(_printing, rows))}"
                           f"{why}")


def _keyed(keys: list[str], *extra: Callable[[dict], object]) -> Callable[[dict], tuple]:
    """A record's group_key under ``keys``, followed by the values ``extra`` compute from it
    (missing as None)."""
    plain = group_key_of(keys)
    if not extra:
        return plain

    def key_of(record: dict) -> tuple:
        return plain(record) + tuple(None if is_missing(v := f(record)) else v for f in extra)
    return key_of


def _origin(record: dict) -> str:
    """Where an indicator's target comes from, "" when not said."""
    return "" if is_missing(record["target_origin"]) else str(record["target_origin"])


def _programme(record: dict) -> str | None:
    """A programme line's programme_key (derive/programme_keys.py), None for other lines."""
    key = record.get("programme_key")
    return key if record["level"] == "programme" and isinstance(key, str) else None


def _line_name(record: dict):
    """Which budget line a row is: a programme by its programme_key, since the reports name one
    programme several ways ("Pengelolaan Taman Makam Pahlawan Kabupaten/Kota", Pasuruan line 332,
    is "Program Pengelolaan Taman Makam Pahlawan" on line 636); any other line by its name without
    "Program" and numbering (missing stays missing)."""
    name = record["name"]
    return _programme(record) or (name if is_missing(name) else _programme_label(name))


def _parent_name(record: dict) -> str:
    """A line's parent, "" for a programme known by its key: a programme is printed under an
    objective in one table and under no heading (or "JUMLAH") in another, and stays one programme.
    An activity's parent stays: two activities of one name under different programmes differ."""
    parent = record["parent"]
    return _label(parent) if isinstance(parent, str) and _programme(record) is None else ""


@lru_cache(maxsize=8192)
def _label(text: str) -> str:
    """normalise_label, once per text: a budget line's name is printed beside each of its amounts."""
    return normalise_label(text)


@lru_cache(maxsize=8192)
def _programme_label(text: str) -> str:
    return re.sub(r"^program\s+", "", _label(text))


def _period(record: dict):
    return record["period"]


def _period_text(record: dict) -> str:
    return f"{int(record['period'])}" if not is_missing(record["period"]) else ""


def same_quantity(frames, reports) -> Iterator[dict]:
    """One indicator, period and measure (or one budget line, or one aid programme's figure)
    printed in several places."""
    # Rows under a generic or average id are not one concept: their sharing an id says nothing.
    not_one_concept = ids_with_role("generic", "average")
    ind = [r for r in records_of(frames["indicators"]) if r["indicator_id"] not in not_one_concept]
    yield from _same_quantity(ind, _keyed(["source_file", "indicator_id", "period"]),
                              _keyed(["measure", "unit"], _origin),
                              lambda r: f"{r['indicator_id']} {r['measure']} {_period_text(r)}".strip(),
                              indicator_formula)
    # Same level, name and parent: two sub-activities that share a name under different
    # activities are different lines. Programmes: same level and programme_key, whatever their
    # printed name and heading. A programme's budget is never compared with an activity's (the
    # level is part of the key), even where its only activity has the same figure.
    line = ["source_file", "level"]
    yield from _same_quantity(records_of(frames["budget"]), _keyed(line, _line_name, _parent_name, _period),
                              _keyed(["measure"]), lambda r: f"{r['name']} ({r['measure']})", budget_formula)
    yield from _same_quantity(records_of(frames["social_assistance"]),
                              _keyed(["source_file", "programme_id", "period"]), _keyed(["measure", "unit"]),
                              lambda r: f"{r['programme']} {r['measure']} {_period_text(r)}".strip(),
                              aid_formula)


def malformed(frames, reports) -> Iterator[dict]:
    """Digits that do not form a number: kept as missing, reported here."""
    cells = frames["cells"]
    bad = cells[(cells["part"] == "body") & (cells["missing_reason"] == "malformed")]
    # The flag points at the tidy value that carries the digits when a recipe took the cell.
    tidy = _tidy_value_ids(frames, malformed_only=True)
    for _, cell in bad.iterrows():
        taken = tidy.get((cell["source_file"], cell["table_id"], cell["source_line"], cell["value_raw"]))
        cell = cell.copy()
        if taken is not None:
            cell["value_id"] = taken
        yield flag(cell, "malformed", f"{cell['header_path'] or 'column ' + str(cell['column'])}", None, None,
                   [cell["source_line"]], f"{cell['value_raw']!r} is not a well-formed number; kept as printed, "
                   "value missing")
