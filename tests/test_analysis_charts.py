"""The chart builders: every mark names its source, flagged values are ringed, gaps stay gaps."""

import json

import pandas as pd
import pytest

from lkjip_analysis import load
from lkjip_analysis.analysis.charts import flag_notes, prepare, reference_source, target_vs_realisation, time_series


@pytest.fixture(scope="module")
def headline():
    return load("headline_indicators")


def _data(chart) -> list[dict]:
    spec = chart.to_dict()
    return [row for rows in spec["datasets"].values() for row in rows]


def _pmks(headline):
    rows = headline[(headline["indicator_id"] == "pmks_reached_pct")
                    & headline["measure"].isin(["target", "realisation"]) & headline["period"].notna()]
    return prepare(rows)


def test_target_against_realisation_names_every_source_and_rings_flags(headline):
    chart = target_vs_realisation(_pmks(headline), what="PMKS reached", unit="percent")
    rows = _data(chart)
    lumajang = next(r for r in rows if r["region"] == "Lumajang" and r["period"] == 2020
                    and r["measure"] == "realisation")
    # lumajang_2020.txt line 67 prints 78,76% (also lines 507, 519, ...: the headline's chosen printing)
    assert (lumajang["label"], lumajang["source"]) == ("78,76 %", "lumajang_2020.txt line 67")
    blitar = next(r for r in rows if r["region"] == "Blitar" and r["period"] == 2020 and r["measure"] == "realisation")
    assert blitar["flagged"] and blitar["label"] == "5,90 %"  # 5.97 on line 83 disagrees
    assert all(r["source"] for r in rows)
    spec = chart.to_dict()
    assert spec["resolve"]["scale"] == {"x": "independent", "y": "independent"}  # never ranked on one axis
    tooltips = json.dumps(spec["spec"]["layer"][0]["encoding"]["tooltip"])
    assert '"source"' in tooltips


def test_time_series_keeps_gaps_and_draws_the_reference():
    poverty = load("poverty_rates").rename(columns={"year": "period", "poverty_rate_pct": "value"})
    poverty = poverty.assign(unit="percent")
    regions = poverty[poverty["region"] != "Jawa Timur"]
    province = poverty[poverty["region"] == "Jawa Timur"]
    chart = time_series(prepare(regions, source=reference_source(regions)), what="Poverty rate", unit="percent",
                        reference=prepare(province, source=reference_source(province)), reference_label="East Java")
    rows = _data(chart)
    pasuruan = {r["period"]: r["value"] for r in rows if r["region"] == "Pasuruan"}
    assert pasuruan[2018] is None and pasuruan[2017] == 7.53  # 2018 not published: a gap, not a line
    east_java = [r for r in rows if r["region"] == "East Java" and r["value"] is not None]
    assert {r["period"]: r["value"] for r in east_java} == {2020: 11.09, 2021: 11.4, 2022: 10.38}
    assert east_java[0]["source"].startswith("BPS, quoted by BPS (March 2020): ")
    assert not any(r["flagged"] for r in rows)


def test_flag_notes_explain_each_ring(headline):
    data = _pmks(headline)
    notes = flag_notes(data[data["flagged"]], load("quality_flags"))
    line83 = notes[notes["flag_id"] == "blitar_2020-L83-achievement-b1d33f"].iloc[0]
    assert line83["where"] == "blitar_2020.txt line 83" and "118%" in line83["finding"]
    assert not notes["flag_id"].duplicated().any()


def test_prepare_leaves_out_long_texts():
    frame = pd.DataFrame({"region": ["X"], "period": [2020], "value": [1.0], "unit": ["percent"],
                          "value_raw": ["1 %"], "source_file": ["x.txt"], "source_line": [3],
                          "caveat": ["a long caveat"]})
    out = prepare(frame)
    assert "caveat" not in out and out.loc[0, "source"] == "x.txt line 3" and out.loc[0, "label"] == "1 %"
