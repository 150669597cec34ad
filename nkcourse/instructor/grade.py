"""Grade submissions: run each in its own kernel, then judge its answers here.

The judging happens in the grader's process with the grader's own check module and the
instructor's hidden checks, on answers read back as plain JSON. A submission can redefine
``check``, print "all tests passed" or write a grades file: none of it reaches this code.
"""

import importlib
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from nkcourse.errors import NkcourseError
from nkcourse.exercises.answers import decode
from nkcourse.exercises.outcome import CORRECT, ERROR, INCORRECT, MANUAL, NOT_ATTEMPTED
from nkcourse.exercises.questions import Question
from nkcourse.exercises.registry import questions
from nkcourse.instructor import notebooks
from nkcourse.instructor.execute import Limits, Run, run_submission

TIMEOUT = "timeout"
STATUSES = (CORRECT, INCORRECT, NOT_ATTEMPTED, ERROR, TIMEOUT, MANUAL)


@dataclass(frozen=True)
class Exercise:
    """What grading needs to know, small enough to send to worker processes."""

    exercise: str
    module: str
    hidden: tuple[tuple[str, str], ...]  # (question, code of a hidden-check cell)


@dataclass(frozen=True)
class Grade:
    """One row of grades.csv."""

    student: str
    question: str
    points: float | None  # None: to be marked by hand
    max_points: float
    status: str
    feedback: str


def load_exercise(source_dir: Path, exercise_id: str) -> Exercise:
    """The exercise as its source notebook describes it; its check module must import."""
    source = notebooks.find_source(source_dir, exercise_id)
    names = {question.name for question in exercise_questions(source.module)}
    hidden = tuple(notebooks.hidden_checks(source))
    for question, _code in hidden:
        if question not in names:
            raise NkcourseError(
                f"a hidden cell of {source.path} names question {question!r}, which "
                f"{source.module} does not have ({', '.join(sorted(names))})."
            )
    return Exercise(source.exercise, source.module, hidden)


def exercise_questions(module_name: str) -> list[Question]:
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise NkcourseError(
            f"cannot import the check module {module_name} ({error}). Install the course "
            "(`pip install -e .` in its folder) or fix the module named in the notebook."
        ) from None
    found = questions(module)
    if not found:
        raise NkcourseError(f"{module_name} defines no questions q1, q2...")
    return found


def _hidden_verdict(question: Question, tagged: dict, codes: list[str]) -> tuple[str, str]:
    """Run the instructor's hidden checks on the decoded answer variables."""
    for code in codes:
        namespace = {name: decode(tagged[name]) for name in question.variables}
        try:
            exec(compile(code, f"<hidden check of {question.name}>", "exec"), namespace)
        except AssertionError as error:
            why = f": {error}" if str(error) else "."
            return INCORRECT, f"All public checks passed, but a hidden check did not{why}"
        except Exception as error:
            return ERROR, f"A hidden check could not run ({type(error).__name__}: {error})."
    extra = f", including {len(codes)} hidden" if codes else ""
    return CORRECT, f"All checks passed{extra}."


def _unset_reason(question: Question, tagged: dict, run: Run) -> tuple[str, str] | None:
    """An answer cell that crashed or timed out explains a missing variable."""
    for name in question.variables:
        if tagged[name]["type"] != "missing":
            continue
        for problem in run.problems:
            if problem.mentions(name):
                return (
                    problem.kind,
                    f"`{name}` was never set: cell {problem.index} {problem.message}.",
                )
    return None


def grade_question(student: str, question: Question, run: Run, exercise: Exercise) -> Grade:
    """One question's grade, from a run's answers (or from why there are none)."""

    def grade(status: str, feedback: str) -> Grade:
        points = {CORRECT: question.points, MANUAL: None}.get(status, 0)
        return Grade(student, question.name, points, question.points, status, feedback)

    if run.answers is None:
        return grade(run.failure_status, run.failure)
    missing = {"type": "missing"}
    tagged = {name: run.answers.get(name, missing) for name in question.variables}
    try:
        outcome = question.evaluate(tagged)
    except Exception as error:  # a hand-forged payload
        return grade(ERROR, f"The answer could not be read ({type(error).__name__}).")
    if outcome.status == NOT_ATTEMPTED:
        return grade(*(_unset_reason(question, tagged, run) or (NOT_ATTEMPTED, outcome.message)))
    if outcome.status == CORRECT:
        codes = [code for name, code in exercise.hidden if name == question.name]
        return grade(*_hidden_verdict(question, tagged, codes))
    written = decode(tagged[question.variables[0]]) if question.success == MANUAL else None
    if outcome.status == MANUAL:
        return grade(MANUAL, f"Written answer, to be marked by the instructor: {written}")
    if isinstance(written, str):  # a written answer that misses a public check: still the
        # instructor's to mark, with the check's message beside the text
        return grade(MANUAL, f"{outcome.message} Written answer, to be marked: {written}")
    return grade(outcome.status, outcome.message)


def grade_submission(path: Path, exercise: Exercise, limits: Limits) -> list[Grade]:
    """Every question's grade for one submission; never raises, whatever the file holds."""
    path = Path(path)
    found = exercise_questions(exercise.module)
    try:
        notebook = notebooks.read_notebook(path)
        variables = [name for question in found for name in question.variables]
        run = run_submission(notebook, variables, limits)
    except NkcourseError as error:
        run = Run(failure=str(error))
    except Exception as error:
        run = Run(failure=f"The grader could not run this notebook ({type(error).__name__}).")
    return [grade_question(path.stem, question, run, exercise) for question in found]


def _crashed(path: Path, exercise: Exercise, error: BaseException) -> list[Grade]:
    why = f"The grader's worker process failed on this notebook ({type(error).__name__})."
    return [
        grade_question(path.stem, question, Run(failure=why), exercise)
        for question in exercise_questions(exercise.module)
    ]


def grade_all(
    paths: list[Path],
    exercise: Exercise,
    limits: Limits,
    jobs: int = 1,
    progress: Callable[[int, int, str], None] = lambda done, total, student: None,
) -> list[Grade]:
    """Grades of every submission, in student then question order; ``jobs`` at a time."""
    paths = [Path(path) for path in paths]
    stems = [path.stem for path in paths]
    clashes = sorted({stem for stem in stems if stems.count(stem) > 1})
    if clashes:
        raise NkcourseError(f"several submissions are named {', '.join(clashes)}; rename them.")
    results: dict[str, list[Grade]] = {}
    if jobs <= 1:
        for path in paths:
            results[path.stem] = grade_submission(path, exercise, limits)
            progress(len(results), len(paths), path.stem)
    else:
        context = multiprocessing.get_context("spawn")  # no forked zmq/asyncio state
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = {pool.submit(grade_submission, p, exercise, limits): p for p in paths}
            for future in as_completed(futures):
                path = futures[future]
                try:
                    results[path.stem] = future.result()
                except Exception as error:
                    results[path.stem] = _crashed(path, exercise, error)
                progress(len(results), len(paths), path.stem)
    return [grade for stem in sorted(results) for grade in results[stem]]
