"""The skeleton: command line, doctor, Binder files, clean notebooks, lazy imports."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from nkcourse import __version__, atomic, cli, doctor, integrity

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/**/*.ipynb"))


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "nkcourse", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_every_command():
    result = run_cli("--help")
    assert result.returncode == 0
    for name in cli.COMMANDS:
        assert name in result.stdout


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"nkcourse {__version__}"


def test_unknown_command_fails_with_usage():
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_every_command_module_has_a_main():
    import importlib

    for module_name, _help in cli.COMMANDS.values():
        assert callable(importlib.import_module(module_name).main), module_name


def test_doctor_passes_on_this_install():
    result = run_cli("doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PROBLEM" not in result.stdout
    assert "files in nkcourse" in result.stdout


def test_doctor_names_an_edited_file_and_the_fix(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.csv").write_text("x\n1\n")
    integrity.write_manifest(tmp_path, ["a.csv"])
    (tmp_path / "a.csv").write_text("x\n2\n")
    monkeypatch.setattr(integrity, "manifest_folders", lambda: [tmp_path])
    monkeypatch.setattr(doctor, "check_files", lambda: _files_check_for(tmp_path))
    assert doctor.main([]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM" in out and "a.csv" in out and "git checkout" in out


def _files_check_for(folder):
    found = integrity.problems(folder)
    return [doctor.Check("files", not found, "; ".join(found))]


def test_integrity_reports_missing_and_changed_files(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name)
    integrity.write_manifest(tmp_path, ["a.txt", "b.txt"])
    assert integrity.problems(tmp_path) == []
    (tmp_path / "a.txt").write_text("edited")
    (tmp_path / "b.txt").unlink()
    found = integrity.problems(tmp_path)
    assert len(found) == 2
    assert any("a.txt" in p and "edited or is corrupt" in p for p in found)
    assert any("b.txt" in p and "missing" in p for p in found)


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "progress.json"
    atomic.write_json(target, {"ok": 1})

    class Boom:
        def __str__(self):
            raise RuntimeError("disk full")

    with pytest.raises(TypeError):
        atomic.write_json(target, {"bad": Boom()})
    assert json.loads(target.read_text()) == {"ok": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["progress.json"]


def _normalise(requirement: str) -> str:
    return re.sub(r"\s+", "", requirement).lower().replace("_", "-")


def test_binder_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert environment["channels"] == ["conda-forge"]
    conda = [dep for dep in environment["dependencies"] if isinstance(dep, str)]
    assert any(re.fullmatch(r"python=3\.\d+", dep) for dep in conda), "pin Python for Binder"
    conda_deps = {_normalise(d) for d in conda if not d.startswith(("python=", "pip"))}
    assert conda_deps == {_normalise(d) for d in project["dependencies"]}
    assert "pip install" in (ROOT / "postBuild").read_text()


def test_readme_gives_the_two_commands_and_a_binder_badge():
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme
    badge = re.search(r"\(https://mybinder\.org/v2/gh/[^)]+\)", readme)
    assert badge and "urlpath=lab/tree/notebooks/00-start.ipynb" in badge.group(0)
    assert "make test" in (ROOT / ".ci/run").read_text()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebooks_are_committed_without_outputs(path):
    notebook = json.loads(path.read_text())
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            assert not cell.get("outputs"), f"{path.name} cell {index} has outputs"
            assert cell.get("execution_count") is None, f"{path.name} cell {index} was run"


def test_import_is_lazy():
    code = (
        "import sys, nkcourse; "
        "print(sorted(m for m in ('pandas', 'altair', 'ipywidgets') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_start_notebook_exists():
    assert (ROOT / "notebooks" / "00-start.ipynb").is_file()
