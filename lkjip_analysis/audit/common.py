"""Shared pieces of the checks: decimals as printed, rounding intervals, flag records.

Tolerance rule: an input printed with decimals stands for anything that rounds to it
(49,2 for 49,15-49,25); an input printed without decimals is exact (a "5 %" target, a
count, a rupiah amount); a printed result may be rounded or truncated, so it may differ
from the recomputed range by one unit of its last digit (118 % for 118.9 %, not 119.4 %).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, wraps
from itertools import product
from typing import Any

import pandas as pd

from ..text.patterns import NUMBER_RE


def decimals(raw: Any, value: float) -> int:
    """Digits printed after the decimal separator: the number's digits beyond its integer part.

    Works whatever the separators ("5.97%" -> 2, "28.854" as 28854 -> 0, "1.532,66" -> 2).
    """
    digits = _number_digits(str(raw or ""))
    return max(0, digits - len(str(int(abs(value))))) if digits else 0


@lru_cache(maxsize=4096)
def _number_digits(text: str) -> int:
    """Digits of the first number printed in ``text`` (0 when none); the same few hundred
    printed texts are read thousands of times by the checks."""
    m = NUMBER_RE.search(text)
    return sum(ch.isdigit() for ch in m.group(0)) if m else 0


def half_unit(raw: Any, value: float) -> float:
    return 0.5 * 10 ** -decimals(raw, value)


def input_rounding(raw: Any, value: float) -> float:
    """How far a printed input may be from the number behind it. Figures printed without
    decimals (targets such as "5 %", counts, rupiah) are taken as exact."""
    d = decimals(raw, value)
    return 0.5 * 10 ** -d if d else 0.0


def result_tolerance(raw: Any, value: float) -> float:
    """A printed result may be rounded or truncated: one unit of its last digit."""
    return 10 ** -decimals(raw, value)


def interval(fn: Callable[..., float], *args: tuple[float, Any]) -> tuple[float, float]:
    """Range of fn over the rounding intervals of its printed arguments (value, raw)."""
    corners = []
    for signs in product((-1, 1), repeat=len(args)):
        vals = [v + s * input_rounding(raw, v) for (v, raw), s in zip(args, signs)]
        try:
            corners.append(fn(*vals))
        except ZeroDivisionError:
            continue
    if not corners:
        raise ZeroDivisionError
    return min(corners), max(corners)


def disagrees(printed: float, printed_raw: Any, bounds: tuple[float, float]) -> bool:
    tol = result_tolerance(printed_raw, printed) + 1e-9 * max(1.0, abs(printed))
    return printed < bounds[0] - tol or printed > bounds[1] + tol


def flag(row: pd.Series | dict, check: str, subject: str, printed: float | None, expected: float | None,
         used: Iterable[int | pd.Series | dict], detail: str, *, line: int | None = None) -> dict[str, Any]:
    """A flag on ``row`` (the printed value that disagrees). ``used`` are the values the check read
    (rows, whose value_id and line are kept) or bare line numbers."""
    rows = [u for u in used if isinstance(u, (pd.Series, dict))]
    lines = {int(u) for u in used if not isinstance(u, (pd.Series, dict))}
    lines = sorted(lines | {int(r["source_line"]) for r in rows})
    own = row.get("value_id")
    related = sorted({str(r["value_id"]) for r in rows if _has_id(r)} - {own})
    diff = None if printed is None or expected is None else round(printed - expected, 10)
    return {
        "region": row["region"], "report_year": row["report_year"], "source_file": row["source_file"],
        "source_line": int(line if line is not None else row["source_line"]),
        "table_id": row.get("table_id"), "check": check, "subject": subject,
        "printed": printed, "expected": None if expected is None else round(expected, 6),
        "difference": diff, "lines": ";".join(map(str, lines)), "detail": detail,
        "value_id": own if isinstance(own, str) else None, "related_value_ids": ";".join(related) or None,
    }


def _has_id(row) -> bool:
    value_id = row.get("value_id") if hasattr(row, "get") else None
    return isinstance(value_id, str) and bool(value_id)


def fmt(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def group_numbers(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Each row's group under ``keys`` (missing keys form groups of their own), numbered in order of
    first appearance."""
    return frame.groupby(keys, dropna=False, observed=True, sort=False).ngroup()


def groups_holding(frame: pd.DataFrame, keys: list[str], wanted: pd.Series, outer: list[str] | None = None
                   ) -> Iterator[pd.DataFrame]:
    """The groups of ``frame`` under ``keys`` that hold at least one ``wanted`` row, in the order a
    groupby(keys, sort=False) gives them (or, with ``outer``, nested in groupby(outer, sort=False)):
    only those groups are cut out of the frame."""
    group = group_numbers(frame, keys)
    order = group if outer is None else group_numbers(frame, outer) * len(frame) + group
    chosen = frame[group.isin(group[wanted])]
    for _, rows in chosen.groupby(order[chosen.index], sort=True):
        yield rows


def once_per_frame(fn: Callable[[pd.DataFrame], Iterable]) -> Callable[[pd.DataFrame], list]:
    """``fn(frame)`` as a list, computed once for the frame last passed: a check and
    derived_from_flagged read the same averages and sums of one build's frames (the audit never
    changes a frame in place, so the frame object names its content)."""
    last: list = [None, None]

    @wraps(fn)
    def cached(frame: pd.DataFrame) -> list:
        if last[0] is not frame:
            last[:] = [frame, list(fn(frame))]
        return last[1]
    return cached


def record_groups(frame: pd.DataFrame | list[dict], keys: list[str]) -> Iterator[list[dict]]:
    """The rows of ``frame`` (or plain records) as plain dicts, grouped under ``keys`` as
    groupby(keys, dropna=False, sort=False) would: missing keys form a group of their own, groups
    come in order of first appearance. Grouping a few hundred rows in Python costs far less than
    a pandas frame per group."""
    yield from grouped(frame.to_dict("records") if isinstance(frame, pd.DataFrame) else frame, keys).values()


def grouped(records: list[dict], keys: list[str]) -> dict[tuple, list[dict]]:
    """The records by their ``group_key``, groups in order of first appearance."""
    groups: dict[tuple, list[dict]] = {}
    for record in records:
        groups.setdefault(group_key(record, keys), []).append(record)
    return groups


def group_key(record: dict, keys: list[str]) -> tuple:
    """The record's values under ``keys``, every missing value as None (one group, as dropna=False)."""
    return tuple(None if pd.isna(record[k]) else record[k] for k in keys)


_RECORDS: dict[int, tuple[pd.DataFrame, list[dict]]] = {}
_RECORDS_KEPT = 8  # the build's frames the checks read (indicators, budget, efficiency, ...)


def records_of(frame: pd.DataFrame) -> list[dict]:
    """The rows of ``frame`` as plain dicts, made once per frame object: the checks read the same
    few frames again and again, and the audit never changes a frame in place. Do not change them."""
    cached = _RECORDS.get(id(frame))
    if cached is None or cached[0] is not frame:
        while len(_RECORDS) >= _RECORDS_KEPT:
            del _RECORDS[next(iter(_RECORDS))]
        cached = _RECORDS[id(frame)] = (frame, frame.to_dict("records"))
    return cached[1]


def is_missing(value) -> bool:
    """A missing value as a record holds it (None, NaN or <NA>)."""
    return value is None or bool(pd.isna(value))


def single_measures(records: list[dict]) -> dict[str, dict]:
    """The records of a group by measure, for the measures printed once in it."""
    by_measure: dict[str, list[dict]] = {}
    for record in records:
        by_measure.setdefault(record["measure"], []).append(record)
    return {m: rows[0] for m, rows in by_measure.items() if len(rows) == 1}
