"""Every HTML brief opens in headless Chromium with no network and draws its charts.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it), run with no network
(lkjip_analysis/briefs/browser.py has the flags). Without it these tests
skip, except under ``CI=true``, where they fail: CI must not pass without looking.

Briefs checked: the fixture notebooks' (conftest.fixture_briefs) and, once notebooks/*.ipynb
exist, the project's own, rendered here as ``lkjip briefs`` renders them.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lkjip_analysis.briefs.browser import find_chromium, open_in_chromium

from conftest import Rendered, render

ROOT = Path(__file__).resolve().parents[1]
WINDOW = (1280, 6000)  # tall, so the first charts of a brief are inside the screenshot


def chromium() -> None:
    if find_chromium():
        return
    message = "Chromium not found: install Debian's `chromium` package (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class ChartMarks(HTMLParser):
    """Per chart container (div#lkjip-chart-N): its SVG roots and the items drawn inside data
    marks (Vega's <g class="... role-mark ...">), axes, legends and titles not counted; and the
    tick labels of its axes (texts inside <g class="... role-axis-label">)."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: dict[str, dict[str, int]] = {}
        self.axis_labels: list[str] = []
        self._chart: str | None = None
        self._divs = 0
        self._stack: list[tuple[str, str]] = []  # (tag, "mark", "axis-label" or "") inside the chart

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._chart is None:
            if tag == "div" and (attrs.get("id") or "").startswith("lkjip-chart-"):
                self._chart, self._divs = attrs["id"], 1
                self.charts[self._chart] = {"svg": 0, "items": 0, "failed": 0}
            return
        if tag == "div":
            self._divs += 1
        counts = self.charts[self._chart]
        counts["svg"] += tag == "svg"
        in_mark = any(role == "mark" for _, role in self._stack)
        if in_mark and tag in {"path", "rect", "line", "circle", "text", "image", "polygon", "ellipse"}:
            counts["items"] += 1
        classes = (attrs.get("class") or "").split() if tag == "g" else []
        role = "mark" if "role-mark" in classes else "axis-label" if "role-axis-label" in classes else ""
        self._stack.append((tag, role))

    def handle_data(self, data):
        if self._chart is not None and "could not be drawn" in data:  # the embed call's catch()
            self.charts[self._chart]["failed"] += 1
        if self._stack and self._stack[-1][0] == "text" and any(r == "axis-label" for _, r in self._stack):
            self.axis_labels.append(data)

    def handle_endtag(self, tag):
        if self._chart is None:
            return
        if tag == "div":
            self._divs -= 1
            if self._divs == 0:
                self._chart, self._stack = None, []
                return
        while self._stack:  # pop to the matching start tag
            if self._stack.pop()[0] == tag:
                break


@pytest.fixture(scope="session")
def project_briefs(tmp_path_factory) -> Rendered | None:
    if not list((ROOT / "notebooks").glob("*.ipynb")):
        return None
    return render(ROOT / "notebooks", tmp_path_factory.mktemp("project-briefs"))


@pytest.fixture(scope="session")
def briefs(fixture_briefs, project_briefs) -> list[Path]:
    chromium()
    found = [p for r in (fixture_briefs, project_briefs) if r for p in sorted(r.out.glob("*.html"))
             if p.name != "index.html"]
    assert len(found) >= 5
    return found


def test_project_notebooks_all_render(project_briefs):
    if project_briefs is None:
        pytest.skip("no notebooks/*.ipynb yet")
    assert project_briefs.status == 0, project_briefs.stderr
    assert len(list(project_briefs.out.glob("*.html"))) >= 9  # at least eight briefs and the index


@pytest.fixture(scope="module")
def drawn(briefs, tmp_path_factory) -> dict[Path, ChartMarks]:
    """Each brief's DOM once Chromium has drawn its charts, parsed."""
    profiles = tmp_path_factory.mktemp("dom")

    def draw(n_path):
        n, path = n_path
        parser = ChartMarks()
        parser.feed(open_in_chromium(path, "--dump-dom", profile=profiles / f"dom-{n}").stdout)
        return path, parser

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(draw, enumerate(briefs)))


def test_every_chart_draws_offline(drawn):
    def check(path, parser):
        expected = path.read_text(encoding="utf-8").count("vegaEmbed('#lkjip-chart-")
        problems = []
        if len(parser.charts) != expected:
            problems.append(f"{len(parser.charts)} chart containers in the DOM, {expected} embed calls")
        for chart, counts in parser.charts.items():
            if counts["svg"] < 1 or counts["items"] < 1 or counts["failed"]:
                problems.append(f"{chart} drew nothing ({counts})")
        return path.name, problems

    results = [check(path, parser) for path, parser in drawn.items()]
    assert not {name: p for name, p in results if p}


def test_axes_write_numbers_the_indonesian_way(drawn):
    # The fixture overview draws report years (2018-2022) as bars from 0: ticks 0, 200 ... 2.200
    overview = next(parser for path, parser in drawn.items() if path.name == "overview.html")
    assert {"1.000", "2.000"} <= set(overview.axis_labels), overview.axis_labels
    english = re.compile(r"^-?\d{1,3}(,\d{3})+$|^-?\d+\.\d{1,2}$")  # "1,000" or "0.5"
    assert not {path.name: [label for label in parser.axis_labels if english.match(label)]
                for path, parser in drawn.items() if any(english.match(label) for label in parser.axis_labels)}


def test_screenshots_are_not_blank(briefs, tmp_path):
    from PIL import Image

    def check(n_path):
        n, path = n_path
        png = tmp_path / f"{path.stem}.png"
        open_in_chromium(path, f"--screenshot={png}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
                         profile=tmp_path / f"shot-{n}")
        if not png.is_file():
            return path.name, ["no screenshot"]
        with Image.open(png) as image:
            rgb = image.convert("RGB")
            colours = rgb.getcolors(maxcolors=WINDOW[0] * WINDOW[1])
            pixels = rgb.width * rgb.height
            # a chart's marks are coloured; text, rules and the page are grey
            saturated = sum(count for count, (r, g, b) in colours if max(r, g, b) - min(r, g, b) > 60)
        problems = []
        if len(colours) < 16:
            problems.append(f"only {len(colours)} colours")
        if pixels - max(count for count, _ in colours) < 10_000:
            problems.append("next to nothing on the page")
        if "vegaEmbed('#lkjip-chart-" in path.read_text(encoding="utf-8") and saturated < 200:
            problems.append(f"no chart colours in sight ({saturated} saturated pixels)")
        return path.name, problems

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(check, enumerate(briefs)))
    assert not {name: p for name, p in results if p}


def test_missing_chromium_fails_under_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setattr(f"{__name__}.find_chromium", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Debian's `chromium` package"):
        chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        chromium()
