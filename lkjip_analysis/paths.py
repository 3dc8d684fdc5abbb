"""Where the project's data lives, whatever the working directory (notebooks run from notebooks/)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def project_root() -> Path:
    """$LKJIP_ROOT, else the nearest folder upwards from the working directory holding
    data/raw/sources.csv, else the folder this package was installed from (editable install)."""
    if os.environ.get("LKJIP_ROOT"):
        return Path(os.environ["LKJIP_ROOT"]).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "raw" / "sources.csv").is_file():
            return folder
    return PACKAGE_ROOT


def raw_dir() -> Path:
    return project_root() / "data" / "raw"


def clean_dir() -> Path:
    return project_root() / "data" / "clean"


def reference_dir() -> Path:
    return project_root() / "data" / "reference"
