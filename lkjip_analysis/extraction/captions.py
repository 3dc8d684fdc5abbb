"""Captions ("Tabel 3.2", "TABEL III.11") and titles printed above a table."""

from __future__ import annotations

import re

from ..text.clean import clean_text

# "Tabel 3.2", "Tabel 3. 8", "TABEL III.11", "Tabel 2.1." - the label as printed.
CAPTION = re.compile(r"^\W*((?:tabel|table)\s*(?:[IVX]+(?![A-Za-z])|\d+)(?:\s?\.\s?\d+)*)", re.IGNORECASE)
MAX_LOOKBACK = 4  # non-blank lines between a caption and its table
MAX_TITLE = 200  # a longer line is prose


def caption_above(lines: tuple[str, ...], first_line: int, floor: int = 0) -> tuple[str | None, str | None]:
    """The caption and title printed above the table starting at ``first_line``.

    Looks back over at most four non-blank lines, never past ``floor`` (the end of
    the previous table) or a line of prose. Without a numbered caption, a short
    heading right above the table (``Tabel Konversi Indeks Penilaian``, ``CAPAIAN IKU
    BUPATI TAHUN 2020``) is the title; a sentence ending in ``:`` is not.
    """
    seen: list[int] = []
    n = first_line - 1
    while n > floor and len(seen) < MAX_LOOKBACK:
        text = lines[n - 1].strip()
        if "\t" in text:
            break
        if text:
            if len(text) > MAX_TITLE or text.lower().startswith(("sumber", "* ")):  # a source note or footnote
                break
            seen.append(n)
            m = CAPTION.match(_plain(text))
            if m:
                label = m.group(1).rstrip(". ")
                rest = _plain(text)[m.end():].strip(" .:*")
                title_lines = [rest] if rest else []
                title_lines += [_plain(lines[k - 1]) for k in sorted(seen) if k != n]
                return label, " ".join(t for t in title_lines if t) or None
        n -= 1
    if seen:
        nearest = _plain(lines[seen[0] - 1])
        if not nearest.endswith((":", ".", ",")) and len(nearest) <= 100:
            return None, nearest
    return None, None


def _plain(text: str) -> str:
    return clean_text(text.replace("#", " ")).strip("* ")
