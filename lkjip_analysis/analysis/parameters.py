"""Notebook parameters are checked before anything is drawn: papermill only warns about an
unknown parameter, so a typo would otherwise give a brief about nothing. Every error lists
the valid choices."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import LkjipError


class ParameterError(LkjipError):
    """A notebook parameter that is not one of its choices."""

    def __init__(self, message: str):
        super().__init__(None, message)

    def __str__(self) -> str:  # no "<input>:" prefix: it is not a file's fault
        return self.message


ALL = "all"


def choose(name: str, value: Any, choices: Iterable[Any]) -> Any:
    """``value`` if it is one of ``choices``; else a ParameterError listing them."""
    choices = list(choices)
    if value not in choices:
        raise ParameterError(f"{name}={value!r} is not a valid choice; choose one of: "
                             f"{', '.join(map(str, choices))}")
    return value


def choose_many(name: str, values: Any, choices: Iterable[Any], *, allow_all: bool = True) -> list[Any]:
    """A list parameter: ``"all"``/None for every choice, a single value, or a list of values."""
    choices = list(choices)
    if values is None or (allow_all and values == ALL):
        return choices
    values = [values] if isinstance(values, (str, int)) else list(values)
    unknown = [v for v in values if v not in choices]
    if unknown or not values:
        raise ParameterError(f"{name}={values!r}: {', '.join(map(repr, unknown)) or 'nothing'} is not a valid "
                             f"choice; choose from: {', '.join(map(str, choices))}" +
                             (f" (or {ALL!r})" if allow_all else ""))
    return values


def year_range(name: str, years: Sequence[int] | None, available: Iterable[int]) -> tuple[int, int]:
    """``(first, last)`` within the years the data has; None for all of them."""
    available = sorted({int(y) for y in available})
    if not available:
        raise ParameterError(f"{name}: there are no years in the data")
    if years is None:
        return available[0], available[-1]
    try:
        first, last = (int(y) for y in years)
    except (TypeError, ValueError):
        raise ParameterError(f"{name}={years!r} must be two years (first, last), e.g. "
                             f"({available[0]}, {available[-1]})") from None
    if first > last or last < available[0] or first > available[-1]:
        raise ParameterError(f"{name}={years!r} holds no data; the data covers {available[0]}-{available[-1]} "
                             f"(years {', '.join(map(str, available))})")
    return first, last


def from_text(value: Any) -> Any:
    """A list parameter given as text, as ``papermill -p`` passes it: ``"Blitar, Sumenep"`` or
    ``"[2019, 2020]"`` -> a list of its items; any other value unchanged."""
    if not isinstance(value, str) or ("," not in value and not value.strip().startswith("[")):
        return value
    items = [v.strip(" '\"") for v in value.strip().strip("[]").split(",")]
    return [int(v) if v.isdigit() else v for v in items if v]
