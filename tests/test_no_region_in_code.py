"""Outside the recipes, no code or reference text names a region: a fifth report is one recipe
file, and published text comes from the manifest. Comments and docstrings may cite a report as
an example; string literals and indicators.yaml's fields may not."""

import ast
import io
import tokenize
from pathlib import Path

import pytest
import yaml

from lkjip_analysis.extraction import read_manifest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lkjip_analysis"
REGIONS = sorted({s.region for s in read_manifest(ROOT / "data" / "raw")})
CODE = sorted(p for p in PACKAGE.rglob("*.py") if "recipes/reports" not in p.as_posix())


def _docstring_lines(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value,
                                                                                                     str):
                lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_string_literal_names_a_region(path):
    source = path.read_text(encoding="utf-8")
    docstrings = _docstring_lines(ast.parse(source))
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.STRING or token.start[0] in docstrings:
            continue
        found += [f"line {token.start[0]}: {region}" for region in REGIONS if region.lower() in token.string.lower()]
    assert not found, f"{path.relative_to(ROOT)} names a region in code: {found}"


def test_indicators_yaml_names_no_region():
    entries = yaml.safe_load((PACKAGE / "reference" / "indicators.yaml").read_text(encoding="utf-8"))
    found = [(iid, field, region) for iid, entry in entries.items() for field, text in entry.items()
             for region in REGIONS if isinstance(text, str) and region.lower() in text.lower()]
    assert not found, f"indicators.yaml names regions (per-report text belongs in the recipe's notes): {found}"


def test_the_check_would_see_a_region():
    assert "Sumenep" in REGIONS and len(REGIONS) == len(read_manifest(ROOT / "data" / "raw"))
