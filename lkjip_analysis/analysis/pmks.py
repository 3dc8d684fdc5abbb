"""PMKS coverage: the share of PMKS/PPKS a region reached, target against realisation, over
every year the reports print, with the counts behind the shares.

The four reports word this indicator four ways and count different things (indicators.yaml:
``comparable: false``), so every chart puts each region on its own scale and nothing here ranks
regions against each other. Each region's own definition is shown: the labels its report prints
(its recipe) and what its figure counts (the caveat, the basis of its counts).

Everything reads headline_indicators.csv (one chosen value per region, indicator, year and
measure, the other printings kept with their lines), never the repeated printings themselves.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from ..datasets.load import categories_as_strings
from ..recipes.registry import recipes_by_report
from .charts import flag_notes, prepare, target_vs_realisation
from .formatting import format_number, format_other_printings, format_percent, format_value
from .lookup import full_name, loaded, printed_on, report_sources
from .parameters import ParameterError, choose_many, from_text, year_range

DEFAULT_INDICATORS = ("pmks_reached_pct",)
CHART_MEASURES = ("target", "realisation")
COUNT_MEASURES = ("numerator", "denominator")
COUNT_UNITS = ("persons", "households", "beneficiary households", "household-months")
# Counts printed as indicators of their own that stand behind a share (Sumenep's Jumlah PMKS).
COUNTS_BEHIND = {"pmks_reached_pct": ("pmks_total",)}
COUNT_NAMES = {"numerator": "reached (numerator)", "denominator": "all registered (denominator)"}
# A realisation this many times its target rarely means the office did that much better: the
# two are usually not measured the same way. The prose says so where it happens.
FAR_FROM_TARGET = 2.0
# How headline_indicators.csv chose among printings that differ (its chosen_by), in words.
CHOSEN_BY = {"main_table": "the printing in the report's main performance table (the Perjanjian Kinerja's)",
             "most_frequent": "the value printed most often, then the earliest line"}


@dataclass(frozen=True)
class Choice:
    """The checked parameters: short region names, indicator ids, (first, last) year."""

    regions: tuple[str, ...]
    indicators: tuple[str, ...]
    years: tuple[int, int]


@functools.cache
def _headline() -> pd.DataFrame:
    """headline_indicators.csv with plain string columns (categories would keep absent values)."""
    frame = loaded("headline_indicators")
    return categories_as_strings(frame)


def _dated(frame: pd.DataFrame) -> pd.DataFrame:
    """Figures of a year up to the report's own: a plan's targets for later years are not yet
    realised (they are mentioned in the prose, not charted)."""
    return frame[frame["period"].notna() & frame["period"].le(frame["report_year"])]


def region_choices() -> list[str]:
    return list(dict.fromkeys(_headline()["region"]))


def indicator_choices() -> list[str]:
    """Canonical ids with a dated target or realisation in headline_indicators.csv."""
    rows = _dated(_headline())
    return list(dict.fromkeys(rows.loc[rows["measure"].isin(CHART_MEASURES), "indicator_id"]))


def check(region: Any = "all", indicators: Any = DEFAULT_INDICATORS, years: Sequence[int] | None = None) -> Choice:
    """Validate the notebook's parameters before anything is drawn; ParameterError lists the choices.

    ``region``: "all", one region or a list; ``indicators``: canonical ids; ``years``: (first,
    last) or None for every year printed."""
    regions = choose_many("region", from_text(region), region_choices())
    ids = choose_many("indicators", from_text(indicators), indicator_choices(), allow_all=False)
    rows = _rows_of(tuple(regions), tuple(ids), CHART_MEASURES)
    if rows.empty:
        printing = sorted(set(_dated(_headline()).query("indicator_id in @ids")["region"]))
        raise ParameterError(f"region={region!r}: no report of {', '.join(regions)} prints "
                             f"{', '.join(ids)}; choose from: {', '.join(printing)}")
    first, last = year_range("years", from_text(years), rows["period"])
    return Choice(tuple(regions), tuple(ids), (first, last))


def _rows_of(regions: tuple[str, ...], ids: tuple[str, ...], measures: Sequence[str],
             years: tuple[int, int] | None = None) -> pd.DataFrame:
    rows = _dated(_headline())
    rows = rows[rows["region"].isin(regions) & rows["indicator_id"].isin(ids) & rows["measure"].isin(measures)]
    if years is not None:
        rows = rows[rows["period"].between(*years)]
    return rows


def _rows(choice: Choice, measures: Sequence[str], ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The chosen rows in the order the parameters list regions and indicators, then by year."""
    ids = tuple(ids or choice.indicators)
    rows = _rows_of(choice.regions, ids, measures, choice.years)
    order = (rows["region"].map(choice.regions.index) * 1000 + rows["indicator_id"].map(
        lambda i: ids.index(i) if i in ids else len(ids)) * 10)
    return rows.assign(_order=order).sort_values(["_order", "period"], kind="stable").drop(columns="_order")


# --- the chart ---------------------------------------------------------------------------------

def coverage(choice: Choice) -> pd.DataFrame:
    """Target and realisation per region and year, ready for the chart (label, source, flagged);
    ``region`` holds the official name."""
    rows = _rows(choice, CHART_MEASURES)
    return prepare(rows.assign(region=rows["region"].map(full_name)), keep=("indicator_name",))


def coverage_chart(choice: Choice) -> alt.TopLevelMixin:
    """One panel per region on its own scale (never ranked on one axis), one chart per indicator."""
    data = coverage(choice)
    charts = []
    for iid in choice.indicators:
        rows = data[data["indicator_id"] == iid]
        if rows.empty:
            continue
        charts.append(target_vs_realisation(rows, what=rows["indicator_name"].iloc[0], unit=rows["unit"].iloc[0],
                                            columns=2))
    return charts[0] if len(charts) == 1 else alt.vconcat(*charts)


# --- tables ------------------------------------------------------------------------------------

def shares_table(choice: Choice) -> pd.DataFrame:
    """Per region, indicator and year: target, realisation and the printed achievement, where the
    realisation is printed, and what else the report printed for it."""
    rows = _rows(choice, (*CHART_MEASURES, "achievement_pct"))
    out = []
    for (region, iid, period), group in rows.groupby(["region", "indicator_id", "period"], sort=False):
        by = {m: r for m, r in zip(group["measure"], group.to_dict("records"), strict=True)}
        real = by.get("realisation")
        shown = real or by.get("target")
        out.append({
            "Region": full_name(region),
            **({"Indicator": iid} if len(choice.indicators) > 1 else {}),
            "Year": int(period),
            "Target": _label(by.get("target")),
            "Realisation": _label(real),
            "Achievement (printed)": _label(by.get("achievement_pct")),
            "Realisation printed on": printed_on(real["source_file"], real["lines"]) if real else "\u2013",
            "Also printed": " / ".join(f"{m}: {format_other_printings(r['other_values'])}" for m, r in by.items()
                                       if not pd.isna(r["other_values"])) or "",
            "Flagged": "yes" if any(not pd.isna(r["flag_ids"]) for r in by.values()) else "",
            "_order": (choice.regions.index(region), period, shown is None),
        })
    frame = pd.DataFrame(out)
    return frame.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def _label(row: dict | None) -> str:
    """The value for people; a count in what it counts (a table's 'org' can be households: the
    basis, from the lines that say so, wins over the printed unit)."""
    if row is None:
        return "\u2013"
    unit = row["basis"] if row["unit"] in COUNT_UNITS and not pd.isna(row["basis"]) else row["unit"]
    return format_value(row["value"], unit, row["value_raw"])


def _labels(source_file: str, iid: str) -> list[str]:
    """The labels a report prints for an indicator (its recipe), numbering dropped, each once."""
    recipe = recipes_by_report().get(source_file)
    labels = recipe.indicator_labels.get(iid, ()) if recipe is not None else ()
    seen: dict[str, str] = {}
    for label in labels:
        text = re.sub(r"^\d+(\.\d+)*\.?\s+", "", " ".join(str(label).split()))
        seen.setdefault(text.lower(), text)
    return list(seen.values())


def _first_text(values: pd.Series) -> str:
    texts = values.dropna()
    return str(texts.iloc[0]) if len(texts) else ""


def definitions_table(choice: Choice) -> pd.DataFrame:
    """Per region: the Indonesian labels its report prints, what its figure counts, and in what
    unit its counts are printed (persons or households, with the lines that say so)."""
    rows = _rows(choice, (*CHART_MEASURES, *COUNT_MEASURES))
    out = []
    for (region, iid), group in rows.groupby(["region", "indicator_id"], sort=False):
        first = group.iloc[0]
        bases = (group.dropna(subset=["basis"]).drop_duplicates(["period", "basis"])
                 .sort_values("period"))
        basis = "; ".join(f"{int(b['period'])}: {b['basis']} ({printed_on(b['source_file'], b['basis_lines'])})"
                          for _, b in bases.iterrows()) or "no counts printed"
        out.append({
            "Region": full_name(region),
            **({"Indicator": iid} if len(choice.indicators) > 1 else {}),
            "Printed as (Indonesian)": " / ".join(_labels(first["source_file"], iid)),
            # the report's own definition, from its recipe's indicator_notes (headline report_definition)
            "What it counts": _first_text(group["report_definition"]) or "the plain definition (see above)",
            "Counted in": basis,
            "_order": choice.regions.index(region),
        })
    return pd.DataFrame(out).sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def counts_table(choice: Choice) -> pd.DataFrame:
    """The counts behind the shares where a report prints them: the numerator and denominator
    of each share, and the number of PMKS the report gives as an indicator of its own."""
    behind = [c for iid in choice.indicators for c in COUNTS_BEHIND.get(iid, ())]
    rows = pd.concat([_rows(choice, COUNT_MEASURES), _rows(choice, CHART_MEASURES, ids=behind)])
    out = pd.DataFrame({
        "Region": rows["region"].map(full_name),
        "Year": rows["period"].astype(int),
        "Count": [COUNT_NAMES.get(m, f"{name}: {m}") if iid in choice.indicators else f"{name}: {m}"
                  for iid, name, m in zip(rows["indicator_id"], rows["indicator_name"], rows["measure"], strict=True)],
        "Value": rows["value"].map(format_number),
        "Printed as": rows["value_raw"],
        "Counted in": rows["basis"].fillna("\u2013"),
        "Printed on": [printed_on(f, n) for f, n in zip(rows["source_file"], rows["lines"], strict=True)],
        "_order": [choice.regions.index(r) for r in rows["region"]],
    })
    return out.sort_values(["_order", "Year"], kind="stable").drop(columns="_order").reset_index(drop=True)


def flags_table(choice: Choice) -> pd.DataFrame:
    """Every quality flag touching a figure of the chart or the tables, with where it is printed."""
    rows = _rows(choice, (*CHART_MEASURES, "achievement_pct", *COUNT_MEASURES))
    return flag_notes(rows, loaded("quality_flags"))


def _who(choice: Choice, region: str, iid: str) -> str:
    """The region's official name, with the indicator when several are shown."""
    return f"{full_name(region)} ({iid})" if len(choice.indicators) > 1 else full_name(region)


# --- prose -------------------------------------------------------------------------------------

def caveat_markdown(choice: Choice) -> str:
    """Per indicator: its definition, and why the regions are shown on separate scales."""
    parts = []
    for iid in choice.indicators:
        rows = _rows(choice, CHART_MEASURES, ids=[iid])
        if rows.empty:
            continue
        first = rows.iloc[0]
        regions = ", ".join(dict.fromkeys(rows["region"].map(full_name)))
        text = f"**{first['indicator_name']}** (`{iid}`), printed by {regions}."
        if not bool(first["comparable"]):
            text += (" The reports do not measure the same thing, so the panels below each have their own "
                     "scale and the regions are never ranked on one axis: a higher bar in one panel says "
                     "nothing about another region.")
        if not pd.isna(first["caveat"]):
            text += f" Caveat (indicators.yaml): {first['caveat']}"
        parts.append(text)
    return "\n\n".join(parts)


def summary_markdown(choice: Choice) -> str:
    """Per region and indicator: the years printed and the last year's realisation against its
    target, each figure with its lines; realisations far from their target are pointed out."""
    rows = _rows(choice, (*CHART_MEASURES, "achievement_pct"))
    bullets = []
    for (region, iid), group in rows.groupby(["region", "indicator_id"], sort=False):
        real = group[group["measure"] == "realisation"].sort_values("period")
        name = full_name(region)
        years = sorted(group["period"].astype(int).unique())
        span = f"{years[0]}\u2013{years[-1]}" if len(years) > 1 else str(years[0])
        prefix = f"{name} ({iid}, {span})" if len(choice.indicators) > 1 else f"{name} ({span})"
        if real.empty:
            bullets.append(f"- {prefix}: targets only, no realisation printed.")
            continue
        last = real.iloc[-1]
        text = (f"- {prefix}: {int(last['period'])} realisation {_label(last)} "
                f"({printed_on(last['source_file'], last['lines'])})")
        target = group[(group["measure"] == "target") & (group["period"] == last["period"])]
        if len(target):
            t = target.iloc[0]
            text += f" against a target of {_label(t)} ({printed_on(t['source_file'], t['lines'])})"
            if t["value"] and last["value"] / t["value"] >= FAR_FROM_TARGET:
                text += (f"; the realisation is {format_number(last['value'] / t['value'], 1)} times its target, "
                         "which usually means target and realisation were not measured the same way")
        if len(real) > 1:
            earlier = ", ".join(f"{int(p)}: {_label(r)}" for p, r in zip(real["period"][:-1],
                                                                          real.to_dict("records")[:-1], strict=True))
            text += f". Earlier years: {earlier}"
        bullets.append(text + ".")
    later = _headline()
    later = later[later["region"].isin(choice.regions) & later["indicator_id"].isin(choice.indicators)
                  & later["period"].gt(later["report_year"]) & later["measure"].eq("target")]
    for (region, iid), group in later.groupby(["region", "indicator_id"], sort=False):
        targets = ", ".join(f"{int(p)}: {_label(r)}" for p, r in zip(group["period"], group.to_dict("records"),
                                                                      strict=True))
        lines = ";".join(sorted(set(group["lines"]), key=lambda s: int(s.split(";")[0])))
        bullets.append(f"- {_who(choice, region, iid)} also prints plan targets for later years, not charted "
                       f"(nothing realised yet): {targets} ({printed_on(group['source_file'].iloc[0], lines)}).")
    return "\n".join(bullets)


def shares_from_counts_markdown(choice: Choice) -> str:
    """Each share recomputed from the counts printed behind it, beside the printed share, and
    the counting basis (persons or households), said once where it changes between years."""
    rows = _rows(choice, (*COUNT_MEASURES, "realisation"))
    bullets = []
    for (region, iid, period), group in rows.groupby(["region", "indicator_id", "period"], sort=False):
        by = {m: r for m, r in zip(group["measure"], group.to_dict("records"), strict=True)}
        num, den, real = by.get("numerator"), by.get("denominator"), by.get("realisation")
        if num is None and den is None:
            continue
        head = f"- {_who(choice, region, iid)} {int(period)}: "
        if num is not None and den is not None:
            share = num["value"] / den["value"] * 100
            where = "; ".join(dict.fromkeys(printed_on(r["source_file"], r["lines"]) for r in (num, den)))
            text = (f"{format_number(num['value'])} of {format_number(den['value'])} {num['basis'] or ''} "
                    f"({where}) give {format_percent(share)}")
            if real is not None:
                text += f"; the report prints {_label(real)}"
        else:
            only = num if num is not None else den
            text = (f"only the {COUNT_NAMES[only['measure']]} is printed: {only['value_raw']} "
                    f"({printed_on(only['source_file'], only['lines'])}), so the share cannot be recomputed")
        bullets.append(head + " ".join(text.split()) + ".")
    for region in choice.regions:
        changed = _dated(_headline())
        changed = changed[(changed["region"] == region) & changed["indicator_id"].isin(choice.indicators)
                          & changed["basis_change"].fillna(False) & changed["basis"].notna()]
        if changed.empty:
            continue
        steps = (changed.drop_duplicates(["period", "basis"]).sort_values("period"))
        said = "; ".join(f"{b['basis']} in {int(b['period'])} ({printed_on(b['source_file'], b['basis_lines'])})"
                         for _, b in steps.iterrows())
        bullets.append(f"- {full_name(region)} changes what it counts between years: {said}. "
                       "Its years are not one series.")
    missing = [full_name(r) for r in choice.regions if r not in set(rows.loc[rows["measure"].isin(COUNT_MEASURES),
                                                                                  "region"])]
    if missing:
        bullets.append(f"- {', '.join(missing)}: the report prints no counts behind the share.")
    return "\n".join(bullets)


def flagged_markdown(choice: Choice) -> str:
    """The figures printed more than once with different values: which printing is used, why,
    and the others with their lines. The audit's flags follow as a table (``flags_table``)."""
    rows = _rows(choice, (*CHART_MEASURES, "achievement_pct", *COUNT_MEASURES))
    rows = rows[rows["other_values"].notna()]
    bullets = []
    for _, r in rows.iterrows():
        who = _who(choice, r["region"], r["indicator_id"])
        text = (f"- {who} {int(r['period'])} {r['measure']}: {_label(r)} is used "
                f"({r['source_file']} line {int(r['source_line'])}); also printed "
                f"{format_other_printings(r['other_values'])}.")
        if r["chosen_by"] == "inputs" and not pd.isna(r["chosen_detail"]):
            text += f" The report's own inputs decide: {r['chosen_detail']}."
        elif not pd.isna(r["chosen_by"]):
            text += f" Chosen as {CHOSEN_BY.get(r['chosen_by'], str(r['chosen_by']).replace('_', ' '))}."
        bullets.append(text)
    if not bullets:
        return "No figure shown here is printed with two different values."
    return "\n".join(bullets)


def sources_markdown(choice: Choice) -> str:
    """The reports and files every figure above comes from."""
    files = _rows(choice, (*CHART_MEASURES, *COUNT_MEASURES))["source_file"].unique()
    reports = "\n".join(f"- {line}" for line in report_sources(files))
    return (f"{reports}\n"
            "- Figures: `data/clean/headline_indicators.csv` (one printing chosen per figure by a documented rule, "
            "the other printings kept with their lines); flags: `data/clean/quality_flags.csv`.\n"
            "- Definitions and caveats: `lkjip_analysis/reference/indicators.yaml`; the Indonesian labels each "
            "report prints: its recipe, `lkjip_analysis/recipes/reports/<report>.py`.")
