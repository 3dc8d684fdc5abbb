"""The three descriptions of the environment must agree.

pyproject.toml is the source of truth (runtime + ``dev`` extra). environment.yml
(conda users) must list the same names with the same specifiers, and
requirements.lock (``make setup``/``make lock``) must pin every one of them to a
version its specifier admits.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT_NAME = "lkjip-workbench"


def _pyproject() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)


def _spec_key(req: Requirement) -> tuple[str, str, str]:
    """What must agree for one dependency: extras, specifier, marker."""
    return (
        ",".join(sorted(req.extras)),
        str(SpecifierSet(str(req.specifier))),  # sorted, canonical text
        str(req.marker or ""),
    )


def _collect(reqs: list[str], where: str) -> dict[str, Requirement]:
    out: dict[str, Requirement] = {}
    for text in reqs:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name not in out, f"{where}: {name} listed twice"
        out[name] = req
    return out


def pyproject_requirements() -> dict[str, Requirement]:
    project = _pyproject()["project"]
    reqs = list(project["dependencies"]) + list(
        project.get("optional-dependencies", {}).get("dev", [])
    )
    return _collect(reqs, "pyproject.toml")


def _conda_to_pep508(spec: str) -> str:
    """Turn a conda match spec ('pandas >=3.1', 'numpy=2.4') into PEP 508 text."""
    m = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", spec)
    assert m, f"environment.yml: cannot read conda spec {spec!r}"
    name, version = m.groups()
    if re.fullmatch(r"=[^=].*", version):  # conda 'name=1.2' means 1.2.*
        v = version[1:]
        version = f"=={v}" if v.endswith("*") else f"=={v}.*"
    return f"{name}{version}"


def environment_yml() -> dict:
    with open(ROOT / "environment.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def environment_requirements() -> tuple[dict[str, Requirement], list[str], list[str]]:
    """(packages, conda-only specs for python/pip, pip options such as '-e .')."""
    env = environment_yml()
    reqs: list[str] = []
    base: list[str] = []
    options: list[str] = []
    for entry in env["dependencies"]:
        if isinstance(entry, dict):
            for line in entry.get("pip", []):
                line = str(line).strip()
                # options ('-e .', '-r file') and local paths are not packages
                (options if line.startswith(("-", ".", "/")) else reqs).append(line)
        else:
            text = _conda_to_pep508(str(entry))
            if canonicalize_name(Requirement(text).name) in {"python", "pip"}:
                base.append(text)
            else:
                reqs.append(text)
    return _collect(reqs, "environment.yml"), base, options


def lock_pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for n, raw in enumerate(
        (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines(), 1
    ):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        req = Requirement(line)
        specs = list(req.specifier)
        assert len(specs) == 1 and specs[0].operator == "==", (
            f"requirements.lock:{n}: not an exact pin: {line!r}"
        )
        name = canonicalize_name(req.name)
        assert name not in pins, f"requirements.lock:{n}: {name} pinned twice"
        pins[name] = Version(specs[0].version)
    return pins


def test_environment_yml_matches_pyproject():
    want = pyproject_requirements()
    have, _, _ = environment_requirements()
    problems = []
    for name in sorted(want.keys() - have.keys()):
        problems.append(f"missing from environment.yml: {want[name]}")
    for name in sorted(have.keys() - want.keys()):
        problems.append(f"in environment.yml but not in pyproject.toml: {have[name]}")
    for name in sorted(want.keys() & have.keys()):
        if _spec_key(want[name]) != _spec_key(have[name]):
            problems.append(
                f"{name}: pyproject.toml says {str(want[name])!r}, "
                f"environment.yml says {str(have[name])!r}"
            )
    assert not problems, "environment.yml disagrees with pyproject.toml:\n" + "\n".join(
        problems
    )


def test_environment_yml_python_and_project():
    env = environment_yml()
    assert env["name"] == "lkjip-workbench"
    assert "conda-forge" in env["channels"]
    _, base, options = environment_requirements()
    requires_python = SpecifierSet(_pyproject()["project"]["requires-python"])
    pythons = [Requirement(b) for b in base if b.startswith("python")]
    assert pythons, "environment.yml must pin python"
    for req in pythons:
        # e.g. python=3.11 -> ==3.11.*: its first release must satisfy requires-python
        version = str(req.specifier).removeprefix("==").removesuffix(".*")
        assert Version(version) in requires_python, (
            f"environment.yml {req} is outside requires-python {requires_python}"
        )
    assert any(b.startswith("pip") for b in base), "environment.yml must install pip"
    assert any(re.fullmatch(r"-e\s+\.(\[.*\])?", o) for o in options), (
        "environment.yml must install the project itself ('-e .' under pip)"
    )


def test_lock_pins_every_dependency_within_its_specifier():
    pins = lock_pins()
    problems = []
    for name, req in sorted(pyproject_requirements().items()):
        if name not in pins:
            problems.append(f"{name}: not pinned in requirements.lock")
        elif not req.specifier.contains(pins[name], prereleases=True):
            problems.append(
                f"{name}: requirements.lock pins {pins[name]}, "
                f"pyproject.toml requires {req.specifier}"
            )
    assert not problems, "requirements.lock disagrees with pyproject.toml:\n" + "\n".join(
        problems
    )


def test_every_extra_is_part_of_dev():
    """`make setup` installs .[dev]: an optional extra (e.g. ``dask``) is tested only if dev holds it,
    and environment.yml and the lock follow dev."""
    extras = _pyproject()["project"].get("optional-dependencies", {})
    dev = {str(Requirement(r)) for r in extras.get("dev", [])}
    missing = [f"{name}: {r}" for name, reqs in extras.items() for r in reqs if str(Requirement(r)) not in dev]
    assert not missing, "extras not in dev:\n" + "\n".join(missing)


def test_lock_is_generated_and_excludes_the_project():
    lines = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    header = list(itertools.takewhile(lambda line: line.startswith("#"), lines))
    assert any("make lock" in line for line in header), (
        "requirements.lock must start with a comment header saying 'make lock' regenerates it"
    )
    pins = lock_pins()
    assert canonicalize_name(PROJECT_NAME) not in pins
    assert canonicalize_name(_pyproject()["project"]["name"]) == PROJECT_NAME


def test_importing_altair_compiles_no_iri_grammar():
    """jsonschema 4.25+ imports rfc3987-syntax, which compiles its grammars at import: 0.7 s in
    every papermill run and every kernel that draws a chart (pyproject.toml pins jsonschema below
    4.25 for this). A fresh interpreter must get altair and nbformat without it."""
    import subprocess
    import sys

    code = "import sys, altair, nbformat; print('rfc3987_syntax' in sys.modules, 'lark' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
