"""The analysis layer: what the notebooks call. Formatting for people, checked parameters,
Altair charts whose marks name their sources, built on the analysis-ready files (never on
repeated printings filtered by hand in a notebook cell)."""
