"""`lkjip tables FILE [--csv]`: what a user eyeballs against the report."""

import csv
import io
from pathlib import Path

from lkjip_analysis.cli import main

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_tables_listing(capsys):
    assert main(["tables", str(RAW / "blitar_2020.txt")]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 27
    assert lines[2].split() == ["T0092", "Tabel", "3.1.1", "lines", "92–94", "1", "×", "5", "tsv", "copy", "of",
                                "T0081", "Tabel", "Pencapaian", "Kinerja"]
    assert "27 tables in blitar_2020.txt" in err


def test_tables_csv(capsys):
    assert main(["tables", str(RAW / "lumajang_2020.txt"), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == ["table_id", "caption", "first_line", "last_line", "n_rows", "n_cols", "copy_of"]
    by_id = {r["table_id"]: r for r in rows}
    assert by_id["T0911"] == {"table_id": "T0911", "caption": "TABEL III.13", "first_line": "911",
                              "last_line": "923", "n_rows": "11", "n_cols": "7", "copy_of": "T0761"}
    assert by_id["F0507"]["first_line"] == by_id["F0507"]["last_line"] == "507"


def test_bad_file_is_an_error_not_a_traceback(capsys, tmp_path):
    assert main(["tables", str(tmp_path / "nope.txt")]) == 2
    assert capsys.readouterr().err == f"lkjip: error: {tmp_path / 'nope.txt'}: report file not found\n"
