"""The ``nkcourse`` command: a thin face over the package.

Each subcommand lives in its own module with a ``main(argv) -> int``; it is imported only
when called, so ``nkcourse --help`` stays instant.
"""

import argparse
import importlib
import sys

from nkcourse import __version__
from nkcourse.errors import NkcourseError

# name -> (module with main(argv), one-line help)
COMMANDS = {
    "doctor": ("nkcourse.doctor", "check that the course is installed and its files intact"),
    "data": ("nkcourse.data.cli", "list, describe and export the course datasets"),
    "corpus": ("nkcourse.corpus.cli", "list the articles, or add your own"),
    "progress": ("nkcourse.quiz.cli", "show your quiz scores, or export them to hand in"),
    "release": ("nkcourse.instructor.release_cli", "write student versions of exercises"),
    "grade": ("nkcourse.instructor.grade_cli", "grade submitted exercise notebooks"),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nkcourse",
        description="The North Korea sanctions workbook: course tools for students "
        "and instructors.",
        epilog="Run `nkcourse COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"nkcourse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if not argv or argv[0] not in COMMANDS:
        args = parser.parse_args(argv)  # handles --help, --version and unknown commands
        parser.print_help()
        return 0 if args.command is None and not argv else 2
    module_name, _help = COMMANDS[argv[0]]
    try:
        return importlib.import_module(module_name).main(argv[1:]) or 0
    except NkcourseError as error:
        print(f"nkcourse {argv[0]}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
