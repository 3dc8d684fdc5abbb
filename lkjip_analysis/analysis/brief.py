"""One region's brief, for notebooks/region_brief.ipynb: one report of data/raw/sources.csv
(a region and its report year), read as a document.

- the headline indicators of the report year against their targets (headline_indicators.csv:
  the chosen printing's line, achievement as printed, the other printings);
- the trends: the series the report prints over the years (``pmks``) and BPS's poverty rate of
  the region beside the province's (``poverty``);
- budget use: the office's total with its absorption, and its lines (``budget``);
- aid in 2020 (``aid``; a report without aid rows says so);
- data quality: every quality flag on the report, by kind, with its lines.

The topic modules do the work, called with this region; this module chooses what to call,
says in words what the figures show, and lists the flags. Nothing here names a region: the
region, its official name, its office and its file come from sources.csv and regions.csv.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from ..audit.summary import CHECK_TITLES
from ..extraction.reports import Source, read_manifest
from ..paths import raw_dir
from ..reference.indicators import reference
from . import aid, budget, pmks, poverty
from .charts import target_vs_realisation
from .formatting import format_number, format_other_printings, format_percent, format_rupiah, table_for_people
from .lookup import full_name, loaded, report_sources
from .parameters import ParameterError

HEADLINE_MEASURES = ("target", "realisation", "achievement_pct")
# A trend needs at least this many years printed.
TREND_YEARS = 2
# The kinds of quality_flags.csv, in the schema's order, with what each means for a reader.
KINDS = {
    "arithmetic": "the report's own numbers do not add up: a figure recomputed from the numbers printed "
                  "beside it gives another value",
    "printings_disagree": "the same figure is printed with different values in different places",
    "scope": "a total covers lines its table does not list",
    "malformed": "digits that form no number: the value is kept as printed and left missing",
}
DASH = "\u2013"


@dataclass(frozen=True)
class Brief:
    """The checked parameters: one report of data/raw/sources.csv."""

    region: str
    report_year: int
    file: str
    office: str

    @property
    def name(self) -> str:
        """The region's official name (regions.csv)."""
        return full_name(self.region)


def _reports() -> list[Source]:
    return read_manifest(raw_dir())


def _pairs(reports: Iterable[Source]) -> str:
    return ", ".join(f"{s.region} {s.report_year}" for s in reports)


def check(region: Any = None, report_year: Any = None) -> Brief:
    """The brief's report, checked before anything is loaded or drawn.

    ``region``: a region of data/raw/sources.csv (None: the region of its first report);
    ``report_year``: the year of that region's report (None: its latest). A region or a year
    with no report raises a ParameterError listing the valid (region, year) pairs."""
    reports = _reports()
    regions = list(dict.fromkeys(s.region for s in reports))
    region = reports[0].region if region is None else region
    if region not in regions:
        raise ParameterError(f"region={region!r} is not a region of data/raw/sources.csv; choose one of: "
                             f"{', '.join(regions)} (reports: {_pairs(reports)})")
    mine = [s for s in reports if s.region == region]
    if report_year is None:
        chosen = max(mine, key=lambda s: s.report_year)
    else:
        year = int(report_year) if re.fullmatch(r"\s*\d{4}\s*", str(report_year)) else None
        chosen = next((s for s in mine if s.report_year == year), None)
        if chosen is None:
            raise ParameterError(f"report_year={report_year!r}: {region} has no report for that year; choose one "
                                 f"of the reports (region, year): {_pairs(reports)}")
    return Brief(chosen.region, chosen.report_year, chosen.file, chosen.office)


def _nothing(text: str):
    """What a chart or table cell shows when there is nothing to show: a sentence."""
    from IPython.display import Markdown

    return Markdown(f"*{text}*")


def _lines_of(text: Any) -> list[int]:
    """``"67;507"`` or ``"67, 507"`` -> [67, 507]."""
    return [int(n) for n in re.findall(r"\d+", str(text))] if not pd.isna(text) else []


# --- title -------------------------------------------------------------------------------------

def title_markdown(b: Brief) -> str:
    """The brief's title (the region's official name and the report year) and what it covers."""
    return (f"# {b.name}: LKjIP {b.report_year} in brief\n\n"
            f"What the performance report (LKjIP) {b.report_year} of the {b.office} says, figure by figure, "
            f"with the line of `data/raw/{b.file}` each figure is printed on.")


# --- headline indicators -----------------------------------------------------------------------

def _headline(b: Brief) -> pd.DataFrame:
    """The report's headline rows of its own year (target, realisation, achievement as printed)."""
    h = pmks._headline()
    return h[(h["source_file"] == b.file) & (h["period"] == b.report_year) & h["measure"].isin(HEADLINE_MEASURES)]


def _headline_ids(b: Brief) -> list[str]:
    rows = _headline(b)
    rows = rows[rows["measure"].isin(pmks.CHART_MEASURES)]
    return list(dict.fromkeys(rows["indicator_id"]))


def _year_choice(b: Brief) -> pmks.Choice | None:
    ids = _headline_ids(b)
    return pmks.check(region=b.region, indicators=ids, years=(b.report_year, b.report_year)) if ids else None


def _panel(name: Any, unit: Any) -> str:
    """A panel's title: the indicator and its unit (each panel has its own scale)."""
    unit = "%" if unit == "percent" else (unit if isinstance(unit, str) and unit else "")
    text = str(name) if len(str(name)) <= 48 else str(name)[:47] + "\u2026"
    return f"{text} ({unit})" if unit else text


def _by_indicator(data: pd.DataFrame, title: str, columns: int = 2) -> alt.FacetChart:
    """One panel per indicator, in the order of ``data``, each titled with its unit."""
    units = data.groupby("indicator_id", sort=False)["unit"].agg(lambda u: next((x for x in u if x), ""))
    names = data.groupby("indicator_id", sort=False)["indicator_name"].first()
    panels = {iid: _panel(names[iid], units[iid]) for iid in names.index}
    chart = target_vs_realisation(data.assign(panel=data["indicator_id"].map(panels)),
                                  what="Value (unit in the panel title)", unit=None, facet="panel",
                                  columns=columns, order=list(panels.values()))
    return chart.properties(title=title).configure_header(labelLimit=300)


def headline_chart(b: Brief):
    """The headline indicators of the report year that have a target, each in its own panel on its
    own scale: realisation (bar) against target (tick), from the chosen printing (the tooltip names
    its line). The others are in the table."""
    choice = _year_choice(b)
    data = pmks.coverage(choice) if choice is not None else pd.DataFrame()
    with_target = set(data.loc[data["measure"] == "target", "indicator_id"]) if len(data) else set()
    if not with_target:
        return _nothing(f"The report prints no target for {b.report_year}.")
    return _by_indicator(data[data["indicator_id"].isin(with_target)],
                         f"{b.report_year}: realisation (bars) against target (tick)")


def _flag_words(ids: Iterable[str], flags: pd.DataFrame) -> str:
    """``achievement (line 83); same_quantity (line 580, 3 flags)`` for the flags with these ids."""
    found = flags[flags["flag_id"].isin(set(ids))].sort_values("source_line")
    counts = found.groupby([found["check"].astype(str), found["source_line"].astype(int)], sort=False).size()
    return "; ".join(f"{check} (line {line}{f', {n} flags' if n > 1 else ''})" for (check, line), n in counts.items())


def _chosen(row: dict | None) -> str:
    """The value with the line of the chosen printing: ``78,76 % (line 67)``."""
    if row is None:
        return DASH
    return f"{pmks._label(row)} (line {int(row['source_line'])})"


def _others(by: dict[str, dict]) -> str:
    """The other printings of the row's figures: the same value elsewhere, or different values."""
    parts = []
    for measure, row in by.items():
        lines = [n for n in _lines_of(row["lines"]) if n != int(row["source_line"])]
        if not pd.isna(row["other_values"]):
            parts.append(f"{measure}: {format_other_printings(row['other_values'])} (differs)")
        elif lines:
            parts.append(f"{measure}: same on line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}")
    return "; ".join(parts) or DASH


def headline_table(b: Brief):
    """One row per indicator of the report year: target, realisation and achievement as printed
    (the report's precision), each with the line of the printing used, the other printings, flags
    (shown without index; ``.data`` is the DataFrame)."""
    rows = _headline(b)
    if rows.empty:
        return _nothing(f"The report prints no headline indicator for {b.report_year}.")
    flags = loaded("quality_flags")
    out = []
    for iid, group in rows.groupby("indicator_id", sort=False):
        by = {m: r for m, r in zip(group["measure"], group.to_dict("records"), strict=True)}
        ids = {i for r in by.values() if not pd.isna(r["flag_ids"]) for i in str(r["flag_ids"]).split(";")}
        out.append({
            "Indicator": f"{group['indicator_name'].iloc[0]} ({iid})",
            "Target": _chosen(by.get("target")),
            "Realisation": _chosen(by.get("realisation")),
            "Achievement (printed)": _chosen(by.get("achievement_pct")),
            "Other printings": _others(by),
            "Flags": _flag_words(ids, flags) or DASH,
        })
    return table_for_people(pd.DataFrame(out))


def headline_markdown(b: Brief) -> str:
    """Per indicator: realisation against target with their lines, the achievement the report
    prints, which direction is better, and how far the two are apart; then the printings that
    disagree and which one is used (``pmks.flagged_markdown``)."""
    rows = _headline(b)
    if rows.empty:
        return f"The report prints no headline indicator for {b.report_year}."
    lower = set(reference().query("direction == 'lower'")["indicator_id"])
    bullets = []
    for iid, group in rows.groupby("indicator_id", sort=False):
        by = {m: r for m, r in zip(group["measure"], group.to_dict("records"), strict=True)}
        real, target, achieved = by.get("realisation"), by.get("target"), by.get("achievement_pct")
        text = f"- **{group['indicator_name'].iloc[0]}** (`{iid}`): "
        if real is not None:
            text += f"realisation {pmks._label(real)} ({b.file} line {int(real['source_line'])})"
        else:
            text += "no realisation printed"
        if target is not None:
            text += f" against a target of {pmks._label(target)} ({b.file} line {int(target['source_line'])})"
        else:
            text += f", no target for {b.report_year}"
        if achieved is not None:
            text += f"; achievement printed {pmks._label(achieved)} (line {int(achieved['source_line'])})"
        if iid in lower:
            text += "; lower is better"
        elif real is not None and target is not None and target["value"] \
                and real["value"] / target["value"] >= pmks.FAR_FROM_TARGET:
            text += (f"; the realisation is {format_number(real['value'] / target['value'], 1)} times its target, "
                     "which usually means the two were not measured the same way")
        bullets.append(text + ".")
    choice = _year_choice(b)
    others = pmks.flagged_markdown(choice) if choice is not None else ""
    if others.startswith("- "):  # a list of the figures printed with different values
        others = f"**Printed more than once, with different values:**\n\n{others}"
    return "\n".join(bullets) + ("\n\n" + others if others else "")


# --- trends ------------------------------------------------------------------------------------

def _trend_choice(b: Brief) -> pmks.Choice | None:
    """The report's series: indicators with a target or realisation in at least two years up to the
    report year (the poverty rate is shown over BPS's line instead)."""
    h = pmks._headline()
    rows = h[(h["source_file"] == b.file) & h["measure"].isin(pmks.CHART_MEASURES) & h["period"].notna()
             & h["period"].le(b.report_year) & (h["indicator_id"] != poverty.POVERTY)]
    years = rows.groupby("indicator_id", sort=False)["period"].nunique()
    ids = [i for i in dict.fromkeys(rows["indicator_id"]) if years[i] >= TREND_YEARS]
    if not ids:
        return None
    first = int(rows.loc[rows["indicator_id"].isin(ids), "period"].min())
    return pmks.check(region=b.region, indicators=ids, years=(first, b.report_year))


def trend_chart(b: Brief):
    """The report's series over the years, one panel per indicator on its own scale."""
    choice = _trend_choice(b)
    if choice is None:
        return _nothing("The report prints no indicator for more than one year.")
    first, last = choice.years
    return _by_indicator(pmks.coverage(choice), f"{first}\u2013{last}: realisation (bars) against target (tick)")


def trend_markdown(b: Brief) -> str:
    """Per series: the years printed and the last year against its target (``pmks.summary_markdown``);
    then the shares recomputed from the counts printed behind them, and whether what is counted
    changes between years (``pmks.shares_from_counts_markdown``)."""
    choice = _trend_choice(b)
    if choice is None:
        return (f"The report prints its indicators for {b.report_year} only: there is no series over the years "
                "to show.")
    counts = pmks.shares_from_counts_markdown(choice)
    return pmks.summary_markdown(choice) + ("\n\n**The counts behind the shares:**\n\n" + counts if counts else "")


def _poverty_choice(b: Brief) -> poverty.Choice | None:
    return poverty.check(region=b.region) if b.region in poverty.region_choices() else None


def poverty_chart(b: Brief):
    """BPS's poverty rate of the region with the province's as the reference line (``poverty``)."""
    choice = _poverty_choice(b)
    if choice is None:
        return _nothing(f"data/reference/poverty_rates.csv holds no BPS poverty rate for {b.name}.")
    return poverty.poverty_chart(choice)


def poverty_markdown(b: Brief) -> str:
    """The region against the province, and the report's own poverty figures against BPS."""
    choice = _poverty_choice(b)
    if choice is None:
        return f"There is no BPS poverty rate for {b.name} in data/reference/poverty_rates.csv, so none is shown."
    return poverty.levels_markdown(choice) + "\n\n" + poverty.agreement_markdown(choice)


# --- budget ------------------------------------------------------------------------------------

def _budget_parameters(b: Brief) -> budget.BudgetParameters | None:
    """The budget at the programme level, or the first level the report prints a budget at."""
    levels = budget.levels_by_region().get(b.region, ())
    if not levels:
        return None
    return budget.check(region=b.region, level="programme" if "programme" in levels else levels[0])


def _total(b: Brief) -> pd.Series | None:
    totals = loaded("budget_totals")
    mine = totals[(totals["source_file"] == b.file) & (totals["period"] == b.report_year)]
    return mine.iloc[0] if len(mine) else None


def budget_markdown(b: Brief) -> str:
    """The office's total of the report year: budget, realised, absorption as printed and
    recomputed, the other totals the report prints; then what the lines below are."""
    total = _total(b)
    if total is None:
        text = f"The report prints no total of the office's budget for {b.report_year}."
    else:
        text = (f"**The office's total for {b.report_year}**: \u201c{total['name']}\u201d ({b.file} line "
                f"{int(total['source_line'])}, chosen as the {total['rule']}): "
                f"budget {format_rupiah(total['budget'])}, realised {format_rupiah(total['realised'])}.")
        printed, recomputed = total["absorption_pct_printed"], total["absorption_pct_recomputed"]
        if not pd.isna(recomputed):
            text += (f" Absorption (realised / budget x 100): printed {format_percent(printed)}, recomputed "
                     f"{format_number(recomputed, 2)} %")
            text += (", the same." if not pd.isna(printed) and round(float(printed) - float(recomputed), 2) == 0
                     else ".")
        if not pd.isna(total["other_totals"]):
            text += f" The report prints other totals beside it: {total['other_totals']}."
        if not pd.isna(total["flag_ids"]):
            text += (f" Flags on the total or the lines it is checked against: "
                     f"{_flag_words(str(total['flag_ids']).split(';'), loaded('quality_flags'))}.")
    p = _budget_parameters(b)
    if p is None:
        return text + "\n\nThe report prints no budget lines below the total."
    return text + "\n\n" + budget.summary_markdown(p).replace(f"**{b.region}**: ", "Below the total: ")


def budget_chart(b: Brief):
    p = _budget_parameters(b)
    return budget.budget_chart(p) if p is not None else _nothing("The report prints no budget lines.")


def office_totals_table(b: Brief):
    p = _budget_parameters(b) or budget.check(region=b.region, level="programme")
    return table_for_people(budget.office_totals_table(p))


def absorption_table(b: Brief):
    p = _budget_parameters(b)
    if p is None:
        return _nothing("The report prints no budget lines.")
    return table_for_people(budget.absorption_table(p))


# --- aid ---------------------------------------------------------------------------------------

def _aid(b: Brief) -> aid.AidParameters:
    return aid.check(region=b.region)


def aid_markdown(b: Brief) -> str:
    """What the report prints about aid in 2020 (plainly, when it prints none), and what the counts mean."""
    p = _aid(b)
    return aid.summary_markdown(p) + "\n\n" + aid.counts_markdown(p)


def aid_chart(b: Brief):
    return aid.beneficiaries_chart(_aid(b))


def aid_totals_table(b: Brief):
    return table_for_people(aid.totals_table(_aid(b)))


def not_aid_table(b: Brief):
    return table_for_people(aid.not_aid_table(_aid(b)))


# --- data quality ------------------------------------------------------------------------------

def quality_flags(b: Brief) -> pd.DataFrame:
    """Every quality flag on the report (quality_flags.csv rows of its file), by kind and line."""
    flags = loaded("quality_flags")
    mine = flags[flags["source_file"] == b.file]
    order = {k: n for n, k in enumerate(KINDS)}
    return (mine.assign(_kind=mine["kind"].astype(str).map(order).fillna(len(order)))
            .sort_values(["_kind", "source_line", "flag_id"], kind="stable").drop(columns="_kind")
            .reset_index(drop=True))


def _kind_counts(flags: pd.DataFrame) -> dict[str, int]:
    return {str(k): int(n) for k, n in flags["kind"].astype(str).value_counts(sort=False).items() if n}


def quality_summary_markdown(b: Brief) -> str:
    """How many flags the report has, of which kinds, and what the kinds mean."""
    flags = quality_flags(b)
    if flags.empty:
        return (f"The audit raises **no quality flag** on {b.file}: every figure it recomputes agrees with what "
                "the report prints.")
    counts = _kind_counts(flags)
    kinds = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())
    text = (f"The audit raises **{len(flags)} quality flag{'s' if len(flags) > 1 else ''}** on {b.file}: {kinds}. "
            "The values stay as printed in the data; a flag says what a check found, not which value is right.")
    return text + "\n\n" + "\n".join(f"- **{kind.replace('_', ' ')}**: {KINDS.get(kind, kind)}." for kind in counts)


def _md(text: Any) -> str:
    """Report text inside markdown: its * _ ` [ ] < > # | ~ are literal."""
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", str(text))


def quality_markdown(b: Brief) -> str:
    """Every flag of the report, grouped by kind, each with its lines, check, subject and finding."""
    flags = quality_flags(b)
    if flags.empty:
        return "Nothing to list."
    parts = []
    for kind, group in flags.groupby(flags["kind"].astype(str), sort=False):
        parts.append(f"#### {kind.replace('_', ' ').capitalize()}: {len(group)} flag{'s' if len(group) > 1 else ''}")
        for _, f in group.iterrows():
            lines = [n for n in _lines_of(f["lines"]) if n != int(f["source_line"])]
            also = f" (with line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})" if lines else ""
            check = str(f["check"])
            parts.append(f"- **{b.file} line {int(f['source_line'])}**{also}, check `{check}` "
                         f"({_md(CHECK_TITLES.get(check, check))}): {_md(f['subject'])}: {_md(f['detail'])}. "
                         f"Flag `{f['flag_id']}`.")
        parts.append("")
    return "\n".join(parts).strip()


# --- sources -----------------------------------------------------------------------------------

def _span(numbers: Iterable[int]) -> str:
    return ", ".join(map(str, sorted(set(numbers)))) or DASH


def sources_markdown(b: Brief) -> str:
    """The report (file, office, checksum) and its lines cited above, BPS's releases, the reference files."""
    out = [f"- {line}" for line in report_sources([b.file])]
    cited = {"headline indicators": [n for t in _headline(b)["lines"] for n in _lines_of(t)]}
    trend = _trend_choice(b)
    if trend is not None:
        rows = pmks.coverage(trend)
        cited["series over the years"] = [int(re.findall(r"\d+", s)[-1]) for s in rows["source"]]
    total, p = _total(b), _budget_parameters(b)
    budget_lines = [int(total["source_line"])] if total is not None else []
    if p is not None:
        lines = budget.budget_lines(p)
        budget_lines += [n for t in (lines["lines"] if len(lines) else []) for n in _lines_of(t)]
    cited["budget"] = budget_lines
    cited["aid"] = [n for t in aid.aid_rows(_aid(b))["lines"] for n in _lines_of(t)]
    cited["quality flags"] = [n for t in quality_flags(b)["lines"] for n in _lines_of(t)]
    out.append(f"- Lines of `{b.file}` cited in this brief: "
               + "; ".join(f"{what}: {_span(lines)}" for what, lines in cited.items() if lines) + ".")
    choice = _poverty_choice(b)
    if choice is not None:
        bps = pd.concat([poverty.bps_rates(choice), poverty.province_rates(choice)])
        for source, rows in bps.groupby("source", sort=False):
            years = ", ".join(map(str, sorted(rows["period"].astype(int).unique())))
            out.append(f"- {source} ({', '.join(dict.fromkeys(rows['region']))}: {years})")
    out.append("- Files: `data/clean/headline_indicators.csv`, `budget_totals.csv`, `budget.csv`, "
               "`aid_by_programme.csv` and `quality_flags.csv` (`lkjip build`); BPS poverty rates "
               "`data/reference/poverty_rates.csv`, national 2020 aid amounts `data/reference/aid_rules_2020.csv`, "
               "official names `data/reference/regions.csv`.")
    return "\n".join(out)
