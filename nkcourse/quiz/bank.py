"""The question banks shipped inside the package, one file per lesson."""

import functools
import json
from pathlib import Path

from nkcourse import integrity
from nkcourse.errors import NkcourseError
from nkcourse.paths import PACKAGE_DIR
from nkcourse.quiz.schema import LESSONS, Bank, BankError, Question, parse_bank
from nkcourse.quiz.sealing import unseal_bank

BANKS_DIR = PACKAGE_DIR / "quiz" / "banks"


def lessons() -> list[str]:
    """The lessons that have a quiz bank, e.g. ``["00", "01"]``."""
    return sorted(path.stem for path in BANKS_DIR.glob("*.json") if path.stem in LESSONS)


def _bank_path(lesson) -> Path:
    if lesson not in LESSONS:
        raise NkcourseError(
            f"There is no lesson {lesson!r}: lessons are the strings "
            f'{", ".join(repr(key) for key in LESSONS)}, e.g. quiz.show("00").'
        )
    path = BANKS_DIR / f"{lesson}.json"
    if not path.is_file():
        have = ", ".join(lessons()) or "none yet"
        raise NkcourseError(f"Lesson {lesson} has no quiz yet (lessons with quizzes: {have}).")
    return path


def load(lesson: str) -> Bank:
    """The checked bank of ``lesson``; an edited or damaged file gives a friendly error."""
    return _load(_bank_path(lesson), lesson)


@functools.cache
def _load(path: Path, lesson: str) -> Bank:
    integrity.check_file(path.parent, path.name)
    source = str(path)
    try:
        shipped = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise BankError(f"{source} is not valid JSON ({error}).") from None
    return parse_bank(unseal_bank(shipped, source), source, lesson=lesson)


def question(lesson: str, qid: str) -> Question:
    return load(lesson).question(qid)
