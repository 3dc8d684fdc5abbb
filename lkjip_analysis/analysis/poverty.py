"""Poverty rate: BPS's share of people below the poverty line in the four regions, with East
Java (Provinsi Jawa Timur) as a reference line, over the years data/reference/poverty_rates.csv
holds; a year BPS's figure was not found for stays a gap.

Sumenep's report prints its own poverty rate (2018-2020) and a target for 2020: they are laid
over BPS's line and checked against it. Beside them, the counts the reports give (PMKS, the
people or households reached) and BPS's number of poor people: different things, counted in
persons or households, never one series.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from ..datasets.load import categories_as_strings
from ..reference.indicators import reference
from ..text.precision import half_unit
from .charts import flag_notes, overlay_points, prepare, reference_source, time_series
from .formatting import format_number, format_percent
from .lookup import full_name, loaded, printed_on, report_sources
from .parameters import choose_many, from_text, year_range

INDICATOR = "pmks_reached_pct"  # the counts behind this share are shown beside the poverty rate
POVERTY = "poverty_rate_pct"
PROVINCE_TYPE = "provinsi"
REPORT_MEASURES = ("realisation", "target")
REPORT_LABELS = {"realisation": "report: realisation", "target": "report: target"}
COUNT_COLUMNS = {"numerator": "PMKS reached (report)", "denominator": "PMKS registered (report)"}


@dataclass(frozen=True)
class Choice:
    """The checked parameters: short region names and the (first, last) year."""

    regions: tuple[str, ...]
    years: tuple[int, int]


@functools.cache
def _rates() -> pd.DataFrame:
    frame = loaded("poverty_rates")
    return categories_as_strings(frame)


@functools.cache
def _headline() -> pd.DataFrame:
    frame = loaded("headline_indicators")
    frame = categories_as_strings(frame)
    return frame[frame["period"].notna() & frame["period"].le(frame["report_year"])]


def region_choices() -> list[str]:
    """The regions (not the province) with a BPS poverty rate, in regions.csv's order."""
    regions = loaded("regions")
    local = regions.loc[regions["region_type"].astype(str) != PROVINCE_TYPE, "region"].astype(str)
    have = set(_rates()["region"])
    return [r for r in local if r in have]


def check(region: Any = "all", years: Sequence[int] | None = None) -> Choice:
    """Validate the notebook's parameters before anything is drawn; ParameterError lists the choices.

    ``region``: "all", one region or a list; ``years``: (first, last) or None for every year."""
    regions = choose_many("region", from_text(region), region_choices())
    rates = _rates()
    first, last = year_range("years", from_text(years), rates.loc[rates["region"].isin(regions), "year"])
    return Choice(tuple(regions), (first, last))


# --- data --------------------------------------------------------------------------------------

def _bps(regions: Sequence[str], years: tuple[int, int]) -> pd.DataFrame:
    rates = _rates()
    rows = rates[rates["region"].isin(regions) & rates["year"].between(*years)]
    rows = rows.assign(region=rows["region"].map(full_name), period=rows["year"], value=rows["poverty_rate_pct"],
                       unit="percent", value_raw=rows["poverty_rate_pct"].map(lambda v: f"{v:.2f}"))
    return prepare(rows, source=reference_source(rows), keep=("poor_people",))


def bps_rates(choice: Choice) -> pd.DataFrame:
    """BPS's poverty rate per region and year (official names), each with its BPS source."""
    return _bps(choice.regions, choice.years)


def province_rates(choice: Choice) -> pd.DataFrame:
    """East Java's rate, the reference line."""
    province = _rates().loc[_rates()["region_type"] == PROVINCE_TYPE, "region"].unique().tolist()
    return _bps(province, choice.years)


def report_rates(choice: Choice) -> pd.DataFrame:
    """The poverty rates and targets the reports print (headline_indicators.csv), with their lines."""
    rows = _headline()
    rows = rows[(rows["indicator_id"] == POVERTY) & rows["region"].isin(choice.regions)
                & rows["measure"].isin(REPORT_MEASURES) & rows["period"].between(*choice.years)]
    rows = rows.assign(region=rows["region"].map(full_name), printed=rows["measure"].map(REPORT_LABELS))
    return prepare(rows, keep=("printed", "lines", "source_file"))


def poverty_chart(choice: Choice) -> alt.LayerChart:
    """BPS's rate per region (gaps stay gaps), East Java dashed, the reports' own figures as
    hollow marks over it."""
    province = province_rates(choice)
    chart = time_series(bps_rates(choice), what="Poverty rate (BPS, March)", unit="percent",
                        reference=province, reference_label=full_name(province_name()) + " (East Java)",
                        years=list(range(choice.years[0], choice.years[1] + 1)))
    printed = report_rates(choice)
    subtitle = ["A break in a line: no BPS figure found for that year."]
    if len(province):
        subtitle.insert(0, f"Dashed grey line: {full_name(province_name())} (East Java).")
    if len(printed):
        chart = chart + overlay_points(printed, shape="printed", shape_title="printed in the report")
        subtitle.append("Hollow marks: the figures the reports print themselves.")
    return chart.properties(title=alt.TitleParams("Poverty rate (BPS, March)", subtitle=subtitle))


def province_name() -> str:
    return str(_rates().loc[_rates()["region_type"] == PROVINCE_TYPE, "region"].iloc[0])


# --- tables ------------------------------------------------------------------------------------

def comparison(choice: Choice) -> pd.DataFrame:
    """Each rate a report prints beside BPS's for that region and year: the difference, and whether
    they agree (equal at the precision the report printed)."""
    printed = _headline()
    printed = printed[(printed["indicator_id"] == POVERTY) & printed["region"].isin(choice.regions)
                      & (printed["measure"] == "realisation") & printed["period"].between(*choice.years)]
    bps = _rates()[["region", "year", "poverty_rate_pct", "quoted_by", "source"]]
    both = printed.merge(bps, left_on=["region", "period"], right_on=["region", "year"], how="left")
    difference = both["value"] - both["poverty_rate_pct"]
    tolerance = [half_unit(raw, v) + 1e-9 for raw, v in zip(both["value_raw"], both["value"], strict=True)]
    agrees = [None if pd.isna(d) else bool(abs(d) <= t) for d, t in zip(difference, tolerance, strict=True)]
    return both.assign(difference=difference, agrees=agrees)


def comparison_table(choice: Choice) -> pd.DataFrame:
    """Report against BPS, for people: the figure, its lines, BPS's figure and source, the difference."""
    both = comparison(choice)
    return pd.DataFrame({
        "Region": both["region"].map(full_name),
        "Year": both["period"].astype(int),
        "Report": [format_percent(v, r) for v, r in zip(both["value"], both["value_raw"], strict=True)],
        "Printed on": [printed_on(f, n) for f, n in zip(both["source_file"], both["lines"], strict=True)],
        "BPS": both["poverty_rate_pct"].map(lambda v: format_percent(v, f"{v:.2f}") if not pd.isna(v) else "\u2013"),
        "Difference (points)": both["difference"].map(lambda d: "\u2013" if pd.isna(d) else format_number(d, 2)),
        "BPS source": ("BPS, quoted by " + both["quoted_by"] + ": " + both["source"]).fillna("not found"),
    })


def _count_rows(choice: Choice) -> pd.DataFrame:
    """The PMKS counts the reports print: the share's numerator and denominator, the PMKS total."""
    rows = _headline()
    return rows[rows["region"].isin(choice.regions) & rows["period"].between(*choice.years)
                & (((rows["indicator_id"] == INDICATOR) & rows["measure"].isin(list(COUNT_COLUMNS)))
                   | ((rows["indicator_id"] == "pmks_total") & (rows["measure"] == "realisation")))]


def counts_table(choice: Choice) -> pd.DataFrame:
    """Per region and year a report prints counts for: BPS's poor people beside the PMKS counts
    (all registered, reached) the report gives, each in what it counts, with lines and sources."""
    rows = _count_rows(choice)
    rates = _rates().set_index(["region", "year"])
    out = []
    for (region, period), group in rows.groupby(["region", "period"], sort=False):
        counts = {}
        for _, r in group.iterrows():
            column = COUNT_COLUMNS.get(r["measure"], "PMKS registered (report)")
            if column in counts:  # Sumenep's PMKS total is its share's denominator, printed again
                continue
            basis = r["basis"] if not pd.isna(r["basis"]) else r["unit"]
            counts[column] = (f"{format_number(r['value'])} {basis} "
                              f"({printed_on(r['source_file'], r['lines'])})")
        bps = rates.loc[(region, period)] if (region, period) in rates.index else None
        poor = None if bps is None or pd.isna(bps["poor_people"]) else bps["poor_people"]
        out.append({
            "Region": full_name(region),
            "Year": int(period),
            "Poor people (BPS)": "\u2013" if poor is None else f"{format_number(poor)} persons",
            **{c: counts.get(c, "\u2013") for c in COUNT_COLUMNS.values()},
            "BPS source": "not published" if poor is None else f"BPS, quoted by {bps['quoted_by']}: {bps['source']}",
            "_order": (choice.regions.index(region), int(period)),
        })
    if not out:
        return pd.DataFrame(columns=["Region", "Year", "Poor people (BPS)", *COUNT_COLUMNS.values(), "BPS source"])
    return pd.DataFrame(out).sort_values("_order").drop(columns="_order").reset_index(drop=True)


def flags_table(choice: Choice) -> pd.DataFrame:
    """The audit's flags on the poverty figures the reports print (BPS's own figures carry none)."""
    rows = _headline()
    rows = rows[(rows["indicator_id"] == POVERTY) & rows["region"].isin(choice.regions)
                & rows["period"].between(*choice.years)]
    return flag_notes(rows, loaded("quality_flags"))


# --- prose -------------------------------------------------------------------------------------

def agreement_markdown(choice: Choice) -> str:
    """Whether each report's own poverty rates agree with BPS's, and how its target fared."""
    both = comparison(choice)
    parts = []
    for region, group in both.groupby("region", sort=False):
        name = full_name(region)
        figures = ", ".join(f"{int(p)}: {format_percent(v, r)}"
                            for p, v, r in zip(group["period"], group["value"], group["value_raw"], strict=True))
        checked = group[group["agrees"].notna()]
        if checked.empty:
            parts.append(f"{name}'s report prints {figures}; BPS's figures for those years were not found.")
        elif checked["agrees"].all() and len(checked) == len(group):
            parts.append(f"{name}'s report and BPS agree on every year the report prints ({figures}): "
                         "the report's figures are BPS's, to the hundredth of a point.")
        else:
            off = checked[~checked["agrees"].astype(bool)]
            wrong = ", ".join(f"{int(p)} ({format_number(d, 2)} points)" for p, d in zip(off["period"],
                                                                                         off["difference"],
                                                                                         strict=True))
            parts.append(f"{name}'s report ({figures}) differs from BPS in {wrong or 'no checked year'}"
                         f"{'' if len(checked) == len(group) else '; some years have no BPS figure'}.")
    parts.extend(_targets(choice))
    silent = [full_name(r) for r in choice.regions if r not in set(both["region"])]
    if silent:
        names = " and ".join([", ".join(silent[:-1]), silent[-1]] if len(silent) > 1 else silent)
        parts.append(f"The report{'s' if len(silent) > 1 else ''} of {names} print{'' if len(silent) > 1 else 's'} "
                     "no poverty rate: only BPS's figures are shown.")
    return "\n\n".join(parts)


def _targets_rows(choice: Choice) -> pd.DataFrame:
    rows = _headline()
    return rows[(rows["indicator_id"] == POVERTY) & rows["region"].isin(choice.regions)
                & (rows["measure"] == "target") & rows["period"].between(*choice.years)]


def _targets(choice: Choice) -> list[str]:
    """A report's poverty target against BPS's figure for that year (lower is better)."""
    targets = _targets_rows(choice)
    lower = reference().set_index("indicator_id").loc[POVERTY, "direction"] == "lower"
    rates = _rates().set_index(["region", "year"])["poverty_rate_pct"]
    out = []
    for _, t in targets.iterrows():
        text = (f"{full_name(t['region'])}'s target for {int(t['period'])} was "
                f"{format_percent(t['value'], t['value_raw'])} ({printed_on(t['source_file'], t['lines'])})")
        key = (t["region"], t["period"])
        if key in rates.index:
            bps = rates.loc[key]
            met = bps <= t["value"] if lower else bps >= t["value"]
            text += (f"; BPS measured {format_percent(bps, f'{bps:.2f}')}, so the target was "
                     f"{'met' if met else 'missed'} ({'lower' if lower else 'higher'} is better)")
        out.append(text + ".")
    return out


def counts_markdown(choice: Choice) -> str:
    """What the counts beside the rate can and cannot be compared with."""
    table = counts_table(choice)
    if table.empty:
        return "The reports print no PMKS counts for these regions and years."
    return ("BPS counts poor people (persons below the poverty line). The reports count PMKS, people with "
            "any of the social-welfare problems the ministry lists (poverty among them, but also disability, "
            "neglect, disaster victims ...), and the ones their office reached, some in persons and some in "
            "households (KK, KPM). The columns are not shares of each other and the regions are not "
            "comparable: read each count with what it counts.")


def sources_markdown(choice: Choice) -> str:
    """The BPS releases behind each point, and the reports the printed figures come from."""
    rates = _rates()
    used = rates[(rates["region"].isin(choice.regions) | (rates["region_type"] == PROVINCE_TYPE))
                 & rates["year"].between(*choice.years)]
    bps = (used.groupby(["quoted_by", "source"], sort=False)
           .agg(regions=("region", lambda r: ", ".join(dict.fromkeys(map(full_name, r)))),
                years=("year", lambda y: ", ".join(map(str, sorted(set(y))))))
           .reset_index())
    lines = [f"- BPS, quoted by {r.quoted_by} ({r.regions}: {r.years}): {r.source}" for r in bps.itertuples()]
    files = [*comparison(choice)["source_file"], *_targets_rows(choice)["source_file"],
             *_count_rows(choice)["source_file"]]
    lines += [f"- {line}" for line in report_sources(files)]
    lines.append("- BPS figures: `data/reference/poverty_rates.csv` (its README says how they were gathered); "
                 "official names: `data/reference/regions.csv`; the reports' figures: "
                 "`data/clean/headline_indicators.csv`, flags: `data/clean/quality_flags.csv`.")
    return "\n".join(lines)


def levels_markdown(choice: Choice) -> str:
    """Each region's rate against East Java's, in the last year both are published."""
    bps, province = bps_rates(choice), province_rates(choice)
    common = sorted(set(bps["period"]) & set(province["period"]))
    if not common:
        return "BPS's figure for East Java is not available for these years, so no region is set against it."
    year = common[-1]
    east = province.loc[province["period"] == year].iloc[0]
    parts = []
    order = {full_name(r): i for i, r in enumerate(choice.regions)}
    rows = bps[bps["period"] == year].sort_values("region", key=lambda names: names.map(order))
    for _, row in rows.iterrows():
        ratio = row["value"] / east["value"]
        parts.append(f"{row['region']} {row['label']} ({format_number(ratio, 1)} times East Java's)")
    return (f"The poverty rate follows one national standard (BPS's poverty line), so unlike the reports' own "
            f"indicators the regions can be set side by side. In {int(year)}, the last year with East Java's "
            f"figure ({east['label']}): {'; '.join(parts) or 'no figure for the regions chosen'}.")
