"""Every clean file's fields: name, type, unit and meaning - one source for the
CSV column order, the checks of datasets/validate.py, datapackage.json and the data card."""

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
# The planning documents a target can come from (glossary: ../shared/glossary.md).
TARGET_ORIGINS = {
    "Perjanjian Kinerja": "the annual performance agreement the head of office signs",
    "Renstra": "the office's 5-year strategic plan",
    "RPJMD": "the regency's or city's 5-year medium-term development plan",
    "RPJMD/Renstra": "printed as both the RPJMD's and the Renstra's target",
    "Renja": "the office's annual work plan",
    "DPA": "the budget execution document (Dokumen Pelaksanaan Anggaran), for activity targets",
}
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
# headline_indicators.csv: which step of its rule chose a value (lkjip_analysis/facts/headline.py) and
# what a count counts.
CHOICE_STEPS = ("only_printing", "inputs", "main_table", "most_frequent")
# What a count counts (headline_indicators basis, aid_by_programme beneficiaries_basis).
BASES = ("persons", "households", "household-months")

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
        Field("indicator_id", "string", "Canonical indicator id, defined in lkjip_analysis/reference/indicators.yaml "
              "(listed in README.md); the recipe maps the printed label to it.", required=True, categorical=True),
        Field("period", "integer", "Year the value is for."),
        Field("measure", "string", "What the value is: " + ", ".join(INDICATOR_MEASURES) + " (see "
              "docs/architecture.md, measures).", required=True, categorical=True, enum=INDICATOR_MEASURES),
        *VALUE,
        Field("target_origin", "string", "Where the target comes from, when the report says: "
              + "; ".join(f"{k} ({v})" for k, v in TARGET_ORIGINS.items()) + ".", categorical=True,
              enum=tuple(TARGET_ORIGINS)),
    ),
    key=("source_file", "table_id", "source_line", "level", "objective", "indicator", "period", "measure"),
))

PMKS_BY_TYPE = _register(Dataset(
    "pmks_by_type", "PMKS assisted and handled by type",
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
        Field("programme_id", "string", "The programme under one id in every report, set by "
              "the report's recipe (national programmes by their acronym: PKH, BPNT, ...).",
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
        Field("programme_key", "string", "The programme, named the same in every table (lower case, without "
              "numbering, codes, punctuation, a leading 'Program' or its typos such as 'Pogram', and a trailing "
              "'Kabupaten/Kota'): on programme lines their own, on activities and sub-activities their "
              "programme's (lkjip_analysis/derive/programme_keys.py); empty on other levels."),
        Field("period", "integer", "Budget year."),
        Field("measure", "string", "What the value is: " + ", ".join(BUDGET_MEASURES) + " (over_under = "
              "realised - budget as printed; unspent = budget - realised as printed).", required=True,
              categorical=True, enum=BUDGET_MEASURES),
        *VALUE,
        Field("fund_source", "string", "Fund source when printed (DAU, DBHCHT, APBD ...).", categorical=True),
        Field("restates", "boolean", "True when this row prints again a figure printed earlier in the report (in "
              "another table or in the prose): the same region, period, level, measure and line (programme_key "
              "for programmes, programme_key and name for activities, the figure itself for totals, else the "
              "name; lkjip_analysis/derive/restatements.py). To add up budget lines, keep rows where restates is "
              "false and level is not balance: balance rows (SILPA) restate the totals with the sign turned and "
              "never enter a sum.", required=True),
        Field("restates_value_id", "string", "value_id of the first printing of the figure, when restates is true "
              "(its value may differ: quality_flags.csv says so)."),
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
    "staff", "Civil-servant composition",
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

AID_BY_PROGRAMME = _register(Dataset(
    "aid_by_programme", "Aid by programme: one row per programme (analysis-ready)",
    "one aid programme of one region in one year, from all its printings in social_assistance.csv (a table "
    "row and a 'KPM x Rp = Rp' sentence of the same programme are one row, never summed). Values of "
    "social_assistance.csv not in this file: households verified, found eligible or proposed for aid (measures "
    "households_verified, households_eligible, households_proposed), which count lists and requests, not aid "
    "received (lkjip_analysis/facts/aid.py `values_not_used`)",
    (
        *PROVENANCE[:4],
        Field("table_id", "string", "Table of the chosen printing (the one that gives `beneficiaries`): "
              + table_id_forms() + ".", required=True),
        Field("programme_id", "string", "Programme id as in social_assistance.csv.", required=True,
              categorical=True),
        Field("programme", "string", "Programme as printed in the chosen printing.", required=True),
        Field("year", "integer", "Year the aid is for (social_assistance `period`; the report's year when none "
              "is printed).", required=True),
        Field("funding_source", "string", "APBN, APBD Provinsi or APBD: as printed, else from "
              "data/reference/aid_programmes.csv (the note says so).", categorical=True),
        Field("aid_programme_id", "string", "Row of data/reference/aid_programmes.csv this programme belongs to "
              "(its id, or the id whose words begin it: BST for BST Himbara I); empty when not listed there.",
              categorical=True),
        Field("covid_response", "string", "From aid_programmes.csv: new_2020 (created for the pandemic), "
              "expanded_2020 (a regular programme raised in 2020), regular; empty when the programme is not "
              "listed (the note says so).", categorical=True, enum=("new_2020", "expanded_2020", "regular")),
        Field("beneficiaries", "integer", "Count of the chosen printing, as printed.", unit="see beneficiaries_unit"),
        Field("beneficiaries_unit", "string", "Unit printed with that count: persons (orang), households (KK), "
              "beneficiary households (KPM).", categorical=True),
        Field("beneficiaries_basis", "string", "What the count counts: persons; households; household-months "
              "(the monthly recipients summed over the months paid: a printed total equal to the count times one "
              "monthly amount, for a programme the national rule pays monthly over several months). The note "
              "gives the reasoning.", categorical=True, enum=BASES),
        Field("beneficiaries_raw", "string", "The count as printed."),
        Field("beneficiaries_value_id", "string", "value_id of the count in social_assistance.csv."),
        Field("beneficiaries_target", "integer", "Target count, when printed (a table's Target column).",
              unit="see beneficiaries_unit"),
        Field("achievement_pct", "number", "Realised / target as printed.", unit="percent"),
        Field("amount_per_beneficiary", "number", "Amount per beneficiary: as printed, else the national 2020 "
              "amount (amount_origin).", unit="rupiah"),
        Field("amount_per", "string", "What the amount is per: month, tranche or year (from the national rule, "
              "or month when the printed total implies months); empty when neither says.", categorical=True,
              enum=("month", "tranche", "year")),
        Field("amount_origin", "string", "printed (the report) or national rule (aid_rules_2020.csv).",
              categorical=True, enum=("printed", "national rule")),
        Field("months", "integer", "Months paid: implied by the printed total (a whole multiple of count x "
              "amount), else the national rule's months for a monthly amount; empty for household-months (the "
              "months are inside the count).", unit="months"),
        Field("months_origin", "string", "printed total or national rule.", categorical=True,
              enum=("printed total", "national rule")),
        Field("national_rule", "string", "Row of data/reference/aid_rules_2020.csv (`programme`) that applies "
              "(the rule's first word begins the programme id; a 'stage I' rule needs the id to end in I); empty "
              "when none does.", categorical=True),
        Field("national_amount", "number", "That rule's amount per beneficiary household.", unit="rupiah"),
        Field("total_printed", "number", "Total as printed (any printing of the programme).", unit="rupiah"),
        Field("total_raw", "string", "The total as printed."),
        Field("total_value_id", "string", "value_id of the printed total in social_assistance.csv."),
        Field("total_recomputed", "number", "beneficiaries x national_amount x months (household-months: "
              "x national_amount only); empty without a national rule or when the count is of persons.",
              unit="rupiah"),
        Field("total_difference", "number", "total_printed - total_recomputed.", unit="rupiah"),
        Field("lines", "string", "Lines of every printing of the programme, ';'-separated."),
        Field("other_printings", "string", "The printings not chosen: line, table, what they print and their "
              "value_ids, ';'-separated. Rule: the 'count x amount = total' sentence (the report's own product "
              "ties the count to the money paid), else the table row, else the prose."),
        Field("conflict", "boolean", "Whether the printings give different counts.", required=True),
        Field("flag_ids", "string", "quality_flags.csv flag_ids on any value used, ';'-separated."),
        Field("value_ids", "string", "Every social_assistance.csv value_id used by this row, ';'-separated.",
              required=True),
        Field("note", "string", "Why the row reads as it does: the chosen printing, the basis, the months, what "
              "the reference files lack.", required=True),
    ),
    key=("region", "programme_id", "year"),
))

BUDGET_TOTAL_RULES = ("total line", "top line", "total line, budget only", "top line, budget only",
                      "sum of programme lines")

BUDGET_TOTALS = _register(Dataset(
    "budget_totals", "The office's total budget and realisation",
    "the total budget and realisation of one region's social affairs office in one budget year, chosen among "
    "the totals its report prints",
    (
        Field("region", "string", "Regency (kabupaten) or city (kota) whose Dinas Sosial wrote the report.",
              required=True, categorical=True),
        Field("report_year", "integer", "Year the report covers.", required=True),
        Field("source_file", "string", "Report file in data/raw/ (see data/raw/sources.csv).", required=True,
              categorical=True),
        Field("source_line", "integer", "Line of the chosen total's budget (for a sum: the first programme line).",
              required=True),
        Field("table_id", "string", "Table of the chosen total (for a sum: of the first programme line).",
              required=True),
        Field("period", "integer", "Budget year.", required=True),
        Field("rule", "string", "How the total was chosen, the first that applies: 'total line' (a line of level "
              "total printing budget and realisation; a table before the prose, then the largest budget), 'top "
              "line' (a line alone at the top of its table, e.g. the only objective, printing both; the largest "
              "budget, i.e. the widest scope, first), the same two with ', budget only' when no line prints a "
              "realisation, 'sum of programme lines' (each programme once, restatements skipped). A line printing "
              "both wins so that absorption is one line's realised / budget (lkjip_analysis/facts/budget_totals.py).",
              required=True, categorical=True, enum=BUDGET_TOTAL_RULES),
        Field("level", "string", "Budget level of the chosen line (total, objective; programme for a sum).",
              required=True, categorical=True),
        Field("name", "string", "The chosen line as printed.", required=True),
        Field("budget", "number", "The office's total budget (anggaran, pagu).", unit="rupiah", required=True),
        Field("realised", "number", "Its realisation (realisasi), from the same line; empty when not printed.",
              unit="rupiah"),
        Field("absorption_pct_printed", "number", "Absorption printed on the chosen line.", unit="percent"),
        Field("absorption_pct_recomputed", "number", "realised / budget x 100, rounded to 2 decimals.",
              unit="percent"),
        Field("budget_value_id", "string", "value_id in budget.csv of the chosen budget (';'-separated for a sum).",
              required=True),
        Field("realised_value_id", "string", "value_id in budget.csv of the chosen realisation."),
        Field("absorption_value_id", "string", "value_id in budget.csv of the printed absorption."),
        Field("printed_on_lines", "string", "Every line the chosen figures are printed on (their first printing "
              "and the rows restating it), ';'-separated.", required=True),
        Field("other_totals", "string", "The other office totals the report prints for the year, as printed, "
              "each with its line, table and level, '; '-separated (printings of the chosen figures left out)."),
        Field("note", "string", "What the chosen and each other total covers, as the report's own lines show it: "
              "the programme lines (each once), plus the spending outside them (staff pay, grants), or more or "
              "less than them.", required=True),
        Field("flag_ids", "string", "flag_id of every quality flag on a chosen value or reading one, ';'-separated."),
    ),
    key=("region", "report_year", "period"),
))

HEADLINE_INDICATORS = _register(Dataset(
    "headline_indicators", "Headline indicators: one value per fact",
    "one measure (target, realisation, achievement, ...) of one canonical indicator for one region and period, "
    "chosen among all its printings in indicators.csv (generic and average ids left out)",
    (
        Field("value_id", "string", "value_id of the chosen printing in indicators.csv.", required=True),
        *PROVENANCE,
        Field("indicator_id", "string", "Canonical indicator id (lkjip_analysis/reference/indicators.yaml).",
              required=True, categorical=True),
        Field("indicator_name", "string", "The id's English name, from indicators.yaml.", required=True),
        Field("period", "integer", "Year the value is for (empty: printed without a year, e.g. a plan's end "
              "target)."),
        Field("measure", "string", "What the value is, as in indicators.csv.", required=True, categorical=True,
              enum=INDICATOR_MEASURES),
        *VALUE,
        Field("chosen_by", "string", "The step of the rule that chose this printing among the others: "
              "only_printing (the only printing with a value); inputs (the printed values differ and the report's "
              "own inputs fit some of them and not others: numerator / denominator x 100 for a share, realisation / "
              "target x 100 against the printed achievement; the printing closest to them); main_table (printed in "
              "the report's main performance table: one holding the Perjanjian Kinerja targets, or titled "
              "Perjanjian Kinerja or IKU); most_frequent (the value printed most often, then the earliest line). "
              "Within a step, the later steps break ties.", required=True, categorical=True, enum=CHOICE_STEPS),
        Field("chosen_detail", "string", "For chosen_by = inputs: the inputs and what they give."),
        Field("n_printings", "integer", "How many times the figure is printed (rows of indicators.csv).",
              required=True),
        Field("lines", "string", "Every line the figure is printed on, ';'-separated.", required=True),
        Field("value_ids", "string", "value_ids of every printing in indicators.csv, ';'-separated.",
              required=True),
        Field("other_values", "string", "The other values printed for it, each with its lines "
              "('5.97% (line 83)'); a value printed with fewer decimals is another printing ('49.2%' vs "
              "'49.20%'); missing printings as printed."),
        Field("conflict", "boolean", "Whether printings differ beyond rounding (no number rounds to all of "
              "them: 5.97 vs 5.90; 49.2 and 49.23 do not conflict, 49.20 and 49.23 do).", required=True),
        Field("flag_ids", "string", "flag_id of every quality flag (quality_flags.csv) that flags one of the "
              "printings or read one of them, ';'-separated."),
        Field("basis", "string", "What is counted: persons, households or household-months. From the units of "
              "the counts printed for the indicator in that region and period (orang, jiwa: persons; KK, KPM, "
              "Ruta: households; a number printed once with a household word is a household count wherever it "
              "is printed); else from the unit of its definition in indicators.yaml; empty when nothing says "
              "(or it counts no people).", categorical=True, enum=BASES),
        Field("basis_lines", "string", "Lines whose printed unit gives the basis, ';'-separated (empty: the "
              "basis comes from indicators.yaml)."),
        Field("basis_change", "boolean", "Whether the region's series of this indicator counts on more than "
              "one basis across periods (persons in one year, households in another).", required=True),
        Field("comparable", "boolean", "Whether the indicator's values can be compared across regions "
              "(indicators.yaml).", required=True),
        Field("caveat", "string", "The indicator's caveat, from indicators.yaml."),
        Field("report_definition", "string", "How this report defines or prints the indicator, where it differs "
              "from the plain definition (the recipe's indicator_notes)."),
    ),
    key=("region", "indicator_id", "period", "measure"),
))

TIDY = ("indicators", "pmks_by_type", "social_assistance", "budget", "efficiency", "staff", "rating_scales")
# The order files are written, described in datapackage.json and listed in the data card.
OUTPUT_ORDER = ("cells", "tables", *TIDY, "quality_flags", "headline_indicators", "aid_by_programme",
                "budget_totals")
