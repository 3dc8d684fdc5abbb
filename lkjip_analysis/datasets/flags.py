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
    own: dict[str, list[str]] = defaultdict(list)
    for value_id, flag_id in zip(flags["value_id"], flags["flag_id"], strict=True):
        own[str(value_id)].append(str(flag_id))
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
