"""notebooks/poverty_rate.ipynb run with papermill: its defaults, one region and years, a bad region."""

import json
import os
from pathlib import Path

import nbformat
import papermill
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "poverty_rate.ipynb"


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


def test_defaults_show_sumenep_and_bps_agreeing(tmp_path, monkeypatch):
    nb = run(tmp_path, monkeypatch)
    text = text_of(nb)
    assert ("Kabupaten Sumenep's report and BPS agree on every year the report prints "
            "(2018: 20,16 %, 2019: 19,48 %, 2020: 20,18 %)") in text
    for line in ("sumenep_2020.txt line 297", "sumenep_2020.txt lines 251, 297",
                 "sumenep_2020.txt lines 230, 251, 297"):
        assert line in text
    assert "pewartapos.com/angka-kemiskinan-di-sumenep-capai-20620-ribu-jiwa" in text  # BPS 2018 and 2019
    assert "BPS, quoted by BPS (March 2020): trenggalekkab.bps.go.id" in text  # East Java's point in the chart
    assert "220.230 persons" in text and "197.465 households (sumenep_2020.txt line 272)" in text
    assert "so the target was missed" in text
    assert charts_in(nb) == 1


def test_one_region_and_years(tmp_path, monkeypatch):
    text = text_of(run(tmp_path, monkeypatch, region="Blitar", years=[2015, 2021]))
    assert "8,71 %" not in text  # Blitar's 2022 figure is outside the years asked for
    assert "In 2021, the last year with East Java's figure (11,40 %): Kabupaten Blitar 9,65 %" in text
    assert "The report of Kabupaten Blitar prints no poverty rate" in text
    assert "Kabupaten Sumenep" not in text


def test_unknown_region_fails_before_any_chart(tmp_path, monkeypatch):
    with pytest.raises(papermill.PapermillExecutionError) as failed:
        run(tmp_path, monkeypatch, region="Atlantis")
    assert "Blitar, Lumajang, Pasuruan, Sumenep" in failed.value.evalue
    assert charts_in(nbformat.read(tmp_path / "out.ipynb", as_version=4)) == 0
