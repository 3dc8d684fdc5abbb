"""Indonesian number parsing: every case the reports print, and round trips."""

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from lkjip_analysis.text.numbers import (
    AMBIGUOUS,
    DASH,
    EMPTY,
    EXPRESSION,
    MALFORMED,
    NOT_AVAILABLE,
    SEVERAL,
    TEXT,
    parse_id_number,
)

# (text as printed, column kind, value, unit) - the comment names where it is printed.
PARSED = [
    ("1.047.919", "count", 1047919, None),  # Blitar 116
    ("1.047.919", "auto", 1047919, None),  # repeated separator: unambiguous
    ("28.854", "count", 28854, None),  # Blitar 113
    ("1.170 Orang", "auto", 1170, "persons"),  # Blitar 182
    ("100.606 org", "auto", 100606, "persons"),  # Sumenep 265
    ("197,465", "count", 197465, None),  # Sumenep 329 (English thousands)
    ("197.465 org", "auto", 197465, "persons"),  # Sumenep 265
    ("5,97%", "auto", 5.97, "percent"),
    ("5.97%", "auto", 5.97, "percent"),  # Blitar 83
    ("64.5 %", "auto", 64.5, "percent"),  # Blitar 301
    ("91.67 %", "auto", 91.67, "percent"),  # Blitar 334
    ("1.532,66", "auto", 1532.66, None),  # Sumenep 311
    ("0,50%", "auto", 0.5, "percent"),  # Sumenep 213
    ("Rp. 6.579.168.248,00", "auto", 6579168248.0, "rupiah"),  # Blitar 374 (prose)
    ("Rp 2.206.660.364,-", "auto", 2206660364, "rupiah"),  # Lumajang 434
    ("Rp24.055.295.545", "auto", 24055295545, "rupiah"),  # Pasuruan 632
    ("Rp. 21.395.652.799", "auto", 21395652799, "rupiah"),  # Pasuruan 409
    ("6.579.168.248,00", "rupiah", 6579168248.0, "rupiah"),  # Blitar 382
    ("(308.284.117,25)", "rupiah", -308284117.25, "rupiah"),  # Blitar 382
    ("(66.092.627,00)", "auto", -66092627.0, None),  # Blitar 384
    ("7.362.000,00,-", "auto", 7362000, "rupiah"),  # Lumajang 977: ",00,-"
    ("758.859.800,-", "auto", 758859800, "rupiah"),  # Lumajang 965
    ("<b>23.319.682.577,00</b>", "rupiah", 23319682577.0, "rupiah"),  # Sumenep 352
    ("12.914", "count", 12914, None),  # Blitar 265
    ("1.000", "count", 1000, None),  # Blitar 262
    ("12.914", "percent", 12.914, "percent"),  # the kind decides
    ("29,42", "auto", 29.42, None),  # Lumajang 699: two decimals cannot be thousands
    ("29,42", "percent", 29.42, "percent"),
    ("49,2", "auto", 49.2, None),  # Lumajang 700
    ("95.31", "auto", 95.31, None),  # Blitar 382
    ("118%", "auto", 118, "percent"),  # Blitar 83
    ("1569,77%", "auto", 1569.77, "percent"),  # Sumenep 264
    ("-42,89%", "auto", -42.89, "percent"),  # Sumenep 329
    ("27 PA", "auto", 27, "orphanages"),  # Blitar 243
    ("1.000 m2", "auto", 1000, "square metres"),  # Pasuruan 404
    ("3.000 Ruta", "auto", 3000, "households"),  # Pasuruan 381
    ("1.020 KPM", "auto", 1020, "beneficiary households"),  # Pasuruan 392
    ("11 anak", "auto", 11, "children"),  # Pasuruan 355
    ("2021", "auto", 2021, None),
    ("0", "auto", 0, None),
    ("1.", "auto", 1, None),  # a numbered label, Lumajang 422
]


@pytest.mark.parametrize("text,kind,value,unit", PARSED)
def test_parses_printed_numbers(text, kind, value, unit):
    parsed = parse_id_number(text, kind)
    assert parsed.missing is None, parsed
    assert parsed.value == pytest.approx(value)
    assert parsed.unit == unit
    assert parsed.raw == text


MISSING = [
    ("n/a*", NOT_AVAILABLE),  # Blitar 188
    ("N/A", NOT_AVAILABLE),
    ("-", DASH),  # Lumajang 220
    ("\u2013", DASH),
    ("", EMPTY),
    ("   ", EMPTY),
    (None, EMPTY),
    ("Rp91-.160.954", MALFORMED),  # Pasuruan 634
    ("Rp. 36.0509.030", MALFORMED),  # Pasuruan 410
    ("36.0509.030", MALFORMED),
    ("12.914", AMBIGUOUS),  # no kind, no unit: not guessed
    ("197,465", AMBIGUOUS),
    ("Belum dilakukan pengukuran berdasarkan outcome", TEXT),  # Lumajang 700
    ("426794/5 41897* 100%", EXPRESSION),  # Lumajang 631
    ("49,18 +36,57/ 2=42,87", EXPRESSION),  # Lumajang 765
    ("$91 \\leq 100$", EXPRESSION),  # Pasuruan 448
    ("25 \u2013 43.75", EXPRESSION),  # Blitar 342
    ("950.071.800,- 279.916.840,- 225.000.000,-", SEVERAL),  # Sumenep 191
]


@pytest.mark.parametrize("text,reason", MISSING)
def test_missing_values_keep_a_reason_and_the_raw_text(text, reason):
    parsed = parse_id_number(text)
    assert parsed.value is None
    assert parsed.missing == reason
    assert parsed.raw == (text or "")


def test_parentheses_are_negative_unless_the_caller_knows_better():
    # Lumajang 993 prints its grand total in parentheses in a budget column.
    as_printed = parse_id_number("(5.085.713.014,-)", "rupiah")
    assert as_printed.value == -5085713014 and as_printed.parenthesized
    total = parse_id_number("(5.085.713.014,-)", "rupiah", parens="positive")
    assert total.value == 5085713014 and total.parenthesized
    assert parse_id_number("Rp.(5.085.713.014,00)", parens="positive").value == 5085713014


def test_origin_note_in_parentheses_is_kept():
    parsed = parse_id_number("17,46% (RPJMD)")  # Lumajang 608
    assert (parsed.value, parsed.unit, parsed.note) == (17.46, "percent", "RPJMD")
    assert parse_id_number("29,42 (Renstra)").note == "Renstra"  # Lumajang 597


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="unknown number kind 'money'"):
        parse_id_number("1", "money")
    with pytest.raises(ValueError, match="parens"):
        parse_id_number("1", parens="maybe")


# --- round trips: format numbers the way the reports do and read them back ----------

def id_thousands(n: int, sep: str = ".") -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=0, max_value=10**13))
def test_counts_round_trip(n):
    assert parse_id_number(id_thousands(n), "count").value == n
    assert parse_id_number(f"{id_thousands(n)} Orang").value == n
    assert parse_id_number(id_thousands(n, ","), "count").value == n  # "197,465"


@given(st.integers(min_value=0, max_value=10**13), st.integers(min_value=0, max_value=99),
       st.sampled_from(["Rp. ", "Rp ", "Rp", ""]), st.sampled_from([",{:02d}", ",-", ",{:02d},-"]))
def test_rupiah_round_trip(whole, cents, prefix, tail):
    text = prefix + id_thousands(whole) + tail.format(cents)
    expected = Decimal(whole) + (Decimal(cents) / 100 if "{" in tail else 0)
    parsed = parse_id_number(text, "rupiah")
    assert parsed.unit == "rupiah"
    assert Decimal(str(parsed.value)) == expected


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_negative_rupiah_in_parentheses_round_trip(whole, cents):
    text = f"({id_thousands(whole)},{cents:02d})"
    assert Decimal(str(parse_id_number(text, "rupiah").value)) == -(Decimal(whole) + Decimal(cents) / 100)


@given(st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([",", "."]), st.sampled_from(["%", " %", ""]))
def test_percentages_round_trip_with_either_decimal_separator(value, sep, suffix):
    whole, frac = f"{value:.2f}".split(".")
    text = f"{whole}{sep}{frac}{suffix}"
    parsed = parse_id_number(text, "percent")
    assert Decimal(str(parsed.value)) == value
    assert parsed.unit == "percent"


@given(st.decimals(min_value=1000, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_indonesian_decimals_with_thousands_round_trip(value):
    whole, frac = f"{value:.2f}".split(".")
    text = f"{id_thousands(int(whole))},{frac}"  # "1.532,66"
    assert Decimal(str(parse_id_number(text).value)) == value


@given(st.text(max_size=40))
def test_never_raises_on_arbitrary_text(text):
    parsed = parse_id_number(text)
    assert (parsed.value is None) == (parsed.missing is not None)
