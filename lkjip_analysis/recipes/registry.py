"""Recipes are discovered, not listed: every module in ``recipes/reports/`` that defines
``RECIPE`` is the recipe of the report file it names. Adding a report adds a module there."""

from __future__ import annotations

import pkgutil
from dataclasses import replace
from functools import lru_cache
from importlib import import_module
from pathlib import Path

from ..errors import LkjipError
from . import reports as _reports_package
from .vocabulary import Recipe


def _line_of(path: str | None, needle: str) -> int:
    """The first line of the module that prints ``needle`` (1 when none does): where to look."""
    if path:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return number
    return 1


@lru_cache(maxsize=1)
def recipes_by_report() -> dict[str, Recipe]:
    """Report file name (``blitar_2020.txt``) -> its recipe, in module-name order."""
    found: dict[str, Recipe] = {}
    modules: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(_reports_package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = import_module(f"{_reports_package.__name__}.{info.name}")
        recipe = getattr(module, "RECIPE", None)
        path = getattr(module, "__file__", None)
        if not isinstance(recipe, Recipe):
            raise LkjipError(path, "a recipe module must define RECIPE = Recipe(...)", line=_line_of(path, "RECIPE"))
        if recipe.report in found:
            raise LkjipError(path, f"{recipe.report} already has a recipe in {modules[recipe.report]}",
                             line=_line_of(path, recipe.report))
        found[recipe.report] = replace(recipe, module=module.__name__)
        modules[recipe.report] = module.__name__
    return found
