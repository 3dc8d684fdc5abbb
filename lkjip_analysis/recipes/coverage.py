"""Coverage: every numeric cell of every table is used by a recipe or sits in a table
excluded with a reason. The build prints the tally; `lkjip scaffold` prints the to-do list.

An ``Exclude`` whose reason starts with ``TODO`` is a placeholder (``lkjip scaffold`` writes
one per table), not a reason: its cells stay on the to-do list until the table is mapped or
its exclusion explained.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..extraction import Cell, Table
from ..extraction.tsv import is_texty
from ..text.numbers import AMBIGUOUS, EXPRESSION, MALFORMED, SEVERAL
from .vocabulary import Exclude, Recipe

PLACEHOLDER = "TODO"  # how a placeholder exclusion's reason starts


def is_numeric_cell(cell: Cell) -> bool:
    """A cell printing a value (or a failed attempt at one), not words or a row number's label text."""
    if not cell.text or not any(map(str.isdigit, cell.text)):
        return False
    parsed = cell.parse()
    if parsed.ok or parsed.missing in (MALFORMED, AMBIGUOUS, SEVERAL):
        return True
    return parsed.missing == EXPRESSION and not is_texty(cell.text)


def numeric_cells(table: Table) -> list[Cell]:
    return [c for r in table.body for c in r.cells if is_numeric_cell(c)]


def exclusion_reason(table: Table, recipe: Recipe | None, has_numbers: bool) -> str | None:
    """Why a table's values are in no tidy file: the recipe's ``Exclude``, else a reason that
    needs no entry (a copy, a report without recipe, a table of words); None when mapped."""
    entry = recipe.entries(table.table_id) if recipe else None
    if isinstance(entry, Exclude):
        return entry.reason
    if entry:
        return None
    if table.copy_of:
        return f"copy of {table.copy_of}"
    if recipe is None:
        return "no recipe for this report"
    if not has_numbers:
        return "text only"
    return None


def describe_cell(report_name: str, table_id: str, cell: Cell) -> str:
    """``blitar_2020.txt:83 T0081 column 3 '5.97%'``: a cell as the coverage lists name it."""
    return f"{report_name}:{cell.line} {table_id} column {cell.col} {cell.text!r}"


@dataclass
class Coverage:
    numeric_cells: int = 0
    in_tidy: int = 0
    in_excluded: int = 0
    uncovered: list[str] = field(default_factory=list)

    def account(self, report_name: str, table_id: str, cells: list[Cell], used: set, reason: str | None) -> None:
        """Tally a table's numeric ``cells``: used by the recipe, excluded with ``reason``, or to do."""
        self.numeric_cells += len(cells)
        for cell in cells:
            if (table_id, cell.line, cell.col) in used:
                self.in_tidy += 1
            elif reason and not reason.startswith(PLACEHOLDER):
                self.in_excluded += 1
            else:
                self.uncovered.append(describe_cell(report_name, table_id, cell))

    def add(self, other: Coverage) -> None:
        """Tally ``other``'s cells too (another report's, or another part of the manifest's)."""
        self.numeric_cells += other.numeric_cells
        self.in_tidy += other.in_tidy
        self.in_excluded += other.in_excluded
        self.uncovered.extend(other.uncovered)

    @property
    def complete(self) -> bool:
        return not self.uncovered

    def summary(self) -> str:
        share = 100 * (self.in_tidy + self.in_excluded) / self.numeric_cells if self.numeric_cells else 100.0
        return (f"coverage: {self.numeric_cells} numeric cells: {self.in_tidy} in tidy files, "
                f"{self.in_excluded} in excluded tables, {len(self.uncovered)} unaccounted ({share:.1f} % covered)")
