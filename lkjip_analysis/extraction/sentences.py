"""Aid sentences that carry data: "1.047.919 KPM x Rp.200.000,- = Rp. 209.583.800.000,-".

Each line with such products becomes a one-row-per-product table (beneficiaries,
amount per beneficiary, total), reachable with its line like any table cell.
"""

from __future__ import annotations

import re

from ..text.clean import clean_text
from .model import Table, one_line_table

# "1.047.919 KPM x Rp.200.000,- = Rp. 209.583.800.000,-"
_PRODUCT = re.compile(
    r"(?P<count>\d{1,3}(?:\.\d{3})+|\d+)\s*(?P<unit>KPM|KK|orang|jiwa)\s*[xX\u00d7]\s*"
    r"(?P<amount>Rp\.?\s*\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:,-)?)\s*=\s*"
    r"(?P<total>Rp\.?\s*\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:,-)?)",
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
