"""Questions: small declarative objects with ``check()``, ``hint()`` and ``solution()``.

A question names the notebook variable(s) it reads, computes its own answer (from the
packaged datasets wherever possible) and lists the common mistakes it recognises. Its
judgement, :meth:`Question.evaluate`, works on encoded answers only, so the student's
``check()`` and the instructor's grader reach the same verdict from the same data.
"""

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nkcourse.errors import NkcourseError
from nkcourse.exercises import compare
from nkcourse.exercises.answers import decode, encode, extract
from nkcourse.exercises.outcome import (
    CORRECT,
    ERROR,
    INCORRECT,
    MANUAL,
    NOT_ATTEMPTED,
    Outcome,
)
from nkcourse.exercises.render import Note

PUBLIC_PASS = "All public checks passed."


@dataclass(frozen=True)
class Mistake:
    """A common wrong answer and what to tell the student who gives it.

    ``example`` turns the right answer (as the solution computes it) into this wrong one;
    the tests feed it to the question. ``matches`` recognises the mistake in a decoded
    answer; by default, an answer the question would accept if ``example`` were right.
    """

    message: str
    example: Callable[[Any], Any]
    matches: Callable[[Any], bool] | None = None

    @classmethod
    def scaled(cls, factor: float, message: str) -> "Mistake":
        """The right number times ``factor``: a percentage for a fraction, yuan for dollars."""
        return cls(message, lambda right: right * factor)


PERCENT_NOT_FRACTION = Mistake.scaled(
    100, "That looks like a percentage. Give a fraction instead: 0.25 for 25 %."
)
FRACTION_NOT_PERCENT = Mistake.scaled(
    0.01, "That looks like a fraction. Give a percentage instead: 25 for 25 %."
)


def notebook_namespace() -> dict:
    """The variables of the running notebook (or of the script that imported us)."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:
        shell = None
    if shell is not None:
        return shell.user_ns
    import __main__

    return vars(__main__)


class Question:
    """The parts every kind of question shares; subclasses say how to judge an answer."""

    success = CORRECT

    def __init__(
        self,
        name: str,
        variable: str | Sequence[str],
        *,
        prompt: str,
        answer: Callable[[], Any],
        solution: str,
        hints: Sequence[str],
        mistakes: Sequence[Mistake] = (),
        points: int = 1,
    ):
        self.name = name
        self.variables = (variable,) if isinstance(variable, str) else tuple(variable)
        self.prompt = prompt
        self.answer = answer
        self.solution_code = solution
        self.hints = tuple(hints)
        self.mistakes = tuple(mistakes)
        self.points = points
        self._expected_tagged = None
        if not self.hints:
            raise NkcourseError(f"{name}: give at least one hint.")

    # ---- judging (pure) ------------------------------------------------------------------

    def judge(self, answer, expected) -> str | None:
        """``None`` if ``answer`` is right, else a message; subclasses define it."""
        raise NotImplementedError

    def same(self, answer, target) -> bool:
        """Would the question accept ``answer`` if ``target`` were the right answer?"""
        return self.judge(answer, target) is None

    def success_message(self, answer) -> str:
        return PUBLIC_PASS

    def expected(self):
        """The right answer, decoded as answers are (computed once, fresh copy each time)."""
        if self._expected_tagged is None:
            self._expected_tagged = encode(self.answer())
        return decode(self._expected_tagged)

    def _decoded(self, tagged: dict[str, dict]):
        values = tuple(decode(tagged[name]) for name in self.variables)
        return values[0] if len(values) == 1 else values

    def evaluate(self, tagged: dict[str, dict]) -> Outcome:
        """Judge the encoded notebook variables ``{name: encode(value)}``."""
        blank = self._not_attempted(tagged)
        if blank:
            return Outcome(self.name, NOT_ATTEMPTED, blank)
        answer = self._decoded(tagged)
        try:
            problem = self.judge(answer, self.expected())
            if problem is None:
                return Outcome(self.name, self.success, self.success_message(answer))
            for mistake in self.mistakes:
                if self._shows(mistake, answer):
                    return Outcome(self.name, INCORRECT, mistake.message)
        except Exception as error:  # a check must never crash on an odd answer
            message = f"The check itself failed ({type(error).__name__}: {error})."
            return Outcome(self.name, ERROR, message + " Please tell your instructor.")
        return Outcome(self.name, INCORRECT, problem)

    def _not_attempted(self, tagged: dict[str, dict]) -> str | None:
        for name in self.variables:
            kind = tagged.get(name, {"type": "missing"})["type"]
            if kind == "placeholder":
                return f"Replace ____ in `{name} = ____` with your answer, run it, check again."
            if kind == "missing":
                return f"`{name}` is not defined yet: run the cell that sets it, check again."
        return None

    def _shows(self, mistake: Mistake, answer) -> bool:
        if mistake.matches is not None:
            return mistake.matches(answer)
        target = decode(encode(mistake.example(self.answer())))
        return self.same(answer, target)

    # ---- what the student calls ----------------------------------------------------------

    def check(self) -> Outcome:
        """Check the answer now in the notebook; no argument needed."""
        tagged = json.loads(extract(self.variables, notebook_namespace()))
        return self.evaluate(tagged)

    def hint(self, level: int = 1) -> Note:
        if isinstance(level, bool) or not isinstance(level, int) or level < 1:
            raise NkcourseError(f"Hints are numbered from 1: try {self.name}.hint() or .hint(2).")
        count = len(self.hints)
        text = self.hints[min(level, count) - 1]
        if level >= count:
            text += f" (That is the last hint; {self.name}.solution() shows the answer.)"
        else:
            text += f" (More help: {self.name}.hint({level + 1}).)"
        return Note(f"Hint {min(level, count)} of {count} for {self.name}:", text)

    def solution(self) -> Note:
        return Note(f"Solution to {self.name}:", self.prompt, code=self.solution_code)

    def _repr_html_(self) -> str:
        return self._overview()._repr_html_()

    def __repr__(self) -> str:
        return repr(self._overview())

    def _overview(self) -> Note:
        usage = f"Use {self.name}.check(), {self.name}.hint() and {self.name}.solution()."
        return Note(f"{self.name}:", f"{self.prompt} {usage}")


class ValueQuestion(Question):
    """A number (within a tolerance), a text, or a list of them; several variables allowed."""

    def __init__(self, *args, rel_tol: float = 1e-6, abs_tol: float = 0.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.rel_tol, self.abs_tol = rel_tol, abs_tol

    def judge(self, answer, expected) -> str | None:
        if len(self.variables) == 1:
            answer, expected = (answer,), (expected,)
        for name, got, want in zip(self.variables, answer, expected, strict=True):
            problem = compare.compare_values(name, got, want, self.rel_tol, self.abs_tol)
            if problem:
                return problem
        return None


class _SingleVariable(Question):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if len(self.variables) != 1:
            raise NkcourseError(f"{self.name}: a {type(self).__name__} reads one variable.")


class FrameQuestion(_SingleVariable):
    """A table: its columns, its number of rows and its values (order only if ``ordered``)."""

    def __init__(
        self,
        *args,
        rel_tol: float = 1e-6,
        abs_tol: float = 0.0,
        ordered: bool = False,
        allow_extra_columns: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.rel_tol, self.abs_tol = rel_tol, abs_tol
        self.ordered, self.allow_extra_columns = ordered, allow_extra_columns

    def judge(self, answer, expected) -> str | None:
        return compare.compare_frames(
            self.variables[0],
            answer,
            expected,
            self.rel_tol,
            self.abs_tol,
            self.ordered,
            self.allow_extra_columns,
        )


class ChartQuestion(_SingleVariable):
    """An Altair chart, judged by its spec: mark, fields per channel and the data it shows."""

    def __init__(self, *args, compare_data: bool = True, rel_tol: float = 1e-6, **kwargs):
        super().__init__(*args, **kwargs)
        self.compare_data, self.rel_tol = compare_data, rel_tol

    def judge(self, answer, expected) -> str | None:
        name = self.variables[0]
        return compare.compare_charts(name, answer, expected, self.rel_tol, self.compare_data)


class QuoteQuestion(_SingleVariable):
    """A passage copied word for word from a text (e.g. an article of the corpus).

    ``text`` returns the document to quote from; ``must_mention`` lists words the passage
    must contain. Spacing and line breaks do not count; spelling, typos included, does.
    """

    def __init__(
        self,
        *args,
        text: Callable[[], str],
        min_words: int = 5,
        must_mention: Sequence[str] = (),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.text, self.min_words, self.must_mention = text, min_words, tuple(must_mention)

    def judge(self, answer, expected) -> str | None:
        name = self.variables[0]
        if not isinstance(answer, str):
            return f"`{name}` should be text in quotes, but it is {compare.describe(answer)}."
        words = answer.split()
        if len(words) < self.min_words:
            return f"`{name}` should quote at least {self.min_words} words; it has {len(words)}."
        missing = [w for w in self.must_mention if w.casefold() not in answer.casefold()]
        if missing:
            return f"`{name}` should be a passage that mentions {', '.join(missing)}."
        if " ".join(words) not in " ".join(self.text().split()):
            return f"`{name}` is not word for word in the text: copy it exactly, typos included."
        return None

    def same(self, answer, target) -> bool:
        both_text = isinstance(answer, str) and isinstance(target, str)
        return both_text and compare.normalise_text(answer) == compare.normalise_text(target)


class WrittenQuestion(_SingleVariable):
    """A short written answer: ``check()`` confirms it is recorded; the instructor marks it.

    ``answer`` returns a model answer, which ``solution()`` shows.
    """

    success = MANUAL

    def __init__(self, *args, min_words: int = 5, **kwargs):
        super().__init__(*args, **kwargs)
        self.min_words = min_words

    def judge(self, answer, expected) -> str | None:
        name = self.variables[0]
        if not isinstance(answer, str):
            return (
                f"`{name}` should be your answer as text in quotes, not {compare.describe(answer)}."
            )
        count = len(answer.split())
        if count < self.min_words:
            return f"`{name}` has {count} words; write at least {self.min_words}."
        return None

    def same(self, answer, target) -> bool:
        both_text = isinstance(answer, str) and isinstance(target, str)
        return both_text and compare.normalise_text(answer) == compare.normalise_text(target)

    def success_message(self, answer) -> str:
        return (
            f"Your answer ({len(answer.split())} words) is recorded in this notebook; save the "
            "notebook before you hand it in. Your instructor will mark it."
        )

    def solution(self) -> Note:
        return Note(f"A model answer to {self.name}:", self.prompt, code=self.solution_code)
