"""How Altair charts are drawn, in notebooks and in the HTML briefs: the one place that decides.

Notebooks call ``use_offline_renderer()`` once, near the top. Every chart displayed after that
carries two things in its output:

- ``image/svg+xml``: a static SVG drawn by vl-convert, with no network and no JavaScript. This is
  what JupyterLab and any notebook viewer show (Altair's default renderer loads Vega from a CDN
  and draws nothing offline; Altair 6's ``mimetype`` renderer makes papermill fail).
- ``CHART_MIMETYPE``: the Vega-Lite spec itself, which the briefs turn into an interactive chart.

In the kernels of ``lkjip briefs`` (``BRIEF_ENVIRONMENT`` set to 1 in their environment), the SVG
is left out: a brief draws every chart from its spec and never shows the SVG, and drawing it is
most of a chart's cost (about 0.4 s for a notebook's first chart, vl-convert starting its engine).
The executed notebooks the briefs keep beside the HTML then show "<Altair chart>" for a chart.

The HTML briefs (``lkjip briefs``) inline the Vega JavaScript once per brief (``brief_javascript``,
about 0.9 MB, from vl-convert's bundle) and draw each chart with one small ``vegaEmbed`` call
(``chart_html``), so tooltips, which name each value's source file and line, keep working offline.
Static SVG alone would be smaller (tens of kB per chart) but loses the tooltips; the 2 MB limit per
brief leaves about 1 MB for the charts' data, far more than these reports need.

Both draw numbers the Indonesian way (``NUMBER_LOCALE``: "1.000", "0,5"), as the tables and
tooltips print them; Vega's default is English, where "1,5" would read as fifteen hundred.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import Any

CHART_MIMETYPE = "application/vnd.lkjip.vegalite+json"
RENDERER_NAME = "lkjip_offline"
# Set to 1 by `lkjip briefs` in its kernels' environment (briefs/run.py): a brief draws each chart
# from its spec, so its kernel skips the static SVG, which only notebook viewers show.
BRIEF_ENVIRONMENT = "LKJIP_BRIEF"
# How Vega formats numbers (axis labels, any format string of a chart): a d3-format locale, the
# Indonesian convention of analysis/formatting.py. d3-format has no id-ID locale, hence the object;
# "currency" only matters to a "$" format, which no chart uses (rupiah axes carry "Rp" in the title).
NUMBER_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
# Options for vegaEmbed in the briefs: SVG draws crisply on paper; no action menu, whose
# "Open in Vega Editor" link needs the network; numbers in NUMBER_LOCALE (vega-embed sets it as
# Vega's default locale, which is the same for every chart of a brief).
EMBED_OPTIONS = {"renderer": "svg", "actions": False, "formatLocale": NUMBER_LOCALE}


def _vl_version() -> str:
    """The Vega-Lite version Altair writes specs for, as vl-convert names it (e.g. '6.4')."""
    import altair as alt

    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


def in_brief() -> bool:
    """Whether this process is a kernel of ``lkjip briefs`` (see ``BRIEF_ENVIRONMENT``)."""
    return os.environ.get(BRIEF_ENVIRONMENT) == "1"


def _offline_renderer(spec: dict, **_metadata: Any) -> dict:
    bundle = {CHART_MIMETYPE: spec, "text/plain": "<Altair chart>"}
    if not in_brief():
        bundle = {"image/svg+xml": chart_svg(spec), **bundle}
    return bundle


def chart_svg(spec: dict) -> str:
    """The static SVG of a Vega-Lite spec, numbers in ``NUMBER_LOCALE``, drawn without network."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec, vl_version=_vl_version(), format_locale=NUMBER_LOCALE)


def use_offline_renderer() -> None:
    """Draw every Altair chart from now on without network: static SVG plus the spec for briefs."""
    import altair as alt

    if RENDERER_NAME not in alt.renderers.names():
        alt.renderers.register(RENDERER_NAME, _offline_renderer)
    alt.renderers.enable(RENDERER_NAME)


def _script_javascript(code: str) -> str:
    """JavaScript safe inside <script>...</script>, which an HTML parser ends at '</script'.
    (Only that: a blanket '</' -> '<\\/' would change regular expressions such as /</g.)"""
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def _script_json(value: Any) -> str:
    """JSON as a JavaScript literal inside <script>: '<' only occurs in its strings, where
    '\\u003c' means the same and cannot end the element or open a comment."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def brief_javascript(cache_dir: Path | None = None) -> str:
    """One <script> with Vega, Vega-Lite and vega-embed (vegaEmbed on window), no network needed.

    vl-convert bundles the JavaScript anew on every call (about 1 s), so it is built once per
    process and, given ``cache_dir`` (``lkjip briefs`` gives its runs/ folder), once per folder:
    a file named after the vl-convert and Altair versions it was built with, which every worker
    process of later runs reads instead."""
    return f"<script>\n{_script_javascript(_vega_bundle(cache_dir))}\n</script>"


@functools.cache
def _vega_bundle(cache_dir: Path | None) -> str:
    import vl_convert as vlc

    if cache_dir is None:
        return vlc.javascript_bundle(vl_version=_vl_version())
    from importlib.metadata import version

    path = Path(cache_dir) / f"vega-bundle-vl-convert-{vlc.__version__}-altair-{version('altair')}.js"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    bundle = vlc.javascript_bundle(vl_version=_vl_version())
    # written under another name, then renamed: a worker reading it at the same time sees all or nothing
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(bundle, encoding="utf-8")
    os.replace(partial, path)
    return bundle


def chart_html(spec: dict, chart_id: str) -> str:
    """The HTML that draws one chart in a brief whose head holds ``brief_javascript()``."""
    spec_json = _script_json(spec)
    return (
        f'<div class="lkjip-chart" id="{chart_id}"></div>\n'
        f"<script>vegaEmbed('#{chart_id}', {spec_json}, {_script_json(EMBED_OPTIONS)})"
        f".catch(function (e) {{ document.getElementById('{chart_id}').textContent = "
        f"'This chart could not be drawn: ' + e; }});</script>"
    )
