"""Values computed from a flagged value: an average, an efficiency, an achievement or an objective
figure built on a value that an arithmetic check flags (ROOTS) carries the error on, so it gets a flag of its own
(check ``derived_from_flagged``) pointing at the root: related_value_ids holds the value_id of
the flagged value it is built on (followed back through chains: an average of an efficiency built
on a wrong achievement points at the achievement)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pandas as pd

from ..reference.indicators import normalise_label
from . import arithmetic
from .common import flag, is_missing, once_per_frame, records_of

# The checks whose flag says the value itself is computed wrong. Not roots: printings that
# disagree (which printing is wrong is another question), sums (a total may cover lines its table
# does not list), scope and malformed numbers.
ROOTS = {"achievement", "progress", "fraction", "absorption", "over_under", "efficiency", "product", "average",
         "group_average", "lower_is_better", "conclusion_count", "share"}


def _ids(rows: Iterable[pd.Series]) -> list[str]:
    return [r["value_id"] for r in rows if isinstance(r.get("value_id"), str)]


def _describe(row: pd.Series) -> str:
    label = next((row[c] for c in ("indicator", "name", "objective", "programme")
                  if c in row and isinstance(row[c], str)), "")
    period = "" if pd.isna(row.get("period", None)) else f" {int(row['period'])}"
    return f"{label} ({row['measure']}{period})"


@once_per_frame
def _achievements_by_value(ind: pd.DataFrame) -> dict[tuple, list[tuple[dict, str | None]]]:
    """The printed achievements by (file, value), each with its indicator's wording normalised:
    an efficiency table's achievement is looked up, not searched for in the whole frame."""
    found: dict[tuple, list] = {}
    for r in records_of(ind):
        if r["measure"] == "achievement_pct" and not is_missing(r["value"]) and not is_missing(r["source_file"]):
            label = normalise_label(r["indicator"]) if isinstance(r["indicator"], str) else None
            found.setdefault((r["source_file"], r["value"]), []).append((r, label))
    return found


def built_from(frames) -> Iterator[tuple[pd.Series, list[pd.Series], str]]:
    """Each value the reports compute from other printed values: (the value, the values it is
    computed from, what it is). The relations are the ones the arithmetic checks recompute."""
    ind = frames["indicators"]
    keys = ["source_file", "table_id", "level", "objective", "indicator", "period"]
    plain = arithmetic._not_averages(records_of(ind))
    for m, _ in arithmetic._wide(plain, keys, ("target", "realisation", "achievement_pct")):
        yield m["achievement_pct"], [m["target"], m["realisation"]], "an achievement"
    progress = arithmetic._progress_inputs(plain)
    for m, _ in arithmetic._wide(progress, arithmetic.PROGRESS_KEYS, ("target", "realisation", "progress_pct")):
        yield m["progress_pct"], [m["target"], m["realisation"]], "a progress %"
    for averages in (arithmetic._summary_averages(ind), arithmetic._group_averages(ind)):
        for row, candidates in averages:
            fit = arithmetic._fitting(row, candidates)
            yield row, list(candidates[0] if fit is None else fit), "an average"
    eff = frames["efficiency"]
    achievements = _achievements_by_value(ind)
    for m, _ in arithmetic._wide(records_of(eff), ["source_file", "table_id", "source_line", "objective", "indicator"],
                                 ("achievement_pct", "absorption_pct", "efficiency_pct")):
        a = m["achievement_pct"]
        # The efficiency table repeats an achievement of the indicator tables: on the same line,
        # or under the same indicator wording with the same value.
        same = achievements.get((a["source_file"], a["value"]), [])
        label = normalise_label(a["indicator"]) if isinstance(a["indicator"], str) else None
        copies = [r for r, r_label in same if r["source_line"] == a["source_line"] or (label and r_label == label)]
        yield m["efficiency_pct"], [a, m["absorption_pct"], *copies], "an efficiency"
    for name, keys in (("budget", ["source_file", "table_id", "source_line", "name"]),
                       ("efficiency", ["source_file", "table_id", "source_line", "objective", "indicator"])):
        for m, _ in arithmetic._wide(records_of(frames[name]), keys, ("budget", "realised", "absorption_pct")):
            yield m["absorption_pct"], [m["budget"], m["realised"]], "an absorption"


def derived_from_flagged(frames, reports, earlier: Iterable[dict] = ()) -> Iterator[dict]:
    """A value computed from a value that an earlier check flags: flagged in turn, pointing at the
    root flag's value (related_value_ids) and naming it (detail)."""
    roots = {f["value_id"]: f for f in earlier if f["check"] in ROOTS and isinstance(f.get("value_id"), str)}
    relations = [(row, inputs, what, _ids(inputs)) for row, inputs, what in built_from(frames)
                 if isinstance(row.get("value_id"), str)]
    # root value ids each value is built on, followed through chains until nothing changes
    reaches: dict[str, set[str]] = {value_id: {value_id} for value_id in roots}
    for row, *_ in relations:
        reaches.setdefault(row["value_id"], set())
    changed = True
    while changed:
        changed = False
        for row, _, _, ids in relations:
            reached = [reaches[i] for i in ids if reaches.get(i)]
            if not reached:
                continue  # built on nothing flagged (most values)
            found = set().union(*reached) - {row["value_id"]}
            if found - reaches[row["value_id"]]:
                reaches[row["value_id"]] |= found
                changed = True
    seen = set()
    for row, inputs, what, ids in relations:
        own = row["value_id"]
        root_ids = sorted(set().union(*(reaches.get(i, set()) for i in ids)) - {own})
        if not root_ids or own in seen:
            continue
        seen.add(own)
        root_flags = [roots[r] for r in root_ids]
        via = [r for r in inputs if r.get("value_id") in reaches and r.get("value_id") not in roots]
        # related_value_ids: the roots only; lines: the roots' and the inputs'
        yield flag(row, "derived_from_flagged", _describe(row), float(row["value"]), None,
                   [*({"value_id": f["value_id"], "source_line": f["source_line"]} for f in root_flags),
                    *(int(r["source_line"]) for r in inputs)],
                   f"{what} printed {row['value_raw']!r}, built on "
                   + "; ".join(f"line {f['source_line']}'s {f['subject']!r} (flag {f['check']}: printed "
                               f"{f['printed']}, expected {f['expected']})" for f in root_flags)
                   + (f", through line(s) {', '.join(sorted({str(r['source_line']) for r in via}))}" if via else ""))
