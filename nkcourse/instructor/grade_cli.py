"""``nkcourse grade``: grade a batch of submitted exercise notebooks."""

import argparse
import sys
from pathlib import Path

from nkcourse.errors import NkcourseError
from nkcourse.instructor.execute import Limits
from nkcourse.instructor.grade import grade_all, load_exercise
from nkcourse.instructor.notebooks import DEFAULT_SOURCE_DIR
from nkcourse.instructor.report import summary, write_reports


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _submissions(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob("*.ipynb"))
        elif path.exists():
            found.append(path)
        else:
            raise NkcourseError(f"no such submission: {path}. Check the path.")
    if not found:
        raise NkcourseError("no submissions to grade: name .ipynb files or a folder of them.")
    return found


def progress_printer(stream=None):
    """A one-line bar on a terminal; one line per notebook in a log.

    The stream is looked up when grading starts, not when this module is imported, so
    a redirected ``sys.stderr`` (a log file, a test) receives the progress.
    """
    stream = stream or sys.stderr

    def show(done: int, total: int, student: str) -> None:
        if stream.isatty():
            filled = round(30 * done / total)
            bar = "#" * filled + "." * (30 - filled)
            end = "\n" if done == total else ""
            stream.write(f"\r[{bar}] {done}/{total} graded ({student})\x1b[K{end}")
        else:
            stream.write(f"graded {done}/{total}: {student}\n")
        stream.flush()

    return show


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="nkcourse grade",
        description="Run each submission in a fresh kernel, then check its answers with "
        "the course's checks and your hidden ones. Writes grades.csv, a feedback file per "
        "student (feedback/STUDENT.md beside it) and prints a summary.",
        epilog="Example: nkcourse grade --exercise 04 --out grades/04.csv submissions/*.ipynb",
    )
    parser.add_argument(
        "submissions",
        nargs="+",
        type=Path,
        metavar="SUBMISSION",
        help="submitted notebooks (the file name, without .ipynb, is the student)",
    )
    parser.add_argument("--exercise", required=True, metavar="ID", help="e.g. 04")
    parser.add_argument(
        "--out", required=True, type=Path, metavar="CSV", help="where to write the grades"
    )
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE_DIR,
        metavar="DIR",
        help=f"source notebooks with hidden checks (default: {DEFAULT_SOURCE_DIR})",
    )
    parser.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="grade N notebooks at a time (default: 1)"
    )
    parser.add_argument(
        "--timeout",
        type=_positive,
        default=60,
        metavar="SECONDS",
        help="time limit per cell (default: 60)",
    )
    parser.add_argument(
        "--notebook-timeout",
        type=_positive,
        default=600,
        metavar="SECONDS",
        help="time limit per notebook (default: 600)",
    )
    args = parser.parse_args(argv)
    if args.jobs < 1:
        raise NkcourseError("--jobs must be 1 or more.")
    exercise = load_exercise(args.source, args.exercise)
    limits = Limits(cell_timeout=args.timeout, notebook_timeout=args.notebook_timeout)
    paths = _submissions(args.submissions)
    grades = grade_all(paths, exercise, limits, args.jobs, progress_printer())
    written = write_reports(args.out, exercise.exercise, grades)
    print(summary(grades))
    feedback_dir = written[0].parent / "feedback"
    print(f"\nWrote {written[0]} and {len(written) - 1} feedback file(s) in {feedback_dir}.")
    return 0
