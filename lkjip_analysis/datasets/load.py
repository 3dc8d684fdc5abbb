"""`load("budget")`: a clean file (or a reference file) as a typed, checked DataFrame."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import LkjipError
from ..paths import clean_dir, reference_dir
from .reference_files import REFERENCE_DATASETS
from .schema import DATASETS
from .validate import SchemaMismatch, validate


def categories_as_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its category columns as strings, so that a grouping sees only the values
    present (a category keeps its absent values as empty groups)."""
    return frame.astype({c: "string" for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)})


def load(name: str, clean: str | Path | None = None) -> pd.DataFrame:
    """One of data/clean's files (``indicators``, ``budget``, ``quality_flags``, ``cells`` ...)
    or of data/reference's (``poverty_rates``, ``aid_rules_2020``, ``aid_programmes``, ``regions``).

    Integers are nullable ``Int64``, numbers ``Float64``, labels ``string`` and
    repeated codes ``category``; missing values are ``<NA>`` (see ``missing_reason``).
    ``clean`` is another folder to read from (default: the project's data/clean or data/reference).
    """
    if name in DATASETS:
        dataset, folder, fix = DATASETS[name], clean_dir, "run `make run` (or `lkjip build`) first"
    elif name in REFERENCE_DATASETS:
        dataset, folder, fix = REFERENCE_DATASETS[name], reference_dir, "data/reference/ ships with the project"
    else:
        raise LkjipError(None, f"no clean or reference file called {name!r}; choose one of "
                         f"{', '.join([*DATASETS, *REFERENCE_DATASETS])}")
    path = (Path(clean) if clean is not None else folder()) / dataset.filename
    if not path.is_file():
        raise LkjipError(path, f"not found: {fix}")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    try:
        return validate(dataset, frame)
    except SchemaMismatch as exc:  # row i of the frame is line i + 2 of the file (after the header)
        raise LkjipError(path, exc.message, line=exc.first_row + 2) from None
    except LkjipError as exc:
        raise LkjipError(path, exc.message) from None
