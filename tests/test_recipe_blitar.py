"""Blitar 2020 in the tidy files: real values with the line they are printed on."""


import pytest

from conftest import frames_of, one

SRC = "blitar_2020.txt"


@pytest.fixture(scope="module")
def frames(built):
    return frames_of(built, SRC)


INDICATORS = [
    # line, table, indicator_id, period, measure, value, unit
    (59, "T0057", "pmks_reached_pct", 2020, "target", 5, "percent"),
    (83, "T0081", "pmks_reached_pct", 2020, "realisation", 5.97, "percent"),
    (83, "T0081", "pmks_reached_pct", 2020, "achievement_pct", 118, "percent"),
    (84, "T0081", "psks_participation_pct", 2020, "realisation", 20, "percent"),
    (182, "T0179", "pmks_handled", 2015, "realisation", 1586, "persons"),
    (182, "T0179", "pmks_handled", 2020, "realisation", 8501, "persons"),
    (183, "T0179", "pmks_assisted", 2017, "realisation", 5290, "persons"),
    (188, "T0179", "psks_participating", 2017, "realisation", 14302, "persons"),
    (199, "T0197", "pmks_reached_pct", 2018, "realisation", 2.54, "percent"),
    (199, "T0197", "pmks_reached_pct", 2020, "realisation", 5.90, "percent"),
    (244, "T0241", "pmks_receiving_aid_pct", None, "end_target", 22.02, "percent"),
    (244, "T0241", "pmks_receiving_aid_pct", 2020, "progress_pct", 132, "percent"),
    (243, "T0241", "social_facilities", 2020, "realisation", 27, "orphanages"),
    (334, "T0331", "pmks_reached_pct", 2020, "realisation", 5.90, "percent"),
]


@pytest.mark.parametrize("line,table,indicator_id,period,measure,value,unit", INDICATORS)
def test_indicators(frames, line, table, indicator_id, period, measure, value, unit):
    ind = frames["indicators"]
    rows = ind[(ind["source_line"] == line) & (ind["table_id"] == table) & (ind["indicator_id"] == indicator_id)
               & (ind["measure"] == measure)]
    rows = rows[rows["period"].isna()] if period is None else rows[rows["period"] == period]
    assert len(rows) == 1
    assert rows.iloc[0]["value"] == pytest.approx(value)
    assert rows.iloc[0]["unit"] == unit


def test_series_target_has_no_year_and_the_agreement_has_its_origin(frames):
    ind = frames["indicators"]
    target = one(ind, source_line=182, measure="target")
    assert target["value"] == 1170 and target["value_raw"] == "1.170 Orang"
    assert one(ind, source_line=59, measure="target")["target_origin"] == "Perjanjian Kinerja"


def test_pmks_by_type(frames):
    pmks = frames["pmks_by_type"]
    assert one(pmks, category="assisted", pmks_type="Keluarga Fakir Miskin", period=2018,
               measure="target")[["value", "source_line", "value_raw"]].tolist() == [12914, 265, "12.914"]
    assert one(pmks, category="assisted", pmks_type="Korban bencana alam", period=2020,
               measure="realisation")["value"] == 17300
    na = one(pmks, category="assisted", pmks_type="Anak dan Lansia penghuni panti", period=2015, measure="target")
    assert na["missing_reason"] == "not available" and na["value_raw"] == "n/a*" and na["source_line"] == 266
    handled = one(pmks, category="handled", pmks_type="Keluarga fakir miskin", period=2020, measure="target")
    assert (handled["value"], handled["source_line"], handled["unit"]) == (134416, 285, "persons")
    assert len(pmks) == 12 * 12  # 5 + 7 types x 6 years x target/realisation, nothing dropped


def test_social_assistance_table_and_sentences(frames):
    aid = frames["social_assistance"]
    bpnt = one(aid, table_id="T0111", programme_id="BPNT", measure="beneficiaries")
    assert (bpnt["value"], bpnt["source_line"], bpnt["funding_source"]) == (1047919, 116, "APBN")
    pos2 = aid[(aid["table_id"] == "T0111") & (aid["programme_id"] == "BST PT Pos II")]
    assert set(pos2["source_line"]) == {121} and pos2["programme"].iloc[0] == "APBN – BST yang disalurkan PT.Pos (II)"
    total = one(aid, table_id="N0150", measure="total")
    assert (total["value"], total["source_line"], total["origin"]) == (2885400000, 150, "narrative")
    per = one(aid, table_id="N0146", measure="amount_per_beneficiary")
    assert (per["value"], per["unit"]) == (600000, "rupiah")
    pkh = one(aid, table_id="P0141", measure="total")
    assert (pkh["value"], pkh["programme_id"], pkh["origin"]) == (156582807000, "PKH", "narrative")
    assert one(aid, table_id="P0141", measure="beneficiaries")["value"] == 45396


def test_budget(frames):
    budget = frames["budget"]
    total = one(budget, table_id="T0381", name="Belanja", measure="over_under")
    assert (total["value"], total["source_line"]) == (-308284117.25, 382)
    silpa = one(budget, table_id="T0381", name="SILPA", measure="budget")
    assert silpa["value"] == -6579168248 and silpa["level"] == "balance"
    pegawai = one(budget, table_id="T0381", name="Belanja Pegawai", measure="realised")
    assert (pegawai["value"], pegawai["parent"], pegawai["level"]) == (3568689764, "Belanja Operasi", "spending_type")
    assert one(budget, table_id="T0381", name="Belanja Modal", measure="budget")["parent"] == "Belanja"
    share = one(budget, table_id="T0299", name="Meningkatnya kesejahteraan PMKS", measure="share_of_total_pct")
    assert (share["value"], share["source_line"]) == (64.5, 301)


def test_efficiency_and_rating_scale(frames):
    eff = frames["efficiency"]
    assert one(eff, source_line=361, measure="efficiency_pct")["value"] == 26.33
    assert one(eff, source_line=362, measure="absorption_pct")["value"] == 87.42
    scale = frames["rating_scales"]
    first = one(scale, rank=1)
    assert (first["label"], first["lower"], first["upper"], first["source_line"]) == ("D - TIDAK BAIK", 25, 43.75, 342)
    assert one(scale, rank=4)["upper"] == 100


def test_tables_catalogue_says_where_each_table_went(frames):
    tables = frames["tables"].set_index("table_id")
    assert tables.loc["T0111", "destination"] == "social_assistance.csv"
    assert tables.loc["T0331", "destination"] == "budget.csv;indicators.csv"
    assert tables.loc["T0092", "excluded_because"] == "copy of T0081"
    assert tables.loc["T0092", "copy_of"] == "T0081"
    assert tables["destination"].notna().sum() + tables["excluded_because"].notna().sum() == len(tables) == 27
