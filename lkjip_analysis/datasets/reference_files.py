"""data/reference/: cited figures from outside the reports (BPS poverty rates, the national
2020 aid amounts, which programmes were a pandemic response, the regions' names and codes).

They are inputs, not outputs: the CSVs are kept as received (``../shared/reference/``; a test
checks the copies), every row names its own source. Their schema lives here, so that
``load("poverty_rates")`` types and checks them like the clean files and ``lkjip build`` can
describe them in ``data/reference/datapackage.json`` with their primary keys.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .. import __version__
from .datapackage import _field_descriptor
from .schema import Dataset, Field

SOURCE = Field("source", "string", "Where the row's figure is published (web address, or report file and line).",
               required=True)
REGION_TYPES = ("kabupaten", "kota", "provinsi")
REGION = (
    Field("region", "string", "Region as named in data/raw/sources.csv (a province by its own name).", required=True),
    Field("region_type", "string", "kabupaten (regency), kota (city) or provinsi (province).", required=True,
          enum=REGION_TYPES),
)

REFERENCE_DATASETS: dict[str, Dataset] = {ds.name: ds for ds in (
    Dataset(
        "regions", "Regions: names and codes",
        "one region (regency, city or province) with its full name and BPS code",
        (
            *REGION,
            Field("full_name", "string", "Official name with its type: a regency (Kabupaten X) and a city (Kota X) "
                  "may share the short name.", required=True),
            Field("name_en", "string", "English name.", required=True),
            Field("bps_code", "string", "BPS region code (kode wilayah): 2 digits for a province, 4 for a "
                  "regency or city.", required=True),
            Field("province", "string", "Province the region lies in.", required=True),
            SOURCE,
        ),
        key=("region", "region_type"),
    ),
    Dataset(
        "poverty_rates", "Poverty rates (BPS)",
        "the BPS poverty rate (persentase penduduk miskin, March) of one region in one year; missing years are "
        "real gaps",
        (
            *REGION,
            Field("year", "integer", "Year (BPS measures in March).", required=True),
            Field("poverty_rate_pct", "number", "Share of the population below the poverty line.", unit="percent",
                  required=True),
            Field("poor_people", "integer", "Number of poor people, when quoted.", unit="persons"),
            Field("quoted_by", "string", "Who published or quoted the figure.", required=True),
            SOURCE,
        ),
        key=("region", "region_type", "year"),
    ),
    Dataset(
        "aid_rules_2020", "National aid amounts in 2020",
        "the national amount per beneficiary household (KPM) of one aid programme or component in 2020",
        (
            Field("programme", "string", "Programme or component as announced.", required=True),
            Field("period", "string", "Months the amount applies to (2020-04..2020-12), or the year.", required=True),
            Field("amount_per_kpm_rp", "integer", "Amount per beneficiary household for each `per`.", unit="rupiah",
                  required=True),
            Field("per", "string", "What the amount is per: month or year.", required=True, enum=("month", "year")),
            Field("months", "integer", "Months paid in 2020 when paid monthly.", unit="months"),
            Field("note", "string", "What changed in 2020."),
            SOURCE,
        ),
        key=("programme",),
    ),
    Dataset(
        "aid_programmes", "Aid programmes and the 2020 pandemic response",
        "one aid programme the reports name, its funding and whether it was a 2020 pandemic response",
        (
            Field("programme_id", "string", "Programme id as in social_assistance.csv.", required=True),
            Field("name_printed", "string", "Full name.", required=True),
            Field("funding_source", "string", "APBN (national), APBD Provinsi or APBD.", required=True),
            Field("form", "string", "What is given: cash, food, conditional cash, health insurance premium.",
                  required=True),
            Field("covid_response", "string", "new_2020: created for the pandemic; expanded_2020: a regular "
                  "programme raised in 2020; regular.", required=True,
                  enum=("new_2020", "expanded_2020", "regular")),
            Field("note", "string", "Details of the programme in 2020."),
            SOURCE,
        ),
        key=("programme_id",),
    ),
)}


def reference_descriptor() -> dict[str, Any]:
    """data/reference/datapackage.json: every file with its fields and primary key."""
    return {
        "name": "lkjip-reference",
        "title": "Outside reference figures for the LKjIP reports",
        "description": "Cited figures from outside the reports (BPS poverty rates, national 2020 aid amounts, "
                       "which aid programmes were a pandemic response, region names and codes). Each row names "
                       "its source in the `source` column. See README.md.",
        "version": __version__,
        "resources": [
            {
                "name": ds.name,
                "path": ds.filename,
                "title": ds.title,
                "description": f"One row: {ds.row}.",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [_field_descriptor(f) for f in ds.fields],
                    "primaryKey": list(ds.key),
                    "missingValues": [""],
                },
            }
            for ds in REFERENCE_DATASETS.values()
        ],
    }


def regions_without_reference(sources, reference_dir: Path) -> list[str]:
    """Regions of the manifest that regions.csv does not list (their full name and code are unknown)."""
    path = reference_dir / REFERENCE_DATASETS["regions"].filename
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        known = {(row["region"], row["region_type"]) for row in csv.DictReader(f)}
    return [f"{s.region} ({s.region_type})" for s in sources if (s.region, s.region_type) not in known]


def write_reference_datapackage(reference_dir: Path) -> None:
    text = json.dumps(reference_descriptor(), indent=2, ensure_ascii=False) + "\n"
    path = reference_dir / "datapackage.json"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
