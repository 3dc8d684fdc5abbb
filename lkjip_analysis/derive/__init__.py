"""Derived columns, added after the recipes: canonical indicator ids and budget parents."""

from .budget_parents import assign_parents
from .indicator_ids import assign_indicator_ids

__all__ = ["assign_indicator_ids", "assign_parents"]
