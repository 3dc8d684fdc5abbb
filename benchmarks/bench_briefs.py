"""How long the briefs take and how big they are (part of `make bench`).

- briefs, floor: papermill running an empty notebook (one `pass` cell), as a whole process: a
  papermill process and a kernel started, nothing computed. This is the least a brief can cost;
- briefs: each notebook of notebooks/ run the same way, with the parameters `lkjip briefs` gives
  its first run (region_brief: the first report of sources.csv; the others their defaults), and
  the environment `lkjip briefs` gives its kernels (goal: at most 1.3 x the floor);
- briefs: the whole `lkjip briefs` with --jobs 1 and with --jobs 2 (every run and the index);
- size: each HTML brief that run wrote (limit 2 MiB).

Run alone: python benchmarks/bench_briefs.py [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import nbformat

from lkjip_analysis.briefs.html import MAX_BYTES
from lkjip_analysis.briefs.plan import plan_runs
from lkjip_analysis.briefs.run import KERNEL, kernel_environment

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
WHOLE_RUN_REPEATS = 3  # a whole `lkjip briefs` runs every notebook: a few runs suffice for a median

# (command, repeats, extra environment) -> (median wall seconds, median CPU seconds)
Timer = Callable[..., tuple[float, float]]


def papermill(notebook: Path, out: Path, parameters: dict) -> list[str]:
    """papermill's own command line, as `lkjip briefs` calls it: kernel, cwd, no progress bar, the
    executed notebook written once (not at every cell's start and end)."""
    return [sys.executable, "-m", "papermill", str(notebook), str(out), "-k", KERNEL, "--cwd", str(ROOT),
            "--no-progress-bar", "--no-request-save-on-cell-execute", "-y", json.dumps(parameters, default=str)]


def lkjip_briefs(out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-c", "import sys; from lkjip_analysis.cli import main; sys.exit(main(sys.argv[1:]))",
            "briefs", "--out", str(out), "--jobs", str(jobs)]


def empty_notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def first_runs() -> list[tuple[str, Path, dict]]:
    """(notebook name, path, parameters) of each notebook's first run in `lkjip briefs`."""
    seen: dict[str, tuple[str, Path, dict]] = {}
    for run in plan_runs(NOTEBOOKS, ROOT / "data" / "raw"):
        seen.setdefault(run.notebook.stem, (run.notebook.stem, run.notebook, dict(run.parameters)))
    return list(seen.values())


def brief_rows(repeats: int, timer: Timer) -> list[tuple[str, ...]]:
    """(figure, median wall, median CPU, against the floor, goal) for the briefs and their sizes."""
    env = kernel_environment()
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-briefs-") as tmp:
        tmp_dir = Path(tmp)
        floor = timer(papermill(empty_notebook(tmp_dir / "empty.ipynb"), tmp_dir / "empty.out.ipynb", {}),
                      repeats, env)
        rows.append(("briefs, floor: papermill, empty notebook", *_seconds(floor), "", ""))
        for name, notebook, parameters in first_runs():
            measured = timer(papermill(notebook, tmp_dir / f"{name}.out.ipynb", parameters), repeats, env)
            shown = f" ({', '.join(f'{k} {v}' for k, v in parameters.items())})" if parameters else ""
            rows.append((f"briefs: {name}{shown}", *_seconds(measured), _against(measured, floor),
                         "<= 1.3 x floor"))
        whole = {}
        for jobs in (1, 2):
            whole[jobs] = timer(lkjip_briefs(tmp_dir / f"reports-{jobs}", jobs), min(repeats, WHOLE_RUN_REPEATS))
        runs = len(list((tmp_dir / "reports-1" / "runs").glob("*.json")))
        rows.append((f"briefs: lkjip briefs --jobs 1 ({runs} runs)", *_seconds(whole[1]), "", ""))
        rows.append(("briefs: lkjip briefs --jobs 2", *_seconds(whole[2]),
                     f"{whole[1][0] / whole[2][0]:.2f} x faster than --jobs 1 (wall)", ""))
        for html in sorted((tmp_dir / "reports-2").glob("*.html")):
            if html.name == "index.html":
                continue
            rows.append((f"size: {html.name}", f"{html.stat().st_size / 1024:.0f} KiB", "", "",
                         f"<= {MAX_BYTES // 2**20} MiB"))
    return rows


def _seconds(figure: tuple[float, float]) -> tuple[str, str]:
    return f"{figure[0]:.2f} s", f"{figure[1]:.2f} s"


def _against(figure: tuple[float, float], floor: tuple[float, float]) -> str:
    return f"{figure[0] / floor[0]:.2f} x wall, {figure[1] / floor[1]:.2f} x CPU"


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import process_seconds, table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="runs per figure; the median is shown (default 5)")
    args = parser.parse_args()
    print(table(brief_rows(args.repeats, process_seconds)))


if __name__ == "__main__":
    main()
