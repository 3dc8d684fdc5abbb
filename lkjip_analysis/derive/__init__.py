"""Derived columns, added after the recipes: canonical indicator ids, budget parents and programme keys."""

from .budget_parents import assign_parents
from .indicator_ids import assign_indicator_ids
from .programme_keys import assign_programme_keys

__all__ = ["assign_indicator_ids", "assign_parents", "assign_programme_keys"]
