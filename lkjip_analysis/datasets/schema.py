"""Every clean file's fields: name, type, unit and meaning - one source for the
CSV column order, the pandera checks, datapackage.json and the data card."""

from __future__ import annotations

from dataclasses import dataclass

from ..extraction.model import table_id_forms
from ..reference.budget_levels import BUDGET_LEVELS, describe_levels
from ..text.numbers import MISSING_REASONS


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Frictionless type: string, integer, number, boolean
    description: str
    unit: str | None = None
    required: bool = False
    enum: tuple[str, ...] | None = None
    categorical: bool = False  # loaded as a pandas category


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    row: str  # what one row is
    fields: tuple[Field, ...]
    key: tuple[str, ...]  # unique per row

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


PROVENANCE = (
    Field("region", "string", "Regency (kabupaten) or city (kota) whose Dinas Sosial wrote the report.",
          required=True, categorical=True),
    Field("report_year", "integer", "Year the report covers.", required=True),
    Field("source_file", "string", "Report file in data/raw/ (see data/raw/sources.csv).", required=True,
          categorical=True),
    Field("source_line", "integer", "1-based line of data/raw/<source_file> on which the value (or, for a "
          "row without one value, the row) is printed.", required=True),
    Field("table_id", "string", "Table the value comes from, as listed by `lkjip tables` and tables.csv: "
          + table_id_forms() + ".", required=True),
)

VALUE_ID = Field("value_id", "string", "Stable id of this value, made from what the row is (file, line and "
                 "unique key; never a row number): what quality_flags.csv and the analysis-ready files point at. "
                 "Reads as <report>-L<line>-<hash>.", required=True)

VALUE = (
    Field("value", "number", "The value as printed, parsed (never corrected); empty when missing.",
          unit="see unit"),
    Field("unit", "string", "Unit of value: percent, rupiah, persons, households, beneficiary households, "
          "... (percent values are 0-100).", categorical=True),
    Field("value_raw", "string", "The text as printed in the report."),
    Field("missing_reason", "string", "Why value is empty: " + ", ".join(MISSING_REASONS) + ".",
          enum=MISSING_REASONS, categorical=True),
)

ORIGIN = Field("origin", "string", "Where in the report the value is printed: table, formula (LaTeX), "
               "narrative (a sentence of the prose).", enum=("table", "formula", "narrative"), required=True,
               categorical=True)

# Controlled vocabularies: a recipe that needs a new word adds it here, documented.
INDICATOR_LEVELS = ("goal", "objective", "programme", "activity", "sub_activity")
INDICATOR_MEASURES = (
    "target", "realisation", "achievement_pct", "numerator", "denominator", "end_target", "progress_pct",
    "average_achievement_pct", "programme_achievement_pct", "benchmark", "benchmark_ratio",
    # Lumajang's formula B ((target - (realisation - target)) / target) and its intermediate step
    "achievement_pct_lower_is_better", "realisation_minus_target",
    # an indicator computed from two fractions (Lumajang's Jaminan Sosial): their parts
    "numerator_1", "denominator_1", "realisation_1", "numerator_2", "denominator_2", "realisation_2",
    # Kota Pasuruan's conclusion table: indicators per rating category
    "count_very_successful", "count_successful", "count_sufficient", "count_insufficient",
    "share_very_successful_pct", "share_successful_pct", "share_sufficient_pct", "share_insufficient_pct",
)
AID_MEASURES = ("beneficiaries_target", "beneficiaries", "amount_per_beneficiary", "total", "achievement_pct",
                "households_verified", "households_eligible", "households_proposed")
BUDGET_MEASURES = ("budget", "realised", "absorption_pct", "over_under", "unspent", "share_of_total_pct")
EFFICIENCY_MEASURES = ("achievement_pct", "absorption_pct", "efficiency_pct", "budget", "realised")

DATASETS: dict[str, Dataset] = {}


def _register(ds: Dataset) -> Dataset:
    DATASETS[ds.name] = ds
    return ds


CELLS = _register(Dataset(
    "cells", "Every cell of every table",
    "one cell of a table found in a report (header cells included), with its parsed value",
    (
        VALUE_ID, *PROVENANCE,
        Field("part", "string", "header or body row of the table.", enum=("header", "body"), required=True,
              categorical=True),
        Field("row", "integer", "0-based row within the part.", required=True),
        Field("column", "integer", "0-based column as printed (tab position).", required=True),
        Field("header_path", "string", "The column's header, spanning cells joined by ' / '."),
        Field("lines", "string", "All lines the cell is printed on, ';'-separated (a wrapped cell has several)."),
        Field("kind", "string", "Number kind used to parse the cell: the recipe's for mapped columns, else auto.",
              categorical=True),
        *VALUE,
    ),
    key=("source_file", "table_id", "part", "row", "column"),
))

TABLES = _register(Dataset(
    "tables", "Catalogue of the tables found",
    "one table found in a report and where its values went",
    (
        *PROVENANCE,
        Field("kind", "string", "tsv (tab-separated), html, formula (LaTeX), narrative (sentence).",
              required=True, categorical=True),
        Field("caption", "string", "Caption as printed (Tabel 3.2, TABEL III.11), empty when none."),
        Field("title", "string", "Title printed with the caption, or a heading right above the table."),
        Field("first_line", "integer", "First line of the table.", required=True),
        Field("last_line", "integer", "Last line of the table.", required=True),
        Field("n_rows", "integer", "Body rows.", required=True),
        Field("n_cols", "integer", "Columns (widest row).", required=True),
        Field("copy_of", "string", "table_id of the earlier printing this table repeats."),
        Field("destination", "string", "Clean file(s) its values went to, ';'-separated."),
        Field("excluded_because", "string", "Why its values are in no tidy file (table of contents, text only, "
              "copy of <table_id>, ...)."),
    ),
    key=("source_file", "table_id"),
))

INDICATORS = _register(Dataset(
    "indicators", "Performance indicators",
    "one measure (target, realisation, achievement, ...) of one indicator for one period",
    (
        VALUE_ID, *PROVENANCE, ORIGIN,
        Field("level", "string", "goal (tujuan), objective (sasaran), programme, activity or sub_activity "
              "the indicator measures.", required=True, categorical=True, enum=INDICATOR_LEVELS),
        Field("objective", "string", "Objective (sasaran), goal or, for programme/activity indicators, the "
              "programme or activity, as printed."),
        Field("indicator", "string", "Indicator as printed.", required=True),
        Field("indicator_id", "string", "Canonical indicator id, defined with its labels in "
              "lkjip_analysis/reference/indicators.yaml (listed in README.md).", required=True, categorical=True),
        Field("period", "integer", "Year the value is for."),
        Field("measure", "string", "What the value is: " + ", ".join(INDICATOR_MEASURES) + " (see "
              "docs/architecture.md, measures).", required=True, categorical=True, enum=INDICATOR_MEASURES),
        *VALUE,
        Field("target_origin", "string", "Where the target comes from when the report says: Renstra, RPJMD, "
              "Perjanjian Kinerja.", categorical=True),
    ),
    key=("source_file", "table_id", "source_line", "level", "objective", "indicator", "period", "measure"),
))

PMKS_BY_TYPE = _register(Dataset(
    "pmks_by_type", "PMKS assisted and handled by type (Blitar)",
    "target or realisation of PMKS of one type assisted (dibantu) or handled (ditangani) in one year",
    (
        VALUE_ID, *PROVENANCE,
        Field("category", "string", "assisted (dibantu) or handled (ditangani).", enum=("assisted", "handled"),
              required=True, categorical=True),
        Field("pmks_type", "string", "Type of PMKS as printed.", required=True),
        Field("period", "integer", "Year.", required=True),
        Field("measure", "string", "target or realisation.", enum=("target", "realisation"), required=True,
              categorical=True),
        *VALUE,
    ),
    key=("source_file", "table_id", "category", "pmks_type", "period", "measure"),
))

SOCIAL_ASSISTANCE = _register(Dataset(
    "social_assistance", "Aid volumes (Covid-era and regular)",
    "one measure (beneficiaries, amount per beneficiary, total) of one aid programme",
    (
        VALUE_ID, *PROVENANCE, ORIGIN,
        Field("programme", "string", "Programme as printed.", required=True),
        Field("programme_id", "string", "PKH, BPNT, BPNT Perluasan, BST Himbara I, ... (normalised).",
              required=True, categorical=True),
        Field("funding_source", "string", "APBN, APBD Provinsi or APBD.", categorical=True),
        Field("period", "integer", "Year."),
        Field("measure", "string", "What the value is: " + ", ".join(AID_MEASURES) + ".", required=True,
              categorical=True, enum=AID_MEASURES),
        *VALUE,
    ),
    key=("source_file", "table_id", "source_line", "programme", "measure"),
))

BUDGET = _register(Dataset(
    "budget", "Budget lines",
    "one measure (budget, realised, absorption, over/under) of one budget line",
    (
        VALUE_ID, *PROVENANCE, ORIGIN,
        Field("level", "string", "Place of the line in the budget: " + describe_levels() + ".", required=True,
              categorical=True, enum=tuple(BUDGET_LEVELS)),
        Field("code", "string", "Budget code as printed, when printed."),
        Field("name", "string", "Line as printed.", required=True),
        Field("parent", "string", "Name of the line it belongs to (programme of an activity, ...)."),
        Field("period", "integer", "Budget year."),
        Field("measure", "string", "What the value is: " + ", ".join(BUDGET_MEASURES) + " (over_under = "
              "realised - budget as printed; unspent = budget - realised as printed).", required=True,
              categorical=True, enum=BUDGET_MEASURES),
        *VALUE,
        Field("fund_source", "string", "Fund source when printed (DAU, DBHCHT, APBD ...).", categorical=True),
    ),
    key=("source_file", "table_id", "source_line", "level", "name", "period", "measure"),
))

EFFICIENCY = _register(Dataset(
    "efficiency", "Efficiency tables",
    "one measure (achievement, absorption, efficiency, budget, realised) of one objective or indicator",
    (
        VALUE_ID, *PROVENANCE,
        Field("objective", "string", "Objective (sasaran) as printed."),
        Field("indicator", "string", "Indicator as printed, when the table is per indicator."),
        Field("measure", "string", "What the value is: " + ", ".join(EFFICIENCY_MEASURES) + ".",
              required=True, categorical=True, enum=EFFICIENCY_MEASURES),
        *VALUE,
    ),
    key=("source_file", "table_id", "source_line", "objective", "indicator", "measure"),
))

STAFF = _register(Dataset(
    "staff", "Civil-servant composition (Lumajang)",
    "number of staff of one status and category in one unit of the office",
    (
        VALUE_ID, *PROVENANCE,
        Field("breakdown", "string", "sex, education or rank.", required=True, categorical=True),
        Field("status", "string", "PNS (civil servant) or Perjanjian Kontrak (contract), when split.",
              categorical=True),
        Field("category", "string", "Sex, education level or rank as printed.", required=True),
        Field("org_unit", "string", "Unit of the office (column) as printed, or JUMLAH/Total.", required=True),
        *VALUE,
    ),
    key=("source_file", "table_id", "source_line", "status", "category", "org_unit"),
))

RATING_SCALES = _register(Dataset(
    "rating_scales", "Rating scales",
    "one band of a report's rating scale",
    (
        VALUE_ID, *PROVENANCE,
        Field("scale", "string", "What the scale rates, in English.", required=True),
        Field("rank", "integer", "Order as printed (1 = first row).", required=True),
        Field("label", "string", "Rating as printed (Baik Sekali, Sangat Berhasil, A - SANGAT BAIK, ...).",
              required=True),
        Field("lower", "number", "Lower bound, percent or score.", unit="percent"),
        Field("lower_inclusive", "boolean", "Whether the lower bound belongs to the band."),
        Field("upper", "number", "Upper bound.", unit="percent"),
        Field("upper_inclusive", "boolean", "Whether the upper bound belongs to the band."),
        Field("value_raw", "string", "The band as printed."),
    ),
    key=("source_file", "table_id", "rank"),
))

QUALITY_FLAGS = _register(Dataset(
    "quality_flags", "Audit: the reports' own arithmetic",
    "one disagreement found by recomputing what the report prints",
    (
        Field("flag_id", "string", "Stable id of the flag: <report>-L<line>-<check>-<digest of subject>.",
              required=True),
        Field("region", "string", "Region of the report.", required=True, categorical=True),
        Field("report_year", "integer", "Year the report covers.", required=True),
        Field("source_file", "string", "Report file in data/raw/.", required=True, categorical=True),
        Field("source_line", "integer", "Line of the printed value that disagrees.", required=True),
        Field("table_id", "string", "Table of the printed value."),
        Field("check", "string", "Which recomputation: achievement, absorption, sum, over_under, efficiency, "
              "product, average, copy, same_quantity, malformed, ...", required=True, categorical=True),
        Field("subject", "string", "What was checked, in words.", required=True),
        Field("printed", "number", "The value as printed (parsed)."),
        Field("expected", "number", "The value recomputed from the report's other numbers. For printings that "
              "disagree: the value the report's own inputs give, where they decide which printing is right; "
              "empty where they do not (then every printing is flagged, none presumed right)."),
        Field("difference", "number", "printed - expected."),
        Field("lines", "string", "All lines involved, ';'-separated.", required=True),
        Field("detail", "string", "Explanation, with the raw text where it matters.", required=True),
        Field("kind", "string", "arithmetic (the report's own numbers do not add up), printings_disagree (the same "
              "figure is printed differently), scope (a total covers lines the table does not list), malformed "
              "(digits that form no number).", required=True, categorical=True,
              enum=("arithmetic", "printings_disagree", "scope", "malformed")),
        Field("dataset", "string", "Clean file of the flagged value (cells for a table printed twice, which the "
              "tidy files leave out).", required=True, categorical=True),
        Field("value_id", "string", "value_id of the flagged value in that file.", required=True),
        Field("related_value_ids", "string", "value_ids of the other values the check read, ';'-separated."),
    ),
    key=("source_file", "check", "source_line", "subject"),
))

TIDY = ("indicators", "pmks_by_type", "social_assistance", "budget", "efficiency", "staff", "rating_scales")
# The order files are written, described in datapackage.json and listed in the data card.
OUTPUT_ORDER = ("cells", "tables", *TIDY, "quality_flags")
