"""lkjip_analysis: tidy, traceable data from Indonesian LKjIP performance reports.

``load("indicators")`` returns a clean file as a typed DataFrame; ``series("pmks_reached_pct")``
one headline indicator as a region x year table; ``flags_for(frame)`` marks a frame's flagged rows
and ``cite(row)`` says where a value is printed; ``find_tables`` and
``parse_id_number`` are the extraction layer underneath (see docs/architecture.md).
"""

__version__ = "0.1.0"

__all__ = ["load", "series", "flags_for", "cite", "find_tables", "parse_id_number", "read_report", "LkjipError",
           "__version__"]


def __getattr__(name):  # imports on first use: `import lkjip_analysis` stays fast
    if name == "load":
        from .datasets.load import load
        return load
    if name == "series":
        from .facts.headline import series
        return series
    if name in ("flags_for", "cite"):
        from .datasets import flags
        return getattr(flags, name)
    if name == "find_tables":
        from .extraction import find_tables
        return find_tables
    if name == "parse_id_number":
        from .text.numbers import parse_id_number
        return parse_id_number
    if name == "read_report":
        from .extraction import read_report
        return read_report
    if name == "LkjipError":
        from .errors import LkjipError
        return LkjipError
    raise AttributeError(name)
