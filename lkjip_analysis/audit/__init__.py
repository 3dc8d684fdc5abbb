"""The audit: recompute what the reports print and list every disagreement.

Printed values stay as printed in the datasets; the audit only reports. Each check
allows for the rounding of what is printed: a recomputed value is compared with the
interval the printed inputs' rounding allows, widened by half a unit of the printed
result's last digit.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from ..datasets.schema import QUALITY_FLAGS
from . import arithmetic, consistency, derived

CHECKS = (
    arithmetic.achievement,
    arithmetic.progress,
    arithmetic.fraction,
    arithmetic.absorption,
    arithmetic.over_under,
    arithmetic.efficiency,
    arithmetic.products,
    arithmetic.averages,
    arithmetic.group_averages,
    arithmetic.lower_is_better,
    arithmetic.conclusion_counts,
    arithmetic.shares,
    arithmetic.sums,
    arithmetic.scope,
    consistency.copies,
    consistency.same_quantity,
    consistency.malformed,
    derived.derived_from_flagged,
)

# Checks that read the flags of the checks before them (CHECKS order): they run last.
READ_EARLIER_FLAGS = (derived.derived_from_flagged,)


# What kind of problem each check finds (quality_flags.csv `kind`).
KIND_OF_CHECK = {
    "achievement": "arithmetic", "progress": "arithmetic", "fraction": "arithmetic", "absorption": "arithmetic",
    "over_under": "arithmetic", "efficiency": "arithmetic", "product": "arithmetic", "average": "arithmetic",
    "sum": "arithmetic", "copy": "printings_disagree", "same_quantity": "printings_disagree",
    "malformed": "malformed", "group_average": "arithmetic", "lower_is_better": "arithmetic",
    "conclusion_count": "arithmetic", "share": "arithmetic", "scope": "scope", "derived_from_flagged": "arithmetic",
}


def audit(frames: dict[str, pd.DataFrame], reports, report_order: dict[str, int] | None = None) -> pd.DataFrame:
    """All quality flags, in a stable order (file, line, check, subject), each pointing at the
    value it flags (``value_id``, ``dataset``) and at the values its check read. Files come in
    ``report_order`` (the manifest's, as in every other dataset, so that parts of the manifest
    audited apart give the same flags in the same order); without it, as the checks first flag them."""
    flags = []
    for check in CHECKS:
        flags.extend(check(frames, reports, list(flags)) if check in READ_EARLIER_FLAGS else check(frames, reports))
    out = pd.DataFrame(flags, columns=[c for c in QUALITY_FLAGS.columns if c not in ("flag_id", "dataset", "kind")])
    if out.empty:
        return out.assign(flag_id=None, dataset=None, kind=None)[QUALITY_FLAGS.columns]
    order = report_order or {name: i for i, name in enumerate(dict.fromkeys(f["source_file"] for f in flags))}
    out = out.assign(_f=out["source_file"].map(order))
    out = out.sort_values(["_f", "source_line", "check", "subject"], kind="stable").drop(columns="_f")
    out = out.drop_duplicates(["source_file", "check", "source_line", "subject"]).reset_index(drop=True)
    return out.assign(
        flag_id=flag_ids(out),
        dataset=out["value_id"].map(_datasets_of(frames, set(out["value_id"].dropna()))),
        kind=out["check"].map(KIND_OF_CHECK),
    )[QUALITY_FLAGS.columns]


def _datasets_of(frames: dict[str, pd.DataFrame], value_ids: set[str]) -> dict[str, str]:
    """The dataset each of ``value_ids`` is in (the last frame holding it, in frame order): only the
    flagged values are looked up, not every value of every frame."""
    found = {}
    for name, frame in frames.items():
        if "value_id" in frame:
            held = frame["value_id"]
            for value_id in held[held.isin(value_ids)].tolist():
                if isinstance(value_id, str):
                    found[value_id] = name
    return found


def flag_ids(flags: pd.DataFrame) -> pd.Series:
    """``sumenep_2020-L264-fraction-1a2b3c``: report, line, check and a digest of the subject."""
    digest = flags["subject"].map(lambda s: hashlib.sha1(str(s).encode("utf-8")).hexdigest()[:6])
    return (flags["source_file"].astype(str).str.removesuffix(".txt") + "-L" + flags["source_line"].astype(str)
            + "-" + flags["check"].astype(str) + "-" + digest)
