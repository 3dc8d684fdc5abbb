"""Recipes: what each table of a report means (one declarative module per report in
``reports/``), the vocabulary they are written in, the machinery that applies them,
and coverage (every numeric cell accounted for)."""

from .registry import recipes_by_report
from .vocabulary import Exclude, Melt, Pick, Quote, Recipe, Scale, Value, melt_values

__all__ = ["Exclude", "Melt", "Pick", "Quote", "Recipe", "Scale", "Value", "melt_values", "recipes_by_report"]
