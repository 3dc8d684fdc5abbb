"""Where a notebook's time goes: its code cells run in this process, under pyinstrument.

A papermill run spends its time in two processes (papermill and the kernel); a profiler attached
to papermill sees only waiting. This runs the notebook's code cells in an IPython shell of its
own (as the kernel would: the parameters cell, then the given parameters, then every other cell,
each cell's last value displayed, so charts are drawn as in a kernel) and profiles that.

    python benchmarks/profile_notebook.py region_brief -p region Blitar -p report_year 2020
    python benchmarks/profile_notebook.py covid_aid --brief        # with `lkjip briefs`'s environment
    python benchmarks/profile_notebook.py covid_aid --cells        # seconds per cell, no profiler

Needs pyinstrument (a dev dependency) unless --cells is given.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def cells_of(name: str, parameters: dict) -> list[str]:
    """The code the kernel runs: every code cell, the given parameters just after the parameters cell.
    (Read as JSON: nbformat would import jsonschema, which a kernel does not.)"""
    nb = json.loads((ROOT / "notebooks" / f"{name.removesuffix('.ipynb')}.ipynb").read_text(encoding="utf-8"))
    sources = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        sources.append("".join(cell["source"]))
        if "parameters" in cell["metadata"].get("tags", []) and parameters:
            sources.append("\n".join(f"{key} = {value!r}" for key, value in parameters.items()))
    return sources


def run_cells(sources: list[str]) -> list[float]:
    """Run each cell as a kernel would (last value displayed); seconds per cell. A failing cell raises."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    # Every format a kernel's front end asks for, so charts draw as they would in a kernel.
    shell.display_formatter.active_types = list(shell.display_formatter.formatters)
    seconds = []
    for source in sources:
        start = time.perf_counter()
        result = shell.run_cell(source, store_history=True)
        seconds.append(time.perf_counter() - start)
        result.raise_error()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", help="a notebook of notebooks/, e.g. region_brief")
    parser.add_argument("-p", nargs=2, action="append", default=[], metavar=("KEY", "VALUE"),
                        help="a parameter (the value read as YAML, as papermill's -y)")
    parser.add_argument("--brief", action="store_true",
                        help="run with the environment `lkjip briefs` gives its kernels")
    parser.add_argument("--cells", action="store_true", help="print seconds per cell instead of a profile")
    args = parser.parse_args()
    os.chdir(ROOT)
    if args.brief:  # what briefs/run.py kernel_environment() sets (not imported: it would import more)
        from lkjip_analysis.render import BRIEF_ENVIRONMENT

        os.environ[BRIEF_ENVIRONMENT] = "1"
    sources = cells_of(args.notebook, {key: yaml.safe_load(value) for key, value in args.p})
    if args.cells:
        for seconds, source in zip(run_cells(sources), sources, strict=True):
            first = next((line for line in source.splitlines() if line.strip()), "")
            print(f"{seconds * 1000:8.0f} ms  {first[:90]}")
        return
    from pyinstrument import Profiler

    with Profiler(interval=0.0005) as profiler:
        run_cells(sources)
    print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
