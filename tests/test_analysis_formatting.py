"""Formatting for people and checked parameters (the analysis layer's foundations)."""

import pandas as pd
import pytest

from lkjip_analysis.analysis.formatting import axis_title, format_number, format_percent, format_rupiah, format_value
from lkjip_analysis.analysis.parameters import ParameterError, choose, choose_many, year_range


@pytest.mark.parametrize("value, text", [
    (6579168248, "Rp 6,58 miliar"),        # a budget in the billions
    (209583800000, "Rp 209,58 miliar"),    # blitar_2020.txt line 143: 1.047.919 KPM x Rp 200.000
    (1.2e12, "Rp 1,20 triliun"),
    (7362000, "Rp 7,36 juta"),
    (200000, "Rp 200.000"),                # an amount per KPM stays whole
    (-308284117.25, "-Rp 308,28 juta"),    # Blitar's over/under column prints negatives
    (None, "\u2013"), (pd.NA, "\u2013"), (float("nan"), "\u2013"),
])
def test_rupiah_in_readable_units(value, text):
    assert format_rupiah(value) == text


@pytest.mark.parametrize("value, printed, text", [
    (5.9, "5.90%", "5,90 %"),      # blitar_2020.txt line 199 prints two decimals
    (5.97, "5.97%", "5,97 %"),     # line 83
    (118.0, "118 %", "118 %"),     # line 334: no decimals printed, none shown
    (49.2, "49,2", "49,2 %"),      # lumajang_2020.txt line 559
    (78.76, None, "78,76 %"),
    (20.0, None, "20 %"),
])
def test_percent_keeps_the_printed_precision(value, printed, text):
    assert format_percent(value, printed) == text


def test_counts_and_units():
    assert format_number(1047919) == "1.047.919"
    assert format_value(197465, "persons", "197.465 org") == "197.465 persons"
    assert format_value(6579168248, "rupiah") == "Rp 6,58 miliar"
    assert format_value(5.97, "percent", "5.97%") == "5,97 %"
    assert axis_title("PMKS reached", "percent") == "PMKS reached (%)"
    assert axis_title("Beneficiaries", "households") == "Beneficiaries (households)"


def test_an_unknown_choice_lists_the_valid_ones():
    regions = ["Blitar", "Lumajang", "Pasuruan", "Sumenep"]
    assert choose("region", "Sumenep", regions) == "Sumenep"
    with pytest.raises(ParameterError) as info:
        choose("region", "Atlantis", regions)
    assert str(info.value) == ("region='Atlantis' is not a valid choice; choose one of: "
                               "Blitar, Lumajang, Pasuruan, Sumenep")


def test_lists_accept_all_one_or_several():
    regions = ["Blitar", "Lumajang"]
    assert choose_many("regions", "all", regions) == regions
    assert choose_many("regions", None, regions) == regions
    assert choose_many("regions", "Blitar", regions) == ["Blitar"]
    with pytest.raises(ParameterError, match=r"'Atlantis' is not a valid choice; choose from: Blitar, Lumajang"):
        choose_many("regions", ["Blitar", "Atlantis"], regions)
    with pytest.raises(ParameterError, match="nothing is not a valid choice"):
        choose_many("regions", [], regions)


def test_year_ranges_must_hold_data():
    years = [2015, 2016, 2020]
    assert year_range("years", None, years) == (2015, 2020)
    assert year_range("years", (2016, 2030), years) == (2016, 2030)
    with pytest.raises(ParameterError, match=r"holds no data; the data covers 2015-2020 \(years 2015, 2016, 2020\)"):
        year_range("years", (2021, 2025), years)
    with pytest.raises(ParameterError, match="must be two years"):
        year_range("years", "2020", years)
    with pytest.raises(ParameterError, match="holds no data"):
        year_range("years", (2020, 2015), years)


def test_other_printings_are_shown_with_indonesian_separators_and_their_decimals():
    # headline_indicators.csv keeps readings machine-readable; people read them as the reports print
    from lkjip_analysis.analysis.formatting import format_other_printings

    assert format_other_printings("49.20% (line 67); 49.2% (lines 700;785;1019)") == \
        "49,20 % (line 67); 49,2 % (lines 700;785;1019)"  # Lumajang's share, lumajang_2020.txt line 67
    assert format_other_printings("541887 (line 788)") == "541.887 (line 788)"  # lumajang_2020.txt line 788
    assert format_other_printings("Belum dilakukan pengukuran berdasarkan outcome (line 700)") == \
        "Belum dilakukan pengukuran berdasarkan outcome (line 700)"
    assert format_other_printings(None) == "\u2013"
