"""`--scheduler`: the build and the briefs handed to a Dask cluster (lkjip_analysis/cluster.py).

The cluster is a LocalCluster of two single-threaded workers in this process (processes=False):
the tasks cross the same client/scheduler/worker protocol as on a real cluster (arguments and
results are serialised), without the start-up of worker processes.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from lkjip_analysis import cluster
from lkjip_analysis.build import build
from lkjip_analysis.errors import LkjipError

from conftest import FIXTURE_NOTEBOOKS, edit_report, render

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
RAW, CLEAN = ROOT / "data" / "raw", ROOT / "data" / "clean"


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def test_a_build_through_dask_writes_the_committed_bytes(scheduler, tmp_path):
    out = tmp_path / "clean"
    result = build(RAW, out, verbose=False, scheduler=scheduler)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in CLEAN.iterdir())
    for path in CLEAN.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    assert result.coverage.complete


def test_a_recipe_failing_in_a_dask_worker_names_file_and_line(scheduler, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    # the caption Blitar's recipe expects at line 111 (a Melt's expect text)
    path = edit_report(raw, "blitar_2020.txt", b"Rincian Sumber Dana Untuk PMKS", b"Rincian Anggaran Untuk PMKS")
    with pytest.raises(LkjipError) as info:
        build(raw, tmp_path / "clean", verbose=False, scheduler=scheduler)
    assert (info.value.path, info.value.line) == (str(path), 111)
    assert "expects the table to show 'Rincian Sumber Dana'" in info.value.message
    assert not (tmp_path / "clean").exists()


def test_briefs_through_dask_render_one_notebook_and_record_a_failing_one(scheduler, tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for name in ("overview.ipynb", "failing.ipynb"):
        shutil.copy(FIXTURE_NOTEBOOKS / name, notebooks / name)
    rendered = render(notebooks, tmp_path / "reports", "--scheduler", scheduler)
    assert rendered.status == 1
    assert sorted(p.name for p in rendered.out.glob("*.html")) == ["index.html", "overview.html"]
    page = (rendered.out / "overview.html").read_text(encoding="utf-8")
    assert "<dt>years</dt><dd>2018, 2020</dd>" in page  # its parameters, as papermill injected them
    assert "reports per region" in page  # the chart's title: the kernel ran the notebook's code
    assert [line for line in rendered.stderr.splitlines() if line.startswith("FAILED")] == [
        "FAILED failing.ipynb (region=Blitar): cell In[3] "
        '`raise ValueError(f"deliberate failure for the tests ({region})")`: '
        "ValueError: deliberate failure for the tests (Blitar)"
    ]
    assert "1 of 2 briefs written" in rendered.stderr
    index = (rendered.out / "index.html").read_text(encoding="utf-8")
    assert index.count('class="ok"') == 1 and index.count('class="failed"') == 1
    # two runs at once in this process's workers: the kernels' environment is not left behind
    assert "LKJIP_BRIEF" not in os.environ


def test_no_scheduler_at_the_address_is_an_error_naming_it(monkeypatch, tmp_path):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{free.getsockname()[1]}"
    with pytest.raises(LkjipError, match=f"no Dask scheduler answers at {address}"):
        build(RAW, tmp_path / "clean", verbose=False, scheduler=address)
