"""Flags join to values: each flag names one value of one clean file; flags_for and cite."""

import pandas as pd
import pytest

from lkjip_analysis import cite, flags_for, load
from lkjip_analysis.datasets.flags import flag_ids_by_value
from lkjip_analysis.datasets.schema import DATASETS
from lkjip_analysis.errors import LkjipError


@pytest.fixture(scope="module")
def flags():
    return load("quality_flags")


def test_every_flag_joins_to_exactly_one_value(flags):
    assert flags["value_id"].notna().all() and flags["dataset"].notna().all()
    for dataset, rows in flags.groupby("dataset", observed=True):
        counts = load(str(dataset))["value_id"].value_counts()
        assert rows["value_id"].map(counts).eq(1).all(), rows.loc[rows["value_id"].map(counts).ne(1), "flag_id"]


def test_every_related_value_exists(flags):
    known = {v for name in DATASETS if name != "quality_flags" and "value_id" in DATASETS[name].columns
             for v in load(name)["value_id"]}
    related = {v for ids in flags["related_value_ids"].dropna() for v in ids.split(";")}
    assert related and related - known == set()


def test_flags_for_marks_exactly_the_flagged_indicator_rows(flags):
    marked = flags_for(load("indicators"))
    on_indicators = flags[flags["dataset"] == "indicators"]
    assert set(marked.loc[marked["flagged"], "value_id"]) == set(on_indicators["value_id"])
    assert marked["flagged"].sum() == on_indicators["value_id"].nunique()
    assert sorted(";".join(marked["flag_ids"].dropna()).split(";")) == sorted(on_indicators["flag_id"])
    # Blitar line 83 prints 118 % (5.97 / 5 gives 119.4) and 5.97 %, which lines 199 and 334 print as 5.90 %.
    line_83 = marked[(marked["source_file"] == "blitar_2020.txt") & (marked["source_line"] == 83)]
    assert dict(zip(line_83["measure"], line_83["flag_ids"].fillna(""))) == {
        "target": "", "realisation": "blitar_2020-L83-same_quantity-96fed7",
        "achievement_pct": "blitar_2020-L83-achievement-b1d33f"}
    # The target the achievement check read is related to a flag without being flagged.
    target = line_83[line_83["measure"] == "target"].iloc[0]
    assert (target["flagged"], target["flag_related"]) == (False, True)
    assert not (marked["flagged"] & marked["flag_related"]).any()


def test_flags_for_needs_value_ids():
    with pytest.raises(LkjipError, match="value_id"):
        flags_for(pd.DataFrame({"source_line": [1]}), flags=pd.DataFrame())


def test_cite_gives_file_line_table_and_the_printed_text():
    ind = load("indicators")
    row = ind[(ind["source_file"] == "blitar_2020.txt") & (ind["source_line"] == 83)
              & (ind["measure"] == "realisation")].iloc[0]
    assert cite(row) == "blitar_2020.txt line 83 (T0081): 5.97%"
    assert cite(row.to_dict()) == cite(row)
    budget = load("budget").iloc[0]
    assert cite(budget) == f"{budget['source_file']} line {budget['source_line']} ({budget['table_id']}): " \
                           f"{budget['value_raw']}"
    assert cite({"source_file": "sumenep_2020.txt", "source_line": 243}) == "sumenep_2020.txt line 243"


def test_flag_ids_by_value_gives_the_flags_on_a_value_and_those_that_read_it(flags):
    # Pasuruan's Taman Makam Pahlawan budget on line 636 (Rp287.982.480): flagged as disagreeing
    # with line 332 (whose own flag reads it too), and read by the absorption check of its line
    # (printed 72,24 %); in the flags' order
    budget_636 = "pasuruan_2022-L636-6034e80c"
    assert flag_ids_by_value(flags)[budget_636] == ["pasuruan_2022-L332-same_quantity-25860a",
                                                   "pasuruan_2022-L636-absorption-95b20d",
                                                   "pasuruan_2022-L636-same_quantity-a7184c"]
    assert flag_ids_by_value(flags, related=False)[budget_636] == ["pasuruan_2022-L636-same_quantity-a7184c"]
    # line 634's 'Rp91-.160.954' is malformed: one flag, read by no other check
    assert flag_ids_by_value(flags)["pasuruan_2022-L634-be75e7f9"] == ["pasuruan_2022-L634-malformed-7ed5f1"]
