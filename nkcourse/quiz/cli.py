"""``nkcourse progress``: your quiz scores per lesson, or a file to hand in."""

import argparse
import sys
import warnings

from nkcourse.errors import NkcourseError
from nkcourse.quiz import progress


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nkcourse progress",
        description="Show your quiz scores per lesson (best attempt per question), read "
        "from NKCOURSE_HOME/progress.json. Quizzes are for checking yourself; they are "
        "not graded.",
    )
    parser.add_argument(
        "--export",
        metavar="FILE",
        help="write a JSON file to hand in, e.g. progress-yourname.json: your score per "
        "lesson, your result per question (attempts, right or not, points) and every "
        "attempt (lesson, question, your answer, right or not, time in UTC). Nothing else "
        "from your computer is included. On Binder, download it before the session ends "
        "(right-click it in the file browser, then Download).",
    )
    return parser


def _table(rows: list[dict]) -> str:
    header = f"{'lesson':<8}{'answered':>10}{'right':>8}{'points':>14}"
    lines = [header, "-" * len(header)]
    for row in rows:
        answered = f"{row['answered']} of {row['questions']}"
        points = f"{row['points']:g} of {row['max_points']:g}"
        lines.append(f"{row['lesson']:<8}{answered:>10}{row['correct']:>8}{points:>14}")
    total_points = sum(row["points"] for row in rows)
    total_max = sum(row["max_points"] for row in rows)
    lines.append("-" * len(header))
    lines.append(f"{'total':<8}{'':>18}{f'{total_points:g} of {total_max:g}':>14}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", progress.ProgressWarning)
        status = _export(args.export) if args.export else _print_scores()
    for warning in caught:  # as sentences, without Python's file-and-line prefix
        print(f"nkcourse progress: {warning.message}", file=sys.stderr)
    return status


def _export(destination: str) -> int:
    try:
        written = progress.export(destination)
    except OSError as error:
        raise NkcourseError(
            f"Could not write {destination} ({error.strerror or error}). Choose a file "
            "in a folder you can write to, e.g. `nkcourse progress --export "
            "progress-yourname.json`."
        ) from None
    print(f"Wrote your quiz progress to {written}. Hand in this file.")
    return 0


def _print_scores() -> int:
    print(f"Quiz progress from {progress.progress_path()} (best attempt per question):\n")
    print(_table(progress.lesson_rows()))
    return 0
