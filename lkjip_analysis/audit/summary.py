"""`lkjip audit`: the quality flags as a reader wants them - per report, per check."""

from __future__ import annotations

import pandas as pd

CHECK_TITLES = {
    "achievement": "achievement % is not realisation / target",
    "progress": "progress % is not realisation / end-of-plan target",
    "fraction": "a percentage is not its printed numerator / denominator",
    "absorption": "absorption % is not realised / budget",
    "over_under": "over/under is not realised - budget",
    "efficiency": "efficiency is not achievement - absorption",
    "product": "'KPM x Rp = Rp' does not multiply out",
    "average": "a printed average is not the mean of its rows",
    "group_average": "an average printed on its group's first row (or beside its rows) is not their mean",
    "lower_is_better": "formula B is not (target - (realisation - target)) / target x 100",
    "conclusion_count": "the conclusion's counts of indicators per rating do not add up",
    "share": "a share of the total ('% Anggaran') is not line / total",
    "sum": "a total is not the sum of its lines",
    "scope": "a total covers a line its table does not list (printed elsewhere)",
    "copy": "a table printed twice differs from its first printing (both printings flagged)",
    "same_quantity": "the same figure is printed differently elsewhere (the printing the report's own inputs "
                     "do not fit, or each printing when they do not decide)",
    "malformed": "a number that cannot be read",
    "derived_from_flagged": "a value computed from a flagged value",
}


def summary(flags: pd.DataFrame, limit: int = 12) -> str:
    if flags.empty:
        return "No quality flags: every recomputed figure agrees with what the reports print."
    out = [f"{len(flags)} quality flags in {flags['source_file'].nunique()} reports "
           "(values stay as printed in the data; see data/clean/quality_flags.csv)"]
    for src, by_report in flags.groupby("source_file", observed=True, sort=False):
        out.append(f"\n{src} ({by_report['region'].iloc[0]} {by_report['report_year'].iloc[0]}): {len(by_report)}")
        for check, rows in by_report.groupby("check", observed=True, sort=False):
            out.append(f"  {check}: {CHECK_TITLES.get(check, check)} ({len(rows)})")
            for _, r in rows.head(limit).iterrows():
                out.append(f"    line {r['source_line']}: {r['subject']}: {r['detail']}")
            if len(rows) > limit:
                out.append(f"    ... {len(rows) - limit} more")
    return "\n".join(out)
