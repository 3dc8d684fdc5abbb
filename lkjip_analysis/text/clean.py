"""Cell text as a reader sees it: no HTML tags, no markdown emphasis, single spaces."""

from __future__ import annotations

import re
from functools import lru_cache

_TAG = re.compile(r"<[^>]*>")
_MARKUP = re.compile(r"\*\*|__|\\,")


@lru_cache(maxsize=1 << 16)  # a cell's text is cleaned when it is read, and again by its parse
def clean_text(text: str) -> str:
    """Cell text without HTML tags, markdown emphasis, LaTeX's ``\\%`` or repeated white space."""
    text = _TAG.sub(" ", text).replace("\\%", "%")
    text = _MARKUP.sub("", text)
    return " ".join(text.split())
