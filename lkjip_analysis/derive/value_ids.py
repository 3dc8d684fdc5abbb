"""Derived column ``value_id``: a name for each value that survives rebuilds.

It is made from what the row *is* (its dataset and unique key: file, table, line, measure,
period, ...), never from a row number, so a flag, a headline figure or a notebook can point
at a value and still find it after the recipes or other reports change. The report's stem
and line lead, so a reader sees where it is printed: ``blitar_2020-L83-5d41402a``.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pandas as pd

from ..datasets.csv_format import column_texts
from ..datasets.schema import Dataset
from ..errors import LkjipError

SEPARATOR = "\x1f"  # cannot occur in a printed label


def value_ids(frame: pd.DataFrame, dataset: Dataset) -> pd.Series:
    """One id per row of ``frame``, from ``dataset.key``; duplicates are an error.

    The key's values are written as the CSV writes them (format_value), a column at a time."""
    keys = list(zip(*(column_texts(frame[c]) for c in dataset.key), strict=True))
    files = frame["source_file"].tolist()
    stem = {file: str(file).removesuffix(".txt") for file in files}  # once per report
    sha1 = hashlib.sha1
    ids = [f"{stem[file]}-L{line}-{sha1(SEPARATOR.join((dataset.name, *key)).encode('utf-8')).hexdigest()[:8]}"
           for file, line, key in zip(files, column_texts(frame["source_line"]), keys,
                                      strict=True)]
    _check_unique(frame, dataset, ids)
    return pd.Series(ids, index=frame.index, dtype=object)


def _check_unique(frame: pd.DataFrame, dataset: Dataset, ids: list[str]) -> None:
    if len(set(ids)) == len(ids):
        return
    counts = Counter(ids)
    first = next(position for position, value_id in enumerate(ids) if counts[value_id] > 1)
    row = frame.iloc[first]
    key = frame[list(dataset.key)].astype(object).iloc[first]
    raise LkjipError(row["source_file"], f"{dataset.filename}: two rows share the key "
                     f"{dict(zip(dataset.key, key, strict=True))}", line=int(row["source_line"]))


def assign_value_ids(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    return frame.assign(value_id=value_ids(frame, dataset) if len(frame) else pd.Series([], dtype=object))
