"""Grades as files and words: grades.csv, one feedback file per student, a summary."""

import csv
import io
from collections import Counter
from itertools import groupby
from pathlib import Path

from nkcourse import atomic
from nkcourse.instructor.grade import STATUSES, Grade

COLUMNS = ("student", "question", "points", "max_points", "status", "feedback")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def grades_csv(grades: list[Grade]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for g in grades:
        row = (
            g.student,
            g.question,
            _number(g.points),
            _number(g.max_points),
            g.status,
            g.feedback,
        )
        writer.writerow(row)
    return out.getvalue()


def _by_student(grades: list[Grade]):
    return groupby(grades, key=lambda grade: grade.student)


def score(grades: list[Grade]) -> str:
    """``"3 of 6 points"``, saying how many written answers are still to be marked."""
    scored = sum(g.points or 0 for g in grades)
    possible = sum(g.max_points for g in grades)
    to_mark = sum(g.points is None for g in grades)
    tail = f" ({to_mark} written answer(s) still to be marked)" if to_mark else ""
    return f"{scored:g} of {possible:g} points{tail}"


def feedback_markdown(exercise: str, student: str, grades: list[Grade]) -> str:
    lines = [f"# Exercise {exercise}: feedback for {student}", "", f"Score: {score(grades)}.", ""]
    for g in grades:
        points = "to be marked" if g.points is None else f"{g.points:g}/{g.max_points:g}"
        lines += [f"## {g.question} ({points}): {g.status.replace('_', ' ')}", "", g.feedback, ""]
    return "\n".join(lines)


def summary(grades: list[Grade]) -> str:
    """Each student's score, then how each question went across the class."""
    lines = []
    for student, rows in _by_student(grades):
        rows = list(rows)
        trouble = Counter(g.status for g in rows if g.status in ("error", "timeout"))
        notes = "".join(f", {count} {status}" for status, count in sorted(trouble.items()))
        lines.append(f"{student}: {score(rows)}{notes}")
    lines += ["", "question  " + "  ".join(STATUSES)]
    for question in dict.fromkeys(g.question for g in grades):
        counts = Counter(g.status for g in grades if g.question == question)
        cells = "  ".join(str(counts[s]).rjust(len(s)) for s in STATUSES)
        lines.append(f"{question.ljust(8)}  {cells}")
    return "\n".join(lines)


def write_reports(out: Path, exercise: str, grades: list[Grade]) -> list[Path]:
    """grades.csv at ``out``, and ``feedback/<student>.md`` beside it; each written whole."""
    out = Path(out)
    atomic.write_text(out, grades_csv(grades))
    written = [out]
    for student, rows in _by_student(grades):
        path = out.parent / "feedback" / f"{student}.md"
        atomic.write_text(path, feedback_markdown(exercise, student, list(rows)))
        written.append(path)
    return written
