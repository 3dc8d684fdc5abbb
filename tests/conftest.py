"""Shared fixtures: the reports are built once per test session."""

from pathlib import Path

import pandas as pd
import pytest

from lkjip_analysis.build import collect

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture(scope="session")
def built():
    """What `lkjip build` makes of data/raw, in memory (nothing written)."""
    return collect(RAW)


def frames_of(built, source_file: str) -> dict[str, pd.DataFrame]:
    """Every clean frame, restricted to one report."""
    return {name: frame[frame["source_file"] == source_file] for name, frame in built.frames.items()
            if "source_file" in frame.columns}


def one(frame: pd.DataFrame, **where) -> pd.Series:
    """The single row matching ``where`` (None matches a missing value)."""
    rows = frame
    for col, value in where.items():
        rows = rows[rows[col].isna()] if value is None else rows[rows[col] == value]
    assert len(rows) == 1, f"{len(rows)} rows for {where}"
    return rows.iloc[0]
