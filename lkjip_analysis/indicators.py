"""Canonical indicator ids: the same concept gets the same id in every report."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd

LEVEL_DEFAULT = {"programme": "programme_indicator", "activity": "activity_indicator",
                 "sub-activity": "activity_indicator"}


def normalise_label(label: str) -> str:
    """'1.1. Angka Kemiskinan' and 'angka kemiskinan' are the same label."""
    text = " ".join(str(label).split()).lower()
    text = re.sub(r"^(\d+(\.\d+)*\.?|[a-z][.)])\s*", "", text)
    return text.strip(" .:")


@lru_cache(maxsize=1)
def reference() -> pd.DataFrame:
    with resources.files(__package__).joinpath("reference/indicators.csv").open(encoding="utf-8") as f:
        return pd.read_csv(f, dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def label_map() -> dict[tuple[str, str], str]:
    with resources.files(__package__).joinpath("reference/indicator_labels.csv").open(encoding="utf-8") as f:
        labels = pd.read_csv(f, dtype=str, keep_default_na=False)
    unknown = set(labels["indicator_id"]) - set(reference()["indicator_id"])
    if unknown:
        raise ValueError(f"indicator_labels.csv uses ids not in indicators.csv: {sorted(unknown)}")
    return {(row.source_file, normalise_label(row.label)): row.indicator_id for row in labels.itertuples()}


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
