"""The ``lkjip`` command line."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import LkjipError

TABLES_CSV_HEADER = ("table_id", "caption", "first_line", "last_line", "n_rows", "n_cols", "copy_of")


def _tables(args: argparse.Namespace) -> int:
    from .extraction import find_tables, read_report

    report = read_report(args.file, verify=not args.no_verify)
    if report.source is None and not args.no_verify:
        print(f"lkjip: note: {report.path} is not listed in a sources.csv beside it; checksum not verified",
              file=sys.stderr)
    tables = find_tables(report)
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(TABLES_CSV_HEADER)
        for t in tables:
            writer.writerow([t.table_id, t.caption or "", t.first_line, t.last_line, t.n_rows, t.n_cols,
                             t.copy_of or ""])
        return 0
    width = max((len(t.caption or "-") for t in tables), default=1)
    for t in tables:
        lines = f"{t.first_line}\u2013{t.last_line}" if t.last_line != t.first_line else str(t.first_line)
        copy = f"copy of {t.copy_of}" if t.copy_of else ""
        title = (t.title or "")[:60]
        print(f"{t.table_id}  {(t.caption or '-'):<{width}}  lines {lines:<9}  {t.n_rows:>3} \u00d7 {t.n_cols:<3} "
              f"{t.kind:<9} {copy:<14} {title}".rstrip())
    print(f"{len(tables)} tables in {report.name}", file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    from . import paths
    from .stamp import inputs_digest, up_to_date, write_stamp

    raw = args.raw if args.raw is not None else paths.raw_dir()
    out = args.out if args.out is not None else paths.clean_dir()
    if not args.force and up_to_date(raw, out):
        print(f"{out} is up to date with {raw} and the code: nothing rebuilt (--force rebuilds)")
        return 0
    inputs = inputs_digest(raw)
    from .build import build  # pandas and the stages: only when there is something to build

    build(raw, out, jobs=args.jobs, scheduler=args.scheduler)
    write_stamp(raw, out, inputs)
    return 0


def _scaffold(args: argparse.Namespace) -> int:
    from .recipes.scaffold import scaffold, todo_report

    result = scaffold(args.file, args.out)
    if result.report.source is None:
        print(f"lkjip: note: {result.report.path} is not listed in a sources.csv beside it; add its row "
              "(with its sha256) before building", file=sys.stderr)
    if result.had_recipe:
        print(f"lkjip: note: {result.report.name} already has a recipe; {result.path} is a fresh start beside it",
              file=sys.stderr)
    print("\n".join(todo_report(result)))
    return 0


def _audit(args: argparse.Namespace) -> int:
    from .audit.summary import summary
    from .datasets.load import load

    print(summary(load("quality_flags", args.clean), limit=args.limit))
    return 0


def _briefs(args: argparse.Namespace) -> int:
    from .briefs import main

    return main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lkjip", description="Tidy, traceable data from LKjIP reports.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("tables", help="list the tables found in a report, one per line")
    p.add_argument("file", help="a report text, e.g. data/raw/<report>.txt")
    p.add_argument("--csv", action="store_true", help="print CSV: " + ",".join(TABLES_CSV_HEADER))
    p.add_argument("--no-verify", action="store_true", help="do not check the file against sources.csv")
    p.set_defaults(func=_tables)
    p = sub.add_parser("build", help="build data/clean from data/raw (reports, manifest, recipes)")
    p.add_argument("--raw", type=Path, default=None, help="raw folder with sources.csv and, optionally, a "
                   "recipes/ folder of recipes for its own reports (default: data/raw)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: data/clean)")
    p.add_argument("--force", action="store_true", help="rebuild even when the stamp beside the output folder "
                   "says neither the raw files nor the code changed since the last build")
    p.add_argument("--jobs", type=int, default=None, help="build the manifest in that many parts of whole regions "
                   "at once, one process each (default: one per 25 reports, at most one per core; the output is "
                   "the same)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", default=None, help="hand the work to this "
                   "Dask scheduler instead, one task per part of whole regions, four per worker thread (needs "
                   "lkjip-workbench[dask]; the workers read the raw folder at the same path; --jobs is then ignored)")
    p.set_defaults(func=_build)
    p = sub.add_parser("scaffold", help="write a starting recipe for a report that has none, and list the "
                       "numeric cells it leaves to do")
    p.add_argument("file", help="a report text listed in the sources.csv beside it, e.g. data/raw/<report>.txt")
    p.add_argument("--out", type=Path, default=None,
                   help="module to write (default: recipes/<report>.py beside the report, where `lkjip build` "
                   "looks for it); never overwritten")
    p.set_defaults(func=_scaffold)
    p = sub.add_parser("audit", help="summarise quality_flags.csv: where the reports' own arithmetic fails")
    p.add_argument("--clean", type=Path, default=None, help="clean folder (default: data/clean)")
    p.add_argument("--limit", type=int, default=12, help="flags shown per report and check (default 12)")
    p.set_defaults(func=_audit)
    p = sub.add_parser("briefs", help="render the notebooks into offline HTML briefs with papermill (reports/)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: reports/)")
    p.add_argument("--jobs", type=int, default=None, help="notebooks run at once (default: the number of cores)")
    p.add_argument("--only", metavar="NAME", default=None, help="render one notebook, e.g. region_brief")
    p.add_argument("-p", "--param", nargs=2, action="append", metavar=("KEY", "VALUE"),
                   help="a parameter for every notebook that declares it, e.g. -p region <a region of "
                        "sources.csv> (repeatable)")
    p.add_argument("--notebooks", type=Path, default=None, help="notebook folder (default: notebooks/)")
    p.add_argument("--timeout", type=int, default=600, help="seconds one cell may run (default 600)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", default=None, help="hand the runs to this Dask "
                   "scheduler instead, one task per papermill run (needs lkjip-workbench[dask]; the workers "
                   "reach the project and --out at the same paths; --jobs is then ignored)")
    p.set_defaults(func=_briefs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except LkjipError as exc:
        print(f"lkjip: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `lkjip tables FILE | head`
        return 0
