"""data/reference/: outside figures shipped as received, typed, keyed, described, loadable."""

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from lkjip_analysis import load
from lkjip_analysis.datasets.reference_files import REFERENCE_DATASETS, reference_descriptor, regions_without_reference
from lkjip_analysis.extraction import read_manifest

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "reference"
SHARED = ROOT.parent / "shared" / "reference"


def test_shipped_files_are_the_shared_reference_as_received():
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/reference must be beside the clone in CI")
        pytest.skip("../shared/reference is not beside this clone")
    for name in ("poverty_rates.csv", "aid_rules_2020.csv", "aid_programmes.csv"):
        assert (REFERENCE / name).read_bytes() == (SHARED / name).read_bytes(), name


@pytest.mark.parametrize("name", REFERENCE_DATASETS)
def test_every_row_names_its_source(name):
    frame = load(name)
    assert len(frame) and frame["source"].notna().all()
    assert not frame.duplicated(list(REFERENCE_DATASETS[name].key)).any()


def test_poverty_rates_real_values_and_real_gaps():
    pov = load("poverty_rates").set_index(["region", "year"])
    # Sumenep's own report prints the same three figures (sumenep_2020.txt; see indicators.csv)
    assert [pov.loc[("Sumenep", y), "poverty_rate_pct"] for y in (2018, 2019, 2020)] == [20.16, 19.48, 20.18]
    assert pov.loc[("Jawa Timur", 2020), "poverty_rate_pct"] == 11.09
    assert pov.loc[("Jawa Timur", 2020), "poor_people"] == 4419100
    assert ("Pasuruan", 2018) not in pov.index  # not published: a gap, not a zero
    assert pov.loc[("Blitar", 2015), "poor_people"] is pd.NA  # not quoted: missing, not zero


def test_aid_rules_and_programmes():
    rules = load("aid_rules_2020").set_index("programme")
    bpnt = rules.loc["BPNT (Program Sembako)"]
    assert (bpnt["amount_per_kpm_rp"], bpnt["per"], bpnt["months"]) == (200000, "month", 9)
    assert rules.loc["BST (Bantuan Sosial Tunai) stage I", "amount_per_kpm_rp"] == 600000
    programmes = load("aid_programmes").set_index("programme_id")
    assert programmes.loc["BST", "covid_response"] == "new_2020"
    assert programmes.loc["PBI-JK", "covid_response"] == "regular"
    assert programmes.loc["Suplemen BPNT", "funding_source"] == "APBD Provinsi"


def test_regions_name_every_region_of_the_manifest_and_the_province():
    regions = load("regions").set_index(["region", "region_type"])
    assert regions.loc[("Pasuruan", "kota"), "full_name"] == "Kota Pasuruan"
    assert regions.loc[("Pasuruan", "kota"), "bps_code"] == "3575"
    assert regions.loc[("Jawa Timur", "provinsi"), "bps_code"] == "35"
    assert regions_without_reference(read_manifest(ROOT / "data" / "raw"), REFERENCE) == []
    poverty = load("poverty_rates")
    assert set(zip(poverty["region"], poverty["region_type"])) <= set(regions.index)


def test_a_region_missing_from_regions_csv_is_named(tmp_path):
    (tmp_path / "regions.csv").write_text("region,region_type,full_name,name_en,bps_code,province,source\n")
    missing = regions_without_reference(read_manifest(ROOT / "data" / "raw"), tmp_path)
    assert missing[0] == "Blitar (kabupaten)" and len(missing) == 4


def test_datapackage_is_what_the_build_writes_and_validates():
    committed = json.loads((REFERENCE / "datapackage.json").read_text(encoding="utf-8"))
    assert committed == reference_descriptor()
    keys = {r["name"]: r["schema"]["primaryKey"] for r in committed["resources"]}
    assert keys["poverty_rates"] == ["region", "region_type", "year"]
    from frictionless import validate

    report = validate(str(REFERENCE / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_load_names_the_choices_for_an_unknown_file():
    from lkjip_analysis import LkjipError

    with pytest.raises(LkjipError, match="poverty_rates"):
        load("poverty")
