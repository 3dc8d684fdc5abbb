"""Raw reports: the manifest (data/raw/sources.csv) and checksum-verified reading."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LkjipError
from ..text.patterns import is_year

MANIFEST_NAME = "sources.csv"
MANIFEST_FIELDS = ("file", "region", "region_type", "report_year", "office", "sha256", "original_name")


@dataclass(frozen=True)
class Source:
    """One row of the manifest."""

    file: str
    region: str
    region_type: str
    report_year: int
    office: str
    sha256: str
    original_name: str

    @property
    def stem(self) -> str:
        return Path(self.file).stem


@dataclass(frozen=True)
class Report:
    """A report's text split into lines; ``line(n)`` is 1-based, as editors number them."""

    path: Path
    text: str
    source: Source | None = None
    lines: tuple[str, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # split("\n"), not splitlines(): the latter also breaks on \x0c, \u2028 ... and
        # would shift the line numbers we cite away from what an editor shows.
        object.__setattr__(self, "lines", tuple(self.text.split("\n")))

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def stem(self) -> str:
        return self.path.stem

    def line(self, number: int) -> str:
        if not 1 <= number <= len(self.lines):
            raise LkjipError(self.path, f"line {number} is outside the report (1-{len(self.lines)})")
        return self.lines[number - 1]


def read_manifest(raw_dir: str | Path) -> list[Source]:
    """The manifest of a raw-data folder, checked for its columns and values."""
    path = Path(raw_dir) / MANIFEST_NAME
    if not path.is_file():
        raise LkjipError(path, "manifest not found")
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in MANIFEST_FIELDS if c not in (reader.fieldnames or [])]
            if missing:
                raise LkjipError(path, f"manifest lacks column(s) {', '.join(missing)}", line=1)
            sources = []
            for row in reader:
                line = reader.line_num
                if not is_year((row["report_year"] or "").strip()):
                    raise LkjipError(path, f"report_year {row['report_year']!r} is not a year", line)
                year = int(row["report_year"])
                if row["region_type"] not in ("kabupaten", "kota"):
                    raise LkjipError(path, f"region_type must be kabupaten or kota, not {row['region_type']!r}", line)
                sources.append(
                    Source(row["file"], row["region"], row["region_type"], year, row["office"],
                           row["sha256"].lower(), row["original_name"])
                )
    except UnicodeDecodeError as exc:
        raise LkjipError(path, f"manifest is not valid UTF-8 ({exc.reason})") from None
    names = [s.file for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise LkjipError(path, f"manifest lists {', '.join(dupes)} more than once")
    return sources


def read_report(path: str | Path, source: Source | None = None, *, verify: bool = True) -> Report:
    """Read a report as UTF-8 text.

    When ``source`` is not given, the manifest beside the file is consulted (if there
    is one) and the file's sha256 must match it: the build refuses a changed report.
    """
    path = Path(path)
    if not path.is_file():
        raise LkjipError(path, "report file not found")
    if source is None and verify:
        source = _find_source(path)
    data = path.read_bytes()
    if source is not None and verify:
        digest = hashlib.sha256(data).hexdigest()
        if digest != source.sha256:
            raise LkjipError(
                path,
                f"sha256 {digest} does not match the manifest ({source.sha256}); "
                "the raw report changed - restore it, or update sources.csv deliberately",
            )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise LkjipError(path, f"not valid UTF-8 (byte {data[exc.start]:#04x} at column {column})", line=line) from None
    return Report(path, text, source)


def _find_source(path: Path) -> Source | None:
    manifest = path.parent / MANIFEST_NAME
    if not manifest.is_file():
        return None
    for source in read_manifest(path.parent):
        if path.name in (source.file, source.original_name):
            return source
    return None


def read_reports(raw_dir: str | Path) -> list[Report]:
    """Every report of a manifest, verified, in manifest order."""
    raw_dir = Path(raw_dir)
    return [read_report(raw_dir / s.file, s) for s in read_manifest(raw_dir)]
