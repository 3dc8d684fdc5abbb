"""Aid sentences that carry data: "1.047.919 KPM x Rp.200.000,- = Rp. 209.583.800.000,-".

Each line with such products becomes a one-row-per-product table (beneficiaries,
amount per beneficiary, total), reachable with its line like any table cell.
"""

from __future__ import annotations

import re

from ..text.clean import clean_text
from ..text.patterns import NUMBER
from ..text.units import count_unit_alternation
from .model import Table, one_line_table

# "1.047.919 KPM x Rp.200.000,- = Rp. 209.583.800.000,-": a count (with any unit word) times
# an amount each.
_PRODUCT = re.compile(
    rf"(?P<count>{NUMBER})\s*(?P<unit>{count_unit_alternation()})\b\s*[xX\u00d7]\s*"
    rf"(?P<amount>Rp\.?\s*{NUMBER}(?:,-)?)\s*=\s*"
    rf"(?P<total>Rp\.?\s*{NUMBER}(?:,-)?)",
    re.IGNORECASE,
)
PRODUCT_ROLES = ("beneficiaries", "amount per beneficiary", "total")


def find_product_tables(lines: tuple[str, ...], skip: set[int]) -> list[Table]:
    tables = []
    for number, text in enumerate(lines, 1):
        if number in skip or "=" not in text:
            continue
        plain = clean_text(text)
        rows = []
        for m in _PRODUCT.finditer(plain):
            count = f"{m.group('count')} {m.group('unit')}"
            rows.append([count, m.group("amount"), m.group("total")])
        if rows:
            tables.append(one_line_table("narrative", number, PRODUCT_ROLES, rows, plain))
    return tables
