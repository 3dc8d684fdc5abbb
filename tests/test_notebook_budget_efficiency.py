"""notebooks/budget_efficiency.ipynb runs with papermill and shows the numbers with their lines."""

import json
from pathlib import Path

import papermill as pm
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "budget_efficiency.ipynb"


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
            if kind:
                texts.append("".join(data[kind]) if isinstance(data[kind], list) else data[kind])
    return "\n".join(texts)


def test_committed_without_outputs_and_with_a_neutral_kernel():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"] == {"name": "python3", "display_name": "Python 3", "language": "python"}
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    assert [c for c in code if "parameters" in c["metadata"].get("tags", [])] == [code[0]]


def test_defaults_show_absorption_totals_and_pasuruans_own_efficiency(tmp_path):
    text = _run(tmp_path)
    assert "**Blitar**: the report prints no programme-level budget" in text
    assert "98,20 %" in text and "98,82 %" in text  # lumajang_2020.txt line 931 against the recomputation
    assert "pasuruan_2022.txt line 580" in text and "67,5 %" in text and "32,07 %" in text
    assert "**the report defines efficiency otherwise**" in text
    assert "lumajang_2020-L931-absorption-23a0a9" in text


def test_one_region_at_activity_level(tmp_path):
    text = _run(tmp_path, region="Lumajang", level="activity")
    # lumajang_2020.txt line 980: 30.188.500 / 35.025.000 = 86,19 %
    assert "Rp 35,02 juta" in text and "86,19 %" in text
    assert "lumajang_2020.txt line 993" in text  # the office total


def test_unknown_region_fails_before_any_chart(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as failure:
        _run(tmp_path, region="Atlantis")
    assert "choose one of: all, Blitar, Lumajang, Pasuruan, Sumenep" in str(failure.value)
    nb = json.loads((tmp_path / "out.ipynb").read_text(encoding="utf-8"))
    assert not any("image/svg+xml" in o.get("data", {}) for c in nb["cells"] for o in c.get("outputs", []))
