"""One error type for bad input, always naming the file (and line when known)."""

from __future__ import annotations

from pathlib import Path


class LkjipError(Exception):
    """Bad input: a changed, missing or unreadable report, or a recipe that no longer fits."""

    def __init__(self, path: str | Path | None, message: str, line: int | None = None):
        self.path = None if path is None else str(path)
        self.line = line
        self.message = message
        where = self.path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # rebuilt from its parts when it crosses processes (`lkjip build --jobs`)
        return (self.__class__, (self.path, self.message, self.line))
