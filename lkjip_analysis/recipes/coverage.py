"""Coverage: every numeric cell of every table is used by a recipe or sits in a table
excluded with a reason. The build prints the tally; `lkjip scaffold` prints the to-do list."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..extraction import Cell
from ..extraction.tsv import is_texty
from ..text.numbers import AMBIGUOUS, EXPRESSION, MALFORMED, SEVERAL


def is_numeric_cell(cell: Cell) -> bool:
    """A cell printing a value (or a failed attempt at one), not words or a row number's label text."""
    if not cell.text or not any(ch.isdigit() for ch in cell.text):
        return False
    parsed = cell.parse()
    if parsed.ok or parsed.missing in (MALFORMED, AMBIGUOUS, SEVERAL):
        return True
    return parsed.missing == EXPRESSION and not is_texty(cell.text)


def describe_cell(report_name: str, table_id: str, cell: Cell) -> str:
    """``blitar_2020.txt:83 T0081 column 3 '5.97%'``: a cell as the coverage lists name it."""
    return f"{report_name}:{cell.line} {table_id} column {cell.col} {cell.text!r}"


@dataclass
class Coverage:
    numeric_cells: int = 0
    in_tidy: int = 0
    in_excluded: int = 0
    uncovered: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.uncovered

    def summary(self) -> str:
        share = 100 * (self.in_tidy + self.in_excluded) / self.numeric_cells if self.numeric_cells else 100.0
        return (f"coverage: {self.numeric_cells} numeric cells: {self.in_tidy} in tidy files, "
                f"{self.in_excluded} in excluded tables, {len(self.uncovered)} unaccounted ({share:.1f} % covered)")
