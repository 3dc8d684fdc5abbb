"""Canonical indicators (``indicators.yaml``): names, definitions, units, direction,
caveats and the labels each report prints for them. Read by the derive step, the
audit, the data card and the analysis layer."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml


def normalise_label(label: str) -> str:
    """'1.1. Angka Kemiskinan' and 'angka kemiskinan' are the same label."""
    text = " ".join(str(label).split()).lower()
    text = re.sub(r"^(\d+(\.\d+)*\.?|[a-z][.)])\s*", "", text)
    return text.strip(" .:")


REFERENCE_FILE = "indicators.yaml"
REFERENCE = "lkjip_analysis/reference/indicators.yaml"
FIELDS = ("name", "definition", "numerator", "denominator", "unit", "direction", "caveat")


@lru_cache(maxsize=1)
def _entries() -> dict[str, dict]:
    with resources.files(__package__).joinpath(REFERENCE_FILE).open(encoding="utf-8") as f:
        entries = yaml.safe_load(f)
    for iid, entry in entries.items():
        missing = [k for k in ("name", "definition", "unit", "direction") if not entry.get(k)]
        if missing or entry["direction"] not in ("higher", "lower"):
            raise ValueError(f"{REFERENCE}: {iid} needs name, definition, unit and direction higher|lower")
    return entries


@lru_cache(maxsize=1)
def reference() -> pd.DataFrame:
    """The canonical indicators: one row per id."""
    rows = [{"indicator_id": iid, **{k: entry.get(k, "") for k in FIELDS}} for iid, entry in _entries().items()]
    return pd.DataFrame(rows, columns=["indicator_id", *FIELDS])


@lru_cache(maxsize=1)
def label_map() -> dict[tuple[str, str], str]:
    """(report file, normalised label) -> indicator id; a label may map to one id only."""
    out: dict[tuple[str, str], str] = {}
    for iid, entry in _entries().items():
        for source_file, labels in (entry.get("labels") or {}).items():
            for label in labels:
                key = (source_file, normalise_label(label))
                if out.setdefault(key, iid) != iid:
                    raise ValueError(f"{REFERENCE}: {label!r} ({source_file}) maps to {out[key]} and {iid}")
    return out
