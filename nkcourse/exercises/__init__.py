"""Exercises for the lessons: one module per lesson (``ex01`` ... ``ex08``).

At the top of an exercise notebook::

    from nkcourse.exercises import ____, ex04

then ``ex04.q1.check()``, ``ex04.q1.hint()`` and ``ex04.q1.solution()``. Importing this
package is cheap: each exercise module loads pandas or Altair only when a check needs it.
"""

from nkcourse.exercises.placeholder import ____

__all__ = ["____"]
