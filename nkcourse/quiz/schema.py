"""Check a question bank and turn it into ``Question`` objects.

Authors write banks by hand (``quizzes/NN.json``), so every problem is reported at once,
each naming the file and the question, before a student can ever meet a broken question.
"""

import math
import re
from dataclasses import dataclass

from nkcourse.errors import NkcourseError

LESSONS = tuple(f"{number:02d}" for number in range(9))
KINDS = ("single", "multiple", "numeric", "text")
QUESTION_ID = re.compile(r"q[1-9][0-9]*")
OPTION_KEYS = "abcdefghij"

COMMON_FIELDS = {"id", "kind", "prompt", "points", "explanation", "cites"}
KIND_FIELDS = {
    "single": {"options"},
    "multiple": {"options"},
    "numeric": {"value", "tolerance", "unit", "feedback", "mistakes"},
    "text": {"accepted", "feedback", "mistakes"},
}
REQUIRED_FIELDS = {
    "single": COMMON_FIELDS | {"options"},
    "multiple": COMMON_FIELDS | {"options"},
    "numeric": COMMON_FIELDS | {"value", "tolerance", "unit", "feedback"},
    "text": COMMON_FIELDS | {"accepted", "feedback"},
}


class BankError(NkcourseError):
    """A question bank is malformed; the message lists every problem, file and question."""


@dataclass(frozen=True)
class Option:
    key: str  # "a", "b", ... by position: what the student answers with
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Mistake:
    """A wrong answer common enough to deserve its own feedback (numeric and text kinds)."""

    feedback: str
    value: float | None = None
    tolerance: float = 0.0
    answers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    lesson: str
    id: str
    kind: str
    prompt: str
    points: float
    explanation: str
    cites: tuple[dict, ...]
    options: tuple[Option, ...] = ()
    value: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    accepted: tuple[str, ...] = ()
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    mistakes: tuple[Mistake, ...] = ()

    @property
    def correct_keys(self) -> frozenset[str]:
        return frozenset(option.key for option in self.options if option.correct)


@dataclass(frozen=True)
class Bank:
    lesson: str
    title: str
    questions: tuple[Question, ...]

    def question(self, qid: str) -> Question:
        for question in self.questions:
            if question.id == qid:
                return question
        ids = ", ".join(q.id for q in self.questions)
        raise NkcourseError(
            f"Lesson {self.lesson} has no quiz question {qid!r}; its questions are {ids}."
        )


def normalise_text(answer: str) -> str:
    """Case, surrounding spaces, doubled spaces and a final full stop do not matter."""
    return " ".join(answer.casefold().split()).rstrip(".").strip()


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


class _Problems:
    """Collects problems, each prefixed with where it was found."""

    def __init__(self, source: str):
        self.source = source
        self.lines: list[str] = []

    def add(self, where: str, problem: str) -> None:
        self.lines.append(f"{self.source}, {where}: {problem}")

    def raise_if_any(self) -> None:
        if self.lines:
            count = len(self.lines)
            raise BankError(
                f"{count} problem{'s' if count > 1 else ''} in a quiz bank "
                "(see quizzes/README.md for the format):\n  " + "\n  ".join(self.lines)
            )


def parse_bank(data, source: str, lesson: str | None = None) -> Bank:
    """Validate a plain bank (the authoring format) and return it as a ``Bank``.

    ``lesson``, when given (from the file name), must match the bank's own ``lesson``.
    Raises ``BankError`` listing every problem found.
    """
    problems = _Problems(source)
    if not isinstance(data, dict):
        problems.add("top level", "a bank is a JSON object with lesson, title and questions")
        problems.raise_if_any()
    for extra in sorted(set(data) - {"lesson", "title", "questions"}):
        problems.add("top level", f"unknown field {extra!r}")
    bank_lesson = data.get("lesson")
    if bank_lesson not in LESSONS:
        problems.add(
            "top level", f"lesson must be one of {', '.join(LESSONS)}, not {bank_lesson!r}"
        )
    elif lesson is not None and bank_lesson != lesson:
        problems.add("top level", f"lesson is {bank_lesson!r} but the file is named for {lesson!r}")
    if not _is_text(data.get("title")):
        problems.add("top level", "title must be a non-empty string")
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        problems.add("top level", "questions must be a non-empty list")
        raw_questions = []
    questions, seen = [], set()
    for index, raw in enumerate(raw_questions, start=1):
        qid = raw.get("id") if isinstance(raw, dict) else None
        where = f"question {qid}" if isinstance(qid, str) else f"question #{index}"
        if isinstance(qid, str):
            if qid in seen:
                problems.add(where, "this id is used twice; ids must be unique within a lesson")
            seen.add(qid)
        question = _parse_question(raw, str(bank_lesson), problems, where)
        if question is not None:
            questions.append(question)
    problems.raise_if_any()
    return Bank(lesson=bank_lesson, title=data["title"], questions=tuple(questions))


def _parse_question(raw, lesson: str, problems: _Problems, where: str) -> Question | None:
    """The question, or None when it has problems (which are added to ``problems``)."""
    before = len(problems.lines)
    if not isinstance(raw, dict):
        problems.add(where, "a question is a JSON object")
        return None
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.add(where, f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        return None
    for missing in sorted(REQUIRED_FIELDS[kind] - set(raw)):
        problems.add(where, f"missing field {missing!r}")
    for extra in sorted(set(raw) - COMMON_FIELDS - KIND_FIELDS[kind]):
        problems.add(where, f"unknown field {extra!r} for a {kind} question")
    if not (isinstance(raw.get("id"), str) and QUESTION_ID.fullmatch(raw["id"])):
        problems.add(where, "id must look like q1, q2, ...")
    for field in ("prompt", "explanation"):
        if field in raw and not _is_text(raw[field]):
            problems.add(where, f"{field} must be a non-empty string")
    if "points" in raw and not (_is_number(raw["points"]) and raw["points"] > 0):
        problems.add(where, f"points must be a number above 0, not {raw['points']!r}")
    cites = raw.get("cites", [])
    _check_cites(cites, lesson, problems, where)
    fields = {}
    if kind in ("single", "multiple"):
        fields["options"] = _parse_options(raw.get("options"), kind, problems, where)
    else:
        fields.update(_parse_open_answer(raw, kind, problems, where))
    if len(problems.lines) > before:
        return None
    return Question(
        lesson=lesson,
        id=raw["id"],
        kind=kind,
        prompt=raw["prompt"],
        points=raw["points"],
        explanation=raw["explanation"],
        cites=tuple(cites),
        **fields,
    )


def _check_cites(cites, lesson: str, problems: _Problems, where: str) -> None:
    if not isinstance(cites, list):
        problems.add(where, "cites must be a list")
        return
    if not cites and lesson != "00":
        problems.add(where, "cites is empty: name the corpus paragraph or dataset row it rests on")
    for cite in cites:
        if isinstance(cite, dict) and set(cite) == {"corpus", "para"}:
            if not _is_text(cite["corpus"]) or not (
                isinstance(cite["para"], int) and not isinstance(cite["para"], bool)
            ):
                problems.add(where, f"cite {cite!r}: corpus is a doc id, para a paragraph number")
        elif isinstance(cite, dict) and set(cite) == {"dataset", "row"}:
            if not _is_text(cite["dataset"]) or not _is_text(cite["row"]):
                problems.add(where, f"cite {cite!r}: dataset is a name, row a pandas query")
        else:
            problems.add(
                where,
                f"cite {cite!r} must be {{'corpus': ..., 'para': ...}} "
                "or {'dataset': ..., 'row': ...}",
            )


def _parse_options(raw_options, kind: str, problems: _Problems, where: str) -> tuple:
    if not isinstance(raw_options, list) or not 2 <= len(raw_options) <= len(OPTION_KEYS):
        problems.add(where, f"options must be a list of 2 to {len(OPTION_KEYS)} options")
        return ()
    options = []
    for key, raw in zip(OPTION_KEYS, raw_options, strict=False):
        at = f"{where}, option {key}"
        if not isinstance(raw, dict):
            problems.add(at, "an option is an object with text, feedback and maybe correct")
            continue
        for extra in sorted(set(raw) - {"text", "correct", "feedback"}):
            problems.add(at, f"unknown field {extra!r}")
        for field in ("text", "feedback"):
            if not _is_text(raw.get(field)):
                problems.add(at, f"{field} must be a non-empty string")
        if not isinstance(raw.get("correct", False), bool):
            problems.add(at, "correct must be true or false")
        options.append(Option(key, raw.get("text"), raw.get("correct", False), raw.get("feedback")))
    texts = [option.text for option in options]
    if len(set(map(str, texts))) != len(texts):
        problems.add(where, "two options have the same text")
    n_correct = sum(option.correct is True for option in options)
    if kind == "single" and n_correct != 1:
        problems.add(
            where, f"a single-choice question needs exactly 1 correct option, not {n_correct}"
        )
    if kind == "multiple" and n_correct < 1:
        problems.add(where, "a multiple-choice question needs at least 1 correct option")
    return tuple(options)


def _parse_open_answer(raw, kind: str, problems: _Problems, where: str) -> dict:
    feedback = raw.get("feedback")
    if not (
        isinstance(feedback, dict)
        and set(feedback) == {"correct", "incorrect"}
        and all(_is_text(text) for text in feedback.values())
    ):
        problems.add(where, "feedback must be {'correct': '...', 'incorrect': '...'}")
        feedback = {}
    fields = {
        "feedback_correct": feedback.get("correct", ""),
        "feedback_incorrect": feedback.get("incorrect", ""),
    }
    if kind == "numeric":
        value, tolerance = raw.get("value"), raw.get("tolerance")
        if not _is_number(value):
            problems.add(where, f"value must be a number, not {value!r}")
        if not (_is_number(tolerance) and tolerance >= 0):
            problems.add(where, f"tolerance must be a number >= 0, not {tolerance!r}")
        if not isinstance(raw.get("unit"), str):
            problems.add(where, 'unit must be a string ("" when the number has none)')
        fields.update(value=value, tolerance=tolerance, unit=raw.get("unit"))
    else:
        accepted = raw.get("accepted")
        if not (isinstance(accepted, list) and accepted and all(map(_is_text, accepted))):
            problems.add(where, "accepted must be a non-empty list of non-empty strings")
            accepted = []
        fields["accepted"] = tuple(accepted)
    fields["mistakes"] = _parse_mistakes(raw.get("mistakes", []), kind, fields, problems, where)
    return fields


def _parse_mistakes(raw_mistakes, kind: str, fields: dict, problems, where: str) -> tuple:
    """Common wrong answers with their own feedback; they must not overlap the right one."""
    if not isinstance(raw_mistakes, list):
        problems.add(where, "mistakes must be a list")
        return ()
    mistakes = []
    for number, raw in enumerate(raw_mistakes, start=1):
        at = f"{where}, mistake {number}"
        expected = (
            {"value", "tolerance", "feedback"} if kind == "numeric" else {"answers", "feedback"}
        )
        if not isinstance(raw, dict) or set(raw) != expected:
            problems.add(
                at, f"a {kind} mistake has exactly the fields {', '.join(sorted(expected))}"
            )
            continue
        if not _is_text(raw["feedback"]):
            problems.add(at, "feedback must be a non-empty string")
        if kind == "numeric":
            mistakes.append(_numeric_mistake(raw, fields, problems, at))
        else:
            mistakes.append(_text_mistake(raw, fields, problems, at))
    return tuple(mistakes)


def _numeric_mistake(raw, fields, problems, at) -> Mistake:
    value, tolerance = raw["value"], raw["tolerance"]
    if not _is_number(value) or not (_is_number(tolerance) and tolerance >= 0):
        problems.add(at, "value must be a number and tolerance a number >= 0")
    elif (
        _is_number(fields["value"])
        and _is_number(fields["tolerance"])
        and abs(value - fields["value"]) <= tolerance + fields["tolerance"]
    ):
        problems.add(at, "its range overlaps the correct answer's range")
    return Mistake(feedback=raw["feedback"], value=value, tolerance=tolerance)


def _text_mistake(raw, fields, problems, at) -> Mistake:
    answers = raw["answers"]
    if not (isinstance(answers, list) and answers and all(map(_is_text, answers))):
        problems.add(at, "answers must be a non-empty list of non-empty strings")
        return Mistake(feedback=raw["feedback"])
    accepted = {normalise_text(text) for text in fields["accepted"]}
    if accepted & {normalise_text(text) for text in answers}:
        problems.add(at, "one of its answers is also an accepted answer")
    return Mistake(feedback=raw["feedback"], answers=tuple(answers))
