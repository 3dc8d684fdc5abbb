"""Flags joined to values, and values cited as printed.

``flags_for(load("indicators"))`` marks the rows the audit flags (quality_flags.csv points at
each flagged value by its ``value_id``); ``cite(row)`` says where a value is printed:
"blitar_2020.txt line 83 (T0081): 5.97%".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..errors import LkjipError


def flag_ids_by_value(flags: pd.DataFrame, *, related: bool = True) -> dict[str, list[str]]:
    """value_id -> the ``flag_id`` of every flag that points at that value (``value_id``) and, with
    ``related``, of every flag whose check read it (``related_value_ids``): each flag once per value,
    in the flags' order."""
    found: dict[str, list[str]] = defaultdict(list)
    read = flags["related_value_ids"].tolist() if related else [None] * len(flags)
    for flag_id, own, others in zip(flags["flag_id"].tolist(), flags["value_id"].tolist(), read, strict=True):
        if not isinstance(flag_id, str):
            continue
        for value_id in dict.fromkeys([own, *(others.split(";") if isinstance(others, str) else ())]):
            if isinstance(value_id, str) and value_id:
                found[value_id].append(flag_id)
    return found


def flags_for(frame: pd.DataFrame, flags: pd.DataFrame | None = None, *, clean: str | Path | None = None
              ) -> pd.DataFrame:
    """``frame`` with three more columns:

    - ``flagged``: a quality flag points at the row's value (its ``value_id``);
    - ``flag_ids``: those flags' ``flag_id``s, ';'-separated (missing when none);
    - ``flag_related``: the row is not flagged itself, but a flag's check read it (it is among
      the flag's ``related_value_ids``: the other printing of a figure, an input of a sum ...).

    ``flags`` defaults to ``load("quality_flags", clean)``.
    """
    if "value_id" not in frame.columns:
        raise LkjipError(None, "flags_for needs a frame with a value_id column (a tidy file, cells or budget ...); "
                         f"this one has {', '.join(map(str, frame.columns))}")
    if flags is None:
        from .load import load
        flags = load("quality_flags", clean)
    own = flag_ids_by_value(flags, related=False)
    related = {value_id for ids in flags["related_value_ids"].dropna() for value_id in str(ids).split(";")}
    value_ids = frame["value_id"].astype("string")
    flag_ids = value_ids.map(lambda v: ";".join(own[v]) if v in own else pd.NA).astype("string")
    flagged = flag_ids.notna().astype("boolean")
    return frame.assign(flagged=flagged, flag_ids=flag_ids,
                        flag_related=(~flagged & value_ids.isin(related)).astype("boolean"))


def cite(row: pd.Series | Mapping) -> str:
    """"file line N (table): printed text" for a row of any clean file.

    The printed text is ``value_raw`` (a flag's ``detail``, a table's caption); a row without a
    table or a text gives just the file and line.
    """
    def field(name):
        value = row.get(name) if hasattr(row, "get") else None
        return None if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else value

    source_file, line = field("source_file"), field("source_line")
    if source_file is None or line is None:
        raise LkjipError(None, "cite needs a row with source_file and source_line")
    out = f"{source_file} line {int(line)}"
    if (table_id := field("table_id")) is not None:
        out += f" ({table_id})"
    text = next((field(name) for name in ("value_raw", "detail", "caption", "title") if field(name) is not None),
                None)
    return f"{out}: {text}" if text is not None and str(text) != "" else out
