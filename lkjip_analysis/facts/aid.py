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

import re

import numpy as np
import pandas as pd

from ..datasets.load import load
from ..datasets.schema import AID_BY_PROGRAMME
from ..errors import LkjipError

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


def values_not_used(social_assistance: pd.DataFrame) -> pd.DataFrame:
    """value_id, measure and reason of every social_assistance value that is in no row."""
    unknown = social_assistance[~social_assistance["measure"].isin([*USED_MEASURES, *NOT_USED])]
    if len(unknown):
        first = unknown.iloc[0]
        raise LkjipError(first["source_file"], f"aid_by_programme: measure {first['measure']!r} is neither used "
                         "nor listed as not used (lkjip_analysis/facts/aid.py)", line=int(first["source_line"]))
    out = social_assistance[social_assistance["measure"].isin(NOT_USED)]
    return pd.DataFrame({"value_id": out["value_id"].astype(str),
                         "measure": out["measure"].astype(str),
                         "reason": out["measure"].astype(str).map(NOT_USED)}).reset_index(drop=True)


def aid_by_programme(frames: dict[str, pd.DataFrame], reference: dict[str, pd.DataFrame] | None = None
                     ) -> pd.DataFrame:
    """One row per region, programme_id and year (see the module's rules)."""
    reference = reference or {name: load(name) for name in ("aid_rules_2020", "aid_programmes", "poverty_rates")}
    sa = frames["social_assistance"]
    not_used = values_not_used(sa)
    used = (sa[sa["measure"].isin(USED_MEASURES)]
            .assign(year=lambda d: d["period"].fillna(d["report_year"]).astype("Int64"),
                    measure=lambda d: d["measure"].astype(str),
                    printing=lambda d: d["source_file"].astype(str) + ":" + d["table_id"].astype(str) + ":"
                    + d["source_line"].astype(str) + ":" + d["programme_id"].astype(str))
            .sort_values(["source_file", "source_line", "table_id"], kind="stable"))
    _check_one_report_per_key(used)
    printings = _printings(used)
    rows = _rows(used, printings, frames["quality_flags"])
    rows = _with_reference(rows, reference)
    _check_nothing_dropped(sa, rows, not_used)
    return rows.sort_values(["source_file", "source_line", "programme_id"])[AID_BY_PROGRAMME.columns] \
        .reset_index(drop=True)


def _check_one_report_per_key(used: pd.DataFrame) -> None:
    files = used.groupby(KEY, observed=True)["source_file"].nunique()
    if (files > 1).any():
        region, programme, year = files[files > 1].index[0]
        both = used[(used["region"] == region) & (used["programme_id"] == programme) & (used["year"] == year)]
        raise LkjipError(both["source_file"].iloc[-1], f"aid_by_programme: {programme} {year} of {region} is "
                         f"also printed in {both['source_file'].iloc[0]}; choose between reports first",
                         line=int(both["source_line"].iloc[-1]))


def _printings(used: pd.DataFrame) -> pd.DataFrame:
    """One row per printing (values of one programme sharing file, table and line), measures side by side."""
    doubled = used[used.duplicated(["printing", "measure"], keep=False)]
    if len(doubled):
        first = doubled.iloc[0]
        raise LkjipError(first["source_file"], f"aid_by_programme: {first['measure']} printed twice in one "
                         f"printing of {first['programme_id']}", line=int(first["source_line"]))
    wide = used.pivot(index="printing", columns="measure", values=["value", "value_raw", "unit", "value_id"])
    wide.columns = [f"{measure}.{field}" for field, measure in wide.columns]
    wide = wide.reindex(columns=[f"{m}.{f}" for m in USED_MEASURES for f in ("value", "value_raw", "unit",
                                                                             "value_id")])
    attributes = used.groupby("printing", sort=False)[[*KEY, "report_year", "source_file", "source_line",
                                                       "table_id", "origin", "programme", "funding_source"]].first()
    wide = attributes.join(wide)
    n, amount, total = (wide[f"{m}.value"].astype("Float64") for m in
                        ("beneficiaries", "amount_per_beneficiary", "total"))
    product = n.notna() & amount.notna() & total.notna()
    rank = np.select([product, n.notna() & (wide["origin"] == "table"), n.notna()], [0, 1, 2], 3)
    return (wide.assign(rank=rank, ratio=(total / (n * amount)).where(product))
            .sort_values([*KEY, "rank", "source_line"], kind="stable"))


def _describe(used: pd.DataFrame) -> pd.Series:
    """Per printing: 'line 116 T0111: beneficiaries 1.047.919 persons, ...'."""
    unit = used["unit"].astype("string").fillna("")
    words = used["measure"] + " " + used["value_raw"].astype("string").fillna("") + \
        (" (" + unit + ")").where(unit.isin(list(BASIS_OF_UNIT)), "")
    head = used.groupby("printing", sort=False).agg(line=("source_line", "first"), table=("table_id", "first"))
    return "line " + head["line"].astype(str) + " " + head["table"].astype(str) + ": " + \
        words.groupby(used["printing"], sort=False).agg(", ".join)


def _joined(series: pd.Series, by: list[pd.Series]) -> pd.Series:
    return series.astype(str).groupby(by, observed=True, sort=False).agg(lambda s: ";".join(dict.fromkeys(s)))


def _rows(used: pd.DataFrame, printings: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    groups = printings.groupby(KEY, observed=True, sort=False)
    # first() takes each column's first non-missing value in rank order: the chosen printing's
    # count, and a target, achievement or total printed only in another printing.
    chosen = groups.first()
    first_printing = groups.head(1).set_index(KEY)
    for col in ("source_line", "table_id", "origin", "programme", "rank"):
        chosen[col] = first_printing[col]  # the chosen printing's own, never another's
    described = _describe(used)
    others = printings.assign(text=described).loc[lambda d: ~d.index.isin(groups.head(1).index)]
    chosen["other_printings"] = others.groupby(KEY, observed=True, sort=False)["text"].agg("; ".join)
    elsewhere = others.join(chosen["beneficiaries.unit"].rename("chosen_unit"), on=KEY) \
        .loc[lambda o: o["beneficiaries.unit"].notna() & (o["beneficiaries.unit"] != o["chosen_unit"])]
    chosen["unit_elsewhere"] = ("line " + elsewhere["source_line"].astype(str) + " prints the count as "
                                + elsewhere["beneficiaries.unit"].astype(str)) \
        .groupby([elsewhere[k] for k in KEY], observed=True, sort=False).agg("; ".join)
    chosen["lines"] = used.groupby(KEY, observed=True, sort=False)["source_line"].agg(
        lambda s: ";".join(map(str, sorted(set(s)))))
    chosen["value_ids"] = _joined(used["value_id"], [used[k] for k in KEY])
    chosen["conflict"] = (printings.groupby(KEY, observed=True, sort=False)["beneficiaries.value"].nunique() > 1)
    chosen["printings"] = groups.size()
    flagged = used.merge(flags.loc[flags["dataset"] == "social_assistance", ["value_id", "flag_id"]], on="value_id")
    chosen["flag_ids"] = _joined(flagged["flag_id"], [flagged[k] for k in KEY]) if len(flagged) else pd.NA
    return chosen.reset_index()


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


def population_estimate(poverty: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """region, report_year -> people (poor people / poverty rate) from the nearest year with both."""
    known = poverty.dropna(subset=["poor_people"])
    single = known.groupby("region", observed=True)["region_type"].nunique().loc[lambda s: s == 1].index
    pairs = rows[["region", "report_year"]].drop_duplicates().astype({"region": str})
    near = (pairs.merge(known[known["region"].isin(single)].astype({"region": str}), on="region")
            .assign(distance=lambda d: (d["year"] - d["report_year"]).abs())
            .sort_values(["region", "report_year", "distance", "year"])
            .drop_duplicates(["region", "report_year"]))
    return near.assign(people=near["poor_people"] / near["poverty_rate_pct"] * 100)[
        ["region", "report_year", "year", "poor_people", "poverty_rate_pct", "people"]].rename(
        columns={"year": "people_year"})


def _with_reference(rows: pd.DataFrame, reference: dict[str, pd.DataFrame]) -> pd.DataFrame:
    programmes = reference["aid_programmes"].astype({"programme_id": str})
    rules = reference["aid_rules_2020"].astype({"programme": str})
    ids = pd.Series(rows["programme_id"].astype(str).unique())
    matches = pd.DataFrame({
        "programme_id": ids,
        "aid_programme_id": ids.map(lambda p: aid_programme_of(p, list(programmes["programme_id"]))),
        "rule_fits": ids.map(lambda p: national_rules_of(p, list(rules["programme"]))[0]),
        "rule_family": ids.map(lambda p: national_rules_of(p, list(rules["programme"]))[1]),
    }).assign(national_rule=lambda d: d["rule_fits"].map(lambda fits: fits[0] if len(fits) == 1 else None))
    listed = programmes.rename(columns={"programme_id": "aid_programme_id", "funding_source": "listed_funding"})[
        ["aid_programme_id", "listed_funding", "covid_response"]]
    rule_cols = rules.rename(columns={"programme": "national_rule", "amount_per_kpm_rp": "national_amount",
                                      "per": "rule_per", "months": "rule_months", "period": "rule_period"})[
        ["national_rule", "national_amount", "rule_per", "rule_months", "rule_period"]]
    out = (rows.astype({"programme_id": str, "region": str})
           .merge(matches, on="programme_id", how="left")
           .merge(listed, on="aid_programme_id", how="left")
           .merge(rule_cols, on="national_rule", how="left")
           .merge(population_estimate(reference["poverty_rates"], rows), on=["region", "report_year"], how="left"))
    return _derive(out)


def _derive(d: pd.DataFrame) -> pd.DataFrame:
    n = d["beneficiaries.value"].astype("Float64")
    printed_amount = d["amount_per_beneficiary.value"].astype("Float64")
    ratio = d["ratio"].astype("Float64")
    whole = ratio.round()
    implied = whole.where((whole >= 2) & ((ratio - whole).abs() <= WHOLE_MULTIPLE_TOLERANCE * whole))
    once = (ratio - 1).abs() <= WHOLE_MULTIPLE_TOLERANCE
    unit = d["beneficiaries.unit"].astype("string")
    unknown = d[unit.notna() & ~unit.isin(list(BASIS_OF_UNIT))]
    if len(unknown):
        raise LkjipError(unknown["source_file"].iloc[0], f"aid_by_programme: no basis for the unit "
                         f"{unknown['beneficiaries.unit'].iloc[0]!r} (add it to BASIS_OF_UNIT)",
                         line=int(unknown["source_line"].iloc[0]))
    monthly_rule = (d["rule_per"] == "month") & (d["rule_months"].astype("Float64") > 1)
    basis = unit.map(BASIS_OF_UNIT).astype("string")
    household_months = (basis == "households") & once.fillna(False) & monthly_rule.fillna(False)
    basis = basis.mask(household_months, "household-months")
    months = implied.astype("Float64").fillna(
        d["rule_months"].astype("Float64").where(monthly_rule & ~household_months))
    months_origin = pd.Series(np.where(implied.notna(), "printed total",
                                       np.where(months.notna(), "national rule", None)), index=d.index)
    amount = printed_amount.fillna(d["national_amount"].astype("Float64"))
    amount_origin = pd.Series(np.where(printed_amount.notna(), "printed",
                                       np.where(amount.notna(), "national rule", None)), index=d.index)
    amount_agrees = printed_amount.isna() | (printed_amount == d["national_amount"].astype("Float64"))
    amount_per = d["rule_per"].astype("string").where(amount_agrees.fillna(False)) \
        .fillna(pd.Series(np.where(implied.notna(), "month", None), index=d.index).astype("string"))
    national = d["national_amount"].astype("Float64")
    recomputed = (n * national * months.fillna(1)).where(basis.isin(["households", "household-months"]))
    total = d["total.value"].astype("Float64")
    out = d.assign(
        year=d["year"].astype("Int64"),
        funding_source_printed=d["funding_source"],
        funding_source=d["funding_source"].astype("string").fillna(d["listed_funding"].astype("string")),
        beneficiaries=n, beneficiaries_unit=unit, beneficiaries_basis=basis,
        beneficiaries_raw=d["beneficiaries.value_raw"], beneficiaries_value_id=d["beneficiaries.value_id"],
        beneficiaries_target=d["beneficiaries_target.value"], achievement_pct=d["achievement_pct.value"],
        amount_per_beneficiary=amount, amount_per=amount_per, amount_origin=amount_origin,
        months=months, months_origin=months_origin, implied_months=implied,
        total_printed=total, total_raw=d["total.value_raw"], total_value_id=d["total.value_id"],
        total_recomputed=recomputed, total_difference=total - recomputed,
    )
    return out.assign(note=out.apply(_note, axis=1))


def _count(x: float) -> str:
    return f"{x:,.0f}"


def _note(r: pd.Series) -> str:
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


def _check_nothing_dropped(sa: pd.DataFrame, rows: pd.DataFrame, not_used: pd.DataFrame) -> None:
    in_rows = {v for ids in rows["value_ids"] for v in str(ids).split(";")}
    every = set(sa["value_id"].astype(str))
    missing = every - in_rows - set(not_used["value_id"])
    both = in_rows & set(not_used["value_id"])
    if missing or both or (in_rows - every):
        raise LkjipError(None, f"aid_by_programme: values neither used nor listed as not used {sorted(missing)}, "
                         f"both {sorted(both)}, unknown {sorted(in_rows - every)}")
