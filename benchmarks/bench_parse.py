"""How long reading and table-finding the four reports takes (part of `make bench`).

Timing lives here, not in assertions: the tests stay deterministic on any machine.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from lkjip_analysis.extraction import find_tables, read_manifest, read_report

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
REPEATS = 20


def parse_medians(repeats: int = REPEATS) -> dict[str, float]:
    """Median seconds of read_report + find_tables per report of the manifest."""
    sources = read_manifest(RAW)
    find_tables(read_report(RAW / sources[0].file, sources[0]))  # warm up regex caches
    medians = {}
    for source in sources:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            find_tables(read_report(RAW / source.file, source))
            times.append(time.perf_counter() - start)
        medians[source.file] = statistics.median(times)
    return medians


def main() -> None:
    medians = parse_medians()
    print(f"{'report':<22}{'median ms':>11}")
    for file, seconds in medians.items():
        print(f"{file:<22}{seconds * 1000:>11.2f}")
    print(f"{'all four (median sum)':<22}{sum(medians.values()) * 1000:>11.2f}")


if __name__ == "__main__":
    main()
