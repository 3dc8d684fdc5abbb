"""budget_totals.csv: the office's total budget and realisation, one row per region and year.

A report prints its office's total several times, not always the same: Kota Pasuruan's
2022 report prints 28.155.762.151 (Tabel 1.1), 28.568.613.969 (Tabel 3.7), 24.055.295.545
(Tabel 3.9) and 17.654.523.994 (prose). The chosen total is the first of these that exists,
per region, report and budget year:

1. ``total line``: a line of level ``total`` printing both budget and realisation;
2. ``top line``: a line alone at the top of its table (no parent, the only such line of the
   table, e.g. the one objective an efficiency table lists) printing both;
3. ``total line, budget only`` / ``top line, budget only``: the same, printing the budget alone;
4. ``sum of programme lines``: the programme budgets (realisations only when every programme
   prints one), each programme once.
Among several lines of one step: a table before the prose, then the largest budget (the
widest scope: a programmes-only total is smaller than one that also holds staff pay), then
the first printed. Why: absorption must be realised / budget of one printed line, so a line
printing both wins over a budget printed alone; a total line says what it is, a top line is
recognised only by its place.

The other totals are listed with their lines and, in ``note``, what each covers as far as
the report's own lines show it: the sum of its programme lines (each programme once:
``restates`` false), plus the spending lines outside the programmes (staff pay, grants).
Balance rows (SILPA) never enter a sum, nor are they totals.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from ..datasets.flags import flag_ids_by_value
from ..datasets.schema import BUDGET_TOTALS
from ..errors import LkjipError

MEASURES = ("budget", "realised", "absorption_pct")
NOT_IN_SUMS = ("balance", "benchmark")  # SILPA restates the total with its sign turned; a benchmark is another office
GROUP = ["region", "report_year", "period"]
LINE = ["region", "report_year", "source_file", "table_id", "source_line", "origin", "level", "name", "period"]

# The work is done over plain records (one dict per budget value, per line, per total), grouped once
# into dicts by region, report and year: a pandas filter per total grows with the square of the
# corpus, and a pandas operation per group costs more than the data it touches.
BUDGET_COLUMNS = ("value_id", "region", "report_year", "source_file", "source_line", "table_id", "origin", "level",
                  "name", "parent", "programme_key", "period", "measure", "value", "value_raw", "restates",
                  "restates_value_id")

Record = dict[str, Any]


def rupiah(x: float) -> str:
    """28568613969 -> '28.568.613.969', 0.5 -> '0,50' (as the reports print amounts)."""
    text = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"
    return text.translate(str.maketrans(",.", ".,"))


def _records(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[Record]:
    """The frame's rows as dicts, a missing value as None."""
    return [dict(zip(columns, row)) for row in zip(*(_plain(frame[c]) for c in columns))]


def _plain(column: pd.Series) -> list:
    values, missing = column.tolist(), column.isna()
    if not missing.any():
        return values
    return [None if gap else v for v, gap in zip(values, missing.tolist())]


def _group(r: Record) -> tuple:
    return r["region"], r["report_year"], r["period"]


def _sortable(values: tuple) -> tuple:
    return tuple((v is None, 0 if v is None else v) for v in values)


def _group_sums(values: dict[tuple, list[float]]) -> dict[tuple, float]:
    """Each group's sum, added as pandas' groupby adds (its float bits are printed), in one call."""
    if not values:
        return {}
    keys = list(values)
    labels = [i for i, key in enumerate(keys) for _ in values[key]]
    sums = pd.Series([v for key in keys for v in values[key]], dtype="float64").groupby(labels).sum()
    return dict(zip(keys, sums.tolist()))


def _office_lines(budget: list[Record]) -> list[Record]:
    """Lines that can be the office's total, one record each, with budget, realised and absorption,
    in the order of their line (region, report, file, table, line ...)."""
    top: dict[tuple, set] = {}
    for r in budget:
        if r["parent"] is None:
            top.setdefault((r["source_file"], r["table_id"], r["period"]), set()).add(r["source_line"])
    alone = {(file, table, line) for (file, table, _), lines in top.items() if len(lines) == 1 for line in lines}
    wide: dict[tuple, Record] = {}
    for r in budget:
        if r["measure"] not in MEASURES or not (r["level"] == "total" or (
                r["level"] == "objective" and (r["source_file"], r["table_id"], r["source_line"]) in alone)):
            continue
        key = tuple(r[c] for c in LINE)
        line = wide.setdefault(key, {**dict(zip(LINE, key)), **dict.fromkeys(MEASURES), "_printed": set()})
        if r["measure"] in line["_printed"]:
            raise LkjipError(r["source_file"], f"budget_totals: {r['measure']} printed twice on one line",
                             line=int(r["source_line"]))
        line["_printed"].add(r["measure"])
        line.update({r["measure"]: r["value"], f"{r['measure']}_value_id": r["value_id"],
                     f"{r['measure']}_value_raw": r["value_raw"]})
    lines = []
    for key in sorted(wide, key=_sortable):
        line = {**{f"{m}_{w}": None for m in MEASURES for w in ("value_id", "value_raw")}, **wide[key]}
        if line["budget"] is not None:
            line.update(kind="total line" if line["level"] == "total" else "top line",
                        both=line["realised"] is not None)
            lines.append(line)
    return lines


def _sums(budget: list[Record], level: str) -> dict[tuple, Record]:
    """Per region, report and year: the budgets of one level, each line once, and their lines."""
    groups: dict[tuple, list[Record]] = {}
    for r in budget:
        if r["level"] == level and r["measure"] == "budget" and not r["restates"] and r["value"] is not None:
            groups.setdefault(_group(r), []).append(r)
    sums = _group_sums({key: [r["value"] for r in rows] for key, rows in groups.items()})
    return {key: {f"{level}_sum": sums[key], f"{level}_n": len(rows),
                  f"{level}_lines": ";".join(map(str, sorted(r["source_line"] for r in rows))),
                  f"{level}_names": ", ".join(dict.fromkeys(r["name"] for r in rows)),
                  f"{level}_ids": ";".join(r["value_id"] for r in rows),
                  f"{level}_first_line": min(r["source_line"] for r in rows),
                  f"{level}_first_table": next((r["table_id"] for r in rows if r["table_id"] is not None), None),
                  f"{level}_file": next((r["source_file"] for r in rows if r["source_file"] is not None), None)}
            for key, rows in groups.items()}


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1.0, 1e-5 * abs(a))  # a restated total may be off by a few rupiah (Pasuruan: 94)


def _covers(total: float, row: Record) -> str:
    """What a printed total covers, as far as the report's own lines show it."""
    p, s = row.get("programme_sum"), row.get("spending_type_sum")
    has_p, has_s = p is not None and p > 0, s is not None and s > 0

    def apart(x: float) -> str:
        return f" (the total is {rupiah(abs(total - x))} {'more' if total > x else 'less'})" if total != x else ""

    if has_p and _close(total, p):
        return (f"programmes only: the {row['programme_n']} programme lines ({row['programme_lines']}) add up to "
                f"{rupiah(p)}{apart(p)}")
    if has_p and has_s and _close(total, p + s):
        return (f"programmes plus the spending outside them: the {row['programme_n']} programme lines "
                f"({rupiah(p)}) and {row['spending_type_names']} ({_lines(row['spending_type_lines'])}: {rupiah(s)})"
                f"{apart(p + s)}")
    if has_s and _close(total, s):
        return (f"the whole office by type of spending: the {row['spending_type_n']} spending lines "
                f"({row['spending_type_lines']}) add up to {rupiah(s)}{apart(s)}")
    if has_p and total > p:
        return (f"more than the {row['programme_n']} programme lines ({rupiah(p)}) by {rupiah(total - p)}, "
                "which the report does not break down")
    if has_p:
        return f"part of the programmes: {rupiah(p - total)} less than the {row['programme_n']} programme lines"
    return "the report prints no lines to compare it with"


def _lines(lines: str) -> str:
    return ("lines " if ";" in lines else "line ") + lines


def _printed(line: Record) -> str:
    parts = [f"{m.replace('_pct', '')} {line[f'{m}_value_raw']}" for m in MEASURES
             if isinstance(line[f"{m}_value_raw"], str)]
    return f"line {line['source_line']} ({line['table_id']}, {line['level']} {line['name']!r}): " + ", ".join(parts)


class _Printings:
    """Every line a chosen figure is printed on: its first printing and the rows restating it
    with the same value (a restatement that prints another value is an other total). Indexed
    once by value_id: a restatement stays within its region."""

    def __init__(self, budget: list[Record]):
        self.by_id = {r["value_id"]: r for r in budget}
        self.restating: dict[str, list[Record]] = {}
        for r in budget:
            if r["restates_value_id"] is not None:
                self.restating.setdefault(r["restates_value_id"], []).append(r)

    def lines(self, region: str, value_ids: list) -> str:
        found = set()
        for value_id in value_ids:
            chosen = self.by_id.get(value_id)
            if chosen is None or chosen["region"] != region:
                continue
            first = chosen["restates_value_id"] if chosen["restates_value_id"] is not None else chosen["value_id"]
            for r in (self.by_id.get(first), *self.restating.get(first, ())):
                if r is not None and r["region"] == region and (
                        r["value"] == chosen["value"] or (r["value"] is None and chosen["value"] is None)):
                    found.add(r["source_line"])
        return ";".join(map(str, sorted(found)))


def _flag_ids(touching: dict[str, list[str]], position: dict[str, int], value_ids: list[str]) -> str | None:
    """The flags touching any of ``value_ids``, each once, in the flags' order."""
    return ";".join(sorted({f for v in value_ids for f in touching.get(v, ())}, key=position.__getitem__)) or None


def budget_totals(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    budget = [r for r in _records(frames["budget"], BUDGET_COLUMNS)
              if r["level"] not in NOT_IN_SUMS]  # balance rows never enter a sum
    sums = _sums(budget, "programme")
    for key, spending in _sums(budget, "spending_type").items():
        sums[key] = {**sums.get(key, {}), **spending}
    ranked: dict[tuple, list[Record]] = {}  # the lines of each region, report and year, best first
    for line in sorted(_office_lines(budget), key=lambda w: (
            *_sortable(_group(w)), not w["both"], w["kind"] != "total line", w["origin"] != "table", -w["budget"],
            w["source_line"])):
        ranked.setdefault(_group(line), []).append(line)
    chosen = [{**lines[0], "rule": lines[0]["kind"] if lines[0]["both"] else lines[0]["kind"] + ", budget only"}
              for lines in ranked.values()]
    chosen += _summed(budget, sums, ranked)  # no printed total: the programme lines, each once

    value_ids = [[row.get(f"{m}_value_id") for m in MEASURES] for row in chosen]
    flagged_ids = [[v for ids in row_ids if isinstance(ids, str) for v in ids.split(";")] for row_ids in value_ids]
    flags = frames["quality_flags"]
    touching = flag_ids_by_value(flags)
    position = {flag_id: i for i, flag_id in enumerate(flags["flag_id"].tolist())}
    printings = _Printings(budget)
    records = []
    for row, row_value_ids, row_flagged_ids in zip(chosen, value_ids, flagged_ids, strict=True):
        row = {**row, **sums.get(_group(row), {})}
        others = _others(row, ranked.get(_group(row), []))
        note = [f"chosen ({row['rule']}), line {row['source_line']}: {_covers(row['budget'], row)}"]
        note += [f"line {o['source_line']} ({o['table_id']}): {_covers(o['budget'], row)}" for o in others]
        records.append({
            **{c: row[c] for c in ["region", "report_year", "source_file", "source_line", "table_id", "period",
                                   "rule", "level", "name", "budget", "realised"]},
            "absorption_pct_printed": row.get("absorption_pct"),
            "absorption_pct_recomputed": round(row["realised"] / row["budget"] * 100, 2)
            if row["realised"] is not None and row["budget"] else None,
            "budget_value_id": row.get("budget_value_id"), "realised_value_id": row.get("realised_value_id"),
            "absorption_value_id": row.get("absorption_pct_value_id"),
            "printed_on_lines": printings.lines(row["region"], row_value_ids) or str(row["source_line"]),
            "other_totals": "; ".join(_printed(o) for o in others) or None,
            "note": "; ".join(note),
            "flag_ids": _flag_ids(touching, position, row_flagged_ids),
        })
    _check(records, budget)
    return pd.DataFrame(records, columns=BUDGET_TOTALS.columns)


def _others(row: Record, lines: list[Record]) -> list[Record]:
    """The group's other lines that print another budget or realisation, each pair once."""
    others: dict[tuple, Record] = {}
    for o in lines:
        if o["source_line"] != row["source_line"] and (
                o["budget"] != row["budget"] or (o["realised"] is not None and o["realised"] != row["realised"])):
            others.setdefault((o["budget"], o["realised"]), o)
    return list(others.values())


def _summed(budget: list[Record], sums: dict[tuple, Record], ranked: dict[tuple, list[Record]]) -> list[Record]:
    """A total for each region, report and year with programme lines but no line that can be its total."""
    realised = _summed_realised(budget)
    out = []
    for key in sorted((k for k, s in sums.items() if "programme_sum" in s and k not in ranked), key=_sortable):
        s = sums[key]
        out.append({**dict(zip(GROUP, key)), "source_file": s["programme_file"],
                    "table_id": s["programme_first_table"], "source_line": s["programme_first_line"],
                    "level": "programme", "name": "sum of the programme lines", "budget": s["programme_sum"],
                    "budget_value_id": s["programme_ids"], "rule": "sum of programme lines",
                    "realised": realised.get(key)})
    return out


def _summed_realised(budget: list[Record]) -> dict[tuple, float]:
    """The programmes' realisation, only when every programme with a budget prints one."""
    per: dict[tuple, dict[str, float]] = {}  # (region, report, year, programme) -> measure -> first value
    for r in budget:
        if r["level"] == "programme" and r["value"] is not None and r["programme_key"] is not None:
            per.setdefault((*_group(r), r["programme_key"]), {}).setdefault(r["measure"], r["value"])
    realised: dict[tuple, list] = {}
    for key in sorted(per, key=_sortable):
        realised.setdefault(key[:3], []).append(per[key].get("realised"))
    return _group_sums({key: values for key, values in realised.items() if None not in values})


def _check(out: list[Record], budget: list[Record]) -> None:
    """One row per region, report and year; every year with an office or programme budget has one."""
    chosen = Counter(_group(r) for r in out)
    dup = next((r for r in out if chosen[_group(r)] > 1), None)
    if dup is not None:
        raise LkjipError(dup["source_file"], f"budget_totals: two totals chosen for {dup['region']} "
                         f"{dup['period']}", line=int(dup["source_line"]))
    missing = next((r for r in budget if r["level"] in ("total", "objective", "programme")
                    and r["measure"] == "budget" and _group(r) not in chosen), None)
    if missing is not None:
        raise LkjipError(missing["source_file"], f"budget_totals: no office total for {missing['region']} "
                         f"{missing['period']}: no total line, no line alone at the top of a table, no programme "
                         "lines (see lkjip_analysis/facts/budget_totals.py)", line=int(missing["source_line"]))
