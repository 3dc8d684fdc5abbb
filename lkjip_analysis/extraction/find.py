"""Find every table of a report: tab-separated, HTML, formulas and aid-product sentences."""

from __future__ import annotations

from .captions import caption_above
from .copies import mark_copies
from .formulas import find_formula_tables
from .html_tables import find_html_tables
from .model import Table
from .reports import Report
from .sentences import find_product_tables
from .tsv import find_tsv_tables


def find_tables(report: Report) -> list[Table]:
    """All tables of ``report`` in reading order, with captions and copies marked."""
    lines = report.lines
    html = find_html_tables(lines)
    html_lines = {n for t in html for n in t.lines}
    # HTML blocks are not scanned again for tabs.
    masked = tuple("" if n in html_lines else text for n, text in enumerate(lines, 1))
    grid = sorted([*html, *find_tsv_tables(masked)], key=lambda t: t.first_line)
    previous_end = 0
    for table in grid:
        table.caption, table.title = caption_above(lines, table.first_line, floor=previous_end)
        previous_end = table.last_line
    in_tables = {n for t in grid for n in t.lines}
    inline = [*find_formula_tables(lines, in_tables), *find_product_tables(lines, in_tables)]
    tables = sorted([*grid, *inline], key=lambda t: (t.first_line, t.table_id))
    mark_copies(tables)
    for table in tables:
        table.source_file = report.name
    return tables
