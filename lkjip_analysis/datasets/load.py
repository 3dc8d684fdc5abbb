"""`load("budget")`: a clean file as a typed, checked DataFrame."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import LkjipError
from ..paths import clean_dir
from .schema import DATASETS
from .validate import validate


def load(name: str, clean: str | Path | None = None) -> pd.DataFrame:
    """One of data/clean's files (``indicators``, ``budget``, ``quality_flags``, ``cells`` ...).

    Integers are nullable ``Int64``, numbers ``Float64``, labels ``string`` and
    repeated codes ``category``; missing values are ``<NA>`` (see ``missing_reason``).
    """
    if name not in DATASETS:
        raise LkjipError(None, f"no clean file called {name!r}; choose one of {', '.join(DATASETS)}")
    path = Path(clean) if clean is not None else clean_dir()
    path = path / DATASETS[name].filename
    if not path.is_file():
        raise LkjipError(path, "not found: run `make run` (or `lkjip build`) first")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    try:
        return validate(DATASETS[name], frame)
    except LkjipError as exc:
        raise LkjipError(path, exc.message) from None
