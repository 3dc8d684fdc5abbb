"""notebooks/covid_aid.ipynb runs with papermill and shows the numbers with their lines."""

from notebook_runs import chart_rows, charts_of, run, run_failure, svg_count, text_of


def test_defaults_show_blitars_bpnt_once_in_household_months_and_the_nine_months():
    nb = run("covid_aid")
    text = text_of(nb, one_rendering=True)
    assert "1.047.919 \u201cKPM\u201d (blitar_2020.txt line 143) counts household-months" in text
    assert "BPNT is printed on lines 116, 143 and shown once, from line 143" in text
    assert text.count("Blitar: BPNT (household-months)") == 2  # once in each table that lists it
    assert "is exactly 9 times its \u201cKPM x Rp\u201d product 17.977 x Rp 200.000 = Rp 3,60 miliar" in text
    assert "blitar_2020-L148-product-3bbb9e" in text and "blitar_2020.txt line 148" in text
    assert "**Lumajang**: the report prints **no aid table" in text
    # tables for people: no row numbers, no text cut at 50 characters (a plain DataFrame's HTML has both)
    assert "<th>0</th>" not in text and "...</td>" not in text and 'class="row_heading' not in text
    # the rupiah chart in miliar, its tooltip with the exact total: blitar_2020.txt line 143, Rp. 209.583.800.000,-
    totals = [r for spec in charts_of(nb) for r in chart_rows(spec) if "amount" in r]
    assert [(r["label"], r["amount"]) for r in totals if r["source"] == "blitar_2020.txt line 143"] == \
        [("Rp 209,58 miliar", "Rp 209.583.800.000")]


def test_one_region_without_aid_says_so():
    text = text_of(run("covid_aid", region="Pasuruan"), one_rendering=True)
    assert "the report covers 2022, not 2020" in text
    assert "4.587 KPM" in text and "households proposed" in text
    assert "No chart: the report of Pasuruan prints no aid counts for 2020." in text


def test_unknown_region_fails_before_any_chart():
    error, partial = run_failure("covid_aid", region="Atlantis")
    assert "choose one of: all, Blitar, Lumajang, Pasuruan, Sumenep" in str(error)
    assert svg_count(partial) == 0
