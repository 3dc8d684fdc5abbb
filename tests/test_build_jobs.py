"""`lkjip build --jobs N`: the manifest built in N parts of whole regions, in N processes, gives the
same bytes as one process, and a report's error still names its file and line."""

import shutil
from pathlib import Path

import pytest

from lkjip_analysis.build import auto_jobs, build, parts_of
from lkjip_analysis.errors import LkjipError
from lkjip_analysis.extraction import Source

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


def test_parts_keep_regions_whole_in_manifest_order_about_equal_in_bytes(tmp_path):
    sizes = {"a_2020.txt": ("A", 100), "b_2020.txt": ("B", 300), "a_2021.txt": ("A", 150), "c_2020.txt": ("C", 200)}
    sources = []
    for file, (region, size) in sizes.items():
        (tmp_path / file).write_bytes(b"x" * size)
        sources.append(Source(file, region, "Kabupaten", int(file[2:6]), f"Dinas Sosial {region}", "", file))
    files = [[s.file for s in part] for part in parts_of(tmp_path, sources, 2)]
    # B (300 bytes) first, then A (250) to the other part, then C (200) to the lighter: A's
    assert files == [["b_2020.txt"], ["a_2020.txt", "a_2021.txt", "c_2020.txt"]]
    assert [[s.file for s in part] for part in parts_of(tmp_path, sources, 1)] == [list(sizes)]
    assert len(parts_of(tmp_path, sources, 8)) == 3  # never more parts than regions


def test_left_to_the_build_a_few_reports_take_one_process_a_corpus_one_per_core(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert [auto_jobs(n) for n in (4, 24, 25, 60, 500)] == [1, 1, 1, 2, 8]
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert auto_jobs(500) == 2
