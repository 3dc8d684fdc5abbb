"""aid_by_programme.csv: each aid programme once per region and year, from all its printings.

A report may print one programme several times: a table row (counts under a column header
such as "Realisasi (Orang)"), a "N KPM x Rp A = Rp T" sentence, a prose pick. A plain sum
over social_assistance.csv counts such a programme twice. Here the values that share a
table and line are one *printing*; the printings of one region, programme_id and year are
one row. The rules, in order:

1. **Chosen printing** (gives `beneficiaries`, `source_line`, `table_id`): the
   "count x amount = total" sentence, because the report's own product ties its count to
   the money paid, so its unit word (KPM) is the count's real unit; else the table row;
   else the prose. An earlier line breaks ties. The other printings stay in
   `other_printings`; a target, an achievement or a total printed only elsewhere is taken
   from there (their value_ids are listed too).
2. **Basis.** persons (orang) count persons; KK and KPM count households, except that a
   KPM count whose printed total is the count times *one* monthly amount, for a programme
   the national rule pays monthly over several months, counts **household-months**: the
   total is the programme's spending only if the count sums the monthly recipients over
   the months paid. Where the regions' poverty figures allow, the note adds what share of
   the population the count would be as households.
3. **Months.** A printed total that is a whole multiple m > 1 of count x amount (within
   1 %, so that a mistyped digit does not hide it) implies m months; else a monthly
   national rule gives its months; household-months have none (they are in the count).
4. **Amount and recomputed total.** The printed amount, else the national rule's
   (data/reference/aid_rules_2020.csv; rules are per beneficiary household, so counts of
   persons are not recomputed). total_recomputed = beneficiaries x national amount x months.

Nothing is dropped silently: `values_not_used` lists every social_assistance value that is
in no row, with its reason, and the build stops if the two lists do not cover every value.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any

import pandas as pd

from ..audit.common import is_missing
from ..datasets.flags import flag_ids_by_value
from ..datasets.reference_files import REFERENCE_DATASETS
from ..datasets.schema import AID_BY_PROGRAMME
from ..errors import LkjipError
from ..paths import reference_dir

KEY = ["region", "programme_id", "year"]

# social_assistance measures this file reads, and those it leaves out with the reason.
USED_MEASURES = ("beneficiaries", "beneficiaries_target", "achievement_pct", "amount_per_beneficiary", "total")
NOT_USED = {
    "households_verified": "households whose aid data were verified: a check of the lists, not aid received",
    "households_eligible": "households found eligible by a verification: not aid received",
    "households_proposed": "households proposed for a programme: a request, not aid received",
}
BASIS_OF_UNIT = {"persons": "persons", "households": "households", "beneficiary households": "households"}
WHOLE_MULTIPLE_TOLERANCE = 0.01  # a total within 1 % of m x (count x amount) implies m months
CHOICE = {0: "the 'count x amount = total' sentence", 1: "the table row", 2: "the prose",
          3: "a printing without a count"}
REFERENCE = ("aid_rules_2020", "aid_programmes", "poverty_rates")

# The work is done over plain records (one dict per value, per printing, per row) and the frame is
# built once at the end (validate() types it with the other datasets): a pandas operation per group
# costs more than the data it touches, and grows with the corpus.
SA_COLUMNS = ("value_id", "region", "report_year", "source_file", "source_line", "table_id", "origin", "programme",
              "programme_id", "funding_source", "period", "measure", "value", "unit", "value_raw")
PRINTING = ("report_year", "source_file", "source_line", "table_id", "origin", "programme", "funding_source")
MEASURE_FIELDS = ("value", "value_raw", "unit", "value_id")
CHOSEN_OWN = ("source_line", "table_id", "origin", "programme", "rank")  # the chosen printing's, never another's


def _first(values) -> Any:
    """The first value that is not missing (as pandas' groupby first())."""
    for v in values:
        if not is_missing(v):
            return v
    return None


def _records(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    return [dict(zip(columns, values)) for values in zip(*(frame[c].tolist() for c in columns))]


def _not_used(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records of the values this file leaves out; an unknown measure stops the build."""
    for r in records:
        if r["measure"] not in USED_MEASURES and r["measure"] not in NOT_USED:
            raise LkjipError(r["source_file"], f"aid_by_programme: measure {r['measure']!r} is neither used "
                             "nor listed as not used (lkjip_analysis/facts/aid.py)", line=int(r["source_line"]))
    return [r for r in records if r["measure"] in NOT_USED]


def values_not_used(social_assistance: pd.DataFrame) -> pd.DataFrame:
    """value_id, measure and reason of every social_assistance value that is in no row."""
    out = _not_used(_records(social_assistance, ("value_id", "measure", "source_file", "source_line")))
    return pd.DataFrame({"value_id": [str(r["value_id"]) for r in out],
                         "measure": [str(r["measure"]) for r in out],
                         "reason": [NOT_USED[r["measure"]] for r in out]}, dtype="str")


def aid_by_programme(frames: dict[str, pd.DataFrame], reference: dict[str, pd.DataFrame] | None = None
                     ) -> pd.DataFrame:
    """One row per region, programme_id and year (see the module's rules)."""
    sa = _records(frames["social_assistance"], SA_COLUMNS)
    not_used = _not_used(sa)
    used = _used(sa)
    _check_one_report_per_key(used)
    rows = _rows(used, _printings(used), frames["quality_flags"])
    rows = [_derive(row) for row in _with_reference(rows, _reference(reference))]
    _check_nothing_dropped([str(r["value_id"]) for r in sa], rows, [str(r["value_id"]) for r in not_used])
    rows.sort(key=lambda r: (r["source_file"], r["source_line"], r["programme_id"]))
    return pd.DataFrame(rows, columns=AID_BY_PROGRAMME.columns)


def _used(sa: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The values this file reads, each with its year and printing, in the order of their lines."""
    used = [{**r, "year": int(r["report_year"] if is_missing(r["period"]) else r["period"]),
             "measure": str(r["measure"]),
             "printing": (str(r["source_file"]), str(r["table_id"]), str(r["source_line"]), str(r["programme_id"]))}
            for r in sa if r["measure"] in USED_MEASURES]
    return sorted(used, key=lambda r: (r["source_file"], r["source_line"], r["table_id"]))


def _reference(frames: dict[str, pd.DataFrame] | None) -> dict[str, Any]:
    """The reference files as records: the frames given, else data/reference's files."""
    if not frames:
        return {name: _reference_rows(name) for name in REFERENCE}
    return {name: [{c: None if is_missing(v) else v for c, v in r.items()}
                   for r in _records(frame, tuple(frame.columns))]
            for name, frame in frames.items()}


def _reference_rows(name: str) -> tuple[dict[str, Any], ...]:
    """data/reference/<name>.csv as typed records, read once per process (and again when the file changes)."""
    path = reference_dir() / REFERENCE_DATASETS[name].filename
    if not path.is_file():
        raise LkjipError(path, "not found: data/reference/ ships with the project")
    stat = path.stat()
    return _read_reference(name, str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=len(REFERENCE))
def _read_reference(name: str, path: str, mtime_ns: int, size: int) -> tuple[dict[str, Any], ...]:
    """The file's fields typed as its schema says (integer, number; empty is missing). Its other rules
    (required, enums, key) are load()'s, which the tests run over every reference file."""
    parse = {"integer": int, "number": float}
    types = {f.name: parse.get(f.type, str) for f in REFERENCE_DATASETS[name].fields}
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for line, raw in enumerate(csv.DictReader(f), start=2):
            try:
                rows.append({c: types[c](v) if v != "" else None for c, v in raw.items() if c in types})
            except ValueError as exc:
                raise LkjipError(path, f"not a number: {exc}", line=line) from None
    return tuple(rows)


def _check_one_report_per_key(used: list[dict[str, Any]]) -> None:
    by_key: dict[tuple, list[dict[str, Any]]] = {}
    for r in used:
        by_key.setdefault((r["region"], r["programme_id"], r["year"]), []).append(r)
    twice = sorted(k for k, rows in by_key.items() if len({r["source_file"] for r in rows}) > 1)
    if twice:
        (region, programme, year), both = twice[0], by_key[twice[0]]
        raise LkjipError(both[-1]["source_file"], f"aid_by_programme: {programme} {year} of {region} is "
                         f"also printed in {both[0]['source_file']}; choose between reports first",
                         line=int(both[-1]["source_line"]))


def _printings(used: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per printing (values of one programme sharing file, table and line), measures side
    by side, in the order of the rules: by key, then rank, then line."""
    times = Counter((r["printing"], r["measure"]) for r in used)
    doubled = next((r for r in used if times[r["printing"], r["measure"]] > 1), None)
    if doubled is not None:
        raise LkjipError(doubled["source_file"], f"aid_by_programme: {doubled['measure']} printed twice in one "
                         f"printing of {doubled['programme_id']}", line=int(doubled["source_line"]))
    values: dict[tuple, list[dict[str, Any]]] = {}
    for r in used:
        values.setdefault(r["printing"], []).append(r)
    printings = [_printing(rows) for rows in values.values()]
    return sorted(printings, key=lambda p: (p["region"], p["programme_id"], p["year"], p["rank"], p["source_line"]))


def _printing(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A printing's values side by side (`beneficiaries.value`, `total.value_id` ...), its rank by
    rule 1 and, for a 'count x amount = total' sentence, printed total / (count x amount)."""
    p = {c: _first([r[c] for r in rows]) for c in (*KEY, *PRINTING)}
    p.update({f"{m}.{f}": None for m in USED_MEASURES for f in MEASURE_FIELDS})
    p.update({f"{r['measure']}.{f}": None if is_missing(r[f]) else r[f] for r in rows for f in MEASURE_FIELDS})
    n, amount, total = (_number(p[f"{m}.value"]) for m in ("beneficiaries", "amount_per_beneficiary", "total"))
    product = n is not None and amount is not None and total is not None
    p["rank"] = 0 if product else 1 if n is not None and p["origin"] == "table" else 2 if n is not None else 3
    p["ratio"] = _divide(total, n * amount) if product else None
    p["described"] = _describe(rows)
    return p


def _number(value: Any) -> float | None:
    return None if is_missing(value) else float(value)


def _divide(a: float, b: float) -> float | None:
    """a / b as pandas' Float64 divides: x / 0 is infinite, 0 / 0 missing."""
    if b == 0:
        return None if a == 0 else math.copysign(math.inf, a)
    return a / b


def _describe(rows: list[dict[str, Any]]) -> str:
    """A printing as 'line 116 T0111: beneficiaries 1.047.919 (persons), ...'."""
    words = [f"{r['measure']} {'' if is_missing(r['value_raw']) else r['value_raw']}"
             + (f" ({r['unit']})" if r["unit"] in BASIS_OF_UNIT else "") for r in rows]
    return f"line {rows[0]['source_line']} {rows[0]['table_id']}: " + ", ".join(words)


def _rows(used: list[dict[str, Any]], printings: list[dict[str, Any]], flags: pd.DataFrame) -> list[dict[str, Any]]:
    """One row per region, programme_id and year, from its printings in rank order."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for p in printings:
        groups.setdefault((p["region"], p["programme_id"], p["year"]), []).append(p)
    values: dict[tuple, list[dict[str, Any]]] = {}
    for r in used:  # a value's own year, which may not be its printing's
        values.setdefault((r["region"], r["programme_id"], r["year"]), []).append(r)
    flag_ids = flag_ids_by_value(flags[flags["dataset"] == "social_assistance"], related=False)
    return [_chosen(printed, values[key], flag_ids) for key, printed in groups.items()]


def _chosen(printed: list[dict[str, Any]], values: list[dict[str, Any]], flag_ids: dict[str, list[str]]
            ) -> dict[str, Any]:
    """The row of one key: each field's first value in rank order (the chosen printing's count,
    and a target, achievement or total printed only in another printing), the chosen printing's
    own line, table, origin and name, and what the other printings print."""
    row = dict(printed[0]) if len(printed) == 1 else {c: _first([p[c] for p in printed]) for c in printed[0]}
    row.update({c: printed[0][c] for c in CHOSEN_OWN})
    others = printed[1:]
    row["other_printings"] = "; ".join(p["described"] for p in others) or None
    row["unit_elsewhere"] = "; ".join(
        f"line {p['source_line']} prints the count as {p['beneficiaries.unit']}" for p in others
        if p["beneficiaries.unit"] is not None and p["beneficiaries.unit"] != row["beneficiaries.unit"]) or None
    row["lines"] = ";".join(map(str, sorted({r["source_line"] for r in values})))
    row["value_ids"] = ";".join(dict.fromkeys(str(r["value_id"]) for r in values))
    row["conflict"] = len({p["beneficiaries.value"] for p in printed if p["beneficiaries.value"] is not None}) > 1
    row["printings"] = len(printed)
    row["flag_ids"] = ";".join(dict.fromkeys(f for r in values for f in flag_ids.get(r["value_id"], ()))) or None
    return row


def _words_begin(words: list[str], prefix: list[str]) -> bool:
    return bool(prefix) and words[:len(prefix)] == prefix


def aid_programme_of(programme_id: str, listed: list[str]) -> str | None:
    """The aid_programmes.csv id that is the programme id or whose words begin it (longest)."""
    fits = [a for a in listed if _words_begin(programme_id.split(), a.split())]
    return max(fits, key=len) if fits else None


_RULE = re.compile(r"^(?P<family>\S+)\s*(?:\([^)]*\))?\s*(?P<qualifier>.*)$")
_STAGE = re.compile(r"^stage (?P<stage>[IVX]+)$")


def national_rules_of(programme_id: str, rules: list[str]) -> tuple[list[str], list[str]]:
    """(rules that fit, rules of the same programme family) for a programme id.

    A rule "BST (Bantuan Sosial Tunai) stage I" fits ids whose first word is BST and whose
    last word is I; "PKH ibu hamil" fits ids that begin with PKH ibu hamil; "BPNT (...)"
    fits every id beginning with BPNT. A rule naming a stage or component outranks one that
    does not."""
    words = programme_id.split()
    family, fits = [], []
    for rule in rules:
        m = _RULE.match(rule)
        if m is None or words[0] != m["family"]:
            continue
        family.append(rule)
        qualifier = m["qualifier"].strip()
        stage = _STAGE.match(qualifier)
        if not qualifier or (stage and words[-1] == stage["stage"]) or \
                (not stage and _words_begin(words[1:], qualifier.split())):
            fits.append((bool(qualifier), rule))
    best = [rule for specific, rule in fits if specific == max(s for s, _ in fits)] if fits else []
    return best, family


POPULATION = ["region", "report_year", "people_year", "poor_people", "poverty_rate_pct", "people"]


def population_estimate(poverty: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """region, report_year -> people (poor people / poverty rate) from the nearest year with both."""
    pairs = dict.fromkeys(zip(rows["region"].astype(str).tolist(), rows["report_year"].tolist()))
    found = _population(_records(poverty, tuple(poverty.columns)), pairs)
    out = pd.DataFrame([{"region": region, "report_year": year, **found[region, year]}
                        for region, year in sorted(found)], columns=POPULATION)
    return out.astype({"report_year": rows["report_year"].dtype, "people_year": "Int64", "poor_people": "Int64",
                       "poverty_rate_pct": "Float64", "people": "Float64"})


def _population(poverty: list[dict[str, Any]] | tuple[dict[str, Any], ...], pairs) -> dict[tuple, dict[str, Any]]:
    """(region, report_year) -> the poverty figures of the nearest year (the earlier of two as near)
    that quotes poor people, and the people they imply; only for a region of one type (a city and a
    regency may share a name)."""
    known: dict[str, list[dict[str, Any]]] = {}
    for p in poverty:
        if not is_missing(p["poor_people"]):
            known.setdefault(str(p["region"]), []).append(p)
    out = {}
    for region, year in pairs:
        candidates = known.get(region, [])
        if candidates and len({p["region_type"] for p in candidates}) == 1:
            near = min(candidates, key=lambda p: (abs(p["year"] - year), p["year"]))
            rate = near["poverty_rate_pct"]
            out[region, year] = {"people_year": near["year"], "poor_people": near["poor_people"],
                                 "poverty_rate_pct": rate,
                                 "people": None if is_missing(rate) else _divide(near["poor_people"], rate) * 100}
    return out


def _with_reference(rows: list[dict[str, Any]], reference: dict[str, Any]) -> list[dict[str, Any]]:
    """Each row with its aid_programmes.csv row, its national rule and its region's population."""
    programmes = {str(p["programme_id"]): p for p in reference["aid_programmes"]}
    rules = {str(r["programme"]): r for r in reference["aid_rules_2020"]}
    population = _population(reference["poverty_rates"], dict.fromkeys((str(r["region"]), r["report_year"])
                                                                         for r in rows))
    matched: dict[str, dict[str, Any]] = {}
    for programme_id in dict.fromkeys(str(r["programme_id"]) for r in rows):
        fits, family = national_rules_of(programme_id, list(rules))
        matched[programme_id] = {"aid_programme_id": aid_programme_of(programme_id, list(programmes)),
                                 "rule_fits": fits, "rule_family": family,
                                 "national_rule": fits[0] if len(fits) == 1 else None}
    out = []
    for row in rows:
        match = matched[str(row["programme_id"])]
        listed = programmes.get(match["aid_programme_id"], {})
        rule = rules.get(match["national_rule"], {})
        out.append({**row, "programme_id": str(row["programme_id"]), "region": str(row["region"]), **match,
                    "listed_funding": listed.get("funding_source"), "covid_response": listed.get("covid_response"),
                    "national_amount": rule.get("amount_per_kpm_rp"), "rule_per": rule.get("per"),
                    "rule_months": rule.get("months"), "rule_period": rule.get("period"),
                    **population.get((str(row["region"]), row["report_year"]),
                                     dict.fromkeys(("people_year", "poor_people", "poverty_rate_pct", "people")))})
    return out


def _derive(r: dict[str, Any]) -> dict[str, Any]:
    """The basis, months, amount and recomputed total of one row (the module's rules 2-4)."""
    n, printed_amount, ratio, unit = (r["beneficiaries.value"], r["amount_per_beneficiary.value"], r["ratio"],
                                      r["beneficiaries.unit"])
    n = _number(n)
    printed_amount = _number(printed_amount)
    national = r["national_amount"]
    if unit is not None and unit not in BASIS_OF_UNIT:
        raise LkjipError(r["source_file"], f"aid_by_programme: no basis for the unit {unit!r} (add it to "
                         "BASIS_OF_UNIT)", line=int(r["source_line"]))
    implied = None
    if ratio is not None and math.isfinite(ratio):
        whole = float(round(ratio))
        if whole >= 2 and abs(ratio - whole) <= WHOLE_MULTIPLE_TOLERANCE * whole:
            implied = whole
    once = ratio is not None and abs(ratio - 1) <= WHOLE_MULTIPLE_TOLERANCE
    monthly_rule = r["rule_per"] == "month" and r["rule_months"] is not None and r["rule_months"] > 1
    basis = BASIS_OF_UNIT.get(unit) if unit is not None else None
    household_months = basis == "households" and once and monthly_rule
    if household_months:
        basis = "household-months"
    months = implied if implied is not None else \
        float(r["rule_months"]) if monthly_rule and not household_months else None
    amount = printed_amount if printed_amount is not None else _number(national)
    amount_agrees = printed_amount is None or (national is not None and printed_amount == national)
    amount_per = r["rule_per"] if amount_agrees and r["rule_per"] is not None else \
        "month" if implied is not None else None
    recomputed = n * national * (1 if months is None else months) \
        if basis in ("households", "household-months") and n is not None and national is not None else None
    total = _number(r["total.value"])
    funding_printed = r["funding_source"]
    out = {
        **r,
        "funding_source_printed": funding_printed,
        "funding_source": funding_printed if funding_printed is not None else r["listed_funding"],
        "beneficiaries": n, "beneficiaries_unit": unit, "beneficiaries_basis": basis,
        "beneficiaries_raw": r["beneficiaries.value_raw"], "beneficiaries_value_id": r["beneficiaries.value_id"],
        "beneficiaries_target": r["beneficiaries_target.value"], "achievement_pct": r["achievement_pct.value"],
        "amount_per_beneficiary": amount, "amount_per": amount_per,
        "amount_origin": "printed" if printed_amount is not None else "national rule" if amount is not None else None,
        "months": months,
        "months_origin": "printed total" if implied is not None else "national rule" if months is not None else None,
        "implied_months": implied,
        "total_printed": total, "total_raw": r["total.value_raw"], "total_value_id": r["total.value_id"],
        "total_recomputed": recomputed,
        "total_difference": total - recomputed if total is not None and recomputed is not None else None,
    }
    out["note"] = _note(out)
    return out


def _count(x: float) -> str:
    return f"{x:,.0f}"


def _note(r: dict[str, Any]) -> str:
    """Why the row reads as it does, in sentences (text composition: one row at a time)."""
    parts = [f"Chosen printing: line {r['source_line']} ({r['table_id']}), {CHOICE[int(r['rank'])]}"
             + (" (rule: the product sentence, else the table row, else the prose); the other printings are "
                "in other_printings." if r["printings"] > 1 else ".")]
    if pd.notna(r["unit_elsewhere"]):
        parts.append(f"{r['unit_elsewhere'].capitalize()}; the chosen printing's unit "
                     f"({r['beneficiaries.unit']}) is kept.")
    basis = r["beneficiaries_basis"]
    if basis == "household-months":
        parts.append(
            f"Household-months: the printed total is the count times one monthly amount "
            f"({r['national_rule']}: Rp {_count(r['national_amount'])} a month for {int(r['rule_months'])} "
            f"months, {r['rule_period']}), so it is the programme's spending only if the count sums the monthly "
            f"recipients over the months paid (about {_count(r['beneficiaries'] / r['rule_months'])} households "
            f"a month over {int(r['rule_months'])} months).")
        if pd.notna(r["people"]) and r["beneficiaries"] > r["people"] / 2:
            parts.append(
                f"As households the count would be {r['beneficiaries'] / r['people']:.0%} of the about "
                f"{_count(r['people'])} people of the region (BPS {int(r['people_year'])}: "
                f"{_count(r['poor_people'])} poor people = {r['poverty_rate_pct']} %): too many for households.")
    elif pd.notna(r["implied_months"]):
        rule = (f"; the national rule ({r['national_rule']}) pays {int(r['rule_months'])} months, "
                f"{r['rule_period']}" if pd.notna(r["rule_months"]) else "")
        parts.append(f"The printed total is {int(r['implied_months'])} times count x amount: "
                     f"{int(r['implied_months'])} months{rule}.")
    elif pd.notna(basis):
        parts.append(f"Counted as {basis}, as printed ({r['beneficiaries_raw']}).")
    if r["months_origin"] == "national rule":
        parts.append(f"Months from the national rule ({int(r['months'])}, {r['rule_period']}): total_recomputed "
                     "assumes every counted household was paid every month.")
    if pd.notna(r["ratio"]) and pd.isna(r["implied_months"]) and abs(r["ratio"] - 1) > 1e-9:
        parts.append(f"The printed total is {r['ratio']:.4f} times count x amount (see flag_ids).")
    if pd.isna(r["national_rule"]):
        family = list(r["rule_family"])
        if len(r["rule_fits"]) > 1:
            parts.append("Several national rules fit (" + ", ".join(r["rule_fits"]) + "): total not recomputed.")
        elif family:
            parts.append("aid_rules_2020.csv has amounts only for " + ", ".join(family) + ": total not recomputed.")
        else:
            parts.append("No national 2020 amount in aid_rules_2020.csv: total not recomputed.")
    elif basis == "persons":
        parts.append("National amounts are per household and the count is of persons: total not recomputed.")
    elif r["amount_origin"] == "national rule":
        parts.append("Amount from the national rule (none printed).")
    if pd.isna(r["aid_programme_id"]):
        parts.append("Not listed in aid_programmes.csv: covid_response unknown.")
    if pd.isna(r["funding_source_printed"]) and pd.notna(r["funding_source"]):
        parts.append("Funding source from aid_programmes.csv (not printed).")
    return " ".join(parts)


def _check_nothing_dropped(every_value_id: list[str], rows: list[dict[str, Any]], not_used: list[str]) -> None:
    in_rows = {v for r in rows for v in str(r["value_ids"]).split(";")}
    every = set(every_value_id)
    missing = every - in_rows - set(not_used)
    both = in_rows & set(not_used)
    if missing or both or (in_rows - every):
        raise LkjipError(None, f"aid_by_programme: values neither used nor listed as not used {sorted(missing)}, "
                         f"both {sorted(both)}, unknown {sorted(in_rows - every)}")
