"""The schema checks of datasets/validate.py: required fields, enums and unique keys, each failure
naming the row, the report line it comes from and the value."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from lkjip_analysis import load
from lkjip_analysis.datasets.schema import DATASETS
from lkjip_analysis.datasets.validate import SchemaMismatch, validate
from lkjip_analysis.errors import LkjipError

CLEAN = Path(__file__).resolve().parents[1] / "data" / "clean"


def _efficiency() -> pd.DataFrame:
    return pd.read_csv(CLEAN / "efficiency.csv", dtype=str, keep_default_na=False)


def test_committed_files_pass():
    for name, dataset in DATASETS.items():
        frame = pd.read_csv(CLEAN / dataset.filename, dtype=str, keep_default_na=False)
        assert len(validate(dataset, frame)) == len(frame), name


def test_each_broken_rule_names_row_line_and_value():
    frame = _efficiency()
    assert (frame.loc[0, "source_file"], frame.loc[0, "source_line"]) == ("blitar_2020.txt", "361")
    frame.loc[0, "measure"] = "bogus"
    frame.loc[1, "table_id"] = ""
    frame = pd.concat([frame, frame.iloc[[2]]], ignore_index=True)
    with pytest.raises(SchemaMismatch) as caught:
        validate(DATASETS["efficiency"], frame)
    message, last = str(caught.value), len(frame) - 1
    assert message.startswith("efficiency.csv: does not match its schema (4 failure(s))")
    assert "row 0 (blitar_2020.txt line 361): measure = 'bogus' is not one of achievement_pct" in message
    assert "row 1 (blitar_2020.txt line 361): table_id = <NA> is required" in message
    assert "row 2 (blitar_2020.txt line 361): source_file, table_id, source_line" in message
    assert f"row {last} (blitar_2020.txt line 361)" in message and "repeats the key of another row" in message
    assert caught.value.first_row == 0


def test_load_names_the_file_and_the_line_of_the_first_failure(tmp_path):
    shutil.copytree(CLEAN, tmp_path / "clean")
    frame = _efficiency()
    frame.loc[3, "measure"] = "rumour"
    frame.to_csv(tmp_path / "clean" / "efficiency.csv", index=False)
    with pytest.raises(LkjipError) as caught:
        load("efficiency", tmp_path / "clean")
    assert caught.value.path == str(tmp_path / "clean" / "efficiency.csv")
    assert caught.value.line == 5  # row 3, after the header line
    assert "measure = 'rumour' is not one of achievement_pct, absorption_pct" in caught.value.message


def test_validation_does_not_import_pandera():
    import subprocess
    import sys

    code = ("import sys; from lkjip_analysis import load; load('budget'); "
            "print('pandera' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_categorical_column_is_typed_as_its_values_are():
    """A build's parts joined keep their categorical columns (build.in_manifest_order); typing
    them must give what typing their plain values gives: used categories only, sorted, an empty
    string missing."""
    from lkjip_analysis.datasets.validate import typed

    indicators = load("indicators")
    values = indicators["region"].astype(object).where(indicators.index != 0, "")  # row 0 (blitar line 59)
    as_category = pd.Series(pd.Categorical(values, categories=["Zzz", "", *sorted(set(values) - {""})]))
    from_values, from_category = (typed(DATASETS["indicators"], indicators.assign(region=col))["region"]
                                  for col in (values, as_category))
    assert from_category.isna().tolist() == from_values.isna().tolist() and from_values.isna().sum() == 1
    assert list(from_category.cat.categories) == list(from_values.cat.categories) == \
        ["Blitar", "Lumajang", "Pasuruan", "Sumenep"]
    assert from_category.dtype == from_values.dtype and from_category.equals(from_values)
