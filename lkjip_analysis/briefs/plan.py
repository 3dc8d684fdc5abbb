"""Which notebooks run with which parameters, checked before any kernel starts.

- ``region_brief.ipynb`` runs once per report of data/raw/sources.csv, with that report's
  ``region`` and ``report_year`` (a fifth report gives a fifth brief, with no code change);
  ``-p region`` / ``-p report_year`` keep the reports they match, and none matching is refused;
- every other notebook runs once with its own defaults.

A notebook's valid parameters are the names assigned in its cell tagged ``parameters`` (parsed,
never executed: no kernel starts). Papermill only warns
on an unknown parameter, so everything is checked here: an unknown notebook (``--only``), an
unknown key or an unknown region is refused with the valid choices.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import LkjipError
from ..extraction.reports import read_manifest

REGION_BRIEF = "region_brief"
# Parameters whose values must be regions of sources.csv (or the notebook's own default, e.g. "all").
REGION_KEYS = ("region", "regions")


@dataclass(frozen=True)
class Run:
    """One papermill run: a notebook, its parameters, and the stem of what it writes."""

    notebook: Path
    parameters: dict[str, Any] = field(default_factory=dict)  # what papermill injects
    stem: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)  # the notebook's parameters cell

    @property
    def effective(self) -> dict[str, Any]:
        """Every parameter as the run sees it: shown in the brief, the summary and the index."""
        return {**self.defaults, **self.parameters}


def notebooks_in(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.startswith("."))


def notebook_parameters(notebook: Path) -> dict[str, Any]:
    """{name: default} for every name assigned in the notebook's cell tagged ``parameters``; a
    default that is not a literal is kept as its source text. No parameters cell: no parameters.

    Read with ``ast``, as papermill's own inspection does for Python, but without needing the
    notebook's kernelspec; nothing is executed."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    cell = next((c for c in nb.cells if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])), None)
    if cell is None:
        return {}
    try:
        tree = ast.parse(cell.source)
    except SyntaxError as exc:
        raise LkjipError(notebook, f"its parameters cell is not valid Python: {exc.msg}", exc.lineno) from None
    out: dict[str, Any] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) and node.value is not None else []
        for target in targets:
            if isinstance(target, ast.Name):
                try:
                    out[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    out[target.id] = ast.get_source_segment(cell.source, node.value)
    return out


def slug(value: Any) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "x"


def _stem(notebook: Path, parameters: Mapping[str, Any], keys: Sequence[str]) -> str:
    return "_".join([notebook.stem, *(slug(parameters[k]) for k in keys if k in parameters)])


def parse_value(text: str, default: Any) -> Any:
    """A -p value: text where the notebook's default is text, else read as YAML (2019, [a, b], true)."""
    if isinstance(default, str):
        return text
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _choices(values: Sequence[Any]) -> str:
    return ", ".join(str(v) for v in values)


def plan_runs(
    notebooks_dir: Path,
    raw_dir: Path,
    only: str | None = None,
    overrides: Sequence[tuple[str, str]] = (),
) -> list[Run]:
    """The runs for ``lkjip briefs``; raises LkjipError on any bad notebook name, key or value."""
    notebooks = notebooks_in(notebooks_dir)
    if not notebooks:
        raise LkjipError(notebooks_dir, "no notebooks (*.ipynb) to render")
    names = [p.stem for p in notebooks]
    if only is not None:
        wanted = Path(only).stem
        if wanted not in names:
            raise LkjipError(notebooks_dir, f"unknown notebook {only!r}; valid choices: {_choices(names)}")
        notebooks = [p for p in notebooks if p.stem == wanted]

    declared = {p: notebook_parameters(p) for p in notebooks}
    reports = read_manifest(raw_dir)
    regions = list(dict.fromkeys(r.region for r in reports))

    # -p KEY VALUE: applied to every chosen notebook that declares KEY; a key none declares is refused.
    given: dict[str, str] = {}
    for key, value in overrides:
        if not any(key in params for params in declared.values()):
            valid = sorted({k for params in declared.values() for k in params})
            raise LkjipError(
                notebooks_dir,
                f"unknown parameter {key!r} for {_choices([p.name for p in notebooks])}; "
                f"valid choices: {_choices(valid) or '(none: no parameters cell)'}",
            )
        given[key] = value

    runs: list[Run] = []
    for notebook, defaults in declared.items():
        chosen = {k: parse_value(v, defaults[k]) for k, v in given.items() if k in defaults}
        for key in REGION_KEYS:
            if key in chosen:
                _check_regions(notebook, key, chosen[key], regions, defaults[key])
        if notebook.stem == REGION_BRIEF:
            missing = [k for k in ("region", "report_year") if k not in defaults]
            if missing:
                raise LkjipError(notebook, f"the region brief's parameters cell must assign {_choices(missing)}")
            matching = [r for r in reports if ("region" not in chosen or r.region == chosen["region"])
                        and ("report_year" not in chosen or str(r.report_year) == str(chosen["report_year"]))]
            if not matching:  # e.g. -p region Lumajang -p report_year 2021: no such report
                given = ", ".join(f"{k} {chosen[k]}" for k in ("region", "report_year") if k in chosen)
                pairs = _choices([f"{r.region} {r.report_year}" for r in reports])
                raise LkjipError(notebook, f"no report of data/raw/sources.csv for {given}; valid choices "
                                           f"(region report_year): {pairs}")
            for report in matching:
                params = {"region": report.region, "report_year": report.report_year, **chosen}
                runs.append(Run(notebook, params, _stem(notebook, params, ("region", "report_year")), defaults))
        else:
            runs.append(Run(notebook, chosen, _stem(notebook, chosen, list(chosen)), defaults))
    return runs


def _check_regions(notebook: Path, key: str, value: Any, regions: list[str], default: Any) -> None:
    valid = [*regions, *([default] if isinstance(default, str) and default not in regions else [])]
    values = value if isinstance(value, list) else [value]
    unknown = [v for v in values if v not in valid]
    if unknown:
        raise LkjipError(
            notebook,
            f"unknown {key} {_choices(unknown)} (regions come from data/raw/sources.csv); "
            f"valid choices: {_choices(valid)}",
        )
