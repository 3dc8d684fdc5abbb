"""Raw reports: byte-identical copies, the manifest, and clear errors for bad input."""

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from lkjip_analysis.errors import LkjipError
from lkjip_analysis.extraction import read_manifest, read_report, read_reports

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared" / "reports"


def test_manifest_describes_each_report():
    sources = read_manifest(RAW)
    for s in sources:
        assert hashlib.sha256((RAW / s.file).read_bytes()).hexdigest() == s.sha256
        assert s.region_type in ("kabupaten", "kota")
        assert s.region in s.office and s.file.endswith(f"_{s.report_year}.txt"), s
    by_file = {s.file: s for s in sources}
    assert [(s.region, s.region_type, s.report_year) for s in map(by_file.get, (
        "blitar_2020.txt", "lumajang_2020.txt", "pasuruan_2022.txt", "sumenep_2020.txt"))] == [
        ("Blitar", "kabupaten", 2020), ("Lumajang", "kabupaten", 2020), ("Pasuruan", "kota", 2022),
        ("Sumenep", "kabupaten", 2020)]
    assert by_file["pasuruan_2022.txt"].office == "Dinas Sosial Kota Pasuruan"
    assert by_file["blitar_2020.txt"].original_name == "000_f758a3d396351248.txt"


def test_raw_files_are_byte_identical_to_the_shared_reports():
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/reports must be beside the clone in CI")
        pytest.skip("../shared/reports is not beside this clone")
    for s in read_manifest(RAW):
        assert (RAW / s.file).read_bytes() == (SHARED / s.original_name).read_bytes(), s.file


def test_lines_are_numbered_as_an_editor_numbers_them():
    report = read_report(RAW / "blitar_2020.txt")
    assert report.source.region == "Blitar"
    assert report.line(53) == "Tabel 2.1"
    assert report.line(116).startswith("APBN - BPNT\t1.047.919")
    assert [r.name for r in read_reports(RAW)] == [s.file for s in read_manifest(RAW)]


@pytest.fixture()
def raw_copy(tmp_path):
    shutil.copytree(RAW, tmp_path / "raw")
    return tmp_path / "raw"


def test_changed_report_is_refused_naming_the_file(raw_copy):
    path = raw_copy / "lumajang_2020.txt"
    path.write_bytes(path.read_bytes().replace(b"426.794", b"426.795"))
    with pytest.raises(LkjipError, match=r"lumajang_2020\.txt: sha256 .* does not match the manifest"):
        read_report(path)
    with pytest.raises(LkjipError, match="lumajang_2020.txt"):
        read_reports(raw_copy)


def test_missing_report_is_a_clear_error(raw_copy):
    (raw_copy / "sumenep_2020.txt").unlink()
    with pytest.raises(LkjipError, match=r"sumenep_2020\.txt: report file not found"):
        read_reports(raw_copy)


def test_invalid_utf8_names_file_and_line(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"line one\nline two\nRp. 1.000\xff\n")
    with pytest.raises(LkjipError) as info:
        read_report(path)
    assert str(info.value) == f"{path}:3: not valid UTF-8 (byte 0xff at column 10)"


def test_bad_manifest_row_names_its_line(raw_copy):
    manifest = raw_copy / "sources.csv"
    manifest.write_text(manifest.read_text().replace(",2022,", ",twenty,"))
    with pytest.raises(LkjipError, match=r"sources\.csv:4: report_year 'twenty' is not a year"):
        read_manifest(raw_copy)
