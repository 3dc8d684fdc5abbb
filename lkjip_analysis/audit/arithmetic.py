"""Arithmetic the reports do themselves: achievement, absorption, efficiency, products, sums."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ..reference.budget_levels import depth
from ..reference.indicators import ids_with_role, reference
from .common import disagrees, flag, fmt, interval

Flag = dict


def _wide(frame: pd.DataFrame, keys: list[str], measures: tuple[str, ...]) -> Iterator[tuple[dict, dict]]:
    """Groups of records sharing ``keys`` that print every one of ``measures`` (with a value)."""
    frame = frame[frame["measure"].isin(measures) & frame["value"].notna()]
    for _, group in frame.groupby(keys, dropna=False, observed=True, sort=False):
        by_measure = {m: g for m, g in group.groupby("measure", observed=True)}
        if all(m in by_measure and len(by_measure[m]) == 1 for m in measures):
            yield {m: by_measure[m].iloc[0] for m in measures}, group.iloc[0]


def _period(value) -> str:
    return "" if pd.isna(value) else str(int(value))


def _lines(*rows) -> list[pd.Series]:
    """The values a check read (flag() keeps their lines and value ids)."""
    return list(rows)


def _target_ratio(frame: pd.DataFrame, keys: list[str], result: str, check: str, describe, what: str
                  ) -> Iterator[Flag]:
    """result = realisation / target x 100, or target / realisation x 100 when lower is better."""
    lower = set(reference().query("direction == 'lower'")["indicator_id"])
    frame = frame[~frame["indicator_id"].isin(ids_with_role("average"))]  # averages: see averages()
    for m, first in _wide(frame, keys, ("target", "realisation", result)):
        t, r, a = m["target"], m["realisation"], m[result]
        is_lower = first["indicator_id"] in lower
        fn = (lambda t_, r_: t_ / r_ * 100) if is_lower else (lambda t_, r_: r_ / t_ * 100)
        try:
            bounds = interval(fn, (t["value"], t["value_raw"]), (r["value"], r["value_raw"]))
        except ZeroDivisionError:
            continue
        if disagrees(a["value"], a["value_raw"], bounds):
            expected = fn(t["value"], r["value"])
            formula = "target / realisation x 100 (lower is better)" if is_lower else f"realisation / {what} x 100"
            yield flag(a, check, describe(first), float(a["value"]), expected, _lines(t, r, a),
                       f"printed {a['value_raw']!r}; {formula} = {t['value_raw']!r} and {r['value_raw']!r} "
                       f"give {fmt(expected)}")


def achievement(frames, reports) -> Iterator[Flag]:
    """achievement = realisation / target x 100 (target / realisation when lower is better)."""
    keys = ["source_file", "table_id", "level", "objective", "indicator", "period"]
    yield from _target_ratio(frames["indicators"], keys, "achievement_pct", "achievement",
                             lambda f: f"{f['indicator']} ({_period(f['period'])})", "target")


def fraction(frames, reports) -> Iterator[Flag]:
    """realisation % = numerator / denominator x 100, where the report prints all three."""
    ind = frames["indicators"]
    ind = ind[ind["unit"].isna() | (ind["unit"] != "persons") | ind["measure"].isin(["numerator", "denominator"])]
    keys = ["source_file", "table_id", "objective", "indicator", "period"]
    for m, first in _wide(ind, keys, ("numerator", "denominator", "realisation")):
        n, d, r = m["numerator"], m["denominator"], m["realisation"]
        if d["value"] == 0 or r["unit"] != "percent" and r["unit"] is not None and pd.notna(r["unit"]):
            continue
        bounds = interval(lambda n_, d_: n_ / d_ * 100, (n["value"], n["value_raw"]), (d["value"], d["value_raw"]))
        if disagrees(r["value"], r["value_raw"], bounds):
            expected = n["value"] / d["value"] * 100
            yield flag(r, "fraction", f"{first['indicator']} ({_period(first['period'])})", float(r["value"]),
                       expected, _lines(n, d, r), f"printed {r['value_raw']!r}; numerator / denominator x 100 = "
                       f"{n['value_raw']} / {d['value_raw']} gives {fmt(expected)}")


def progress(frames, reports) -> Iterator[Flag]:
    """progress to the end of the plan = realisation / end-of-plan target x 100."""
    ind = frames["indicators"]
    ind = ind.assign(measure=ind["measure"].astype("string").replace({"end_target": "target"}))
    yield from _target_ratio(ind, ["source_file", "table_id", "source_line", "indicator"], "progress_pct",
                             "progress", lambda f: str(f["indicator"]), "end-of-plan target")


def _absorption(frame: pd.DataFrame, keys: list[str], name_col: str) -> Iterator[Flag]:
    for m, first in _wide(frame, keys, ("budget", "realised", "absorption_pct")):
        b, r, a = m["budget"], m["realised"], m["absorption_pct"]
        if b["value"] == 0:
            continue
        bounds = interval(lambda b_, r_: r_ / b_ * 100, (b["value"], b["value_raw"]), (r["value"], r["value_raw"]))
        if disagrees(a["value"], a["value_raw"], bounds):
            expected = r["value"] / b["value"] * 100
            yield flag(a, "absorption", str(first[name_col]), float(a["value"]), expected, _lines(b, r, a),
                       f"printed {a['value_raw']!r}; realised / budget x 100 = {r['value_raw']} / {b['value_raw']} "
                       f"gives {fmt(expected)}")


def absorption(frames, reports) -> Iterator[Flag]:
    """absorption = realised / budget x 100 (budget and efficiency tables)."""
    yield from _absorption(frames["budget"], ["source_file", "table_id", "source_line", "name"], "name")
    yield from _absorption(frames["efficiency"], ["source_file", "table_id", "source_line", "objective", "indicator"],
                           "indicator")


def over_under(frames, reports) -> Iterator[Flag]:
    """over/under = realised - budget."""
    keys = ["source_file", "table_id", "source_line", "name"]
    for m, first in _wide(frames["budget"], keys, ("budget", "realised", "over_under")):
        b, r, o = m["budget"], m["realised"], m["over_under"]
        bounds = interval(lambda b_, r_: r_ - b_, (b["value"], b["value_raw"]), (r["value"], r["value_raw"]))
        if disagrees(o["value"], o["value_raw"], bounds):
            expected = r["value"] - b["value"]
            yield flag(o, "over_under", str(first["name"]), float(o["value"]), expected, _lines(b, r, o),
                       f"printed {o['value_raw']!r}; realised - budget = {fmt(expected)}")


def efficiency(frames, reports) -> Iterator[Flag]:
    """efficiency = achievement % - absorption % (the usual definition; a report may use its own)."""
    keys = ["source_file", "table_id", "source_line", "objective", "indicator"]
    for m, first in _wide(frames["efficiency"], keys, ("achievement_pct", "absorption_pct", "efficiency_pct")):
        a, b, e = m["achievement_pct"], m["absorption_pct"], m["efficiency_pct"]
        bounds = interval(lambda a_, b_: a_ - b_, (a["value"], a["value_raw"]), (b["value"], b["value_raw"]))
        if disagrees(e["value"], e["value_raw"], bounds):
            expected = a["value"] - b["value"]
            yield flag(e, "efficiency", str(first["indicator"] if pd.notna(first["indicator"]) else first["objective"]),
                       float(e["value"]), expected, _lines(a, b, e),
                       f"printed {e['value_raw']!r}; achievement - absorption = {a['value_raw']} - {b['value_raw']} "
                       f"= {fmt(expected)} (the report may define efficiency otherwise)")


def products(frames, reports) -> Iterator[Flag]:
    """'KPM x Rp = Rp': beneficiaries x amount per beneficiary = total."""
    keys = ["source_file", "table_id", "programme", "period"]
    for m, first in _wide(frames["social_assistance"], keys, ("beneficiaries", "amount_per_beneficiary", "total")):
        n, p, t = m["beneficiaries"], m["amount_per_beneficiary"], m["total"]
        expected = n["value"] * p["value"]
        if abs(t["value"] - expected) >= 0.5:
            ratio = t["value"] / expected if expected else 0
            hint = (f"; the printed total is exactly {ratio:.0f} times the product (months of payment?)"
                    if ratio > 1 and float(ratio).is_integer() else "")
            yield flag(t, "product", str(first["programme"]), float(t["value"]), expected, _lines(n, p, t),
                       f"printed {t['value_raw']!r}; {n['value_raw']} x {p['value_raw']} = Rp {fmt(expected)}{hint}")


def averages(frames, reports) -> Iterator[Flag]:
    """Rows printed as 'Rata-rata': the mean of the rows they summarise."""
    ind = frames["indicators"]
    average_ids = ids_with_role("average")
    for _, group in ind.groupby(["source_file", "table_id"], observed=True, sort=False):
        for (measure, period), rows in group.groupby(["measure", "period"], dropna=False, observed=True, sort=False):
            rows = rows.sort_values("source_line")
            previous_line, previous_avgs = 0, []
            for _, row in rows.iterrows():
                if row["indicator_id"] not in average_ids:
                    continue
                members = rows[(rows["source_line"] > previous_line) & (rows["source_line"] < row["source_line"])
                               & ~rows["indicator_id"].isin(average_ids) & rows["value"].notna()]
                candidates = []
                if len(members):
                    candidates.append(members)
                if len(previous_avgs) > 1 or (previous_avgs and len(members)):
                    # an average of averages ("Rata-rata Capaian Kinerja PMKS dan PSKS")
                    candidates.append(pd.DataFrame(previous_avgs + ([] if not len(members) else
                                                                    [members.iloc[-1]])))
                if candidates and pd.notna(row["value"]):
                    results = []
                    for cand in candidates:
                        args = [(v, r) for v, r in zip(cand["value"], cand["value_raw"])]
                        bounds = interval(lambda *xs: sum(xs) / len(xs), *args)
                        results.append((disagrees(row["value"], row["value_raw"], bounds), cand))
                    if all(bad for bad, _ in results):
                        cand = results[0][1]
                        expected = float(cand["value"].mean())
                        yield flag(row, "average", f"{row['indicator']} ({measure}, {_period(period)})",
                                   float(row["value"]), expected, [*(r for _, r in cand.iterrows()), row],
                                   f"printed {row['value_raw']!r}; mean of {', '.join(map(str, cand['value_raw']))} "
                                   f"= {fmt(expected)}")
                previous_avgs.append(row)
                previous_line = row["source_line"]


def sums(frames, reports) -> Iterator[Flag]:
    """A budget line = the sum of its lines; a total = the sum of the top-level lines."""
    budget = frames["budget"]
    budget = budget[budget["measure"].isin(["budget", "realised", "over_under"])]
    for (_, _, measure), group in budget.groupby(["source_file", "table_id", "measure"], observed=True,
                                                 sort=False):
        for _, parent in group.iterrows():
            if parent["level"] == "balance" or pd.isna(parent["value"]):
                continue
            if "_parent_line" in group:
                children = group[(group["_parent_line"] == parent["source_line"])
                                 & (group["parent"] == parent["name"])]
            else:
                children = group[group["parent"] == parent["name"]]
            if parent["level"] == "total" and children.empty:
                top = group[group["parent"].isna() & ~group["level"].isin(["total", "balance"])]
                if top.empty:
                    continue
                depths = top.apply(lambda r: depth(r["level"], r["source_file"], r["source_line"]), axis=1)
                children = top[depths == depths.min()]
            if children.empty:
                continue
            missing = children[children["value"].isna()]
            expected = float(children["value"].sum())
            if abs(expected - parent["value"]) >= 1:
                note = (f"; {len(missing)} line(s) without a value: " +
                        ", ".join(f"{n!r} ({r or 'empty'})" for n, r in zip(missing["name"], missing["value_raw"]))
                        if len(missing) else "")
                yield flag(parent, "sum", f"{parent['name']} ({measure})", float(parent["value"]), expected,
                           [parent, *(r for _, r in children.iterrows())],
                           f"printed {parent['value_raw']!r}; the {len(children)} lines under it add up to "
                           f"{fmt(expected)}{note}")
    yield from _staff_sums(frames["staff"])


def _staff_sums(staff: pd.DataFrame) -> Iterator[Flag]:
    total_word = r"(?i)^(jumlah|total)$"
    for _, group in staff.groupby("table_id", observed=True, sort=False):
        # Total rows: the sum over categories of each column.
        totals = group[group["category"].str.match(total_word, na=False)]
        for _, tot in totals.iterrows():
            members = group[(group["org_unit"] == tot["org_unit"]) & ~group["category"].str.match(total_word, na=False)]
            expected = float(members["value"].fillna(0).sum())
            if pd.notna(tot["value"]) and abs(expected - tot["value"]) >= 0.5:
                yield flag(tot, "sum", f"{tot['category']} ({tot['org_unit']})", float(tot["value"]), expected,
                           [tot, *(r for _, r in members.iterrows())],
                           f"printed {tot['value_raw']!r}; the {len(members)} rows above add up to {fmt(expected)}")
        # Total columns: the sum over units of each row.
        col_totals = group[group["org_unit"].str.match(total_word, na=False)
                           & ~group["category"].str.match(total_word, na=False)]
        for _, tot in col_totals.iterrows():
            members = group[(group["source_line"] == tot["source_line"]) & (group["category"] == tot["category"])
                            & ~group["org_unit"].str.match(total_word, na=False)]
            if members.empty:
                continue  # a total column with nothing beside it to add up
            expected = float(members["value"].fillna(0).sum())
            if pd.notna(tot["value"]) and abs(expected - tot["value"]) >= 0.5:
                yield flag(tot, "sum", f"{tot['category']} ({tot['org_unit']})", float(tot["value"]), expected,
                           [tot, *(r for _, r in members.iterrows())],
                           f"printed {tot['value_raw']!r}; the units of the row add up to "
                           f"{fmt(expected)}")
