"""Derived columns ``restates`` and ``restates_value_id``: a budget figure printed again.

The reports print one budget line in several places: an overview table, the realisation
table, the prose ("Dinas Sosial ... Rp 5.085.713.014"). A sum over the budget file must count
each line once, so every printing after the first is marked with the value it restates.

Two rows are the same budget line when they share region, period, level and measure and
- programme lines: the programme key (derive/programme_keys.py);
- activities: the programme key and the name (normalised); sub-activities also their activity;
- totals, and lines named only "Jumlah"/"Total": the figure itself, since their names
  ("Jumlah", "APBD", "Dinas Sosial") say nothing about what they cover, while two office
  totals with different figures are different totals (budget_totals.csv explains them);
- every other level (objective, spending group or type, balance, benchmark): the name;
- failing all these, a rupiah amount (not zero) printed earlier at the same level: a line
  renamed between tables.
The first printing in report order (report year, then line) is the original. Rows of the same
table as the original are other lines, not restatements (a table may list two sub-activities
of the same name under different activities).
"""

from __future__ import annotations

import re

import pandas as pd

from ..datasets.csv_format import format_value
from .programme_keys import programme_key

_TOTAL_WORD = re.compile(r"^(?:sub\s*)?(?:jumlah|total)$")


def _name_key(name: object) -> str:
    """Case, numbering, codes and punctuation removed: 'a) Gaji dan Tunjangan' -> 'gaji dan tunjangan'."""
    text = re.sub(r"^\s*(?:\d+(?:[.\s]+\d+)*[.)]?|[a-z][.)])\s+", "", str(name).casefold())
    return " ".join(re.findall(r"\w+", text))


def line_identity(budget: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """What budget line each row is, as one string (None when a row cannot be matched), and
    whether the row is known by its figure only (a total, or a line named only "Jumlah")."""
    name = budget["name"].map(_name_key)
    parent = budget["parent"].map(lambda p: _name_key(p) if isinstance(p, str) else "")
    prog = budget["programme_key"].fillna("").astype(str)
    level = budget["level"].astype(str)
    identity = ("name:" + name).where(~level.isin(["programme", "activity", "sub_activity"]), None)
    identity = identity.where(level != "programme", "programme:" + budget["name"].map(programme_key).fillna(""))
    identity = identity.where(level != "activity", "activity:" + prog + "|" + name)
    identity = identity.where(level != "sub_activity", "sub_activity:" + prog + "|" + parent + "|" + name)
    by_figure = (level == "total") | name.str.fullmatch(_TOTAL_WORD.pattern)
    return identity.where(~by_figure, None), by_figure


def _figure(budget: pd.DataFrame) -> pd.Series:
    return ("figure:" + budget["value"].map(lambda v: format_value(v) if pd.notna(v) else "")) \
        .where(budget["value"].notna(), None)


def mark_restatements(budget: pd.DataFrame, report_order: dict[str, int] | None = None) -> pd.DataFrame:
    """Add ``restates`` (bool) and ``restates_value_id`` (the first printing's value_id)."""
    if budget.empty:
        return budget.assign(restates=pd.Series(dtype=bool), restates_value_id=pd.Series(dtype=object))
    order = report_order or {f: i for i, f in enumerate(dict.fromkeys(budget["source_file"]))}
    identity, by_figure = line_identity(budget)
    figure = _figure(budget)
    work = budget.assign(_period=budget["period"].astype("Int64").fillna(-1),
                         _report=budget["source_file"].map(order))
    keys = ["region", "_period", "level", "measure", "_identity"]
    # Every row can be the original of a later printing under its name and under its figure
    # (Sumenep's "JUMLAH" restates the "2. Belanja Langsung" printed above it); a row looks
    # for its original under its name, or, when its name says nothing, under its figure.
    candidates = pd.concat([work.assign(_identity=identity), work.assign(_identity=figure)])
    firsts = (candidates.dropna(subset=["_identity"])
              .sort_values(["report_year", "_report", "source_line"], kind="stable")
              .groupby(keys, observed=True, sort=False)[["value_id", "table_id", "source_file"]].first()
              .rename(columns=lambda c: f"_first_{c}").reset_index())
    def original(identities: pd.Series) -> pd.DataFrame:
        merged = work.assign(_identity=identities).reset_index().merge(firsts, on=keys, how="left")
        merged = merged.set_index("index").loc[budget.index]
        restates = merged["_first_value_id"].notna() & (
            (merged["table_id"] != merged["_first_table_id"]) | (merged["source_file"] != merged["_first_source_file"]))
        return merged["_first_value_id"].where(restates, None)

    by_line = original(identity.where(~by_figure, figure))
    # A rupiah amount (not zero) found under no earlier name but printed earlier, at the same
    # level, in another table: a line renamed between tables (Sumenep's "Pemberdayaan Keluarga
    # Miskin ..." at line 191 is "Pemberdayaan Fakir Miskin ..." at line 373, both 950.071.800).
    amount = (budget["unit"] == "rupiah") & budget["value"].notna() & (budget["value"] != 0)
    by_amount = original(figure.where(amount, None))
    first = by_line.where(by_line.notna(), by_amount)
    return budget.assign(restates=first.notna().astype(bool), restates_value_id=first.astype(object))
