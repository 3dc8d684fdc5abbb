"""Deterministic CSV: same frame, same bytes (fixed column order, no '.0' on integral
numbers, shortest round-trip floats, '\\n' line ends)."""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .schema import Dataset


def format_value(value: Any) -> str:
    """Same value, same bytes: integral numbers without '.0', shortest round-trip floats."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def column_texts(column: pd.Series) -> list[str]:
    """format_value of every value of a column, formatted a column at a time where its type
    allows: categories once per category, strings kept as they are, integers with str(); only
    floats and mixed objects are formatted value by value. Typed (validated) and untyped
    (as a build makes them) columns alike."""
    kind = column.dtype
    if isinstance(kind, pd.CategoricalDtype):
        texts = [format_value(c) for c in column.cat.categories]
        return ["" if code < 0 else texts[code] for code in column.cat.codes.tolist()]
    if isinstance(kind, pd.StringDtype):  # "string" and "str": str, or missing
        return column.to_numpy(dtype=object, na_value="").tolist()
    if isinstance(kind, pd.Int64Dtype) and not column.array.isna().any():  # str(int), as format_value writes it
        return list(map(str, column.to_numpy(dtype="int64").tolist()))
    if isinstance(kind, np.dtype) and kind.kind in "iu":
        return list(map(str, column.tolist()))
    if isinstance(kind, np.dtype) and kind.kind == "b":
        return ["true" if v else "false" for v in column.tolist()]
    return list(map(format_value, column.to_numpy(dtype=object, na_value=None).tolist()))


def csv_lines(frame: pd.DataFrame, dataset: Dataset) -> list[str] | None:
    """The frame's rows as CSV lines (without their line ends), as csv.writer writes them
    (QUOTE_MINIMAL), joined a column at a time: only a column that holds a comma, a quote or a
    line break is quoted value by value. None when a value holds a carriage return (csv.writer's
    own rules then apply: write_csv) or the dataset has a single column."""
    columns = [column_texts(frame[c]) for c in dataset.columns]
    quoted = [_quoted(texts) for texts in columns]
    if _quoted(list(dataset.columns)) is None or any(texts is None for texts in quoted) or len(columns) < 2:
        return None
    return list(map(",".join, zip(*quoted, strict=True)))


def write_csv(frame: pd.DataFrame, dataset: Dataset, path: Path, lines: list[str] | None = None) -> None:
    """The frame's CSV: a header, then ``lines`` or csv_lines(frame); csv.writer's output where
    csv_lines gives None. ``lines`` are the frame's rows formatted elsewhere (a build's parts), as
    csv_lines gives them or several of them joined by line feeds (one text per report)."""
    lines = lines if lines is not None else csv_lines(frame, dataset)
    with path.open("w", encoding="utf-8", newline="") as f:
        if lines is None:
            writer = csv.writer(f, lineterminator="\n")  # a carriage return: csv's own rules
            writer.writerow(dataset.columns)
            writer.writerows(zip(*(column_texts(frame[c]) for c in dataset.columns), strict=True))
            return
        f.write("\n".join([",".join(_quoted(list(dataset.columns))), *lines]) + "\n")


def _quoted(texts: list[str]) -> list[str] | None:
    """Each text as a CSV field (QUOTE_MINIMAL): quoted when it holds a comma, a quote or a
    line feed. None when a text holds a carriage return (left to csv.writer)."""
    joined = "".join(texts)
    if "\r" in joined:
        return None
    if "," not in joined and '"' not in joined and "\n" not in joined:
        return texts
    return [f'"{t.replace(chr(34), chr(34) * 2)}"' if ("," in t or '"' in t or "\n" in t) else t for t in texts]
