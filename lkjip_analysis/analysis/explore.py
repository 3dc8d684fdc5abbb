"""The explorer notebook (``notebooks/explore.ipynb``): choose a dataset, a region and an item
(an indicator, a programme, a year, a budget level or a measure); the chart and the table below
it follow.

Each dataset is a ``View``: which regions it has, which items a region has, and the tidy rows of
one (region, item), one row per value with its unit, its source and its flags. ``Explorer``
holds three dropdowns wired so that the region's and the item's options follow the dataset and
the region; ``state()``, ``data()``, ``chart()``, ``table()`` and ``notes()`` give what the
current choice shows, so a test (or an analyst) can drive the widgets in code.

``show()`` displays the dropdowns, then the chart, the table and the notes as ordinary outputs
with display ids, which the observers update in place. So a headless run (papermill, the HTML
briefs, which drop widget views) still holds the default chart and table, drawn by
``lkjip_analysis.render``'s renderer, and a live notebook shows them only once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

import altair as alt
import pandas as pd

from ..datasets.flags import flags_for
from ..datasets.load import load
from .charts import (
    FLAG_COLOUR,
    PAGE_WIDTH,
    REALISATION_COLOUR,
    RUPIAH_AXIS_UNIT,
    TARGET_COLOUR,
    amount_tooltip,
    drawn_in_miliar,
    flag_marker,
    flag_notes,
    prepare,
    reference_source,
    target_vs_realisation,
    time_series,
)
from .formatting import axis_title, format_percent, format_rupiah
from .parameters import ParameterError, choose

JUTA = 1e6
REFERENCE_REGION = "Jawa Timur"  # the province: a reference line, not a region of the reports


@cache
def _file(name: str) -> pd.DataFrame:
    """A clean or reference file, read once per kernel (the explorer re-reads on every change)."""
    return load(name)


def _line_of(value_id: Any) -> int | None:
    """The report line a value id names (``blitar_2020-L143-8458c95b`` -> 143)."""
    found = re.search(r"-L(\d+)-", str(value_id)) if not pd.isna(value_id) else None
    return int(found.group(1)) if found else None


def _text(value: Any) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _with_flags(rows: list[dict]) -> pd.DataFrame:
    """Long rows (one value each, with its ``value_id`` when it has one) with ``flagged``/``flag_ids``."""
    frame = pd.DataFrame(rows)
    frame["value_id"] = frame["value_id"].astype("string")
    flagged = flags_for(frame.assign(value_id=frame["value_id"].fillna("")), _file("quality_flags"))
    return frame.assign(flagged=flagged["flagged"].fillna(False).astype(bool), flag_ids=flagged["flag_ids"])


def _measure(name: Any) -> str:
    return _text(name).replace("_pct", " (%)").replace("_", " ")


@dataclass(frozen=True)
class View:
    """One dataset of the explorer: its regions, a region's items, and the rows of one item."""

    name: str
    title: str  # the dataset dropdown's label
    item_title: str  # what an item is: indicator, programme ...
    regions: Callable[[], list[str]]
    items: Callable[[str], list[tuple[str, str]]]  # (label, value) pairs for the item dropdown
    rows: Callable[[str, str], pd.DataFrame]  # tidy rows: measure, period, value, unit, value_raw, source ...
    chart: Callable[[pd.DataFrame, str], alt.TopLevelMixin]  # rows, item label -> chart
    table: Callable[[pd.DataFrame], pd.DataFrame]
    notes: Callable[[pd.DataFrame, str, str], str]  # rows, region, item -> markdown
    # the item shown when none is named (item None, or this dataset chosen in the dropdown), where
    # the region has it; otherwise (and when None) the region's first item
    default_item: str | None = None

    def item_for(self, region: str) -> str:
        """The item shown for ``region`` when none is named: ``default_item`` if the region has it,
        else the region's first item."""
        items = [value for _, value in self.items(region)]
        return self.default_item if self.default_item in items else items[0]


# --- charts shared by the views ---------------------------------------------------------------

def measure_bars(rows: pd.DataFrame, *, what: str, category: str = "what") -> alt.VConcatChart:
    """One bar per value, labelled by ``category``; one panel per ``panel`` (default: per unit, so
    counts and rupiah never share an axis), flagged values ringed, tooltips naming each value's source."""
    panels = []
    shown = rows[rows["value"].notna()]
    panel = shown["panel"] if "panel" in shown else shown["unit"]
    for _, part in shown.groupby(panel, sort=False, dropna=False):
        unit = part["unit"].iloc[0]
        unit = None if pd.isna(unit) or unit == "" else str(unit)
        exact = []
        # Rupiah in miliar, as every notebook draws them; a panel of amounts all below Rp 1 juta
        # (an aid amount per beneficiary, Rp 100.000-600.000) keeps whole rupiah: its axis already
        # reads "200.000", in miliar it would read "0,0002"
        if unit == "rupiah" and part["value"].abs().max() >= JUTA:
            part, unit = drawn_in_miliar(part), RUPIAH_AXIS_UNIT
            exact = [amount_tooltip()]
        y = alt.Y(f"{category}:N", title=None, sort=None, axis=alt.Axis(labelLimit=260))
        x = alt.X("value:Q", title=axis_title("value", unit))
        bars = (alt.Chart().mark_bar(color=REALISATION_COLOUR)
                .encode(y=y, x=x, tooltip=[alt.Tooltip(f"{category}:N", title="what"),
                                           alt.Tooltip("label:N", title="value"), *exact,
                                           alt.Tooltip("source:N", title="source")]))
        panels.append(alt.layer(bars, flag_marker(x, y), data=part)
                      .properties(width=PAGE_WIDTH - 320, height=max(40, 26 * part[category].nunique())))
    if not panels:  # nothing printed: an empty chart that says so
        panels.append(alt.Chart(pd.DataFrame({"text": ["no values printed"]})).mark_text().encode(text="text:N"))
    return alt.vconcat(*panels).properties(title=what)


def grouped_bars(rows: pd.DataFrame, *, what: str) -> alt.Chart:
    """Budget lines: the budget and the realisation of each line side by side (rupiah)."""
    shown = drawn_in_miliar(rows[rows["measure"].isin(["budget", "realised"]) & rows["value"].notna()])
    y = alt.Y("line:N", title=None, sort=None, axis=alt.Axis(labelLimit=280))
    x = alt.X("value:Q", title=axis_title(what, RUPIAH_AXIS_UNIT))
    bars = (alt.Chart().mark_bar()
            .encode(y=y, x=x, yOffset="measure:N",
                    color=alt.Color("measure:N", title=None,
                                    scale=alt.Scale(domain=["budget", "realised"],
                                                    range=[TARGET_COLOUR, REALISATION_COLOUR])),
                    tooltip=[alt.Tooltip("line:N"), alt.Tooltip("measure:N"), alt.Tooltip("label:N", title="value"),
                             amount_tooltip(), alt.Tooltip("source:N", title="source")]))
    rings = (alt.Chart().mark_point(shape="circle", size=160, filled=False, strokeWidth=2, color=FLAG_COLOUR)
             .encode(y=y, x=x, yOffset="measure:N", tooltip=[alt.Tooltip("flag_ids:N", title="quality flags"),
                                                              alt.Tooltip("source:N", title="source")])
             .transform_filter("datum.flagged"))
    height = max(60, 30 * max(1, shown["line"].nunique()))
    return alt.layer(bars, rings, data=shown).properties(width=PAGE_WIDTH - 340, height=height, title=what)


def _flags_markdown(rows: pd.DataFrame) -> str:
    notes = flag_notes(rows, _file("quality_flags"))
    if notes.empty:
        return "**Flagged values:** none of the values shown is flagged by the audit."
    lines = [f"- {n.where}: {n.check} check on {n.what}: {n.finding}" for n in notes.itertuples()]
    return "**Flagged values** (ringed in red):\n\n" + "\n".join(lines)


def _flag_count(flag_ids: Any) -> str:
    """'2 flags' for a table cell (the notes below the table list them with their lines)."""
    count = len([f for f in _text(flag_ids).split(";") if f])
    return "" if count == 0 else f"{count} flag" + ("s" if count > 1 else "")


def _people(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text ("" for missing), the way the table is read."""
    return frame.map(_text)


# --- headline indicators ----------------------------------------------------------------------

def _headline() -> pd.DataFrame:
    return _file("headline_indicators")


def _headline_regions() -> list[str]:
    return sorted(_headline()["region"].astype(str).unique())


def _headline_items(region: str) -> list[tuple[str, str]]:
    rows = _headline()[_headline()["region"] == region]
    names = rows.drop_duplicates("indicator_id").set_index("indicator_id")["indicator_name"]
    return [(f"{iid}: {names[iid]}", str(iid)) for iid in sorted(names.index.astype(str))]


def _headline_rows(region: str, item: str) -> pd.DataFrame:
    rows = _headline()
    rows = rows[(rows["region"] == region) & (rows["indicator_id"] == item)]
    rows = rows.sort_values(["period", "measure"], na_position="last", kind="stable")
    out = prepare(rows, keep=("indicator_name", "chosen_by", "lines", "caveat", "comparable"))
    out["what"] = [f"{_measure(m)} {p:.0f}" if not pd.isna(p) else _measure(m)
                   for m, p in zip(out["measure"], out["period"], strict=True)]
    return out.reset_index(drop=True)


def _headline_chart(rows: pd.DataFrame, label: str) -> alt.TopLevelMixin:
    what = rows["indicator_name"].iloc[0] if len(rows) else label
    paired = rows[rows["measure"].isin(["realisation", "target"]) & rows["value"].notna()
                  & rows["period"].notna()]
    if len(paired):
        unit = _text(paired["unit"].iloc[0]) or None
        return target_vs_realisation(paired, what=what, unit=unit, columns=1)
    return measure_bars(rows, what=what)


def _headline_table(rows: pd.DataFrame) -> pd.DataFrame:
    return _people(pd.DataFrame({
        "Year": [f"{p:.0f}" if not pd.isna(p) else "" for p in rows["period"]],
        "Measure": rows["measure"].map(_measure),
        "Value": rows["label"],
        "Printed as": rows["value_raw"],
        "Source": rows["source"],
        "Printed on lines": rows["lines"],
        "Chosen by": rows["chosen_by"],
        "Flags": rows["flag_ids"].map(_flag_count),
    }))


def _headline_notes(rows: pd.DataFrame, region: str, item: str) -> str:
    if rows.empty:
        return f"{region} prints no value for {item}."
    first = rows.iloc[0]
    text = f"**{first['indicator_name']}** (`{item}`), {region}: {len(rows)} values as chosen in " \
           "headline_indicators.csv (one per year and measure; the other printings are listed by line)."
    if first["caveat"]:
        comparable = "comparable" if first["comparable"] else "not comparable"
        text += f"\n\nAcross regions this indicator is {comparable}: {first['caveat']}"
    return text + "\n\n" + _flags_markdown(rows)


# --- aid by programme -------------------------------------------------------------------------

def _aid() -> pd.DataFrame:
    return _file("aid_by_programme")


def _aid_regions() -> list[str]:
    return list(dict.fromkeys(_aid()["region"].astype(str)))


def _aid_items(region: str) -> list[tuple[str, str]]:
    rows = _aid()[_aid()["region"] == region]
    return [(f"{p} ({_text(f) or 'funding not printed'})", str(p))
            for p, f in zip(rows["programme_id"], rows["funding_source"], strict=True)]


def _aid_rows(region: str, item: str) -> pd.DataFrame:
    aid = _aid()
    row = aid[(aid["region"] == region) & (aid["programme_id"] == item)].iloc[0]
    at = f"{row['source_file']} line "
    basis = _text(row["beneficiaries_basis"]) or _text(row["beneficiaries_unit"])
    per = f"per {_text(row['amount_per'])}" if _text(row["amount_per"]) else ""
    months = f" x {int(row['months'])} months" if not pd.isna(row["months"]) else ""
    values = [
        ("beneficiaries", row["beneficiaries"], basis, row["beneficiaries_raw"], row["beneficiaries_value_id"],
         at + str(_line_of(row["beneficiaries_value_id"]) or row["source_line"])),
        ("beneficiaries target", row["beneficiaries_target"], basis, None, None,
         f"{row['source_file']}, printed on lines {row['lines']}"),
        ("total printed", row["total_printed"], "rupiah", row["total_raw"], row["total_value_id"],
         at + str(_line_of(row["total_value_id"]) or row["source_line"])),
        ("total recomputed", row["total_recomputed"], "rupiah", None, None,
         f"beneficiaries x {format_rupiah(row['national_amount'])} {per}{months} "
         f"(aid_rules_2020.csv: {_text(row['national_rule'])})"),
        (f"amount per beneficiary {per}".strip(), row["amount_per_beneficiary"], "rupiah", None, None,
         at + str(row["source_line"]) if row["amount_origin"] == "printed" else _text(row["amount_origin"])),
    ]
    rows = [{"region": region, "programme_id": item, "period": row["year"], "what": what, "measure": what,
             "value": value, "unit": unit, "value_raw": raw, "value_id": value_id, "source": source,
             # the amount per beneficiary on its own axis: beside the totals it would be invisible
             "panel": "per beneficiary" if what.startswith("amount") else unit}
            for what, value, unit, raw, value_id, source in values if not pd.isna(value)]
    out = _with_flags(rows)
    out = prepare(out, source=out["source"], keep=("what", "panel"))
    out.attrs = {"note": _text(row["note"]), "basis": basis, "covid_response": _text(row["covid_response"]),
                 "programme": _text(row["programme"])}
    return out


def _aid_chart(rows: pd.DataFrame, label: str) -> alt.TopLevelMixin:
    return measure_bars(rows, what=f"{label}: beneficiaries and rupiah")


def _value_table(rows: pd.DataFrame) -> pd.DataFrame:
    return _people(pd.DataFrame({
        "What": rows["what"], "Value": rows["label"], "Printed as": rows["value_raw"], "Source": rows["source"],
        "Flags": rows["flag_ids"].map(_flag_count)}))


def _aid_notes(rows: pd.DataFrame, region: str, item: str) -> str:
    attrs = rows.attrs
    text = f"**{item}** ({attrs.get('programme', '')}), {region}, counted as **{attrs.get('basis', '')}**."
    if attrs.get("basis") == "household-months":
        text += (" A household-month is one household receiving one month's aid: the report's count is "
                 "monthly recipients summed over the year, not distinct households.")
    if attrs.get("covid_response"):
        text += f" Covid-19 response: {attrs['covid_response'].replace('_', ' ')}."
    return f"{text}\n\n{attrs.get('note', '')}\n\n{_flags_markdown(rows)}"


# --- budget totals ----------------------------------------------------------------------------

def _totals() -> pd.DataFrame:
    return _file("budget_totals")


def _totals_regions() -> list[str]:
    return sorted(_totals()["region"].astype(str).unique())


def _totals_items(region: str) -> list[tuple[str, str]]:
    rows = _totals()[_totals()["region"] == region]
    return [(f"{p} (report {y})", str(p)) for p, y in zip(rows["period"], rows["report_year"], strict=True)]


def _totals_rows(region: str, item: str) -> pd.DataFrame:
    totals = _totals()
    row = totals[(totals["region"] == region) & (totals["period"].astype(str) == item)].iloc[0]
    at = f"{row['source_file']} line "
    values = [
        ("budget", row["budget"], "rupiah", row["budget_value_id"]),
        ("realised", row["realised"], "rupiah", row["realised_value_id"]),
        ("absorption printed", row["absorption_pct_printed"], "percent", row["absorption_value_id"]),
        ("absorption recomputed", row["absorption_pct_recomputed"], "percent", None),
    ]
    rows = [{"region": region, "period": row["period"], "what": what, "measure": what, "value": value,
             "unit": unit, "value_raw": None, "value_id": value_id,
             "source": at + str(_line_of(value_id) or row["source_line"]) if value_id is not None
             else "recomputed: realised / budget"}
            for what, value, unit, value_id in values if not pd.isna(value)]
    out = _with_flags(rows)
    out = prepare(out, source=out["source"], keep=("what",))
    out.attrs = {"note": _text(row["note"]), "other_totals": _text(row["other_totals"]), "name": _text(row["name"])}
    return out


def _totals_chart(rows: pd.DataFrame, label: str) -> alt.TopLevelMixin:
    return measure_bars(rows, what=f"Office budget {label}")


def _totals_notes(rows: pd.DataFrame, region: str, item: str) -> str:
    attrs = rows.attrs
    text = f"**{region}, {item}**: the office total printed as '{attrs.get('name', '')}', {attrs.get('note', '')}."
    if attrs.get("other_totals"):
        text += f"\n\nOther printed totals: {attrs['other_totals']}."
    return f"{text}\n\n{_flags_markdown(rows)}"


# --- budget lines -----------------------------------------------------------------------------

BUDGET_MEASURES = ("budget", "realised", "absorption_pct")


def _budget() -> pd.DataFrame:
    return _file("budget")


def _budget_regions() -> list[str]:
    return sorted(_budget()["region"].astype(str).unique())


def _budget_items(region: str) -> list[tuple[str, str]]:
    rows = _budget()[(_budget()["region"] == region) & _budget()["measure"].isin(["budget", "realised"])]
    levels = list(dict.fromkeys(rows["level"].astype(str)))
    return [(level.replace("_", " "), level) for level in levels]


def _budget_rows(region: str, item: str) -> pd.DataFrame:
    """The lines of one level, each budget once: a budget restated in a later table
    (``restates``) is left out, its first printing kept."""
    budget = _budget()
    rows = budget[(budget["region"] == region) & (budget["level"] == item) & ~budget["restates"].fillna(False)
                  & budget["measure"].isin(BUDGET_MEASURES)]
    rows = flags_for(rows, _file("quality_flags"))
    key = rows["programme_key"].astype("string").fillna(rows["name"].astype("string"))
    first_name = rows.groupby(key, sort=False)["name"].transform("first").astype(str)
    several_years = rows["period"].nunique() > 1
    line = first_name + (" (" + rows["period"].astype(str) + ")" if several_years else "")
    out = prepare(rows.assign(line=line), keep=("line", "source_line"))
    out["what"] = out["line"] + ": " + out["measure"].map(_measure)
    return out.reset_index(drop=True)


def _budget_chart(rows: pd.DataFrame, label: str) -> alt.TopLevelMixin:
    return grouped_bars(rows, what=f"Budget and realisation by {label}")


def _budget_table(rows: pd.DataFrame) -> pd.DataFrame:
    lines = list(dict.fromkeys(rows["line"]))
    table = []
    for line in lines:
        part = rows[rows["line"] == line]
        labels = part.drop_duplicates("measure").set_index("measure")["label"]
        table.append({
            "Line": line,
            **{title: labels.get(m, "") for m, title in
               (("budget", "Budget"), ("realised", "Realised"), ("absorption_pct", "Absorption"))},
            "Source": "; ".join(dict.fromkeys(part["source"])),
            "Flags": _flag_count(";".join(f for f in part["flag_ids"] if f)),
        })
    return _people(pd.DataFrame(table, columns=["Line", "Budget", "Realised", "Absorption", "Source", "Flags"]))


def _budget_notes(rows: pd.DataFrame, region: str, item: str) -> str:
    text = (f"**{region}, budget lines at the {item.replace('_', ' ')} level**: {rows['line'].nunique()} lines "
            "from budget.csv. A budget that a later table prints again (restates) is shown once, from its "
            "first printing; the two printings of one programme are joined by programme key.")
    return f"{text}\n\n{_flags_markdown(rows)}"


# --- poverty rates (BPS, data/reference) ------------------------------------------------------

POVERTY_ITEMS = {"poverty_rate_pct": ("Poverty rate", "percent"), "poor_people": ("Poor people", "persons")}


def _poverty() -> pd.DataFrame:
    return _file("poverty_rates")


def _poverty_regions() -> list[str]:
    return sorted(r for r in _poverty()["region"].astype(str).unique() if r != REFERENCE_REGION)


def _poverty_items(region: str) -> list[tuple[str, str]]:
    rows = _poverty()[_poverty()["region"] == region]
    return [(f"{title} ({unit})", key) for key, (title, unit) in POVERTY_ITEMS.items() if rows[key].notna().any()]


def _poverty_frame(region: str, item: str) -> pd.DataFrame:
    rows = _poverty()
    rows = rows[(rows["region"] == region) & rows[item].notna()]
    unit = POVERTY_ITEMS[item][1]
    out = pd.DataFrame({"region": rows["region"].astype(str), "period": rows["year"].astype(int),
                        "measure": item, "value": rows[item].astype(float), "unit": unit,
                        "value_raw": None, "flagged": False})
    return prepare(out, source=reference_source(rows)).reset_index(drop=True)


def _poverty_rows(region: str, item: str) -> pd.DataFrame:
    out = _poverty_frame(region, item)
    out["what"] = out["period"].astype(str)
    return out


def _poverty_chart(rows: pd.DataFrame, label: str) -> alt.TopLevelMixin:
    item = rows["measure"].iloc[0]
    title, unit = POVERTY_ITEMS[item]
    reference = _poverty_frame(REFERENCE_REGION, item) if item == "poverty_rate_pct" else None
    years = range(int(rows["period"].min()), int(rows["period"].max()) + 1)
    return time_series(rows, what=title, unit=unit, reference=reference,
                       reference_label=f"{REFERENCE_REGION} (province)", years=years)


def _poverty_table(rows: pd.DataFrame) -> pd.DataFrame:
    return _people(pd.DataFrame({"Year": rows["period"], "Value": rows["label"], "Source": rows["source"]}))


def _poverty_notes(rows: pd.DataFrame, region: str, item: str) -> str:
    years = sorted(rows["period"])
    gaps = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    text = (f"**{region}**: {POVERTY_ITEMS[item][0].lower()} as BPS published it, quoted "
            f"by the sources named in data/reference/poverty_rates.csv; {len(years)} years.")
    if gaps:
        text += f" No figure found for {', '.join(map(str, gaps))}: those years stay gaps, nothing is interpolated."
    if item == "poverty_rate_pct":
        east_java = _poverty_frame(REFERENCE_REGION, item)
        text += (f" The dashed line is {REFERENCE_REGION} province ("
                 + ", ".join(f"{p}: {format_percent(v)}" for p, v in zip(east_java["period"], east_java["value"],
                                                                         strict=True)) + ").")
    return text + "\n\nNo reference figure is audited: quality_flags.csv covers the reports only."


VIEWS: dict[str, View] = {view.name: view for view in (
    View("headline_indicators", "Headline indicators (reports)", "Indicator", _headline_regions, _headline_items,
         _headline_rows, _headline_chart, _headline_table, _headline_notes, default_item="pmks_reached_pct"),
    View("aid_by_programme", "Aid by programme, 2020 (reports)", "Programme", _aid_regions, _aid_items,
         _aid_rows, _aid_chart, _value_table, _aid_notes),
    View("budget_totals", "Office budget totals (reports)", "Year", _totals_regions, _totals_items,
         _totals_rows, _totals_chart, _value_table, _totals_notes),
    View("budget_lines", "Budget lines by level (reports)", "Level", _budget_regions, _budget_items,
         _budget_rows, _budget_chart, _budget_table, _budget_notes, default_item="programme"),
    View("poverty_rates", "Poverty rates (BPS, reference)", "Measure", _poverty_regions, _poverty_items,
         _poverty_rows, _poverty_chart, _poverty_table, _poverty_notes),
)}
# region None: the dataset's first region (in manifest order), so no region is written into code;
# item None: the dataset's default item for that region (View.item_for), so choosing another
# dataset alone never leaves an item that dataset does not have
DEFAULTS = {"dataset": "headline_indicators", "region": None, "item": None}


def _default_region(view: View, region: str | None) -> str:
    regions = view.regions()
    return region if region in regions else regions[0]


def check(dataset: str = DEFAULTS["dataset"], region: str | None = DEFAULTS["region"],
          item: str | int | None = DEFAULTS["item"]) -> dict[str, str]:
    """The explorer's parameters, each one of its choices (a ParameterError lists them).

    ``region`` None: the dataset's first region. ``item`` None: the dataset's default item for
    that region (``View.item_for``); an item named must be one of that dataset's and region's,
    even the default of another dataset. A year as an item may be given as a number (``2021``)."""
    choose("dataset", dataset, VIEWS)
    view = VIEWS[dataset]
    region = _default_region(view, None) if region is None else region
    choose(f"region (regions with {dataset})", region, view.regions())
    if item is None:
        return {"dataset": dataset, "region": region, "item": view.item_for(region)}
    try:
        choose(f"item ({view.item_title.lower()}s of {dataset} for {region})", str(item),
               [value for _, value in view.items(region)])
    except ParameterError as error:  # the usual slip: an item of another dataset kept with a new dataset
        raise ParameterError(f"{error.message}; or leave item out (None): {dataset}'s default for {region} "
                             f"is {view.item_for(region)}") from None
    return {"dataset": dataset, "region": region, "item": str(item)}


def _display(obj: Any, **kwargs: Any) -> Any:
    from IPython.display import display

    return display(obj, **kwargs)


class Explorer:
    """Three dropdowns (``dataset``, ``region``, ``item``) and what they show.

    Setting a dropdown's value in code does what a click does: the region's and the item's
    options follow (a region or item still valid is kept), and what ``show()`` displayed is redrawn.
    """

    def __init__(self, dataset: str = DEFAULTS["dataset"], region: str | None = DEFAULTS["region"],
                 item: str | int | None = DEFAULTS["item"]):
        import ipywidgets as widgets

        chosen = check(dataset, region, item)
        view = VIEWS[chosen["dataset"]]
        layout = widgets.Layout(width="560px")
        style = {"description_width": "90px"}
        self.dataset = widgets.Dropdown(options=[(v.title, k) for k, v in VIEWS.items()], value=chosen["dataset"],
                                        description="Dataset", layout=layout, style=style)
        self.region = widgets.Dropdown(options=view.regions(), value=chosen["region"], description="Region",
                                       layout=layout, style=style)
        self.item = widgets.Dropdown(options=view.items(chosen["region"]), value=chosen["item"],
                                     description=view.item_title, layout=layout, style=style)
        self.controls = widgets.VBox([self.dataset, self.region, self.item])
        self._handles: dict[str, Any] = {}
        self._quiet = False  # set while options are being replaced: one redraw per change
        self.dataset.observe(self._on_dataset, names="value")
        self.region.observe(self._on_region, names="value")
        self.item.observe(self._on_item, names="value")

    # what the current choice shows
    @property
    def view(self) -> View:
        return VIEWS[self.dataset.value]

    def state(self) -> dict[str, str]:
        return {"dataset": self.dataset.value, "region": self.region.value, "item": self.item.value}

    def item_label(self) -> str:
        return dict((v, k) for k, v in self.item.options)[self.item.value] if self.item.options else ""

    def data(self) -> pd.DataFrame:
        """The tidy rows behind the chart and the table: one value each, with unit, source and flags."""
        return self.view.rows(self.region.value, self.item.value)

    def chart(self) -> alt.TopLevelMixin:
        return self.view.chart(self.data(), self.item_label())

    def table(self) -> pd.DataFrame:
        """The table for people: readable column names, values formatted as text."""
        return self.view.table(self.data())

    def notes(self) -> str:
        """What the values are, their caveats and the flagged ones with their lines (markdown)."""
        return self.view.notes(self.data(), self.region.value, self.item.value)

    # display
    def _outputs(self) -> dict[str, Any]:
        from IPython.display import Markdown

        return {"chart": self.chart(), "table": self.table().style.hide(axis="index"),
                "notes": Markdown(self.notes())}

    def show(self) -> None:
        """The dropdowns, then the chart, the table and the notes (updated in place on every change)."""
        _display(self.controls)
        self._handles = {name: _display(obj, display_id=True) for name, obj in self._outputs().items()}

    def refresh(self) -> None:
        if self._handles:
            for name, obj in self._outputs().items():
                self._handles[name].update(obj)

    # observers
    @contextmanager
    def _quietly(self) -> Iterator[None]:
        self._quiet, was = True, self._quiet
        try:
            yield
        finally:
            self._quiet = was

    def _set_items(self, *, keep: bool) -> None:
        """The region's items; the item kept if ``keep`` and the region has it, else the dataset's
        default for the region (the rule ``check`` applies to item None)."""
        view, region = self.view, self.region.value
        values = [value for _, value in view.items(region)]
        item = self.item.value if keep and self.item.value in values else view.item_for(region)
        self.item.description = view.item_title
        self.item.options = view.items(region)
        self.item.value = item

    def _on_dataset(self, _change: dict) -> None:
        # a new dataset: its default item, as `check(dataset=...)` gives with no item named
        with self._quietly():
            region = _default_region(self.view, self.region.value)
            self.region.options = self.view.regions()
            self.region.value = region
            self._set_items(keep=False)
        self.refresh()

    def _on_region(self, _change: dict) -> None:
        # same dataset, another region: the item kept where the region has it too
        if self._quiet:
            return
        with self._quietly():
            self._set_items(keep=True)
        self.refresh()

    def _on_item(self, _change: dict) -> None:
        if not self._quiet:
            self.refresh()


def _default_text(view: View) -> str:
    """What item None shows for a dataset, in words."""
    what = view.item_title.lower()
    if view.default_item is None:
        return f"the region's first {what}"
    return f"`{view.default_item}` where the region has it, else its first {what}"


def explore_markdown() -> str:
    """The datasets the explorer offers and the item each shows when none is named, for the
    notebook's introduction."""
    def article(word: str) -> str:
        return ("an " if word[0] in "aeiou" else "a ") + word

    return "\n".join(f"- **{v.title}** (`{k}`): choose a region, then {article(v.item_title.lower())}; "
                      f"by default {_default_text(v)}."
                      for k, v in VIEWS.items())


