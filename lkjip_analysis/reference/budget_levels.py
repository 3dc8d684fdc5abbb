"""The levels of a budget line: one table of name, depth and meaning.

The budget dataset's ``level`` enum and description, the parent of each line
(derive/budget_parents.py) and the audit's sums all read this table: a line's parent is
the nearest line above it of smaller depth. A recipe that needs a new level adds it here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import LkjipError


@dataclass(frozen=True)
class BudgetLevel:
    name: str
    depth: int  # 0 stands alone (no parent); a line's parent is the latest line above of smaller depth
    meaning: str
    glossed: bool = False  # the meaning is spelled out in the published field description


_LEVELS = (
    BudgetLevel("total", 0, "the table's grand total (JUMLAH, Belanja, APBD)"),
    BudgetLevel("spending_group", 1, "a group of spending (Belanja Operasi, Belanja Langsung)"),
    BudgetLevel("spending_type", 2, "a type of spending within a group (Belanja Pegawai, Gaji dan Tunjangan)"),
    BudgetLevel("objective", 1, "an objective (sasaran) whose budget is printed"),
    BudgetLevel("programme", 1, "a programme (Program ...)"),
    BudgetLevel("activity", 2, "an activity (kegiatan) of a programme"),
    BudgetLevel("sub_activity", 3, "a sub-activity (sub kegiatan) of an activity"),
    BudgetLevel("balance", 0, "a balance outside the hierarchy (SILPA)"),
    BudgetLevel("benchmark", 0, "another office's figure the report compares with", glossed=True),
)
# name -> level, in the order the levels are listed in the schema
BUDGET_LEVELS: dict[str, BudgetLevel] = {level.name: level for level in _LEVELS}


def depth(level: str, source_file: str | None, line: int | None) -> int:
    """The depth of a level; a level not in the table is an error at the line that gives it."""
    known = BUDGET_LEVELS.get(level)
    if known is None:
        raise LkjipError(source_file, f"budget level {level!r} is not one of {', '.join(BUDGET_LEVELS)} "
                         "(reference/budget_levels.py)", line=line)
    return known.depth


def describe_levels() -> str:
    """"total, spending_group, ..., benchmark (benchmark: another office's figure ...)"."""
    glosses = "; ".join(f"{lv.name}: {lv.meaning}" for lv in _LEVELS if lv.glossed)
    return ", ".join(BUDGET_LEVELS) + (f" ({glosses})" if glosses else "")
