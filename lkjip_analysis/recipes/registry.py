"""Recipes are discovered, not listed: every module in ``recipes/reports/`` that defines
``RECIPE`` is the recipe of the report file it names. Adding a report adds a module there."""

from __future__ import annotations

import pkgutil
from functools import lru_cache
from importlib import import_module

from ..errors import LkjipError
from . import reports as _reports_package
from .vocabulary import Recipe


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
            raise LkjipError(path, "a recipe module must define RECIPE = Recipe(...)")
        if recipe.report in found:
            raise LkjipError(path, f"{recipe.report} already has a recipe in {modules[recipe.report]}")
        found[recipe.report] = recipe
        modules[recipe.report] = info.name
    return found
