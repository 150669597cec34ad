"""``import nkcourse`` against ``import pandas``: time and peak memory in fresh processes.

Also, for information, the submodules lessons load on use, and Altair with and without
``rfc3987_syntax``: jsonschema (which Altair imports) eagerly imports that package, which
builds dozens of Earley parsers at import time; leaving it out shows what that costs.
"""

import importlib.util
import os
import statistics
import time
from pathlib import Path

import nkcourse
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


def bytecode_note() -> str:
    """How much the missing .pyc files cost: nkcourse is compiled in every process."""
    sources = sorted(Path(nkcourse.__file__).parent.rglob("*.py"))
    start = time.perf_counter()
    for source in sources:
        compile(source.read_text(encoding="utf-8"), str(source), "exec")
    seconds = time.perf_counter() - start
    return (
        "PYTHONDONTWRITEBYTECODE=1 is set, so nkcourse (installed from the repo) has no .pyc "
        "files and every process compiles the modules it imports; compiling all "
        f"{len(sources)} of them takes {seconds * 1000:.0f} ms here, so it barely matters "
        "(pandas and Altair were compiled when pip installed them)."
    )


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
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        section.notes.append(bytecode_note())
    section.details = {"medians": medians, "pandas": pandas}
    return [section]
