"""Derived column ``indicator_id``: the same concept gets the same id in every report
(definitions in ``reference/indicators.yaml``; the labels each report prints for them in its
recipe's ``indicator_labels``).

A label the reference does not list, at a level that has no generic id, stops the build:
an indicator without a canonical id would drop out of every comparison unseen.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..errors import LkjipError
from ..recipes.vocabulary import Recipe
from ..reference.indicators import REFERENCE, id_for_level, known_ids, normalise_label


def label_map(recipes: Mapping[str, Recipe]) -> dict[tuple[str, str], str]:
    """(report file, normalised label) -> indicator id, from the recipes' ``indicator_labels``.

    A label may map to one id only, and only to an id indicators.yaml defines."""
    out: dict[tuple[str, str], str] = {}
    known = known_ids()
    for report, recipe in recipes.items():
        unknown = sorted(set(recipe.indicator_notes) - known)
        if unknown:
            raise LkjipError(recipe.module or report, f"{recipe.name}: indicator_notes names {', '.join(unknown)}, "
                             f"which {REFERENCE} does not define")
        for iid, labels in recipe.indicator_labels.items():
            if iid not in known:
                raise LkjipError(recipe.module or report, f"{recipe.name}: indicator_labels names {iid!r}, which "
                                 f"{REFERENCE} does not define")
            for label in labels:
                key = (report, normalise_label(label))
                if out.setdefault(key, iid) != iid:
                    raise LkjipError(recipe.module or report, f"{recipe.name}: label {label!r} maps to "
                                     f"{out[key]} and {iid}")
    return out


def lookup(labels: Mapping[tuple[str, str], str], source_file: str, indicator: str, level: str | None) -> str | None:
    """The id of a label as printed, else the generic id of its level; None when neither exists."""
    return labels.get((source_file, normalise_label(indicator))) or id_for_level(level)


def _refuse(problems: list[tuple[str, int, str]], raw_dir: Path | None, what: str, fix: str) -> LkjipError:
    source_file, line, text = problems[0]
    others = "; ".join(f"{f}:{n} {t!r}" for f, n, t in problems[1:6])
    more = f" (also {others}{' ...' if len(problems) > 6 else ''})" if others else ""
    path = raw_dir / source_file if raw_dir is not None else source_file
    return LkjipError(path, f"{what} {text!r}{more} {fix}", line=line)


def assign_indicator_ids(frame: pd.DataFrame, recipes: Mapping[str, Recipe],
                         raw_dir: str | Path | None = None) -> pd.DataFrame:
    """Fill indicator_id where the recipe did not set it, from the label reference.

    ``raw_dir`` (the folder of the reports) makes errors name the report's path.
    """
    if frame.empty:
        return frame
    raw_dir = Path(raw_dir) if raw_dir is not None else None
    labels, known = label_map(recipes), known_ids()
    ids, unlisted, unknown = [], [], []
    for given, src, line, ind, lvl in zip(frame["indicator_id"].tolist(), frame["source_file"].tolist(),
                                          frame["source_line"].tolist(), frame["indicator"].tolist(),
                                          frame["level"].tolist(), strict=True):
        if isinstance(given, str) and given:
            if given not in known:
                unknown.append((src, int(line), given))
            ids.append(given)
            continue
        found = lookup(labels, src, ind, lvl if isinstance(lvl, str) else None)
        if found is None:
            unlisted.append((src, int(line), ind))
        ids.append(found)
    if unknown:
        raise _refuse(unknown, raw_dir, "the recipe gives indicator_id",
                      f"which {REFERENCE} does not define: use one of its ids or add an entry there")
    if unlisted:
        raise _refuse(unlisted, raw_dir, "indicator label",
                      "maps to no canonical indicator id; add the label to the recipe's indicator_labels "
                      f"under the id it measures (ids are defined in {REFERENCE})")
    return frame.assign(indicator_id=ids)
