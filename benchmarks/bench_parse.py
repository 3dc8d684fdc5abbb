"""How long reading and table-finding the four reports takes (run: `make bench`).

Timing lives here, not in assertions: the tests stay deterministic on any machine.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from lkjip_analysis.extraction import find_tables, read_manifest, read_report

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
REPEATS = 20


def main() -> None:
    sources = read_manifest(RAW)
    find_tables(read_report(RAW / sources[0].file, sources[0]))  # warm up regex caches
    print(f"{'report':<22}{'tables':>7}{'median ms':>11}{'min ms':>9}")
    total = []
    for source in sources:
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            tables = find_tables(read_report(RAW / source.file, source))
            times.append((time.perf_counter() - start) * 1000)
        total.append(statistics.median(times))
        print(f"{source.file:<22}{len(tables):>7}{statistics.median(times):>11.2f}{min(times):>9.2f}")
    print(f"{'all four (median sum)':<29}{sum(total):>11.2f}")


if __name__ == "__main__":
    main()
