"""``lkjip briefs``: the notebooks, executed with papermill, as offline HTML briefs in reports/.

plan.py (which runs, parameters checked before any kernel starts) -> run.py (papermill, in
parallel) -> html.py (nbconvert, no code, charts as ``lkjip_analysis.render`` decides) -> index.py.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ..paths import project_root
from .plan import Run, plan_runs
from .run import CELL_TIMEOUT, Result, execute_all, read_results

__all__ = ["Result", "Run", "plan_runs", "render_briefs"]


def render_briefs(
    notebooks_dir: Path | None = None,
    out_dir: Path | None = None,
    *,
    only: str | None = None,
    overrides: Sequence[tuple[str, str]] = (),
    jobs: int | None = None,
    timeout: int = CELL_TIMEOUT,
    scheduler: str | None = None,
) -> list[Result]:
    """Plan (refusing bad parameters before any kernel starts), run (here, or one task per run on
    the Dask cluster at ``scheduler``), write the index. Returns this call's results; the index
    lists every brief recorded in ``out_dir``."""
    from .index import write_index

    root = project_root()
    notebooks_dir = Path(notebooks_dir or root / "notebooks").resolve()
    out_dir = Path(out_dir or root / "reports").resolve()
    runs = plan_runs(notebooks_dir, root / "data" / "raw", only=only, overrides=overrides)
    out_dir.mkdir(parents=True, exist_ok=True)
    results = execute_all(runs, out_dir, root, jobs=jobs, timeout=timeout, scheduler=scheduler)
    write_index(read_results(out_dir), out_dir)
    return results


def summary(results: Sequence[Result], out_dir: Path) -> str:
    failed = [r for r in results if not r.ok]
    lines = [f"{len(results) - len(failed)} of {len(results)} briefs written to {out_dir}/ "
             f"(open {out_dir}/index.html)"]
    for r in failed:
        lines.append(f"FAILED {r.describe()}: {r.error}")
    return "\n".join(lines)


def main(args) -> int:
    """The ``lkjip briefs`` command (argparse namespace from cli.py)."""
    out_dir = Path(args.out or project_root() / "reports")
    results = render_briefs(args.notebooks, out_dir, only=args.only, overrides=args.param or (),
                            jobs=args.jobs, timeout=args.timeout, scheduler=getattr(args, "scheduler", None))
    failed = any(not r.ok for r in results)
    print(summary(results, out_dir), file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0
