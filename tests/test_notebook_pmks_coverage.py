"""notebooks/pmks_coverage.ipynb run with papermill: its defaults, one region, and a bad region."""

from notebook_runs import run, run_failure, svg_count, text_of


def test_defaults_show_every_region_with_lines():
    text = text_of(run("pmks_coverage"), charts=True)
    # Lumajang's 2020 realisation, chosen printing line 67, printed on eight lines
    assert "78,76 %" in text
    assert "lumajang_2020.txt lines 67, 507, 519, 527, 597, 699, 784, 1018" in text
    assert "lumajang_2020.txt line 67" in text  # the chart's tooltip source
    # Blitar's disagreement: 5,90 used, 5.97 on line 83, settled by the 118 % achievement
    assert "5,90 % is used (blitar_2020.txt line 199); also printed 5,97 % (line 83)" in text
    assert "blitar_2020-L83-achievement-b1d33f" in text
    assert "never ranked on one axis" in text
    assert "persons in 2018 (sumenep_2020.txt line 150); households in 2020 (sumenep_2020.txt line 272)" in text
    assert "Kota Pasuruan (2020\u20132022)" in text and "Kabupaten Blitar (2015\u20132020)" in text


def test_one_region_and_years():
    nb = run("pmks_coverage", region="Sumenep", indicators=["pmks_reached_pct", "pmks_total"], years=[2020, 2020])
    text = text_of(nb, charts=True)
    assert "145.086 of 197.465 households (sumenep_2020.txt line 272) give 73,47 %" in text
    assert "197.465 households" in text and "1.569,77 %" in text
    assert "Kabupaten Blitar" not in text and "lumajang_2020.txt" not in text
    assert svg_count(nb) == 1


def test_unknown_region_fails_before_any_chart():
    error, partial = run_failure("pmks_coverage", region="Atlantis")
    assert "ParameterError" in type(error).__name__ + error.ename
    assert "Blitar, Lumajang, Pasuruan, Sumenep" in error.evalue
    assert svg_count(partial) == 0
