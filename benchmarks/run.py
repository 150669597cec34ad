"""``make bench``: measure what the course costs and write report.md and report.json.

    .venv/bin/python benchmarks/run.py                  # everything, about 10 minutes
    .venv/bin/python benchmarks/run.py --only import data   # some sections, into work/

Only a full run replaces the committed report; a partial run writes into
``benchmarks/work/`` (git-ignored), as do executed notebooks and generated submissions.
"""

import argparse
import importlib
import os
import shutil
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(ROOT))

from benchmarks import report  # noqa: E402
from benchmarks.stats import Section  # noqa: E402
from nkcourse.atomic import write_json, write_text  # noqa: E402

BENCH_DIR = ROOT / "benchmarks"
# Each module's measure(settings) returns a list of sections; "course" also reports the
# explorers, which it times in the lessons' own kernels.
SECTIONS = ("imports", "data", "corpus", "course", "grading")


@dataclass(frozen=True)
class Settings:
    repeats: int  # fresh processes or calls per timing; the median is kept
    work: Path  # scratch space: executed notebooks, submissions, the course home


def run_sections(name: str, settings: Settings) -> list[Section]:
    module = importlib.import_module(f"benchmarks.sections.{name}")
    print(f"[bench] {module.TITLE} ...", flush=True)
    start = time.perf_counter()
    try:
        sections = module.measure(settings)
    except Exception as error:  # one broken section must not hide the others' figures
        traceback.print_exc()
        sections = [Section(name, module.TITLE, error=repr(error))]
    seconds = time.perf_counter() - start
    sections[0].seconds = seconds  # sections measured together are timed together
    for later in sections[1:]:
        later.timed_with = sections[0].title
    print(f"[bench] {module.TITLE}: {seconds:.0f} s", flush=True)
    return sections


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="measure these sections")
    parser.add_argument("--repeats", type=int, default=5, help="repeats per timing (median)")
    args = parser.parse_args(argv)

    load_at_start = report.load_average()
    work = BENCH_DIR / "work"
    shutil.rmtree(work / "home", ignore_errors=True)
    # Quiz progress and added articles from the benchmark's kernels stay out of the user's.
    os.environ["NKCOURSE_HOME"] = str(work / "home")
    settings = Settings(repeats=max(1, args.repeats), work=work)
    sections = [
        section for name in args.only or SECTIONS for section in run_sections(name, settings)
    ]

    out = work if args.only else BENCH_DIR
    about = report.machine(ROOT, load_at_start)
    write_json(out / "report.json", report.to_json(sections, about))
    write_text(out / "report.md", report.to_markdown(sections, about))
    print(f"[bench] wrote {out / 'report.md'} and report.json")
    return 1 if any(section.error for section in sections) else 0


if __name__ == "__main__":
    sys.exit(main())
