"""Arithmetic the reports do themselves: achievement, absorption, efficiency, products, sums."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import pandas as pd

from ..reference.budget_levels import depth
from ..reference.indicators import ids_with_role
from ..text.precision import disagrees, input_rounding, interval
from .common import (
    by_line,
    column_mean,
    column_sum,
    flag,
    fmt,
    group_key,
    grouped,
    is_missing,
    lower_is_better_ids,
    once_per_frame,
    record_groups,
    records_of,
    single_measures,
)

Flag = dict


def _wide(records: list[dict], keys: list[str], measures: tuple[str, ...]) -> Iterator[tuple[dict, dict]]:
    """Groups of records sharing ``keys`` that print every one of ``measures`` (with a value), in the
    order the groups first appear: ({measure: record}, the group's first record)."""
    wanted = set(measures)
    valued = [r for r in records if r["measure"] in wanted and not is_missing(r["value"])]
    for group in record_groups(valued, keys):
        by_measure = single_measures(group)
        if all(m in by_measure for m in measures):
            yield {m: by_measure[m] for m in measures}, group[0]


def _period(value) -> str:
    return "" if pd.isna(value) else str(int(value))


def _lines(*rows) -> list[pd.Series]:
    """The values a check read (flag() keeps their lines and value ids)."""
    return list(rows)


def _not_averages(records: list[dict]) -> list[dict]:
    """The records whose indicator is not an average (averages: see averages())."""
    average_ids = set(ids_with_role("average"))
    return [r for r in records if r["indicator_id"] not in average_ids]


def _target_ratio(records: list[dict], keys: list[str], result: str, check: str, describe, what: str
                  ) -> Iterator[Flag]:
    """result = realisation / target x 100, or target / realisation x 100 when lower is better."""
    lower = lower_is_better_ids()
    for m, first in _wide(_not_averages(records), keys, ("target", "realisation", result)):
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
    yield from _target_ratio(records_of(frames["indicators"]), keys, "achievement_pct", "achievement",
                             lambda f: f"{f['indicator']} ({_period(f['period'])})", "target")


def fraction(frames, reports) -> Iterator[Flag]:
    """realisation % = numerator / denominator x 100, where the report prints all three."""
    ind = [r for r in records_of(frames["indicators"])
           if is_missing(r["unit"]) or r["unit"] != "persons" or r["measure"] in ("numerator", "denominator")]
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


PROGRESS_KEYS = ["source_file", "table_id", "source_line", "indicator"]


def _progress_inputs(records: list[dict]) -> list[dict]:
    """Indicator records with the end-of-plan target as the target of progress_pct. A row that prints
    the year's target beside the end target (Lumajang Tabel IV.1, lines 1018-1020) keeps only the end
    target: progress is measured against the end of the plan."""
    with_end = {id(r) for group in record_groups(records, PROGRESS_KEYS)
                if any(g["measure"] == "end_target" for g in group) for r in group}
    return [{**r, "measure": "target"} if r["measure"] == "end_target" else r
            for r in records if not (r["measure"] == "target" and id(r) in with_end)]


def progress(frames, reports) -> Iterator[Flag]:
    """progress to the end of the plan = realisation / end-of-plan target x 100 (target / realisation
    when lower is better). Every row printing an end target and a progress % is read, also rows
    that print the year's target too. When the printed progress is the achievement % over the end
    target instead (Lumajang line 1018: 267,71 : 39,16 x 100 = 683,6), the detail says so."""
    ind = frames["indicators"]
    records = records_of(ind)
    achieved = {(*(r[k] for k in PROGRESS_KEYS), r["period"]): r for r in records
                if r["measure"] == "achievement_pct" and not is_missing(r["value"])}
    # the row a flag names and the end targets of a line, found by key: a filter over the whole
    # frame per flag grows with the square of the corpus
    row_of: dict = {}
    for r in records:
        row_of.setdefault(r["value_id"], r)
    ends: dict = {}
    for r in records:
        if r["measure"] == "end_target":
            ends.setdefault((r["source_file"], r["table_id"], r["source_line"]), []).append(r)
    for f in _target_ratio(_progress_inputs(records), PROGRESS_KEYS, "progress_pct", "progress",
                           lambda f: str(f["indicator"]), "end-of-plan target"):
        if isinstance(f["value_id"], str) and f["value_id"] in row_of:
            p = row_of[f["value_id"]]
            a = achieved.get((*(p[k] for k in PROGRESS_KEYS), p["period"]))
            end = ends.get((p["source_file"], p["table_id"], p["source_line"]), [])
            if a is not None and len(end) == 1 and end[0]["value"]:
                by_achievement = a["value"] / end[0]["value"] * 100
                if not disagrees(p["value"], p["value_raw"], (by_achievement, by_achievement)):
                    f["detail"] += (f"; the printed figure is the achievement % over the end target "
                                    f"({a['value_raw']} / {end[0]['value_raw']} x 100)")
        yield f


def _absorption(frame: pd.DataFrame, keys: list[str], name_col: str) -> Iterator[Flag]:
    for m, first in _wide(records_of(frame), keys, ("budget", "realised", "absorption_pct")):
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
    for m, first in _wide(records_of(frames["budget"]), keys, ("budget", "realised", "over_under")):
        b, r, o = m["budget"], m["realised"], m["over_under"]
        bounds = interval(lambda b_, r_: r_ - b_, (b["value"], b["value_raw"]), (r["value"], r["value_raw"]))
        if disagrees(o["value"], o["value_raw"], bounds):
            expected = r["value"] - b["value"]
            yield flag(o, "over_under", str(first["name"]), float(o["value"]), expected, _lines(b, r, o),
                       f"printed {o['value_raw']!r}; realised - budget = {fmt(expected)}")


def efficiency(frames, reports) -> Iterator[Flag]:
    """efficiency = achievement % - absorption % (the usual definition; a report may use its own)."""
    keys = ["source_file", "table_id", "source_line", "objective", "indicator"]
    measures = ("achievement_pct", "absorption_pct", "efficiency_pct")
    for m, first in _wide(records_of(frames["efficiency"]), keys, measures):
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
    measures = ("beneficiaries", "amount_per_beneficiary", "total")
    for m, first in _wide(records_of(frames["social_assistance"]), keys, measures):
        n, p, t = m["beneficiaries"], m["amount_per_beneficiary"], m["total"]
        expected = n["value"] * p["value"]
        if abs(t["value"] - expected) >= 0.5:
            ratio = t["value"] / expected if expected else 0
            hint = (f"; the printed total is exactly {ratio:.0f} times the product (months of payment?)"
                    if ratio > 1 and float(ratio).is_integer() else "")
            yield flag(t, "product", str(first["programme"]), float(t["value"]), expected, _lines(n, p, t),
                       f"printed {t['value_raw']!r}; {n['value_raw']} x {p['value_raw']} = Rp {fmt(expected)}{hint}")


def _mean_bounds(rows: list[dict]) -> tuple[float, float]:
    """Range of the mean of printed values over their rounding intervals."""
    args = [(r["value"], r["value_raw"]) for r in rows]
    return (sum(v - input_rounding(r, v) for v, r in args) / len(args),
            sum(v + input_rounding(r, v) for v, r in args) / len(args))


def _fitting(row: dict, candidates: list[list[dict]]) -> list[dict] | None:
    """The first candidate set of rows whose mean the printed average fits, if any."""
    return next((c for c in candidates if not disagrees(row["value"], row["value_raw"], _mean_bounds(c))), None)


@once_per_frame
def _summary_averages(ind: pd.DataFrame) -> Iterator[tuple[dict, list[list[dict]]]]:
    """Rows printed as 'Rata-rata' below the rows they summarise, with the candidate sets of rows
    they may average (the rows since the previous average, or the averages above)."""
    average_ids = ids_with_role("average")
    for table in grouped(records_of(ind), ["source_file", "table_id"]).values():
        for rows in grouped(table, ["measure", "period"]).values():
            if not any(r["indicator_id"] in average_ids for r in rows):
                continue
            rows = by_line(rows)
            lines = [r["source_line"] for r in rows]
            previous_line, previous_avgs = 0, []
            for row in (r for r in rows if r["indicator_id"] in average_ids):
                # the rows strictly between the previous average's line and this one's
                between = rows[bisect_right(lines, previous_line):bisect_left(lines, row["source_line"])]
                members = [r for r in between if r["indicator_id"] not in average_ids and not is_missing(r["value"])]
                candidates = []
                if members:
                    candidates.append(members)
                if len(previous_avgs) > 1 or (previous_avgs and members):
                    # an average of averages ("Rata-rata Capaian Kinerja PMKS dan PSKS")
                    candidates.append(previous_avgs + members[-1:])
                if candidates and not is_missing(row["value"]):
                    yield row, candidates
                previous_avgs.append(row)
                previous_line = row["source_line"]


def averages(frames, reports) -> Iterator[Flag]:
    """Rows printed as 'Rata-rata': the mean of the rows they summarise."""
    for row, candidates in _summary_averages(frames["indicators"]):
        if _fitting(row, candidates) is None:
            cand = candidates[0]
            expected = column_mean([r["value"] for r in cand])
            yield flag(row, "average", f"{row['indicator']} ({row['measure']}, {_period(row['period'])})",
                       float(row["value"]), expected, [*cand, row],
                       f"printed {row['value_raw']!r}; mean of {', '.join(str(r['value_raw']) for r in cand)} "
                       f"= {fmt(expected)}")


AVERAGE_PREFIX = "average_"


@once_per_frame
def _group_averages(ind: pd.DataFrame) -> Iterator[tuple[dict, list[list[dict]]]]:
    """Averages printed beside the rows they average, with the candidate sets of rows:

    - on the same line: a row under an average id whose line prints the values it averages
      (Lumajang line 67: "78,76% + 49,20% / 2 = 63,8%");
    - on a group's first row: a column of averages (measure ``average_<m>``, e.g. Tabel III.11's
      "Capaian rata-rata setiap Program") printed on the first row of the group of ``<m>`` rows it
      averages. The group runs to the next average of the column; because the PDF conversion may
      split a programme's cell over two rows (Tabel III.11 line 766 "PROGRAM" / 768 "PENANGANAN
      ..."), any run of rows between the neighbouring averages that holds the average's own row is
      a candidate, the first-row run first.
    """
    average_ids = ids_with_role("average")
    valued = [r for r in records_of(ind) if not is_missing(r["value"])]
    for rows in grouped(valued, ["source_file", "table_id", "source_line", "measure", "period"]).values():
        averages = [r for r in rows if r["indicator_id"] in average_ids]
        members = [r for r in rows if r["indicator_id"] not in average_ids]
        if len(averages) == 1 and len(members) >= 2:
            yield averages[0], [members]
    keys = ["source_file", "table_id", "measure", "period"]
    plain = [r for r in valued if r["indicator_id"] not in average_ids]
    of_measure = grouped(plain, keys)
    column = [r for r in plain if isinstance(r["measure"], str) and r["measure"].startswith(AVERAGE_PREFIX)]
    for (src, table, m, period), avgs in grouped(column, keys).items():
        if src is None or table is None or period is None:
            continue  # a missing key names no rows to average
        of = by_line(of_measure.get((src, table, m.removeprefix(AVERAGE_PREFIX), period), []))
        of_lines = [r["source_line"] for r in of]
        lines = sorted(r["source_line"] for r in avgs)
        for row in by_line(avgs):
            at = lines.index(row["source_line"])
            before = lines[at - 1] if at else -1
            after = lines[at + 1] if at + 1 < len(lines) else float("inf")
            starts = [x for x in of_lines if before < x <= row["source_line"]]
            ends = [x for x in of_lines if row["source_line"] <= x < after]
            if not ends:
                continue
            first_row = _run(of, row["source_line"], ends[-1])
            runs = [first_row] + [_run(of, s_, e_) for s_ in reversed(starts) for e_ in ends]
            yield row, [r for r in runs if r]


def _run(rows: list[dict], first: int, last: int) -> list[dict]:
    """The rows printed from line ``first`` to line ``last`` (both included)."""
    return [r for r in rows if first <= r["source_line"] <= last]


def group_averages(frames, reports) -> Iterator[Flag]:
    """Averages printed on a group's first row or on the line of the rows they average: the mean
    of those rows (see _group_averages for how the group is found)."""
    for row, candidates in _group_averages(frames["indicators"]):
        if _fitting(row, candidates) is None:
            cand = candidates[0]
            expected = column_mean([r["value"] for r in cand])
            yield flag(row, "group_average", f"{row['indicator']} ({row['measure']}, {_period(row['period'])})",
                       float(row["value"]), expected, [*cand, row],
                       f"printed {row['value_raw']!r}; mean of {', '.join(str(r['value_raw']) for r in cand)} "
                       f"(lines {', '.join(map(str, sorted({r['source_line'] for r in cand})))}) = {fmt(expected)}")


def lower_is_better(frames, reports) -> Iterator[Flag]:
    """Formula B (Lumajang lines 525-561): achievement = (target - (realisation - target)) / target x 100,
    with realisation - target printed as its intermediate step (``realisation_minus_target``).
    The intermediate step is checked against realisation - target where the realisation is printed
    with it; the result against the printed target and intermediate step (or the realisation)."""
    keys = ["source_file", "table_id", "indicator", "period"]
    wanted = ("target", "realisation", "realisation_minus_target", "achievement_pct_lower_is_better")
    printed = [r for r in records_of(frames["indicators"]) if r["measure"] in wanted and not is_missing(r["value"])]
    for records in record_groups(printed, keys):
        by = single_measures(records)
        t, r, d, b = (by.get(m) for m in wanted)
        if t is None or not t["value"]:
            continue
        what = f"{t['indicator']} ({_period(t['period'])})"
        if r is not None and d is not None:
            bounds = interval(lambda t_, r_: r_ - t_, (t["value"], t["value_raw"]), (r["value"], r["value_raw"]))
            if disagrees(d["value"], d["value_raw"], bounds):
                yield flag(d, "lower_is_better", f"{what} realisation - target", float(d["value"]),
                           r["value"] - t["value"], _lines(t, r, d),
                           f"printed {d['value_raw']!r}; realisation - target = {r['value_raw']} - {t['value_raw']} "
                           f"= {fmt(r['value'] - t['value'])}")
        if b is None or (r is None and d is None):
            continue
        if d is not None:  # from the printed intermediate step
            fn, step, step_name = (lambda t_, d_: (t_ - d_) / t_ * 100), d, "realisation - target"
        else:
            fn, step, step_name = (lambda t_, r_: (2 * t_ - r_) / t_ * 100), r, "realisation"
        used = _lines(t, step, b)
        bounds = interval(fn, (t["value"], t["value_raw"]), (step["value"], step["value_raw"]))
        if disagrees(b["value"], b["value_raw"], bounds):
            expected = fn(t["value"], step["value"])
            hint = ("; the printed figure is the fraction, not multiplied by 100"
                    if not disagrees(b["value"], b["value_raw"], (bounds[0] / 100, bounds[1] / 100)) else "")
            yield flag(b, "lower_is_better", what, float(b["value"]), expected, used,
                       f"printed {b['value_raw']!r}; (target - (realisation - target)) / target x 100 with target "
                       f"{t['value_raw']} and {step_name} {step['value_raw']} = {fmt(expected)}{hint}")


COUNT_PREFIX, SHARE_PREFIX, SHARE_SUFFIX = "count_", "share_", "_pct"


@once_per_frame
def _rated_indicators(ind: pd.DataFrame) -> dict[tuple, list[dict]]:
    """The objective-level indicators the report rates for a period, by (source_file, period): one
    achievement row per indicator id (averages and report-specific ids are not indicators of
    their own)."""
    not_rated = ids_with_role("average", "generic")
    rated: dict[tuple, dict] = {}
    for r in records_of(ind):
        if (r["measure"] == "achievement_pct" and r["level"] == "objective" and not is_missing(r["value"])
                and r["indicator_id"] not in not_rated and not is_missing(r["source_file"])
                and not is_missing(r["period"])):
            rated.setdefault((r["source_file"], r["period"]), {}).setdefault(group_key(r, ["indicator_id"]), r)
    return {key: list(by_id.values()) for key, by_id in rated.items()}


def _is_count(measure) -> bool:
    return isinstance(measure, str) and measure.startswith(COUNT_PREFIX)


def _is_share(measure) -> bool:
    return isinstance(measure, str) and measure.startswith(SHARE_PREFIX) and measure.endswith(SHARE_SUFFIX)


def conclusion_counts(frames, reports) -> Iterator[Flag]:
    """The conclusion table (Kota Pasuruan line 654): how many indicators fall in each rating
    (count_*), and which share of them (share_*_pct = count / number of indicators x 100).

    The counts of one printing must add up to the number of indicators the report rates (those
    with an objective-level achievement for the period); a count that cannot be one (more than the
    indicators, or not whole) is flagged with the count that would close the total. A count printed
    "-" is none. The counts are not re-rated from the achievements: the reports' rating scales
    (rating_scales.csv) do not name the conclusion's categories (Pasuruan's scale runs from
    Sangat Tinggi to Sangat Rendah in five ranks and ends at 100 %; its table counts Sangat
    berhasil to Kurang)."""
    ind = frames["indicators"]
    rated_in = _rated_indicators(ind)
    printed = [r for r in records_of(ind) if _is_count(r["measure"]) or _is_share(r["measure"])]
    keys = ["source_file", "table_id", "source_line", "period"]
    for (src, _, _, period), rows in grouped(printed, keys).items():
        rated = rated_in.get((src, period), [])
        n = len(rated)
        counts = [r for r in rows if _is_count(r["measure"])]
        if n == 0 or not counts:
            continue
        # "-": no indicator
        count_of = [{**c, "_n": 0.0 if is_missing(c["value"]) and c["missing_reason"] == "dash" else c["value"]}
                    for c in counts]
        total = column_sum([c["_n"] for c in count_of])
        if total != n:
            numbered = [c for c in count_of if not is_missing(c["_n"])]
            impossible = [c for c in numbered if c["_n"] > n or c["_n"] % 1 != 0]
            largest = [max(numbered, key=lambda c: c["_n"])] if numbered else []  # the first of equals
            blamed = impossible or largest
            for c in blamed:
                if is_missing(c["value"]):
                    continue
                rest = total - c["_n"]
                expected = n - rest if 0 <= n - rest <= n else None
                yield flag(c, "conclusion_count", f"{c['indicator']} {c['measure']}", float(c["value"]), expected,
                           [c, *count_of, *rated],
                           f"printed {c['value_raw']!r} as a number of indicators; the counts add up to {fmt(total)}, "
                           f"but the report rates {n} indicator(s) ({', '.join(r['indicator_id'] for r in rated)}, "
                           f"lines {', '.join(str(r['source_line']) for r in rated)})")
        for sh in rows:
            if not sh["measure"].startswith(SHARE_PREFIX) or is_missing(sh["value"]):
                continue
            category = sh["measure"].removeprefix(SHARE_PREFIX).removesuffix(SHARE_SUFFIX)
            c = next((c for c in count_of if c["measure"] == COUNT_PREFIX + category), None)
            if c is None or is_missing(c["_n"]):
                continue
            expected = c["_n"] / n * 100
            if disagrees(sh["value"], sh["value_raw"], (expected, expected)):
                yield flag(sh, "conclusion_count", f"{sh['indicator']} {sh['measure']}", float(sh["value"]),
                           expected, [sh, c, *rated],
                           f"printed {sh['value_raw']!r}; count / number of indicators x 100 = "
                           f"{c['value_raw']} / {n} x 100 = {fmt(expected)}")


@once_per_frame
def _budget_by_table(budget: pd.DataFrame) -> tuple[dict, dict, dict]:
    """The valued budget records a share reads, found by key instead of a filter per table:
    the budget amounts by (file, table, period), the totals by (file, period) and the shares
    by (file, table, period)."""
    valued = [r for r in records_of(budget) if not is_missing(r["value"])]
    amounts = [r for r in valued if r["measure"] == "budget"]
    return (grouped(amounts, ["source_file", "table_id", "period"]),
            grouped([r for r in amounts if r["level"] == "total"], ["source_file", "period"]),
            grouped([r for r in valued if r["measure"] == "share_of_total_pct"], ["source_file", "table_id", "period"]))


def _as_total(row: dict) -> tuple[float, str, list[dict]]:
    return row["value"], f"{row['name']} (line {row['source_line']})", [row]


def shares(frames, reports) -> Iterator[Flag]:
    """A budget line's share of the total ("% Anggaran", share_of_total_pct) = line / total x 100.
    The total may be the table's own total row, a total the report prints elsewhere (level total,
    same period) or the sum of the table's lines; the share is flagged when it fits none, against
    the first of them, with the total the printed share implies."""
    amounts, report_totals, printed = _budget_by_table(frames["budget"])
    for (src, table, period), rows in printed.items():
        if src is None or table is None or period is None:
            continue  # a missing key matches no line of the table
        in_table = amounts.get((src, table, period), [])
        lines = [r for r in in_table if r["level"] not in ("total", "balance")]
        totals = [_as_total(r) for r in in_table if r["level"] == "total"]
        elsewhere = [r for r in report_totals.get((src, period), [])
                     if not is_missing(r["table_id"]) and r["table_id"] != table]
        totals += [_as_total(r) for r in by_line(elsewhere)]
        if len(lines) > 1:
            totals.append((column_sum([r["value"] for r in lines]), f"the sum of the table's {len(lines)} lines",
                           lines))
        totals = [t for t in totals if t[0]]
        if not totals:
            continue
        line_of = grouped([r for r in lines if not is_missing(r["name"])], ["source_line", "name"])
        for share in rows:
            line = line_of.get((share["source_line"], share["name"]), [])
            if len(line) != 1:
                continue
            line = line[0]

            def fits(total, line=line, share=share):
                bounds = interval(lambda v: v / total * 100, (line["value"], line["value_raw"]))
                return not disagrees(share["value"], share["value_raw"], bounds)

            if any(fits(total) for total, _, _ in totals):
                continue
            total, what, used = totals[0]
            expected = line["value"] / total * 100
            implied = line["value"] / share["value"] * 100 if share["value"] else None
            others = "; ".join(f"{w}: {fmt(line['value'] / t * 100)}" for t, w, _ in totals[1:])
            yield flag(share, "share", f"{share['name']} ({share['measure']})", float(share["value"]), expected,
                       [line, share, *used],
                       f"printed {share['value_raw']!r}; line / total x 100 = {line['value_raw']} / {fmt(total)} "
                       f"({what}) = {fmt(expected)}" + (f"; {others}" if others else "")
                       + (f"; the share implies a total of about Rp {fmt(implied)}" if implied else ""))


SUMMED = ["budget", "realised", "over_under"]
TABLE_MEASURE = ["source_file", "table_id", "measure"]


@once_per_frame
def _budget_sums(budget: pd.DataFrame) -> Iterator[tuple[dict, list[dict], float]]:
    """Budget lines (and totals) whose printed value is not the sum of the lines under them:
    (the line, the lines under it, their sum), by table and measure in the order they appear."""
    # a line's children name it as their parent (and, when known, its line)
    link = ["_parent_line", "parent"] if "_parent_line" in budget else ["parent"]
    own = ["source_line", "name"] if len(link) == 2 else ["name"]
    summed = [r for r in records_of(budget) if r["measure"] in SUMMED]
    for rows in record_groups(summed, TABLE_MEASURE):
        under = grouped([r for r in rows if not any(is_missing(r[c]) for c in link)], link)
        for parent in rows:
            if parent["level"] == "balance" or is_missing(parent["value"]):
                continue
            children = under.get(group_key(parent, own), [])  # a missing value names nothing
            if parent["level"] == "total" and not children:
                children = _top_lines(rows)
            # A cheap first pass; a suspect is then summed as pandas sums a column, to the bit.
            if not children or abs(_plain_sum(children) - parent["value"]) < 1 - 1e-6:
                continue
            expected = column_sum([c["value"] for c in children])
            if abs(expected - parent["value"]) >= 1:
                yield parent, children, expected


def _plain_sum(records: list[dict]) -> float:
    return sum(0.0 if is_missing(r["value"]) else r["value"] for r in records)


def _top_lines(rows: list[dict]) -> list[dict]:
    """The lines a total adds up when no line names it as parent: the shallowest lines without a parent."""
    top = [r for r in rows if is_missing(r["parent"]) and r["level"] not in ("total", "balance")]
    depths = [depth(r["level"], r["source_file"], r["source_line"]) for r in top]
    return [r for r, d in zip(top, depths, strict=True) if d == min(depths)]


@once_per_frame
def _report_lines(budget: pd.DataFrame) -> dict[tuple, list[dict]]:
    """The valued budget lines (not totals or balances) by (file, measure), in frame order."""
    lines = [r for r in records_of(budget) if not is_missing(r["value"]) and r["level"] not in ("total", "balance")
             and not is_missing(r["source_file"]) and not is_missing(r["measure"])]
    return grouped(lines, ["source_file", "measure"])


def _closing_line(budget: pd.DataFrame, parent: dict, expected: float) -> dict | None:
    """A budget line printed in another table of the same report, same measure, whose amount is
    exactly what the lines under ``parent`` miss (Lumajang line 993 = the programmes + line 434's
    staff pay): the total covers it though its table does not list it."""
    gap = parent["value"] - expected
    if gap < 1:
        return None
    others = [r for r in _report_lines(budget).get((parent["source_file"], parent["measure"]), [])
              if abs(r["value"] - gap) < 1 and r["table_id"] != parent["table_id"]]
    return min(others, key=lambda r: r["source_line"], default=None)


def sums(frames, reports) -> Iterator[Flag]:
    """A budget line = the sum of its lines; a total = the sum of the top-level lines. A total that
    a line printed elsewhere closes exactly is a scope difference (check ``scope``), not a sum."""
    budget = frames["budget"]
    for parent, children, expected in _budget_sums(budget):
        if _closing_line(budget, parent, expected) is not None:
            continue
        missing = [c for c in children if is_missing(c["value"])]
        note = (f"; {len(missing)} line(s) without a value: " +
                ", ".join(f"{c['name']!r} ({c['value_raw'] or 'empty'})" for c in missing) if missing else "")
        yield flag(parent, "sum", f"{parent['name']} ({parent['measure']})", float(parent["value"]), expected,
                   [parent, *children],
                   f"printed {parent['value_raw']!r}; the {len(children)} lines under it add up to "
                   f"{fmt(expected)}{note}")
    yield from _staff_sums(frames["staff"])


def scope(frames, reports) -> Iterator[Flag]:
    """A total that is not the sum of its table's lines, but is once a line the same report prints
    in another table is added (Lumajang line 993's Jumlah = Tabel III.15's programmes + the staff
    pay, Belanja Pegawai, of Tabel II.4 line 434): the total covers a line its table does not list."""
    budget = frames["budget"]
    for parent, children, expected in _budget_sums(budget):
        line = _closing_line(budget, parent, expected)
        if line is None:
            continue
        yield flag(parent, "scope", f"{parent['name']} ({parent['measure']})", float(parent["value"]),
                   expected, [parent, *children, line],
                   f"printed {parent['value_raw']!r}; the {len(children)} lines under it add up to {fmt(expected)}, "
                   f"and with {line['name']!r} of line {line['source_line']} ({line['table_id']}, "
                   f"{line['value_raw']}) to the printed total: the total covers a line the table does not list")


TOTAL_WORD = re.compile(r"(?i)^(jumlah|total)$")


def _is_total(text) -> bool:
    return isinstance(text, str) and TOTAL_WORD.match(text) is not None


def _staff_sums(staff: pd.DataFrame) -> Iterator[Flag]:
    for records in record_groups(staff, ["source_file", "table_id"]):  # a table id names a table of one report
        # Total rows: the sum over categories of each column.
        column_of = _by_values([r for r in records if not _is_total(r["category"])], "org_unit")
        for tot in (r for r in records if _is_total(r["category"])):
            members = _matching(column_of, tot, "org_unit")
            expected = column_sum([m["value"] for m in members])
            if pd.notna(tot["value"]) and abs(expected - tot["value"]) >= 0.5:
                yield flag(tot, "sum", f"{tot['category']} ({tot['org_unit']})", float(tot["value"]), expected,
                           [tot, *members],
                           f"printed {tot['value_raw']!r}; the {len(members)} rows above add up to {fmt(expected)}")
        # Total columns: the sum over units of each row.
        row_of = _by_values([r for r in records if not _is_total(r["org_unit"])], "source_line", "category")
        for tot in (r for r in records if _is_total(r["org_unit"]) and not _is_total(r["category"])):
            members = _matching(row_of, tot, "source_line", "category")
            if not members:
                continue  # a total column with nothing beside it to add up
            expected = column_sum([m["value"] for m in members])
            if pd.notna(tot["value"]) and abs(expected - tot["value"]) >= 0.5:
                yield flag(tot, "sum", f"{tot['category']} ({tot['org_unit']})", float(tot["value"]), expected,
                           [tot, *members],
                           f"printed {tot['value_raw']!r}; the units of the row add up to "
                           f"{fmt(expected)}")


def _by_values(records: list[dict], *columns: str) -> dict[tuple, list[dict]]:
    """The records by their values under ``columns`` as they are (not group keys: see _matching)."""
    found: dict[tuple, list[dict]] = {}
    for r in records:
        found.setdefault(tuple(r[c] for c in columns), []).append(r)
    return found


def _matching(by_values: dict[tuple, list[dict]], row: dict, *columns: str) -> list[dict]:
    """The records whose values under ``columns`` equal (==) the row's: a NaN equals nothing, so it
    finds none (a dict would find the very same NaN object)."""
    key = tuple(row[c] for c in columns)
    return [] if any(v != v for v in key if isinstance(v, float)) else by_values.get(key, [])
