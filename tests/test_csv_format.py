"""The CSV writer (datasets/csv_format.py): the bytes csv.writer would write, formatted a column
at a time, and the same bytes when a build's parts format the rows (one text per report)."""

import csv
import io

import pandas as pd

from lkjip_analysis.datasets.csv_format import csv_lines, format_value, write_csv
from lkjip_analysis.datasets.load import load
from lkjip_analysis.datasets.schema import DATASETS

STAFF = DATASETS["staff"]


def reference_bytes(frame: pd.DataFrame) -> str:
    """What csv.writer writes for the frame's values, each formatted by format_value."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STAFF.columns)
    for row in frame[STAFF.columns].astype(object).itertuples(index=False):
        writer.writerow([format_value(None if pd.isna(v) else v) for v in row])
    return out.getvalue()


def staff_with(text: str) -> pd.DataFrame:
    staff = load("staff").head(4).reset_index(drop=True)  # staff.csv: Blitar lines 207-209 and more
    return staff.assign(category=staff["category"].astype(object).where(staff.index != 1, text))


def test_plain_rows_are_written_as_csv_writer_writes_them(tmp_path):
    staff = load("staff")
    write_csv(staff, STAFF, tmp_path / "staff.csv")
    assert (tmp_path / "staff.csv").read_text(encoding="utf-8") == reference_bytes(staff)


def test_commas_quotes_and_line_feeds_are_quoted_as_csv_writer_quotes_them(tmp_path):
    for text in ['Strata 1, S1', 'the "JUMLAH" row', "two\nlines"]:
        frame = staff_with(text)
        write_csv(frame, STAFF, tmp_path / "staff.csv")
        assert (tmp_path / "staff.csv").read_text(encoding="utf-8") == reference_bytes(frame), text


def test_a_carriage_return_is_left_to_csv_writer(tmp_path):
    frame = staff_with("one\rtwo")
    assert csv_lines(frame, STAFF) is None
    write_csv(frame, STAFF, tmp_path / "staff.csv")
    with open(tmp_path / "staff.csv", encoding="utf-8", newline="") as f:
        assert f.read() == reference_bytes(frame)


def test_rows_formatted_per_report_give_the_same_bytes(tmp_path):
    indicators, dataset = load("indicators"), DATASETS["indicators"]
    lines = csv_lines(indicators, dataset)
    by_report: dict[str, list[str]] = {}
    for file, line in zip(indicators["source_file"].astype(str), lines, strict=True):
        by_report.setdefault(file, []).append(line)
    assert len(by_report) == 4
    write_csv(indicators, dataset, tmp_path / "whole.csv")
    write_csv(indicators, dataset, tmp_path / "parts.csv", ["\n".join(rows) for rows in by_report.values()])
    assert (tmp_path / "parts.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()


def test_values_are_formatted_as_printed_numbers_need():
    assert [format_value(v) for v in (48.0, 5.97, float("nan"), None, True, 1e16)] == \
        ["48", "5.97", "", "", "true", "1e+16"]
