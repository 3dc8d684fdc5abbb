"""cells.csv and tables.csv: every cell of every table (whatever the recipe), and the
catalogue of the tables found with where their values went."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..extraction import Report, Table
from .provenance import provenance

CellKey = tuple[str, int, int]  # table id, line, column


def cell_records(report: Report, tables: list[Table], kinds: dict[CellKey, str]) -> Iterable[dict[str, Any]]:
    for table in tables:
        paths = {col: table.header_path(col) for col in range(table.n_cols)}
        for part, rows in (("header", table.header), ("body", table.body)):
            for i, row in enumerate(rows):
                for cell in row.cells:
                    if not cell.raw.strip():
                        continue  # an empty cell prints nothing
                    kind = kinds.get((table.table_id, cell.line, cell.col), "auto")
                    parsed = cell.parse(kind) if part == "body" else None
                    yield {
                        **provenance(report, table.table_id, cell.line),
                        "part": part, "row": i, "column": cell.col,
                        "header_path": paths.get(cell.col, ""),
                        "lines": ";".join(map(str, cell.lines)),
                        "kind": kind if part == "body" else None,
                        "value": parsed.value if parsed else None,
                        "unit": parsed.unit if parsed else None,
                        "value_raw": cell.raw,
                        "missing_reason": parsed.missing if parsed else None,
                    }


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
