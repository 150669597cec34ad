"""``import nkcourse`` against ``import pandas``: time and peak memory in fresh processes.

Also, for information, the submodules lessons load on use, and Altair with and without
``rfc3987_syntax``: jsonschema (which Altair imports) eagerly imports that package, which
builds dozens of Earley parsers at import time; leaving it out shows what that costs.
"""

import importlib.util
import statistics

from benchmarks.child import run_snippet
from benchmarks.stats import Figure, Section, Target

TITLE = "Import"
TARGET = Target(1.3, on_ratio=True, inclusive=True)
SUBMODULES = ("data", "corpus", "charts", "analysis", "quiz", "exercises", "explorers")
# jsonschema imports rfc3987_syntax inside `with suppress(ImportError)`: None in
# sys.modules makes that import fail, so the package is skipped.
WITHOUT_RFC3987 = "sys.modules['rfc3987_syntax'] = None"

SNIPPET = """
import sys, time
{prelude}
start = time.perf_counter()
import {module}
RESULT["seconds"] = time.perf_counter() - start
RESULT["heavy_loaded"] = sorted(m for m in ("pandas", "altair", "ipywidgets") if m in sys.modules)
"""


def cases() -> dict[str, tuple[str, str]]:
    """label -> (module, code run before the import)."""
    found = {"pandas": ("pandas", ""), "nkcourse": ("nkcourse", "")}
    for name in SUBMODULES:
        if importlib.util.find_spec(f"nkcourse.{name}"):
            found[f"nkcourse.{name}"] = (f"nkcourse.{name}", "")
    found["altair"] = ("altair", "")
    found["altair without rfc3987_syntax"] = ("altair", WITHOUT_RFC3987)
    return found


def measure(settings) -> list[Section]:
    section = Section("import", TITLE)
    runs = {label: [] for label in cases()}
    for _ in range(settings.repeats):  # interleaved, so a busy moment hits every case
        for label, (module, prelude) in cases().items():
            runs[label].append(run_snippet(SNIPPET.format(module=module, prelude=prelude)))
    medians = {
        label: {
            "ms": statistics.median(run["seconds"] for run in results) * 1000,
            "mb": statistics.median(run["peak_rss_mb"] for run in results),
            "heavy": results[0]["heavy_loaded"],
        }
        for label, results in runs.items()
    }
    pandas = medians.pop("pandas")
    for label, figures in medians.items():
        target = TARGET if label == "nkcourse" else None
        heavy = ", ".join(figures["heavy"]) or "no heavy library"
        section.figures += [
            Figure(label, "import time", figures["ms"], "ms", pandas["ms"], "pandas", target,
                   f"loads {heavy}"),
            Figure(label, "peak memory of the process", figures["mb"], "MB", pandas["mb"],
                   "pandas", target),
        ]  # fmt: skip
    section.notes.append(
        f"Median of {settings.repeats} fresh processes each, interleaved. Time is the import "
        "statement alone; memory is the whole process's peak RSS (the interpreter included). "
        "Only `import nkcourse` has a target: submodules load on first use, inside lessons."
    )
    section.details = {"medians": medians, "pandas": pandas}
    return [section]
