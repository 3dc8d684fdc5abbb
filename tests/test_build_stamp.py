"""`lkjip build` skips its work when a stamp says neither data/raw nor the code changed: the
skipped build leaves the same bytes as a full one, and the stamp lives beside the output folder."""

from pathlib import Path

from lkjip_analysis.cli import main
from lkjip_analysis.stamp import inputs_digest, stamp_path, up_to_date, write_stamp

ROOT = Path(__file__).resolve().parents[1]
RAW, CLEAN = ROOT / "data" / "raw", ROOT / "data" / "clean"


def _same_as_committed(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in CLEAN.iterdir())
    for path in CLEAN.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_second_build_is_skipped_and_leaves_the_committed_bytes(tmp_path, capsys):
    out = tmp_path / "clean"
    assert main(["build", "--raw", str(RAW), "--out", str(out)]) == 0
    assert "rows" in capsys.readouterr().out  # the full build reports its files
    _same_as_committed(out)
    assert stamp_path(out) == tmp_path / ".clean.build-stamp" and stamp_path(out).is_file()
    times = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    assert main(["build", "--raw", str(RAW), "--out", str(out)]) == 0
    assert "is up to date" in capsys.readouterr().out
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == times
    _same_as_committed(out)

    (out / "budget.csv").write_text("edited by hand\n")  # an output that changed is rebuilt
    assert main(["build", "--raw", str(RAW), "--out", str(out)]) == 0
    assert "rows" in capsys.readouterr().out
    _same_as_committed(out)

    assert main(["build", "--raw", str(RAW), "--out", str(out), "--force"]) == 0
    assert "rows" in capsys.readouterr().out
    _same_as_committed(out)


def test_the_stamp_follows_raw_files_and_outputs(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    out.mkdir()
    (raw / "report.txt").write_text("Tabel 1\n")
    (out / "a.csv").write_text("a\n")
    assert not up_to_date(raw, out)  # no stamp yet
    write_stamp(raw, out, inputs_digest(raw))
    assert up_to_date(raw, out)
    (raw / "report.txt").write_text("Tabel 2\n")
    assert not up_to_date(raw, out)
    (raw / "report.txt").write_text("Tabel 1\n")
    assert up_to_date(raw, out)
    (raw / "recipes").mkdir()
    (raw / "recipes" / "report.py").write_text("RECIPE = None\n")  # a new recipe beside the reports
    assert not up_to_date(raw, out)


def test_no_stamp_when_the_inputs_change_during_the_build(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    out.mkdir()
    (raw / "report.txt").write_text("before\n")
    before = inputs_digest(raw)
    (raw / "report.txt").write_text("after\n")
    write_stamp(raw, out, before)
    assert not stamp_path(out).exists()


def test_a_build_imports_neither_the_analysis_nor_pandera(tmp_path):
    import subprocess
    import sys

    heavy = ("altair", "pandera", "frictionless", "papermill", "nbconvert", "ipywidgets", "dask", "distributed")
    code = ("import sys; from lkjip_analysis.cli import main; "
            f"main(['build', '--force', '--out', {str(tmp_path / 'clean')!r}]); "
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r} "
            "or m.startswith(('lkjip_analysis.analysis', 'lkjip_analysis.briefs'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.splitlines()[-1] == "[]"
