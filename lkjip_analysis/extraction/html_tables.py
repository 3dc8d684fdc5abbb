"""HTML ``<table>`` markup inside the text (tables some PDF converters emit as HTML)."""

from __future__ import annotations

import re

from .model import Cell, Row, Table, table_id

_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)


def find_html_tables(lines: tuple[str, ...]) -> list[Table]:
    """Every top-level ``<table>...</table>`` block, cells stripped of tags via ``Cell.text``."""
    tables = []
    n = 0
    while n < len(lines):
        if not _OPEN.search(lines[n]):
            n += 1
            continue
        start = n
        depth = 0
        end = n
        for end in range(n, len(lines)):
            depth += len(_OPEN.findall(lines[end])) - len(_CLOSE.findall(lines[end]))
            if depth <= 0:
                break
        from .html_parser import TableParser  # html.parser only for a report that prints HTML tables

        parser = TableParser(line_offset=start)
        parser.feed("\n".join(lines[start : end + 1]))
        parser.close()
        header, body = [], []
        for line, is_header, cells in parser.rows:
            row_cells, col = [], 0
            for span, raw, cell_line in cells:
                row_cells.append(Cell(col, raw, cell_line))
                col += span
                # A colspan leaves its other columns empty: values are never duplicated.
                for extra in range(1, span):
                    row_cells.append(Cell(col - span + extra, "", cell_line))
            row_cells.sort(key=lambda c: c.col)
            (header if is_header and not body else body).append(Row(line, tuple(row_cells)))
        first, last = start + 1, end + 1
        tables.append(Table(table_id("html", first), "html", first, last, header, body))
        n = end + 1
    return tables
