"""Tables printed twice: mark the later printing as a copy of the first.

Reports repeat tables, whole or in part (Blitar prints Tabel 3.1 and then each of its
rows again as 3.1.1 and 3.1.2), sometimes with edits (Sumenep's second printing of its
IKU table changes one target). A later table is a copy of an earlier one when its body
rows are found there: with the same title, at least half of each row on average must
match; without a title to go by (or with different ones) at least 80 %. Tables with
different titles are copies only when practically identical (the rows of Lumajang's
Tabel III.3-III.5 rating grids match except for the one row that matters).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Row, Table

SAME_TITLE = 0.5
NO_TITLE = 0.8
OTHER_TITLE = 0.95


Cells = tuple[str, ...]


def _cells(row: Row) -> Cells:
    return tuple(t.lower() for t in row.texts())  # Cell.text is already white-space folded


def _similarity(ca: Cells, cb: Cells) -> float:
    filled = max(sum(1 for t in ca if t), sum(1 for t in cb if t))
    if not filled:
        return 1.0
    return sum(1 for x, y in zip(ca, cb) if x and x == y) / filled


def row_similarity(a: Row, b: Row) -> float:
    """Share of the filled cells that are the same, column by column."""
    return _similarity(_cells(a), _cells(b))


@dataclass(frozen=True)
class _Signature:
    kind: str
    title: str | None
    header: list[Cells]
    body: list[Cells]
    words: frozenset[str]

    @classmethod
    def of(cls, t: Table) -> _Signature:
        body = [_cells(r) for r in t.body]
        return cls(t.kind, " ".join(t.title.lower().split()) if t.title else None,
                   [_cells(r) for r in t.header], body, frozenset(c for row in body for c in row if c))


def _body_similarity(later: _Signature, earlier: _Signature) -> float:
    """How well each body row of ``later`` is found among the rows of ``earlier``."""
    if not later.body or not earlier.body:
        return 0.0
    return sum(max(_similarity(r, e) for e in earlier.body) for r in later.body) / len(later.body)


def _header_compatible(a: _Signature, b: _Signature) -> bool:
    if bool(a.header) != bool(b.header):
        return False
    if not a.header:
        return True
    pairs = list(zip(a.header, b.header))
    return sum(_similarity(x, y) for x, y in pairs) / len(pairs) >= 0.5


def _is_copy(later: _Signature, earlier: _Signature) -> bool:
    if later.kind != earlier.kind or later.kind not in ("tsv", "html"):
        return False
    if len(later.words & earlier.words) < 0.3 * len(later.words):
        return False  # too few cells in common to reach any threshold: cheap rejection
    sim = _body_similarity(later, earlier)
    if later.title and earlier.title and later.title == earlier.title:
        return sim >= SAME_TITLE
    if not _header_compatible(later, earlier):
        return False
    return sim >= (OTHER_TITLE if later.title and earlier.title else NO_TITLE)


def mark_copies(tables: list[Table]) -> None:
    """Set ``copy_of`` of each table that repeats an earlier one (the first printing)."""
    originals: list[tuple[Table, _Signature]] = []
    for table in tables:
        sig = _Signature.of(table)
        original = next((o for o, osig in originals if _is_copy(sig, osig)), None)
        if original is not None:
            table.copy_of = original.table_id
        else:
            originals.append((table, sig))
