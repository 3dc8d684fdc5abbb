"""datapackage.json (Frictionless): every clean file, field, type, unit and constraint."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import __version__
from .report_list import count_in_words, report_names
from .schema import DATASETS, OUTPUT_ORDER

if TYPE_CHECKING:  # the analysis layer loads this module and needs no parser
    from ..extraction import Source


def _field_descriptor(field) -> dict[str, Any]:
    out: dict[str, Any] = {"name": field.name, "type": field.type, "description": field.description}
    if field.unit:
        out["unit"] = field.unit
    constraints = {}
    if field.required:
        constraints["required"] = True
    if field.enum:
        constraints["enum"] = list(field.enum)
    if constraints:
        out["constraints"] = constraints
    return out


def descriptor(sources: list[Source], frames: dict[str, pd.DataFrame]) -> dict[str, Any]:
    return {
        "name": "lkjip-dinas-sosial",
        "title": f"Performance reports (LKjIP) of {count_in_words(len(sources))} Dinas Sosial, as tidy tables",
        "description": f"Every table of the LKjIP reports of the social-affairs offices of {report_names(sources)}, "
                       "each value with the report file and line it is printed on. Values are as printed; the "
                       "reports' own arithmetic mistakes are listed in quality_flags.csv, never corrected. "
                       "See README.md.",
        "version": __version__,
        "sources": [{"title": f"LKjIP {s.office} {s.report_year}", "path": f"data/raw/{s.file}",
                     "sha256": s.sha256} for s in sources],
        "resources": [
            {
                "name": name,
                "path": DATASETS[name].filename,
                "title": DATASETS[name].title,
                "description": f"One row: {DATASETS[name].row}.",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [_field_descriptor(f) for f in DATASETS[name].fields],
                    "primaryKey": list(DATASETS[name].key),
                    "missingValues": [""],
                },
            }
            for name in OUTPUT_ORDER
        ],
    }


def write_datapackage(out: Path, sources: list[Source], frames: dict[str, pd.DataFrame]) -> None:
    text = json.dumps(descriptor(sources, frames), indent=2, ensure_ascii=False) + "\n"
    (out / "datapackage.json").write_text(text, encoding="utf-8")
