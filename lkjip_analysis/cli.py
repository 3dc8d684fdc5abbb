"""Command-line entry point `lkjip` (placeholder, being written)."""


def main(argv=None) -> int:
    raise SystemExit("lkjip: not implemented yet")
