"""Running the notebooks in tests: papermill as the briefs run it, each (notebook, parameters) once
per test session.

    from notebook_runs import charts_of, chart_rows, run, run_failure, text_of

    nb = run("pmks_coverage")                     # defaults; a second test asking for it reuses the run
    nb = run("pmks_coverage", regions=["Lumajang"])
    assert "78,76 %" in text_of(nb)
    error, partial = run_failure("pmks_coverage", region="Atlantis")
    assert "Blitar" in str(error) and not charts_of(partial)

Kernel ``python3``, cwd the project root (so the kernel imports this tree's package and finds
data/clean), no progress bar. Every call returns its own copy of the executed notebook, so a test
may change it (``briefs.html.brief_html`` does) without touching another test's.
"""

from __future__ import annotations

import atexit
import copy
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import nbformat

from lkjip_analysis.render import CHART_MIMETYPE

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNEL = "python3"
CELL_TIMEOUT = 300  # seconds; a notebook's own work takes well under one

_runs: dict[str, nbformat.NotebookNode] = {}
_failures: dict[str, tuple[Exception, nbformat.NotebookNode]] = {}
_out_dir: Path | None = None


def notebook_path(name: str) -> Path:
    """``notebooks/<name>.ipynb`` (``name`` with or without ``.ipynb``); an unknown name lists the notebooks."""
    path = NOTEBOOKS / f"{name.removesuffix('.ipynb')}.ipynb"
    if not path.is_file():
        known = ", ".join(p.stem for p in sorted(NOTEBOOKS.glob("*.ipynb")))
        raise FileNotFoundError(f"no notebook {path.name} in notebooks/ (there are: {known})")
    return path


def _output_dir() -> Path:
    """One folder for the session's executed notebooks, removed when the session ends."""
    global _out_dir
    if _out_dir is None:
        _out_dir = Path(tempfile.mkdtemp(prefix="lkjip-notebook-runs-"))
        atexit.register(shutil.rmtree, _out_dir, ignore_errors=True)
    return _out_dir


def _key(name: str, params: dict[str, Any]) -> str:
    return json.dumps([name.removesuffix(".ipynb"), params], sort_keys=True, default=str)


def _execute(name: str, params: dict[str, Any]) -> tuple[nbformat.NotebookNode | None, Exception | None, Path]:
    import papermill

    source = notebook_path(name)
    out = _output_dir() / f"{source.stem}-{len(_runs) + len(_failures)}.ipynb"
    try:
        nb = papermill.execute_notebook(str(source), str(out), parameters=params, kernel_name=KERNEL, cwd=str(ROOT),
                                        progress_bar=False, execution_timeout=CELL_TIMEOUT, start_timeout=120)
        return nbformat.from_dict(nb), None, out
    except Exception as exc:  # papermill's error (or a kernel that died): the caller decides
        return None, exc, out


def run(name: str, **params: Any) -> nbformat.NotebookNode:
    """The notebook executed with ``params`` (papermill's -p), run once per session; a failing run
    fails the test with the failing cell's error."""
    key = _key(name, params)
    if key not in _runs:
        nb, error, _ = _execute(name, params)
        if error is not None:
            raise AssertionError(f"{name} with {params or 'its defaults'} failed: {error}") from error
        _runs[key] = nb
    return copy.deepcopy(_runs[key])


def run_failure(name: str, **params: Any) -> tuple[Exception, nbformat.NotebookNode]:
    """A run that must fail: its error (papermill's PapermillExecutionError names the cell, the
    exception and its message) and the notebook as far as it ran. A run that succeeds fails the test."""
    key = _key(name, params)
    if key not in _failures:
        nb, error, out = _execute(name, params)
        if error is None:
            raise AssertionError(f"{name} with {params} ran to the end; it should have failed")
        _failures[key] = (error, nbformat.read(out, as_version=4) if out.is_file() else nbformat.v4.new_notebook())
    error, partial = _failures[key]
    return error, copy.deepcopy(partial)


def text_of(nb: nbformat.NotebookNode, *, one_rendering: bool = False, charts: bool = False) -> str:
    """Every output's text: streams, plain text, markdown, HTML and errors.

    ``one_rendering``: of an output's renderings (markdown, HTML, plain) only the first, so a value
    shown once is counted once; ``charts``: the charts' Vega-Lite specs too, as JSON."""
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if output.get("output_type") == "stream":
                texts.append(output.get("text", ""))
            elif output.get("output_type") == "error":
                texts.append(f"{output.get('ename')}: {output.get('evalue')}")
            kinds = [kind for kind in ("text/markdown", "text/html", "text/plain") if kind in data]
            texts.extend(str(data[kind]) for kind in (kinds[:1] if one_rendering else kinds))
            if charts and CHART_MIMETYPE in data:
                texts.append(json.dumps(data[CHART_MIMETYPE]))
    return "\n".join(texts)


def svg_count(nb: nbformat.NotebookNode) -> int:
    """How many charts the notebook drew (static SVG outputs)."""
    return sum("image/svg+xml" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


def charts_of(nb: nbformat.NotebookNode) -> list[dict]:
    """The Vega-Lite specs of the charts the notebook displayed (through lkjip_analysis.render)."""
    return [output["data"][CHART_MIMETYPE] for cell in nb.cells for output in cell.get("outputs", [])
            if CHART_MIMETYPE in output.get("data", {})]


def chart_rows(spec: dict) -> list[dict]:
    """Every data row a chart carries: its named datasets and any inline ``data.values``."""
    rows = [row for values in spec.get("datasets", {}).values() for row in values]

    def inline(node: Any) -> None:
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and isinstance(data.get("values"), list):
                rows.extend(data["values"])
            for value in node.values():
                inline(value)
        elif isinstance(node, list):
            for value in node:
                inline(value)

    inline({k: v for k, v in spec.items() if k != "datasets"})
    return rows
