"""The benchmark suite (`make bench`; not part of `make test`): one table of medians.

- build:  `lkjip build --force` of the four reports as a whole process, against the floor of a
          bare `python -c "import pandas"` process (goal: at most 2 x the floor);
- build, up to date: `lkjip build` when its stamp says nothing changed (no pandas import);
- parse:  reading and table-finding the four reports in one process (benchmarks/bench_parse.py);
- size:   data/clean/ on disk;
- briefs: each notebook's papermill run against an empty notebook's, `lkjip briefs` with --jobs 1
          and 2, and the size of each HTML brief (benchmarks/bench_briefs.py).
- corpus: a synthetic corpus of 50 to 500 reports built whole, with --jobs 1, --jobs 2 and a local
          Dask cluster of 2 workers (benchmarks/corpus.py; --corpus-repeats 0 leaves it out).

Timing lives here, not in assertions: the tests stay deterministic on any machine.
Run: python benchmarks/run.py [--repeats N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_briefs import brief_rows  # noqa: E402
from bench_parse import parse_medians  # noqa: E402
from corpus import rows as corpus_rows  # noqa: E402

CLEAN = ROOT / "data" / "clean"
FLOOR = [sys.executable, "-c", "import pandas"]


def lkjip(*args: str) -> list[str]:
    """The `lkjip` console script, run by this interpreter whatever is on PATH."""
    return [sys.executable, "-c", "import sys; from lkjip_analysis.cli import main; sys.exit(main(sys.argv[1:]))",
            *args]


def process_seconds(command: list[str], repeats: int, extra_env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall and CPU (user + system, its children included) seconds of ``command`` as a whole
    process, after one unmeasured warm-up run. CPU time barely moves when other work shares the
    machine; wall time does."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           **(extra_env or {})}
    walls, cpus = [], []
    for i in range(repeats + 1):
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            walls.append(wall)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def rows(repeats: int) -> list[tuple[str, ...]]:
    """(figure, median wall, median CPU, against the floor, goal) per measured figure."""
    floor = process_seconds(FLOOR, repeats)
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-") as tmp:
        out = str(Path(tmp) / "clean")
        build = process_seconds(lkjip("build", "--force", "--out", out), repeats)
        unchanged = process_seconds(lkjip("build", "--out", out), repeats)
    parse = sum(parse_medians(repeats=max(repeats, 5)).values())

    def against(figure: tuple[float, float]) -> str:
        return f"{figure[0] / floor[0]:.2f} x wall, {figure[1] / floor[1]:.2f} x CPU"

    return [
        ('floor: python -c "import pandas"', f"{floor[0]:.2f} s", f"{floor[1]:.2f} s", "", ""),
        ("build: lkjip build --force", f"{build[0]:.2f} s", f"{build[1]:.2f} s", against(build), "<= 2 x floor"),
        ("build, up to date (stamp)", f"{unchanged[0]:.2f} s", f"{unchanged[1]:.2f} s", against(unchanged), ""),
        ("parse: four reports, in process", f"{parse * 1000:.0f} ms", "", "", ""),
        ("size: data/clean/", f"{folder_bytes(CLEAN) / 1024:.0f} KiB", "", f"{len(list(CLEAN.iterdir()))} files", ""),
        *brief_rows(repeats, process_seconds),
    ]


def table(measured: list[tuple[str, ...]]) -> str:
    head = ("figure", "median wall", "median CPU", "against the floor", "goal")
    widths = [max(len(r[i]) for r in [head, *measured]) for i in range(len(head))]
    line = "| " + " | ".join(f"{{:<{w}}}" for w in widths) + " |"
    return "\n".join([line.format(*head), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
                      *(line.format(*r) for r in measured)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="runs per figure; the median is shown (default 7)")
    parser.add_argument("--corpus-repeats", type=int, default=1, help="runs per corpus figure (default 1; "
                        "the whole corpus section takes a few minutes); 0 leaves the corpus out")
    args = parser.parse_args()
    # The package's bytecode, as an installed package has it: with PYTHONDONTWRITEBYTECODE set, an
    # editable checkout would otherwise compile its ~60 modules again in every measured process.
    compileall.compile_dir(ROOT / "lkjip_analysis", quiet=1)
    print(f"{os.cpu_count()} cores, Python {platform.python_version()}, {args.repeats} runs per figure (median)")
    measured = rows(args.repeats)
    if args.corpus_repeats:
        measured += corpus_rows(process_seconds, repeats=args.corpus_repeats)
    print(table(measured))


if __name__ == "__main__":
    main()
