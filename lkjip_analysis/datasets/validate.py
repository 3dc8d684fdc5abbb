"""Typed frames and their checks, used when building and when loading.

The checks are the schema's (datasets/schema.py) and are plain vectorised checks: the columns
are exactly the dataset's, in order, with their types (typed() makes them so); required fields
are never missing; enums hold only their words; the key is unique. They cost milliseconds, and
keep pandera's import (0,15 s) out of every build and load.

typed() converts each column in one step where the column comes in as a build makes it (numpy
integers, floats and booleans, strings, or already the target type): it builds the nullable
array from the column's values directly, since pandas' conversions cost tens of microseconds
each and a build types about 210 columns. Any other input (strings read from a CSV, mixed
objects) takes the general conversion; both give the same frame.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from ..errors import LkjipError
from .schema import Dataset

PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}
SHOWN_FAILURES = 10
_STRING = pd.StringDtype()  # python storage, missing as <NA>: what astype("string") gives


def dtype(field) -> str:
    if field.categorical:
        return "category"
    return PANDAS_TYPES[field.type]


def typed(dataset: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the dataset's columns, in order, with nullable pandas types."""
    missing = [c for c in dataset.columns if c not in frame.columns]
    if missing:
        raise LkjipError(None, f"{dataset.filename} lacks column(s) {', '.join(missing)}")
    index = pd.RangeIndex(len(frame))
    if not frame.index.equals(index):  # columns are aligned on the new index, as pandas does
        return pd.DataFrame({f.name: _converted(f, frame[f.name]) for f in dataset.fields}, index=index)
    arrays = {f.name: _direct(f, frame[f.name]) for f in dataset.fields}
    arrays = {name: array if array is not None else _converted(field, frame[name]).array
              for (name, array), field in zip(arrays.items(), dataset.fields, strict=True)}
    return pd.DataFrame(arrays, index=index, copy=False)


def _converted(f, col: pd.Series) -> pd.Series:
    """The general conversion of one column (any input: strings from a CSV, mixed objects)."""
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
    return col


def _direct(f, col: pd.Series):
    """The typed array of a column as a build makes it, in one step; None for any other input
    (the general conversion then applies)."""
    kind = col.dtype
    if f.categorical:
        return _categorical(col) if f.type == "string" else None
    if f.type == "string":
        return _strings(col)
    if not isinstance(kind, np.dtype):
        return col.array.copy() if kind == PANDAS_TYPES[f.type] else None
    values = col.to_numpy()
    if f.type == "integer" and kind.kind == "i":
        return pd.arrays.IntegerArray(values.astype("int64"), np.zeros(len(values), bool))
    if f.type == "integer" and kind.kind == "f":
        absent = np.isnan(values)
        present = values[~absent]
        if not (np.isfinite(present) & (present == np.trunc(present))).all():
            return None  # not whole numbers: the general conversion raises as pandas does
        return pd.arrays.IntegerArray(np.where(absent, 0, values).astype("int64"), absent)
    if f.type == "number" and kind.kind in "if":
        floats = values.astype("float64")
        return pd.arrays.FloatingArray(floats, np.isnan(floats))
    if f.type == "boolean" and kind.kind == "b":
        return pd.arrays.BooleanArray(values.copy(), np.zeros(len(values), bool))
    return None


def _string_values(col: pd.Series) -> np.ndarray | None:
    """The column as an object array of str with None where missing (an empty string is
    missing too), or None when it holds anything but strings and missing values."""
    if isinstance(col.dtype, pd.StringDtype):  # str, or missing
        values = col.to_numpy(dtype=object, na_value=None, copy=True)
    elif col.dtype == object and infer_dtype(col.array, skipna=True) in ("string", "empty"):
        values = col.to_numpy(dtype=object, na_value=None, copy=True)
    else:
        return None
    empty = values == ""
    if empty.any():
        values[empty] = None
    return values


def _strings(col: pd.Series):
    values = _string_values(col)
    return None if values is None else pd.arrays.StringArray(values)


def _categorical(col: pd.Series):
    """Categories sorted as astype("category") sorts them, with the string dtype it gives them."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return _recoded(col)
    values = _string_values(col)
    if values is None:
        return None
    values = values.tolist()
    categories = sorted(set(values) - {None})
    code_of = {category: code for code, category in enumerate(categories)}
    code_of[None] = -1
    codes = np.fromiter(map(code_of.__getitem__, values), dtype=np.int32, count=len(values))
    return pd.Categorical.from_codes(codes, dtype=_category_dtype(tuple(categories)))


def _recoded(col: pd.Series):
    """A categorical column of strings (a build's parts joined) as _categorical types its values:
    the categories it uses, sorted, an empty string missing; None for categories of another kind."""
    categories = col.cat.categories
    if not all(isinstance(c, str) for c in categories):
        return None
    codes = col.cat.codes.to_numpy()
    used = sorted({categories[code] for code in np.unique(codes[codes >= 0]).tolist()} - {""})
    new_code = {category: code for code, category in enumerate(used)}
    # a code of -1 (missing) reads the last entry, which stays -1
    mapping = np.array([new_code.get(c, -1) for c in categories] + [-1], dtype=np.int32)
    return pd.Categorical.from_codes(mapping[codes], dtype=_category_dtype(tuple(used)))


@lru_cache(maxsize=1024)
def _category_dtype(categories: tuple[str, ...]) -> pd.CategoricalDtype:
    """One dtype per set of categories (region and source_file have the same ones in every dataset)."""
    return pd.CategoricalDtype(pd.Index(pd.arrays.StringArray(np.array(categories, dtype=object)), dtype=_STRING))


def failures(dataset: Dataset, frame: pd.DataFrame) -> list[tuple[int, str]]:
    """Every broken rule of a typed frame: (row index, what is wrong), naming the column, the
    value and, where the frame has them, the report file and line the row comes from.

    Each rule is first checked on the whole column (missing values, the categories an enum
    column holds, a set of keys); only a rule that fails builds the mask of its rows."""
    broken = []
    for f in dataset.fields:
        col = frame[f.name]
        if f.required and col.array.isna().any():
            broken.append(([f.name], "is required", col.isna()))
        if f.enum and _outside(col, f.enum):
            broken.append(([f.name], f"is not one of {', '.join(f.enum)}", col.notna() & ~col.isin(f.enum)))
    if dataset.key and _repeats(frame, dataset.key):
        broken.append((list(dataset.key), "repeats the key of another row",
                       frame.duplicated(list(dataset.key), keep=False)))
    found = [failure for columns, rule, bad in broken if bad.any() for failure in _describe(frame[bad], columns, rule)]
    return sorted(found, key=lambda failure: failure[0])


def _outside(col: pd.Series, enum: tuple[str, ...]) -> bool:
    """Whether the column may hold a value that is not one of ``enum`` (a category no row uses
    counts too: the mask built then finds no row)."""
    values = col.cat.categories if isinstance(col.dtype, pd.CategoricalDtype) else col.dropna().unique()
    return any(v not in enum for v in values.tolist())


def _repeats(frame: pd.DataFrame, key: tuple[str, ...]) -> bool:
    """Whether two rows share the key: one set of the keys as tuples (missing values equal, as
    in pandas' ``duplicated``)."""
    rows = list(zip(*(plain_values(frame[c]) for c in key)))
    return len(set(rows)) < len(rows)


def plain_values(col: pd.Series) -> list:
    """A column's values as plain Python objects, None where missing: a category's value is
    looked up once per category, a column of whole numbers without gaps is read at once."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        lookup = np.append(col.cat.categories.to_numpy(dtype=object), None)  # code -1 (missing) -> None
        return lookup[col.cat.codes.to_numpy()].tolist()
    array = col.array
    if isinstance(array, pd.arrays.IntegerArray) and not array.isna().any():
        return array.to_numpy(dtype="int64").tolist()
    return col.to_numpy(dtype=object, na_value=None).tolist()


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
