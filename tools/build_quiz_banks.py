"""Build the quiz banks shipped to students from the plain banks authors write.

    python tools/build_quiz_banks.py           # quizzes/NN.json -> nkcourse/quiz/banks/NN.json
    python tools/build_quiz_banks.py --check   # exit 1 if the shipped banks are out of date

Every plain bank is checked first; an error names the file and the question. The format
is described in quizzes/README.md.
"""

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nkcourse import atomic, integrity  # noqa: E402
from nkcourse.errors import NkcourseError  # noqa: E402
from nkcourse.quiz.schema import BankError, parse_bank  # noqa: E402
from nkcourse.quiz.sealing import seal_bank  # noqa: E402

SOURCES = ROOT / "quizzes"
TARGET = ROOT / "nkcourse" / "quiz" / "banks"
BANK_NAME = re.compile(r"[0-9]{2}\.json")


def _no_duplicate_keys(pairs):
    keys = [key for key, _value in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"the key {duplicates[0]!r} appears twice in one object")
    return dict(pairs)


def read_plain(path: Path, label: str) -> dict:
    """A plain bank from disk, with JSON mistakes reported by file and line."""
    try:
        return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise BankError(
            f"{label} is not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except ValueError as error:
        raise BankError(f"{label} is not valid: {error}") from None


def build(sources: Path) -> dict[str, str]:
    """Shipped file name -> its text, for every plain bank in ``sources``."""
    built = {}
    for path in sorted(sources.glob("*.json")):
        label = f"{sources.name}/{path.name}"
        if not BANK_NAME.fullmatch(path.name):
            raise BankError(f"{label}: name bank files after their lesson, e.g. 04.json")
        plain = read_plain(path, label)
        parse_bank(plain, label, lesson=path.stem)
        shipped = seal_bank(plain)
        built[path.name] = json.dumps(shipped, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return built


def stale(built: dict[str, str], target: Path) -> list[str]:
    """Shipped banks that differ from a fresh build, are missing, or have no source."""
    shipped = {path.name for path in target.glob("*.json")}
    names = sorted(shipped | set(built))
    out = [
        name
        for name in names
        if name not in built
        or not (target / name).is_file()
        or (target / name).read_text(encoding="utf-8") != built[name]
    ]
    manifest = target / integrity.MANIFEST_NAME
    if not out and (
        not manifest.is_file()
        or set(integrity.read_manifest(target)) != set(built)
        or integrity.problems(target)
    ):
        out.append(integrity.MANIFEST_NAME)
    return out


def write(built: dict[str, str], target: Path) -> None:
    for path in target.glob("*.json"):
        if path.name not in built:
            path.unlink()
    for name, text in built.items():
        atomic.write_text(target / name, text)
    integrity.write_manifest(target, sorted(built))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    try:
        built = build(SOURCES)
        if args.check:
            out_of_date = stale(built, TARGET)
            if out_of_date:
                print(
                    f"Out of date in {TARGET.relative_to(ROOT)}: {', '.join(out_of_date)}. "
                    "Run: python tools/build_quiz_banks.py",
                    file=sys.stderr,
                )
                return 1
            print(f"{len(built)} quiz banks up to date.")
            return 0
        write(built, TARGET)
    except NkcourseError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"Built {len(built)} quiz banks into {TARGET.relative_to(ROOT)}: {', '.join(built)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
