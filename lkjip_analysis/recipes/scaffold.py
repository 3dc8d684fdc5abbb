"""`lkjip scaffold FILE`: the starting recipe of a report that has none.

The module written lists every table the finder sees, with its caption, lines and column
headers, and gives each table with numbers a placeholder ``Exclude(TODO, expect=...)``
(``expect`` taken from the table itself, so the recipe stops the build if the report
changes) above a commented ``Melt`` skeleton naming its value columns. Copies and tables
without numbers need no entry: the build excludes them automatically. The module builds
as-is; its placeholders keep their cells on the coverage to-do list (see coverage.py)
until they are mapped or explained.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..datasets.schema import TIDY
from ..errors import LkjipError
from ..extraction import Report, Table, find_tables, read_report
from .apply import apply_recipe
from .coverage import PLACEHOLDER, Coverage, exclusion_reason, numeric_cells
from .registry import extra_recipe_dir, recipes_by_report, shipped_recipe_dir
from .vocabulary import Recipe

TODO = f"{PLACEHOLDER}: map or explain"
_NO_ENTRY = Recipe("", {})  # a recipe naming no table: how the build treats a table without entry
_WIDTH = 120  # the project's line length
_EXPECT_WORDS = 8  # enough to recognise a table, short enough to survive a reworded title
_NUMBERING_HEADER = re.compile(r"(?i)^no\.?$")


@dataclass
class Scaffold:
    path: Path  # where the module was written
    report: Report
    tables: list[Table]
    coverage: Coverage  # of the scaffolded recipe: its uncovered cells are the to-do list
    placeholders: int
    automatic: int
    had_recipe: bool  # the report already has a recipe elsewhere (this one is a fresh start)


def default_path(report_path: Path) -> Path:
    """``data/raw/recipes/<stem>.py``: where the build of ``data/raw`` looks for it."""
    return extra_recipe_dir(report_path.parent) / f"{report_path.stem}.py"


def scaffold(report_file: str | Path, out: str | Path | None = None) -> Scaffold:
    """Write the starting recipe of ``report_file`` to ``out`` (default: ``default_path``)."""
    report = read_report(report_file)
    out = Path(out) if out is not None else default_path(report.path)
    if out.exists():
        raise LkjipError(out, "already exists; lkjip scaffold never overwrites a recipe (move it away to start over)")
    had_recipe = report.name in recipes_by_report(report.path.parent)
    registry_dirs = {extra_recipe_dir(report.path.parent).resolve(), shipped_recipe_dir().resolve()}
    if had_recipe and out.parent.resolve() in registry_dirs:
        raise LkjipError(out, f"{report.name} already has a recipe; a second one here would stop the build "
                         "(give --out elsewhere to compare)")
    tables = find_tables(report)
    text = module_text(report, tables)
    recipe = _recipe_from(text, out)
    result = apply_recipe(report, tables, recipe)  # the module builds as-is
    coverage = Coverage()
    automatic = 0
    for table in tables:
        cells = numeric_cells(table)
        reason = exclusion_reason(table, recipe, bool(cells))
        automatic += table.table_id not in recipe.tables
        coverage.account(report.name, table.table_id, cells, result.used, reason)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return Scaffold(out, report, tables, coverage, len(recipe.tables), automatic, had_recipe)


def _recipe_from(text: str, out: Path) -> Recipe:
    namespace: dict = {}
    exec(compile(text, str(out), "exec"), namespace)
    return namespace["RECIPE"]


def module_text(report: Report, tables: list[Table]) -> str:
    source = report.source
    about = f"{source.office}, LKjIP {source.report_year} ({report.name})" if source else report.name
    out = [
        f'"""{about}:',
        "a starting recipe written by `lkjip scaffold`.",
        "",
        "Every table found (`lkjip tables`) is listed below with its caption, lines and column",
        "headers. Replace each placeholder ``Exclude(TODO, ...)`` with what the table means: a",
        "``Melt`` (a skeleton is commented above each entry), a ``Scale``, or an ``Exclude`` whose",
        "reason says why its values belong in no tidy file (table of contents, ...). ``Pick`` takes",
        "a figure from the prose. Import what you use from ``lkjip_analysis.recipes``. Copies of",
        "earlier tables and tables without numbers need no entry: the build excludes them.",
        "`lkjip build` lists the numeric cells still to do; the recipe is done when none is left.",
        "",
        f"Tidy datasets: {', '.join(TIDY)};",
        "their fields and measures: lkjip_analysis/datasets/schema.py.",
        "Indicator labels map to canonical ids (lkjip_analysis/reference/indicators.yaml) through",
        "indicator_labels below: {id: (label as printed, ...)}.",
        '"""',
        "",
        "from lkjip_analysis.recipes import Exclude, Recipe",
        "",
        f"TODO = {_literal(TODO)}",
        "",
        "RECIPE = Recipe(",
        f"    report={_literal(report.name)},",
        "    indicator_labels={},  # canonical id -> labels as printed (see reference/indicators.yaml)",
        "    tables={",
    ]
    entries = [_table_entry(table) for table in tables]
    for i, entry in enumerate(entries):
        out += entry if i == len(entries) - 1 else [*entry, ""]
    out += ["    },", "    notes=(),", ")", ""]
    return "\n".join(out)


def _table_entry(table: Table) -> list[str]:
    lines = f"line {table.first_line}" if table.first_line == table.last_line else \
        f"lines {table.first_line}-{table.last_line}"
    head = f"        # {table.table_id}  {lines}"
    named = [f"        #   {what}: {_short(text, _WIDTH - 20)}"
             for what, text in (("caption", table.caption), ("title", table.title)) if text]
    cells = numeric_cells(table)
    if table.copy_of or not cells:
        return [f"{head}: {exclusion_reason(table, _NO_ENTRY, bool(cells))}, excluded automatically", *named]
    out = [f"{head}, {_count(table.n_rows, 'row')} x {_count(table.n_cols, 'column')} ({table.kind})", *named]
    numbers = {col: sum(c.col == col for c in cells) for col in range(table.n_cols)}
    numbering = next((col for col in range(table.n_cols) if _NUMBERING_HEADER.match(table.header_path(col))), None)
    for col in range(table.n_cols):
        header = _short(table.header_path(col), 60) or "(no header)"
        count = f"  ({_count(numbers[col], 'number')})" if numbers[col] and col != numbering else ""
        out.append(f"        #   column {col}: {header}{count}")
    values = [col for col, n in numbers.items() if n and col != numbering]
    labels = [col for col in range(table.n_cols) if col not in values and col != numbering]
    if values:
        out += _melt_skeleton(labels, numbering, values)
    else:
        out.append(f"        #   its only numbers are the row numbers of column {numbering}")
    out.append(f"        {_literal(table.table_id)}: Exclude(TODO, expect={_literal(_expect(table))}),")
    return out


def _melt_skeleton(labels: list[int], numbering: int | None, values: list[int]) -> list[str]:
    """``Melt("<dataset>", labels={...}, numbering=0, values=(Value(3, "<measure>"), ...))``,
    as comment lines wrapped at the project's width between its items."""
    label_items = [f'"<label {col}>": {col}' for col in labels] or [""]
    label_items[0] = "labels={" + label_items[0]
    label_items[-1] += "}"
    value_items = [f'Value({col}, "<measure>")' for col in values]
    value_items[0] = "values=(" + value_items[0]
    value_items[-1] += ("," if len(values) == 1 else "") + "))"
    items = ['Melt("<dataset>"', *label_items, *([f"numbering={numbering}"] if numbering is not None else []),
             *value_items]
    out, line = [], "        #   "
    for i, item in enumerate(items):
        item += "," if i == len(items) - 1 else ", "
        if len(line) + len(item) > _WIDTH and line.strip() != "#":
            out.append(line.rstrip())
            line = "        #       "
        line += item
    out.append(line.rstrip())
    return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _expect(table: Table) -> str:
    """Text the table shows (caption, else title, header or first row words), as the build
    checks it: whitespace collapsed, a prefix of what is printed."""
    if table.caption:
        return " ".join(table.caption.split())
    for texts in ([table.title or ""], *([c.text for c in row.cells] for row in table.header[:1]),
                  *([c.text for c in row.cells] for row in table.body[:1])):
        words = " ".join(texts).split()
        if words:
            return " ".join(words[:_EXPECT_WORDS])
    return ""


def _literal(text: str) -> str:
    """A Python string literal in double quotes (JSON's escapes are Python's)."""
    return json.dumps(text, ensure_ascii=False)


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 3] + "..."


def todo_report(result: Scaffold) -> list[str]:
    """What `lkjip scaffold` prints: what was written, the coverage, the to-do list."""
    out = [f"wrote {result.path}: {len(result.tables)} tables, {result.placeholders} with a placeholder, "
           f"{result.automatic} excluded automatically (copies, no numbers)",
           result.coverage.summary()]
    if result.coverage.uncovered:
        out.append(f"to do: {len(result.coverage.uncovered)} numeric cells not yet accounted for "
                   "(file:line table column text):")
        out += [f"  {line}" for line in result.coverage.uncovered]
    return out
