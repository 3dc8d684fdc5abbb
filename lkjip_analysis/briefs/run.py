"""Execute the planned runs with papermill, in parallel, and write each brief.

Each run executes in a worker process (its own kernel, kernel ``python3``, cwd the project root,
a per-cell timeout so a hung kernel cannot hang the command), then writes
``<out>/<stem>.ipynb`` (executed), ``<out>/<stem>.html`` (the brief, only when the run succeeded)
and ``<out>/runs/<stem>.json`` (what the index shows) with the kernel's stderr in
``<out>/runs/<stem>.log``. A failing run is recorded, never raised: the others go on.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import render
from .plan import Run

KERNEL = "python3"
CELL_TIMEOUT = 600  # seconds per cell
RUNS_DIR = "runs"


@dataclass
class Result:
    """What became of one run: shown in the summary and in index.html."""

    stem: str
    notebook: str
    parameters: dict[str, Any]
    made: str
    ok: bool
    title: str = ""
    seconds: float = 0.0
    html_bytes: int = 0
    error: str = ""  # the failing cell and its error, one line
    details: dict[str, Any] = field(default_factory=dict)
    notebook_saved: bool = True  # the executed notebook was written (not after a timeout or a dead kernel)

    @property
    def html(self) -> str:
        return f"{self.stem}.html"

    @property
    def ipynb(self) -> str:
        return f"{self.stem}.ipynb"

    def describe(self) -> str:
        params = ", ".join(f"{k}={v}" for k, v in self.parameters.items())
        return f"{self.notebook} ({params})" if params else self.notebook


def kernel_environment() -> dict[str, str]:
    """What ``lkjip briefs`` adds to its kernels' environment: the notebooks then leave out what
    only JupyterLab shows (``render.BRIEF_ENVIRONMENT``)."""
    return {render.BRIEF_ENVIRONMENT: "1"}


# Runs may share a process (a Dask worker with threads): the environment is set by the first run
# that needs it and restored by the last one, never by one run under another's feet.
_environment_lock = threading.Lock()
_environment_users = 0
_environment_saved: dict[str, str | None] = {}


@contextmanager
def _kernel_environment():
    """This process's environment, which the kernel inherits, with ``kernel_environment()`` set."""
    global _environment_users, _environment_saved
    with _environment_lock:
        if _environment_users == 0:
            _environment_saved = {name: os.environ.get(name) for name in kernel_environment()}
            os.environ.update(kernel_environment())
        _environment_users += 1
    try:
        yield
    finally:
        with _environment_lock:
            _environment_users -= 1
            if _environment_users == 0:
                for name, value in _environment_saved.items():
                    if value is None:
                        os.environ.pop(name, None)
                    else:
                        os.environ[name] = value


@contextmanager
def _stderr_to(path: Path):
    """Send this process's stderr (and so the kernel's, which inherits it) to a log file. Only from
    the main thread: file descriptor 2 belongs to the whole process, and runs in threads (a Dask
    worker in-process) would swap it under each other."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "wb") as log:
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def _error_line(exc: BaseException) -> tuple[str, dict[str, Any]]:
    """One line naming the failing cell and its error, and the details for the index."""
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        first = next((line for line in exc.source.splitlines() if line.strip()), "")
        details = {"cell": exc.exec_count, "cell_index": exc.cell_index, "source": first,
                   "ename": exc.ename, "evalue": exc.evalue}
        return f"cell In[{exc.exec_count}] `{first[:80]}`: {exc.ename}: {exc.evalue}", details
    # e.g. nbclient's CellTimeoutError: its first line says what happened, the rest previews the cell
    lines = str(exc).splitlines() or [""]
    rule = "-------------------"
    preview = lines[lines.index(rule) + 1:] if rule in lines else []
    cell = next((line for line in preview if line.strip()), "")
    where = f"cell `{cell[:80]}`: " if cell else ""
    return f"{where}{type(exc).__name__}: {lines[0]}", {"ename": type(exc).__name__, "evalue": str(exc)}


def execute(run: Run, out_dir: Path, root: Path, timeout: int = CELL_TIMEOUT) -> Result:
    """Run one notebook and write its brief; every failure ends up in the Result."""
    import nbformat
    import papermill

    from .html import MAX_BYTES, brief_html, brief_title

    made = datetime.now().astimezone()
    start = time.monotonic()
    ipynb = out_dir / f"{run.stem}.ipynb"
    html_path = out_dir / f"{run.stem}.html"
    html_path.unlink(missing_ok=True)  # a brief that fails now must not leave its last success behind
    ipynb.unlink(missing_ok=True)
    result = Result(run.stem, run.notebook.name, run.effective, made.isoformat(timespec="seconds"), ok=False)
    try:
        with _stderr_to(out_dir / RUNS_DIR / f"{run.stem}.log"), _kernel_environment():
            # The executed notebook is written once, at the end or at a failing cell, not at every
            # cell's start and end as papermill does by default for watching a long run: a tenth of
            # a brief's run. A run stopped by a timeout or a dead kernel then leaves no notebook
            # (its error names the cell).
            nb = papermill.execute_notebook(
                str(run.notebook), str(ipynb), parameters=dict(run.parameters), kernel_name=KERNEL,
                cwd=str(root), progress_bar=False, execution_timeout=timeout, start_timeout=120,
                request_save_on_cell_execute=False,
            )
        nb = nbformat.from_dict(nb)
        result.title = brief_title(nb) or run.notebook.stem
        body = brief_html(nb, title=result.title, notebook=run.notebook.name, parameters=run.effective,
                          made=made, javascript_cache=out_dir / RUNS_DIR)
        size = len(body.encode("utf-8"))
        result.html_bytes = size
        if size > MAX_BYTES:
            raise ValueError(f"the brief is {size / 1e6:.2f} MB, over the {MAX_BYTES / 2**20:.0f} MB limit "
                             "(fewer rows in the charts' data?)")
        html_path.write_text(body, encoding="utf-8")
        result.ok = True
    except Exception as exc:  # recorded, shown in the summary and the index
        result.error, result.details = _error_line(exc)
        if not result.title and ipynb.is_file():  # papermill saved the notebook up to the failing cell
            try:
                result.title = brief_title(nbformat.read(ipynb, as_version=4)) or ""
            except Exception:  # an unreadable notebook: the index shows the stem instead
                pass
    result.seconds = round(time.monotonic() - start, 1)
    result.notebook_saved = ipynb.is_file()
    write_result(result, out_dir)
    return result


def write_result(result: Result, out_dir: Path) -> None:
    path = out_dir / RUNS_DIR / f"{result.stem}.json"
    path.write_text(json.dumps(asdict(result), indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


def read_results(out_dir: Path) -> list[Result]:
    """Every run recorded in ``out_dir`` (this call's and earlier ones, e.g. other --only runs)."""
    results = []
    for path in sorted((out_dir / RUNS_DIR).glob("*.json")):
        results.append(Result(**json.loads(path.read_text(encoding="utf-8"))))
    return results


@contextmanager
def _local_executor(jobs: int):
    """``(submit, as_completed)`` of a pool of ``jobs`` processes (the Dask executor has the same shape)."""
    # spawn, not fork: the parent has threads (tqdm's monitor), and a forked child would copy their locks
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield pool.submit, as_completed


def execute_all(runs: Sequence[Run], out_dir: Path, root: Path, jobs: int | None = None,
                timeout: int = CELL_TIMEOUT, scheduler: str | None = None) -> list[Result]:
    """Run everything, ``jobs`` at a time (default: one per core), or as one task per run on the
    Dask cluster at ``scheduler`` (lkjip_analysis/cluster.py), with a progress bar."""
    from tqdm import tqdm

    (out_dir / RUNS_DIR).mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(runs)))
    results: list[Result] = []
    if scheduler:
        from ..cluster import dask_executor

        executor = dask_executor(scheduler)
    else:
        executor = _local_executor(jobs)
    with executor as (submit, completed), tqdm(total=len(runs), desc="briefs", unit="brief", disable=None) as bar:
        futures = {submit(execute, run, out_dir, root, timeout): run for run in runs}
        for future in completed(futures):
            try:
                result = future.result()
            except Exception as exc:  # the worker itself died (out of memory, a lost Dask worker): still one failure
                run = futures[future]
                result = Result(run.stem, run.notebook.name, run.effective,
                                datetime.now().astimezone().isoformat(timespec="seconds"), ok=False,
                                error=f"the worker process failed: {type(exc).__name__}: {exc}")
                write_result(result, out_dir)
            results.append(result)
            status = f"ok      {result.html}" if result.ok else f"FAILED  {result.describe()}"
            bar.write(f"{status}  ({result.seconds:.0f} s)")
            bar.update()
    order = {run.stem: n for n, run in enumerate(runs)}
    return sorted(results, key=lambda r: order[r.stem])
