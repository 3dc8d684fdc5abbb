"""Shared fixtures: the reports are built once per test session, the fixture briefs rendered once."""

import hashlib
import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
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


FIXTURE_NOTEBOOKS = Path(__file__).resolve().parent / "fixtures" / "notebooks"


@dataclass
class Rendered:
    """One `lkjip briefs` call: its folder, exit status and what it printed."""

    out: Path
    status: int
    stdout: str
    stderr: str


def render(notebooks: Path, out: Path, *args: str) -> Rendered:
    """`lkjip briefs --notebooks NOTEBOOKS --out OUT ARGS...`, in process, output captured."""
    from lkjip_analysis.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        status = main(["briefs", "--notebooks", str(notebooks), "--out", str(out), *args])
    return Rendered(out, status, stdout.getvalue(), stderr.getvalue())


@pytest.fixture(scope="session")
def fixture_briefs(tmp_path_factory) -> Rendered:
    """The fixture notebooks (a region brief, an overview, one that fails on purpose), rendered
    once per session with two jobs: six kernels, about 15 s."""
    return render(FIXTURE_NOTEBOOKS, tmp_path_factory.mktemp("briefs"), "--jobs", "2")


def edit_report(raw: Path, name: str, old: bytes, new: bytes) -> Path:
    """In a copy of data/raw, replace ``old`` with ``new`` once in the report ``name`` and record its
    new sha256 in sources.csv, as someone changing a report on purpose would; returns its path."""
    path = raw / name
    text = path.read_bytes()
    assert old in text, f"{old!r} is not in {name}"
    path.write_bytes(text.replace(old, new, 1))
    manifest = raw / "sources.csv"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest.write_text("\n".join(",".join([*r.split(",")[:5], digest, r.split(",")[6]])
                                  if r.startswith(name + ",") else r
                                  for r in manifest.read_text().splitlines()) + "\n")
    return path
