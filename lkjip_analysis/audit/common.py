"""Shared pieces of the checks: flag records, records and groups read without pandas, sums as
pandas adds them. The tolerance rule (decimals as printed, rounding intervals) is in
text/precision.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from operator import itemgetter
from typing import Any

import numpy as np
import pandas as pd

from ..reference.indicators import reference


def flag(row: pd.Series | dict, check: str, subject: str, printed: float | None, expected: float | None,
         used: Iterable[int | pd.Series | dict], detail: str, *, line: int | None = None) -> dict[str, Any]:
    """A flag on ``row`` (the printed value that disagrees). ``used`` are the values the check read
    (rows, whose value_id and line are kept) or bare line numbers."""
    rows = [u for u in used if isinstance(u, (pd.Series, dict))]
    lines = {int(u) for u in used if not isinstance(u, (pd.Series, dict))}
    lines = sorted(lines | {int(r["source_line"]) for r in rows})
    own = row.get("value_id")
    related = sorted({str(r["value_id"]) for r in rows if _has_id(r)} - {own})
    diff = None if printed is None or expected is None else round(printed - expected, 10)
    return {
        "region": row["region"], "report_year": row["report_year"], "source_file": row["source_file"],
        "source_line": int(line if line is not None else row["source_line"]),
        "table_id": row.get("table_id"), "check": check, "subject": subject,
        "printed": printed, "expected": None if expected is None else round(expected, 6),
        "difference": diff, "lines": ";".join(map(str, lines)), "detail": detail,
        "value_id": own if isinstance(own, str) else None, "related_value_ids": ";".join(related) or None,
    }


def _has_id(row) -> bool:
    value_id = row.get("value_id") if hasattr(row, "get") else None
    return isinstance(value_id, str) and bool(value_id)


def fmt(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def once_per_frame(fn: Callable[[pd.DataFrame], Any]) -> Callable[[pd.DataFrame], Any]:
    """``fn(frame)`` computed once for the frame last passed (a generator's rows as a list): checks
    and derived_from_flagged read the same averages, sums and indexes of one build's frames (the
    audit never changes a frame in place, so the frame object names its content)."""
    last: list = [None, None]

    @wraps(fn)
    def cached(frame: pd.DataFrame) -> Any:
        if last[0] is not frame:
            result = fn(frame)
            last[:] = [frame, list(result) if isinstance(result, Iterator) else result]
        return last[1]
    return cached


def record_groups(frame: pd.DataFrame | list[dict], keys: list[str]) -> Iterator[list[dict]]:
    """The rows of ``frame`` (or plain records) as plain dicts, grouped under ``keys`` as
    groupby(keys, dropna=False, sort=False) would: missing keys form a group of their own, groups
    come in order of first appearance. Grouping a few hundred rows in Python costs far less than
    a pandas frame per group."""
    yield from grouped(records_of(frame) if isinstance(frame, pd.DataFrame) else frame, keys).values()


def grouped(records: list[dict], keys: list[str]) -> dict[tuple, list[dict]]:
    """The records by their ``group_key``, groups in order of first appearance."""
    groups: dict[tuple, list[dict]] = {}
    key_of = group_key_of(keys)
    for record in records:
        key = key_of(record)
        group = groups.get(key)
        if group is None:
            groups[key] = [record]
        else:
            group.append(record)
    return groups


def group_key_of(keys: list[str]) -> Callable[[dict], tuple]:
    """``group_key(record, keys)`` as a function of the record, read without pandas where no value
    of the key is missing (nearly always)."""
    values_of = itemgetter(*keys)
    single = len(keys) == 1

    def key_of(record: dict) -> tuple:
        key = (values_of(record),) if single else values_of(record)
        return key if _present(key) else group_key(record, keys)
    return key_of


def _present(key: tuple) -> bool:
    """Whether no value of the key is missing, decided cheaply: then the key is its own group_key."""
    for value in key:
        kind = type(value)
        if kind is not str and kind is not int and (kind is not float or value != value):
            return False
    return True


def group_key(record: dict, keys: list[str]) -> tuple:
    """The record's values under ``keys``, every missing value as None (one group, as dropna=False)."""
    return tuple(None if is_missing(record[k]) else record[k] for k in keys)


_RECORDS: dict[int, tuple[pd.DataFrame, list[dict]]] = {}
_RECORDS_KEPT = 8  # the build's frames the checks read (indicators, budget, efficiency, ...)


def records_of(frame: pd.DataFrame) -> list[dict]:
    """The rows of ``frame`` as plain dicts, made once per frame object: the checks read the same
    few frames again and again, and the audit never changes a frame in place. Do not change them."""
    cached = _RECORDS.get(id(frame))
    if cached is None or cached[0] is not frame:
        while len(_RECORDS) >= _RECORDS_KEPT:
            del _RECORDS[next(iter(_RECORDS))]
        cached = _RECORDS[id(frame)] = (frame, as_records(frame))
    return cached[1]


def as_records(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")``, the same values (Python scalars, None for <NA>), built a column
    at a time: to_dict boxes every value of a string, category or nullable column one by one."""
    names = list(frame.columns)
    if len(set(names)) != len(names):
        return frame.to_dict("records")
    columns = [_records_values(frame, name) for name in names]
    return [dict(zip(names, row)) for row in zip(*columns)]


def _records_values(frame: pd.DataFrame, name: str) -> list:
    """One column's values as ``to_dict("records")`` gives them."""
    column = frame[name]
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "fiub":
        return column.to_numpy().tolist()
    if isinstance(dtype, pd.StringDtype) or dtype.name in _NULLABLE:
        na_value = dtype.na_value if isinstance(dtype, pd.StringDtype) and dtype.na_value is not pd.NA else None
        return column.to_numpy(dtype=object, na_value=na_value).tolist()
    if isinstance(dtype, pd.CategoricalDtype) and pd.api.types.infer_dtype(dtype.categories) == "string":
        return [None if value is pd.NA else value for value in column.array]
    if isinstance(dtype, np.dtype) and dtype.kind == "O":
        # Python's own values stay as they are; anything else is boxed as pandas boxes it
        values = column.to_numpy().tolist()
        others = [i for i, value in enumerate(values) if value is not None and type(value) not in _PYTHON_SCALARS]
        if others:
            boxed = frame[[name]].iloc[others].to_dict("records")
            for i, record in zip(others, boxed, strict=True):
                values[i] = record[name]
        return values
    return [record[name] for record in frame[[name]].to_dict("records")]  # any other dtype, as pandas boxes it


_PYTHON_SCALARS = {str, int, float, bool}
_NULLABLE = {"Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float32", "Float64", "boolean"}


def is_missing(value) -> bool:
    """A missing value as a record holds it (None, NaN or <NA>). The common cases are decided
    without pandas: the checks ask this of every value they read."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float):
        return value != value
    if isinstance(value, (str, int)):
        return False
    return bool(pd.isna(value))


def by_line(records: list[dict]) -> list[dict]:
    """The records ordered by source_line as ``sort_values("source_line")`` orders their rows:
    pandas' default sort (quicksort) keeps no promised order among rows of one line, so those
    are ordered by the same numpy call."""
    lines = [r["source_line"] for r in records]
    if all(a < b for a, b in zip(lines, lines[1:])):
        return list(records)  # no two rows on one line: every sort agrees
    return [records[i] for i in np.argsort(np.array(lines, dtype=np.int64), kind="quicksort")]


def column_sum(values: list) -> float:
    """The values' sum as pandas adds a column (missing as 0), to the bit: whole numbers whose sum
    stays below 2**53 add up exactly in any order; anything else is summed by pandas."""
    numbers = [0.0 if is_missing(v) else v for v in values]
    if all(isinstance(v, (int, float)) and float(v).is_integer() for v in numbers) \
            and sum(abs(v) for v in numbers) < 2 ** 53:
        total = float(sum(numbers))
        if total != 0:  # a zero keeps the sign pandas gives it
            return total
    return float(pd.Series(numbers, dtype="float64").sum())


def column_mean(values: list) -> float:
    """The mean of the values as pandas takes a column's mean (its bits are printed)."""
    return float(pd.Series(values, dtype="float64").mean())


_LOWER: list = [None, frozenset()]


def lower_is_better_ids() -> frozenset[str]:
    """The indicator ids where lower is better (indicators.yaml ``direction: lower``), read once
    per reference table: the checks ask for every indicator they read."""
    table = reference()
    if _LOWER[0] is not table:
        _LOWER[:] = [table, frozenset(table.loc[table["direction"] == "lower", "indicator_id"])]
    return _LOWER[1]


def single_measures(records: list[dict]) -> dict[str, dict]:
    """The records of a group by measure, for the measures printed once in it."""
    by_measure: dict[str, list[dict]] = {}
    for record in records:
        by_measure.setdefault(record["measure"], []).append(record)
    return {m: rows[0] for m, rows in by_measure.items() if len(rows) == 1}
