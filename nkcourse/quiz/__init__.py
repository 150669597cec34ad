"""Check-your-understanding quizzes, one bank of questions per lesson.

In a notebook::

    from nkcourse import quiz
    quiz.show("00")             # every question of lesson 00, as widgets
    quiz.show("00", "q2")       # one question
    quiz.grade("00", "q2", "b") # the same grading, without widgets

Attempts are saved in ``NKCOURSE_HOME/progress.json``; ``quiz.progress.summary()`` gives
the scores. Quizzes are for checking yourself: graded work is the exercises.
"""

from nkcourse.quiz import progress
from nkcourse.quiz.grading import Result, grade


def show(lesson: str, qid: str | None = None) -> None:
    """Display lesson ``lesson``'s quiz (or only question ``qid``) as widgets."""
    from nkcourse.quiz.widgets import show as show_widgets

    show_widgets(lesson, qid)


__all__ = ["Result", "grade", "progress", "show"]
