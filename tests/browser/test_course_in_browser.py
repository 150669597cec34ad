"""The course as a student meets it: JupyterLab in headless Chromium.

nbval proves the kernel side; this proves the student *sees* it work. For every lesson
notebook and the first exercise notebook: run all cells from the Run menu, then check that
no cell shows an error, every widget and chart is drawn, the page logs no JavaScript
error, and that a quiz, an explorer and an exercise check respond to a student's clicks.
A full-page screenshot of each notebook is saved in tests/artifacts/screenshots/.
"""

import time
from pathlib import Path

import pytest
import student
from course_layout import exercise_paths, lesson_paths

HEALTHY = "fixtures/healthy-widgets-and-chart.ipynb"
BROKEN = "fixtures/broken-outputs.ipynb"


def run_and_inspect(
    open_notebook, path: str, screenshots: Path, exercise: bool = False
) -> tuple[list[str], dict]:
    """Run the notebook like a student; return its problems and what was interacted with.

    In an ``exercise`` notebook, also run a check again and read its message.

    The screenshot is taken even when a step fails, so a person can see what went wrong.
    """
    started = time.monotonic()
    notebook = open_notebook(path)
    try:
        notebook.run_all()
        problems = notebook.problems()
        tried = {"quiz": student.answer_quiz(notebook.page)}
        tried["explorers"] = student.move_explorers(notebook.page)
        if exercise:
            tried["check"] = student.run_a_check(notebook)
    finally:
        shot = screenshots / (Path(path).stem + ".png")
        notebook.screenshot(shot)
        print(f"{path}: {time.monotonic() - started:.1f} s, screenshot {shot}")
    for outcome in tried.values():
        problems += outcome or []
    return problems + notebook.console_errors, tried


def report(path: str, problems: list[str], screenshots: Path) -> str:
    shot = screenshots / (Path(path).stem + ".png")
    return f"{path} in JupyterLab ({shot}):\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("path", lesson_paths() + exercise_paths(), ids=lambda p: Path(p).name)
def test_notebook_works_for_a_student(path, open_notebook, screenshots):
    exercise = path.startswith("exercises/")
    problems, _tried = run_and_inspect(open_notebook, path, screenshots, exercise)
    assert not problems, report(path, problems, screenshots)


def test_healthy_widgets_and_charts_pass(open_notebook, screenshots):
    """Raw ipywidgets, Altair, explorers, a quiz and a check: drawn, and they answer clicks."""
    problems, tried = run_and_inspect(open_notebook, HEALTHY, screenshots, exercise=True)
    assert not problems, report(HEALTHY, problems, screenshots)
    missing = [name for name in ("quiz", "explorers", "check") if tried[name] is None]
    assert not missing, f"{HEALTHY}: no {' or '.join(missing)} found on the page"


def test_broken_outputs_are_reported(open_notebook, screenshots):
    """The audit must be able to fail: each deliberate fault in the fixture is reported."""
    problems, _tried = run_and_inspect(open_notebook, BROKEN, screenshots)
    found = "\n".join(problems)
    expected = {
        "error output": "error output ValueError: deliberate error",
        "widget that cannot be drawn": "a widget could not be displayed",
        "widget shown as text": "a widget is shown as text",
        "chart Vega cannot draw": "an output failed to render",
        "JavaScript console error": "console error: deliberate console error",
    }
    missed = [fault for fault, message in expected.items() if message not in found]
    assert not missed, f"the audit missed: {', '.join(missed)}; it reported:\n{found}"
