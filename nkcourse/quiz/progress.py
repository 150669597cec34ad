"""Every quiz attempt, kept in ``NKCOURSE_HOME/progress.json`` so it survives restarts.

Writes are atomic and made under a lock, so two kernels answering at once lose nothing.
A file we cannot read is moved aside (never deleted) and a fresh one started; a folder we
cannot write to means the attempts of this session are kept in memory, with one warning.
"""

import json
import os
import warnings
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from nkcourse import __version__, atomic, paths
from nkcourse.quiz import bank

try:
    import fcntl
except ImportError:  # Windows: writes stay atomic, but two kernels at once may race
    fcntl = None

FILE_NAME = "progress.json"
FORMAT = "nkcourse-progress"
VERSION = 1
ATTEMPT_FIELDS = {"lesson": str, "question": str, "correct": bool}

# Attempts that could not be saved, per progress file; a file listed here is not retried.
_unsaved: dict[Path, list[dict]] = {}


class ProgressWarning(UserWarning):
    """Progress could not be read or saved; the message says what happened to it."""


def progress_path() -> Path:
    return paths.home() / FILE_NAME


def record(result) -> None:
    """Save one valid attempt (a ``grading.Result``); never raises for a file problem."""
    attempt = {
        "lesson": result.lesson,
        "question": result.qid,
        "correct": result.correct,
        "points": result.points,
        "max_points": result.max_points,
        "answer": list(result.answer) if isinstance(result.answer, tuple) else result.answer,
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    target = progress_path()
    if target not in _unsaved:
        try:
            _append(target, attempt)
            return
        except OSError as error:
            _unsaved[target] = []
            warnings.warn(
                f"Could not save quiz progress to {target} ({error.strerror or error}). "
                "Your attempts are kept for this session only and are lost when the kernel "
                "stops. To keep them, set NKCOURSE_HOME to a folder you can write to and "
                "restart the kernel.",
                ProgressWarning,
                stacklevel=3,
            )
    _unsaved[target].append(attempt)


def _append(target: Path, attempt: dict) -> None:
    with _locked(target):
        saved = _read(target, repair=True)
        saved["attempts"].append(attempt)
        atomic.write_json(target, saved)


@contextmanager
def _locked(target: Path):
    """Hold an exclusive lock on ``progress.json.lock`` around a read-modify-write."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(target.name + ".lock"), "a") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def _fresh() -> dict:
    return {"format": FORMAT, "version": VERSION, "attempts": []}


def _read(target: Path, repair: bool) -> dict:
    """The saved progress; a corrupt or foreign file counts as empty, with a warning.

    With ``repair`` (only under the lock), such a file is moved aside first.
    """
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _fresh()
    try:
        saved = json.loads(text)
        _check(saved)
        return saved
    except ValueError as problem:
        if repair:
            aside = _move_aside(target)
            what = f"It was moved to {aside} and a fresh progress file started."
        else:
            what = "It will be moved aside, and a fresh one started, at your next quiz attempt."
        warnings.warn(
            f"{target} is not a readable nkcourse progress file ({problem}). {what}",
            ProgressWarning,
            stacklevel=4,
        )
        return _fresh()


def _check(saved) -> None:
    if not (isinstance(saved, dict) and saved.get("format") == FORMAT):
        raise ValueError("it was not written by nkcourse")
    if saved.get("version") != VERSION or not isinstance(saved.get("attempts"), list):
        raise ValueError(f"expected version {VERSION} with a list of attempts")
    for attempt in saved["attempts"]:
        if not (
            isinstance(attempt, dict)
            and all(isinstance(attempt.get(k), kind) for k, kind in ATTEMPT_FIELDS.items())
        ):
            raise ValueError(f"an attempt is malformed: {attempt!r:.80}")


def _move_aside(target: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = target.with_name(f"{target.name}.corrupt-{stamp}")
    number = 2
    while aside.exists():
        aside = target.with_name(f"{target.name}.corrupt-{stamp}-{number}")
        number += 1
    os.replace(target, aside)
    return aside


def attempts() -> list[dict]:
    """Every recorded attempt, oldest first: the saved ones, then any kept in memory."""
    target = progress_path()
    try:
        saved = _read(target, repair=False)["attempts"]
    except OSError as error:
        warnings.warn(
            f"Could not read {target} ({error.strerror or error}); showing this session only.",
            ProgressWarning,
            stacklevel=3,
        )
        saved = []
    return saved + _unsaved.get(target, [])


def question_rows() -> list[dict]:
    """One row per question of every bank: attempts, and whether its best attempt was right.

    The score of a question is its best attempt: full points once answered right.
    """
    tries: dict[tuple[str, str], list[dict]] = {}
    for attempt in attempts():
        tries.setdefault((attempt["lesson"], attempt["question"]), []).append(attempt)
    rows = []
    for lesson in bank.lessons():
        for question in bank.load(lesson).questions:
            mine = tries.get((lesson, question.id), [])
            correct = any(attempt["correct"] for attempt in mine)
            rows.append(
                {
                    "lesson": lesson,
                    "question": question.id,
                    "attempts": len(mine),
                    "correct": correct,
                    "points": question.points if correct else 0,
                    "max_points": question.points,
                }
            )
    return rows


def lesson_rows() -> list[dict]:
    """Per lesson: questions, answered, correct, points, max_points (see ``summary``)."""
    rows: dict[str, dict] = {}
    for question in question_rows():
        row = rows.setdefault(
            question["lesson"],
            {
                "lesson": question["lesson"],
                "questions": 0,
                "answered": 0,
                "correct": 0,
                "points": 0,
                "max_points": 0,
            },
        )
        row["questions"] += 1
        row["answered"] += question["attempts"] > 0
        row["correct"] += question["correct"]
        row["points"] += question["points"]
        row["max_points"] += question["max_points"]
    return list(rows.values())


def summary():
    """A DataFrame, one row per lesson with a quiz: lesson, questions, answered, correct,
    points, max_points. Works with no progress file, or a corrupt one (counted as empty).
    """
    import pandas as pd

    columns = ["lesson", "questions", "answered", "correct", "points", "max_points"]
    return pd.DataFrame(lesson_rows(), columns=columns)


def export(destination: Path) -> Path:
    """Write the hand-in file: per-lesson scores, per-question results, every attempt."""
    destination = Path(destination).expanduser()
    report = {
        "format": "nkcourse-progress-export",
        "version": VERSION,
        "nkcourse_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "note": "Quiz scores are for self-checking; they are not a graded assessment.",
        "lessons": lesson_rows(),
        "questions": question_rows(),
        "attempts": attempts(),
    }
    atomic.write_json(destination, report)
    return destination
