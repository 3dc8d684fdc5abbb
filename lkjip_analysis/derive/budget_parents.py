"""Budget hierarchy: each line's parent is the nearest line above it one level up."""

from __future__ import annotations

import pandas as pd

from ..reference.budget_levels import depth as level_depth


def assign_parents(budget: pd.DataFrame) -> pd.DataFrame:
    """Fill ``parent`` where the recipe left it empty (totals and balances have none).

    Also adds ``_parent_line`` (not written out): the line of the parent's own record, so
    that the audit adds up children by position, not by a name two lines may share.
    """
    if budget.empty:
        return budget.assign(_parent_line=pd.Series(dtype="Int64"))
    parents, parent_lines = [], []
    last: dict[tuple[str, str], dict[int, tuple[str, int]]] = {}
    for src, table, level, name, given, line in zip(budget["source_file"], budget["table_id"], budget["level"],
                                                   budget["name"], budget["parent"], budget["source_line"]):
        seen = last.setdefault((src, table), {})
        depth = level_depth(level, src, line)
        if isinstance(given, str) and given:
            named = [(d, ln) for d, (n, ln) in seen.items() if n == given and d < depth]
            parents.append(given)
            parent_lines.append(named[-1][1] if named else None)
        else:
            above = [d for d in seen if d < depth]
            parents.append(seen[max(above)][0] if above else None)
            parent_lines.append(seen[max(above)][1] if above else None)
        seen[depth] = (name, line)
        for d in [d for d in seen if d > depth]:
            del seen[d]
    return budget.assign(parent=parents, _parent_line=pd.array(parent_lines, dtype="Int64"))
