"""Bands of rating scales as printed: '25 – 43.75', 'Lebih dari 75% sd. 100%', '$80 s/d < 95$'."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text.clean import clean_text
from ..text.numbers import parse_id_number
from ..text.patterns import NUMBER


class Band(NamedTuple):
    lower: float | None
    lower_inclusive: bool | None
    upper: float | None
    upper_inclusive: bool | None


_NUM = rf"({NUMBER})"


def _n(text: str) -> float:
    return float(parse_id_number(text, "decimal").value)


def parse_band(text: str) -> Band | None:
    """The bounds of a band; None when the text is not one of the forms the reports use."""
    s = clean_text(text).replace("$", "").replace("\\geq", "≥").replace("\\leq", "≤").replace("%", "")
    s = " ".join(s.split()).lower()
    patterns = [
        # "lebih dari 75 sd. 100": above 75 up to and including 100
        (rf"^lebih dari {_NUM} (?:sd\.?|s/d) {_NUM}$", lambda a, b: Band(_n(a), False, _n(b), True)),
        (rf"^lebih dari {_NUM}$", lambda a: Band(_n(a), False, None, None)),
        (rf"^kurang dari {_NUM}$", lambda a: Band(None, None, _n(a), False)),
        # "80 s/d < 95": from 80 to below 95
        (rf"^{_NUM} (?:sd\.?|s/d) < ?{_NUM}$", lambda a, b: Band(_n(a), True, _n(b), False)),
        (rf"^{_NUM} (?:sd\.?|s/d) {_NUM}$", lambda a, b: Band(_n(a), True, _n(b), True)),
        (rf"^{_NUM} ?[–—-] ?{_NUM}$", lambda a, b: Band(_n(a), True, _n(b), True)),
        # "91 ≤ 100" as Kota Pasuruan prints its bands: from 91 up to 100
        (rf"^{_NUM} ?≤ ?{_NUM}$", lambda a, b: Band(_n(a), True, _n(b), True)),
        (rf"^≥ ?{_NUM}$", lambda a: Band(_n(a), True, None, None)),
        (rf"^≤ ?{_NUM}$", lambda a: Band(None, None, _n(a), True)),
    ]
    for pattern, make in patterns:
        m = re.match(pattern, s)
        if m:
            return make(*m.groups())
    return None
