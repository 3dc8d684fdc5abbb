"""Every notebook in notebooks/ as committed (no kernel): the shape NOTEBOOKS.md asks for, so that
the briefs can run it with papermill and a reader gets a clean document.

A title first; exactly one cell tagged ``parameters``, right after it, each parameter with a
comment; a setup cell that turns on the offline renderer and passes every parameter to a
``check(...)`` call (papermill only warns on an unknown parameter: check() must refuse it); a
neutral kernelspec; no outputs, execution counts or saved widget state; "How to read this",
"Flagged values" and "Sources" sections.
"""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from notebook_runs import NOTEBOOKS

NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}

pytestmark = pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=[p.stem for p in NOTEBOOK_PATHS])


def _read(path):
    return nbformat.read(path, as_version=4)


def _code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def _parameters_cells(nb):
    return [cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])]


def _parameter_names(cell) -> list[str]:
    """The names the parameters cell assigns at top level (``region = "Blitar"``, ``years: tuple = ...``)."""
    names = []
    for node in ast.parse(cell.source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
            if isinstance(node, ast.AnnAssign) else []
        names.extend(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _setup_cell(nb):
    """The code cell right after the parameters cell."""
    code = _code_cells(nb)
    return code[code.index(_parameters_cells(nb)[0]) + 1]


def _check_calls(source: str) -> list[ast.Call]:
    """Calls of ``check(...)`` or ``<module>.check(...)``."""
    return [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
            and ((isinstance(node.func, ast.Name) and node.func.id == "check")
                 or (isinstance(node.func, ast.Attribute) and node.func.attr == "check"))]


def _headings(nb) -> list[str]:
    return [m.group(1).strip() for cell in nb.cells if cell.cell_type == "markdown"
            for m in re.finditer(r"^#+\s+(.+?)\s*#*\s*$", cell.source, re.M)]


def test_is_valid_nbformat(path):
    nbformat.validate(_read(path))


def test_markdown_title_first(path):
    first = _read(path).cells[0]
    assert first.cell_type == "markdown" and re.match(r"#\s+\S", first.source), \
        f"{path.name}: the first cell must be a markdown title ('# ...')"


def test_exactly_one_parameters_cell_and_it_is_the_first_code_cell(path):
    nb = _read(path)
    cells = _parameters_cells(nb)
    assert len(cells) == 1, f"{path.name}: {len(cells)} cells tagged 'parameters'; papermill needs exactly one"
    assert cells[0].cell_type == "code" and _code_cells(nb)[0] is cells[0], \
        f"{path.name}: the parameters cell must be the first code cell"
    names = _parameter_names(cells[0])
    assert names, f"{path.name}: the parameters cell assigns nothing"


def test_every_parameter_has_a_comment(path):
    cell = _parameters_cells(_read(path))[0]
    for node in ast.parse(cell.source).body:
        line = cell.source.splitlines()[node.end_lineno - 1]
        assert "#" in line, f"{path.name}: parameter line {line!r} needs a comment saying what it takes"


def test_setup_cell_uses_offline_renderer_and_checks_every_parameter(path):
    nb = _read(path)
    setup = _setup_cell(nb)
    assert re.search(r"\buse_offline_renderer\(\)", setup.source), \
        f"{path.name}: the cell after the parameters must call use_offline_renderer()"
    calls = _check_calls(setup.source)
    assert calls, f"{path.name}: the cell after the parameters must call check(...)"
    passed = {node.id for call in calls for node in ast.walk(call) if isinstance(node, ast.Name)}
    missing = [name for name in _parameter_names(_parameters_cells(nb)[0]) if name not in passed]
    assert not missing, f"{path.name}: parameters not passed to check(...): {', '.join(missing)}"


def test_kernelspec_is_neutral(path):
    assert dict(_read(path).metadata.get("kernelspec", {})) == KERNELSPEC


def test_committed_without_outputs(path):
    nb = _read(path)
    for n, cell in enumerate(_code_cells(nb)):
        assert cell.outputs == [], f"{path.name}: code cell {n} has outputs"
        assert cell.execution_count is None, f"{path.name}: code cell {n} has an execution count"
    assert "widgets" not in nb.metadata, f"{path.name}: saved widget state in the metadata"
    assert "papermill" not in nb.metadata, f"{path.name}: this is an executed copy (papermill metadata)"


def test_how_to_read_flagged_values_and_sources_sections(path):
    headings = [h.lower() for h in _headings(_read(path))]
    assert "how to read this" in headings, f"{path.name}: needs a 'How to read this' note (a brief opens with it)"
    assert "flagged values" in headings, f"{path.name}: needs a 'Flagged values' section"
    assert "sources" in headings, f"{path.name}: needs a 'Sources' section"
