"""reports/index.html: every brief in the folder, with its title, parameters, when it was made,
and whether it succeeded (a failure shows its notebook, parameters, failing cell and error)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from .run import Result

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4em 0.6em; border-bottom: 1px solid #ddd; }
.ok { color: #1a7f37; } .failed { color: #b42318; font-weight: 600; }
code { font-size: 0.9em; } .error { white-space: pre-wrap; }
"""


def _row(r: Result) -> str:
    params = "<br>".join(f"<code>{escape(k)}</code> = {escape(str(v))}" for k, v in r.parameters.items()) or "defaults"
    if r.ok:
        brief = f'<a href="{escape(r.html)}">{escape(r.title or r.stem)}</a>'
        status = f'<span class="ok">ok</span> ({r.html_bytes / 1e6:.2f} MB, {r.seconds:.0f} s)'
    else:
        brief = escape(r.title or r.stem)
        executed = f'<a href="{escape(r.ipynb)}">executed notebook</a>, ' if r.notebook_saved else ""
        status = (f'<span class="failed">failed</span> in <code>{escape(r.notebook)}</code>: '
                  f'<span class="error">{escape(r.error)}</span> '
                  f'({executed}<a href="runs/{escape(r.stem)}.log">log</a>)')
    made = f'<time datetime="{escape(r.made)}">{escape(r.made.replace("T", " "))}</time>'
    return (f"<tr><td>{brief}<br><small><code>{escape(r.notebook)}</code></small></td><td>{params}</td>"
            f"<td>{made}</td><td>{status}</td></tr>")


def index_html(results: Sequence[Result], made: datetime) -> str:
    failed = sum(not r.ok for r in results)
    summary = f"{len(results)} briefs, {failed} failed" if failed else f"{len(results)} briefs"
    rows = "\n".join(_row(r) for r in results)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>LKjIP briefs</title>
<style>{STYLE}</style>
</head>
<body>
<h1>LKjIP briefs</h1>
<p>{summary}. Index written {escape(made.isoformat(timespec="seconds").replace("T", " "))} by
<code>lkjip briefs</code>. Each brief is one self-contained HTML file: it opens offline and prints on A4.</p>
<table>
<thead><tr><th>Brief</th><th>Parameters</th><th>Made</th><th>Status</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def write_index(results: Sequence[Result], out_dir: Path) -> Path:
    path = Path(out_dir) / "index.html"
    path.write_text(index_html(results, datetime.now().astimezone()), encoding="utf-8")
    return path
