"""``check()`` in a real kernel: it reads the notebook's variables with no argument.

Runs the fixture exercise's source notebook (solutions in place) and its released student
version (blanks in place) top to bottom, and reads what each check cell displayed.
"""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from nkcourse.instructor.notebooks import read_source
from nkcourse.instructor.release import student_version

FIXTURE = Path(__file__).parent / "fixtures" / "exercise"
SOURCE = FIXTURE / "source" / "99-fixture.ipynb"


def check_outputs(notebook, tmp_path) -> dict[str, str]:
    """Run ``notebook``; ``{cell id: text/plain shown}`` for each ``qN-check`` cell."""
    NotebookClient(notebook, timeout=60, kernel_name="python3").execute(cwd=str(tmp_path))
    shown = {}
    for cell in notebook.cells:
        if cell.get("id", "").endswith("-check"):
            assert not any(o.output_type == "error" for o in cell.outputs), cell.outputs
            [result] = [o for o in cell.outputs if o.output_type == "execute_result"]
            assert "nkcourse-check" in result.data["text/html"]
            shown[cell.id] = result.data["text/plain"]
    return shown


@pytest.fixture(autouse=True)
def fixture_module_importable(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(FIXTURE))


def test_the_solutions_pass_every_check_in_the_notebook(tmp_path):
    shown = check_outputs(nbformat.read(SOURCE, as_version=4), tmp_path)
    assert len(shown) == 6
    for number in range(1, 6):
        assert shown[f"q{number}-check"].startswith(f"✓ q{number}: Correct. All public checks")
    assert shown["q6-check"].startswith("✎ q6: Recorded.")


def test_the_student_version_runs_with_every_answer_not_attempted(tmp_path):
    shown = check_outputs(student_version(read_source(SOURCE)), tmp_path)
    assert len(shown) == 6
    assert all(": Not attempted. Replace ____" in text for text in shown.values()), shown
