"""The columns every clean row starts with: which report, which line, which table; and the
value columns of a parsed number."""

from __future__ import annotations

from typing import Any

from ..extraction import Report
from ..text.numbers import ParsedNumber


def report_fields(report: Report) -> dict[str, Any]:
    """Which report: its region and year from the manifest; a report the manifest does not
    list is named by its file stem, with no year."""
    src = report.source
    return {
        "region": src.region if src else report.stem,
        "report_year": src.report_year if src else None,
        "source_file": report.name,
    }


def provenance(report: Report, table_id: str, line: int) -> dict[str, Any]:
    return {**report_fields(report), "source_line": line, "table_id": table_id}


def value_fields(parsed: ParsedNumber, printed: str, unit: str | None) -> dict[str, Any]:
    return {
        "value": parsed.value,
        "unit": parsed.unit or unit,
        "value_raw": printed,
        "missing_reason": parsed.missing,
    }
