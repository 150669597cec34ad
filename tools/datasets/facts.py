"""Reading the research notes, and the guards every hand-written override must pass."""

import csv
from decimal import Decimal
from pathlib import Path

from tools.datasets.cells import numbers_in


def read_rows(facts_dir: Path, name: str, encoding: str = "utf-8") -> list[dict[str, str]]:
    with open(Path(facts_dir) / name, encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def require_fragments(fragments: list[str], cells: list[str], where: str) -> None:
    """An override quotes the source: each fragment must occur verbatim in a source cell."""
    for fragment in fragments:
        if not any(fragment in cell for cell in cells):
            raise ValueError(f"{where}: {fragment!r} does not occur in the source row")


def require_numbers(numbers: list[str], fragments: list[str], where: str) -> None:
    """An override never changes a number: each one must be written in its fragments
    (as is, or as billions turned into millions)."""
    stated = {Decimal(n) for fragment in fragments for n in numbers_in(fragment)}
    allowed = stated | {n * 1000 for n in stated}
    for number in numbers:
        if number and Decimal(number) not in allowed:
            raise ValueError(f"{where}: {number} is not stated in {fragments!r}")
