"""``data.load(name)`` for every dataset: the first call in a fresh process, then repeats."""

import importlib.util

from benchmarks.child import run_snippet
from benchmarks.stats import Figure, Section, Target

TITLE = "Data"
REPEATED_TARGET = Target(20)  # ms, every call after the first

SNIPPET = """
import statistics, time
import pandas  # imported first, so the first load is not charged for it
from nkcourse import data
start = time.perf_counter()
frame = data.load({name!r})
RESULT["first_ms"] = (time.perf_counter() - start) * 1000
RESULT["rows"] = len(frame)
times = []
for _ in range({repeats}):
    start = time.perf_counter()
    data.load({name!r})
    times.append((time.perf_counter() - start) * 1000)
RESULT["repeated_ms"] = statistics.median(times)
RESULT["repeated_max_ms"] = max(times)
"""


def measure(settings) -> list[Section]:
    section = Section("data", TITLE)
    if importlib.util.find_spec("nkcourse.data") is None:
        section.not_measured = "nkcourse.data does not exist yet."
        return [section]
    from nkcourse import data

    names = data.names()
    if not names:
        section.not_measured = "nkcourse.data ships no dataset yet."
        return [section]
    repeats = 10 * settings.repeats
    for name in names:
        result = run_snippet(SNIPPET.format(name=name, repeats=repeats))
        section.details[name] = result
        section.figures += [
            Figure(name, "first load", result["first_ms"], "ms", note=f"{result['rows']} rows"),
            Figure(
                name,
                "repeated load (median)",
                result["repeated_ms"],
                "ms",
                result["first_ms"],
                "first",
                REPEATED_TARGET,
            ),
        ]
    section.notes.append(
        f"One fresh process per dataset, pandas already imported; the repeated figure is the "
        f"median of {repeats} calls (worst: "
        f"{max(result['repeated_max_ms'] for result in section.details.values()):.1f} ms)."
    )
    return [section]
