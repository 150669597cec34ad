"""``nkcourse data list | info NAME | export NAME --format csv [--out FILE]``."""

import argparse
import sys
from pathlib import Path

from nkcourse import atomic
from nkcourse.data import catalog
from nkcourse.data.describe import info
from nkcourse.data.loader import load


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nkcourse data",
        description="List, describe and export the course datasets (offline, from the "
        "copies shipped in the package).",
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help="the dataset names with their titles")
    described = sub.add_parser("info", help="description, columns, sources, licence, SHA-256")
    described.add_argument("name")
    export = sub.add_parser("export", help="write a dataset as CSV (to stdout by default)")
    export.add_argument("name")
    export.add_argument("--format", choices=["csv"], default="csv")
    export.add_argument("--out", type=Path, help="file to write instead of stdout")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.action == "list":
        for name, spec in catalog.specs().items():
            print(f"{name:<24} {spec['title']}")
    elif args.action == "info":
        print(info(args.name))
    else:
        text = load(args.name).to_csv(index=False, lineterminator="\n")
        if args.out:
            atomic.write_text(args.out, text)
            print(f"wrote {args.name} to {args.out}", file=sys.stderr)
        else:
            sys.stdout.write(text)
    return 0
