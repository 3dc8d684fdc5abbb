"""The corpus benchmark: a synthetic national corpus made from the four reports, built whole.

Each copy is one of the four reports under another region's name, with the digits of its table
cells perturbed, and the original's recipe (a two-line module in ``<raw>/recipes/`` that
re-exports it with ``dataclasses.replace(RECIPE, report=<copy>)``). What is perturbed, and why:

- the digits of numbers in the cells of tab-separated table lines, each digit replaced by another
  (a leading digit stays non-zero, a zero stays zero) so every number keeps its printed format:
  the same separators, the same number of digits, the same unit words. The parsed values differ
  from copy to copy, as in a real corpus, so no cache of printed numbers is shared across
  reports, and the audit finds arithmetic that no longer adds up (more flags, as a worst case);
- never a year (19xx/20xx: headers and periods), never a line whose text a recipe names
  (``expect``, Picks' sentences) nor a line a Pick reads, so every recipe still applies;
- the prose, formulas and sentences stay as printed (recipes pick numbers from them and check
  the printed text).

The region's name changes in the manifest (region, office, file name), not in the text: the
recipes' ``expect`` texts quote the region's own name in a few places. The build's work does
not depend on which name is printed.

The corpus lives in a temporary folder and is never committed. `make bench` (benchmarks/run.py)
times it; on its own, with more choices:
python benchmarks/corpus.py [--sizes 50 100 250 500] [--jobs 1 2] [--dask-workers 2] [--repeats 1]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import hashlib
import importlib.util
import random
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"

SYLLABLES = ["ba", "ja", "ka", "la", "ma", "na", "pa", "ra", "sa", "ta", "wa", "gi", "ri", "lu", "mu", "ngan",
             "tu", "do", "so", "ro", "be", "ke", "re", "se", "yo", "ran", "jang", "sin", "tan", "wi", "bo", "ding"]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = re.compile(r"(?:19|20)\d\d")
RECIPE_MODULE = '''"""Synthetic copy of {original} (benchmarks/corpus.py): its original's recipe."""
import dataclasses

from {module} import RECIPE as _ORIGINAL

RECIPE = dataclasses.replace(_ORIGINAL, report="{file}")
'''


def region_names(count: int, seed: int = 0) -> list[str]:
    """``count`` distinct made-up region names (two or three syllables, capitalised)."""
    rng, names = random.Random(seed), set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize())
    return sorted(names)


def _strings(value) -> list[str]:
    """Every string inside a recipe (its expect texts, labels, sentences), walked recursively."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list | tuple | set | frozenset):
        return [s for v in value for s in _strings(v)]
    return []


def _ints(value) -> set[int]:
    """Every integer inside a recipe: the line numbers its Picks, rows and skips name, among others."""
    if isinstance(value, bool):
        return set()
    if isinstance(value, int):
        return {value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return set().union(*(_ints(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, dict):
        return set().union(*(_ints(k) | _ints(v) for k, v in value.items())) if value else set()
    if isinstance(value, list | tuple | set | frozenset):
        return set().union(*(_ints(v) for v in value)) if value else set()
    return set()


def protected_lines(lines: list[str], recipe) -> set[int]:
    """Line numbers (1-based) left as printed: those a recipe names by number, and those whose
    text holds a number-bearing string of the recipe (an expect text with digits in it)."""
    quoted = [s for s in _strings(recipe) if any(c.isdigit() for c in s) and len(s) >= 3]
    named = {n for n in _ints(recipe) if 1 <= n <= len(lines)}
    return named | {n for n, line in enumerate(lines, 1) if any(q in line for q in quoted)}


CODE = re.compile(r"\d+(?: \d+)+")  # programme codes such as "1 06 01 01" and column-number rows "1 2 3"


def perturb_number(text: str, rng: random.Random, chosen: dict[str, str]) -> str:
    """Another number printed the same way: each digit replaced (a leading digit by a non-zero one,
    a zero kept) and never a year. Numbers without a separator and under three digits stay: they
    are list numbers, column numbers and small counts, which the table finder reads as structure.
    ``chosen`` keeps one replacement per printed number within a report, so a table's copy is
    still its copy and two printings of one figure still agree."""
    if YEAR.fullmatch(text) or ("." not in text and "," not in text and len(text) < 3):
        return text
    while text not in chosen:
        out = "".join(c if not c.isdigit() or c == "0" else str(rng.randint(1 if i == 0 else 0, 9))
                      for i, c in enumerate(text))
        if not YEAR.fullmatch(out):
            chosen[text] = out
    return chosen[text]


def perturb_line(line: str, rng: random.Random, chosen: dict[str, str]) -> str:
    """The numbers of a table line's cells perturbed (see the module's notes); codes kept."""
    return "\t".join(cell if CODE.search(cell) else NUMBER.sub(lambda m: perturb_number(m.group(0), rng, chosen),
                                                                 cell)
                     for cell in line.split("\t"))


def make_corpus(dest: Path, count: int, *, seed: int = 0, perturb: bool = True) -> Path:
    """Write ``count`` synthetic reports, their sources.csv and their recipes into ``dest``;
    returns ``dest`` (a raw folder for ``lkjip build --raw``)."""
    sys.path.insert(0, str(ROOT))
    from lkjip_analysis.extraction import read_manifest
    from lkjip_analysis.recipes import recipes_by_report

    sources = read_manifest(RAW)
    recipes = recipes_by_report(RAW)
    texts = {s.file: (RAW / s.file).read_text(encoding="utf-8") for s in sources}
    keep = {s.file: protected_lines(texts[s.file].split("\n"), recipes[s.file]) for s in sources}
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "recipes").mkdir(exist_ok=True)
    rng = random.Random(seed)
    rows = []
    for n, name in enumerate(region_names(count, seed)):
        original = sources[n % len(sources)]
        file = f"{name.lower()}_{original.report_year}.txt"
        lines = texts[original.file].split("\n")
        if perturb:
            # numbers of protected lines stay as printed everywhere in the report (their copies too)
            chosen = {m.group(0): m.group(0) for i in keep[original.file] for m in NUMBER.finditer(lines[i - 1])}
            lines = [perturb_line(line, rng, chosen) if "\t" in line and i not in keep[original.file] else line
                     for i, line in enumerate(lines, 1)]
        data = "\n".join(lines).encode("utf-8")
        (dest / file).write_bytes(data)
        office = original.office.replace(original.region, name)
        rows.append([file, name, original.region_type, original.report_year, office,
                     hashlib.sha256(data).hexdigest(), original.original_name])
        (dest / "recipes" / f"{Path(file).stem}.py").write_text(
            RECIPE_MODULE.format(original=original.file, module=recipes[original.file].module, file=file),
            encoding="utf-8")
    with open(dest / "sources.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "region", "region_type", "report_year", "office", "sha256", "original_name"])
        writer.writerows(rows)
    return dest


SIZES = (50, 100, 250, 500)
JOBS = (1, 2)
GOAL = "500 in <= 10 s on 2 cores, linear"
Timer = Callable[[list[str], int], tuple[float, float]]  # command, repeats -> median wall, CPU seconds


def build_command(raw: Path, out: Path, *options: str) -> list[str]:
    """`lkjip build --force` of a corpus, run by this interpreter."""
    return [sys.executable, "-c", "import sys; from lkjip_analysis.cli import main; sys.exit(main(sys.argv[1:]))",
            "build", "--force", "--raw", str(raw), "--out", str(out), *options]


@contextlib.contextmanager
def local_cluster(workers: int):
    """A Dask cluster of ``workers`` single-threaded worker processes on this machine: its address,
    and a function giving the CPU seconds its worker processes have used so far (they outlive each
    build, so the build process's own figure does not hold theirs)."""
    import psutil  # a dependency of distributed
    from distributed import LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        pids = cluster.scheduler_info["workers"].values()
        processes = [psutil.Process(w["pid"]) for w in pids if "pid" in w] or psutil.Process().children()

        def cpu() -> float:
            return sum(sum(p.cpu_times()[:2]) for p in processes)

        yield cluster.scheduler_address, cpu


def rows(timer: Timer, *, sizes=SIZES, jobs=JOBS, repeats: int = 1, dask_workers: int = 2) -> list[tuple[str, ...]]:
    """(figure, median wall, median CPU, against the first size, goal) per corpus size and way of
    running: --jobs N, and a local Dask cluster of ``dask_workers`` workers (when dask is installed
    and ``dask_workers`` > 0). "linear" is (CPU time / first size's) / (size / first size): 1.00
    when the work grows exactly as the corpus (CPU, not wall: a shared machine's load moves wall
    time far more); reports/s is on wall time."""
    ways = [(f"--jobs {j}", [f"--jobs={j}"], None) for j in jobs]
    out: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="lkjip-corpus-") as tmp, contextlib.ExitStack() as stack:
        if dask_workers and importlib.util.find_spec("distributed") is not None:
            address, workers_cpu = stack.enter_context(local_cluster(dask_workers))
            ways.append((f"Dask, {dask_workers} local workers", ["--scheduler", address], workers_cpu))
        corpora = {n: make_corpus(Path(tmp) / f"raw{n}", n) for n in sizes}
        for label, options, workers_cpu in ways:
            first = None
            for n in sizes:
                before = workers_cpu() if workers_cpu else 0.0
                wall, cpu = timer(build_command(corpora[n], Path(tmp) / "clean", *options), repeats)
                if workers_cpu:  # the workers' share: their CPU over all runs (warm-up too), per run
                    cpu += (workers_cpu() - before) / (repeats + 1)
                first = first or (n, cpu)
                linear = (cpu / first[1]) / (n / first[0])  # on CPU: wall time swings with the machine's load
                out.append((f"corpus: {n} reports, {label}", f"{wall:.2f} s", f"{cpu:.2f} s",
                            f"{n / wall:.1f} reports/s, {linear:.2f} x linear", GOAL if n == max(sizes) else ""))
    return out


def main() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import process_seconds, table

    parser = argparse.ArgumentParser(description="the corpus benchmark alone")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--jobs", type=int, nargs="+", default=list(JOBS))
    parser.add_argument("--dask-workers", type=int, default=2, help="0: no Dask figures")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="write one corpus of max(--sizes) here and stop")
    args = parser.parse_args()
    if args.keep:
        print(make_corpus(args.keep, max(args.sizes)))
        return
    print(table(rows(process_seconds, sizes=args.sizes, jobs=args.jobs, repeats=args.repeats,
                     dask_workers=args.dask_workers)))


if __name__ == "__main__":
    main()
