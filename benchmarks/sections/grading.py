"""``nkcourse grade`` on 1, 10 and 50 solved submissions, with 1 and 2 jobs.

The submission is an exercise's student version with its solutions filled in: the
instructor's source notebook without its hidden checks and solution markers.
"""

import copy
import csv
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.child import ROOT
from benchmarks.stats import Figure, Section, Target

TITLE = "Grading"
COUNTS = (1, 10, 50)
JOBS = (1, 2)
SOURCE_DIR = ROOT / "exercises" / "source"
EXPECTED_STATUSES = {
    "correct",
    "manual",
}  # what a solved submission gets: written answers are marked by hand
# Near-linear in jobs: 2 jobs at least 1.6 times as fast as 1 (80 % of ideal).
SPEED_UP_TARGET = Target(0.8 * JOBS[-1], on_ratio=True, inclusive=True, at_least=True)


def solved(source_path: Path):
    """The student version of ``source_path`` with the solutions left in."""
    from nkcourse.instructor import notebooks
    from nkcourse.instructor.release import BEGIN, END

    source = notebooks.read_source(source_path)
    notebook = copy.deepcopy(source.notebook)
    notebook.cells = [cell for cell in notebook.cells if not notebooks.is_hidden(cell)]
    for cell in notebook.cells:
        if cell.cell_type == "code":
            lines = cell.source.split("\n")
            cell.source = "\n".join(line for line in lines if line.strip() not in (BEGIN, END))
            cell.outputs, cell.execution_count = [], None
    return source.exercise, notebook


def write_submissions(notebook, count: int, folder: Path) -> list[Path]:
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"student-{number:03d}.ipynb" for number in range(1, count + 1)]
    for path in paths:
        nbformat.write(notebook, path)
    return paths


def grade(exercise: str, paths: list[Path], jobs: int, out: Path, source_dir: Path) -> dict:
    """Time one ``nkcourse grade`` command and read back the statuses it wrote."""
    options = ["--exercise", exercise, "--out", out, "--jobs", jobs, "--source", source_dir]
    command = [sys.executable, "-m", "nkcourse", "grade", *map(str, options), *map(str, paths)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"nkcourse grade failed: {done.stderr.strip()[-500:]}")
    with out.open(newline="", encoding="utf-8") as handle:
        statuses = [row["status"] for row in csv.DictReader(handle)]
    return {"seconds": seconds, "statuses": statuses}


def measure(settings, source_dir: Path = SOURCE_DIR) -> list[Section]:
    section = Section("grading", TITLE)
    sources = sorted(source_dir.glob("*.ipynb"))
    if not sources:
        section.not_measured = f"no exercise source notebook in {source_dir.relative_to(ROOT)} yet."
        return [section]
    exercise, notebook = solved(sources[0])
    paths = write_submissions(notebook, max(COUNTS), settings.work / "submissions")
    runs = {}
    for count in COUNTS:
        for jobs in JOBS:
            out = settings.work / "grades" / f"{count}-submissions-{jobs}-jobs.csv"
            runs[(count, jobs)] = grade(exercise, paths[:count], jobs, out, source_dir)
    one = runs[(1, 1)]["seconds"]
    for count in COUNTS:
        serial = runs[(count, 1)]["seconds"]
        for jobs in JOBS:
            run = runs[(count, jobs)]
            wrong = sum(status not in EXPECTED_STATUSES for status in run["statuses"])
            note = f"{wrong} of {len(run['statuses'])} solved answers not accepted" if wrong else ""
            section.figures.append(
                Figure(
                    f"{count} × {jobs} job{'s' if jobs > 1 else ''}",
                    "time per submission",
                    run["seconds"] / count,
                    "s",
                    one,
                    "1 submission, 1 job",
                    note=note,
                )
            )
        parallel = runs[(count, JOBS[-1])]["seconds"]
        section.figures.append(
            Figure(
                f"{count} submissions",
                f"throughput with {JOBS[-1]} jobs",
                count / parallel,
                "submissions/s",
                count / serial,
                "1 job",
                SPEED_UP_TARGET if count == max(COUNTS) else None,
            )
        )
    section.details = {
        f"{count}x{jobs}": {"seconds": run["seconds"], "rows": len(run["statuses"])}
        for (count, jobs), run in runs.items()
    }
    section.notes.append(
        f"Exercise {exercise} ({sources[0].name}): its source notebook without hidden cells "
        "and solution markers, copied per student; wall time of the whole `nkcourse grade` "
        "command (process start, one kernel per submission, reports). The ratio of the "
        "throughput rows is the speed-up from more jobs; the target applies at the largest "
        f"batch, where start-up costs matter least. The machine has {_cores()} usable cores."
    )
    return [section]


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
