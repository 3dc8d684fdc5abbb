"""Budget hierarchy: each line's parent is the nearest line above it one level up."""

from __future__ import annotations

import pandas as pd

# Depth of each level; a line's parent is the latest line above it of smaller depth.
DEPTH = {"total": 0, "spending_group": 1, "spending_type": 2, "objective": 1, "programme": 1,
         "activity": 2, "sub_activity": 3, "balance": 0}


def assign_parents(budget: pd.DataFrame) -> pd.DataFrame:
    """Fill ``parent`` where the recipe left it empty (totals and balances have none)."""
    if budget.empty:
        return budget
    parents = []
    last: dict[tuple[str, str], dict[int, str]] = {}
    for src, table, level, name, given in zip(budget["source_file"], budget["table_id"], budget["level"],
                                             budget["name"], budget["parent"]):
        seen = last.setdefault((src, table), {})
        depth = DEPTH.get(level, 9)
        if isinstance(given, str) and given:
            parents.append(given)
        else:
            above = [d for d in seen if d < depth]
            parents.append(seen[max(above)] if above else None)
        seen[depth] = name
        for d in [d for d in seen if d > depth]:
            del seen[d]
    return budget.assign(parent=parents)
