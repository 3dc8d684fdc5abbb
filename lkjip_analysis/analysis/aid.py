"""2020 aid per region, for notebooks/covid_aid.ipynb.

Everything comes from ``load("aid_by_programme")`` (one row per region, programme and year:
a programme printed twice, as Blitar's BPNT in the table at line 116 and in the sentence at
line 143, is one row), the national amounts (``aid_rules_2020``), the programmes' funding and
Covid-19 role (``aid_programmes``), and, for regions whose report prints no aid, the
social_assistance values that are not aid received (``facts.aid.values_not_used``).

What a count means is the row's ``beneficiaries_basis``: persons, households, or
household-months (monthly recipients summed over the months paid: the report priced the
count with one monthly payment). Counts on different bases are never added up.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import altair as alt
import pandas as pd

from ..extraction.reports import read_manifest
from ..facts.aid import national_rules_of, population_estimate, values_not_used
from ..paths import raw_dir
from .charts import RUPIAH_AXIS_UNIT, _plain, bars_by_programme, drawn_in_miliar, flag_notes
from .formatting import format_number, format_rupiah
from .lookup import loaded
from .parameters import ALL, choose
from .quotes import cited, quotes

AID_YEAR = 2020
NOT_PRINTED = "not printed"

@dataclass(frozen=True)
class AidParameters:
    region: str  # a region or "all"
    regions: tuple[str, ...]  # the regions shown


def report_regions() -> dict[str, str]:
    """region -> report file, from data/raw/sources.csv (a fifth report adds a fifth region)."""
    return {s.region: s.file for s in read_manifest(raw_dir())}


def check(region: str = ALL) -> AidParameters:
    """The notebook's parameters, checked before anything is loaded or drawn."""
    reports = report_regions()
    choose("region", region, [ALL, *reports])
    return AidParameters(region, tuple(reports) if region == ALL else (region,))


@functools.cache
def _load(name: str) -> pd.DataFrame:
    return loaded(name)


def aid_rows(p: AidParameters) -> pd.DataFrame:
    """The regions' 2020 rows of aid_by_programme, with ``shown`` (the programme and what its
    count counts; the region too when several are shown)."""
    rows = _load("aid_by_programme")
    rows = rows[rows["region"].isin(p.regions) & (rows["year"] == AID_YEAR)].copy()
    shown = rows["programme_id"].astype(str) + " (" + rows["beneficiaries_basis"].astype(str) + ")"
    rows["shown"] = (rows["region"].astype(str) + ": " + shown) if len(p.regions) > 1 else shown
    return rows.reset_index(drop=True)


def _line(value_id) -> int | None:
    """The line in a value_id (``<report>-L<line>-<digest>``)."""
    m = re.search(r"-L(\d+)-", str(value_id)) if pd.notna(value_id) else None
    return int(m[1]) if m else None


def _flags_on(value_ids: pd.Series) -> pd.Series:
    """The flag_ids pointing at each value id (';'-joined), missing when none."""
    flags = _load("quality_flags")
    by_value = flags.groupby("value_id")["flag_id"].agg(lambda s: ";".join(map(str, s)))
    return value_ids.astype("string").map(by_value)


def _nothing(text: str):
    """What a chart cell shows when there is nothing to draw: a sentence, not an empty chart."""
    from IPython.display import Markdown

    return Markdown(f"*{text}*")


def _or_note(frame: pd.DataFrame, note: str):
    """A table for people, or a sentence when it has no rows."""
    return frame.reset_index(drop=True) if len(frame) else _nothing(note)


def _chart_frame(rows: pd.DataFrame, value: pd.Series, label: list[str], value_ids: pd.Series,
                 colour: pd.Series) -> pd.DataFrame:
    flag_ids = _flags_on(value_ids)
    return _plain(pd.DataFrame({
        "programme_id": rows["shown"], "value": value.astype(float), "label": label,
        "source": [f"{f} line {_line(v)}" for f, v in zip(rows["source_file"], value_ids, strict=True)],
        "colour": colour.astype("string").fillna(NOT_PRINTED), "flagged": flag_ids.notna(), "flag_ids": flag_ids,
    }))


def beneficiaries_chart(p: AidParameters) -> alt.Chart:
    """Beneficiaries by programme, coloured by funding source; each label says what is counted."""
    rows = aid_rows(p).dropna(subset=["beneficiaries"])
    if rows.empty:
        return _nothing(f"No chart: the report of {_names(p.regions)} prints no aid counts for {AID_YEAR}.")
    label = [f"{format_number(b)} {basis}" for b, basis in zip(rows["beneficiaries"], rows["beneficiaries_basis"],
                                                               strict=True)]
    frame = _chart_frame(rows, rows["beneficiaries"], label, rows["beneficiaries_value_id"], rows["funding_source"])
    return bars_by_programme(frame, value="value", what="Beneficiaries", unit="persons, households or household-months",
                             colour="colour", colour_title="funding source")


def rupiah_chart(p: AidParameters) -> alt.Chart:
    """The totals the report prints, by programme, coloured by the programme's role in 2020."""
    rows = aid_rows(p).dropna(subset=["total_printed"])
    if rows.empty:
        return _nothing(f"No chart: the report of {_names(p.regions)} prints no rupiah amounts of aid for {AID_YEAR}.")
    # Drawn in miliar so the axis reads 0, 50, 100 ...; the tooltip keeps "Rp 209,58 miliar" and the
    # exact amount, "Rp 209.583.800.000" (Blitar BPNT, line 143).
    frame = drawn_in_miliar(_chart_frame(rows, rows["total_printed"], [format_rupiah(v) for v in rows["total_printed"]],
                                         rows["total_value_id"],
                                         rows["covid_response"].astype("string").fillna("not listed")))
    return bars_by_programme(frame, value="value", what="Aid paid as printed", unit=RUPIAH_AXIS_UNIT, colour="colour",
                             colour_title="Covid-19 role")


def _names(regions) -> str:
    return ", ".join(regions)


def _basis_count(b, basis) -> str:
    return f"{format_number(b)} {basis}" if pd.notna(b) else "\u2013"


def _per(amount, per) -> str:
    return format_rupiah(amount) + (f" a {per}" if pd.notna(per) else "")


def _national(row: pd.Series, rules: pd.DataFrame) -> str:
    """The national 2020 amount the row is compared with, or the amounts of its programme family."""
    if pd.notna(row["national_rule"]):
        rule = rules[rules["programme"] == row["national_rule"]].iloc[0]
        months = f" x {int(rule['months'])} months ({rule['period']})" if pd.notna(rule["months"]) else ""
        return f"{_per(rule['amount_per_kpm_rp'], rule['per'])}{months}: {row['national_rule']}"
    key = row["aid_programme_id"] if pd.notna(row["aid_programme_id"]) else row["programme_id"]
    _, family = national_rules_of(str(key), rules["programme"].astype(str).tolist())
    if not family:
        return "none in aid_rules_2020"
    listed = rules[rules["programme"].isin(family)]
    return "; ".join(f"{name}: {_per(a, per)}" for name, a, per in
                     zip(listed["programme"], listed["amount_per_kpm_rp"], listed["per"], strict=True))


def _lines(text) -> str:
    return ", ".join(str(text).split(";")) if pd.notna(text) else "\u2013"


def per_beneficiary_table(p: AidParameters) -> pd.DataFrame:
    """Amount per beneficiary as printed (and as the printed total implies) against the national 2020
    amounts; one row per programme that prints an amount or a total."""
    rows = aid_rows(p)
    rows = rows[rows["amount_per_beneficiary"].notna() | rows["total_printed"].notna()]
    rules = _load("aid_rules_2020")
    implied = rows["total_printed"] / rows["beneficiaries"]
    return _or_note(pd.DataFrame({
        "programme (what is counted)": rows["shown"],
        "count": [_basis_count(b, s) for b, s in zip(rows["beneficiaries"], rows["beneficiaries_basis"], strict=True)],
        "amount per beneficiary": [
            _per(a, per) + ("" if origin == "printed" else f" ({origin})") if pd.notna(a) else NOT_PRINTED
            for a, per, origin in zip(rows["amount_per_beneficiary"], rows["amount_per"], rows["amount_origin"],
                                      strict=True)],
        "printed total / count": [format_rupiah(v) for v in implied],
        "national 2020 amount": [_national(r, rules) for _, r in rows.iterrows()],
        "report lines": rows["lines"].map(_lines),
    }), f"No amounts per beneficiary: the report of {_names(p.regions)} prints none for {AID_YEAR}.")


def _is(value, text: str) -> bool:
    return pd.notna(value) and str(value) == text


def _check_text(row: pd.Series, flag_ids) -> str:
    parts = []
    if pd.isna(row["total_printed"]):
        parts.append("no total printed; the recomputation assumes every counted household was paid every month"
                     if _is(row["months_origin"], "national rule") else "no total printed")
    elif pd.isna(row["total_recomputed"]):
        parts.append("not recomputed (no national amount fits)")
    elif _is(row["months_origin"], "printed total"):
        parts.append(f"printed total = {int(row['months'])} x count x amount: {int(row['months'])} months")
    elif row["total_difference"] == 0:
        parts.append("matches")
    else:
        parts.append(f"differs by {format_rupiah(row['total_difference'])}")
    if pd.notna(flag_ids):
        parts.append(f"flag {flag_ids}")
    return "; ".join(parts)


def totals_table(p: AidParameters) -> pd.DataFrame:
    """The report's totals against the recomputation count x national amount (x months), with flags."""
    rows = aid_rows(p)
    rows = rows[rows["total_printed"].notna() | rows["total_recomputed"].notna()]
    flag_ids = _flags_on(rows["total_value_id"])
    product = [f"{format_number(b)} x {format_rupiah(a)}" + (f" x {int(m)}" if pd.notna(m) else "")
               if pd.notna(a) else "\u2013"
               for b, a, m in zip(rows["beneficiaries"], rows["amount_per_beneficiary"], rows["months"], strict=True)]
    return _or_note(pd.DataFrame({
        "programme (what is counted)": rows["shown"],
        "count x amount (x months)": product,
        "total printed": [format_rupiah(v) for v in rows["total_printed"]],
        "total recomputed": [format_rupiah(v) for v in rows["total_recomputed"]],
        "check": [_check_text(r, f) for (_, r), f in zip(rows.iterrows(), flag_ids, strict=True)],
        "total printed on line": [str(_line(v)) if pd.notna(v) else "\u2013" for v in rows["total_value_id"]],
    }), f"No totals to check: the report of {_names(p.regions)} prints no aid amounts for {AID_YEAR}.")


def report_says(file: str) -> list[str]:
    """What the report says about aid beside its numbers (its recipe's "aid" quotes):
    "file line N: English (quoted words)"."""
    return [cited(q, file) for q in quotes("aid", file)]


def _population(rows: pd.DataFrame) -> pd.DataFrame:
    return population_estimate(_load("poverty_rates"), rows)


def summary_markdown(p: AidParameters) -> str:
    """Per region: what its report prints about 2020 aid, plainly, including when it prints none."""
    rows = aid_rows(p)
    reports = report_regions()
    manifest = {s.region: s for s in read_manifest(raw_dir())}
    parts = []
    for region in p.regions:
        mine = rows[rows["region"] == region]
        file = reports[region]
        if mine.empty:
            year = manifest[region].report_year
            covers = f" (the report covers {year}, not {AID_YEAR})" if year != AID_YEAR else ""
            text = (f"**{region}**: the report prints **no aid table and no counts of aid received**{covers}, "
                    "so there is nothing to chart for it.")
            said = report_says(file)
            not_aid = _not_aid(region)
            if said:
                text += " What it does say: " + "; ".join(said) + "."
            if len(not_aid):
                text += (" It also prints household counts that are not aid received (the table below: "
                         + ", ".join(f"line {line}" for line in sorted(set(not_aid["line"]))) + ").")
            parts.append(text)
            continue
        kinds = {str(t)[0] for t in mine["table_id"]}
        where = ("prose only (no aid table)" if kinds == {"P"} else
                 "a table and 'KPM x Rp = Rp' sentences" if {"T", "N"} <= kinds or "N" in kinds else "a table")
        with_total = mine.dropna(subset=["total_printed"])
        text = (f"**{region}**: {len(mine)} programmes, from {where} ({file} lines "
                f"{_span(mine['lines'])}).")
        if len(with_total):
            together = format_rupiah(with_total["total_printed"].sum())
            text += (f" {len(with_total)} print a rupiah total; together {together}"
                     " (a sum the report does not print, over counts of different kinds).")
        else:
            text += " It prints no rupiah amounts."
        parts.append(text)
    return "\n\n".join(parts)


def _span(lines: pd.Series) -> str:
    numbers = sorted({int(n) for text in lines.dropna() for n in str(text).split(";")})
    return f"{numbers[0]}\u2013{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])


def _not_aid(region: str) -> pd.DataFrame:
    sa = _load("social_assistance")
    sa = sa[sa["region"] == region]
    not_used = values_not_used(sa)
    found = sa.merge(not_used, on=["value_id", "measure"])
    return pd.DataFrame({
        "what": found["programme"].astype(str), "count": found["value_raw"].astype(str),
        "measure": found["measure"].astype(str).str.replace("_", " "), "why it is not aid received": found["reason"],
        "line": found["source_line"].astype(int), "file": found["source_file"].astype(str)})


def not_aid_table(p: AidParameters) -> pd.DataFrame:
    """Counts the reports print about aid that are not aid received (verified, eligible, proposed)."""
    found = [_not_aid(region).assign(region=region) for region in p.regions]
    found = pd.concat(found, ignore_index=True) if found else pd.DataFrame()
    if found.empty:
        return _nothing("The reports shown print no such counts.")
    return found[["region", "what", "count", "measure", "why it is not aid received", "file", "line"]]


def counts_markdown(p: AidParameters) -> str:
    """What the counts can and cannot mean, figure by figure, each with its report line."""
    rows = aid_rows(p)
    if rows.empty:
        return "There are no aid counts to read for the region shown."
    rules = _load("aid_rules_2020").set_index("programme")
    population = _population(rows).set_index("region")
    bullets = []
    months_rows = rows[rows["beneficiaries_basis"] == "household-months"].copy()
    months_rows["per_month"] = [r["beneficiaries"] / rules.loc[r["national_rule"], "months"]
                                for _, r in months_rows.iterrows()]
    months_rows["share"] = [r["beneficiaries"] / population.loc[r["region"], "people"]
                            if r["region"] in population.index else float("nan") for _, r in months_rows.iterrows()]
    for _, r in months_rows[months_rows["share"] > 0.5].iterrows():
        rule, pop = rules.loc[r["national_rule"]], population.loc[r["region"]]
        bullets.append(
            f"**{r['region']}'s {r['programme_id']}: {format_number(r['beneficiaries'])} \u201cKPM\u201d "
            f"({r['source_file']} line {r['source_line']}) counts household-months.** As households it would be "
            f"{format_number(r['share'] * 100)} % of the about {format_number(pop['people'])} people of the whole "
            f"region (BPS {int(pop['people_year'])}: {format_number(pop['poor_people'])} poor people = "
            f"{format_number(pop['poverty_rate_pct'], 2)} %), which cannot be. The report prices it as "
            f"{format_number(r['beneficiaries'])} x {format_rupiah(r['amount_per_beneficiary'])} = "
            f"{format_rupiah(r['total_printed'])}, one payment per count, while the national rule paid "
            f"{format_rupiah(rule['amount_per_kpm_rp'])} a month for {int(rule['months'])} months "
            f"({rule['period']}): the count sums the monthly recipients over the year, about "
            f"{format_number(r['per_month'])} households a month.")
    others = months_rows[~(months_rows["share"] > 0.5)]
    if len(others):
        bullets.append(
            "**" + ", ".join(f"{r['programme_id']} (line {r['source_line']})" for _, r in others.iterrows())
            + " count household-months too**: each is priced as count x one monthly payment while the national "
            "rule paid several months, so the counts are about " + ", ".join(
                f"{format_number(r['per_month'])}" for _, r in others.iterrows())
            + " households a month.")
    twice = rows[rows["other_printings"].notna()]
    if len(twice):
        bullets.append(
            "**Each programme is shown once.** " + "; ".join(
                f"{r['programme_id']} is printed on lines {_lines(r['lines'])} and shown once, from line "
                f"{r['source_line']}" for _, r in twice.iterrows())
            + ". Where a table calls the count persons (\u201cOrang\u201d) and the sentence KPM, the sentence's unit "
              "is kept, since its product ties the count to the money paid.")
    for _, r in rows[rows["months_origin"] == "printed total"].iterrows():
        product, months = r["beneficiaries"] * r["amount_per_beneficiary"], int(r["months"])
        bullets.append(
            f"**{r['programme_id']}: {months} months.** Its printed total {format_rupiah(r['total_printed'])} "
            f"({r['source_file']} line {r['source_line']}) is exactly {months} times its \u201cKPM x Rp\u201d "
            f"product {format_number(r['beneficiaries'])} x {format_rupiah(r['amount_per_beneficiary'])} = "
            f"{format_rupiah(product)}: {int(r['months'])} monthly payments, as the national rule pays "
            f"({r['national_rule']}). Read so, the {format_number(r['beneficiaries'])} are households, each paid "
            f"for {int(r['months'])} months; the sentence's own arithmetic does not hold without the months.")
    for _, r in rows[rows["months_origin"] == "national rule"].iterrows():
        bullets.append(
            f"**{r['region']}'s {r['programme_id']}: {format_number(r['beneficiaries'])} {r['beneficiaries_basis']}** "
            f"({r['source_file']} line {r['source_line']}), with no amount printed. The recomputed "
            f"{format_rupiah(r['total_recomputed'])} assumes every household was paid "
            f"{format_rupiah(r['amount_per_beneficiary'])} in each of the {int(r['months'])} months of the national "
            "rule; the report does not say so.")
    said = [s for file in dict.fromkeys(rows["source_file"].astype(str)) for s in report_says(file)]
    bullets.append("**Counts are not added up.** They count persons, households and household-months, and one "
                   "household can receive several programmes" + (f" ({'; '.join(said)})" if said else "") + ".")
    return "\n".join(f"- {b}" for b in bullets)


def flags_table(p: AidParameters) -> pd.DataFrame:
    """The quality flags on the aid values shown (the red rings), with their report lines."""
    rows = aid_rows(p)
    notes = flag_notes(rows, _load("quality_flags"))
    if notes.empty:
        return _nothing("No aid value shown here is flagged.")
    return notes


def sources_markdown(p: AidParameters) -> str:
    rows = aid_rows(p)
    reports = report_regions()
    lines = [f"- {reports[r]}, lines {_span(rows.loc[rows['region'] == r, 'lines'])}" if (rows["region"] == r).any()
             else f"- {reports[r]} (no aid rows)" for r in p.regions]
    rules = _load("aid_rules_2020")
    lines += [f"- National 2020 amounts (data/reference/aid_rules_2020.csv): {prog}: {src}"
              for prog, src in zip(rules["programme"], rules["source"], strict=True)]
    lines.append("- Funding source and Covid-19 role of each programme: data/reference/aid_programmes.csv")
    lines.append("- Population behind the household-months reading: BPS poverty figures in "
                 "data/reference/poverty_rates.csv (poor people / poverty rate)")
    return "\n".join(lines)
