"""Each lesson explorer's callback (``Explorer.update``) on the full data, over its settings.

Discovery rule (nkcourse/explorers/__init__.py): lesson explorers live in
``nkcourse/explorers/<slug>.py`` as module-level functions that build and return an
``Explorer``. Every public function defined in such a module that can be called without
arguments is called; each one that returns an ``Explorer`` is measured.
"""

import importlib
import inspect
import pkgutil
import statistics
import time

from benchmarks.stats import Figure, Section, Target

TITLE = "Explorers"
CALLBACK_TARGET = Target(50)  # ms
INFRASTRUCTURE = {"base", "results"}  # the Explorer class itself, not a lesson's explorer
MAX_SETTINGS = 8  # per control


def discover() -> tuple[list[tuple[str, object]], list[str]]:
    """``(module.function, explorer)`` for every explorer the lessons can show, and the
    public functions skipped because they need arguments."""
    from nkcourse import explorers
    from nkcourse.explorers import Explorer

    found, skipped = [], []
    for info in pkgutil.iter_modules(explorers.__path__):
        if info.name in INFRASTRUCTURE or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{explorers.__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            if any(
                parameter.default is inspect.Parameter.empty
                and parameter.kind not in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
                for parameter in inspect.signature(function).parameters.values()
            ):
                skipped.append(f"{info.name}.{name}")
                continue
            built = function()
            if isinstance(built, Explorer):
                found.append((f"{info.name}.{name}", built))
    return found, skipped


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
    middle = (
        (low + high) // 2 if isinstance(low, int) and isinstance(high, int) else (low + high) / 2
    )
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


def measure(settings) -> Section:
    section = Section("explorers", TITLE)
    found, skipped = discover()
    if skipped:
        section.notes.append(
            "Not measured, because they need arguments: " + ", ".join(skipped) + "."
        )
    if not found:
        section.not_measured = (
            "no lesson explorer yet: none of nkcourse/explorers/<slug>.py defines a function "
            "that returns an Explorer."
        )
        return section
    for name, explorer in found:
        timings = time_callbacks(explorer, settings.repeats)
        section.details[name] = timings
        slowest = max(timings, key=lambda timing: timing["ms"])
        failed = [timing for timing in timings if timing["error"]]
        note = f"{slowest['control']}={slowest['value']}"
        if failed:
            note += f"; {len(failed)} of {len(timings)} settings failed: {failed[0]['error']}"
        section.figures += [
            Figure(name, "median callback", statistics.median(t["ms"] for t in timings), "ms"),
            Figure(
                name, "slowest callback", slowest["ms"], "ms", target=CALLBACK_TARGET, note=note
            ),
        ]
    section.notes.append(
        "Discovery: every public no-argument function in nkcourse/explorers/<slug>.py that "
        "returns an Explorer. Each control is set in turn to each option (up to "
        f"{MAX_SETTINGS}) or to its minimum, middle and maximum; each setting's time is the "
        f"median of {settings.repeats} `Explorer.update` calls (compute + the live output "
        "bundle, without the browser's drawing)."
    )
    return section
