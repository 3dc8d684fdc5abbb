"""notebooks/budget_efficiency.ipynb runs with papermill and shows the numbers with their lines."""

from notebook_runs import chart_rows, charts_of, run, run_failure, svg_count, text_of


def test_defaults_show_absorption_totals_and_pasuruans_own_efficiency():
    nb = run("budget_efficiency")
    text = text_of(nb, one_rendering=True)
    assert "**Blitar**: the report prints no programme-level budget" in text
    assert "98,20 %" in text and "98,82 %" in text  # lumajang_2020.txt line 931 against the recomputation
    assert "pasuruan_2022.txt line 580" in text and "67,5 %" in text and "32,07 %" in text
    assert "**the report defines efficiency otherwise**" in text
    assert "lumajang_2020-L931-absorption-23a0a9" in text
    # tables for people: no row numbers, no text cut at 50 characters (a plain DataFrame's HTML has both)
    assert "<th>0</th>" not in text and "...</td>" not in text and 'class="row_heading' not in text
    # the chart in miliar, its tooltip with the exact amount: lumajang_2020.txt line 931, "Rp. 172.930.000"
    rows = [r for spec in charts_of(nb) for r in chart_rows(spec)]
    realised = [r for r in rows if r.get("source") == "lumajang_2020.txt line 931"]
    assert [(r["label"], r["amount"]) for r in realised] == [("Rp 172,93 juta", "Rp 172.930.000")]


def test_one_region_at_activity_level():
    text = text_of(run("budget_efficiency", region="Lumajang", level="activity"), one_rendering=True)
    # lumajang_2020.txt line 980: 30.188.500 / 35.025.000 = 86,19 %
    assert "Rp 35,02 juta" in text and "86,19 %" in text
    assert "lumajang_2020.txt line 993" in text  # the office total


def test_unknown_region_fails_before_any_chart():
    error, partial = run_failure("budget_efficiency", region="Atlantis")
    assert "choose one of: all, Blitar, Lumajang, Pasuruan, Sumenep" in str(error)
    assert svg_count(partial) == 0
