"""Datasets: the clean files' schema (one source for columns, types, units, keys), typed
validation, provenance columns, deterministic writing (CSV, datapackage.json, data card)
and ``load``."""
