"""cells.csv and tables.csv: every cell of every table (whatever the recipe), and the
catalogue of the tables found with where their values went."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..extraction import Cell, Report, Table
from .provenance import provenance, report_fields

CellKey = tuple[str, int, int]  # table id, line, column


CELL_COLUMNS = ("value_id", "region", "report_year", "source_file", "source_line", "table_id", "part", "row",
                "column", "header_path", "lines", "kind", "value", "unit", "value_raw", "missing_reason")


def cell_records(report: Report, tables: list[Table], kinds: dict[CellKey, str]) -> Iterable[tuple]:
    """One row of cells.csv per printed cell, as a tuple in the order of CELL_COLUMNS (the
    dataset's columns; value_id is left empty for derive/value_ids.py): a tuple per cell, not
    a dict, since cells.csv has ten times the rows of any other file."""
    fields = report_fields(report)  # the same for every cell of the report
    region, year, file = fields["region"], fields["report_year"], fields["source_file"]
    for table in tables:
        table_id = table.table_id
        paths = {col: table.header_path(col) for col in range(table.n_cols)}
        for i, row in enumerate(table.header):
            for cell in row.cells:
                if cell.raw.strip():  # an empty cell prints nothing
                    yield (None, region, year, file, cell.line, table_id, "header", i, cell.col,
                           paths.get(cell.col, ""), _lines(cell), None, None, None, cell.raw, None)
        for i, row in enumerate(table.body):
            for cell in row.cells:
                if cell.raw.strip():
                    kind = kinds.get((table_id, cell.line, cell.col), "auto")
                    parsed = cell.parse(kind)
                    yield (None, region, year, file, cell.line, table_id, "body", i, cell.col,
                           paths.get(cell.col, ""), _lines(cell), kind, parsed.value, parsed.unit, cell.raw,
                           parsed.missing)


def _lines(cell: Cell) -> str:
    return ";".join(map(str, cell.lines)) if cell.more_lines else str(cell.line)


def table_records(report: Report, catalogue: list[tuple[Table, list[str], str | None]]) -> Iterable[dict[str, Any]]:
    for table, destination, reason in catalogue:
        yield {
            **provenance(report, table.table_id, table.first_line),
            "kind": table.kind, "caption": table.caption, "title": table.title,
            "first_line": table.first_line, "last_line": table.last_line,
            "n_rows": table.n_rows, "n_cols": table.n_cols, "copy_of": table.copy_of,
            "destination": ";".join(f"{d}.csv" for d in destination) or None,
            "excluded_because": reason,
        }
