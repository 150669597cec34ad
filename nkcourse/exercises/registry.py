"""Find the exercise modules and their questions (for the tests and the grader)."""

import pkgutil
import re
from types import ModuleType

from nkcourse.exercises.questions import Question

_QUESTION_NAME = re.compile(r"q(\d+)")


def exercise_modules() -> list[str]:
    """``nkcourse.exercises.ex01`` ... as lesson authors add them."""
    import nkcourse.exercises as package

    names = (info.name for info in pkgutil.iter_modules(package.__path__))
    return [f"{package.__name__}.{name}" for name in sorted(names) if re.fullmatch(r"ex\d+", name)]


def questions(module: ModuleType) -> list[Question]:
    """The module's ``q1``, ``q2``... in number order."""
    found = [
        (int(match.group(1)), value)
        for name, value in vars(module).items()
        if (match := _QUESTION_NAME.fullmatch(name)) and isinstance(value, Question)
    ]
    return [question for _number, question in sorted(found, key=lambda pair: pair[0])]
