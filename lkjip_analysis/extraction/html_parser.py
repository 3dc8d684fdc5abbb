"""The HTML parser behind extraction/html_tables.py: rows of cells with the line each starts on.

A module of its own so that html.parser is imported only for a report that prints HTML tables."""

from __future__ import annotations

from html.parser import HTMLParser


class TableParser(HTMLParser):
    """Collects rows of cells with the line each cell starts on; ``<th>`` rows are header."""

    def __init__(self, line_offset: int):
        super().__init__(convert_charrefs=True)
        self._line_offset = line_offset
        self.rows: list[tuple[int, bool, list[tuple[int, str, int]]]] = []  # line, is_header, cells
        self._row: list[tuple[int, str, int]] | None = None
        self._row_line = 0
        self._row_header = False
        self._cell: list[str] | None = None
        self._cell_line = 0
        self._colspan = 1
        self._in_thead = False
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._depth += 1
        if self._depth > 1:  # nested tables stay inside their cell as text
            if self._cell is not None:
                self._cell.append(self.get_starttag_text() or "")
            return
        if tag == "thead":
            self._in_thead = True
        elif tag == "tr":
            self._row, self._row_line, self._row_header = [], self._line(), self._in_thead
        elif tag in ("td", "th") and self._row is not None:
            self._cell, self._cell_line = [], self._line()
            self._colspan = _int(dict(attrs).get("colspan"), 1)
            if tag == "th":
                self._row_header = True if not self._row else self._row_header
        elif self._cell is not None:
            self._cell.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag):
        if self._depth > 1:
            if tag == "table":
                self._depth -= 1
            if self._cell is not None:
                self._cell.append(f"</{tag}>")
            return
        if tag == "table":
            self._depth -= 1
        elif tag == "thead":
            self._in_thead = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append((self._colspan, "".join(self._cell), self._cell_line))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append((self._row_line, self._row_header, self._row))
            self._row = None
        elif self._cell is not None:
            self._cell.append(f"</{tag}>")

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def _line(self) -> int:
        return self.getpos()[0] + self._line_offset


def _int(value, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default
