"""Grade one answer: the single code path behind ``quiz.grade`` and the Check button."""

import math
import re
from dataclasses import dataclass

from nkcourse.quiz import bank, cites, progress
from nkcourse.quiz.schema import Question, normalise_text

MAX_ANSWER_CHARS = 500
RIGHT, WRONG, NOT_CHECKED = "✓", "✗", "⚠"


@dataclass(frozen=True)
class Result:
    """What a student learns from one attempt.

    ``valid`` is False when the answer could not be read (then ``feedback`` says how to
    answer, nothing is recorded and nothing is revealed).
    """

    lesson: str
    qid: str
    valid: bool
    correct: bool
    feedback: str
    points: float
    max_points: float
    explanation: str = ""
    cites: tuple[str, ...] = ()
    answer: object = None

    @property
    def verdict(self) -> str:
        """The outcome in words, with a sign, so colour is never the only cue."""
        if not self.valid:
            return f"{NOT_CHECKED} Not checked"
        if self.correct:
            return f"{RIGHT} Right"
        return f"{WRONG} Not right"

    def __str__(self) -> str:
        if not self.valid:
            return f"{self.verdict}: {self.feedback}"
        lines = [
            f"{self.verdict} ({self.points:g} of {points_label(self.max_points)}). {self.feedback}",
            f"Why: {self.explanation}",
        ]
        if self.cites:
            lines.append("Sources: " + "; ".join(self.cites))
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))


def points_label(value: float) -> str:
    """ "1 point", "2 points", "0.5 points"."""
    return f"{value:g} point" if value == 1 else f"{value:g} points"


class InvalidAnswer(ValueError):
    """The answer cannot be read; the message tells the student how to answer."""


def grade(lesson: str, qid: str, answer, record: bool = True) -> Result:
    """Grade ``answer`` to question ``qid`` of ``lesson`` and record a valid attempt.

    Single choice: a letter ("b"). Multiple choice: letters (["a", "c"] or "a, c").
    Numeric: a number (12.5), without its unit. Text: a short string.
    """
    question = bank.question(lesson, qid)
    try:
        read = _read_answer(question, answer)
    except InvalidAnswer as problem:
        return Result(lesson, qid, False, False, str(problem), 0, question.points)
    correct, feedback = _judge(question, read)
    result = Result(
        lesson=lesson,
        qid=qid,
        valid=True,
        correct=correct,
        feedback=feedback,
        points=question.points if correct else 0,
        max_points=question.points,
        explanation=question.explanation,
        cites=tuple(cites.describe(cite) for cite in question.cites),
        answer=read,
    )
    if record:
        progress.record(result)
    return result


def _read_answer(question: Question, answer):
    """The answer in a canonical form, or ``InvalidAnswer`` saying how to answer."""
    how = _how_to_answer(question)
    if answer is None:
        raise InvalidAnswer(f"No answer given yet. {how}")
    if isinstance(answer, str):
        if len(answer) > MAX_ANSWER_CHARS:
            raise InvalidAnswer(
                f"That answer is {len(answer):,} characters long; answers are at most "
                f"{MAX_ANSWER_CHARS}. {how}"
            )
        if not answer.strip():
            raise InvalidAnswer(f"The answer is empty. {how}")
    reader = {
        "single": _read_single,
        "multiple": _read_multiple,
        "numeric": _read_number,
        "text": _read_text,
    }[question.kind]
    return reader(question, answer, how)


def _how_to_answer(question: Question) -> str:
    letters = ", ".join(option.key for option in question.options)
    if question.kind == "single":
        return f'Answer with the letter of one option in quotes, e.g. "b" (options: {letters}).'
    if question.kind == "multiple":
        return (
            f'Answer with the letters of every option you choose, e.g. ["a", "c"] '
            f"(options: {letters})."
        )
    if question.kind == "numeric":
        unit = f" (the unit is {question.unit})" if question.unit else ""
        return f"Answer with a number such as 12.5, without its unit{unit}."
    return 'Answer with a short text in quotes, e.g. "Beijing".'


def _known_letter(question: Question, letter: str, how: str) -> str:
    key = letter.strip().lower().rstrip(")")
    if key not in {option.key for option in question.options}:
        shown = letter if len(letter) <= 20 else letter[:20] + "…"
        raise InvalidAnswer(f"There is no option {shown!r}. {how}")
    return key


def _read_single(question: Question, answer, how: str) -> str:
    if not isinstance(answer, str):
        raise InvalidAnswer(f"{answer!r:.40} is not a letter. {how}")
    return _known_letter(question, answer, how)


def _read_multiple(question: Question, answer, how: str) -> tuple[str, ...]:
    if isinstance(answer, str):
        answer = [part for part in re.split(r"[,;\s]+", answer) if part]
    if not isinstance(answer, list | tuple | set | frozenset):
        raise InvalidAnswer(f"{answer!r:.40} is not a list of letters. {how}")
    if not answer:
        raise InvalidAnswer(f"No option chosen. {how}")
    if len(answer) > len(question.options) or not all(isinstance(a, str) for a in answer):
        raise InvalidAnswer(f"That is not a list of this question's letters. {how}")
    return tuple(sorted({_known_letter(question, letter, how) for letter in answer}))


def _read_number(question: Question, answer, how: str) -> float:
    if isinstance(answer, bool) or not isinstance(answer, int | float | str):
        raise InvalidAnswer(f"{answer!r:.40} is not a number. {how}")
    try:
        number = float(answer.strip() if isinstance(answer, str) else answer)
    except (ValueError, OverflowError):
        raise InvalidAnswer(f"{answer!r:.40} is not a number. {how}") from None
    if not math.isfinite(number):
        raise InvalidAnswer(f"{answer!r:.40} is not a finite number. {how}")
    return number


def _read_text(question: Question, answer, how: str) -> str:
    if not isinstance(answer, str):
        raise InvalidAnswer(f"{answer!r:.40} is not a text. {how}")
    return answer.strip()


def _judge(question: Question, answer) -> tuple[bool, str]:
    """(right or not, the feedback that explains why)."""
    if question.kind == "single":
        option = next(option for option in question.options if option.key == answer)
        return option.correct, option.feedback
    if question.kind == "multiple":
        return _judge_multiple(question, set(answer))
    if question.kind == "numeric":
        if _within(answer, question.value, question.tolerance):
            return True, question.feedback_correct
        for mistake in question.mistakes:
            if _within(answer, mistake.value, mistake.tolerance):
                return False, mistake.feedback
        return False, question.feedback_incorrect
    text = normalise_text(answer)
    if text in {normalise_text(accepted) for accepted in question.accepted}:
        return True, question.feedback_correct
    for mistake in question.mistakes:
        if text in {normalise_text(wrong) for wrong in mistake.answers}:
            return False, mistake.feedback
    return False, question.feedback_incorrect


def _judge_multiple(question: Question, chosen: set[str]) -> tuple[bool, str]:
    """Right only if exactly the correct options are ticked; the feedback names each slip."""
    if chosen == question.correct_keys:
        return True, " ".join(f"{o.key}) {o.feedback}" for o in question.options if o.correct)
    slips = []
    for option in question.options:
        if option.key in chosen and not option.correct:
            slips.append(f"{option.key}) should not be ticked: {option.feedback}")
        elif option.key not in chosen and option.correct:
            slips.append(f"{option.key}) should be ticked too: {option.feedback}")
    return False, " ".join(slips)


def _within(number: float, target: float, tolerance: float) -> bool:
    """Inside target ± tolerance, forgiving the last bits of float arithmetic."""
    return abs(number - target) <= tolerance + 1e-9 * max(1.0, abs(target))
