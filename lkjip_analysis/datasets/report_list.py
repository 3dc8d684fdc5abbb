"""How the published text (data card, datapackage.json) names the reports: always from the
manifest, so that a report added to sources.csv is named without a code change."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the analysis layer loads this module and needs no parser
    from ..extraction import Source

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def count_in_words(n: int) -> str:
    """``4`` -> ``four``; digits from 13 on."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def report_names(sources: list[Source]) -> str:
    """``Kabupaten Blitar 2020, Kota Pasuruan 2022 and Kabupaten Sumenep 2020``, in manifest order."""
    names = [f"{s.region_type.capitalize()} {s.region} {s.report_year}" for s in sources]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
