"""``nkcourse release``: student versions are blanked, stripped and byte-for-byte stable."""

import json
from pathlib import Path

import pytest

from nkcourse import cli
from nkcourse.errors import NkcourseError
from nkcourse.instructor.release import blank_solutions, release

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "exercise"
FIXTURE_SOURCE = FIXTURE / "source" / "99-fixture.ipynb"


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def write_notebook(path: Path, sources: list[str], metadata=None) -> Path:
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "id": f"c{i}",
                "metadata": {},
                "outputs": [],
                "execution_count": None,
                "source": source,
            }
            for i, source in enumerate(sources)
        ],
        "metadata": {"nkcourse": {"exercise": "42", "module": "x"}}
        if metadata is None
        else metadata,
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def test_a_solution_block_becomes_blanks_for_the_names_it_sets():
    code = "import x\n# BEGIN SOLUTION\nstep = x.load()\ngrowth, total = step\n# END SOLUTION"
    assert blank_solutions(code) == "import x\nstep = ____\ngrowth = ____\ntotal = ____"


def test_a_solution_fragment_becomes_one_indented_blank():
    code = "growth = (\n    # BEGIN SOLUTION\n    a / b - 1\n    # END SOLUTION\n)"
    assert blank_solutions(code) == "growth = (\n    ____\n)"


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("# BEGIN SOLUTION\nx = 1", "never closed"),
        ("x = 1\n# END SOLUTION", "line 2: # END SOLUTION without"),
        ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION", "inside another"),
    ],
)
def test_unbalanced_markers_are_reported_with_their_place(code, problem):
    with pytest.raises(NkcourseError, match=problem):
        blank_solutions(code, "04-x.ipynb, cell 3")


def test_the_fixture_release_blanks_answers_and_drops_hidden_checks(tmp_path):
    [out] = release([FIXTURE_SOURCE], tmp_path)
    released = {cell["id"]: cell for cell in cells(out)}
    source = {cell["id"]: cell for cell in cells(FIXTURE_SOURCE)}
    hidden = [i for i, c in source.items() if "hidden" in c["metadata"].get("tags", [])]
    assert hidden and not set(hidden) & set(released)
    assert "".join(released["q1-answer"]["source"]) == "total_2017 = ____"
    text = out.read_text(encoding="utf-8")
    assert "SOLUTION" not in text and 'value_usd"].sum()' not in text
    assert json.loads(text)["metadata"]["nkcourse"] == {
        "exercise": "99",
        "module": "fixture_exercise",
    }


def test_release_is_byte_stable_and_ignores_outputs_in_the_source(tmp_path):
    first = release([FIXTURE_SOURCE], tmp_path / "a")[0].read_bytes()
    notebook = json.loads(FIXTURE_SOURCE.read_text(encoding="utf-8"))
    for number, cell in enumerate(c for c in notebook["cells"] if c["cell_type"] == "code"):
        cell["execution_count"] = number + 1
        cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "noise\n"}]
        cell["metadata"]["execution"] = {"iopub.status.busy": "2024-01-01T00:00:00Z"}
    notebook["metadata"]["widgets"] = {"state": {}}
    run_copy = tmp_path / "run" / FIXTURE_SOURCE.name
    run_copy.parent.mkdir()
    run_copy.write_text(json.dumps(notebook), encoding="utf-8")
    assert release([run_copy], tmp_path / "b")[0].read_bytes() == first
    assert release([FIXTURE_SOURCE], tmp_path / "a")[0].read_bytes() == first


def test_the_blank_fixture_submission_is_the_current_release(tmp_path):
    [out] = release([FIXTURE_SOURCE], tmp_path)
    assert out.read_bytes() == (FIXTURE / "submissions" / "blank.ipynb").read_bytes()


def test_committed_student_exercises_equal_a_fresh_release(tmp_path):
    sources = sorted((REPO / "exercises" / "source").glob("*.ipynb"))
    committed = sorted((REPO / "exercises").glob("*.ipynb"))
    assert [p.name for p in committed] == [p.name for p in sources], (
        "every exercises/NN-slug.ipynb needs exercises/source/NN-slug.ipynb and vice versa; "
        "run: nkcourse release exercises/source --out exercises"
    )
    if sources:
        for fresh in release(sources, tmp_path):
            assert fresh.read_bytes() == (REPO / "exercises" / fresh.name).read_bytes(), (
                f"exercises/{fresh.name} is stale: run nkcourse release exercises/source "
                "--out exercises"
            )


def test_a_bad_source_leaves_the_output_folder_untouched(tmp_path):
    good = write_notebook(tmp_path / "src" / "01-a.ipynb", ["x = 1"])
    bad = write_notebook(tmp_path / "src" / "02-b.ipynb", ["# BEGIN SOLUTION\nx = 1"])
    with pytest.raises(NkcourseError, match="02-b.ipynb, cell 0: # BEGIN SOLUTION is never"):
        release([good, bad], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_source_must_name_its_exercise(tmp_path):
    anonymous = write_notebook(tmp_path / "01-a.ipynb", ["x = 1"], metadata={})
    with pytest.raises(NkcourseError, match='"exercise": "04", "module"'):
        release([anonymous], tmp_path / "out")


def test_release_refuses_to_overwrite_its_source(tmp_path):
    source = write_notebook(tmp_path / "01-a.ipynb", ["x = 1"])
    with pytest.raises(NkcourseError, match="would overwrite"):
        release([source], tmp_path)


def test_the_command_line_releases_a_folder(tmp_path, capsys):
    assert cli.main(["release", "--source", str(FIXTURE / "source"), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "99-fixture.ipynb").is_file()
    assert "wrote" in capsys.readouterr().out


def test_the_command_line_explains_a_missing_source(tmp_path, capsys):
    assert cli.main(["release", str(tmp_path / "nope.ipynb"), "--out", str(tmp_path)]) == 2
    assert "no such notebook or folder" in capsys.readouterr().err
