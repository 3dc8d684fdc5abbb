"""What the table finder hands back: tables of rows of cells, each cell with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.clean import clean_text
from ..text.numbers import Kind, ParsedNumber, parse_id_number

# Table kinds: the prefix of their ids and what the kind is, in the words of the table_id
# field's description. "prose" is a figure a recipe picks out of a sentence (no table of its own).
TABLE_KINDS: dict[str, tuple[str, str]] = {
    "tsv": ("T", "tab-separated"),
    "html": ("H", "HTML"),
    "formula": ("F", "LaTeX formula"),
    "narrative": ("N", "sentence"),
    "prose": ("P", "a figure in the prose"),
}
KIND_PREFIX = {kind: prefix for kind, (prefix, _) in TABLE_KINDS.items()}


def table_id(kind: str, first_line: int) -> str:
    """``T0111``: the kind's prefix and the first line, stable when other tables change."""
    return f"{KIND_PREFIX[kind]}{first_line:04d}"


def table_id_forms() -> str:
    """The id forms in words: "T<first line> tab-separated, H<line> HTML, ..."."""
    return ", ".join(f"{prefix}<{'first line' if i == 0 else 'line'}> {meaning}"
                     for i, (prefix, meaning) in enumerate(TABLE_KINDS.values()))


@dataclass(frozen=True)
class Cell:
    """One cell: its raw text as printed and the 1-based line it starts on.

    A cell that wraps onto later lines has those in ``more_lines``; its ``raw`` is the
    parts joined by a space.
    """

    col: int
    raw: str
    line: int
    more_lines: tuple[int, ...] = ()
    text: str = field(init=False, compare=False, repr=False)  # ``raw`` without tags or markup

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.raw))

    @property
    def lines(self) -> tuple[int, ...]:
        return (self.line, *self.more_lines)

    def parse(self, kind: Kind = "auto", parens: str = "negative") -> ParsedNumber:
        return parse_id_number(self.raw, kind, parens)


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[Cell, ...]

    def __len__(self) -> int:
        return len(self.cells)

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def get(self, col: int) -> Cell | None:
        return self.cells[col] if 0 <= col < len(self.cells) else None


@dataclass
class Table:
    """A table found in a report.

    ``header`` rows (years, Target/Realisasi pairs, ``(1) (2) (3)`` column numbers) and
    ``body`` rows are kept apart; ``skipped_lines`` are lines inside the table that hold
    no row of it (a header repeated after a page break, a running page header).
    """

    table_id: str
    kind: str
    first_line: int
    last_line: int
    header: list[Row]
    body: list[Row]
    caption: str | None = None
    title: str | None = None
    skipped_lines: list[int] = field(default_factory=list)
    copy_of: str | None = None
    source_file: str | None = None

    @property
    def n_rows(self) -> int:
        return len(self.body)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in [*self.header, *self.body]), default=0)

    @property
    def lines(self) -> range:
        return range(self.first_line, self.last_line + 1)

    def header_path(self, col: int) -> str:
        """The column's header, spanning cells carried right: e.g. ``2015 / Target``.

        The ``(1) (2) (3)`` column-number row is left out (see ``column_numbers``).
        """
        parts = (self._header_part(h, i, col) for i, h in enumerate(self.header) if not _is_column_number_row(h))
        return " / ".join(p for p in parts if p)

    def _header_part(self, row: Row, index: int, col: int) -> str:
        cell = row.get(col)
        if cell is not None and cell.text:
            return cell.text
        # A spanning cell: carry the nearest cell to the left, but only over columns
        # that a lower header row subdivides (e.g. a year over Target | Realisasi).
        lower = [r for r in self.header[index + 1 :] if not _is_column_number_row(r)]
        lower_has_content = any((r.get(col) is not None and r.get(col).text) for r in lower)
        if not lower_has_content:
            return ""
        for left in range(col - 1, -1, -1):
            c = row.get(left)
            if c is not None and c.text:
                below_left = [r.get(left) for r in lower]
                # The left cell spans only if it, too, sits over subdivided columns.
                if any(b is not None and b.text for b in below_left):
                    return c.text
                return ""
        return ""

    def column_numbers(self) -> Row | None:
        return next((r for r in self.header if _is_column_number_row(r)), None)

    def find_cell(self, line: int, col: int) -> Cell:
        """The cell printed at ``line`` in column ``col``: body rows first (for tests and recipes)."""
        for row in [*self.body, *self.header]:
            for cell in row.cells:
                if cell.col == col and line in cell.lines:
                    return cell
        raise KeyError(f"{self.table_id}: no cell in column {col} on line {line}")


_COLNUM = re.compile(r"^\(?(\d{1,2})\)?(?:\s*=\s*\(.*\))?$")  # "(3)", "3", "5 = (3-4)"


def is_column_number_row(texts: list[str]) -> bool:
    """``(1) (2) (3)`` or ``1 2 3 4 5 = (3-4)``: the column-number row under a header."""
    filled = [t for t in texts if t]
    if len(filled) < 3:
        return False
    numbers = []
    for t in filled:
        m = _COLNUM.match(t)
        if not m:
            return False
        numbers.append(int(m.group(1)))
    return numbers[0] in (0, 1, 2) and all(b > a for a, b in zip(numbers, numbers[1:]))


def _is_column_number_row(row: Row) -> bool:
    return is_column_number_row(row.texts())


def one_line_table(kind: str, line: int, roles, rows: list[list[str]], title: str) -> Table:
    """A table printed on one line (a formula, a sentence): a header naming each number's
    role, then one body row per group of numbers."""
    header = Row(line, tuple(Cell(i, role, line) for i, role in enumerate(roles)))
    body = [Row(line, tuple(Cell(i, text, line) for i, text in enumerate(row))) for row in rows]
    return Table(table_id(kind, line), kind, line, line, [header], body, title=title[:160])
