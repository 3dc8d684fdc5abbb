"""Typed frames and their checks, used when building and when loading.

The checks are the schema's (datasets/schema.py) and are plain vectorised pandas: the columns
are exactly the dataset's, in order, with their types (typed() makes them so); required fields
are never missing; enums hold only their words; the key is unique. They cost milliseconds, and
keep pandera's import (0,15 s) out of every build and load.
"""

from __future__ import annotations

import pandas as pd

from ..errors import LkjipError
from .schema import Dataset

PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}
SHOWN_FAILURES = 10


def dtype(field) -> str:
    if field.categorical:
        return "category"
    return PANDAS_TYPES[field.type]


def typed(dataset: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the dataset's columns, in order, with nullable pandas types."""
    missing = [c for c in dataset.columns if c not in frame.columns]
    if missing:
        raise LkjipError(None, f"{dataset.filename} lacks column(s) {', '.join(missing)}")
    out = {}
    for f in dataset.fields:
        col = frame[f.name]
        if f.type in ("string",) or f.categorical:
            has_empty = bool(col.isin([""]).any())  # cheaper than masking every column
            col = col.astype("string")  # missing values (None, NaN, NaT) become <NA>
            if has_empty:
                col = col.mask(col == "", pd.NA)
        elif f.type == "boolean":
            col = col.map({True: True, False: False, "true": True, "false": False}).astype("boolean")
        else:
            col = pd.to_numeric(col, errors="raise").astype(PANDAS_TYPES[f.type])
        if f.categorical:
            col = col.astype("category")
        out[f.name] = col
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def failures(dataset: Dataset, frame: pd.DataFrame) -> list[tuple[int, str]]:
    """Every broken rule of a typed frame: (row index, what is wrong), naming the column, the
    value and, where the frame has them, the report file and line the row comes from."""
    broken = []
    for f in dataset.fields:
        col = frame[f.name]
        if f.required:
            broken.append(([f.name], "is required", col.isna()))
        if f.enum:
            broken.append(([f.name], f"is not one of {', '.join(f.enum)}", col.notna() & ~col.isin(f.enum)))
    if dataset.key:
        broken.append((list(dataset.key), "repeats the key of another row",
                       frame.duplicated(list(dataset.key), keep=False)))
    found = [failure for columns, rule, bad in broken if bad.any() for failure in _describe(frame[bad], columns, rule)]
    return sorted(found, key=lambda failure: failure[0])


def _describe(rows: pd.DataFrame, columns: list[str], rule: str) -> list[tuple[int, str]]:
    has_line = {"source_file", "source_line"} <= set(rows.columns)
    out = []
    for index, row in zip(rows.index, rows.to_dict("records"), strict=True):
        values = ", ".join(_or_na(row[c], repr) for c in columns)
        where = f" ({row['source_file']} line {_or_na(row['source_line'])})" if has_line else ""
        out.append((int(index), f"row {index}{where}: {', '.join(columns)} = {values} {rule}"))
    return out


def _or_na(value, show=str) -> str:
    return "<NA>" if pd.isna(value) else show(value)


def validate(dataset: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    """The typed frame, or SchemaMismatch listing the first broken rules."""
    frame = typed(dataset, frame)
    broken = failures(dataset, frame)
    if broken:
        shown = "\n".join(f"  {text}" for _, text in broken[:SHOWN_FAILURES])
        raise SchemaMismatch(dataset.filename, f"does not match its schema ({len(broken)} failure(s)):\n{shown}",
                             first_row=broken[0][0])
    return frame


class SchemaMismatch(LkjipError):
    """A frame that breaks its dataset's rules; ``first_row`` is the index of the first row that does."""

    def __init__(self, path, message: str, first_row: int, line: int | None = None):
        super().__init__(path, message, line)
        self.first_row = first_row

    def __reduce__(self):
        return (self.__class__, (self.path, self.message, self.first_row, self.line))
