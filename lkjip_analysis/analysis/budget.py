"""Budget against realisation, absorption and the reports' "efficiency", for
notebooks/budget_efficiency.ipynb.

The lines come from ``load("budget")`` at one level (programme, activity ...). A programme
printed in several tables is one line: its printings share a ``programme_key``, and a printing
that only repeats an earlier one (``restates``) is skipped, so the budget of Lumajang's
programmes comes from Tabel III.1 (lines 436-442) and their realisation from Tabel III.13
(lines 965-991). Balance lines (SILPA) and other offices' benchmarks are never lines here.
The office total is ``load("budget_totals")``'s chosen total, with the other totals the report
prints beside it.

"Efficiency" is what the reports print under that name; the plain recomputation beside it is
achievement % - absorption %, the definition Lumajang writes out (line 949).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from ..datasets.flags import flags_for
from ..extraction.reports import read_manifest
from ..paths import raw_dir
from .charts import (
    FLAG_COLOUR,
    PAGE_WIDTH,
    REALISATION_COLOUR,
    REFERENCE_COLOUR,
    RUPIAH_AXIS_UNIT,
    _plain,
    amount_tooltip,
    drawn_in_miliar,
    flag_notes,
)
from .formatting import axis_title, format_number, format_percent, format_rupiah
from .lookup import loaded
from .parameters import ALL, ParameterError, choose
from .quotes import quotes

# The levels a reader can choose, in the order offered; totals, balances (SILPA) and other
# offices' benchmarks are not lines of the office's budget.
LINE_LEVELS = ("programme", "activity", "sub_activity", "objective", "spending_group", "spending_type")
MEASURES = ("budget", "realised", "absorption_pct")

@dataclass(frozen=True)
class BudgetParameters:
    region: str  # a region or "all"
    level: str
    regions: tuple[str, ...]  # the regions shown
    levels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # region -> its levels with data


@functools.cache
def _load(name: str) -> pd.DataFrame:
    return loaded(name)


def levels_by_region() -> dict[str, tuple[str, ...]]:
    """region -> the line levels its report prints a budget for (regions of data/raw/sources.csv)."""
    return dict(_levels_by_region())


@functools.cache
def _levels_by_region() -> dict[str, tuple[str, ...]]:  # once per process: a region brief asks ten times
    budget = _load("budget")
    lines = budget[budget["measure"] == "budget"]
    out = {}
    for source in read_manifest(raw_dir()):
        present = set(lines.loc[lines["region"] == source.region, "level"].astype(str))
        out[source.region] = tuple(level for level in LINE_LEVELS if level in present)
    return out


def check(region: str = ALL, level: str = "programme") -> BudgetParameters:
    """The notebook's parameters, checked before anything is drawn: an unknown region, or a level
    the region's report prints no budget for, raises a ParameterError listing the valid choices."""
    levels = levels_by_region()
    choose("region", region, [ALL, *levels])
    regions = tuple(levels) if region == ALL else (region,)
    valid = [lv for lv in LINE_LEVELS if any(lv in levels[r] for r in regions)]
    if level not in valid:
        where = "no region prints" if region == ALL else f"{region} prints no"
        raise ParameterError(f"level={level!r}: {where} budget at that level; choose one of: "
                             f"{', '.join(valid)}")
    return BudgetParameters(region, level, regions, {r: levels[r] for r in regions})


def _key(rows: pd.DataFrame, level: str) -> pd.Series:
    """What makes printings one line: the programme key for programmes, else programme key, code and name."""
    name = rows["name"].astype(str).str.lower().str.split().str.join(" ")
    programme = rows["programme_key"].astype("string").fillna("")
    if level == "programme":
        return programme.where(programme != "", name)
    return programme + "|" + rows["code"].astype("string").fillna("") + "|" + name


def budget_lines(p: BudgetParameters) -> pd.DataFrame:
    """One row per line at the chosen level: budget, realised, absorption printed and recomputed,
    the lines each comes from, and the quality flags on any of them."""
    return _budget_lines(p.regions, p.level).copy()


@functools.cache
def _budget_lines(regions: tuple[str, ...], level_name: str) -> pd.DataFrame:
    """budget_lines, computed once per process for each choice: a notebook's summary, chart, tables,
    flags and sources all start from the same lines (the clean files are read once, too)."""
    budget = _load("budget")
    level = budget[budget["region"].isin(regions) & (budget["level"] == level_name)
                   & budget["measure"].isin(MEASURES)].assign(key=lambda d: _key(d, level_name))
    # A restating printing ties its line to the one it repeats, even under another name (Sumenep line
    # 373 'Pemberdayaan Fakir Miskin ...' repeats line 191's 'Pemberdayaan Keluarga Miskin ...' budget).
    key_of = dict(zip(level["value_id"], level["key"], strict=True))
    restating = level[level["restates"].fillna(False) & level["restates_value_id"].isin(key_of)]
    alias = {k: key_of[v] for k, v in zip(restating["key"], restating["restates_value_id"], strict=True)
             if key_of[v] != k}
    rows = level[~level["restates"].fillna(False)].assign(key=lambda d: d["key"].replace(alias))
    rows = flags_for(rows, _load("quality_flags"))
    rows = rows.sort_values(["region", "source_line"])
    out = []
    for (region, _), printings in rows.groupby(["region", "key"], observed=True, sort=False):
        first = printings.iloc[0]
        line = {"region": region, "name": str(first["name"]), "source_file": str(first["source_file"]),
                "lines": ", ".join(map(str, dict.fromkeys(printings["source_line"].astype(int)))),
                "flag_ids": ";".join(sorted({i for ids in printings["flag_ids"].dropna() for i in str(ids).split(";")}))
                or pd.NA}
        for measure in MEASURES:
            found = printings[printings["measure"] == measure]
            # the earliest printing (a repeat would be marked restates and is already skipped)
            value = found.iloc[0] if len(found) else None
            line[measure] = value["value"] if value is not None else pd.NA
            line[f"{measure}_raw"] = value["value_raw"] if value is not None else pd.NA
            line[f"{measure}_line"] = int(value["source_line"]) if value is not None else pd.NA
        out.append(line)
    lines = pd.DataFrame(out)
    if lines.empty:
        return lines
    lines["absorption_recomputed"] = (lines["realised"].astype("Float64") / lines["budget"].astype("Float64") * 100)
    return lines


def _shown(lines: pd.DataFrame, width: int = 48) -> pd.Series:
    names = lines["name"].str.slice(0, width).where(lines["name"].str.len() <= width,
                                                    lines["name"].str.slice(0, width - 1) + "\u2026")
    # the line number keeps two lines of the same name apart
    first = lines["budget_line"].astype("string").fillna(lines["realised_line"].astype("string"))
    return names + " (line " + first + ")"


def _recomputed(value) -> str:
    """A recomputed percentage, always with 2 decimals (it has no printed precision)."""
    return "\u2013" if pd.isna(value) else f"{format_number(value, 2)} %"


def _nothing(text: str):
    from IPython.display import Markdown

    return Markdown(f"*{text}*")


def budget_chart(p: BudgetParameters) -> alt.FacetChart:
    """Budget (grey) against realisation (blue) per line, one panel per region, each on its own
    scale; a red ring marks a line with a flagged value."""
    lines = budget_lines(p)
    if lines.empty:
        return _nothing(f"No {p.level} lines to draw.")
    lines = lines.assign(shown=_shown(lines))
    long = []
    for measure in ("budget", "realised"):
        part = lines[lines[measure].notna()]
        long.append(pd.DataFrame({
            "region": part["region"], "shown": part["shown"], "measure": measure,
            "value": part[measure], "label": [format_rupiah(v) for v in part[measure]],
            "source": part["source_file"] + " line " + part[f"{measure}_line"].astype("string"),
            "absorption": [_recomputed(v) for v in part["absorption_recomputed"]],
            "flagged": part["flag_ids"].notna(), "flag_ids": part["flag_ids"]}))
    # drawn in miliar; the tooltip shows the rounded label and the exact amount
    data = _plain(drawn_in_miliar(pd.concat(long, ignore_index=True)))
    y = alt.Y("shown:N", title=None, axis=alt.Axis(labelLimit=300),
              sort=alt.EncodingSortField(field="value", op="max", order="descending"))
    x = alt.X("value:Q", title=axis_title("Budget and realisation", RUPIAH_AXIS_UNIT))
    tooltip = [alt.Tooltip("shown:N", title=p.level), alt.Tooltip("measure:N"), alt.Tooltip("label:N", title="value"),
               amount_tooltip(), alt.Tooltip("absorption:N", title="absorption (recomputed)"),
               alt.Tooltip("source:N")]
    budget = (alt.Chart().mark_bar(color=REFERENCE_COLOUR, opacity=0.45, size=14)
              .encode(x=x, y=y, tooltip=tooltip).transform_filter("datum.measure == 'budget'"))
    realised = (alt.Chart().mark_bar(color=REALISATION_COLOUR, size=7)
                .encode(x=x, y=y, tooltip=tooltip).transform_filter("datum.measure == 'realised'"))
    rings = (alt.Chart().mark_point(shape="circle", size=160, filled=False, strokeWidth=2, color=FLAG_COLOUR)
             .encode(x=x, y=y, tooltip=[alt.Tooltip("flag_ids:N", title="quality flags"), alt.Tooltip("source:N")])
             .transform_filter("datum.flagged"))
    layered = alt.layer(budget, realised, rings, data=data).properties(width=PAGE_WIDTH - 380,
                                                                        height=alt.Step(18))
    return (layered.facet(row=alt.Row("region:N", title=None))
            .resolve_scale(x="independent", y="independent")
            .properties(title=f"Budget (grey) against realisation (blue), by {p.level.replace('_', ' ')}"))


def _or_note(frame: pd.DataFrame, note: str):
    return frame.reset_index(drop=True) if len(frame) else _nothing(note)


def absorption_table(p: BudgetParameters) -> pd.DataFrame:
    """Absorption as printed and recomputed (realised / budget x 100), with the lines and flags."""
    lines = budget_lines(p)
    if lines.empty:
        return _nothing(f"No {p.level} lines.")
    table = pd.DataFrame({
        "region": lines["region"], p.level.replace("_", " "): lines["name"],
        "budget": [format_rupiah(v) for v in lines["budget"]],
        "realised": [format_rupiah(v) for v in lines["realised"]],
        "absorption printed": [format_percent(v, r) for v, r in zip(lines["absorption_pct"],
                                                                    lines["absorption_pct_raw"], strict=True)],
        "absorption recomputed": [_recomputed(v) for v in lines["absorption_recomputed"]],
        "report lines": lines["lines"], "flags": lines["flag_ids"].fillna(""),
    })
    return table if len(p.regions) > 1 else table.drop(columns="region")


def office_totals_table(p: BudgetParameters) -> pd.DataFrame:
    """The office's total per region and year (budget_totals' chosen total), with its alternatives."""
    totals = _load("budget_totals")
    totals = totals[totals["region"].isin(p.regions)]
    return _or_note(pd.DataFrame({
        "region": totals["region"].astype(str), "year": totals["period"].astype("Int64"),
        "chosen total": totals["name"].astype(str) + " (" + totals["rule"].astype(str) + ")",
        "budget": [format_rupiah(v) for v in totals["budget"]],
        "realised": [format_rupiah(v) for v in totals["realised"]],
        "absorption printed": [format_percent(v) for v in totals["absorption_pct_printed"]],
        "absorption recomputed": [_recomputed(v) for v in totals["absorption_pct_recomputed"]],
        "line": totals["source_file"].astype(str) + " line " + totals["source_line"].astype("string"),
        "other totals printed": totals["other_totals"].astype("string").fillna("none"),
        "flags": totals["flag_ids"].astype("string").fillna(""),
    }), "No office total printed.")


def efficiency_rows(p: BudgetParameters) -> pd.DataFrame:
    """The reports' efficiency, one row per printed line, beside achievement - absorption."""
    eff = _load("efficiency")
    eff = flags_for(eff[eff["region"].isin(p.regions)], _load("quality_flags"))
    keys = ["region", "source_file", "source_line", "objective", "indicator"]
    wide = (eff.assign(indicator=eff["indicator"].astype("string").fillna(""))
            .pivot_table(index=keys, columns="measure", values="value", aggfunc="first", observed=True)
            .reset_index())
    raw = eff.assign(indicator=eff["indicator"].astype("string").fillna("")).pivot_table(
        index=keys, columns="measure", values="value_raw", aggfunc="first", observed=True).add_suffix("_raw")
    flags = (eff.assign(indicator=eff["indicator"].astype("string").fillna(""))
             .groupby(keys, observed=True)["flag_ids"].agg(lambda s: ";".join(s.dropna()) or pd.NA).rename("flag_ids"))
    wide = wide.join(raw, on=keys).join(flags, on=keys)
    for col in ("achievement_pct", "absorption_pct", "efficiency_pct"):
        if col not in wide:
            wide[col] = pd.NA
    wide["recomputed"] = wide["achievement_pct"].astype("Float64") - wide["absorption_pct"].astype("Float64")
    return wide.sort_values(["region", "source_line"]).reset_index(drop=True)


def efficiency_table(p: BudgetParameters) -> pd.DataFrame:
    rows = efficiency_rows(p)

    def pct(col):
        return [format_percent(v, r) for v, r in zip(rows[col], rows.get(f"{col}_raw", rows[col]), strict=True)]

    return _or_note(pd.DataFrame({
        "region": rows["region"].astype(str),
        "objective / indicator": [o if not i else f"{o} / {i}" for o, i in zip(rows["objective"], rows["indicator"],
                                                                                 strict=True)],
        "achievement": pct("achievement_pct"), "absorption": pct("absorption_pct"),
        "efficiency printed": pct("efficiency_pct"),
        "achievement - absorption": [_recomputed(v) for v in rows["recomputed"]],
        "line": rows["source_file"].astype(str) + " line " + rows["source_line"].astype("string"),
        "flags": rows["flag_ids"].astype("string").fillna(""),
    }), "The report prints no efficiency.")


def efficiency_markdown(p: BudgetParameters) -> str:
    """What the printed efficiency is, region by region: where it is achievement - absorption and
    where the report defines it otherwise."""
    rows = efficiency_rows(p)
    if rows.empty:
        return "The reports shown print no efficiency."
    flags = _load("quality_flags")
    out = []
    for region, mine in rows.groupby("region", observed=True, sort=False):
        file = str(mine["source_file"].iloc[0])
        said = [(q.line, q.says) for q in quotes("efficiency", file)]
        both = mine.dropna(subset=["achievement_pct", "absorption_pct", "efficiency_pct"])
        agree = both[(both["efficiency_pct"] - both["recomputed"]).abs() < 0.015]
        ids = {i for x in mine["flag_ids"].dropna() for i in str(x).split(";")}
        odd = flags[flags["flag_id"].isin(ids) & (flags["check"] == "efficiency")]
        text = f"**{region}**: "
        if len(odd):
            text += "; ".join(
                f"the printed efficiency {format_percent(r['printed'])} ({r['source_file']} line {r['source_line']}) "
                f"is not achievement - absorption ({_recomputed(r['expected'])}): **the report defines efficiency "
                "otherwise**, and does not say how" for _, r in odd.iterrows()) + "."
        elif len(agree) == len(both) and len(both):
            text += f"every printed efficiency ({len(both)}) is achievement % - absorption %."
        only = mine[mine["achievement_pct"].isna() & mine["efficiency_pct"].notna()]
        for _, r in only.iterrows():
            printed = format_percent(r["efficiency_pct"], r["efficiency_pct_raw"])
            text += (f" Line {r['source_line']} prints an efficiency {printed}"
                     " with no achievement or absorption beside it (nothing to recompute).")
        if said:
            text += " The report says: " + "; ".join(f"{file} line {line}: {english}" for line, english in said) + "."
        out.append(text)
    return "\n\n".join(out)


def summary_markdown(p: BudgetParameters) -> str:
    """Per region: which levels its report prints, how many lines are shown, and what was skipped."""
    budget = _load("budget")
    lines = budget_lines(p)
    out = []
    for region in p.regions:
        mine = budget[(budget["region"] == region) & (budget["level"] == p.level)]
        levels = ", ".join(p.levels[region]) or "none"
        if mine.empty:
            out.append(f"**{region}**: the report prints no {p.level.replace('_', ' ')}-level budget "
                       f"(its levels: {levels}).")
            continue
        shown = lines[lines["region"] == region]
        restated = int(mine["restates"].fillna(False).sum())
        with_real = int(shown["realised"].notna().sum())
        out.append(f"**{region}**: {len(shown)} {p.level.replace('_', ' ')} lines, {with_real} with a realisation "
                   f"({restated} printings that repeat an earlier one skipped; levels printed: {levels}).")
    return "\n\n".join(out)


def flags_table(p: BudgetParameters) -> pd.DataFrame:
    """Every quality flag on the lines, totals and efficiencies shown, with its report line."""
    frames = [budget_lines(p), _load("budget_totals").loc[lambda d: d["region"].isin(p.regions)],
              efficiency_rows(p)]
    ids = pd.concat([f["flag_ids"] for f in frames if "flag_ids" in f], ignore_index=True)
    notes = flag_notes(pd.DataFrame({"flag_ids": ids}), _load("quality_flags"))
    return _or_note(notes, "No value shown here is flagged.")


def sources_markdown(p: BudgetParameters) -> str:
    lines = budget_lines(p)
    totals = _load("budget_totals").loc[lambda d: d["region"].isin(p.regions)]
    eff = efficiency_rows(p)
    out = []
    for region in p.regions:
        used = ({int(n) for text in lines.loc[lines["region"] == region, "lines"] for n in str(text).split(", ")}
                if not lines.empty else set())
        used |= set(totals.loc[totals["region"] == region, "source_line"].astype(int))
        used |= set(eff.loc[eff["region"] == region, "source_line"].astype(int))
        file = next((s.file for s in read_manifest(raw_dir()) if s.region == region), region)
        out.append(f"- {file}: lines {', '.join(map(str, sorted(used)))}" if used else f"- {file}: no lines used")
    out.append("- data/clean/budget.csv, budget_totals.csv, efficiency.csv and quality_flags.csv (lkjip build)")
    return "\n".join(out)
