"""Derived column ``indicator_id``: the same concept gets the same id in every report
(labels and definitions in ``reference/indicators.yaml``)."""

from __future__ import annotations

import pandas as pd

from ..reference.indicators import label_map, normalise_label

LEVEL_DEFAULT = {"programme": "programme_indicator", "activity": "activity_indicator",
                 "sub_activity": "activity_indicator"}


def lookup(source_file: str, indicator: str, level: str | None) -> str:
    found = label_map().get((source_file, normalise_label(indicator)))
    if found:
        return found
    return LEVEL_DEFAULT.get(level or "", "unmapped")


def assign_indicator_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill indicator_id where the recipe did not set it, from the label reference."""
    if frame.empty:
        return frame
    ids = [given if isinstance(given, str) and given else lookup(src, ind, lvl)
           for given, src, ind, lvl in zip(frame["indicator_id"], frame["source_file"], frame["indicator"],
                                           frame["level"])]
    return frame.assign(indicator_id=ids)
