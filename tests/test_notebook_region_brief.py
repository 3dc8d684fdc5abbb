"""notebooks/region_brief.ipynb run with papermill as `lkjip briefs` runs it (region and report_year
of one report): its defaults, another report, and a region without a report."""

from __future__ import annotations

import re
from datetime import datetime

import nbformat

from lkjip_analysis.briefs.html import MAX_BYTES, brief_html, brief_title
from lkjip_analysis.datasets.load import load
from lkjip_analysis.extraction import read_manifest
from lkjip_analysis.paths import raw_dir

from notebook_runs import chart_rows, charts_of, notebook_path, run, run_failure, text_of

REGIONS = sorted({s.region for s in read_manifest(raw_dir())})


def _first_output(nb) -> dict:
    return next(o for cell in nb.cells for o in cell.get("outputs", []))


def _sources(nb) -> set[str]:
    return {row.get("source") for spec in charts_of(nb) for row in chart_rows(spec)}


def test_static_text_names_no_region():
    """The region, its name and its figures come from the data: the committed notebook names none."""
    nb = nbformat.read(notebook_path("region_brief"), as_version=4)
    found = [(n, region) for n, cell in enumerate(nb.cells) for region in REGIONS
             if region.lower() in cell.source.lower()]
    assert not found, f"cells naming a region: {found}"


def test_defaults_brief_the_first_report():
    nb = run("region_brief")
    first = _first_output(nb)["data"]["text/markdown"]
    assert first.startswith("# Kabupaten Blitar: LKjIP 2020 in brief")
    assert brief_title(nb) == "Kabupaten Blitar: LKjIP 2020 in brief"  # not the static title, tagged notebook-only
    text = text_of(nb)
    # blitar_2020.txt line 199 (5,90 %, used) against line 59 (target 5 %); 5.97% at line 83 differs
    assert "realisation 5,90 % (blitar_2020.txt line 199) against a target of 5 % (blitar_2020.txt line 59)" in text
    assert "5,97 % (line 83) (differs)" in text
    assert "2015: 3,13 %" in text  # the series, line 199
    assert "budget Rp 6,58 miliar, realised Rp 6,27 miliar" in text  # line 382
    assert "1.047.919" in text  # BPNT, line 143, household-months
    flags = load("quality_flags")
    mine = flags[flags["source_file"] == "blitar_2020.txt"]
    assert f"**{len(mine)} quality flags** on blitar_2020.txt" in text
    for _, f in mine.iterrows():
        assert f"**blitar_2020.txt line {f['source_line']}**" in text and f"`{f['flag_id']}`" in text
    assert len(charts_of(nb)) == 5  # headline, trends, poverty, budget, aid
    assert {"blitar_2020.txt line 199", "blitar_2020.txt line 59"} <= _sources(nb)
    # the budget chart in miliar, its tooltip with the exact amount: blitar_2020.txt line 301, 1.964.985.500
    rows = [r for spec in charts_of(nb) for r in chart_rows(spec)]
    budget_rows = [r for r in rows if r.get("source") == "blitar_2020.txt line 301"]
    assert [(r["label"], r["amount"]) for r in budget_rows] == [("Rp 1,96 miliar", "Rp 1.964.985.500")]


def test_html_brief_has_one_title_and_stays_small():
    nb = run("region_brief")
    page = brief_html(nb, title=brief_title(nb), notebook="region_brief.ipynb",
                      parameters={"region": "Blitar", "report_year": 2020}, made=datetime(2024, 1, 1))
    assert len(page.encode("utf-8")) < MAX_BYTES
    assert len(re.findall(r"<h1\b", page)) == 1 and "Kabupaten Blitar: LKjIP 2020 in brief" in page
    assert "Region brief: one report, in brief" not in page  # the static title is for notebook readers
    assert page.count('class="lkjip-chart"') == 5


def test_another_report():
    nb = run("region_brief", region="Pasuruan", report_year=2022)
    assert brief_title(nb) == "Kota Pasuruan: LKjIP 2022 in brief"
    text = text_of(nb)
    # pasuruan_2022.txt line 466: 98,2 against 90 % (line 314), achievement 109
    assert "realisation 98,2 % (pasuruan_2022.txt line 466) against a target of 90 % (pasuruan_2022.txt line 314)" \
        in text
    assert "2020: 3,97 %, 2021: 57,05 %" in text  # the series the 2022 report prints
    assert "the report covers 2022, not 2020" in text  # no aid rows, said plainly
    assert "pasuruan_2022.txt line 580" in text and "76,93 %" in text  # the office's total
    assert "#### Malformed: 2 flags" in text and "Rp91-.160.954" in text
    assert "blitar_2020.txt" not in text


def test_a_region_without_a_report_fails_before_any_chart():
    error, partial = run_failure("region_brief", region="Atlantis")
    assert "ParameterError" in str(error)
    assert "choose one of: Blitar, Lumajang, Pasuruan, Sumenep" in str(error)
    assert "Pasuruan 2022" in str(error)  # the valid (region, year) pairs
    assert charts_of(partial) == []
    assert not any("image/svg+xml" in o.get("data", {}) for c in partial.cells for o in c.get("outputs", []))
