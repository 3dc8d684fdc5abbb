"""Small lookups the topic modules share: the clean and reference files, each read once per
process (``loaded``); a region's official name (regions.csv); and where a headline figure is
printed (``lumajang_2020.txt lines 67, 507, 519``)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..datasets.load import load


@functools.cache
def loaded(name: str) -> pd.DataFrame:
    """``load(name)``, read and validated once per process: a region brief calls several topic
    modules, and each would otherwise read the same files again. Treat the frame as read-only."""
    return load(name)


def _regions() -> pd.DataFrame:
    return loaded("regions")


def full_names() -> dict[str, str]:
    """``{"Pasuruan": "Kota Pasuruan", ...}``: the short names of the data files share words
    (the regency and the city of Pasuruan), the official name does not."""
    return dict(_full_names())


@functools.cache
def _full_names() -> dict[str, str]:  # once per process: a region brief names regions a hundred times
    regions = _regions()
    return dict(zip(regions["region"].astype(str), regions["full_name"].astype(str), strict=True))


def full_name(region: Any) -> str:
    """The official name, or the short name itself for a region regions.csv does not list."""
    return _full_names().get(str(region), str(region))


def printed_on(source_file: Any, lines: Any) -> str:
    """``("lumajang_2020.txt", "67;507;519")`` -> ``lumajang_2020.txt lines 67, 507, 519``;
    one line -> ``... line 199``; no line -> the file alone."""
    numbers = [n for n in str(lines).split(";") if n and n != "<NA>"] if not pd.isna(lines) else []
    if not numbers:
        return str(source_file)
    word = "line" if len(numbers) == 1 else "lines"
    return f"{source_file} {word} {', '.join(numbers)}"


def report_sources(files: Iterable[str]) -> list[str]:
    """One line per report used, from data/raw/sources.csv: file, office, year, checksum."""
    from ..extraction.reports import read_manifest
    from ..paths import raw_dir

    wanted = set(files)
    return [f"`data/raw/{s.file}`: LKjIP {s.report_year} of {s.office} (sha256 {s.sha256[:12]}...)"
            for s in read_manifest(raw_dir()) if s.file in wanted]
