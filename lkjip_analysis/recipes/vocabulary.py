"""The vocabulary of a report's recipe: which table becomes what.

A recipe is data, not code: for each table id (``T0111``...) either a ``Melt`` (which
columns are labels, which are values and what each value is) or an ``Exclude`` with
the reason; ``Pick`` takes single numbers out of a cell that holds several or out of a
sentence of the prose. The shared machinery (``apply.py``) applies it. Every entry names
what it ``expect``s to find, so a recipe that no longer fits its report stops the
build with the file and line instead of producing wrong data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..text.numbers import Kind


@dataclass(frozen=True)
class Value:
    """A value column: every body cell of it becomes one record."""

    col: int
    measure: str
    period: int | None = None
    kind: Kind = "auto"
    unit: str | None = None  # the unit when the cell prints none (e.g. under "Target 2020 %")
    parens: str = "negative"  # "positive": parentheses mark a total, not a negative
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Melt:
    """Wide table -> long records of one dataset."""

    dataset: str
    values: tuple[Value, ...]
    labels: Mapping[str, int | tuple[int, ...]] = field(default_factory=dict)  # field -> column(s), joined by " "
    fixed: Mapping[str, Any] = field(default_factory=dict)  # fields the same for every record
    fill_down: tuple[str, ...] = ()  # label fields left blank under a merged cell
    numbering: int | None = None  # the "No" column: row numbers, not values
    not_data: tuple[int, ...] = ()  # columns of printed numbers that are no data (a formula's "x 100 %")
    rows: tuple[int, int] | None = None  # only rows whose line is within (first, last)
    skip: tuple[int, ...] = ()  # lines of rows that other entries take
    row_fields: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)  # line -> fields
    levels: tuple[tuple[int, str, str], ...] = ()  # (column, regex, level): the first match sets "level"
    expect: str | None = None  # text the table's caption, title or header must contain


@dataclass(frozen=True)
class Pick:
    """One number out of a cell holding several, or out of a sentence (``col=None``).

    ``text`` must be printed on ``line`` (inside the cell when ``col`` is given); the
    value is the ``nth`` number of ``text`` (0-based), read with the unit printed after it.
    """

    dataset: str
    line: int
    text: str
    measure: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    col: int | None = None
    nth: int = 0
    kind: Kind = "auto"
    unit: str | None = None
    parens: str = "negative"
    squeeze: bool = False  # digits split by a wrap-space ("142 1" for 1421) are read as one number


@dataclass(frozen=True)
class Scale:
    """A rating scale: one band per body row (``25 – 43.75``, ``Lebih dari 75% sd. 100%``)."""

    scale: str  # what it rates, in English
    band: int  # column of the band
    label: tuple[int, ...]  # column(s) of the rating, joined with " - "
    numbering: int | None = None
    expect: str | None = None


@dataclass(frozen=True)
class Quote:
    """A sentence of the report that the analysis quotes beside the numbers (what the report says
    about aid it does not tabulate, how it defines "efficiency" ...). ``text`` must be printed on
    ``line``; ``says`` is what it says, in English; ``topic`` is what the analysis looks it up by."""

    topic: str
    line: int
    text: str
    says: str


@dataclass(frozen=True)
class Exclude:
    reason: str
    expect: str | None = None


@dataclass(frozen=True)
class Recipe:
    report: str  # file name in data/raw
    tables: Mapping[str, Melt | Scale | Exclude | tuple[Melt | Scale, ...]]
    picks: tuple[Pick, ...] = ()
    # canonical indicator id (reference/indicators.yaml) -> the labels this report prints for it
    indicator_labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # canonical indicator id -> how this report defines or prints it, where that differs from the plain
    # definition (printed in the data card and in headline_indicators' report_definition)
    indicator_notes: Mapping[str, str] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()  # sentences the analysis quotes, checked against their lines
    # What the recipe's author saw in the report, printed in the data card. A note that speaks of the
    # audit cites each flag as "(flag: CHECK TABLE line N)" or "(no flag: ...)"; tests/test_recipe_notes.py
    # checks every reference against quality_flags.csv.
    notes: tuple[str, ...] = ()
    module: str | None = None  # the module defining it; the registry fills it in for error messages

    @property
    def name(self) -> str:
        """How errors name the recipe: its module, else the report it is for."""
        return f"recipe {self.module}" if self.module else f"recipe for {self.report}"

    def entries(self, table_id: str) -> tuple[Melt | Scale, ...] | Exclude | None:
        entry = self.tables.get(table_id)
        if entry is None or isinstance(entry, Exclude):
            return entry
        return entry if isinstance(entry, tuple) else (entry,)


def melt_values(cols: dict[int, tuple[str, int | None]], **common: Any) -> tuple[Value, ...]:
    """Shorthand for recipes: ``{3: ("realisation", 2015), ...}`` -> Value objects."""
    return tuple(Value(col, measure, period, **common) for col, (measure, period) in cols.items())
