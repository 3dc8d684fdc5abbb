"""Extraction: a raw report (checked against its manifest) -> every table in it, as rows of
cells that remember their line. Nothing here knows what a table means; recipes do."""

from .find import find_tables
from .model import Cell, Row, Table
from .reports import Report, Source, read_manifest, read_report, read_reports

__all__ = ["Cell", "Report", "Row", "Source", "Table", "find_tables", "read_manifest", "read_report", "read_reports"]
