"""Rules kept in one place: budget levels with their depth, table kinds with their id prefix."""

import re

import pandas as pd
import pytest

from lkjip_analysis.audit.arithmetic import sums
from lkjip_analysis.datasets.schema import BUDGET
from lkjip_analysis.derive import assign_parents
from lkjip_analysis.errors import LkjipError
from lkjip_analysis.extraction.model import KIND_PREFIX, table_id


def _budget(*lines):
    """Budget records (level, name, line, value) of one table of a made-up report."""
    return pd.DataFrame([{"region": "X", "report_year": 2020, "source_file": "x_2020.txt", "table_id": "T0010",
                          "level": level, "name": name, "parent": None, "source_line": line, "measure": "budget",
                          "value": value, "value_raw": str(value)} for level, name, line, value in lines])


def test_budget_parents_follow_the_depth_of_each_level():
    budget = assign_parents(_budget(("total", "JUMLAH", 10, 30), ("programme", "Program A", 11, 30),
                                    ("activity", "Kegiatan 1", 12, 10), ("sub_activity", "Sub 1a", 13, 10),
                                    ("activity", "Kegiatan 2", 14, 20)))
    assert budget["parent"].fillna("").tolist() == ["", "JUMLAH", "Program A", "Kegiatan 1", "Program A"]


def test_an_unknown_budget_level_stops_the_build_at_its_line():
    with pytest.raises(LkjipError, match=r"x_2020\.txt:12: budget level 'kegiatan' is not one of total, "):
        assign_parents(_budget(("programme", "Program A", 11, 10), ("kegiatan", "Kegiatan 1", 12, 10)))


def test_an_unknown_budget_level_stops_the_audit_at_its_line():
    # A total without children is checked against its top-level lines, chosen by depth.
    budget = _budget(("total", "JUMLAH", 10, 30), ("programme", "Program A", 11, 10), ("kegiatan", "B", 12, 20))
    with pytest.raises(LkjipError, match=r"x_2020\.txt:12: budget level 'kegiatan'"):
        list(sums({"budget": budget, "staff": pd.DataFrame(columns=["table_id"])}, []))


def test_the_budget_level_enum_is_the_table_of_levels():
    level = next(f for f in BUDGET.fields if f.name == "level")
    assert level.enum == ("total", "spending_group", "spending_type", "objective", "programme", "activity",
                          "sub_activity", "balance", "benchmark")
    assert level.description.endswith("benchmark (benchmark: another office's figure the report compares with).")


def test_every_table_id_found_has_a_kind_prefix(built):
    prefixes = "".join(KIND_PREFIX.values())
    ids = built.frames["tables"]["table_id"]
    assert ids.str.fullmatch(rf"[{prefixes}]\d{{4}}").all(), ids[~ids.str.fullmatch(rf"[{prefixes}]\d{{4}}")]
    assert table_id("html", 7) == "H0007"


def test_the_table_id_description_lists_every_kind():
    from lkjip_analysis.datasets.schema import CELLS
    description = next(f for f in CELLS.fields if f.name == "table_id").description
    assert re.findall(r"\b([A-Z])<", description) == list(KIND_PREFIX.values())
