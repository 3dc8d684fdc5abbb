"""`lkjip build --jobs N`: the reports parsed and their recipes applied in N processes give the
same bytes as one process, and a report's error still names its file and line."""

import shutil
from pathlib import Path

import pytest

from lkjip_analysis.build import build
from lkjip_analysis.errors import LkjipError

from conftest import edit_report

ROOT = Path(__file__).resolve().parents[1]
RAW, CLEAN = ROOT / "data" / "raw", ROOT / "data" / "clean"


def test_two_jobs_write_the_committed_bytes(tmp_path):
    out = tmp_path / "clean"
    result = build(RAW, out, verbose=False, jobs=2)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in CLEAN.iterdir())
    for path in CLEAN.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    assert result.coverage.complete


def test_an_error_in_a_worker_names_file_and_line(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    path = edit_report(raw, "blitar_2020.txt", b"Rincian Sumber Dana Untuk PMKS", b"Rincian Anggaran Untuk PMKS")
    with pytest.raises(LkjipError) as info:
        build(raw, tmp_path / "clean", verbose=False, jobs=2)
    assert (info.value.path, info.value.line) == (str(path), 111)
    assert "expects the table to show 'Rincian Sumber Dana'" in info.value.message
