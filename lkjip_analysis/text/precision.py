"""How precise a printed number is, and what it may stand for: the tolerance rule every check
of a printed computation uses, and every place that shows a number as precisely as printed.

An input printed with decimals stands for anything that rounds to it (49,2 for 49,15-49,25); an
input printed without decimals is exact (a "5 %" target, a count, a rupiah amount); a printed
result may be rounded or truncated, so it may differ from the recomputed range by one unit of its
last digit (118 % for 118.9 %, not 119.4 %).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import product
from typing import Any

from .patterns import NUMBER_RE


def decimals(raw: Any, value: float) -> int:
    """Digits printed after the decimal separator: the number's digits beyond its integer part.

    Works whatever the separators ("5.97%" -> 2, "28.854" as 28854 -> 0, "1.532,66" -> 2).
    """
    digits = _number_digits(str(raw or ""))
    return max(0, digits - len(str(int(abs(value))))) if digits else 0


@lru_cache(maxsize=4096)
def _number_digits(text: str) -> int:
    """Digits of the first number printed in ``text`` (0 when none); the same few hundred
    printed texts are read thousands of times by the checks."""
    m = NUMBER_RE.search(text)
    return sum(ch.isdigit() for ch in m.group(0)) if m else 0


def half_unit(raw: Any, value: float) -> float:
    return 0.5 * 10 ** -decimals(raw, value)


def input_rounding(raw: Any, value: float) -> float:
    """How far a printed input may be from the number behind it. Figures printed without
    decimals (targets such as "5 %", counts, rupiah) are taken as exact."""
    d = decimals(raw, value)
    return 0.5 * 10 ** -d if d else 0.0


def result_tolerance(raw: Any, value: float) -> float:
    """A printed result may be rounded or truncated: one unit of its last digit."""
    return 10 ** -decimals(raw, value)


def interval(fn: Callable[..., float], *args: tuple[float, Any]) -> tuple[float, float]:
    """Range of fn over the rounding intervals of its printed arguments (value, raw)."""
    corners = []
    for signs in product((-1, 1), repeat=len(args)):
        vals = [v + s * input_rounding(raw, v) for (v, raw), s in zip(args, signs)]
        try:
            corners.append(fn(*vals))
        except ZeroDivisionError:
            continue
    if not corners:
        raise ZeroDivisionError
    return min(corners), max(corners)


def disagrees(printed: float, printed_raw: Any, bounds: tuple[float, float]) -> bool:
    tol = result_tolerance(printed_raw, printed) + 1e-9 * max(1.0, abs(printed))
    return printed < bounds[0] - tol or printed > bounds[1] + tol
