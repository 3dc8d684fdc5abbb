"""An executed notebook -> one self-contained HTML brief: prose, tables and charts, no code.

nbconvert's HTMLExporter with ``exclude_input`` (papermill's report mode does not reach
nbconvert), the ``brief`` template beside this module (no CDN loads, a header with what the
brief is and when it was made, print styles for A4), and charts drawn as ``render`` decides.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import nbformat

from .. import render

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_BYTES = 2 * 1024 * 1024  # a brief goes by mail and on shared drives
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# A cell for notebook readers only, left out of the brief and of its title: e.g. a static title
# that the notebook's first output replaces with one naming the region and year.
NOTEBOOK_ONLY = "notebook-only"


def _notebook_only(cell: nbformat.NotebookNode) -> bool:
    return NOTEBOOK_ONLY in cell.get("metadata", {}).get("tags", [])


def brief_title(nb: nbformat.NotebookNode) -> str | None:
    """The first level-1 heading, from a markdown cell or from an output (display(Markdown(...))),
    cells tagged ``notebook-only`` left out."""
    for cell in nb.cells:
        if _notebook_only(cell):
            continue
        texts: list[str] = []
        if cell.cell_type == "markdown":
            texts.append(cell.source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            texts.append(data.get("text/markdown", ""))
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", data.get("text/html", ""), re.S | re.I)
            if heading:
                return html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip()
        for text in texts:
            heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
            if heading:
                return heading.group(1)
    return None


def _charts_to_html(nb: nbformat.NotebookNode) -> int:
    """Give every chart output its embed HTML (dropping its static SVG copy, which the brief does
    not need), and drop live widget views, which cannot work without a kernel. Returns the charts."""
    charts = 0
    for cell in nb.cells:
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                continue
            if render.CHART_MIMETYPE in data:
                charts += 1
                spec = data.pop(render.CHART_MIMETYPE)
                data.pop("image/svg+xml", None)
                data["text/html"] = render.chart_html(spec, f"lkjip-chart-{charts}")
            outputs.append(output)
        if "outputs" in cell:
            cell.outputs = outputs
    return charts


def brief_html(
    nb: nbformat.NotebookNode, *, title: str, notebook: str, parameters: Mapping[str, Any], made: datetime,
    javascript_cache: Path | None = None,
) -> str:
    """The HTML of one brief from its executed notebook (``nb`` is changed: charts, title).
    ``javascript_cache``: a folder that keeps the Vega JavaScript between processes (render.brief_javascript)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    charts = _charts_to_html(nb)
    nb.metadata["title"] = title  # the lab template's <title>
    exporter = HTMLExporter(
        template_name="brief",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        config=Config({"TagRemovePreprocessor": {"enabled": True, "remove_cell_tags": {NOTEBOOK_ONLY}}}),
    )
    resources = {
        "brief": {
            "title": title,
            "notebook": notebook,
            "parameters": {k: _show(v) for k, v in parameters.items()},
            "made": made.isoformat(timespec="seconds"),
            "made_text": made.strftime("%d %B %Y, %H:%M %Z").strip(),
            "javascript": render.brief_javascript(javascript_cache) if charts else "",
        }
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def _show(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
