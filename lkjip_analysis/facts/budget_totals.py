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

import pandas as pd

from ..datasets.schema import BUDGET_TOTALS
from ..errors import LkjipError

MEASURES = ("budget", "realised", "absorption_pct")
NOT_IN_SUMS = ("balance", "benchmark")  # SILPA restates the total with its sign turned; a benchmark is another office
GROUP = ["region", "report_year", "period"]
LINE = ["region", "report_year", "source_file", "table_id", "source_line", "origin", "level", "name", "period"]


def rupiah(x: float) -> str:
    """28568613969 -> '28.568.613.969', 0.5 -> '0,50' (as the reports print amounts)."""
    text = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"
    return text.translate(str.maketrans(",.", ".,"))


def _office_lines(budget: pd.DataFrame) -> pd.DataFrame:
    """Lines that can be the office's total, one row each, with budget, realised and absorption."""
    top = budget[budget["parent"].isna() & ~budget["level"].isin(NOT_IN_SUMS)]
    alone = top.groupby(["source_file", "table_id", "period"], dropna=False)["source_line"].transform("nunique") == 1
    alone_lines = set(zip(top.loc[alone, "source_file"], top.loc[alone, "table_id"], top.loc[alone, "source_line"]))
    is_top = pd.Series([k in alone_lines for k in zip(budget["source_file"], budget["table_id"],
                                                        budget["source_line"])], index=budget.index)
    office = budget[budget["measure"].isin(MEASURES)
                    & ((budget["level"] == "total") | (is_top & (budget["level"] == "objective")))]
    wide = office.pivot(index=LINE, columns="measure", values=["value", "value_id", "value_raw"])
    wide.columns = [f"{measure}_{what}" if what != "value" else measure for what, measure in wide.columns]
    wide = wide.reset_index().reindex(columns=[*LINE, *MEASURES, *(f"{m}_{w}" for m in MEASURES
                                                                   for w in ("value_id", "value_raw"))])
    return wide.assign(
        kind=wide["level"].map(lambda lv: "total line" if lv == "total" else "top line"),
        both=wide["budget"].notna() & wide["realised"].notna(),
    )[lambda w: w["budget"].notna()]


def _sums(budget: pd.DataFrame, level: str) -> pd.DataFrame:
    """Per region, report and year: the budgets of one level, each line once, and their lines."""
    rows = budget[(budget["level"] == level) & (budget["measure"] == "budget") & ~budget["restates"]
                  & budget["value"].notna()]
    return rows.groupby(GROUP, dropna=False).agg(
        **{f"{level}_sum": ("value", "sum"), f"{level}_n": ("value", "size"),
           f"{level}_lines": ("source_line", lambda s: ";".join(map(str, sorted(s)))),
           f"{level}_names": ("name", lambda s: ", ".join(dict.fromkeys(s))),
           f"{level}_ids": ("value_id", lambda s: ";".join(s)),
           f"{level}_first_line": ("source_line", "min"),
           f"{level}_first_table": ("table_id", "first"),
           f"{level}_file": ("source_file", "first")}).reset_index()


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1.0, 1e-5 * abs(a))  # a restated total may be off by a few rupiah (Pasuruan: 94)


def _covers(total: float, row: pd.Series) -> str:
    """What a printed total covers, as far as the report's own lines show it."""
    p, s = row.get("programme_sum"), row.get("spending_type_sum")
    has_p, has_s = pd.notna(p) and p > 0, pd.notna(s) and s > 0

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


def _printed(line: pd.Series) -> str:
    parts = [f"{m.replace('_pct', '')} {line[f'{m}_value_raw']}" for m in MEASURES
             if isinstance(line[f"{m}_value_raw"], str)]
    return f"line {line['source_line']} ({line['table_id']}, {line['level']} {line['name']!r}): " + ", ".join(parts)


def _printings(budget: pd.DataFrame, value_ids: list) -> str:
    """Every line a chosen figure is printed on: its first printing and the rows restating it
    with the same value (a restatement that prints another value is an other total)."""
    chosen = budget[budget["value_id"].isin(value_ids)]
    firsts = chosen["restates_value_id"].fillna(chosen["value_id"])
    same = budget.merge(pd.DataFrame({"_first": firsts, "_value": chosen["value"]}), how="inner",
                        left_on="value", right_on="_value")
    same = same[same["value_id"].eq(same["_first"]) | same["restates_value_id"].eq(same["_first"])]
    return ";".join(map(str, sorted(set(same["source_line"]))))


def _flags_by_value_id(flags: pd.DataFrame) -> dict[str, list[int]]:
    """value_id -> the positions of the flags that name it (flagged or related), built once: a
    scan of every flag per total grows with the square of the corpus."""
    touching: dict[str, list[int]] = {}
    for position, (flagged, related) in enumerate(zip(flags["value_id"], flags["related_value_ids"].fillna(""))):
        for value_id in {flagged, *related.split(";")}:
            if isinstance(value_id, str) and value_id:
                touching.setdefault(value_id, []).append(position)
    return touching


def _flag_ids(flags: pd.DataFrame, touching: dict[str, list[int]], value_ids: list) -> str | None:
    positions = sorted({p for v in value_ids if isinstance(v, str) for p in touching.get(v, ())})
    return ";".join(flags["flag_id"].iloc[positions]) or None


def budget_totals(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    budget = frames["budget"]
    budget = budget[~budget["level"].isin(NOT_IN_SUMS)]  # balance rows never enter a sum
    lines = _office_lines(budget)
    sums = _sums(budget, "programme").merge(_sums(budget, "spending_type"), on=GROUP, how="outer")
    ranked = lines.assign(
        _rank_both=~lines["both"], _rank_kind=lines["kind"] != "total line", _rank_prose=lines["origin"] != "table",
        _rank_budget=-lines["budget"].astype(float),
    ).sort_values([*GROUP, "_rank_both", "_rank_kind", "_rank_prose", "_rank_budget", "source_line"], kind="stable")
    chosen = ranked.groupby(GROUP, dropna=False).head(1)
    chosen = chosen.assign(rule=chosen["kind"].where(chosen["both"], chosen["kind"] + ", budget only"))
    # No printed total: the programme lines, each once.
    without = sums[sums["programme_sum"].notna()].merge(chosen[GROUP], on=GROUP, how="left", indicator=True)
    without = without[without["_merge"] == "left_only"]
    summed = pd.DataFrame({
        **{c: without[c] for c in GROUP}, "source_file": without["programme_file"],
        "table_id": without["programme_first_table"], "source_line": without["programme_first_line"],
        "level": "programme", "name": "sum of the programme lines", "budget": without["programme_sum"],
        "budget_value_id": without["programme_ids"], "rule": "sum of programme lines",
    })
    summed = summed.assign(realised=_summed_realised(budget, summed))
    chosen = pd.concat([chosen, summed], ignore_index=True) if len(summed) else chosen.reset_index(drop=True)
    chosen = chosen.merge(sums, on=GROUP, how="left").astype({"programme_n": "Int64", "spending_type_n": "Int64"})

    flags = frames["quality_flags"]
    touching = _flags_by_value_id(flags)
    # each total reads only its own group's lines and its region's budget rows (a restatement stays
    # within its region): a filter over the whole corpus per total grows with its square
    ranked_by_group = {key: group for key, group in ranked.groupby(GROUP, dropna=False, sort=False)}
    budget_by_region = {key: group for key, group in budget.groupby("region", dropna=False, sort=False,
                                                                     observed=True)}
    records = []
    for _, row in chosen.iterrows():
        group = ranked_by_group.get(tuple(row[GROUP]), ranked.iloc[:0])
        others = group[(group["source_line"] != row["source_line"])
                       & ((group["budget"] != row["budget"]) | (group["realised"].notna()
                                                                & (group["realised"] != row["realised"])))]
        others = others.drop_duplicates(["budget", "realised"])
        region_budget = budget_by_region.get(row["region"], budget.iloc[:0])
        value_ids = [row.get(f"{m}_value_id") for m in MEASURES]
        note = [f"chosen ({row['rule']}), line {row['source_line']}: {_covers(row['budget'], row)}"]
        note += [f"line {o['source_line']} ({o['table_id']}): {_covers(o['budget'], row)}"
                 for _, o in others.iterrows()]
        records.append({
            **{c: row[c] for c in ["region", "report_year", "source_file", "source_line", "table_id", "period",
                                   "rule", "level", "name", "budget", "realised"]},
            "absorption_pct_printed": row.get("absorption_pct"),
            "absorption_pct_recomputed": round(row["realised"] / row["budget"] * 100, 2)
            if pd.notna(row.get("realised")) and row["budget"] else None,
            "budget_value_id": row.get("budget_value_id"), "realised_value_id": row.get("realised_value_id"),
            "absorption_value_id": row.get("absorption_pct_value_id"),
            "printed_on_lines": _printings(region_budget, value_ids) or str(row["source_line"]),
            "other_totals": "; ".join(_printed(o) for _, o in others.iterrows()) or None,
            "note": "; ".join(note),
            "flag_ids": _flag_ids(flags, touching, [v for vs in value_ids if isinstance(vs, str)
                                                    for v in vs.split(";")]),
        })
    out = pd.DataFrame(records, columns=BUDGET_TOTALS.columns)
    _check(out, budget)
    return out


def _summed_realised(budget: pd.DataFrame, summed: pd.DataFrame) -> pd.Series:
    """The programmes' realisation, only when every programme with a budget prints one."""
    if summed.empty:
        return pd.Series(dtype=float)
    prog = budget[(budget["level"] == "programme") & budget["value"].notna()]
    per = prog.pivot_table(index=[*GROUP, "programme_key"], columns="measure", values="value", aggfunc="first")
    per = per.reindex(columns=["budget", "realised"]).reset_index()
    complete = per.groupby(GROUP, dropna=False).agg(
        realised=("realised", "sum"), missing=("realised", lambda r: int(r.isna().sum()))).reset_index()
    merged = summed[GROUP].merge(complete, on=GROUP, how="left")
    return merged["realised"].where(merged["missing"] == 0).set_axis(summed.index)


def _check(out: pd.DataFrame, budget: pd.DataFrame) -> None:
    """One row per region, report and year; every year with an office or programme budget has one."""
    dup = out[out.duplicated(GROUP, keep=False)]
    if len(dup):
        first = dup.iloc[0]
        raise LkjipError(first["source_file"], f"budget_totals: two totals chosen for {first['region']} "
                         f"{first['period']}", line=int(first["source_line"]))
    wanted = budget[budget["level"].isin(["total", "objective", "programme"]) & (budget["measure"] == "budget")]
    missing = wanted.merge(out[GROUP], on=GROUP, how="left", indicator=True)
    missing = missing[missing["_merge"] == "left_only"]
    if len(missing):
        first = missing.iloc[0]
        raise LkjipError(first["source_file"], f"budget_totals: no office total for {first['region']} "
                         f"{first['period']}: no total line, no line alone at the top of a table, no programme "
                         "lines (see lkjip_analysis/facts/budget_totals.py)", line=int(first["source_line"]))
