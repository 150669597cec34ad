"""Each lesson explorer's callback (``Explorer.update``) on the full data, over its settings.

Discovery rule: the explorers a lesson shows are the ``Explorer`` objects alive in its
kernel after all its cells ran (lessons build them from their own data, e.g.
``timeline_explorer(timeline)``). The course section runs every notebook; at the end, in
the same kernel, it runs :data:`PROBE`, which times every explorer it finds. The timing
happens in the lesson's kernel, on the lesson's data, exactly as a student's click would.
"""

import json
import statistics
import time

from benchmarks.stats import Figure, Section, Target

TITLE = "Explorers"
CALLBACK_TARGET = Target(50)  # ms
MAX_SETTINGS = 8  # per control
MARKER = "nkcourse-benchmark-explorers:"

# Run in the lesson's kernel after its last cell; {root} makes `benchmarks` importable.
PROBE = """
import gc as _gc, json as _json, sys as _sys
_sys.path.insert(0, {root!r})
from benchmarks.sections.explorers import MARKER as _MARKER, probe as _probe
print(_MARKER + _json.dumps(_probe({repeats})))
"""


def settings_for(control) -> list:
    """Values a student can give ``control``: its options, or its ends and middle."""
    value = control.value
    options = getattr(control, "options", None)
    if options is not None and not isinstance(value, tuple):
        values = [item[1] if isinstance(item, tuple) else item for item in options]
        return values[:MAX_SETTINGS]
    if isinstance(value, bool):
        return [value, not value]
    low, high = getattr(control, "min", None), getattr(control, "max", None)
    if low is None or high is None:
        return [value]
    if isinstance(low, int) and isinstance(high, int):
        middle = (low + high) // 2
    else:
        middle = (low + high) / 2
    if isinstance(value, tuple):  # a range slider
        return [(low, high), (low, middle), (middle, high)]
    return [low, middle, high]


def time_callbacks(explorer, repeats: int) -> list[dict]:
    """Median time of ``update`` for every setting of every control, one at a time."""
    timings = []
    start_values = explorer.values()
    for name, control in explorer.controls.items():
        for value in settings_for(control):
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                explorer.update(**{name: value})
                times.append((time.perf_counter() - start) * 1000)
            error = explorer.error
            timings.append(
                {
                    "control": name,
                    "value": repr(value),
                    "ms": statistics.median(times),
                    "error": f"{type(error).__name__}: {error}" if error else None,
                }
            )
        explorer.update(**{name: start_values[name]})
    return timings


def probe(repeats: int) -> list[dict]:
    """Time every explorer alive in this process (run inside a lesson's kernel)."""
    import gc

    from nkcourse.explorers import Explorer

    found = [item for item in gc.get_objects() if isinstance(item, Explorer)]
    return [
        {"title": explorer.title, "timings": time_callbacks(explorer, repeats)}
        for explorer in sorted(found, key=lambda explorer: explorer.title)
    ]


def probe_results(cell) -> list[dict]:
    """What :data:`PROBE` printed in ``cell``'s outputs (nothing if it failed)."""
    for output in cell.get("outputs", []):
        for line in output.get("text", "").splitlines():
            if line.startswith(MARKER):
                return json.loads(line[len(MARKER) :])
    return []


def section(found: dict[str, list[dict]], repeats: int, probe_errors: list[str]) -> Section:
    """The report section from ``{notebook: probe results}``."""
    result = Section("explorers", TITLE)
    result.details = found
    for notebook, explorers in found.items():
        for explorer in explorers:
            timings = explorer["timings"]
            slowest = max(timings, key=lambda timing: timing["ms"])
            failed = [timing for timing in timings if timing["error"]]
            note = f"slowest at {slowest['control']}={slowest['value']}"
            if failed:
                note += f"; {len(failed)} of {len(timings)} settings failed: {failed[0]['error']}"
            subject = f"{notebook} · {explorer['title']}"
            median = statistics.median(timing["ms"] for timing in timings)
            result.figures += [
                Figure(subject, f"median of {len(timings)} settings", median, "ms"),
                Figure(subject, "slowest setting", slowest["ms"], "ms", target=CALLBACK_TARGET,
                       note=note),
            ]  # fmt: skip
    if not result.figures:
        result.not_measured = "no lesson shows an explorer yet."
    result.notes.append(
        "Every Explorer alive in a notebook's kernel after its last cell, timed there on the "
        "lesson's own data. Each control is set in turn to each option (up to "
        f"{MAX_SETTINGS}), to both states of a box, or to its minimum, middle and maximum; "
        f"each setting's time is the median of {repeats} `Explorer.update` calls (compute "
        "plus the live output bundle; the browser's drawing is not included)."
    )
    result.notes += [f"The probe failed in {error}" for error in probe_errors]
    return result
