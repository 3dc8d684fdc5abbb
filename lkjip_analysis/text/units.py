"""The unit words the reports print after counts: the one list every reader builds on.

``parse_id_number`` reads a cell's trailing unit word with it, the recipe picks find a
number with its unit in a sentence with it, and the aid sentences ("1.047.919 KPM x
Rp.200.000,- = ...") are found with it, so a word added here is understood everywhere.
"""

from __future__ import annotations

import re

# Unit word as printed (lower case) -> the unit recorded in the clean data.
COUNT_UNITS: dict[str, str] = {
    "orang": "persons",
    "org": "persons",
    "jiwa": "persons",
    "anak": "children",
    "kk": "households",
    "ruta": "households",  # rumah tangga
    "kpm": "beneficiary households",  # keluarga penerima manfaat
    "lembaga": "institutions",
    "item": "items",
    "unit": "units",
    "ekor": "animals",
    "kecamatan": "sub-districts",
    "pa": "orphanages",  # panti asuhan
    "m2": "square metres",
}
UNIT_PERCENT = "percent"
UNIT_RUPIAH = "rupiah"


def count_unit(word: str) -> str | None:
    """The unit a printed word stands for ("Orang" -> persons), None for any other word."""
    return COUNT_UNITS.get(word.lower())


def count_unit_alternation() -> str:
    """A regex alternation of the unit words, longest first so that no word stops at a
    shorter one; match it with ``re.IGNORECASE`` and a word boundary after it."""
    return "|".join(re.escape(w) for w in sorted(COUNT_UNITS, key=lambda w: (-len(w), w)))
