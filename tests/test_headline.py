"""headline_indicators.csv: one value per region, canonical indicator, period and measure,
chosen among its printings by one rule (inputs, main performance table, most frequent)."""

import pandas as pd
import pytest

from lkjip_analysis import LkjipError, series
from lkjip_analysis.datasets.schema import DATASETS
from lkjip_analysis.facts.headline import headline_indicators
from lkjip_analysis.reference.indicators import ids_with_role, reference

from conftest import one


@pytest.fixture(scope="module")
def headline(built):
    return built.frames["headline_indicators"]


def test_blitar_2020_share_reached_takes_the_printing_its_achievement_supports(headline):
    # Tabel 3.1 (line 83) prints 5.97%; Tabel 3.4 (lines 199, 245) and Tabel 3.8 (line 334) print
    # 5.90%. The achievement printed with them, 118% (lines 83 and 334) of the 5 % target, is
    # 5.90 / 5; 5.97 / 5 would be 119.4 (flagged on line 83). So 5.90, by the inputs step.
    row = one(headline, region="Blitar", indicator_id="pmks_reached_pct", period=2020, measure="realisation")
    assert row["value"] == 5.9 and row["value_raw"] == "5.90%"
    assert (row["source_line"], row["table_id"], row["chosen_by"]) == (199, "T0197", "inputs")
    assert row["conflict"]
    assert row["n_printings"] == 4 and row["lines"] == "83;199;245;334"
    assert row["other_values"] == "5.97% (line 83)"
    assert "5 % (line 59) give 118; printed achievement_pct 118% (line 83); not 5.97% (line 83)" in row["chosen_detail"]
    # the audit flags every printing (no input decides between them: 118 % is a result), and line 83's
    # achievement (118 % printed, 119.4 from 5.97)
    assert set(row["flag_ids"].split(";")) == {"blitar_2020-L83-achievement-b1d33f",
                                               "blitar_2020-L83-same_quantity-96fed7",
                                               "blitar_2020-L199-same_quantity-96fed7",
                                               "blitar_2020-L334-same_quantity-96fed7"}
    assert not row["comparable"] and "not comparable across regions" in row["caveat"]


def test_lumajang_welfare_improved_takes_the_printing_its_fraction_supports(headline):
    # Line 539: 266.787 / 541.897 x 100 = 49,23 % (49.2320). Line 67 prints 49,20 %, which no
    # rounding of 49.232 gives; the tables' 49,2 (lines 700, 785, 1019) is 49.23 with one decimal.
    row = one(headline, region="Lumajang", indicator_id="pmks_welfare_improved_pct", period=2020,
              measure="realisation")
    assert (row["value"], row["value_raw"], row["source_line"]) == (49.23, "49,23%", 539)
    assert row["chosen_by"] == "inputs" and row["conflict"]
    assert row["chosen_detail"].startswith("numerator / denominator x 100: 266.787 (line 539) and 541.897 "
                                           "(line 539) give 49.23")
    assert row["chosen_detail"].endswith("not 49.20% (line 67)")
    assert row["other_values"] == "49.20% (line 67); 49.2% (lines 700;785;1019)"
    assert row["lines"] == "67;539;547;559;608;700;785;1019"
    # line 67's 49,20 is the printing the fraction does not fit (same_quantity), and also the average
    # of line 67 (group_average); line 1019's progress reads the 49,2 printing
    assert set(row["flag_ids"].split(";")) == {"lumajang_2020-L67-same_quantity-977271",
                                               "lumajang_2020-L67-group_average-e83ee7",
                                               "lumajang_2020-L1019-progress-d92630"}
    assert row["basis"] == "persons"


def test_sumenep_counts_persons_in_2018_and_households_in_2020(headline):
    sumenep = headline[headline["region"] == "Sumenep"]
    # Line 150: "243.077 jiwa" (persons) in 2018. Line 272: "197.465 KK" (households) in 2020, the
    # figure the tables print as "197.465 org" (lines 265, 312, 329).
    pmks_2018 = one(sumenep, indicator_id="pmks_total", period=2018, measure="realisation")
    assert (pmks_2018["value"], pmks_2018["value_raw"], pmks_2018["source_line"]) == (243077, "243.077 jiwa", 150)
    assert (pmks_2018["basis"], pmks_2018["basis_lines"]) == ("persons", "150")
    pmks_2020 = one(sumenep, indicator_id="pmks_total", period=2020, measure="realisation")
    assert (pmks_2020["value"], pmks_2020["value_raw"], pmks_2020["lines"]) == (197465, "197.465 org", "265;312;329")
    assert (pmks_2020["basis"], pmks_2020["basis_lines"]) == ("households", "272")
    assert pmks_2018["basis_change"] and pmks_2020["basis_change"]
    # The share handled changes basis with it: 64.261 of 243.077 jiwa, 145.086 of 197.465 KK.
    share = sumenep[(sumenep["indicator_id"] == "pmks_reached_pct") & (sumenep["measure"] == "realisation")]
    assert share.set_index("period")["basis"].to_dict() == {2018: "persons", 2020: "households"}
    assert share["basis_change"].all()
    # A series on one basis says so: Lumajang counts persons in both years.
    assert not headline[headline["region"] == "Lumajang"]["basis_change"].any()


def test_the_main_performance_table_decides_when_inputs_do_not(headline):
    # Kota Pasuruan prints the 2022 target 90 % in Tabel 2.1 (Renstra, line 273), 2.3 (Renja, 301),
    # 2.4 (Perjanjian Kinerja, 314), 3.2 (its measurement, 466), ...: the agreement's is chosen.
    row = one(headline, region="Pasuruan", indicator_id="pmks_reached_pct", period=2022, measure="target")
    assert (row["value"], row["source_line"], row["table_id"], row["chosen_by"]) == (90, 314, "T0313", "main_table")
    assert row["n_printings"] == 7 and not row["conflict"]
    realised = one(headline, region="Pasuruan", indicator_id="pmks_reached_pct", period=2022, measure="realisation")
    assert (realised["source_line"], realised["chosen_by"]) == (466, "main_table")  # Tabel 3.2
    assert realised["basis"] == "households"  # line 555: 20.429 KPM


def test_most_frequent_value_when_inputs_fit_both_printings(headline):
    # Lumajang's 2019 PSKS achievement: 100,77 (lines 702, 1020) against the target 76, 95,73 (786)
    # against the target 80: both fit their own target, so the more frequent wins.
    row = one(headline, region="Lumajang", indicator_id="psks_participation_pct", period=2019,
              measure="achievement_pct")
    assert (row["value"], row["source_line"], row["chosen_by"]) == (100.77, 702, "most_frequent")
    assert row["conflict"] and row["other_values"] == "95.73% (line 786)"


def test_a_printed_value_outranks_a_missing_printing(headline):
    row = one(headline, region="Lumajang", indicator_id="pmks_welfare_improved_pct", period=2019, measure="target")
    assert (row["value"], row["source_line"], row["chosen_by"]) == (15.87, 785, "only_printing")
    assert row["other_values"] == "Belum dilakukan pengukuran berdasarkan outcome (line 700)"
    assert not row["conflict"]


def test_one_row_per_key_and_every_canonical_printing_in_exactly_one_row(built, headline):
    key = list(DATASETS["headline_indicators"].key)
    assert not headline.duplicated(key).any()
    indicators = built.frames["indicators"]
    canonical = indicators[~indicators["indicator_id"].isin(ids_with_role("generic", "average"))]
    listed = headline["value_ids"].str.split(";").explode()
    assert not listed.duplicated().any()
    assert set(listed) == set(canonical["value_id"]) and len(listed) == len(canonical) == 255
    assert headline["n_printings"].sum() == len(canonical)
    # The chosen printing is one of the row's printings, and carries the row's value.
    chosen = headline.merge(indicators, on="value_id", suffixes=("", "_printed"))
    assert len(chosen) == len(headline)
    assert (chosen["source_line"] == chosen["source_line_printed"]).all()
    assert chosen["value"].fillna(-1).eq(chosen["value_printed"].fillna(-1)).all()
    assert len(headline) == 147 and headline["conflict"].sum() == 6


def test_comparable_and_caveat_come_from_indicators_yaml(headline):
    ref = reference().set_index("indicator_id")
    assert not ref.loc["pmks_reached_pct", "comparable"]
    assert ref.loc["poverty_rate_pct", "comparable"]
    assert (headline["comparable"] == headline["indicator_id"].map(ref["comparable"])).all()
    poverty = one(headline, region="Sumenep", indicator_id="poverty_rate_pct", period=2020, measure="realisation")
    assert poverty["comparable"] and poverty["caveat"].startswith("The BPS figure as a report quotes it")


def test_each_report_s_own_definition_comes_from_its_recipe(headline):
    reached = headline[(headline["indicator_id"] == "pmks_reached_pct") & (headline["measure"] == "realisation")
                       & (headline["period"] == 2020)].set_index("region")["report_definition"]
    assert reached["Blitar"] == "Counts only PMKS helped from the district budget (APBD)."
    assert reached["Sumenep"].startswith("Counts households reached by empowerment and BPNT (145.086 of 197.465 KK)")
    # the caveat is the same for every region and names none
    caveats = headline.loc[headline["indicator_id"] == "pmks_reached_pct", "caveat"].unique()
    assert len(caveats) == 1 and "not comparable across regions" in caveats[0]


def test_an_id_without_comparable_is_refused_with_its_line(monkeypatch):
    from lkjip_analysis.reference import indicators

    monkeypatch.setattr(indicators, "_text", lambda: "a:\n  name: n\n  definition: d\n  unit: percent\n"
                                                    "  direction: higher\n")
    indicators._entries.cache_clear()
    try:
        with pytest.raises(LkjipError, match=r"indicators\.yaml:1: a: needs comparable: true\|false"):
            indicators.known_ids()
    finally:
        monkeypatch.undo()
        indicators._entries.cache_clear()


def _synthetic(target_origin):
    """One realisation printed three times: 10,0 (line 5) and 10,5 twice (lines 9, 12)."""
    columns = DATASETS["indicators"].columns
    base = {"region": "X", "report_year": 2020, "source_file": "x.txt", "origin": "table", "level": "objective",
            "objective": "o", "indicator": "i", "indicator_id": "pmks_reached_pct", "period": 2020,
            "unit": "percent", "missing_reason": None}
    rows = [
        {**base, "value_id": "x-L5-t", "source_line": 5, "table_id": "T0005", "measure": "target", "value": 10.0,
         "value_raw": "10 %", "target_origin": target_origin},
        {**base, "value_id": "x-L5-r", "source_line": 5, "table_id": "T0005", "measure": "realisation",
         "value": 10.0, "value_raw": "10,0", "target_origin": None},
        *[{**base, "value_id": f"x-L{line}-r", "source_line": line, "table_id": f"T{line:04d}",
           "measure": "realisation", "value": 10.5, "value_raw": "10,5", "target_origin": None} for line in (9, 12)],
    ]
    tables = pd.DataFrame([{"region": "X", "report_year": 2020, "source_file": "x.txt", "source_line": line,
                            "table_id": f"T{line:04d}", "kind": "tsv", "first_line": line, "last_line": line,
                            "n_rows": 1, "n_cols": 3} for line in (5, 9, 12)],
                          columns=DATASETS["tables"].columns)
    flags = pd.DataFrame(columns=DATASETS["quality_flags"].columns)
    frames = {"indicators": pd.DataFrame(rows, columns=columns), "tables": tables, "quality_flags": flags}
    return one(headline_indicators(frames), measure="realisation")


def test_synthetic_main_table_outranks_frequency():
    row = _synthetic("Perjanjian Kinerja")  # table T0005 holds the agreement's target
    assert (row["value"], row["source_line"], row["chosen_by"]) == (10.0, 5, "main_table")
    assert row["conflict"] and row["other_values"] == "10.5% (lines 9;12)"


def test_synthetic_most_frequent_without_a_main_table():
    row = _synthetic("Renstra")
    assert (row["value"], row["source_line"], row["chosen_by"]) == (10.5, 9, "most_frequent")
    assert row["other_values"] == "10.0% (line 5)" and row["conflict"]
    assert pd.isna(row["basis"])  # a share with no counts printed, and a percent definition: nothing says


def test_series_is_a_region_by_year_table():
    table = series("pmks_reached_pct")
    assert table.loc["Blitar", 2020] == 5.9  # the chosen printing, not line 83's 5.97
    assert table.loc["Lumajang", 2020] == 78.76 and table.loc["Sumenep", 2018] == 26.44
    assert table.loc["Pasuruan", 2022] == 98.2 and pd.isna(table.loc["Lumajang", 2018])
    assert list(table.columns) == list(range(2015, 2023))
    assert table.attrs["comparable"] is False and table.attrs["unit"] == "percent"
    targets = series("pmks_reached_pct", "target")
    assert targets.loc["Pasuruan", 2026] == 99 and targets.loc["Sumenep", 2020] == 4.4


def test_series_refuses_an_unknown_id_or_measure_with_the_valid_ones():
    with pytest.raises(LkjipError, match=r"no headline indicator 'pmks_reach'; valid ids: .*pmks_reached_pct"):
        series("pmks_reach")
    with pytest.raises(LkjipError, match=r"poverty_rate_pct has no measure 'numerator'; it has target, "
                                         r"realisation, achievement_pct"):
        series("poverty_rate_pct", "numerator")


def _printed(rows):
    """indicators, tables and (no) quality_flags frames holding ``rows``: printings of Blitar-like realisations."""
    base = {"region": "X", "report_year": 2020, "source_file": "x.txt", "origin": "table", "level": "objective",
            "objective": "o", "indicator": "i", "indicator_id": "pmks_reached_pct", "period": 2020,
            "measure": "realisation", "unit": "percent", "missing_reason": None, "target_origin": None}
    rows = [{**base, "value_id": f"{r.get('source_file', 'x')}-L{r['source_line']}", "table_id": "T0001", **r}
            for r in rows]
    tables = pd.DataFrame([{"region": "X", "report_year": 2020, "source_file": file, "source_line": 1,
                            "table_id": "T0001", "kind": "tsv", "first_line": 1, "last_line": 1, "n_rows": 1,
                            "n_cols": 3} for file in sorted({r["source_file"] for r in rows})],
                          columns=DATASETS["tables"].columns)
    return {"indicators": pd.DataFrame(rows, columns=DATASETS["indicators"].columns), "tables": tables,
            "quality_flags": pd.DataFrame(columns=DATASETS["quality_flags"].columns)}


def test_a_figure_printed_in_two_units_is_refused_with_its_lines():
    frames = _printed([{"source_line": 5, "value": 10.0, "value_raw": "10 %"},
                       {"source_line": 9, "value": 10.0, "value_raw": "10 orang", "unit": "persons"}])
    with pytest.raises(LkjipError, match=r"x\.txt: pmks_reached_pct realisation 2020 is printed in different "
                                         r"units \(lines 5;9\): fix the recipe's unit"):
        headline_indicators(frames)


def test_two_reports_of_one_region_and_year_are_refused():
    # Two files for region X both give its 2020 realisation: two headline rows would share a key.
    frames = _printed([{"source_line": 5, "value": 10.0, "value_raw": "10 %"},
                       {"source_line": 7, "value": 11.0, "value_raw": "11 %", "source_file": "y.txt"}])
    with pytest.raises(LkjipError, match=r"x\.txt:5: two headline rows for \{'region': 'X', 'indicator_id': "
                                         r"'pmks_reached_pct', 'period': 2020, 'measure': 'realisation'\}"):
        headline_indicators(frames)
