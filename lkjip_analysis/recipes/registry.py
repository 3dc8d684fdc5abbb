"""Recipes are discovered, not listed. A recipe is a module defining ``RECIPE = Recipe(...)``
for the report file it names, and lives in one of two places:

- the package's ``recipes/reports/``: the shipped recipes, one per report of data/raw;
- a folder ``recipes/`` beside the manifest of the raw folder being built
  (``data/raw/recipes/`` for ``data/raw/sources.csv``; ``<DIR>/recipes/`` for
  ``lkjip build --raw DIR``): recipes of reports added by a user, without touching the package.
  ``lkjip scaffold`` writes its starting recipe there.

Modules whose name starts with ``_`` are skipped. A report with a recipe in both places (or
two recipes in one) stops the build: which one applies would be a guess.
"""

from __future__ import annotations

import importlib.util
import pkgutil
import traceback
from dataclasses import replace
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from types import ModuleType

from ..errors import LkjipError
from . import reports as _reports_package
from .vocabulary import Recipe

EXTRA_FOLDER = "recipes"  # beside sources.csv


def shipped_recipe_dir() -> Path:
    """The package's ``recipes/reports/``."""
    return Path(_reports_package.__path__[0])


def extra_recipe_dir(raw_dir: str | Path) -> Path:
    """Where the recipes of a raw folder's own reports live: ``<raw_dir>/recipes``."""
    return Path(raw_dir) / EXTRA_FOLDER


def _line_of(path: str | None, needle: str) -> int:
    """The first line of the module that prints ``needle`` (1 when none does): where to look."""
    if path:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return number
    return 1


@lru_cache(maxsize=1)
def _shipped() -> tuple[tuple[Recipe, str | None], ...]:
    modules = sorted(pkgutil.iter_modules(_reports_package.__path__), key=lambda m: m.name)
    found = []
    for info in modules:
        if not info.name.startswith("_"):
            module = import_module(f"{_reports_package.__name__}.{info.name}")
            found.append(_named(module, module.__name__))
    return tuple(found)


def _load_file(path: Path) -> ModuleType:
    # Read afresh on every call (not cached): `lkjip scaffold` may have just written it.
    spec = importlib.util.spec_from_file_location(f"lkjip_recipe_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise LkjipError(path, "cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise LkjipError(path, f"recipe module is not valid Python: {exc.msg}", line=exc.lineno) from None
    except LkjipError:
        raise
    except Exception as exc:  # a user's recipe: name its file and line, not a traceback
        frames = traceback.extract_tb(exc.__traceback__)
        line = next((f.lineno for f in reversed(frames) if Path(f.filename) == path), None)
        raise LkjipError(path, f"recipe module fails to load: {type(exc).__name__}: {exc}", line=line) from None
    return module


def _named(module: ModuleType, name: str) -> tuple[Recipe, str | None]:
    """The module's recipe, named after it for error messages, and the module's file."""
    recipe = getattr(module, "RECIPE", None)
    path = getattr(module, "__file__", None)
    if not isinstance(recipe, Recipe):
        raise LkjipError(path, "a recipe module must define RECIPE = Recipe(...)", line=_line_of(path, "RECIPE"))
    return replace(recipe, module=name), path


def recipes_by_report(raw_dir: str | Path | None = None) -> dict[str, Recipe]:
    """Report file name (``blitar_2020.txt``) -> its recipe: the shipped ones in module-name
    order, then those of ``<raw_dir>/recipes/`` (when ``raw_dir`` is given) in file-name order."""
    found: dict[str, Recipe] = {}
    where: dict[str, str] = {}
    candidates = list(_shipped())
    if raw_dir is not None and extra_recipe_dir(raw_dir).is_dir():
        files = sorted(p for p in extra_recipe_dir(raw_dir).glob("*.py") if not p.name.startswith("_"))
        candidates += [_named(_load_file(path), str(path)) for path in files]
    for recipe, path in candidates:
        if recipe.report in found:
            raise LkjipError(path, f"{recipe.report} already has a recipe in {where[recipe.report]}",
                             line=_line_of(path, recipe.report))
        found[recipe.report] = recipe
        where[recipe.report] = recipe.module
    return found
