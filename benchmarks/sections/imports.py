"""``import nkcourse`` against ``import pandas``: time and peak memory in fresh processes."""

import importlib.util
import statistics

from benchmarks.child import run_snippet
from benchmarks.stats import Figure, Section, Target

TITLE = "Import"
TARGET = Target(1.3, on_ratio=True, inclusive=True)
# Submodules a lesson loads on use: shown for information, they pull in pandas or Altair.
SUBMODULES = ("data", "corpus", "charts", "analysis", "quiz", "exercises", "explorers")

SNIPPET = """
import sys, time
start = time.perf_counter()
import {module}
RESULT["seconds"] = time.perf_counter() - start
RESULT["heavy_loaded"] = sorted(m for m in ("pandas", "altair", "ipywidgets") if m in sys.modules)
"""


def measure(settings) -> Section:
    section = Section("import", TITLE)
    modules = ["pandas", "nkcourse"] + [
        f"nkcourse.{name}" for name in SUBMODULES if importlib.util.find_spec(f"nkcourse.{name}")
    ]
    runs = {module: [] for module in modules}
    for _ in range(settings.repeats):  # interleaved, so a busy moment hits every module
        for module in modules:
            runs[module].append(run_snippet(SNIPPET.format(module=module)))
    medians = {
        module: {
            "ms": statistics.median(run["seconds"] for run in results) * 1000,
            "mb": statistics.median(run["peak_rss_mb"] for run in results),
            "heavy": results[0]["heavy_loaded"],
        }
        for module, results in runs.items()
    }
    pandas = medians.pop("pandas")
    for module, figures in medians.items():
        target = TARGET if module == "nkcourse" else None
        heavy = (
            f"loads {', '.join(figures['heavy'])}" if figures["heavy"] else "loads no heavy library"
        )
        section.figures += [
            Figure(
                module, "import time", figures["ms"], "ms", pandas["ms"], "pandas", target, heavy
            ),
            Figure(
                module,
                "peak memory of the process",
                figures["mb"],
                "MB",
                pandas["mb"],
                "pandas",
                target,
            ),
        ]
    section.notes.append(
        f"Median of {settings.repeats} fresh processes each, interleaved. Time is the import "
        "statement alone; memory is the whole process's peak RSS (the interpreter included). "
        "Submodules have no target: they load on first use, inside lessons."
    )
    section.details = {"medians": medians, "pandas": pandas}
    return section
