"""Numbers for people, one convention everywhere: Indonesian separators as the reports print
them (``1.047.919``, ``5,97 %``), rupiah in readable units (``Rp 6,58 miliar``), and
percentages with the precision the report printed (``118 %`` stays ``118 %``)."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from ..text.precision import decimals

# Indonesian scale words; the reports write "Milyar"/"Juta" in prose, the standard spelling is used here.
RUPIAH_UNITS = ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"))


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value) == "<NA>"


def _indonesian(text: str) -> str:
    """'1,234,567.89' (Python's grouping) -> '1.234.567,89'."""
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def format_number(value: Any, digits: int = 0) -> str:
    """``1047919`` -> ``1.047.919``; ``5.9`` with 2 digits -> ``5,90``; missing -> ``–``."""
    if _missing(value):
        return "\u2013"
    return _indonesian(f"{float(value):,.{digits}f}")


def format_rupiah(value: Any, digits: int = 2) -> str:
    """``6579168248`` -> ``Rp 6,58 miliar``; ``200000`` -> ``Rp 200.000``; negatives keep their sign."""
    if _missing(value):
        return "\u2013"
    amount = float(value)
    sign = "-" if amount < 0 else ""
    for size, word in RUPIAH_UNITS:
        if abs(amount) >= size:
            return f"{sign}Rp {format_number(abs(amount) / size, digits)} {word}"
    return f"{sign}Rp {format_number(abs(amount), 0)}"


def format_rupiah_exact(value: Any) -> str:
    """Every digit: ``1964985500`` -> ``Rp 1.964.985.500`` (beside an axis in miliar, or a rounded
    ``Rp 1,96 miliar``); a fraction of a rupiah keeps 2 decimals."""
    if _missing(value):
        return "\u2013"
    amount = float(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {format_number(abs(amount), 0 if amount.is_integer() else 2)}"


def format_percent(value: Any, printed: Any = None) -> str:
    """A percentage with the decimals the report printed: ``(5.9, "5.90%")`` -> ``5,90 %``,
    ``(118, "118 %")`` -> ``118 %``; without the printed text, at most 2 decimals."""
    if _missing(value):
        return "\u2013"
    if _missing(printed) or printed is None:
        text = format_number(value, 2).rstrip("0").rstrip(",")
    else:
        text = format_number(value, decimals(printed, float(value)))
    return f"{text} %"


def format_value(value: Any, unit: Any, printed: Any = None) -> str:
    """Any value of a clean file in its unit: rupiah, percent, or a count with its unit word."""
    if _missing(unit):  # pd.NA would make the comparisons below raise
        unit = None
    if unit == "rupiah":
        return format_rupiah(value)
    if unit == "percent":
        return format_percent(value, printed)
    digits = 0 if _missing(value) or float(value).is_integer() else decimals(printed, float(value)) or 2
    number = format_number(value, digits)
    return number if unit is None else f"{number} {unit}"


def axis_title(what: str, unit: str | None) -> str:
    """Axis titles name the unit: ``PMKS reached (%)``, ``Budget (Rp miliar)``."""
    suffix = {"percent": "%", "rupiah": "Rp", None: ""}.get(unit, unit or "")
    return f"{what} ({suffix})" if suffix else what


# One item of headline_indicators.csv's other_values: a reading and its lines, '49.20% (line 67)'
_OTHER_PRINTING = re.compile(r"(?P<reading>.+?) \((?P<lines>lines? [\d;]+)\)(?:; |$)")
_READING = re.compile(r"(?P<number>-?\d+(?:\.(?P<decimals>\d+))?)(?P<percent>%?)")


def format_other_printings(other_values: Any) -> str:
    """headline_indicators.csv's ``other_values`` for people: each reading with Indonesian
    separators and the decimals it was printed with, '49.20% (line 67); 541887 (line 788)' ->
    '49,20 % (line 67); 541.887 (line 788)'; words (a sentence printed instead) stay as they are."""
    if _missing(other_values):
        return "\u2013"
    items = []
    for item in _OTHER_PRINTING.finditer(str(other_values)):
        reading = item["reading"]
        if number := _READING.fullmatch(reading):
            reading = format_number(float(number["number"]), len(number["decimals"] or ""))
            reading += " %" if number["percent"] else ""
        items.append(f"{reading} ({item['lines']})")
    return "; ".join(items) if items else str(other_values)


def table_for_people(shown: Any) -> Any:
    """A table as the notebooks and briefs show it: every column in full (a plain DataFrame's HTML
    cuts long texts at 50 characters), no index, left-aligned; anything else (a sentence saying
    there are no rows) as it is."""
    if not isinstance(shown, pd.DataFrame):
        return shown
    return shown.style.hide(axis="index").set_table_styles([{"selector": "th, td", "props": "text-align: left"}])
