"""Indonesian number parsing: a cell's text -> value, unit and, on failure, a reason.

The reports mix conventions, so the rules are explicit and documented here
(docs/architecture.md repeats them):

* Indonesian style groups thousands with ``.`` and marks decimals with ``,``
  (``1.047.919``, ``5,97``, ``Rp. 6.579.168.248,00``); English style the other way
  round (``5.97%``, ``197,465``). A number that uses *both* separators, or the same
  separator more than once, is unambiguous.
* A single separator followed by exactly three digits (``12.914``, ``1.000``,
  ``197,465``) is ambiguous on its own. The caller states the column's *kind*:
  ``count`` and ``rupiah`` read it as a thousands separator, ``percent`` and
  ``decimal`` as a decimal point. With ``kind="auto"`` a unit in the text decides
  (``%`` -> percent, ``Rp`` -> rupiah, a unit word of units.py such as
  ``orang``/``KPM`` -> count); if nothing
  decides, the value is missing with reason ``ambiguous separator``: never a guess.
* A single separator followed by 1, 2 or 4+ digits can only be a decimal point
  (``29,42``, ``64.5``), except for ``count``/``rupiah`` where a decimal part is
  still read as printed.
* Parentheses are the accounting sign for negatives: ``(308.284.117,25)`` ->
  -308284117.25. Lumajang prints its grand *totals* in parentheses
  (``(5.085.713.014,-)``) in budget columns that cannot be negative; such context
  is the caller's knowledge, stated with ``parens="positive"``. Either way the
  result records ``parenthesized=True``.
* ``Rp`` amounts may end in ``,00``, ``,-`` or even ``,00,-``: all mean "no cents";
  a trailing ``,-`` marks a rupiah amount even without ``Rp``.
* A unit printed in the cell (``%``, ``Rp``, ``Orang``...) outranks the column's kind.
* ``n/a``/``n/a*`` -> missing ``not available``; ``-`` -> missing ``dash``; empty ->
  ``empty``; words (more letters than digits) -> ``text``; several numbers or arithmetic in one
  cell -> ``expression`` (a list of numbers -> ``several values``); digits that do not form a number (``Rp91-.160.954``,
  ``36.0509.030``) -> ``malformed``. The raw text is always kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .clean import clean_text
from .units import UNIT_PERCENT, UNIT_RUPIAH, count_unit

Kind = Literal["auto", "count", "percent", "rupiah", "decimal"]
KINDS: tuple[str, ...] = ("auto", "count", "percent", "rupiah", "decimal")

# Missing-value reasons, as written to the clean files.
EMPTY = "empty"
DASH = "dash"
NOT_AVAILABLE = "not available"
TEXT = "text"
EXPRESSION = "expression"
MALFORMED = "malformed"
AMBIGUOUS = "ambiguous separator"
SEVERAL = "several values"
MISSING_REASONS = (EMPTY, DASH, NOT_AVAILABLE, TEXT, EXPRESSION, SEVERAL, MALFORMED, AMBIGUOUS)


_DASHES = {"-", "\u2013", "\u2014", "--", "\u2212"}
_NA = re.compile(r"^n\s*/\s*a\s*\**$", re.IGNORECASE)
_RP = re.compile(r"^rp\s*\.?\s*", re.IGNORECASE)
_NOTE = re.compile(r"\s*\(([A-Za-z][A-Za-z .]*)\)$")  # "29,42 (Renstra)"
_UNIT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z0-9]*)\.?$")
_NO_CENTS = re.compile(r"(,00)?,-\.?$|,\.$")  # "2.206.660.364,-", "7.362.000,00,-", "200.000,."
_PLAIN = re.compile(r"^\d+$")
_GROUPED = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")  # one kind of separator, groups of 3
_ID_FULL = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$")  # 1.532,66
_EN_FULL = re.compile(r"^\d{1,3}(?:,\d{3})+\.\d+$")  # 1,532.66
_SIMPLE_DEC = re.compile(r"^\d+([.,])\d+$")
_NUMBERED_LABEL = re.compile(r"\d+\.")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")


@dataclass(frozen=True)
class ParsedNumber:
    """The outcome of parsing one printed number."""

    raw: str
    value: float | int | None
    unit: str | None = None
    missing: str | None = None
    parenthesized: bool = False
    note: str | None = None

    @property
    def ok(self) -> bool:
        return self.value is not None


@lru_cache(maxsize=1 << 16)  # a cell is read by the recipe, the coverage and the catalogue; the result is frozen
def parse_id_number(text: str | None, kind: Kind = "auto", parens: str = "negative") -> ParsedNumber:
    """Parse a number as printed in an LKjIP report.

    ``kind`` is the column's kind (see the module docstring), ``parens`` is
    ``"negative"`` (accounting convention, the default) or ``"positive"`` (the
    caller knows the column cannot be negative, e.g. Lumajang's totals).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown number kind {kind!r}; expected one of {', '.join(KINDS)}")
    if parens not in ("negative", "positive"):
        raise ValueError(f"parens must be 'negative' or 'positive', not {parens!r}")
    raw = "" if text is None else text
    s = clean_text(raw)
    if s.startswith("$") and s.endswith("$"):
        s = s.strip("$").strip()
    if not s:
        return ParsedNumber(raw, None, missing=EMPTY)
    if s in _DASHES:
        return ParsedNumber(raw, None, missing=DASH)
    if _NA.match(s):
        return ParsedNumber(raw, None, missing=NOT_AVAILABLE)
    if not any(map(str.isdigit, s)):
        return ParsedNumber(raw, None, missing=TEXT)

    unit: str | None = None
    note: str | None = None
    m = _NOTE.search(s)
    if m and any(map(str.isdigit, s[: m.start()])):
        note, s = m.group(1).strip(), s[: m.start()].strip()

    negative = False
    parenthesized = False
    if s[0] in "-\u2212\u2013" and len(s) > 1:
        negative, s = True, s[1:].lstrip()
    if _RP.match(s):
        unit, s = UNIT_RUPIAH, _RP.sub("", s, count=1)
    if s.startswith("(") and s.endswith(")"):
        parenthesized, s = True, s[1:-1].strip()
        if _RP.match(s):
            unit, s = UNIT_RUPIAH, _RP.sub("", s, count=1)
    if s.endswith("%"):
        unit, s = UNIT_PERCENT, s[:-1].rstrip()
    else:
        m = _UNIT_WORD.search(s)
        if m and count_unit(m.group(1)) and any(map(str.isdigit, s[: m.start()])):
            unit, s = count_unit(m.group(1)), s[: m.start()].rstrip()
    if s.endswith(",-") and unit is None:
        unit = UNIT_RUPIAH  # ",-" (no cents) is only ever printed after rupiah amounts
    if unit == UNIT_RUPIAH or kind == "rupiah":
        s = _NO_CENTS.sub("", s)
    if _NUMBERED_LABEL.fullmatch(s):  # a numbered label such as "1."
        s = s[:-1]

    # A unit printed in the cell is stronger evidence than the column's kind.
    effective = {UNIT_PERCENT: "percent", UNIT_RUPIAH: "rupiah", None: kind}.get(unit, "count")

    value, reason = _parse_digits(s, effective)
    if value is None:
        words = _LATEX_COMMAND.sub("", s)  # LaTeX commands are not words
        if sum(map(str.isalpha, words)) > sum(map(str.isdigit, words)):
            reason = TEXT  # a label that contains digits ("1.1. Latar Belakang")
        elif _several_values(s, effective):
            reason = SEVERAL
        elif _looks_like_expression(s):
            reason = EXPRESSION
        return ParsedNumber(raw, None, unit=unit, missing=reason, parenthesized=parenthesized, note=note)
    if parenthesized and parens == "negative":
        negative = not negative
    if negative:
        value = -value
    if unit is None and kind == "percent":
        unit = UNIT_PERCENT
    elif unit is None and kind == "rupiah":
        unit = UNIT_RUPIAH
    return ParsedNumber(raw, value, unit=unit, parenthesized=parenthesized, note=note)


def _looks_like_expression(s: str) -> bool:
    # operators, comparisons, LaTeX, numbers side by side, ranges such as "25 – 43.75"
    return bool(re.search(r"[/x×*:=+<>≤≥\\]|\d\s+\d|\d\s*[-\u2013\u2014]\s*\d|\bs/?d\b", s, flags=re.IGNORECASE))


def _several_values(s: str, kind: str) -> bool:
    """'950.071.800,- 279.916.840,- 225.000.000,-': one cell holding a list of numbers."""
    parts = s.split()
    return len(parts) > 1 and all(
        parse_id_number(part, kind if kind != "auto" else "auto").ok for part in parts
    )


def _parse_digits(s: str, kind: str) -> tuple[float | int | None, str | None]:
    """Read a bare digit string with separators; returns (value, missing reason)."""
    if _PLAIN.match(s):
        return int(s), None
    if _ID_FULL.match(s):
        whole, frac = s.split(",")
        return float(whole.replace(".", "") + "." + frac), None
    if _EN_FULL.match(s):
        return float(s.replace(",", "")), None
    grouped = _GROUPED.match(s)
    if grouped:
        sep = grouped.group(1)
        if s.count(sep) > 1:  # 1.047.919: a decimal point cannot repeat
            return int(s.replace(sep, "")), None
        if kind in ("count", "rupiah"):
            return int(s.replace(sep, "")), None
        if kind in ("percent", "decimal"):
            return float(s.replace(sep, ".")), None
        return None, AMBIGUOUS
    simple = _SIMPLE_DEC.match(s)
    if simple:
        return float(s.replace(",", ".")), None
    return None, MALFORMED

