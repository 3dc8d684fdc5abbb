"""Shared text rules: how the reports print numbers, units and words (used by every stage)."""
