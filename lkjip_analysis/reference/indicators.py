"""Canonical indicators (``indicators.yaml``): names, definitions, units, direction,
caveats, roles and the labels each report prints for them. Read by the derive step, the
audit, the data card and the analysis layer."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

from ..errors import LkjipError


def normalise_label(label: str) -> str:
    """'1.1. Angka Kemiskinan' and 'angka kemiskinan' are the same label."""
    text = " ".join(str(label).split()).lower()
    text = re.sub(r"^(\d+(\.\d+)*\.?|[a-z][.)])\s*", "", text)
    return text.strip(" .:")


REFERENCE_FILE = "indicators.yaml"
REFERENCE = "lkjip_analysis/reference/indicators.yaml"
FIELDS = ("name", "definition", "numerator", "denominator", "unit", "direction", "comparable", "caveat")
# An id that is not one concept (see the head of indicators.yaml): "generic" ids catch the
# indicators each report words its own way, "average" ids the reports' own averages.
ROLES = ("generic", "average")


def _text() -> str:
    return resources.files(__package__).joinpath(REFERENCE_FILE).read_text(encoding="utf-8")


def _line_of(iid: str) -> int | None:
    """The line of indicators.yaml where the entry ``iid`` starts."""
    for number, line in enumerate(_text().splitlines(), 1):
        if line.startswith(f"{iid}:"):
            return number
    return None


def _error(iid: str, message: str) -> LkjipError:
    return LkjipError(REFERENCE, f"{iid}: {message}", line=_line_of(iid))


# libyaml's safe loader where PyYAML has it: the same entries, read ten times faster (7 ms -> 0,7 ms).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def _entries() -> dict[str, dict]:
    entries = yaml.load(_text(), Loader=_SAFE_LOADER)
    levels: dict[str, str] = {}
    for iid, entry in entries.items():
        missing = [k for k in ("name", "definition", "unit", "direction") if not entry.get(k)]
        if missing or entry["direction"] not in ("higher", "lower"):
            raise _error(iid, "needs name, definition, unit and direction higher|lower")
        if not isinstance(entry.get("comparable"), bool):
            raise _error(iid, "needs comparable: true|false (can its values be compared across regions?)")
        role = entry.get("role")
        if role is not None and role not in ROLES:
            raise _error(iid, f"role {role!r} is not one of {', '.join(ROLES)}")
        for level in entry.get("levels") or ():
            if role != "generic":
                raise _error(iid, "only a generic id names levels (the levels it is the default for)")
            if levels.setdefault(level, iid) != iid:
                raise _error(iid, f"level {level!r} is already the level of {levels[level]}")
    return entries


@lru_cache(maxsize=1)
def reference() -> pd.DataFrame:
    """The canonical indicators: one row per id."""
    rows = [{"indicator_id": iid, **{k: entry.get(k, "") for k in FIELDS}} for iid, entry in _entries().items()]
    return pd.DataFrame(rows, columns=["indicator_id", *FIELDS])


def known_ids() -> frozenset[str]:
    return frozenset(_entries())


def ids_with_role(*roles: str) -> frozenset[str]:
    """The ids whose ``role`` is one of ``roles`` (``ids_with_role("average")``)."""
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise ValueError(f"unknown role(s) {', '.join(unknown)}; roles are {', '.join(ROLES)}")
    return frozenset(iid for iid, entry in _entries().items() if entry.get("role") in roles)


def id_for_level(level: str | None) -> str | None:
    """The generic id an unlisted label gets at ``level`` (a programme's, an activity's), if any."""
    return next((iid for iid, entry in _entries().items() if level in (entry.get("levels") or ())), None)

