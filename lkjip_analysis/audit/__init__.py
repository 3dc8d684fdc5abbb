"""The audit: recompute what the reports print and list every disagreement.

Printed values stay as printed in the datasets; the audit only reports. Each check
allows for the rounding of what is printed: a recomputed value is compared with the
interval the printed inputs' rounding allows, widened by half a unit of the printed
result's last digit.
"""

from __future__ import annotations

import pandas as pd

from ..datasets.schema import QUALITY_FLAGS
from . import arithmetic, consistency

CHECKS = (
    arithmetic.achievement,
    arithmetic.progress,
    arithmetic.fraction,
    arithmetic.absorption,
    arithmetic.over_under,
    arithmetic.efficiency,
    arithmetic.products,
    arithmetic.averages,
    arithmetic.sums,
    consistency.copies,
    consistency.same_quantity,
    consistency.malformed,
)


def audit(frames: dict[str, pd.DataFrame], reports) -> pd.DataFrame:
    """All quality flags, in a stable order (file, line, check, subject)."""
    flags = [flag for check in CHECKS for flag in check(frames, reports)]
    out = pd.DataFrame(flags, columns=QUALITY_FLAGS.columns)
    if out.empty:
        return out
    order = {name: i for i, name in enumerate(dict.fromkeys(f["source_file"] for f in flags))}
    out = out.assign(_f=out["source_file"].map(order))
    out = out.sort_values(["_f", "source_line", "check", "subject"], kind="stable").drop(columns="_f")
    return out.drop_duplicates(["source_file", "check", "source_line", "subject"]).reset_index(drop=True)
