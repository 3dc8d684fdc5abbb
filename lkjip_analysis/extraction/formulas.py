"""LaTeX formulas that carry data (Lumajang's ``$$\\frac{426.794}{541.897} ...$$``).

Each formula with data becomes a one-row table whose header names each number's role
(numerator, denominator, factor, result, term), so that its numbers are reachable with
their line like any table cell.
"""

from __future__ import annotations

import re

from ..text.patterns import NUMBER_RE
from .model import Table, one_line_table

_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$")
_PERCENT_AFTER = re.compile(r"^\s*\\?%")
_SIGN_BEFORE = re.compile(r"(?:^|[=(])\s*([-\u2212])\s*$")

DATA_ROLES = ("numerator", "denominator", "result", "term")
_FACTOR_BEFORE = re.compile(r"(\\times|\\div|[x\u00d7])\s*$")
_DIVIDED_BY = re.compile(r"[:/]\s*$")
_LABEL = re.compile(r"^\s*\d+\s*[.)]\s*(?!\d)")  # "1 . \% Penanganan ..." numbers the formula
_RESULT_TAIL = re.compile(r"^\s*(\\?%|\\end\{aligned\}|\\quad|\s)*$")


def _math_numbers(math: str) -> list[tuple[str, str]]:
    """(number as printed, role) for each number of a LaTeX expression.

    Roles: ``numerator``/``denominator`` inside ``\\frac{..}{..}``; ``factor`` after
    ``\\times`` or ``\\div`` (the ``x 100 %``); ``a : b`` written inline is a
    numerator and a denominator too;
    ``result`` for the number that ends the expression after an ``=``; ``term``
    otherwise. A leading list number (``1 .``) is not data and is left out.
    """
    roles = _frac_roles(math)
    last_eq = _last_top_level_eq(math)
    label = _LABEL.match(math)
    out = []
    for m in NUMBER_RE.finditer(math):
        if label and m.start() < label.end():
            continue
        if m.start() > 0 and math[m.start() - 1].isalpha():
            continue  # part of a name such as "x2"
        # The cell keeps the number as printed, with its sign and "\%" ("- 0,81\%").
        start, end = m.start(), m.end()
        sign = _SIGN_BEFORE.search(math[: m.start()])
        if sign:
            start = sign.start(1)
        percent = _PERCENT_AFTER.match(math[m.end():])
        if percent:
            end += percent.end()
        text = math[start:end].strip()
        role = roles.get(m.start())
        if role is None:
            before = math[: m.start()]
            if _FACTOR_BEFORE.search(before):
                role = "factor"
            elif _DIVIDED_BY.search(before) and out and out[-1][1] == "term":
                out[-1] = (out[-1][0], "numerator")  # "40 : 1421" written inline
                role = "denominator"
            elif last_eq is not None and m.start() > last_eq and _RESULT_TAIL.match(math[m.end():]):
                role = "result"
            else:
                role = "term"
        out.append((text, role))
    return out


def _frac_roles(math: str) -> dict[int, str]:
    """Character offset -> numerator/denominator for the digits inside \\frac groups."""
    roles: dict[int, str] = {}
    for m in re.finditer(r"\\frac\s*\{", math):
        pos = m.end() - 1
        for role in ("numerator", "denominator"):
            end = _matching_brace(math, pos)
            if end is None:
                break
            for n in NUMBER_RE.finditer(math, pos + 1, end):
                roles.setdefault(n.start(), role)
            pos = math.find("{", end + 1)
            if pos < 0:
                break
    return roles


def _matching_brace(s: str, open_pos: int) -> int | None:
    depth = 0
    for i in range(open_pos, len(s)):
        if s[i] == "{":
            depth += 1
        elif s[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return None


def _last_top_level_eq(math: str) -> int | None:
    depth, last = 0, None
    for i, ch in enumerate(math):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "=" and depth == 0:
            last = i
    return last


def find_formula_tables(lines: tuple[str, ...], skip: set[int]) -> list[Table]:
    tables = []
    for number, text in enumerate(lines, 1):
        if number in skip or "$" not in text:
            continue
        found = []
        for m in _MATH.finditer(text):
            math = m.group(1) or m.group(2)
            found.extend(_math_numbers(math))
        if not any(role in DATA_ROLES for _, role in found):
            continue  # a formula's definition: only its "x 100 %"
        title = " ".join((m.group(1) or m.group(2)).strip() for m in _MATH.finditer(text))
        tables.append(one_line_table("formula", number, [role for _, role in found], [[value for value, _ in found]],
                                     title))
    return tables
