"""notebooks/covid_aid.ipynb runs with papermill and shows the numbers with their lines."""

import json
from pathlib import Path

import papermill as pm
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "covid_aid.ipynb"


def _run(tmp_path, **parameters) -> str:
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(NOTEBOOK), str(out), parameters=parameters, kernel_name="python3", cwd=str(ROOT),
                        progress_bar=False)
    nb = json.loads(out.read_text(encoding="utf-8"))
    texts = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            kind = next((k for k in ("text/markdown", "text/html", "text/plain") if k in data), None)
            if kind:  # one rendering per output, so a value shown once is counted once
                texts.append("".join(data[kind]) if isinstance(data[kind], list) else data[kind])
    return "\n".join(texts)


def test_committed_without_outputs_and_with_a_neutral_kernel():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"] == {"name": "python3", "display_name": "Python 3", "language": "python"}
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    assert [c for c in code if "parameters" in c["metadata"].get("tags", [])] == [code[0]]


def test_defaults_show_blitars_bpnt_once_in_household_months_and_the_nine_months(tmp_path):
    text = _run(tmp_path)
    assert "1.047.919 \u201cKPM\u201d (blitar_2020.txt line 143) counts household-months" in text
    assert "BPNT is printed on lines 116, 143 and shown once, from line 143" in text
    assert text.count("Blitar: BPNT (household-months)") == 2  # once in each table that lists it
    assert "is exactly 9 times its \u201cKPM x Rp\u201d product 17.977 x Rp 200.000 = Rp 3,60 miliar" in text
    assert "blitar_2020-L148-product-3bbb9e" in text and "blitar_2020.txt line 148" in text
    assert "**Lumajang**: the report prints **no aid table" in text


def test_one_region_without_aid_says_so(tmp_path):
    text = _run(tmp_path, region="Pasuruan")
    assert "the report covers 2022, not 2020" in text
    assert "4.587 KPM" in text and "households proposed" in text
    assert "No chart: the report of Pasuruan prints no aid counts for 2020." in text


def test_unknown_region_fails_before_any_chart(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as failure:
        _run(tmp_path, region="Atlantis")
    assert "choose one of: all, Blitar, Lumajang, Pasuruan, Sumenep" in str(failure.value)
    nb = json.loads((tmp_path / "out.ipynb").read_text(encoding="utf-8"))
    assert not any("image/svg+xml" in o.get("data", {}) for c in nb["cells"] for o in c.get("outputs", []))
