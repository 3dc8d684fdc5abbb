"""`lkjip briefs` end to end on the fixture notebooks (tests/fixtures/notebooks/), and its parts.

The fixtures: region_brief.ipynb (parameters region and report_year, prose, one Altair chart),
overview.ipynb (parameters years and label, one chart, a table) and failing.ipynb (its second
code cell raises on purpose). They are rendered once per session (conftest.fixture_briefs).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from lkjip_analysis import render as charts
from lkjip_analysis.briefs import plan
from lkjip_analysis.briefs.html import MAX_BYTES, brief_title
from lkjip_analysis.errors import LkjipError

from conftest import FIXTURE_NOTEBOOKS, render

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
# data/raw/sources.csv: one region brief per report
REGION_BRIEFS = ["region_brief_blitar_2020", "region_brief_lumajang_2020", "region_brief_pasuruan_2022",
                 "region_brief_sumenep_2020"]
REGIONS = "Blitar, Lumajang, Pasuruan, Sumenep"


def html_of(rendered, stem: str) -> str:
    return (rendered.out / f"{stem}.html").read_text(encoding="utf-8")


# -- the whole pipeline -------------------------------------------------------------------------

def test_failing_notebook_does_not_stop_the_others(fixture_briefs):
    out = fixture_briefs.out
    assert fixture_briefs.status == 1
    written = sorted(p.stem for p in out.glob("*.html") if p.name != "index.html")
    assert written == ["overview", *REGION_BRIEFS]
    assert not (out / "failing.html").exists()
    # papermill keeps the executed notebook up to the failing cell, for the reader of the index
    failed = nbformat.read(out / "failing.ipynb", as_version=4)
    assert failed.metadata.papermill.exception is True


def test_summary_names_the_failure_with_notebook_parameters_and_error(fixture_briefs):
    lines = [line for line in fixture_briefs.stderr.splitlines() if line.startswith("FAILED")]
    assert lines == [
        "FAILED failing.ipynb (region=Blitar): cell In[3] "
        '`raise ValueError(f"deliberate failure for the tests ({region})")`: '
        "ValueError: deliberate failure for the tests (Blitar)"
    ]
    assert "5 of 6 briefs written" in fixture_briefs.stderr


def test_index_links_every_brief_and_shows_the_failure(fixture_briefs):
    index = (fixture_briefs.out / "index.html").read_text(encoding="utf-8")
    for stem in ["overview", *REGION_BRIEFS]:
        assert f'<a href="{stem}.html">' in index
    assert index.count('class="ok"') == 5
    row = next(r for r in index.split("<tr>") if "failing.ipynb" in r)
    assert 'class="failed"' in row
    assert "ValueError: deliberate failure for the tests (Blitar)" in row
    assert "<code>region</code> = Blitar" in row
    assert '<a href="failing.ipynb">executed notebook</a>' in row
    assert "Fixture that fails on purpose" in row  # its title, read from the saved notebook
    # the region brief's parameters come from sources.csv
    sumenep = next(r for r in index.split("<tr>") if "region_brief_sumenep_2020.html" in r)
    assert "<code>region</code> = Sumenep<br><code>report_year</code> = 2020" in sumenep


def test_region_brief_runs_once_per_report_with_its_parameters(fixture_briefs):
    # The notebook reads data/raw/sources.csv by a relative path (cwd is the project root) and
    # prints the injected region and year.
    page = html_of(fixture_briefs, "region_brief_pasuruan_2022")
    assert "Pasuruan, report year 2022" in page
    assert "pasuruan_2020.txt" not in page and "pasuruan_2022.txt" in page
    assert "Dinas Sosial Kota Pasuruan" in page


def test_briefs_are_offline_small_and_show_no_code(fixture_briefs):
    for path in fixture_briefs.out.glob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert path.stat().st_size <= MAX_BYTES, path.name
        # nothing is loaded from the network: no external scripts, stylesheets or fonts
        assert not re.search(r"<script[^>]+src=", page, re.I), path.name
        assert not re.search(r"<link[^>]+href=[\"']?https?:", page, re.I), path.name
        assert not re.search(r"url\([\"']?https?:", page, re.I), path.name
        assert "use_offline_renderer" not in page, path.name  # inputs are excluded
    page = html_of(fixture_briefs, "region_brief_blitar_2020")
    assert page.count("window.vegaEmbed=") == 1  # the Vega bundle, once
    assert page.count("vegaEmbed('#lkjip-chart-") == 1  # one embed call per chart
    assert "blitar_2020.txt line 103" in page  # the tooltip's source, in the chart's data
    # every chart draws its numbers the Indonesian way ("1.000", "0,5"), as the tables print them
    assert page.count('"formatLocale":{"decimal":",","thousands":"."') == 1


def test_brief_header_names_title_parameters_and_date(fixture_briefs):
    page = html_of(fixture_briefs, "region_brief_lumajang_2020")
    assert "<title>Fixture region brief</title>" in page
    header = page.split('<header class="lkjip-brief-header">')[1].split("</header>")[0]
    assert "<dt>region</dt><dd>Lumajang</dd>" in header
    assert "<dt>report_year</dt><dd>2020</dd>" in header
    made = json.loads((fixture_briefs.out / "runs" / "region_brief_lumajang_2020.json").read_text())["made"]
    assert f'<time datetime="{made}">' in header
    assert "@page { size: A4" in page and "@media print" in page


def test_brief_kernels_keep_the_spec_and_skip_the_static_svg(fixture_briefs):
    # lkjip briefs sets render.BRIEF_ENVIRONMENT in its kernels: the chart keeps its spec, which the
    # brief draws, and leaves out the SVG only JupyterLab shows (the notebook tests run without it
    # and check the SVG is there).
    nb = nbformat.read(fixture_briefs.out / "region_brief_blitar_2020.ipynb", as_version=4)
    outputs = [o.get("data", {}) for c in nb.cells for o in c.get("outputs", [])]
    assert sum(charts.CHART_MIMETYPE in data for data in outputs) == 1
    assert not any("image/svg+xml" in data for data in outputs)
    assert "vegaEmbed('#lkjip-chart-1'" in html_of(fixture_briefs, "region_brief_blitar_2020")
    assert charts.BRIEF_ENVIRONMENT not in os.environ  # set for the kernels only, not left behind


def test_overview_runs_with_its_defaults(fixture_briefs):
    page = html_of(fixture_briefs, "overview")
    assert "<dt>years</dt><dd>2018, 2020</dd>" in page
    assert "reports per region" in page


# -- refusals before any kernel starts -----------------------------------------------------------

@pytest.fixture
def no_kernel(monkeypatch):
    """Fails the test if papermill is asked to execute anything."""
    import papermill

    calls = []
    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: calls.append(a))
    monkeypatch.setattr("lkjip_analysis.briefs.execute_all", lambda *a, **k: calls.append(a) or [])
    yield calls
    assert calls == [], "a kernel was started"


def test_unknown_region_is_refused_before_any_kernel(tmp_path, no_kernel):
    rendered = render(FIXTURE_NOTEBOOKS, tmp_path / "out", "-p", "region", "Atlantis")
    assert rendered.status == 2
    assert "unknown region Atlantis" in rendered.stderr
    assert f"valid choices: {REGIONS}" in rendered.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_notebook_and_key_are_refused_with_the_choices(tmp_path, no_kernel):
    rendered = render(FIXTURE_NOTEBOOKS, tmp_path, "--only", "pmks")
    assert rendered.status == 2
    assert "unknown notebook 'pmks'; valid choices: failing, overview, region_brief" in rendered.stderr
    rendered = render(FIXTURE_NOTEBOOKS, tmp_path, "--only", "overview", "-p", "region", "Blitar")
    assert rendered.status == 2
    assert "unknown parameter 'region' for overview.ipynb; valid choices: label, years" in rendered.stderr
    rendered = render(FIXTURE_NOTEBOOKS, tmp_path, "-p", "colour", "red")
    assert "unknown parameter 'colour'" in rendered.stderr
    assert "valid choices: label, region, report_year, years" in rendered.stderr


def test_plan_only_and_parameters():
    runs = plan.plan_runs(FIXTURE_NOTEBOOKS, RAW, only="region_brief", overrides=[("region", "Lumajang")])
    assert [(r.stem, r.parameters) for r in runs] == [
        ("region_brief_lumajang_2020", {"region": "Lumajang", "report_year": 2020})]
    runs = plan.plan_runs(FIXTURE_NOTEBOOKS, RAW, overrides=[("region", "Sumenep")])
    # -p goes to every notebook that declares the key; the others keep their defaults
    assert [(r.stem, r.parameters) for r in runs] == [
        ("failing_sumenep", {"region": "Sumenep"}),
        ("overview", {}),
        ("region_brief_sumenep_2020", {"region": "Sumenep", "report_year": 2020}),
    ]
    runs = plan.plan_runs(FIXTURE_NOTEBOOKS, RAW, only="overview.ipynb", overrides=[("years", "[2019, 2020]")])
    assert runs[0].parameters == {"years": [2019, 2020]}
    assert runs[0].effective == {"years": [2019, 2020], "label": "reports"}


def test_parameter_values_follow_the_notebooks_defaults():
    assert plan.parse_value("2019", 2020) == 2019
    assert plan.parse_value("2019", "Blitar") == "2019"  # a text parameter stays text
    assert plan.parse_value("[Blitar, Sumenep]", ["Blitar"]) == ["Blitar", "Sumenep"]


def test_region_lists_and_a_notebooks_own_default_are_valid(tmp_path):
    nb = new_notebook(cells=[new_code_cell('regions = ["Blitar"]\nregion = "all"', metadata={"tags": ["parameters"]})])
    nbformat.write(nb, tmp_path / "aid.ipynb")
    runs = plan.plan_runs(tmp_path, RAW, overrides=[("region", "all"), ("regions", "[Blitar, Pasuruan]")])
    assert runs[0].parameters == {"region": "all", "regions": ["Blitar", "Pasuruan"]}
    with pytest.raises(LkjipError, match=rf"unknown regions Bali \(regions come from data/raw/sources.csv\); "
                                         f"valid choices: {REGIONS}"):
        plan.plan_runs(tmp_path, RAW, overrides=[("regions", "[Blitar, Bali]")])


def test_a_region_brief_without_its_parameters_is_refused(tmp_path):
    nb = new_notebook(cells=[new_code_cell('region = "Blitar"', metadata={"tags": ["parameters"]})])
    nbformat.write(nb, tmp_path / "region_brief.ipynb")
    with pytest.raises(LkjipError, match="region_brief.ipynb: the region brief's parameters cell must assign "
                                         "report_year"):
        plan.plan_runs(tmp_path, RAW)


# -- runs that start kernels -------------------------------------------------------------------

def test_only_with_parameters_adds_to_the_index(tmp_path, fixture_briefs):
    out = tmp_path / "reports"
    shutil.copytree(fixture_briefs.out, out)  # a folder that already holds the six runs
    rendered = render(FIXTURE_NOTEBOOKS, out, "--only", "overview", "-p", "label", "laporan",
                      "-p", "years", "[2019, 2020]", "--jobs", "1")
    assert rendered.status == 0, rendered.stderr
    assert "1 of 1 briefs written" in rendered.stdout
    page = (out / "overview_laporan_2019-2020.html").read_text(encoding="utf-8")
    assert "laporan per region" in page
    assert "<dt>years</dt><dd>2019, 2020</dd>" in page
    # the index keeps the earlier briefs (and the earlier failure) beside the new one
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr><td>") == 7
    assert '<a href="overview_laporan_2019-2020.html">' in index and '<a href="overview.html">' in index
    assert "7 briefs, 1 failed" in index


def test_a_hung_cell_times_out(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = new_notebook(cells=[new_markdown_cell("# Hangs"), new_code_cell("import time\ntime.sleep(120)")],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(nb, notebooks / "hangs.ipynb")
    rendered = render(notebooks, tmp_path / "out", "--timeout", "3")
    assert rendered.status == 1
    assert ("FAILED hangs.ipynb: cell `import time`: CellTimeoutError: A cell timed out while it was being "
            "executed, after 3 seconds.\n") in rendered.stderr
    # papermill writes the notebook at the end or at a failing cell only: a timeout leaves none,
    # and the index links none
    assert not (tmp_path / "out" / "hangs.ipynb").exists()
    row = next(r for r in (tmp_path / "out" / "index.html").read_text(encoding="utf-8").split("<tr>")
               if "hangs.ipynb" in r)
    assert "executed notebook" not in row and 'href="runs/hangs.log"' in row


# -- the parts ------------------------------------------------------------------------------------

def test_title_comes_from_the_first_heading_in_markdown_or_output():
    nb = new_notebook(cells=[new_markdown_cell("Intro\n\n## Not this"), new_code_cell("x")])
    nb.cells[1].outputs = [nbformat.v4.new_output("display_data", {"text/markdown": "# Bantuan 2020: Blitar"})]
    assert brief_title(nb) == "Bantuan 2020: Blitar"
    nb.cells.insert(0, new_markdown_cell("# Ringkasan"))
    assert brief_title(nb) == "Ringkasan"


def test_chart_html_keeps_data_inside_its_script():
    html = charts.chart_html({"data": {"values": [{"note": "</script><script>alert(1)"}]}}, "c1")
    assert html.count("</script>") == 1  # only the element's own end
    assert "\\u003c/script>" in html
    assert charts._script_javascript("a.replace(/</g, x); '</SCRIPT>'") == "a.replace(/</g, x); '<\\/SCRIPT>'"


def test_vega_javascript_is_built_once_per_folder(tmp_path):
    # vl-convert takes about 1 s to bundle it: lkjip briefs keeps it in its runs/ folder for every worker
    try:
        page = charts.brief_javascript(tmp_path)
        kept = list(tmp_path.glob("vega-bundle-vl-convert-*-altair-*.js"))
        assert len(kept) == 1 and "vegaEmbed" in page
        kept[0].write_text("window.vegaEmbed = 'kept';", encoding="utf-8")
        charts._vega_bundle.cache_clear()  # as a new worker process would start
        assert charts.brief_javascript(tmp_path) == "<script>\nwindow.vegaEmbed = 'kept';\n</script>"
    finally:
        charts._vega_bundle.cache_clear()
