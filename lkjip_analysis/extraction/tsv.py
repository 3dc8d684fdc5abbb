"""Tab-separated tables: the form most tables of the PDF conversions take.

A table is a run of lines holding tabs. Runs separated only by blank lines are one
table split by a page break (the PDF conversion leaves blank lines there); so are runs
separated by a single short running-header line such as ``LKjIP DINAS SOSIAL KOTA
PASURUAN 2022``. After a page break the report may print the header again (dropped,
its lines recorded as skipped) and a row may continue the last row before the break
(``APBN – BST yang`` / ``disalurkan PT.Pos (II)``): such a text-only row is merged
into the row it continues, each cell keeping every line it is printed on.
"""

from __future__ import annotations

import re

from ..text.numbers import EXPRESSION, MALFORMED, TEXT, parse_id_number
from ..text.patterns import is_year
from .model import Cell, Row, Table, is_column_number_row, table_id

MAX_HEADER_ROWS = 3
MAX_HEADER_CELL = 80  # longer cells are prose, not column headings
MAX_RUNNING_HEADER = 60

_ROMAN = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)  # page numbers in tables of contents
_LIST_NUMBER = re.compile(r"^(\d+|[a-zA-Z])[.)]\s*\S")
# Page furniture the PDF conversion leaves between the parts of a table: the report's
# running title ("LKjIP DINAS SOSIAL KOTA PASURUAN 2022") or a bare page number.
_RUNNING_HEADER = re.compile(r"\b(LKj\s?IP|LAKj?IP|LKJiP|laporan kinerja)\b|^(halaman\s*)?\d{1,3}$", re.IGNORECASE)


def split_cells(text: str, line: int) -> tuple[Cell, ...]:
    return tuple(Cell(col, raw, line) for col, raw in enumerate(text.split("\t")))


def is_texty(text: str) -> bool:
    """Words rather than a value: no digits, or prose that merely contains some."""
    parsed = parse_id_number(text)
    if parsed.missing == TEXT:
        return True
    if parsed.missing in (EXPRESSION, MALFORMED) and not _ROMAN.match(text):
        return sum(map(str.isalpha, text)) > sum(map(str.isdigit, text))
    return False


def _row_is_text_only(row: Row) -> bool:
    filled = [c.text for c in row.cells if c.text]
    return bool(filled) and all(is_texty(t) for t in filled)


def _header_like(row: Row, first: bool) -> bool:
    filled = [(c.col, c.text) for c in row.cells if c.text]
    if not filled:
        return True
    if not first and len(filled) == 1 and filled[0][0] == 0:
        return False  # a group label such as "MISI I dan III" opens the body
    for _, text in filled:
        if len(text) > MAX_HEADER_CELL:
            return False
        if is_year(text):
            continue
        if _ROMAN.match(text) or not is_texty(text):
            return False
    return True


def count_header_rows(rows: list[Row]) -> int:
    """How many leading rows are the header: up to a column-number row, else heading-like rows."""
    for k, row in enumerate(rows[: MAX_HEADER_ROWS + 1]):
        if is_column_number_row(row.texts()):
            return k + 1
    count = 0
    for k, row in enumerate(rows[:MAX_HEADER_ROWS]):
        if not _header_like(row, first=k == 0):
            break
        count += 1
    if count and count == len(rows):
        return 1  # nothing but words: take the first row as the header
    return count


def _runs(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """Maximal runs of consecutive lines holding a tab, as 1-based inclusive ranges."""
    runs: list[tuple[int, int]] = []
    start = None
    for number, text in enumerate(lines, 1):
        if "\t" in text:
            if start is None:
                start = number
        elif start is not None:
            runs.append((start, number - 1))
            start = None
    if start is not None:
        runs.append((start, len(lines)))
    return runs


def _gap_joins(lines: tuple[str, ...], prev: tuple[int, int], nxt: tuple[int, int]) -> tuple[bool, list[int]]:
    """Whether two runs are one table across a page break; the gap's non-blank lines."""
    gap = [n for n in range(prev[1] + 1, nxt[0]) if lines[n - 1].strip()]
    if not gap:
        return True, []
    if len(gap) > 1:
        return False, gap
    text = lines[gap[0] - 1].strip()
    if len(text) > MAX_RUNNING_HEADER or not _RUNNING_HEADER.search(text):
        return False, gap
    # A running page header: the rows on both sides have the same width and the
    # next part goes on with values rather than opening with a header of its own.
    last = split_cells(lines[prev[1] - 1], prev[1])
    first = Row(nxt[0], split_cells(lines[nxt[0] - 1], nxt[0]))
    same_width = len(last) == len(first)
    return same_width and not _row_is_text_only(first), gap


def find_tsv_tables(lines: tuple[str, ...]) -> list[Table]:
    runs = _runs(lines)
    groups: list[list[tuple[int, int]]] = []
    furniture: list[list[int]] = []
    for run in runs:
        if groups:
            joins, gap = _gap_joins(lines, groups[-1][-1], run)
            if joins:
                groups[-1].append(run)
                furniture[-1].extend(gap)
                continue
        groups.append([run])
        furniture.append([])
    return [_build_table(lines, parts, skipped) for parts, skipped in zip(groups, furniture)]


def _build_table(lines: tuple[str, ...], parts: list[tuple[int, int]], skipped: list[int]) -> Table:
    def rows_of(part: tuple[int, int]) -> list[Row]:
        return [Row(n, split_cells(lines[n - 1], n)) for n in range(part[0], part[1] + 1)]

    first_rows = rows_of(parts[0])
    n_header = count_header_rows(first_rows)
    header, body = first_rows[:n_header], first_rows[n_header:]
    skipped = list(skipped)
    for part in parts[1:]:
        rows = rows_of(part)
        # A header printed again after the page break.
        k = 0
        while k < len(rows) and k < len(header) and _same_row(rows[k], header[k]):
            skipped.append(rows[k].line)
            k += 1
        rows = rows[k:]
        if rows and body and _continues(rows[0]):
            body[-1] = _merge(body[-1], rows[0])
            rows = rows[1:]
        body.extend(rows)
    first_line, last_line = parts[0][0], parts[-1][1]
    return Table(
        table_id=table_id("tsv", first_line),
        kind="tsv",
        first_line=first_line,
        last_line=last_line,
        header=header,
        body=body,
        skipped_lines=sorted(skipped),
    )


def _same_row(a: Row, b: Row) -> bool:
    def norm(row: Row) -> list[str]:
        texts = [t.lower() for t in row.texts()]
        while texts and not texts[-1]:
            texts.pop()
        return texts

    return norm(a) == norm(b)


def _continues(row: Row) -> bool:
    """A row after a page break that only carries the wrapped text of the row before it."""
    if not _row_is_text_only(row):
        return False
    first = next(c.text for c in row.cells if c.text)
    return not _LIST_NUMBER.match(first)


def _merge(prev: Row, cont: Row) -> Row:
    cells = list(prev.cells)
    for c in cont.cells:
        if not c.text:
            continue
        while len(cells) <= c.col:
            cells.append(Cell(len(cells), "", prev.line))
        target = c.col
        if cells[target].text and not is_texty(cells[target].text):
            # The page break shifted the columns: continue the nearest text cell to the left.
            target = next((j for j in range(c.col - 1, -1, -1) if cells[j].text and is_texty(cells[j].text)), c.col)
        old = cells[target]
        if old.text:
            cells[target] = Cell(old.col, f"{old.raw} {c.raw}", old.line, (*old.more_lines, cont.line))
        else:
            cells[target] = Cell(old.col, c.raw, cont.line)
    return Row(prev.line, tuple(cells))
