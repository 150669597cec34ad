"""``nkcourse release``: write the student versions of exercise source notebooks."""

import argparse
from pathlib import Path

from nkcourse.errors import NkcourseError
from nkcourse.instructor.release import release


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="nkcourse release",
        description="Write student versions of exercise source notebooks: solutions "
        "replaced by ____, hidden checks removed, outputs cleared.",
        epilog="Example: nkcourse release exercises/source --out exercises",
    )
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        type=Path,
        help="source notebooks, or folders of them",
    )
    parser.add_argument(
        "--source",
        type=Path,
        metavar="DIR",
        help="a folder of source notebooks (e.g. your private copy)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="where to write the student notebooks",
    )
    args = parser.parse_args(argv)
    sources = args.sources + ([args.source] if args.source else [])
    if not sources:
        raise NkcourseError("name the source notebooks to release, or a folder with --source.")
    for path in release(sources, args.out):
        print(f"wrote {path}")
    return 0
