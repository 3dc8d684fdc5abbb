"""`lkjip build`: data/raw -> data/clean, written whole or not at all."""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from pandas.api.types import union_categoricals

from . import paths
from .audit import audit
from .datasets.catalogue import cell_records, table_records
from .datasets.csv_format import csv_lines, write_csv
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
    # dataset -> its CSV rows as formatted by the parts, one text per report in manifest order
    # (None: write_csv formats the frame itself)
    csv_rows: dict[str, list[str] | None] = field(default_factory=dict)


@dataclass
class ReportResult:
    """What one report gives the build, before the reports are put together: its tables, its
    tidy records, its cells' and tables' catalogue rows (a cell's row is a tuple in the order of
    the cells dataset's columns, every other row a dict) and its coverage."""
    report: Report
    tables: list
    records: dict[str, list[dict[str, Any]] | list[tuple]]
    coverage: Coverage
    warning: str | None = None


@dataclass
class PartResult:
    """What one part of the manifest gives the build: its frames (every dataset, validated), each
    dataset's CSV rows formatted per report file (formatting is a fifth of a corpus build's work,
    so the parts do it at once), and per report file its coverage and its warning."""
    frames: dict[str, pd.DataFrame]
    csv_rows: dict[str, dict[str, str] | None]
    coverage: dict[str, Coverage]
    warnings: dict[str, str]


def read_one(raw_dir: Path, source, recipe: Recipe | None) -> ReportResult:
    """Parse one report of the manifest and apply its recipe."""
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
    catalogue, coverage = [], Coverage()
    for table in tables:
        numeric = numeric_cells(table)
        reason = exclusion_reason(table, recipe, bool(numeric))
        destination = sorted(result.destinations.get(table.table_id, ()))
        coverage.account(report.name, table.table_id, numeric, result.used, reason)
        catalogue.append((table, destination, reason if not destination else None))
    records.setdefault("tables", []).extend(table_records(report, catalogue))
    return ReportResult(report, tables, records, coverage, warning)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: a build makes millions of small objects that live until it
    ends (lines, cells, records) and almost no reference cycles, so each collection walks them all
    again for nothing: a fifth of a 500-report build's time, with the same peak memory."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collect_part(raw_dir: Path, sources: list, recipes: dict[str, Recipe], report_order: dict[str, int]
                 ) -> PartResult:
    """The whole build but writing, for ``sources`` (whole regions of the manifest, in its order):
    parse, apply the recipes, derive, audit, the fact tables, validate. Every step reads one region
    at most (a region's reports restate each other's figures), so parts are independent: the unit
    of work of ``--jobs`` and of a Dask cluster."""
    with no_cycle_collection():
        return _collect_part(raw_dir, sources, recipes, report_order)


def _collect_part(raw_dir: Path, sources: list, recipes: dict[str, Recipe], report_order: dict[str, int]
                  ) -> PartResult:
    records: dict[str, list] = {name: [] for name in DATASETS}
    parsed = [read_one(raw_dir, source, recipes.get(source.file)) for source in sources]
    for one in parsed:
        for dataset, rows in one.records.items():
            records[dataset].extend(rows)
    reports = [(one.report, one.tables) for one in parsed]
    frames = {name: pd.DataFrame(rows, columns=DATASETS[name].columns) for name, rows in records.items()
              if name != "quality_flags"}
    frames["indicators"] = assign_indicator_ids(frames["indicators"], recipes, raw_dir)
    frames["budget"] = assign_programme_keys(assign_parents(frames["budget"]))
    for name, frame in frames.items():
        if "value_id" in DATASETS[name].columns:
            frames[name] = assign_value_ids(frame, DATASETS[name])
    frames["budget"] = mark_restatements(frames["budget"], report_order)
    frames["quality_flags"] = audit(frames, reports, report_order)
    frames["headline_indicators"] = headline_indicators(frames, recipes)
    frames["aid_by_programme"] = aid_by_programme(frames)
    frames["budget_totals"] = budget_totals(frames)
    for name, frame in frames.items():
        frames[name] = validate(DATASETS[name], frame)
    return PartResult(frames, {name: _rows_by_report(frame, DATASETS[name]) for name, frame in frames.items()},
                      {one.report.source.file: one.coverage for one in parsed},
                      {one.report.source.file: one.warning for one in parsed if one.warning})


def _rows_by_report(frame: pd.DataFrame, dataset) -> dict[str, str] | None:
    """The frame's CSV rows, one text per report file (its rows' lines joined by line feeds)."""
    lines = csv_lines(frame, dataset)
    if lines is None:
        return None
    by_file: dict[str, list[str]] = {}
    for file, line in zip(frame["source_file"].astype(str).tolist(), lines, strict=True):
        by_file.setdefault(file, []).append(line)
    return {file: "\n".join(rows) for file, rows in by_file.items()}


def parts_of(raw_dir: Path, sources: list, count: int) -> list[list]:
    """``sources`` cut into at most ``count`` parts of whole regions, about equal in work, each in
    manifest order. A report's work grows with its size, so regions are dealt largest first (in
    bytes of report text), each to the part with the fewest bytes so far."""
    regions: dict[str, list] = {}
    for source in sources:
        regions.setdefault(source.region, []).append(source)
    weight = {region: sum((raw_dir / s.file).stat().st_size if (raw_dir / s.file).is_file() else 0
                          for s in members) for region, members in regions.items()}
    parts: list[list] = [[] for _ in range(max(1, min(count, len(regions))))]
    loads = [0] * len(parts)
    for region in sorted(regions, key=weight.__getitem__, reverse=True):
        lightest = loads.index(min(loads))
        parts[lightest].extend(regions[region])
        loads[lightest] += weight[region]
    position = {source.file: i for i, source in enumerate(sources)}
    return [sorted(part, key=lambda s: position[s.file]) for part in parts if part]


def run_parts(raw_dir: Path, sources: list, recipes: dict[str, Recipe], report_order: dict[str, int],
              jobs: int = 1, scheduler: str | None = None) -> list[PartResult]:
    """``collect_part`` for every part of ``sources``: ``jobs`` parts, here or in ``jobs`` processes,
    or TASKS_PER_THREAD parts per worker thread of the Dask cluster at ``scheduler``, one task each
    (lkjip_analysis/cluster.py). Each task carries only its reports' recipes (plain data, they
    pickle), so no worker loads the recipe modules of the whole raw folder."""
    def tasks(count: int) -> list[tuple]:
        return [(raw_dir, part, {s.file: recipes[s.file] for s in part if s.file in recipes}, report_order)
                for part in parts_of(raw_dir, sources, count)]

    if scheduler:
        from .cluster import map_in_order

        return map_in_order(scheduler, collect_part, lambda threads: tasks(TASKS_PER_THREAD * threads))
    work = tasks(jobs)
    if jobs <= 1 or len(work) <= 1:
        return [collect_part(*task) for task in work]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
        return list(pool.map(collect_part, *zip(*work)))


# Dask tasks per worker thread of the cluster: parts are balanced by bytes, but workers differ
# in speed and start, so a few parts each let the ones that finish early take more. On a cluster
# with more threads than regions / 4, each part is one region: a task per report and its years.
TASKS_PER_THREAD = 4


# Reports per process when the number of processes is left to the build: a second process's start
# and the frames it sends back cost more than it saves on a few reports (50 synthetic reports:
# 1.42 s in one process, 1.17 s in two; the four reports: 0.49 s in one, 0.57 s in two).
REPORTS_PER_PROCESS = 25


def auto_jobs(reports: int) -> int:
    """One process per REPORTS_PER_PROCESS reports, at most one per core."""
    return max(1, min(os.cpu_count() or 1, reports // REPORTS_PER_PROCESS))


def collect(raw_dir: Path, jobs: int | None = 1, scheduler: str | None = None) -> BuildResult:
    """Read every report of the manifest and turn it into data frames (nothing written). With
    ``jobs`` > 1 the manifest is cut into that many parts of whole regions, built in parallel and
    put together in manifest order (``jobs`` None: ``auto_jobs``); with ``scheduler``, into
    TASKS_PER_THREAD parts per worker thread of the cluster, one Dask task each. The frames are the
    same in every case."""
    sources = read_manifest(raw_dir)
    available = recipes_by_report(raw_dir)  # shipped, and those in <raw_dir>/recipes/
    recipes = {s.file: available[s.file] for s in sources if s.file in available}
    report_order = {s.file: i for i, s in enumerate(sources)}
    jobs = auto_jobs(len(sources)) if jobs is None else jobs
    results = run_parts(raw_dir, sources, recipes, report_order, jobs, scheduler)
    frames = results[0].frames if len(results) == 1 else {
        name: validate(DATASETS[name], in_manifest_order([r.frames[name] for r in results], report_order))
        for name in DATASETS}
    coverage = Coverage()
    by_file = {file: report for part in results for file, report in part.coverage.items()}
    warned = {file: warning for part in results for file, warning in part.warnings.items()}
    for source in sources:
        coverage.add(by_file[source.file])
    warnings = [warned[s.file] for s in sources if s.file in warned]
    return BuildResult(frames, coverage, warnings, sources, recipes,
                       {name: _rows_in_manifest_order([r.csv_rows[name] for r in results], sources)
                        for name in DATASETS})


def _rows_in_manifest_order(parts: list[dict[str, str] | None], sources: list) -> list[str] | None:
    if any(rows is None for rows in parts):
        return None
    by_file = {file: text for rows in parts for file, text in rows.items()}
    return [by_file[s.file] for s in sources if s.file in by_file]


def in_manifest_order(frames: list[pd.DataFrame], report_order: dict[str, int]) -> pd.DataFrame:
    """The parts' rows of one dataset as one frame: reports in manifest order, each report's rows
    in the order its part gave them (every dataset is written report by report)."""
    whole = pd.concat(frames, ignore_index=True)
    for column in frames[0].columns:  # concat gives objects for categories that differ: keep them categorical
        if isinstance(frames[0][column].dtype, pd.CategoricalDtype) and whole[column].dtype == object:
            whole[column] = union_categoricals([frame[column] for frame in frames], ignore_order=True)
    position = whole["source_file"].astype(str).map(report_order).to_numpy()
    return whole.iloc[position.argsort(kind="stable")].reset_index(drop=True)


def build(raw_dir: str | Path | None = None, out_dir: str | Path | None = None, *,
          verbose: bool = True, jobs: int | None = 1, scheduler: str | None = None) -> BuildResult:
    """Build every clean file into a temporary folder, then swap it in for ``out_dir``. With
    ``jobs`` > 1 the manifest is built in that many parts at once; with ``scheduler`` (a Dask
    scheduler's address) as parts of whole regions, one task each, on that cluster."""
    raw_dir = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    out_dir = Path(out_dir) if out_dir is not None else paths.clean_dir()
    with no_cycle_collection():
        return _build(raw_dir, out_dir, verbose, jobs, scheduler)


def _build(raw_dir: Path, out_dir: Path, verbose: bool, jobs: int | None, scheduler: str | None) -> BuildResult:
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
            write_csv(result.frames[name], DATASETS[name], tmp / DATASETS[name].filename, result.csv_rows.get(name))
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
