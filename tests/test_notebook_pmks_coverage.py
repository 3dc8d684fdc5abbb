"""notebooks/pmks_coverage.ipynb run with papermill: its defaults, one region, and a bad region."""

import json
import os
from pathlib import Path

import nbformat
import papermill
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "pmks_coverage.ipynb"


def run(tmp_path, monkeypatch, **parameters) -> nbformat.NotebookNode:
    """Execute the notebook from the project root, importing this tree's package."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(str(NOTEBOOK), str(out), parameters=parameters, kernel_name="python3",
                               cwd=str(ROOT), progress_bar=False)
    return nbformat.read(out, as_version=4)


def text_of(nb: nbformat.NotebookNode) -> str:
    """Everything the notebook showed: markdown, HTML tables, plain text, chart specs."""
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts += [data.get(kind, "") for kind in ("text/markdown", "text/html", "text/plain")]
            parts += [json.dumps(v) for k, v in data.items() if k.startswith("application/")]
            parts.append(output.get("text", ""))
    return "\n".join(parts)


def charts_in(nb: nbformat.NotebookNode) -> int:
    return sum("image/svg+xml" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


def test_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert nb.metadata["kernelspec"] == {"name": "python3", "display_name": "Python 3", "language": "python"}
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    assert [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])][0] is nb.cells[1]


def test_defaults_show_every_region_with_lines(tmp_path, monkeypatch):
    text = text_of(run(tmp_path, monkeypatch))
    # Lumajang's 2020 realisation, chosen printing line 67, printed on eight lines
    assert "78,76 %" in text
    assert "lumajang_2020.txt lines 67, 507, 519, 527, 597, 699, 784, 1018" in text
    assert "lumajang_2020.txt line 67" in text  # the chart's tooltip source
    # Blitar's disagreement: 5,90 used, 5.97 on line 83, settled by the 118 % achievement
    assert "5,90 % is used (blitar_2020.txt line 199); also printed 5.97% (line 83)" in text
    assert "blitar_2020-L83-achievement-b1d33f" in text
    assert "never ranked on one axis" in text
    assert "persons in 2018 (sumenep_2020.txt line 150); households in 2020 (sumenep_2020.txt line 272)" in text
    assert "Kota Pasuruan (2020\u20132022)" in text and "Kabupaten Blitar (2015\u20132020)" in text


def test_one_region_and_years(tmp_path, monkeypatch):
    nb = run(tmp_path, monkeypatch, region="Sumenep", indicators=["pmks_reached_pct", "pmks_total"], years=[2020, 2020])
    text = text_of(nb)
    assert "145.086 of 197.465 households (sumenep_2020.txt line 272) give 73,47 %" in text
    assert "197.465 households" in text and "1.569,77 %" in text
    assert "Kabupaten Blitar" not in text and "lumajang_2020.txt" not in text
    assert charts_in(nb) == 1


def test_unknown_region_fails_before_any_chart(tmp_path, monkeypatch):
    with pytest.raises(papermill.PapermillExecutionError) as failed:
        run(tmp_path, monkeypatch, region="Atlantis")
    assert "ParameterError" in failed.value.ename
    assert "Blitar, Lumajang, Pasuruan, Sumenep" in failed.value.evalue
    assert charts_in(nbformat.read(tmp_path / "out.ipynb", as_version=4)) == 0
