"""`lkjip build`: data/raw -> data/clean, written whole or not at all."""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import paths
from .audit import audit
from .datasets.catalogue import cell_records, table_records
from .datasets.csv_format import write_csv
from .datasets.data_card import write_data_card
from .datasets.datapackage import write_datapackage
from .datasets.reference_files import regions_without_reference, write_reference_datapackage
from .datasets.schema import DATASETS, OUTPUT_ORDER
from .datasets.validate import validate
from .derive import assign_indicator_ids, assign_parents, assign_programme_keys
from .derive.restatements import mark_restatements
from .derive.value_ids import assign_value_ids
from .extraction import Report, find_tables, read_manifest, read_report
from .facts.aid import aid_by_programme
from .facts.budget_totals import budget_totals
from .facts.headline import headline_indicators
from .recipes import Recipe, recipes_by_report
from .recipes.apply import TidyResult, apply_recipe
from .recipes.coverage import Coverage, exclusion_reason, numeric_cells


@dataclass
class BuildResult:
    frames: dict[str, pd.DataFrame]
    coverage: Coverage
    warnings: list[str]
    sources: list = field(default_factory=list)  # the manifest read for this build
    recipes: dict[str, Recipe] = field(default_factory=dict)  # report file -> the recipe applied


@dataclass
class ReportResult:
    """What one report gives the build, before the reports are put together: its tables, its
    tidy records, its cells' and tables' catalogue rows (a cell's row is a tuple in the order of
    the cells dataset's columns, every other row a dict) and its coverage accounts."""
    report: Report
    tables: list
    records: dict[str, list[dict[str, Any]] | list[tuple]]
    accounts: list[tuple]  # Coverage.account arguments, one per table
    warning: str | None = None


def read_one(raw_dir: Path, source, recipe: Recipe | None) -> ReportResult:
    """Parse one report of the manifest and apply its recipe (the unit of work of ``--jobs``)."""
    report = read_report(raw_dir / source.file, source)
    tables = find_tables(report)
    warning = None
    if recipe is None:
        warning = f"{source.file}: no recipe; only its generic cells and table catalogue are built"
        result = TidyResult()
    else:
        result = apply_recipe(report, tables, recipe)
    records = {dataset: list(rows) for dataset, rows in result.records.items()}
    records.setdefault("cells", []).extend(cell_records(report, tables, result.kinds))
    catalogue, accounts = [], []
    for table in tables:
        numeric = numeric_cells(table)
        reason = exclusion_reason(table, recipe, bool(numeric))
        destination = sorted(result.destinations.get(table.table_id, ()))
        accounts.append((report.name, table.table_id, numeric, result.used, reason))
        catalogue.append((table, destination, reason if not destination else None))
    records.setdefault("tables", []).extend(table_records(report, catalogue))
    return ReportResult(report, tables, records, accounts, warning)


def read_all(raw_dir: Path, sources: list, recipes: dict[str, Recipe], jobs: int = 1,
             scheduler: str | None = None) -> list[ReportResult]:
    """Every report of the manifest, in its order: here, in ``jobs`` processes, or as one task per
    report on the Dask cluster at ``scheduler`` (lkjip_analysis/cluster.py). Each task carries its
    report's recipe (recipes are plain data and pickle), so no worker loads the recipe modules of
    the whole raw folder for each report, which would grow with the square of the corpus."""
    tasks = [(raw_dir, source, recipes.get(source.file)) for source in sources]
    if scheduler:
        from .cluster import map_in_order

        return map_in_order(scheduler, read_one, tasks)
    if jobs <= 1 or len(sources) <= 1:
        return [read_one(*task) for task in tasks]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
        return list(pool.map(read_one, *zip(*tasks)))


def collect(raw_dir: Path, jobs: int = 1, scheduler: str | None = None) -> BuildResult:
    """Read every report of the manifest and turn it into data frames (nothing written)."""
    records: dict[str, list] = {name: [] for name in DATASETS}
    coverage, warnings = Coverage(), []
    sources = read_manifest(raw_dir)
    available = recipes_by_report(raw_dir)  # shipped, and those in <raw_dir>/recipes/
    recipes = {s.file: available[s.file] for s in sources if s.file in available}
    parsed = read_all(raw_dir, sources, recipes, jobs, scheduler)
    for one in parsed:
        warnings += [one.warning] if one.warning else []
        for dataset, rows in one.records.items():
            records[dataset].extend(rows)
        for account in one.accounts:
            coverage.account(*account)
    reports = [(one.report, one.tables) for one in parsed]
    frames = {name: pd.DataFrame(rows, columns=DATASETS[name].columns) for name, rows in records.items()
              if name != "quality_flags"}
    frames["indicators"] = assign_indicator_ids(frames["indicators"], recipes, raw_dir)
    frames["budget"] = assign_programme_keys(assign_parents(frames["budget"]))
    for name, frame in frames.items():
        if "value_id" in DATASETS[name].columns:
            frames[name] = assign_value_ids(frame, DATASETS[name])
    frames["budget"] = mark_restatements(frames["budget"], {s.file: i for i, s in enumerate(sources)})
    frames["quality_flags"] = audit(frames, reports)
    frames["headline_indicators"] = headline_indicators(frames, recipes)
    frames["aid_by_programme"] = aid_by_programme(frames)
    frames["budget_totals"] = budget_totals(frames)
    for name, frame in frames.items():
        frames[name] = validate(DATASETS[name], frame)
    return BuildResult(frames, coverage, warnings, sources, recipes)


def build(raw_dir: str | Path | None = None, out_dir: str | Path | None = None, *,
          verbose: bool = True, jobs: int = 1, scheduler: str | None = None) -> BuildResult:
    """Build every clean file into a temporary folder, then swap it in for ``out_dir``. With
    ``jobs`` > 1 the reports are parsed and their recipes applied in that many processes; with
    ``scheduler`` (a Dask scheduler's address) as one task per report on that cluster."""
    raw_dir = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    out_dir = Path(out_dir) if out_dir is not None else paths.clean_dir()
    result = collect(raw_dir, jobs, scheduler)
    reference = raw_dir.parent / "reference"
    if reference.is_dir():  # data/reference/ beside data/raw/: describe it (inputs, kept as received)
        write_reference_datapackage(reference)
        result.warnings += [f"{region}: no row in {reference / 'regions.csv'}; add its full name and BPS code"
                            for region in regions_without_reference(result.sources, reference)]
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".clean-", dir=out_dir.parent))
    try:
        for name in OUTPUT_ORDER:
            write_csv(result.frames[name], DATASETS[name], tmp / DATASETS[name].filename)
        write_datapackage(tmp, result.sources, result.frames)
        write_data_card(tmp, result.sources, result.frames, result.recipes)
        old = out_dir.with_name(out_dir.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if out_dir.exists():
            out_dir.rename(old)
        tmp.rename(out_dir)
        if old.exists():
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if verbose:
        for warning in result.warnings:
            print(f"lkjip: warning: {warning}", file=sys.stderr)
        for name in OUTPUT_ORDER:
            print(f"{DATASETS[name].filename:<24}{len(result.frames[name]):>7} rows")
        print(result.coverage.summary())
        for line in result.coverage.uncovered[:50]:
            print(f"  not in any tidy file: {line}")
    return result
