"""Strict recipes: an entry that matches nothing stops the build.

A typo in a recipe (a line number, a column, a regex) would otherwise be ignored without
a word and give wrong data: a row without its fields, a level never set, a row taken that
should have been skipped. Each check raises ``LkjipError`` naming the report, the line the
entry is about, the recipe and the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import LkjipError
from ..extraction import Report, Row, Table
from .vocabulary import Melt, Scale


@dataclass(frozen=True)
class Where:
    """The recipe and table an error is about: every message starts with both."""

    report: Report
    recipe: str  # how errors name it: "recipe lkjip_analysis.recipes.reports.<module>"
    table: Table

    def error(self, message: str, line: int | None = None) -> LkjipError:
        line = self.table.first_line if line is None else line
        return LkjipError(self.report.path, f"{self.recipe}, table {self.table.table_id}: {message}", line=line)


def _body_lines(table: Table) -> str:
    lines = [r.line for r in table.body]
    return f"its body rows are on lines {lines[0]}-{lines[-1]}" if lines else "it has no body rows"


def _holds_text(rows: Iterable[Row], col: int) -> bool:
    return any((cell := row.get(col)) is not None and cell.text for row in rows)


def _columns(cols: int | tuple[int, ...]) -> tuple[int, ...]:
    return cols if isinstance(cols, tuple) else (cols,)


def check_melt_lines(where: Where, melt: Melt) -> None:
    """Before any row is taken: every line the melt names is a body row it takes."""
    table = where.table
    body = {row.line: row for row in table.body}
    for name in melt.fill_down:
        if name not in melt.labels:
            raise where.error(f"fill_down names {name!r}, which is not one of its labels "
                              f"({', '.join(melt.labels) or 'none'})")
    if melt.rows:
        first, last = melt.rows
        for bound in melt.rows:
            if bound not in body:
                raise where.error(f"rows=({first}, {last}): line {bound} is not a body row of the table "
                                  f"({_body_lines(table)})", line=bound)
        if first > last:
            raise where.error(f"rows=({first}, {last}) is empty: the first line comes after the last", line=first)

    def taken(line: int) -> bool:
        return not melt.rows or melt.rows[0] <= line <= melt.rows[1]

    for line in melt.skip:
        if line not in body:
            raise where.error(f"skip names line {line}, which is not a body row of the table ({_body_lines(table)})",
                              line=line)
        if not taken(line):
            raise where.error(f"skip names line {line}, outside rows={melt.rows}: it is skipped anyway", line=line)
    for line in melt.row_fields:
        if line not in body:
            raise where.error(f"row_fields names line {line}, which is not a body row of the table "
                              f"({_body_lines(table)})", line=line)
        if not taken(line) or line in melt.skip:
            raise where.error(f"row_fields names line {line}, a row this entry does not take "
                              f"(rows={melt.rows}, skip={melt.skip})", line=line)
        if not any(_holds_text([body[line]], v.col) for v in melt.values):
            raise where.error(f"row_fields names line {line}, whose row prints no value in columns "
                              f"{', '.join(str(v.col) for v in melt.values)}: the fields go to no record", line=line)


def level_of(melt: Melt, row: Row) -> str | None:
    """The level of the first ``levels`` entry whose regex matches the row, if any."""
    return next((level for _, level in _matching_levels(melt, row)), None)


def _matching_levels(melt: Melt, row: Row) -> Iterable[tuple[int, str]]:
    for i, (col, pattern, level) in enumerate(melt.levels):
        cell = row.get(col)
        if cell is not None and re.search(pattern, cell.text):
            yield i, level


def check_melt_rows(where: Where, melt: Melt, rows: list[Row]) -> None:
    """Once the rows are taken: every column and regex of the melt finds something in them."""
    if not rows:
        raise where.error("the recipe takes no row of the table: the table changed")
    for v in melt.values:
        if not _holds_text(rows, v.col):
            raise where.error(f"value column {v.col} ({v.measure}) is blank on every row taken")
    for name, cols in melt.labels.items():
        if not any(_holds_text(rows, col) for col in _columns(cols)) and not any(
                name in melt.row_fields.get(row.line, {}) for row in rows):
            raise where.error(f"label {name!r} (column(s) {cols}) is blank on every row taken, and no "
                              "row_fields gives it")
    for what, col in (("numbering", melt.numbering), *(("not_data", c) for c in melt.not_data)):
        if col is not None and not _holds_text(rows, col):
            raise where.error(f"{what} column {col} is blank on every row taken")
    setting = {next((i for i, _ in _matching_levels(melt, row)), None) for row in rows}
    for i, (col, pattern, level) in enumerate(melt.levels):
        if i not in setting:
            raise where.error(f"levels entry (column {col}, {pattern!r}, {level!r}) sets the level of no row taken")


def check_scale(where: Where, scale: Scale) -> None:
    """A rating scale's label and numbering columns hold text (the band is checked row by row)."""
    rows = where.table.body
    for what, col in (*(("label", c) for c in scale.label), ("numbering", scale.numbering)):
        if col is not None and not _holds_text(rows, col):
            raise where.error(f"{what} column {col} is blank on every row of the rating scale")
