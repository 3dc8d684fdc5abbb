"""Derived column ``value_id``: a name for each value that survives rebuilds.

It is made from what the row *is* (its dataset and unique key: file, table, line, measure,
period, ...), never from a row number, so a flag, a headline figure or a notebook can point
at a value and still find it after the recipes or other reports change. The report's stem
and line lead, so a reader sees where it is printed: ``blitar_2020-L83-5d41402a``.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from ..datasets.csv_format import format_value
from ..datasets.schema import Dataset
from ..errors import LkjipError

SEPARATOR = "\x1f"  # cannot occur in a printed label


def value_ids(frame: pd.DataFrame, dataset: Dataset) -> pd.Series:
    """One id per row of ``frame``, from ``dataset.key``; duplicates are an error."""
    keys = frame[list(dataset.key)].astype(object)
    texts = pd.Series([SEPARATOR.join([dataset.name, *map(format_value, row)])
                       for row in keys.itertuples(index=False, name=None)], index=frame.index, dtype=object)
    digests = texts.map(lambda text: hashlib.sha1(text.encode("utf-8")).hexdigest()[:8])
    stems = frame["source_file"].astype(str).str.removesuffix(".txt")
    ids = stems + "-L" + frame["source_line"].map(format_value) + "-" + digests
    duplicated = ids[ids.duplicated(keep=False)]
    if len(duplicated):
        first = frame.loc[duplicated.index[0]]
        raise LkjipError(first["source_file"], f"{dataset.filename}: two rows share the key "
                         f"{dict(zip(dataset.key, keys.loc[duplicated.index[0]], strict=True))}",
                         line=int(first["source_line"]))
    return ids.astype(object)


def assign_value_ids(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    return frame.assign(value_id=value_ids(frame, dataset) if len(frame) else pd.Series([], dtype=object))
