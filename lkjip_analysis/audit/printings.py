"""Which printing of a figure the report's own inputs support.

A figure printed in several places sometimes reads differently (Lumajang prints 49,20 % on
line 67 and 49,23 % on lines 539-608). Where the report also prints what the figure is
computed from - a percentage's numerator and denominator, an achievement's realisation and
target, an aid total's "KPM x Rp" - the computation says which printing is right. Inputs are
read from one row of one table: a numerator from one table and a denominator from another
are not one computation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..text.precision import disagrees, interval
from .common import fmt, is_missing, lower_is_better_ids, record_groups, single_measures


@dataclass(frozen=True)
class Formula:
    """result = compute(first input, second input), e.g. numerator / denominator x 100."""

    inputs: tuple[str, str]  # the measures the result is computed from
    text: str  # in words: "numerator / denominator x 100"
    shown: str  # with the printed inputs filled in: "{0} / {1} x 100"
    compute: Callable[[float, float], float]


FRACTION = Formula(("numerator", "denominator"), "numerator / denominator x 100", "{0} / {1} x 100",
                   lambda n, d: n / d * 100)
ACHIEVEMENT = Formula(("target", "realisation"), "realisation / target x 100", "{1} / {0} x 100",
                      lambda t, r: r / t * 100)
ACHIEVEMENT_LOWER = Formula(("target", "realisation"), "target / realisation x 100 (lower is better)",
                            "{0} / {1} x 100", lambda t, r: t / r * 100)
ABSORPTION = Formula(("budget", "realised"), "realised / budget x 100", "{1} / {0} x 100", lambda b, r: r / b * 100)
OVER_UNDER = Formula(("budget", "realised"), "realised - budget", "{1} - {0}", lambda b, r: r - b)
PRODUCT = Formula(("beneficiaries", "amount_per_beneficiary"), "beneficiaries x amount per beneficiary",
                  "{0} x {1}", lambda n, p: n * p)


def indicator_formula(printing: dict) -> Formula | None:
    """How an indicator value is computed from the indicator's other values, if it is."""
    if printing["measure"] == "realisation" and printing["unit"] == "percent":
        return FRACTION
    if printing["measure"] == "achievement_pct":
        return ACHIEVEMENT_LOWER if printing["indicator_id"] in lower_is_better_ids() else ACHIEVEMENT
    return None


def budget_formula(printing: dict) -> Formula | None:
    return {"absorption_pct": ABSORPTION, "over_under": OVER_UNDER}.get(printing["measure"])


def aid_formula(printing: dict) -> Formula | None:
    return PRODUCT if printing["measure"] == "total" else None


@dataclass(frozen=True)
class Computation:
    """The formula over one printed pair of inputs."""

    formula: Formula
    first: dict
    second: dict
    value: float
    bounds: tuple[float, float]  # what the inputs' rounding allows

    def fits(self, printing: dict) -> bool:
        return not disagrees(printing["value"], printing["value_raw"], self.bounds)

    def describe(self) -> str:
        """"numerator / denominator x 100 = 266.787 / 541.897 x 100 (line 539) gives 49.23"."""
        lines = sorted({int(self.first["source_line"]), int(self.second["source_line"])})
        shown = self.formula.shown.format(self.first["value_raw"], self.second["value_raw"])
        return (f"{self.formula.text} = {shown} (line{'s' if len(lines) > 1 else ''} "
                f"{', '.join(map(str, lines))}) gives {fmt(self.value)}")


def computations(formula: Formula, inputs: list[dict]) -> list[Computation]:
    """Every computation the report prints the inputs (records) for: the pairs printed on one row
    of a table, or in one table that prints each input once."""
    inputs = [r for r in inputs if r["measure"] in formula.inputs and not is_missing(r["value"])]
    found: dict[tuple, Computation] = {}
    for keys in (["table_id", "source_line"], ["table_id"]):
        for records in record_groups(inputs, keys):
            by_measure = single_measures(records)
            if not all(m in by_measure for m in formula.inputs):
                continue
            a, b = (by_measure[m] for m in formula.inputs)
            where = (a["table_id"], int(a["source_line"]), int(b["source_line"]))
            try:
                value = formula.compute(a["value"], b["value"])
                bounds = interval(formula.compute, (a["value"], a["value_raw"]), (b["value"], b["value_raw"]))
            except ZeroDivisionError:
                continue
            found.setdefault(where, Computation(formula, a, b, float(value), bounds))
    return list(found.values())
