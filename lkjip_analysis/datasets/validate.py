"""Typed frames and their checks (pandera), used when building and when loading."""

from __future__ import annotations

import warnings

import pandas as pd

from ..errors import LkjipError
from .schema import Dataset

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pandera.pandas as pa

PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


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
            col = col.astype("string").where(col.notna(), None).astype("string")
            col = col.mask(col == "", pd.NA)
        elif f.type == "boolean":
            col = col.map({True: True, False: False, "true": True, "false": False}).astype("boolean")
        else:
            col = pd.to_numeric(col, errors="raise").astype(PANDAS_TYPES[f.type])
        if f.categorical:
            col = col.astype("category")
        out[f.name] = col
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def schema(dataset: Dataset) -> pa.DataFrameSchema:
    columns = {}
    for f in dataset.fields:
        checks = [pa.Check.isin(list(f.enum))] if f.enum else []
        columns[f.name] = pa.Column(dtype(f) if not f.categorical else None, checks=checks,
                                    nullable=not f.required, coerce=False)
    return pa.DataFrameSchema(columns, strict=True, ordered=True, unique=list(dataset.key),
                              name=dataset.name)


def validate(dataset: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    frame = typed(dataset, frame)
    try:
        return schema(dataset).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases.head(10).to_string(index=False)
        raise LkjipError(dataset.filename, f"does not match its schema:\n{cases}") from None
