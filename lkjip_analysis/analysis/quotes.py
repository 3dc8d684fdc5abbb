"""What the reports say beside their numbers, as their recipes quote it (``Quote``: topic,
line, the printed words, what they say in English). The build has checked every quote against
its line; the analysis only looks them up."""

from __future__ import annotations

from ..recipes import Quote, recipes_by_report


def quotes(topic: str, file: str) -> list[Quote]:
    """The quotes on ``topic`` ("aid", "efficiency") of one report file, in line order."""
    recipe = recipes_by_report().get(file)
    return sorted((q for q in (recipe.quotes if recipe else ()) if q.topic == topic), key=lambda q: q.line)


def cited(quote: Quote, file: str) -> str:
    """"file line N: what it says (“the printed words”)"."""
    return f"{file} line {quote.line}: {quote.says} (\u201c{quote.text}\u201d)"
