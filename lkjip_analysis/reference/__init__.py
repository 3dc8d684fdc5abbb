"""Reference knowledge shipped with the package: the canonical indicators."""
