"""headline_indicators.csv: one value per region, canonical indicator, period and measure.

A report prints each headline figure 2 to 8 times (its performance agreement, its measurement
table, the formulas, the comparison tables, the prose), sometimes with values that differ.
Here every printing of a canonical indicator (generic and average ids left out) is gathered
under one row, and one printing is chosen by one rule, the first step that decides:

1. ``inputs``: the printed values differ, and the report's own inputs fit some of them and
   not the others: numerator / denominator x 100 for a share (Lumajang's 266.787 / 541.897
   give 49,23, not line 67's 49,20), realisation / target x 100 against the printed achievement
   (target / realisation when lower is better; Blitar's 5,90 / 5 % gives the printed 118 %,
   5,97 would give 119,4). The printing closest to what they give wins. The inputs are what the
   report computed from, so they outrank where or how often a value is printed.
2. ``main_table``: a printing in the report's main performance table, the one that measures the
   Perjanjian Kinerja (the agreement the office signs with the regent): a table holding targets
   whose target_origin is Perjanjian Kinerja, or titled Perjanjian Kinerja or IKU (Indikator
   Kinerja Utama). Recognised from the data, never from a region's name.
3. ``most_frequent``: the value printed most often (decimals as printed: 49,2 and 49,20 are two
   printings), then the earliest line.
A printing with a value always outranks a missing one (a dash, a sentence); a figure printed
once (with a value) is ``only_printing``. Later steps break ties within an earlier one.

The row keeps the other printed values with their lines, a ``conflict`` marker (no number
rounds to every printing), the flags touching any printing, and ``basis``: what the
indicator counts (persons, households, household-months) in that region and period.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..audit.common import decimals, disagrees, fmt, half_unit, interval
from ..datasets.load import categories_as_strings
from ..datasets.schema import BASES, DATASETS, HEADLINE_INDICATORS, INDICATOR_MEASURES
from ..datasets.validate import typed
from ..errors import LkjipError
from ..recipes.vocabulary import Recipe
from ..reference.indicators import ids_with_role, reference

SERIES = ["source_file", "indicator_id", "period"]  # one indicator of one report in one period
GROUP = [*SERIES, "measure"]  # one headline row (the region follows the file)

# The main performance table (step 2): its targets are those of the Perjanjian Kinerja, or its
# title says so (the IKU, Indikator Kinerja Utama, are the indicators the agreement measures).
MAIN_TARGET_ORIGIN = "Perjanjian Kinerja"
MAIN_TABLE_TITLE = re.compile(r"perjanjian\s+kinerja|\biku\b", re.IGNORECASE)

# What a printed count counts. A household word outranks a person word for the same figure:
# the reports write orang as a table column's default word, never KK or KPM loosely.
COUNT_BASIS = {"persons": "persons", "households": "households", "beneficiary households": "households",
               "household-months": "household-months"}
BASIS_RANK = {basis: rank for rank, basis in enumerate(BASES)}


@dataclass(frozen=True)
class Relation:
    """result = a / b x 100 (b / a when lower is better and ``lower_swaps``), as the reports compute it."""
    result: str
    a: str
    b: str
    formula: str
    lower_swaps: bool = False


RELATIONS = (  # tried in this order: the first that decides a figure decides it
    Relation("realisation", "numerator", "denominator", "numerator / denominator x 100"),
    Relation("achievement_pct", "realisation", "target", "realisation / target x 100", lower_swaps=True),
)
ROLES = ("result", "a", "b")


def headline_indicators(frames: dict[str, pd.DataFrame], recipes: Mapping[str, Recipe] | None = None
                        ) -> pd.DataFrame:
    """The headline rows, built from indicators, tables and quality_flags (after the audit);
    ``recipes`` (report file -> recipe) give each report's own definition of an indicator."""
    printings = _printings(frames["indicators"], frames["tables"])
    ranked = _rank(printings, _input_support(printings))
    chosen = ranked.drop_duplicates(GROUP, keep="first")
    out = (chosen
           .merge(_aggregates(ranked), on=GROUP, validate="one_to_one")
           .merge(_flag_ids(printings, frames["quality_flags"]), on=GROUP, how="left", validate="one_to_one")
           .merge(_basis(printings), on=SERIES, how="left", validate="many_to_one")
           .merge(_reference(), on="indicator_id", how="left", validate="many_to_one")
           .merge(_report_definitions(recipes or {}), on=["source_file", "indicator_id"], how="left",
                  validate="many_to_one"))
    out = out.assign(
        unit=out["unit"].fillna(out["group_unit"]),
        chosen_detail=(out["chosen_detail"] + ("; not " + out["unfit"]).fillna("")).where(out["chosen_by"] == "inputs"),
        basis_change=out.groupby(["source_file", "indicator_id"])["basis"].transform("nunique").gt(1),
    )
    out = _in_order(out, files=list(dict.fromkeys(printings["source_file"])))
    _check(out, printings)
    return out[HEADLINE_INDICATORS.columns].reset_index(drop=True)


def _printings(indicators: pd.DataFrame, tables: pd.DataFrame) -> pd.DataFrame:
    """Every printing of a canonical indicator, with its reading and whether it is in a main table."""
    frame = categories_as_strings(typed(DATASETS["indicators"], indicators))
    frame = frame[~frame["indicator_id"].isin(ids_with_role("generic", "average"))].reset_index(drop=True)
    tables = categories_as_strings(typed(DATASETS["tables"], tables))
    titled = tables[tables["caption"].fillna("").str.cat(tables["title"].fillna(""), sep=" ")
                    .str.contains(MAIN_TABLE_TITLE)]
    agreed = frame[frame["target_origin"] == MAIN_TARGET_ORIGIN]
    main = set(zip(titled["source_file"], titled["table_id"])) | set(zip(agreed["source_file"], agreed["table_id"]))
    valued = frame["value"].notna()
    places = [decimals(raw, value) if ok else 0 for raw, value, ok in
              zip(frame["value_raw"], frame["value"], valued, strict=True)]
    return frame.assign(
        valued=valued,
        places=places,
        # the value with the decimals printed: "5.90", "49.2"; a missing value as printed
        reading=[f"{v:.{p}f}" if ok else str(raw).strip() for v, p, raw, ok in
                 zip(frame["value"], places, frame["value_raw"], valued, strict=True)],
        half=[half_unit(raw, v) if ok else None for raw, v, ok in
              zip(frame["value_raw"], frame["value"], valued, strict=True)],
        main=[key in main for key in zip(frame["source_file"], frame["table_id"], strict=True)],
    )




def _input_support(printings: pd.DataFrame) -> pd.DataFrame:
    """Per printing and relation: whether the relation's other printed figures fit it, how far
    the closest combination is, and that combination in words."""
    lower = set(reference().query("direction == 'lower'")["indicator_id"])
    valued = printings[printings["valued"]]
    found = []
    for order, rel in enumerate(RELATIONS):
        parts = [valued[valued["measure"] == m][[*SERIES, "value_id", "value", "value_raw", "source_line"]]
                 .rename(columns={c: f"{role}_{c}" for c in ("value_id", "value", "value_raw", "source_line")})
                 for role, m in zip(ROLES, (rel.result, rel.a, rel.b), strict=True)]
        combos = parts[0].merge(parts[1], on=SERIES).merge(parts[2], on=SERIES)
        if combos.empty:
            continue
        combos = combos.assign(_lower=combos["indicator_id"].isin(lower) & rel.lower_swaps)
        judged = pd.DataFrame([_judge(c, rel, c["_lower"]) for c in combos.to_dict("records")], index=combos.index)
        combos = combos.join(judged).dropna(subset=["distance"])
        for role, measure in zip(ROLES, (rel.result, rel.a, rel.b), strict=True):
            found.append(combos.assign(value_id=combos[f"{role}_value_id"], relation=order, measure=measure))
    if not found:
        return pd.DataFrame(columns=["value_id", "relation", "supported", "distance", "detail"])
    combos = pd.concat(found, ignore_index=True)
    best = (combos.sort_values(["value_id", "relation", "fits", "distance"], ascending=[True, True, False, True],
                               kind="stable")
            .drop_duplicates(["value_id", "relation"]))
    return best.rename(columns={"fits": "supported"})[["value_id", "relation", "supported", "distance", "detail"]]


def _judge(c: dict, rel: Relation, lower: bool) -> dict:
    """One combination: does the printed result fit its printed inputs (audit tolerance)?"""
    fn = (lambda a, b: b / a * 100) if lower else (lambda a, b: a / b * 100)
    try:
        lo, hi = interval(fn, (c["a_value"], c["a_value_raw"]), (c["b_value"], c["b_value_raw"]))
    except ZeroDivisionError:
        return {"fits": False, "distance": None, "detail": None}
    printed = c["result_value"]
    formula = rel.formula if not lower else f"{rel.b} / {rel.a} x 100 (lower is better)"
    detail = (f"{formula}: {c['a_value_raw']} (line {c['a_source_line']}) and {c['b_value_raw']} "
              f"(line {c['b_source_line']}) give {fmt(fn(c['a_value'], c['b_value']))}; printed "
              f"{rel.result} {c['result_value_raw']} (line {c['result_source_line']})")
    return {"fits": not disagrees(printed, c["result_value_raw"], (lo, hi)),
            "distance": max(0.0, lo - printed, printed - hi), "detail": detail}


def _rank(printings: pd.DataFrame, support: pd.DataFrame) -> pd.DataFrame:
    """The printings of each figure, best first, with the step of the rule that decided."""
    # A relation decides a figure when its printed values differ and it fits some but not all.
    judged = printings.merge(support, on=["value_id"], how="inner")
    by_reading = judged.groupby([*GROUP, "relation", "reading"], dropna=False)["supported"].any().reset_index()
    verdicts = by_reading.groupby([*GROUP, "relation"], dropna=False)["supported"].agg(["any", "all", "size"])
    deciding = (verdicts[verdicts["any"] & ~verdicts["all"] & verdicts["size"].gt(1)].reset_index()
                .sort_values("relation").drop_duplicates(GROUP)[[*GROUP, "relation"]])
    decided = judged.merge(deciding, on=[*GROUP, "relation"])[["value_id", "supported", "distance", "detail"]]
    frame = printings.merge(decided, on="value_id", how="left")
    frequency = frame.groupby([*GROUP, "reading"], dropna=False)["value_id"].transform("size")
    frame = frame.assign(
        _missing=~frame["valued"],
        _unsupported=frame["supported"].eq(False),  # NaN (not decided by inputs) ranks with the supported
        _distance=frame["distance"].fillna(0.0),
        _outside=~frame["main"],
        _rare=-frequency,
    )
    frame = frame.sort_values([*GROUP, "_missing", "_unsupported", "_distance", "_outside", "_rare", "source_line",
                               "value_id"], kind="stable", na_position="first")
    # The step: the first criterion on which the chosen printing beats another candidate.
    groups = frame.groupby(GROUP, dropna=False, sort=False)
    candidates = frame["valued"] | ~groups["valued"].transform("any")  # printings with a value, if any
    cand = frame[candidates].groupby(GROUP, dropna=False, sort=False)
    n_candidates = cand["value_id"].transform("size").reindex(frame.index)
    some_main = cand["main"].transform("any").reindex(frame.index)
    all_main = cand["main"].transform("all").reindex(frame.index)
    step = pd.Series("most_frequent", index=frame.index)
    step = step.mask(some_main.eq(True) & all_main.eq(False), "main_table")
    step = step.mask(frame["supported"].notna(), "inputs")
    step = step.mask(n_candidates.eq(1), "only_printing")
    first = frame.index.isin(frame.drop_duplicates(GROUP).index)
    return frame.assign(chosen_by=step.where(first), chosen_detail=frame["detail"])


def _aggregates(ranked: pd.DataFrame) -> pd.DataFrame:
    """Per figure: how often and where it is printed, the other values, the conflict marker."""
    groups = ranked.groupby(GROUP, dropna=False, sort=False)
    chosen_reading = groups["reading"].transform("first")
    others = _listing(ranked[ranked["reading"] != chosen_reading]).rename("other_values").reset_index()
    valued = ranked[ranked["valued"]].assign(lo=lambda f: f["value"] - f["half"], hi=lambda f: f["value"] + f["half"])
    spread = valued.groupby(GROUP, dropna=False, sort=False).agg(lo=("lo", "max"), hi=("hi", "min"),
                                                                  group_unit=("unit", "first"),
                                                                  units=("unit", "nunique")).reset_index()
    by_line = ranked.sort_values([*GROUP, "source_line", "value_id"], kind="stable")
    by_figure = by_line.groupby(GROUP, dropna=False, sort=False)
    out = (by_figure.agg(n_printings=("value_id", "size"))
           .assign(lines=[_joined(lines) for lines in _per_group(by_figure, by_line["source_line"])],
                   value_ids=[";".join(ids) for ids in _per_group(by_figure, by_line["value_id"])])
           .reset_index()
           .merge(others, on=GROUP, how="left", validate="one_to_one")
           .merge(spread, on=GROUP, how="left", validate="one_to_one"))
    mixed = out[out["units"].fillna(0).gt(1)]
    if len(mixed):
        row = mixed.iloc[0]
        raise LkjipError(row["source_file"], f"{row['indicator_id']} {row['measure']} {row['period']} is printed "
                         f"in different units (lines {row['lines']}): fix the recipe's unit")
    unfit = (_listing(ranked[ranked["supported"].eq(False)]).rename("unfit").reset_index())
    out = out.merge(unfit, on=GROUP, how="left", validate="one_to_one")
    # Printings conflict when no number rounds to all of them: their rounding intervals share no point.
    conflict = out["lo"].gt(out["hi"] + 1e-9).fillna(False).astype(bool)
    return out.assign(conflict=conflict).drop(columns=["lo", "hi", "units"])


def _listing(printings: pd.DataFrame) -> pd.Series:
    """Per figure, its readings with their lines, in order of first line: '5.90% (lines 199;245;334)'."""
    percent = printings["unit"].eq("percent").fillna(False) & printings["valued"]
    label = printings["reading"].where(~percent, printings["reading"] + "%")
    by_reading = printings.assign(label=label).groupby([*GROUP, "reading"], dropna=False, sort=False)
    readings = (by_reading.agg(label=("label", "first"), first=("source_line", "min"))
                .assign(lines=[_joined(lines) for lines in _per_group(by_reading, printings["source_line"])])
                .reset_index().sort_values("first", kind="stable"))
    readings = readings.astype({"lines": "string"})  # an empty frame would type them as integers
    plural = readings["lines"].str.contains(";").map({True: "s ", False: " "})
    readings = readings.assign(text=readings["label"] + " (line" + plural + readings["lines"] + ")")
    return readings.groupby(GROUP, dropna=False, sort=False)["text"].agg("; ".join)


def _joined(lines) -> str:
    return ";".join(str(int(v)) for v in sorted(set(lines)))


def _per_group(groups, column: pd.Series) -> list[list]:
    """The values of ``column`` in each group of ``groups``, in the order of groups.agg(): what a
    Python aggregation would see, without a pandas Series per group."""
    values: list[list] = [[] for _ in range(groups.ngroups)]
    for group, value in zip(groups.ngroup().tolist(), column.tolist(), strict=True):
        values[group].append(value)
    return values


def _flag_ids(printings: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """flag_id of every flag whose value_id or related_value_ids is one of the figure's printings."""
    related = flags.assign(value_id=flags["related_value_ids"].fillna("").str.split(";")).explode("value_id")
    touching = pd.concat([flags[["flag_id", "value_id"]], related[["flag_id", "value_id"]]]).dropna()
    hits = printings[[*GROUP, "value_id"]].merge(touching, on="value_id")
    return (hits.groupby(GROUP, dropna=False)["flag_id"].agg(lambda ids: ";".join(sorted(set(ids))))
            .rename("flag_ids").reset_index())


def _basis(printings: pd.DataFrame) -> pd.DataFrame:
    """What the indicator counts in one region and period, and the lines that say so.

    From the counts printed for it that period (numerator, denominator, realisation, target
    in persons or households); a number printed anywhere in the report for that period with a
    household word is a household count wherever it is printed (Sumenep's 197.465 PMKS: 'org'
    in the tables, 'KK' on line 272). Without counts, the unit of the definition decides.
    """
    counts = printings[printings["valued"] & printings["unit"].isin(list(COUNT_BASIS))]
    counts = counts.assign(rank=counts["unit"].map(COUNT_BASIS).map(BASIS_RANK))
    figure = ["source_file", "period", "value"]
    counts = counts.assign(figure_rank=counts.groupby(figure, dropna=False)["rank"].transform("max"))
    counts = counts.assign(series_rank=counts.groupby(SERIES, dropna=False)["figure_rank"].transform("max"))
    # The lines that state the basis: the series' own printings in that unit, else (a basis raised
    # by the same figure printed elsewhere) those other printings.
    own = counts[counts["rank"] == counts["series_rank"]]
    raised = (counts[counts["figure_rank"] == counts["series_rank"]][[*SERIES, "value", "series_rank"]]
              .drop_duplicates()
              .merge(counts[["source_file", "period", "value", "rank", "source_line"]], on=figure)
              .query("rank == series_rank"))
    raised = raised[~raised.set_index(SERIES).index.isin(own.set_index(SERIES).index)]
    lines = (pd.concat([own, raised])
             .groupby(SERIES, dropna=False)
             .agg(rank=("series_rank", "first"), basis_lines=("source_line", _joined)).reset_index())
    lines = lines.assign(basis=lines["rank"].map(dict(enumerate(BASES)))).drop(columns="rank")
    out = printings[SERIES].drop_duplicates().merge(lines, on=SERIES, how="left")
    defined = reference().set_index("indicator_id")["unit"].map(COUNT_BASIS)
    return out.assign(basis=out["basis"].fillna(out["indicator_id"].map(defined)))


def _reference() -> pd.DataFrame:
    ref = reference()
    return pd.DataFrame({"indicator_id": ref["indicator_id"], "indicator_name": ref["name"],
                         "comparable": ref["comparable"].astype(bool),
                         "caveat": ref["caveat"].map(lambda c: " ".join(str(c).split()) or None)})


def _report_definitions(recipes: Mapping[str, Recipe]) -> pd.DataFrame:
    """(source_file, indicator_id) -> the recipe's note on how that report defines the indicator."""
    rows = [(report, iid, " ".join(text.split())) for report, recipe in recipes.items()
            for iid, text in recipe.indicator_notes.items()]
    return pd.DataFrame(rows, columns=["source_file", "indicator_id", "report_definition"]).astype(
        {"source_file": "string", "indicator_id": "string"})


def _in_order(out: pd.DataFrame, files: list[str]) -> pd.DataFrame:
    """Reports in manifest order (``files``, as in indicators.csv), indicators as in indicators.yaml,
    years, measures in their documented order."""
    files = {f: i for i, f in enumerate(files)}
    ids = {iid: i for i, iid in enumerate(reference()["indicator_id"])}
    measures = {m: i for i, m in enumerate(INDICATOR_MEASURES)}
    return (out.assign(_f=out["source_file"].map(files), _i=out["indicator_id"].map(ids),
                       _m=out["measure"].map(measures))
            .sort_values(["_f", "_i", "period", "_m"], na_position="last", kind="stable"))


def _check(out: pd.DataFrame, printings: pd.DataFrame) -> None:
    """Hard sanity checks: one row per key; every printing in exactly one row."""
    key = list(HEADLINE_INDICATORS.key)
    dup = out[out.duplicated(key, keep=False)]
    if len(dup):
        row = dup.iloc[0]
        raise LkjipError(row["source_file"], f"two headline rows for {dict(row[key])}", line=int(row["source_line"]))
    listed = out["value_ids"].str.split(";").explode()
    if listed.duplicated().any() or set(listed) != set(printings["value_id"]) or len(listed) != len(printings):
        missing = sorted(set(printings["value_id"]) - set(listed))
        raise LkjipError("indicators.csv", f"headline rows account for {len(listed)} of {len(printings)} "
                         f"printings; left out: {', '.join(missing[:5])}")


def series(indicator_id: str, measure: str = "realisation", clean: str | Path | None = None) -> pd.DataFrame:
    """One headline indicator as a region x year table (values as chosen in headline_indicators.csv).

    Figures printed without a year (a plan's end target) are left out. The table's ``attrs``
    carry the indicator's unit, comparable and caveat: read the caveat before comparing rows.
    """
    from ..datasets.load import load

    headline = categories_as_strings(load("headline_indicators", clean))
    ids = sorted(headline["indicator_id"].unique())
    where = HEADLINE_INDICATORS.filename
    if indicator_id not in ids:
        raise LkjipError(where, f"no headline indicator {indicator_id!r}; valid ids: {', '.join(ids)}")
    rows = headline[headline["indicator_id"] == indicator_id]
    measures = sorted(rows["measure"].unique(), key=INDICATOR_MEASURES.index)
    if measure not in measures:
        raise LkjipError(where, f"{indicator_id} has no measure {measure!r}; it has {', '.join(measures)}")
    rows = rows[(rows["measure"] == measure) & rows["period"].notna()]
    table = rows.pivot(index="region", columns="period", values="value")
    table.columns = table.columns.astype(int)
    first = rows.iloc[0] if len(rows) else None
    table.attrs = {"indicator_id": indicator_id, "measure": measure,
                   "unit": None if first is None else first["unit"],
                   "comparable": None if first is None else bool(first["comparable"]),
                   "caveat": None if first is None else first["caveat"]}
    return table
