"""What a check found: plain data the grader can store, shown nicely in a notebook."""

from dataclasses import asdict, dataclass

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not_attempted"
MANUAL = "manual"  # a written answer, recorded for the instructor to mark
ERROR = "error"  # the answer could not be checked at all


@dataclass(frozen=True, repr=False)
class Outcome:
    question: str
    status: str
    message: str

    def to_dict(self) -> dict:
        return asdict(self)

    def _repr_html_(self) -> str:
        from nkcourse.exercises.render import outcome_html

        return outcome_html(self)

    def __repr__(self) -> str:
        from nkcourse.exercises.render import outcome_text

        return outcome_text(self)
