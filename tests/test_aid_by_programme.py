"""aid_by_programme.csv: each programme once, its basis, months and totals, every input value accounted for."""

import pandas as pd
import pytest

from lkjip_analysis.datasets.schema import AID_BY_PROGRAMME
from lkjip_analysis.errors import LkjipError
from lkjip_analysis.facts.aid import aid_by_programme, aid_programme_of, national_rules_of, values_not_used

from conftest import one

RULES = ["BPNT (Program Sembako)", "BST (Bantuan Sosial Tunai) stage I", "BST (Bantuan Sosial Tunai) stage II",
         "PKH ibu hamil", "PKH anak usia dini", "PKH disabilitas berat"]


@pytest.fixture(scope="module")
def aid(built):
    return built.frames["aid_by_programme"]


def test_blitar_bpnt_is_one_row_counted_as_household_months(aid):
    """Tabel 3.2 line 116 prints 1.047.919 under 'Realisasi (Orang)'; line 143 prints
    '1.047.919 KPM x Rp.200.000,- = Rp. 209.583.800.000,-'. One row, from the sentence."""
    blitar = aid[aid["region"] == "Blitar"]
    bpnt = one(blitar, programme_id="BPNT", year=2020)
    assert (bpnt["beneficiaries"], bpnt["beneficiaries_raw"], bpnt["source_line"], bpnt["table_id"]) == \
        (1047919, "1.047.919 KPM", 143, "N0143")
    assert bpnt["beneficiaries_basis"] == "household-months"
    assert bpnt["beneficiaries_unit"] == "beneficiary households"
    assert bpnt["lines"] == "116;143" and not bpnt["conflict"]
    assert bpnt["other_printings"].startswith("line 116 T0111: beneficiaries_target 1.047.919 (persons)")
    assert (bpnt["beneficiaries_target"], bpnt["achievement_pct"]) == (1047919, 100)  # from the table row
    assert (bpnt["amount_per_beneficiary"], bpnt["amount_per"], bpnt["amount_origin"]) == (200000, "month", "printed")
    assert pd.isna(bpnt["months"])  # the months are inside the count
    assert (bpnt["total_printed"], bpnt["total_value_id"]) == (209583800000, "blitar_2020-L143-235137e4")
    assert (bpnt["total_recomputed"], bpnt["total_difference"]) == (209583800000, 0)
    assert (bpnt["covid_response"], bpnt["funding_source"]) == ("expanded_2020", "APBN")
    assert "91% of the about 1,148,887 people" in bpnt["note"]  # BPS 2016: 113.510 poor = 9,88 %
    assert bpnt["value_ids"].split(";") == ["blitar_2020-L116-39b9a9db", "blitar_2020-L116-2f9f11e6",
                                           "blitar_2020-L116-0431d812", "blitar_2020-L143-8458c95b",
                                           "blitar_2020-L143-09129a4f", "blitar_2020-L143-235137e4"]
    # the plain sum over social_assistance doubles it; this file does not
    assert blitar.loc[blitar["programme_id"] == "BPNT", "beneficiaries"].sum() == 1047919


def test_blitar_bpnt_perluasan_total_reads_as_nine_months(aid):
    """Line 145: 17.977 KPM x Rp.200.000,- = Rp. 32.358.600.000,-, which is 9 x the product."""
    row = one(aid, region="Blitar", programme_id="BPNT Perluasan", year=2020)
    assert (row["source_line"], row["beneficiaries"], row["beneficiaries_basis"]) == (145, 17977, "households")
    assert (row["months"], row["months_origin"], row["amount_per"]) == (9, "printed total", "month")
    assert row["national_rule"] == "BPNT (Program Sembako)"  # 9 months, 2020-04..2020-12
    assert (row["total_printed"], row["total_recomputed"], row["total_difference"]) == (32358600000, 32358600000, 0)
    assert row["covid_response"] == "new_2020"
    assert row["flag_ids"] == "blitar_2020-L145-product-64aaa5"  # the audit's product check, explained by months
    assert "9 times count x amount: 9 months" in row["note"]


def test_blitar_bst_stages_use_their_own_national_rule(aid):
    pos1 = one(aid, region="Blitar", programme_id="BST PT Pos I", year=2020)
    assert (pos1["source_line"], pos1["national_rule"], pos1["national_amount"]) == \
        (148, "BST (Bantuan Sosial Tunai) stage I", 600000)
    assert pos1["beneficiaries_basis"] == "household-months" and pos1["lines"] == "120;148"
    # 117.641 x 600.000 = 70.584.600.000; the report prints 70.548.600.000 (flagged by the audit)
    assert (pos1["total_printed"], pos1["total_recomputed"], pos1["total_difference"]) == \
        (70548600000, 70584600000, -36000000)
    assert pos1["flag_ids"] == "blitar_2020-L148-product-3bbb9e"
    himbara2 = one(aid, region="Blitar", programme_id="BST Himbara II", year=2020)
    assert (himbara2["national_rule"], himbara2["amount_per_beneficiary"]) == ("BST (Bantuan Sosial Tunai) stage II",
                                                                               300000)
    assert himbara2["aid_programme_id"] == "BST" and himbara2["covid_response"] == "new_2020"


def test_blitar_pkh_table_row_chosen_total_from_the_prose(aid):
    """Line 115 (Tabel 3.2) and line 141 ('45.396 orang ... Rp. 156.582.807.000,-')."""
    pkh = one(aid, region="Blitar", programme_id="PKH", year=2020)
    assert (pkh["source_line"], pkh["beneficiaries"], pkh["beneficiaries_basis"]) == (115, 45396, "persons")
    assert (pkh["total_printed"], pkh["total_value_id"]) == (156582807000, "blitar_2020-L141-b2bbab9a")
    assert pd.isna(pkh["total_recomputed"])  # national PKH amounts are per component only
    assert "PKH ibu hamil" in pkh["note"] and pkh["lines"] == "115;141"


def test_provincial_and_unlisted_programmes(aid):
    suplemen = one(aid, region="Blitar", programme_id="Suplemen BPNT", year=2020)
    assert (suplemen["source_line"], suplemen["beneficiaries_basis"], suplemen["funding_source"]) == \
        (150, "households", "APBD Provinsi")
    assert pd.isna(suplemen["national_rule"]) and pd.isna(suplemen["total_recomputed"])
    apbd = one(aid, region="Blitar", programme_id="APBD (district programmes)", year=2020)
    assert (apbd["beneficiaries"], apbd["beneficiaries_target"], apbd["achievement_pct"]) == (8501, 7200, 118)
    assert pd.isna(apbd["covid_response"]) and "Not listed in aid_programmes.csv" in apbd["note"]


def test_sumenep_bpnt_counts_households_recomputed_over_the_rule_months(aid):
    """Line 276: '... Bantuan Pangan Non Tunai sebanyak 144.537 KK'."""
    row = one(aid, region="Sumenep", programme_id="BPNT", year=2020)
    assert (row["source_line"], row["beneficiaries"], row["beneficiaries_basis"]) == (276, 144537, "households")
    assert (row["amount_per_beneficiary"], row["amount_origin"], row["months"], row["months_origin"]) == \
        (200000, "national rule", 9, "national rule")
    assert row["total_recomputed"] == 144537 * 200000 * 9 and pd.isna(row["total_printed"])


def test_one_row_per_key_and_regions_without_aid_have_none(aid):
    assert not aid.duplicated(list(AID_BY_PROGRAMME.key)).any()
    assert aid.groupby("region", observed=True).size().to_dict() == {"Blitar": 11, "Sumenep": 8}


def test_every_social_assistance_value_is_used_or_listed(built, aid):
    sa = built.frames["social_assistance"]
    used = [v for ids in aid["value_ids"] for v in ids.split(";")]
    assert len(used) == len(set(used))  # no value in two rows
    not_used = values_not_used(sa)
    assert set(used) | set(not_used["value_id"]) == set(sa["value_id"])
    assert not set(used) & set(not_used["value_id"])
    # Pasuruan lines 586 and 588: households verified, eligible and proposed for aid, not aid received
    assert sorted(not_used["value_id"].str.split("-L").str[1].str[:3]) == ["586", "586", "588", "588"]
    assert set(not_used["measure"]) == {"households_verified", "households_eligible", "households_proposed"}


def test_an_unknown_measure_stops_the_build(built):
    frames = dict(built.frames)
    sa = frames["social_assistance"].copy()
    sa["measure"] = sa["measure"].astype(str)
    sa.loc[sa.index[0], "measure"] = "kpm_paid"
    frames["social_assistance"] = sa
    with pytest.raises(LkjipError, match="blitar_2020.txt:112: .*'kpm_paid' is neither used nor listed"):
        aid_by_programme(frames)


def test_programme_and_rule_matching():
    listed = ["BST", "BPNT Perluasan", "Suplemen BPNT", "BPNT", "PKH"]
    assert aid_programme_of("BST PT Pos II", listed) == "BST"
    assert aid_programme_of("BPNT Perluasan", listed) == "BPNT Perluasan"
    assert aid_programme_of("RTLH", listed) is None
    assert national_rules_of("BST Himbara II", RULES)[0] == ["BST (Bantuan Sosial Tunai) stage II"]
    assert national_rules_of("BPNT Perluasan", RULES)[0] == ["BPNT (Program Sembako)"]
    assert national_rules_of("Suplemen BPNT", RULES)[0] == []
    assert national_rules_of("PKH", RULES) == ([], RULES[3:])
    assert national_rules_of("PKH ibu hamil", RULES)[0] == ["PKH ibu hamil"]
    assert national_rules_of("BST", RULES) == ([], RULES[1:3])  # no stage named: no stage rule fits
