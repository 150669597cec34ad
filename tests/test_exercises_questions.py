"""Every question of every exercise module, through one set of tests.

For each question: its own solution passes; each common mistake it declares gets that
mistake's message; the blank ``____`` is "not attempted"; an answer of the wrong type is
"incorrect". Lesson authors' ``nkcourse.exercises.ex01`` ... are picked up as they are
added; the made-up fixture exercise proves the tests on every kind of question.
"""

import importlib
import re
import sys
from pathlib import Path

import pytest

from nkcourse.exercises import ____
from nkcourse.exercises.answers import encode
from nkcourse.exercises.outcome import INCORRECT, NOT_ATTEMPTED
from nkcourse.exercises.questions import Question
from nkcourse.exercises.registry import exercise_modules, questions

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "exercise"
if str(FIXTURE_DIR) not in sys.path:
    sys.path.insert(0, str(FIXTURE_DIR))

MODULES = [*exercise_modules(), "fixture_exercise"]


def _label(module_name: str, question: Question) -> str:
    return f"{module_name.rsplit('.', 1)[-1]}.{question.name}"


QUESTIONS = [
    pytest.param(question, id=_label(name, question))
    for name in MODULES
    for question in questions(importlib.import_module(name))
]
MISTAKES = [
    pytest.param(question, mistake, id=f"{param.id}-mistake{number}")
    for param in QUESTIONS
    for question in param.values
    for number, mistake in enumerate(question.mistakes, start=1)
]


def tagged(question: Question, value) -> dict:
    """The encoded notebook variables when the student's answer is ``value``."""
    values = (value,) if len(question.variables) == 1 else value
    return {name: encode(item) for name, item in zip(question.variables, values, strict=True)}


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_solution_passes(question):
    outcome = question.evaluate(tagged(question, question.answer()))
    assert outcome.status == question.success, outcome.message


@pytest.mark.parametrize(("question", "mistake"), MISTAKES)
def test_each_declared_mistake_gets_its_message(question, mistake):
    outcome = question.evaluate(tagged(question, mistake.example(question.answer())))
    assert (outcome.status, outcome.message) == (INCORRECT, mistake.message)


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_blank_is_not_attempted(question):
    blank = ____ if len(question.variables) == 1 else (____,) * len(question.variables)
    outcome = question.evaluate(tagged(question, blank))
    assert outcome.status == NOT_ATTEMPTED
    assert "____" in outcome.message


@pytest.mark.parametrize("question", QUESTIONS)
def test_an_answer_of_the_wrong_type_is_incorrect(question):
    wrong = object()
    values = wrong if len(question.variables) == 1 else (wrong,) * len(question.variables)
    outcome = question.evaluate(tagged(question, values))
    assert outcome.status == INCORRECT
    assert f"`{question.variables[0]}`" in outcome.message


@pytest.mark.parametrize("module_name", MODULES)
def test_questions_are_numbered_and_read_distinct_variables(module_name):
    module = importlib.import_module(module_name)
    found = questions(module)
    assert [q.name for q in found] == [f"q{n}" for n in range(1, len(found) + 1)]
    assert all(getattr(module, q.name) is q for q in found)
    variables = [name for q in found for name in q.variables]
    assert len(variables) == len(set(variables)), "two questions read the same variable"
    for question in found:
        assert question.hints and question.solution_code.strip() and question.points > 0
        assert all(re.fullmatch(r"[A-Za-z_]\w*", name) for name in question.variables)
