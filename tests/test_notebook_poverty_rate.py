"""notebooks/poverty_rate.ipynb run with papermill: its defaults, one region and years, a bad region."""

from notebook_runs import run, run_failure, svg_count, text_of


def test_defaults_show_sumenep_and_bps_agreeing():
    nb = run("poverty_rate")
    text = text_of(nb, charts=True)
    assert ("Kabupaten Sumenep's report and BPS agree on every year the report prints "
            "(2018: 20,16 %, 2019: 19,48 %, 2020: 20,18 %)") in text
    for line in ("sumenep_2020.txt line 297", "sumenep_2020.txt lines 251, 297",
                 "sumenep_2020.txt lines 230, 251, 297"):
        assert line in text
    assert "pewartapos.com/angka-kemiskinan-di-sumenep-capai-20620-ribu-jiwa" in text  # BPS 2018 and 2019
    assert "BPS, quoted by BPS (March 2020): trenggalekkab.bps.go.id" in text  # East Java's point in the chart
    assert "220.230 persons" in text and "197.465 households (sumenep_2020.txt line 272)" in text
    assert "so the target was missed" in text
    assert svg_count(nb) == 1


def test_one_region_and_years():
    text = text_of(run("poverty_rate", region="Blitar", years=[2015, 2021]), charts=True)
    assert "8,71 %" not in text  # Blitar's 2022 figure is outside the years asked for
    assert "In 2021, the last year with East Java's figure (11,40 %): Kabupaten Blitar 9,65 %" in text
    assert "The report of Kabupaten Blitar prints no poverty rate" in text
    assert "Kabupaten Sumenep" not in text


def test_unknown_region_fails_before_any_chart():
    error, partial = run_failure("poverty_rate", region="Atlantis")
    assert "Blitar, Lumajang, Pasuruan, Sumenep" in error.evalue
    assert svg_count(partial) == 0
