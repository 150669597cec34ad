"""Exercise 01's notebooks, without a kernel: the source notebook's solution code passes
every check, and the released student version leaves every question not attempted.

The cells run in-process in one namespace, as a kernel would run them top to bottom; the
check cells are skipped and each question judges the variables the cells left behind.
"""

import json
from pathlib import Path

import nbformat

from nkcourse.exercises import ex01
from nkcourse.exercises.answers import extract
from nkcourse.exercises.outcome import NOT_ATTEMPTED
from nkcourse.exercises.registry import questions

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "exercises" / "source" / "01-sources.ipynb"
STUDENT = ROOT / "exercises" / "01-sources.ipynb"


def run_cells(path: Path) -> dict:
    """The namespace after running every code cell but the checks (and hidden cells)."""
    namespace = {"__name__": "__main__"}
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        hidden = "hidden" in cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "code" and not cell.id.endswith("-check") and not hidden:
            exec(compile(cell.source, f"{path.name}:{cell.id}", "exec"), namespace)  # noqa: S102
    return namespace


def outcomes(namespace: dict) -> dict:
    return {
        question.name: question.evaluate(json.loads(extract(question.variables, namespace)))
        for question in questions(ex01)
    }


def test_every_question_has_a_check_cell_in_the_source_notebook():
    notebook = nbformat.read(SOURCE, as_version=4)
    checks = [cell.source.strip() for cell in notebook.cells if cell.id.endswith("-check")]
    assert checks == [f"ex01.{q.name}.check()" for q in questions(ex01)]


def test_the_source_notebooks_solutions_pass_every_check():
    results = outcomes(run_cells(SOURCE))
    for question in questions(ex01):
        outcome = results[question.name]
        assert outcome.status == question.success, (question.name, outcome.message)


def test_the_student_version_runs_with_every_question_not_attempted():
    results = outcomes(run_cells(STUDENT))
    assert {name: o.status for name, o in results.items()} == dict.fromkeys(results, NOT_ATTEMPTED)
