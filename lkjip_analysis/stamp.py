"""Whether `lkjip build` may skip its work: a stamp of what the last build read and wrote.

The stamp holds two digests: of the build's inputs (every file under the raw folder, under
data/reference beside it, and of this package's source, with the Python and pandas versions) and
of the files it wrote. When both still match, the output folder is what a build would write and
is left as it is. The stamp lives beside the output folder (``data/.clean.build-stamp``, ignored by
git), never in it: the published files stay exactly the build's. Nothing here imports pandas,
so an up-to-date build costs milliseconds.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


def stamp_path(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.build-stamp"


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not SKIPPED_PARTS & set(p.parts))


def _digest(folders: dict[str, Path], extra: tuple[str, ...] = ()) -> str:
    h = hashlib.sha256()
    for text in extra:
        h.update(text.encode("utf-8") + b"\0")
    for label, folder in folders.items():
        for path in _files(folder):
            h.update(f"{label}/{path.relative_to(folder).as_posix()}\0".encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _installed_version(name: str) -> str | None:
    """The version in the name of ``name``'s ``<name>-<version>.dist-info`` folder on sys.path, as
    importlib.metadata finds it; read directly because importing importlib.metadata costs more
    (about 16 ms) than the whole check of an up-to-date build. Other layouts ask importlib.metadata."""
    wanted = re.compile(rf"{re.escape(name)}-([^-]+)\.dist-info", re.IGNORECASE)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            if match := wanted.fullmatch(folder):
                return match.group(1)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _library_versions() -> tuple[str, ...]:
    versions = {name: _installed_version(name) for name in ("pandas", "numpy", "pyyaml")}
    found = [f"{name}=={v}" if v else f"{name} missing" for name, v in versions.items()]
    return (".".join(map(str, sys.version_info[:3])), *found)


def inputs_digest(raw_dir: Path) -> str:
    """Digest of everything the build reads: the raw folder (reports, manifest, recipes), the
    reference folder beside it, the package's code and the versions that shape the numbers."""
    return _digest({"raw": raw_dir, "reference": raw_dir.parent / "reference", "code": PACKAGE},
                   _library_versions())


def outputs_digest(out_dir: Path) -> str:
    return _digest({"out": out_dir})


def up_to_date(raw_dir: Path, out_dir: Path) -> bool:
    """Whether ``out_dir`` holds what a build of ``raw_dir`` with this code would write."""
    path = stamp_path(out_dir)
    if not path.is_file() or not out_dir.is_dir():
        return False
    try:
        stamp = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp == {"inputs": inputs_digest(raw_dir), "outputs": outputs_digest(out_dir)}


def write_stamp(raw_dir: Path, out_dir: Path, inputs: str) -> None:
    """Record a finished build of ``inputs`` (the digest taken before it started); a stamp is only
    written when the inputs did not change while the build ran."""
    if inputs_digest(raw_dir) != inputs:
        stamp_path(out_dir).unlink(missing_ok=True)
        return
    stamp = {"inputs": inputs, "outputs": outputs_digest(out_dir)}
    stamp_path(out_dir).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
