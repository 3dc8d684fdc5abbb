"""The charts the notebooks draw, in Altair. Every mark's tooltip names its source
(``blitar_2020.txt line 199``, or the BPS release for a reference figure); a value the audit
flags gets a red ring and is explained below the chart (``flag_notes``).

Each function takes a tidy frame with at least ``value``, ``label`` (the value formatted for
people) and ``source``; ``prepare`` adds the last two and ``flagged`` to a frame of the clean
files. Charts stay within an A4 page's width (``PAGE_WIDTH``).
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from .formatting import axis_title, format_rupiah_exact, format_value

PAGE_WIDTH = 640  # px: an A4 page at the briefs' print scale, margins included
FLAG_COLOUR = "#c0392b"
TARGET_COLOUR = "#2c3e50"
REALISATION_COLOUR = "#2e86c1"
REFERENCE_COLOUR = "#7f8c8d"
# Rupiah are drawn in miliar (10^9), every notebook alike: an axis of raw rupiah reads
# "20.000.000.000". The axis title names the unit (RUPIAH_AXIS_UNIT); the tooltip keeps the amount,
# rounded in ``label`` ("Rp 1,96 miliar") and in full in ``amount`` ("Rp 1.964.985.500").
MILIAR = 1e9
RUPIAH_AXIS_UNIT = "Rp miliar"


def in_miliar(rupiah: pd.Series) -> pd.Series:
    """Rupiah as drawn on an axis: ``6579168248`` -> ``6.579168248`` (Rp miliar)."""
    return rupiah.astype(float) / MILIAR


def drawn_in_miliar(rupiah: pd.DataFrame) -> pd.DataFrame:
    """Rupiah rows (``value`` in rupiah) as a chart draws them: ``value`` in miliar (the axis says
    "Rp miliar"), and ``amount``, the exact rupiah as printed in full for the tooltip (``label``
    rounds: "Rp 1,96 miliar"; ``amount_tooltip`` shows it)."""
    amount = pd.Series([format_rupiah_exact(v) for v in rupiah["value"]], index=rupiah.index, dtype=object)
    return rupiah.assign(value=in_miliar(rupiah["value"]), amount=amount)


def amount_tooltip() -> alt.Tooltip:
    """The tooltip field of ``drawn_in_miliar``'s exact amount: put it right after the rounded label."""
    return alt.Tooltip("amount:N", title="amount")


def report_source(frame: pd.DataFrame) -> pd.Series:
    """``blitar_2020.txt line 199`` for each row of a clean file."""
    return frame["source_file"].astype("string") + " line " + frame["source_line"].astype("Int64").astype("string")


def reference_source(frame: pd.DataFrame) -> pd.Series:
    """``BPS (Kepala BPS Sumenep): koranmadura.com/...`` for each row of a reference file."""
    quoted = frame["quoted_by"].astype("string") if "quoted_by" in frame else pd.Series("BPS", index=frame.index)
    return "BPS, quoted by " + quoted + ": " + frame["source"].astype("string")


# The columns a chart's data keeps (a chart embeds its data: long texts would bloat a brief).
CHART_COLUMNS = ("region", "period", "measure", "indicator_id", "programme_id", "name", "level", "value", "unit",
                 "value_raw", "label", "source", "flagged", "flag_ids", "funding_source", "covid_response", "basis")


def prepare(frame: pd.DataFrame, *, source: pd.Series | None = None, keep: Sequence[str] = ()) -> pd.DataFrame:
    """Plain columns Altair can serialise: ``label`` (the value for people), ``source``, ``flagged``,
    and of the others those in ``CHART_COLUMNS`` or ``keep``.

    ``flagged`` comes from a ``flag_ids`` column (headline files carry one) when there is no
    ``flagged`` column yet."""
    out = frame.copy()
    out["label"] = [format_value(v, u, r) for v, u, r in zip(
        out["value"], out.get("unit", pd.Series(None, index=out.index)),
        out.get("value_raw", pd.Series(None, index=out.index)), strict=True)]
    out["source"] = source if source is not None else report_source(out)
    if "flagged" not in out:
        out["flagged"] = out["flag_ids"].notna() if "flag_ids" in out else False
    out["flagged"] = out["flagged"].fillna(False).astype(bool)
    return _plain(out[[c for c in out.columns if c in CHART_COLUMNS or c in keep]])


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable pandas types and categories as plain strings/floats (what Vega-Lite's JSON wants).

    A missing text becomes "" (Altair turns a missing string into NaN under pandas 3, which is
    not JSON); a missing number stays NaN, which Altair writes as null."""
    out = {}
    for name, col in frame.items():
        if name == "flagged" or str(col.dtype) in ("bool", "boolean"):
            col = pd.Series([False if pd.isna(v) else bool(v) for v in col], index=col.index, dtype=bool)
        elif isinstance(col.dtype, pd.CategoricalDtype) or str(col.dtype) in ("string", "object", "str"):
            col = pd.Series(["" if pd.isna(v) else str(v) for v in col], index=col.index, dtype=object)
        elif str(col.dtype) in ("Int64", "Float64"):
            col = col.astype("float64")
        out[name] = col
    return pd.DataFrame(out, index=frame.index)


def _tooltip(*extra: alt.Tooltip) -> list[alt.Tooltip]:
    return [*extra, alt.Tooltip("label:N", title="value"), alt.Tooltip("source:N", title="source")]


def flag_marker(x: alt.X, y: alt.Y) -> alt.Chart:
    """Red rings on flagged values: a layer to put over any chart sharing its data."""
    return (alt.Chart().mark_point(shape="circle", size=220, filled=False, strokeWidth=2, color=FLAG_COLOUR)
            .encode(x=x, y=y, tooltip=_tooltip(alt.Tooltip("flag_ids:N", title="quality flags")))
            .transform_filter("datum.flagged"))


def target_vs_realisation(frame: pd.DataFrame, *, what: str, unit: str | None, facet: str = "region",
                          columns: int = 4, order: Sequence[str] | None = None) -> alt.FacetChart:
    """Realisation as bars, the target as a tick, per year; one panel per ``facet`` value, each on
    its own scale (regions that measure different things are never ranked on one axis). Panels
    follow ``order`` (the ``facet`` values), else their alphabetical order."""
    panels = max(1, frame[facet].nunique())
    width = max(120, min(300, PAGE_WIDTH // min(panels, columns) - 40))
    x = alt.X("period:O", title="year")
    y = alt.Y("value:Q", title=axis_title(what, unit))
    bars = (alt.Chart().mark_bar(color=REALISATION_COLOUR, opacity=0.85)
            .encode(x=x, y=y, tooltip=_tooltip(alt.Tooltip("period:O", title="year"),
                                               alt.Tooltip("measure:N")))
            .transform_filter("datum.measure == 'realisation'"))
    ticks = (alt.Chart().mark_tick(color=TARGET_COLOUR, thickness=3, size=28)
             .encode(x=x, y=y, tooltip=_tooltip(alt.Tooltip("period:O", title="year"), alt.Tooltip("measure:N")))
             .transform_filter("datum.measure == 'target'"))
    layered = alt.layer(bars, ticks, flag_marker(x, y), data=frame).properties(width=width, height=180)
    sort = list(order) if order is not None else "ascending"
    return (layered.facet(facet=alt.Facet(f"{facet}:N", title=None, sort=sort), columns=columns)
            .resolve_scale(x="independent", y="independent")
            .properties(title=f"{what}: realisation (bars) against target (tick)"))


def time_series(frame: pd.DataFrame, *, what: str, unit: str | None, colour: str = "region",
                reference: pd.DataFrame | None = None, reference_label: str = "reference",
                years: Sequence[int] | None = None) -> alt.LayerChart:
    """One line per ``colour`` value over the years; a missing year stays a gap (the line breaks,
    nothing is interpolated). ``reference`` (same columns) is drawn as a dashed grey line."""
    x = alt.X("period:O", title="year", sort="ascending")
    y = alt.Y("value:Q", title=axis_title(what, unit), scale=alt.Scale(zero=False))
    data = _with_gaps(frame, colour, years)
    lines = (alt.Chart(data).mark_line(point=False, invalid="break-paths-show-domains")
             .encode(x=x, y=y, color=alt.Color(f"{colour}:N", title=colour)))
    points = (alt.Chart(data).mark_point(filled=True, size=60)
              .encode(x=x, y=y, color=alt.Color(f"{colour}:N", title=colour),
                      tooltip=_tooltip(alt.Tooltip(f"{colour}:N"), alt.Tooltip("period:O", title="year")))
              .transform_filter("isValid(datum.value)"))
    rings = flag_marker(x, y).properties(data=data)
    layers = [lines, points, rings]
    if reference is not None and len(reference):
        ref = _with_gaps(reference.assign(**{colour: reference_label}), colour, years)
        layers.insert(0, alt.Chart(ref).mark_line(strokeDash=[6, 4], color=REFERENCE_COLOUR,
                                                  invalid="break-paths-show-domains")
                      .encode(x=x, y=y))
        layers.insert(1, alt.Chart(ref).mark_point(color=REFERENCE_COLOUR, size=40)
                      .encode(x=x, y=y, tooltip=_tooltip(alt.Tooltip(f"{colour}:N"),
                                                         alt.Tooltip("period:O", title="year")))
                      .transform_filter("isValid(datum.value)"))
    return alt.layer(*layers).properties(width=PAGE_WIDTH - 140, height=260, title=what)


def _with_gaps(frame: pd.DataFrame, colour: str, years: Sequence[int] | None) -> pd.DataFrame:
    """Every (series, year) pair present, with a missing value where nothing was published, so a
    line breaks instead of bridging the gap."""
    if frame.empty:
        return frame
    span = years or range(int(frame["period"].min()), int(frame["period"].max()) + 1)
    grid = pd.MultiIndex.from_product([frame[colour].dropna().unique(), list(span)], names=[colour, "period"])
    full = frame.set_index([colour, "period"]).reindex(grid).reset_index()
    if "flagged" not in full:
        full["flagged"] = False
    return _plain(full)


def bars_by_programme(frame: pd.DataFrame, *, value: str, what: str, unit: str | None, colour: str,
                      colour_title: str, label: str = "label") -> alt.Chart:
    """Horizontal bars, one per programme (``programme_id``), coloured by ``colour`` (funding
    source, covid response ...), flagged values ringed. A frame ``drawn_in_miliar`` has its
    exact ``amount`` in the tooltip, after the rounded ``label``."""
    # Layers share the y scale, and a unioned domain sorts only by count, min or max ("-x" is dropped).
    y = alt.Y("programme_id:N", title=None, axis=alt.Axis(labelLimit=260),
              sort=alt.EncodingSortField(field=value, op="max", order="descending"))
    x = alt.X(f"{value}:Q", title=axis_title(what, unit))
    bars = (alt.Chart().mark_bar()
            .encode(y=y, x=x, color=alt.Color(f"{colour}:N", title=colour_title),
                    tooltip=[alt.Tooltip("programme_id:N", title="programme"), alt.Tooltip(f"{colour}:N"),
                             alt.Tooltip(f"{label}:N", title=what),
                             *([amount_tooltip()] if "amount" in frame else []),
                             alt.Tooltip("source:N", title="source")]))
    rings = (alt.Chart().mark_point(shape="circle", size=220, filled=False, strokeWidth=2, color=FLAG_COLOUR)
             .encode(y=y, x=x, tooltip=[alt.Tooltip("flag_ids:N", title="quality flags"),
                                        alt.Tooltip("source:N", title="source")])
             .transform_filter("datum.flagged"))
    height = max(120, 24 * frame["programme_id"].nunique())
    return alt.layer(bars, rings, data=frame).properties(width=PAGE_WIDTH - 300, height=height, title=what)


def flag_notes(frame: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """The flags behind a chart's red rings, one row each: where the value is printed, what the
    check found. ``frame`` needs ``flag_ids``; ``flags`` is ``load("quality_flags")``."""
    ids = sorted({i for ids in frame.get("flag_ids", pd.Series(dtype=object)).dropna() for i in str(ids).split(";")})
    found = flags[flags["flag_id"].isin(ids)]
    return pd.DataFrame({
        "where": report_source(found).to_numpy(),
        "check": found["check"].astype(str).to_numpy(),
        "what": found["subject"].astype(str).to_numpy(),
        "finding": found["detail"].astype(str).to_numpy(),
        "flag_id": found["flag_id"].astype(str).to_numpy(),
    })


def overlay_points(frame: pd.DataFrame, *, shape: str, shape_title: str, colour: str = "region") -> alt.LayerChart:
    """Hollow marks to lay over a ``time_series`` (``chart + overlay_points(...)``): a report's own
    printings over an outside series, one shape per ``shape`` value, in the colour of their
    series, with tooltips naming their source and red rings on flagged values."""
    x = alt.X("period:O", title="year", sort="ascending")
    y = alt.Y("value:Q")
    points = (alt.Chart(frame).mark_point(filled=False, size=180, strokeWidth=2)
              .encode(x=x, y=y, color=alt.Color(f"{colour}:N", title=colour),
                      shape=alt.Shape(f"{shape}:N", title=shape_title,
                                      scale=alt.Scale(range=["diamond", "triangle-down", "square", "cross"])),
                      tooltip=_tooltip(alt.Tooltip(f"{colour}:N"), alt.Tooltip("period:O", title="year"),
                                       alt.Tooltip(f"{shape}:N", title=shape_title))))
    return alt.layer(points, flag_marker(x, y).properties(data=frame))
