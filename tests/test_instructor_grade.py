"""``nkcourse grade`` on made-up submissions: each gets the grade its answers earn.

The fixture exercise (tests/fixtures/exercise) has six questions: q1 a number (with a
hidden check that it is an int), q2 a growth rate, q3 a table, q4 a chart, q5 a quote and
q6 a written answer. Each submission's expected grades below follow from what its cells do.
"""

import csv
import io
import sys
import time
from pathlib import Path

import nbformat
import pytest

from nkcourse import cli
from nkcourse.errors import NkcourseError
from nkcourse.exercises.questions import PERCENT_NOT_FRACTION
from nkcourse.instructor.execute import Limits, Run, run_submission
from nkcourse.instructor.grade import grade_all, grade_question, load_exercise

FIXTURE = Path(__file__).parent / "fixtures" / "exercise"
SOURCE_DIR = FIXTURE / "source"
SUBMISSIONS = FIXTURE / "submissions"
CELL_TIMEOUT = 15  # kernel start plus imports take 1-3 s idle, several times that under load

C, X, N, E, T, M = "correct", "incorrect", "not_attempted", "error", "timeout", "manual"
EXPECTED = {
    "99-fixture": [C, C, C, C, C, M],  # the instructor's source, solutions and hidden checks
    "correct": [C, C, C, C, C, M],
    "blank": [N, N, N, N, N, N],
    # q1 a float (public checks pass, the hidden one not), q2 a percentage, q3 blank,
    # q4 a line chart
    "partial": [X, X, N, X, C, M],
    "crashing": [E, E, C, C, C, M],  # q1 divides by zero, so q2 cannot use it
    "infinite_loop": [C, C, T, C, C, M],  # q3's cell never ends
    # wrong q1 and q2; redefines check() and Question.evaluate, writes grades.csv and
    # feedback, prints "All tests passed"
    "fakes_success": [X, X, N, N, N, N],
    # q1 in yuan with its check cell printing "Correct", q2's check cell edited,
    # q3's and q4's answer and check cells deleted
    "edits_and_deletes": [X, X, N, N, C, M],
    "kernel_dies": [E] * 6,
    "not_a_notebook": [E] * 6,
    "empty": [E] * 6,
    "invalid_json": [E] * 6,
}


BROKEN_FILES = {
    "not_a_notebook": "This is my homework. I wrote it in a word processor.\n",
    "empty": "",
    "invalid_json": '{"cells": [{"cell_type": "code", "source": "x = 1"',
}


@pytest.fixture(scope="module", autouse=True)
def fixture_module_importable():
    """The kernels and the grader both import the fixture's check module by name."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(FIXTURE))
        patch.setenv("PYTHONPATH", str(FIXTURE))
        yield


@pytest.fixture(scope="module")
def batch(tmp_path_factory, fixture_module_importable):
    """Grade every submission, and the source notebook, once, through the command line."""
    out_dir = tmp_path_factory.mktemp("grades")
    out = out_dir / "grades.csv"
    out.write_text("student,question,points\nfake_grades,q1,100\n")  # replaced, not kept
    workdir = tmp_path_factory.mktemp("cwd")
    paths = sorted(SUBMISSIONS.glob("*.ipynb")) + [SOURCE_DIR / "99-fixture.ipynb"]
    broken = tmp_path_factory.mktemp("broken")  # made here: linters would trip over them
    for name, text in BROKEN_FILES.items():
        (broken / f"{name}.ipynb").write_text(text)
        paths.append(broken / f"{name}.ipynb")
    again = broken / "partial_again.ipynb"  # graded in another worker, to compare
    again.write_bytes((SUBMISSIONS / "partial.ipynb").read_bytes())
    paths.append(again)
    argv = [
        "grade",
        "--exercise",
        "99",
        "--source",
        str(SOURCE_DIR),
        "--out",
        str(out),
        "--jobs",
        "2",
        "--timeout",
        str(CELL_TIMEOUT),
        *map(str, paths),
    ]
    capture = pytest.MonkeyPatch()
    capture.chdir(workdir)
    stdout, stderr = io.StringIO(), io.StringIO()
    capture.setattr(sys, "stdout", stdout)
    capture.setattr(sys, "stderr", stderr)
    started = time.monotonic()
    try:
        code = cli.main(argv)
    finally:
        capture.undo()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    return {
        "code": code,
        "seconds": time.monotonic() - started,
        "out": out,
        "workdir": workdir,
        "header": out.read_text(encoding="utf-8").splitlines()[0],
        "rows": {(row["student"], row["question"]): row for row in rows},
        "stdout": stdout.getvalue(),
        "stderr": stderr.getvalue(),
    }


def test_the_batch_finishes_within_its_time_limits(batch):
    assert batch["code"] == 0, batch["stderr"]
    # About 20 s on an idle two-core machine; the bound leaves room for a busy one. Without
    # the per-cell timeout the infinite loop would never let the batch finish.
    assert batch["seconds"] < 120


@pytest.mark.parametrize("student", EXPECTED)
def test_each_submission_gets_the_grades_its_answers_earn(batch, student):
    got = [batch["rows"][(student, f"q{n}")]["status"] for n in range(1, 7)]
    assert got == EXPECTED[student]


def test_points_follow_the_status(batch):
    for row in batch["rows"].values():
        want = {C: "1", M: ""}.get(row["status"], "0")
        assert (row["points"], row["max_points"]) == (want, "1"), row


def test_grades_csv_has_the_agreed_columns(batch):
    assert batch["header"] == "student,question,points,max_points,status,feedback"
    assert len(batch["rows"]) == 6 * (len(EXPECTED) + 1)  # and partial_again


@pytest.mark.parametrize(
    ("student", "question", "words"),
    [
        ("correct", "q1", "All checks passed, including 1 hidden."),
        ("partial", "q2", PERCENT_NOT_FRACTION.message),
        ("partial", "q4", "Use bars (mark_bar), not a line."),
        ("edits_and_deletes", "q1", "That is the total in yuan (value_cny)"),
        ("edits_and_deletes", "q3", "`by_partner` is not defined yet"),
        ("partial", "q1", "All public checks passed, but a hidden check did not: total_2017"),
        ("crashing", "q1", "ZeroDivisionError"),
        ("infinite_loop", "q3", f"ran longer than {CELL_TIMEOUT} s"),
        ("kernel_dies", "q1", "The kernel died"),
        ("empty", "q1", "empty file"),
        ("not_a_notebook", "q1", "not a readable Jupyter notebook"),
        ("invalid_json", "q1", "not a readable Jupyter notebook"),
        ("partial", "q6", "to be marked by the instructor: I think they are the same"),
    ],
)
def test_feedback_says_what_happened(batch, student, question, words):
    assert words in batch["rows"][(student, question)]["feedback"]


def test_a_fake_grades_file_changes_nothing(batch):
    assert batch["rows"][("fakes_success", "q1")]["points"] == "0"
    assert not list(batch["workdir"].iterdir())  # the kernel wrote in its own scratch folder
    assert not (SUBMISSIONS / "grades.csv").exists()
    assert "All tests passed" not in batch["out"].read_text(encoding="utf-8")


def test_each_student_gets_a_feedback_file(batch):
    folder = batch["out"].parent / "feedback"
    assert sorted(p.stem for p in folder.glob("*.md")) == sorted([*EXPECTED, "partial_again"])
    text = (folder / "partial.md").read_text(encoding="utf-8")
    assert "Score: 1 of 6 points (1 written answer(s) still to be marked)." in text
    assert "## q3 (0/1): not attempted" in text


def test_a_summary_and_progress_are_printed(batch):
    assert "correct: 5 of 6 points (1 written answer(s) still to be marked)" in batch["stdout"]
    assert "kernel_dies: 0 of 6 points, 6 error" in batch["stdout"]
    total = len(EXPECTED) + 1
    assert f"graded {total}/{total}" in batch["stderr"]


def test_grading_the_same_notebook_again_gives_identical_grades(batch):
    def grades(student):
        rows = [batch["rows"][(student, f"q{n}")] for n in range(1, 7)]
        return [{k: v for k, v in row.items() if k != "student"} for row in rows]

    assert grades("partial_again") == grades("partial")


def test_the_notebook_time_limit_stops_the_rest(tmp_path):
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(code) for code in ("a = 1", "while True:\n    pass", "b = 2")
        ]
    )
    started = time.monotonic()
    run = run_submission(notebook, ["a", "b"], Limits(cell_timeout=60, notebook_timeout=6))
    assert time.monotonic() - started < 30
    assert run.answers == {"a": {"type": "number", "value": 1}, "b": {"type": "missing"}}
    assert [(p.index, p.kind) for p in run.problems] == [(1, "timeout"), (2, "timeout")]
    assert "the notebook used up its 6 s" in run.problems[0].message
    assert run.problems[1].message.startswith("was not run")


def test_a_forged_answer_payload_is_an_error_not_a_crash():
    exercise = load_exercise(SOURCE_DIR, "99")
    from fixture_exercise import q3

    forged = Run(answers={"by_partner": {"type": "frame", "orient": "table", "json": "]["}})
    grade = grade_question("mallory", q3, forged, exercise)
    assert (grade.status, grade.points) == (E, 0)


def test_an_unknown_exercise_is_explained(tmp_path, capsys):
    argv = [
        "grade",
        "--exercise",
        "42",
        "--source",
        str(SOURCE_DIR),
        "--out",
        str(tmp_path / "g.csv"),
        str(SUBMISSIONS / "blank.ipynb"),
    ]
    assert cli.main(argv) == 2
    assert "no source notebook for exercise '42'" in capsys.readouterr().err
    assert not (tmp_path / "g.csv").exists()


def test_a_hidden_cell_must_name_a_real_question(tmp_path):
    text = (SOURCE_DIR / "99-fixture.ipynb").read_text(encoding="utf-8")
    (tmp_path / "99-fixture.ipynb").write_text(text.replace('"question": "q1"', '"question": "q9"'))
    with pytest.raises(NkcourseError, match="names question 'q9'"):
        load_exercise(tmp_path, "99")


def test_two_submissions_with_one_name_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    copy = tmp_path / "a" / "blank.ipynb"
    copy.write_bytes((SUBMISSIONS / "blank.ipynb").read_bytes())
    exercise = load_exercise(SOURCE_DIR, "99")
    with pytest.raises(NkcourseError, match="several submissions are named blank"):
        grade_all([SUBMISSIONS / "blank.ipynb", copy], exercise, Limits())


def test_a_written_answer_that_misses_a_public_check_still_reaches_the_instructor():
    exercise = load_exercise(SOURCE_DIR, "99")
    from fixture_exercise import q6

    short = Run(answers={"explain": {"type": "str", "value": "Same shipments."}})
    grade = grade_question("brief", q6, short, exercise)
    assert (grade.status, grade.points) == (M, None)
    assert "write at least" in grade.feedback and "Same shipments." in grade.feedback
    not_text = Run(answers={"explain": {"type": "number", "value": 3}})
    assert grade_question("numeric", q6, not_text, exercise).status == X
