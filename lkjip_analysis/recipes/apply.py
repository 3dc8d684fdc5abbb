"""Apply a report's recipe to its tables: long records for the tidy datasets.

Report-agnostic: everything specific to a report is in its recipe. Each record keeps
the cell it came from (``_cell``: table id, line, column) so the build can prove that
every numeric cell went somewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..datasets.catalogue import CellKey
from ..datasets.provenance import provenance, report_fields, value_fields
from ..datasets.schema import DATASETS
from ..errors import LkjipError
from ..extraction import Report, Row, Table
from ..extraction.model import table_id as make_table_id
from ..text.clean import clean_text
from ..text.numbers import parse_id_number
from ..text.patterns import SEPARATOR, is_year, number_pattern
from ..text.units import count_unit_alternation
from .bands import parse_band
from .checks import Where, check_melt_lines, check_melt_rows, check_scale, level_of
from .vocabulary import Exclude, Melt, Pick, Quote, Recipe, Scale

_OPTIONAL = ("origin", "period", "measure")  # set by the machinery; kept only where the dataset has them
_COLUMNS = {name: frozenset(dataset.columns) for name, dataset in DATASETS.items()}  # looked up per record


def _number_with_unit(separator: str) -> re.Pattern[str]:
    """A number with what is printed around it: "Rp. 200.000", "1.047.919 KPM", "3.000 Ruta",
    "5,97%", "(308.284.117,25)", "- 0,81 %"."""
    return re.compile(rf"(?:Rp\.?\s*)?\(?-?\s?{number_pattern(separator)}(?:,-)?\)?"
                      rf"(?:\s*(?:%|{count_unit_alternation()})\b|\s*%)?", re.IGNORECASE)


NUMBER_AS_PRINTED = _number_with_unit(SEPARATOR)
# squeeze: "142 1" (a line wrap inside 1421) is one number
NUMBER_SPLIT_BY_SPACES = _number_with_unit(rf"(?:{SEPARATOR}| (?=\d))")


@dataclass
class TidyResult:
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    used: set[CellKey] = field(default_factory=set)
    destinations: dict[str, set[str]] = field(default_factory=dict)
    kinds: dict[CellKey, str] = field(default_factory=dict)  # the kind a recipe reads a column with

    def add(self, dataset: str, record: dict[str, Any], table_id: str | None = None, *,
            path: str | Path | None = None, recipe: str = "recipe") -> None:
        """Keep ``record`` for ``dataset``; ``path`` (the report) and ``recipe`` name it in errors."""
        path = path or record.get("source_file")
        where = f"{recipe}, table {record.get('table_id')}"
        if dataset not in DATASETS:
            raise LkjipError(path, f"{where}: unknown dataset {dataset!r} (datasets: {', '.join(DATASETS)})",
                             line=record.get("source_line"))
        columns = _COLUMNS[dataset]
        unknown = [k for k in record if k not in columns and k not in _OPTIONAL]
        if unknown:
            raise LkjipError(path, f"{where}: gives {dataset} unknown field(s) {', '.join(unknown)}",
                             line=record.get("source_line"))
        record = {k: v for k, v in record.items() if k in columns}
        self.records.setdefault(dataset, []).append(record)
        if table_id:
            self.destinations.setdefault(table_id, set()).add(dataset)


def _check_expect(where: Where, expect: str | None) -> None:
    if not expect:
        return
    table = where.table
    haystack = " ".join(filter(None, [table.caption, table.title, *(c.text for r in table.header for c in r.cells),
                                      *(c.text for r in table.body[:1] for c in r.cells)]))
    if expect.lower() not in " ".join(haystack.split()).lower():
        raise where.error(f"expects the table to show {expect!r}; the table found there is "
                          f"{table.caption or table.title or 'untitled'!r} - the recipe no longer matches the report")


def _rows(table: Table, melt: Melt) -> Iterator[Row]:
    for row in table.body:
        if melt.rows and not melt.rows[0] <= row.line <= melt.rows[1]:
            continue
        if row.line in melt.skip:
            continue
        yield row


def apply_melt(report: Report, table: Table, melt: Melt, result: TidyResult, recipe: str = "recipe") -> None:
    where = Where(report, recipe, table)
    _check_expect(where, melt.expect)
    check_melt_lines(where, melt)
    rows = list(_rows(table, melt))
    check_melt_rows(where, melt, rows)
    carried: dict[str, str] = {}
    fields, origin = report_fields(report), _origin(table)  # the same for every record of the table
    for row in rows:
        labels = {}
        for name, cols in melt.labels.items():
            cells = [c for c in (row.get(i) for i in (cols if isinstance(cols, tuple) else (cols,))) if c is not None]
            text = " ".join(c.text for c in cells if c.text)
            if not text and name in melt.fill_down:
                text = carried.get(name, "")
            labels[name] = text
            carried[name] = text
            result.used.update((table.table_id, c.line, c.col) for c in cells if c.text)
        if (level := level_of(melt, row)) is not None:
            labels["level"] = level
        for col in (melt.numbering, *melt.not_data):
            if col is not None and (num := row.get(col)) is not None and num.text:
                result.used.add((table.table_id, num.line, num.col))  # accounted for, no record
        for v in melt.values:
            cell = row.get(v.col)
            if cell is None or not cell.text:
                continue  # nothing printed: no value to record
            result.used.add((table.table_id, cell.line, cell.col))
            result.kinds[(table.table_id, cell.line, cell.col)] = v.kind
            parsed = cell.parse(v.kind, v.parens)
            record = {
                **fields, "source_line": cell.line, "table_id": table.table_id,  # provenance()
                "origin": origin,
                **melt.fixed, **labels, **v.fields, **melt.row_fields.get(row.line, {}),
                "period": _period(where, v.period, labels.get("period"), row.line), "measure": v.measure,
                **value_fields(parsed, cell.text, v.unit),
            }
            result.add(melt.dataset, record, table.table_id, path=report.path, recipe=recipe)


def apply_scale(report: Report, table: Table, scale: Scale, result: TidyResult, recipe: str = "recipe") -> None:
    where = Where(report, recipe, table)
    _check_expect(where, scale.expect)
    check_scale(where, scale)
    for rank, row in enumerate(table.body, 1):
        cell = row.get(scale.band)
        if cell is None or not cell.text:
            raise where.error(f"rating-scale row without a band in column {scale.band}", line=row.line)
        band = parse_band(cell.text)
        if band is None:
            raise where.error(f"cannot read the band {cell.text!r}; the recipe or bands.py needs to learn "
                              "this form", line=row.line)
        label = " - ".join(c.text for c in (row.get(i) for i in scale.label) if c is not None and c.text)
        used = [cell, *(row.get(i) for i in (*scale.label, scale.numbering) if i is not None)]
        result.used.update((table.table_id, c.line, c.col) for c in used if c is not None and c.text)
        record = {**provenance(report, table.table_id, cell.line), "scale": scale.scale, "rank": rank,
                  "label": label, **band._asdict(), "value_raw": cell.text}
        result.add("rating_scales", record, table.table_id, path=report.path, recipe=recipe)


def _period(where: Where, given: int | None, printed: str | None, line: int) -> int | None:
    """A Value's period, else a year printed in the row's period column (Tabel 1.1 style)."""
    if given is not None or not printed:
        return given
    if not is_year(printed.strip()):
        raise where.error(f"the period label holds {printed!r}, not a year", line=line)
    return int(printed)


def _origin(table: Table) -> str:
    return {"formula": "formula", "narrative": "narrative"}.get(table.kind, "table")


def apply_pick(report: Report, pick: Pick, tables_by_line: dict[int, list[Table]], result: TidyResult,
               recipe: str = "recipe") -> None:
    def error(message: str) -> LkjipError:
        return LkjipError(report.path, f"{recipe}, pick {pick.text!r}: {message}", line=pick.line)

    if not 1 <= pick.line <= len(report.lines):
        raise error(f"the line is outside the report (1-{len(report.lines)})")
    table_id, where = make_table_id("prose", pick.line), report.line(pick.line)
    cell = None
    if pick.col is not None:
        table = next((t for t in tables_by_line.get(pick.line, []) if t.kind in ("tsv", "html")), None)
        if table is None:
            raise error("picks from a table (col is given), but no table is printed on this line")
        try:
            cell = table.find_cell(pick.line, pick.col)
        except KeyError:
            raise error(f"{table.table_id} has no cell in column {pick.col} on this line") from None
        table_id, where = table.table_id, cell.raw
    printed = " ".join(where.split())
    if pick.text not in printed and clean_text(pick.text) not in clean_text(printed):
        raise error(f"the text is not printed here; the report prints {where[:120]!r}")
    pattern = NUMBER_SPLIT_BY_SPACES if pick.squeeze else NUMBER_AS_PRINTED
    numbers = [m.group(0).strip() for m in pattern.finditer(clean_text(pick.text))]
    if pick.nth >= len(numbers):
        raise error(f"wants number {pick.nth} (counting from 0) of the text, which has {len(numbers)}")
    printed = numbers[pick.nth]
    readable = re.sub(r"(?<=\d) (?=\d)", "", printed) if pick.squeeze else printed
    parsed = parse_id_number(readable, pick.kind, pick.parens)
    if cell is not None:
        result.used.add((table_id, cell.line, cell.col))
    record = {
        **provenance(report, table_id, pick.line),
        "origin": "table" if cell is not None else "narrative",
        **pick.fields, "measure": pick.measure,
        **value_fields(parsed, printed, pick.unit),
    }
    result.add(pick.dataset, record, table_id if cell is not None else None, path=report.path, recipe=recipe)


def _line_of_table_id(table_id: str) -> int | None:
    """``T0111`` -> 111: a table id names the line its table starts on."""
    m = re.fullmatch(r"[A-Z](\d+)", table_id)
    return int(m.group(1)) if m else None


def apply_recipe(report: Report, tables: list[Table], recipe: Recipe) -> TidyResult:
    result = TidyResult()
    name = recipe.name
    by_id = {t.table_id: t for t in tables}
    for table_id in recipe.tables:
        if table_id not in by_id:
            raise LkjipError(report.path, f"{name} names table {table_id}, which is not found in the report "
                             f"(tables: {', '.join(sorted(by_id))})", line=_line_of_table_id(table_id))
    for table in tables:
        entry = recipe.entries(table.table_id)
        if isinstance(entry, Exclude):
            _check_expect(Where(report, name, table), entry.expect)
        elif entry:
            for spec in entry:
                if isinstance(spec, Scale):
                    apply_scale(report, table, spec, result, name)
                else:
                    apply_melt(report, table, spec, result, name)
    tables_by_line: dict[int, list[Table]] = {}
    for t in tables:
        for n in t.lines:
            tables_by_line.setdefault(n, []).append(t)
    for pick in recipe.picks:
        apply_pick(report, pick, tables_by_line, result, name)
    for quote in recipe.quotes:
        check_quote(report, quote, name)
    return result


def check_quote(report: Report, quote: Quote, name: str) -> None:
    """A quoted sentence must still be printed where the recipe says: a shifted line stops the build
    instead of putting the wrong sentence in a brief."""
    printed = clean_text(report.line(quote.line)).lower()
    if clean_text(quote.text).lower() not in printed:
        raise LkjipError(report.path, f"{name}: quote ({quote.topic}) expects {quote.text!r} on this line; the "
                         f"report prints {report.line(quote.line)[:120]!r}", line=quote.line)
