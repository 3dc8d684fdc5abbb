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
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from ..audit.common import fmt, is_missing
from ..datasets.flags import flag_ids_by_value
from ..datasets.load import categories_as_strings
from ..datasets.schema import BASES, DATASETS, HEADLINE_INDICATORS, INDICATOR_MEASURES, Dataset
from ..datasets.validate import typed
from ..errors import LkjipError
from ..recipes.vocabulary import Recipe
from ..reference.indicators import ids_with_role, reference
from ..text.precision import decimals, disagrees, half_unit, interval

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

# The columns of indicators.csv a printing keeps, read as typed() types them: text (empty -> None),
# whole numbers, numbers.
TEXT, WHOLE, NUMBER = str, int, float
PRINTED = {"value_id": TEXT, "region": TEXT, "report_year": WHOLE, "source_file": TEXT, "source_line": WHOLE,
           "table_id": TEXT, "indicator_id": TEXT, "period": WHOLE, "measure": TEXT, "value": NUMBER,
           "unit": TEXT, "value_raw": TEXT, "missing_reason": TEXT, "target_origin": TEXT}
# What a headline row takes from its chosen printing.
CHOSEN = ("value_id", "region", "report_year", "source_file", "source_line", "table_id", "indicator_id", "period",
          "measure", "value", "unit", "value_raw", "missing_reason")
_chosen_fields = attrgetter(*CHOSEN)


@dataclass(slots=True)
class Printing:
    """One printing of a canonical indicator (a row of indicators.csv), with its reading."""
    value_id: str | None
    region: str | None
    report_year: int | None
    source_file: str | None
    source_line: int | None
    table_id: str | None
    indicator_id: str | None
    period: int | None
    measure: str | None
    value: float | None
    unit: str | None
    value_raw: str | None
    missing_reason: str | None
    target_origin: str | None
    row: int = 0  # its position among the printings: what the rule's lookups key on
    reading: str = ""  # the value with the decimals printed: "5.90", "49.2"; a missing value as printed
    half: float = 0.0  # half a unit of its last printed digit (a printing with a value)
    main: bool = False  # printed in a main performance table

    @property
    def valued(self) -> bool:
        return self.value is not None

    @property
    def series(self) -> tuple:
        return (self.source_file, self.indicator_id, self.period)

    @property
    def group(self) -> tuple:
        return (self.source_file, self.indicator_id, self.period, self.measure)


class Fit(NamedTuple):
    """A printing against one relation: whether the combination of printed figures closest to it fits
    (audit tolerance), how far it is, and the combination."""
    fits: bool
    distance: float
    relation: Relation
    lower: bool  # lower is better: the relation's division swapped
    result: Printing
    a: Printing
    b: Printing
    given: float  # what a and b give

    @property
    def detail(self) -> str:
        """The combination in words (what chosen_detail shows)."""
        rel, a, b = self.relation, self.a, self.b
        formula = rel.formula if not self.lower else f"{rel.b} / {rel.a} x 100 (lower is better)"
        return (f"{formula}: {a.value_raw} (line {a.source_line}) and {b.value_raw} (line {b.source_line}) "
                f"give {fmt(self.given)}; printed {rel.result} {self.result.value_raw} "
                f"(line {self.result.source_line})")


def headline_indicators(frames: dict[str, pd.DataFrame], recipes: Mapping[str, Recipe] | None = None
                        ) -> pd.DataFrame:
    """The headline rows, built from indicators, tables and quality_flags (after the audit);
    ``recipes`` (report file -> recipe) give each report's own definition of an indicator."""
    printings = _printings(frames["indicators"], frames["tables"])
    figures: dict[tuple, list[Printing]] = defaultdict(list)  # GROUP -> its printings, in printing order
    for p in printings:
        figures[p.group].append(p)
    support = _input_support(printings)
    flags = flag_ids_by_value(frames["quality_flags"])
    bases = _basis(printings)
    described = _reference()
    definitions = _report_definitions(recipes or {})
    rows = []
    for key in sorted(figures, key=_missing_first):
        row = _figure(figures[key], support, flags)
        basis, basis_lines = bases[key[:3]]
        rows.append({**row, **described.get(row["indicator_id"], {}), "basis": basis, "basis_lines": basis_lines,
                     "report_definition": definitions.get((row["source_file"], row["indicator_id"]))})
    _mark_basis_changes(rows)
    rows = _in_order(rows, files=list(dict.fromkeys(p.source_file for p in printings)))
    _check(rows, printings)
    columns = HEADLINE_INDICATORS.columns
    values = zip(*map(itemgetter(*columns), rows), strict=True) if rows else ([] for _ in columns)
    return typed(HEADLINE_INDICATORS, pd.DataFrame(dict(zip(columns, map(list, values), strict=True)),
                                                   columns=columns))


def _printings(indicators: pd.DataFrame, tables: pd.DataFrame) -> list[Printing]:
    """Every printing of a canonical indicator, with its reading and whether it is in a main table."""
    _has_columns(DATASETS["indicators"], indicators)
    _has_columns(DATASETS["tables"], tables)
    left_out = ids_with_role("generic", "average")
    columns = [_values(indicators[name], kind) for name, kind in PRINTED.items()]
    printings = [p for p in map(Printing, *columns) if p.indicator_id not in left_out]
    titled = zip(*(_values(tables[c], TEXT) for c in ("source_file", "table_id", "caption", "title")), strict=True)
    main = {(file, table) for file, table, caption, title in titled
            if MAIN_TABLE_TITLE.search(f"{caption or ''} {title or ''}")}
    main |= {(p.source_file, p.table_id) for p in printings if p.target_origin == MAIN_TARGET_ORIGIN}
    for row, p in enumerate(printings):
        p.row = row
        if p.valued:
            p.reading = f"{p.value:.{decimals(p.value_raw, p.value)}f}"
            p.half = half_unit(p.value_raw, p.value)
        else:
            p.reading = _shown(p.value_raw).strip()
        p.main = (p.source_file, p.table_id) in main
    return printings


def _has_columns(dataset: Dataset, frame: pd.DataFrame) -> None:
    missing = [c for c in dataset.columns if c not in frame.columns]
    if missing:
        raise LkjipError(None, f"{dataset.filename} lacks column(s) {', '.join(missing)}")


def _values(column: pd.Series, kind: type) -> list:
    """A column's values as typed() reads them: missing (None, NaN, <NA>, and "" for text) as None."""
    values = column.tolist()
    if kind is TEXT:  # most are non-empty str: only the others are looked at twice
        return [(v or None) if v.__class__ is str else None if is_missing(v) else str(v) for v in values]
    if column.dtype.kind == "f":  # numpy floats: NaN is the only missing value
        return [None if v != v else kind(v) for v in values]
    if column.dtype.kind in "iu":
        return values if kind is WHOLE else [kind(v) for v in values]
    return [None if is_missing(v) else kind(v) for v in values]


def _missing_first(key: tuple) -> tuple:
    """Sort key of a tuple whose items may be None: None before any value, as sort_values(na_position="first")."""
    return tuple((v is not None, v) if v is not None else (False, 0) for v in key)


def _input_support(printings: list[Printing]) -> dict[tuple[int, int], Fit]:
    """(printing row, relation) -> how the relation's other printed figures fit the printing: its best
    combination (fitting first, then closest, then first in printing order)."""
    ref = reference()
    lower = {iid for iid, direction in zip(ref["indicator_id"], ref["direction"], strict=True) if direction == "lower"}
    by_measure: dict[tuple, list[Printing]] = defaultdict(list)  # GROUP -> its printings with a value
    for p in printings:
        if p.valued:
            by_measure[p.group].append(p)
    judge = _Judge()
    best: dict[tuple[int, int], Fit] = {}
    for order, rel in enumerate(RELATIONS):
        for series in [group[:3] for group in by_measure if group[3] == rel.result]:
            roles = [_by_value(by_measure.get((*series, m), [])) for m in (rel.result, rel.a, rel.b)]
            top = judge.series(rel, series[1] in lower and rel.lower_swaps, *roles)
            # A printing's best combination is that of the first printing of its value (the same
            # numbers; a tie keeps the first combination), with the printing in its place.
            for role, by_value in zip(ROLES, roles, strict=True):
                for same in by_value.values():
                    fit = top.get(same[0].row)
                    for p in same if fit is not None else ():
                        best[p.row, order] = fit._replace(**{role: p})
    return best


class _Judge:
    """Judges combinations of printed figures, each distinct set of printed numbers once."""

    def __init__(self) -> None:
        self.given: dict[tuple, tuple[float, float, float] | None] = {}
        self.verdicts: dict[tuple, tuple[bool, float]] = {}

    def series(self, rel: Relation, lower: bool, results: dict, as_: dict, bs: dict) -> dict[int, Fit]:
        """Row of the first printing of each value -> its best combination with the first printings
        of the other figures' values, tried in printing order (result, then a, then b)."""
        pairs = []  # the inputs that give a number
        for a in (same[0] for same in as_.values()):
            for b in (same[0] for same in bs.values()):
                key = (a.value, a.value_raw, b.value, b.value_raw, lower)
                if key not in self.given:
                    self.given[key] = _given(a, b, lower)
                if self.given[key] is not None:
                    pairs.append((a, b, *self.given[key]))
        top: dict[int, Fit] = {}
        for result in (same[0] for same in results.values()):
            for a, b, lo, hi, given in pairs:
                key = (result.value, result.value_raw, lo, hi)
                if key not in self.verdicts:
                    self.verdicts[key] = (not disagrees(result.value, result.value_raw, (lo, hi)),
                                          max(0.0, lo - result.value, result.value - hi))
                fits, distance = self.verdicts[key]
                fit = None
                for p in (result, a, b):
                    known = top.get(p.row)
                    if known is None or (fits, -distance) > (known.fits, -known.distance):
                        fit = fit or Fit(fits, distance, rel, lower, result, a, b, given)
                        top[p.row] = fit
        return top


def _by_value(printings: list[Printing]) -> dict[tuple, list[Printing]]:
    """The printings by value as printed, in order of first printing."""
    out: dict[tuple, list[Printing]] = defaultdict(list)
    for p in printings:
        out[p.value, p.value_raw].append(p)
    return out


def _given(a: Printing, b: Printing, lower: bool) -> tuple[float, float, float] | None:
    """What printed inputs give: the range over their rounding (audit tolerance) and the number
    itself; None when they give no number (a zero divisor)."""
    fn = _divided(lower)
    try:
        lo, hi = interval(fn, (a.value, a.value_raw), (b.value, b.value_raw))
    except ZeroDivisionError:
        return None
    return lo, hi, fn(a.value, b.value)


def _divided(lower: bool):
    return (lambda x, y: y / x * 100) if lower else (lambda x, y: x / y * 100)


def _figure(printings: list[Printing], support: dict[tuple[int, int], Fit], flags: dict[str, list[str]]
            ) -> dict[str, Any]:
    """One headline row: the chosen printing, the step that chose it, and what the figure's printings say."""
    fits = _inputs(printings, support)
    ranked = _ranked(printings, fits)
    chosen = ranked[0]
    step = _chosen_by(ranked, fits)
    valued = [p for p in ranked if p.valued]
    units = {p.unit for p in valued if p.unit is not None}
    by_line = sorted(ranked, key=lambda p: (p.source_line, p.value_id is None, p.value_id or ""))
    lines = _joined(p.source_line for p in ranked)
    if len(units) > 1:
        raise LkjipError(chosen.source_file, f"{chosen.indicator_id} {chosen.measure} {_shown(chosen.period)} is "
                         f"printed in different units (lines {lines}): fix the recipe's unit")
    unfit = _listing([p for p in ranked if p.row in fits and not fits[p.row].fits])
    detail = None
    if step == "inputs":
        detail = fits[chosen.row].detail + ("" if unfit is None else "; not " + unfit)
    touching = {flag for p in printings for flag in flags.get(p.value_id, ())}
    return {
        **dict(zip(CHOSEN, _chosen_fields(chosen), strict=True)),
        "unit": chosen.unit if chosen.unit is not None else next(iter(units), None),  # units: one at most
        "chosen_by": step,
        "chosen_detail": detail,
        "n_printings": len(printings),
        "lines": lines,
        "value_ids": ";".join(p.value_id for p in by_line),
        "other_values": _listing([p for p in ranked if p.reading != chosen.reading]),
        "conflict": _conflict(valued),
        "flag_ids": ";".join(sorted(touching)) or None,
    }


def _conflict(valued: list[Printing]) -> bool:
    """Printings conflict when no number rounds to all of them: their rounding intervals share no point."""
    return bool(valued) and max(p.value - p.half for p in valued) > min(p.value + p.half for p in valued) + 1e-9


def _inputs(printings: list[Printing], support: dict[tuple[int, int], Fit]) -> dict[int, Fit]:
    """Step 1: printing row -> its fit under the first relation that decides the figure (its printed
    values differ, and the relation fits some of them but not all); empty when none decides."""
    if len(printings) < 2:  # one printing: nothing to decide
        return {}
    for order in range(len(RELATIONS)):
        judged = {p.row: support[p.row, order] for p in printings if (p.row, order) in support}
        supported: dict[str, bool] = {}
        for p in printings:
            if p.row in judged:
                supported[p.reading] = supported.get(p.reading, False) or judged[p.row].fits
        if len(supported) > 1 and any(supported.values()) and not all(supported.values()):
            return judged
    return {}


def _ranked(printings: list[Printing], fits: dict[int, Fit]) -> list[Printing]:
    """The figure's printings, best first: with a value; fitting the inputs (a printing the deciding
    relation does not judge ranks with those it supports), closest to them; in the main table;
    most frequent reading; earliest line."""
    if len(printings) < 2:
        return printings
    frequency = Counter(p.reading for p in printings)

    def rank(p: Printing) -> tuple:
        fit = fits.get(p.row)
        return (not p.valued, fit is not None and not fit.fits, 0.0 if fit is None else fit.distance, not p.main,
                -frequency[p.reading], p.source_line, p.value_id is not None, p.value_id or "")

    return sorted(printings, key=rank)


def _chosen_by(ranked: list[Printing], fits: dict[int, Fit]) -> str:
    """The step of the rule that chose ``ranked[0]``: the first on which it beats another candidate
    (the printings with a value, if any)."""
    candidates = [p for p in ranked if p.valued] or ranked
    if len(candidates) == 1:
        return "only_printing"
    if ranked[0].row in fits:
        return "inputs"
    if any(p.main for p in candidates) and not all(p.main for p in candidates):
        return "main_table"
    return "most_frequent"


def _listing(printings: list[Printing]) -> str | None:
    """Readings with their lines, in order of first line: '5.90% (lines 199;245;334)'; None when empty."""
    if not printings:
        return None
    lines: dict[str, list[int]] = {}
    labels: dict[str, str] = {}
    for p in printings:
        if p.reading not in lines:
            lines[p.reading] = []
            labels[p.reading] = p.reading + "%" if p.valued and p.unit == "percent" else p.reading
        lines[p.reading].append(p.source_line)
    texts = []
    for reading, printed in sorted(lines.items(), key=lambda item: min(item[1])):  # stable: ties keep rank order
        joined = _joined(printed)
        texts.append(f"{labels[reading]} (line{'s' if ';' in joined else ''} {joined})")
    return "; ".join(texts) or None


def _joined(lines) -> str:
    return ";".join(str(int(v)) for v in sorted(set(lines)))


def _shown(value: Any) -> str:
    """A value as pandas prints it (a missing one as <NA>)."""
    return str(pd.NA if value is None else value)


def _basis(printings: list[Printing]) -> dict[tuple, tuple[str | None, str | None]]:
    """SERIES -> what the indicator counts in one region and period, and the lines that say so.

    From the counts printed for it that period (numerator, denominator, realisation, target
    in persons or households); a number printed anywhere in the report for that period with a
    household word is a household count wherever it is printed (Sumenep's 197.465 PMKS: 'org'
    in the tables, 'KK' on line 272). Without counts, the unit of the definition decides.
    """
    counts = [(p, BASIS_RANK[COUNT_BASIS[p.unit]]) for p in printings if p.valued and p.unit in COUNT_BASIS]
    by_figure: dict[tuple, list[tuple[Printing, int]]] = defaultdict(list)  # a number printed that period
    for p, rank in counts:
        by_figure[p.source_file, p.period, p.value].append((p, rank))
    figure_rank = {figure: max(rank for _, rank in printed) for figure, printed in by_figure.items()}
    series_rank: dict[tuple, int] = {}
    for p, _ in counts:
        series_rank[p.series] = max(series_rank.get(p.series, 0), figure_rank[p.source_file, p.period, p.value])
    # The lines that state the basis: the series' own printings in that unit, else (a basis raised
    # by the same figure printed elsewhere) those other printings.
    lines: dict[tuple, list[int]] = defaultdict(list)
    for p, rank in counts:
        if rank == series_rank[p.series]:
            lines[p.series].append(p.source_line)
    own = set(lines)
    for p, _ in counts:
        wanted, figure = series_rank[p.series], (p.source_file, p.period, p.value)
        if p.series not in own and figure_rank[figure] == wanted:
            lines[p.series].extend(q.source_line for q, rank in by_figure[figure] if rank == wanted)
    defined = {iid: COUNT_BASIS.get(unit) for iid, unit in zip(reference()["indicator_id"], reference()["unit"],
                                                                strict=True)}
    out = {}
    for p in printings:
        if p.series in series_rank:
            out[p.series] = (BASES[series_rank[p.series]], _joined(lines[p.series]))
        else:
            out[p.series] = (defined.get(p.indicator_id), None)
    return out


def _reference() -> dict[str, dict[str, Any]]:
    """indicator_id -> its name, comparable and caveat (indicators.yaml)."""
    ref = reference()
    return {iid: {"indicator_name": name, "comparable": bool(comparable),
                  "caveat": " ".join(str(caveat).split()) or None}
            for iid, name, comparable, caveat in zip(ref["indicator_id"], ref["name"], ref["comparable"],
                                                     ref["caveat"], strict=True)}


def _report_definitions(recipes: Mapping[str, Recipe]) -> dict[tuple[str, str], str]:
    """(source_file, indicator_id) -> the recipe's note on how that report defines the indicator."""
    return {(report, iid): " ".join(text.split()) for report, recipe in recipes.items()
            for iid, text in recipe.indicator_notes.items()}


def _mark_basis_changes(rows: list[dict[str, Any]]) -> None:
    """basis_change: whether the region's series of an indicator counts on more than one basis."""
    bases: dict[tuple, set] = defaultdict(set)
    for row in rows:
        if row["basis"] is not None:
            bases[row["source_file"], row["indicator_id"]].add(row["basis"])
    for row in rows:
        row["basis_change"] = len(bases[row["source_file"], row["indicator_id"]]) > 1


def _in_order(rows: list[dict[str, Any]], files: list[str]) -> list[dict[str, Any]]:
    """Reports in manifest order (``files``, as in indicators.csv), indicators as in indicators.yaml,
    years, measures in their documented order (anything unknown last)."""
    files = {f: i for i, f in enumerate(files)}
    ids = {iid: i for i, iid in enumerate(reference()["indicator_id"])}
    measures = {m: i for i, m in enumerate(INDICATOR_MEASURES)}

    def place(row: dict[str, Any]) -> tuple:
        f, i, m = files.get(row["source_file"]), ids.get(row["indicator_id"]), measures.get(row["measure"])
        period = row["period"]
        return (f is None, f or 0, i is None, i or 0, period is None, period or 0, m is None, m or 0)

    return sorted(rows, key=place)


def _check(rows: list[dict[str, Any]], printings: list[Printing]) -> None:
    """Hard sanity checks: one row per key; every printing in exactly one row."""
    key = HEADLINE_INDICATORS.key
    keys = Counter(tuple(row[k] for k in key) for row in rows)
    for row in rows:
        if keys[tuple(row[k] for k in key)] > 1:
            raise LkjipError(row["source_file"], f"two headline rows for {({k: row[k] for k in key})}",
                             line=int(row["source_line"]))
    listed = [value_id for row in rows for value_id in row["value_ids"].split(";")]
    printed = [p.value_id for p in printings]
    if len(set(listed)) != len(listed) or set(listed) != set(printed) or len(listed) != len(printed):
        missing = sorted(set(printed) - set(listed))
        raise LkjipError("indicators.csv", f"headline rows account for {len(listed)} of {len(printed)} "
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
