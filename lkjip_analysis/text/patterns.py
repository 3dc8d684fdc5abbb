"""Regex pieces shared by the stages: how a number and a year look in the text.

Each is a pattern string, to be embedded in larger patterns, and a compiled form.
"""

from __future__ import annotations

import re

# The separators a printed number may hold: which one means what ("1.047.919", "5,97",
# "197,465") is parse_id_number's business, not the pattern's.
SEPARATOR = r"[.,]"


def number_pattern(separator: str = SEPARATOR) -> str:
    """Digits in groups joined by ``separator`` (a regex): "1.047.919", "5,97", "426.794"."""
    return rf"\d+(?:{separator}\d+)*"


NUMBER = number_pattern()
NUMBER_RE = re.compile(NUMBER)

# A year as printed in a column or a heading: 1900-2099.
YEAR = r"(?:19|20)\d\d"
YEAR_RE = re.compile(YEAR)


def is_year(text: str) -> bool:
    """Whether the whole text is a year ("2020"; not "2020a" nor "12020")."""
    return YEAR_RE.fullmatch(text) is not None
