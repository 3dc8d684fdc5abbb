"""The "How to read this" note every brief opens with: what holds for every figure, then what
holds for the notebook's own charts."""

from __future__ import annotations

COMMON = (
    "Every figure names the report file and line it is printed on (`<file> line N`); in the HTML brief, "
    "hovering over a chart's mark shows the same, or the BPS source of an outside figure.",
    "Numbers are written as the reports write them: `.` groups thousands and `,` marks decimals "
    "(`1.047.919`, `5,90 %`); percentages keep the precision the report printed; rupiah are given in "
    "juta (10\u2076) and miliar (10\u2079).",
    "A red ring marks a value the audit flags, and *Flagged values* lists each with its line and what the "
    "check found. Values stay as printed: a flag says the report's own numbers disagree, not which one is "
    "right.",
)


def how_to_read(*specific: str) -> str:
    """Markdown bullets: the notebook's own points first, then the ones every brief shares."""
    return "\n".join(f"- {point}" for point in (*specific, *COMMON))
