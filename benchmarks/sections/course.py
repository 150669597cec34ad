"""Every notebook run headless, as nbval runs it, against the floor of an empty notebook.

Also weighs each executed notebook (what a student's saved file or a CI artefact holds)
and its Vega-Lite specs, and reads the kernel's peak memory (VmHWM) after each cell.
"""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.child import ROOT
from benchmarks.sections import explorers
from benchmarks.stats import Figure, Section, Target

TITLE = "Course"
FOLDERS = ("notebooks", "exercises")  # the testpaths where nbval finds notebooks
COURSE_TARGET = Target(1.5, on_ratio=True, inclusive=True)  # total ÷ (floor × notebooks)
MEMORY_TARGET = Target(300)  # MB
SIZE_TARGET = Target(1)  # MB
VEGA_LITE = "application/vnd.vegalite"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SLOWEST_CELLS = 3


def discover() -> list[Path]:
    """The notebooks nbval runs under the course folders, as pytest itself collects them
    (so a conftest's ``collect_ignore`` counts here too)."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", *FOLDERS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode not in (0, 5):  # 5: nothing collected
        raise RuntimeError(f"pytest could not collect the notebooks: {done.stdout[-500:]}")
    return [ROOT / name for name in notebooks_in_collection(done.stdout)]


def notebooks_in_collection(listing: str) -> list[str]:
    """Notebook paths, in order and once each, from ``pytest --collect-only -q`` output."""
    found = []
    for line in listing.splitlines():
        path = line.split("::", 1)[0]
        if "::" in line and path.endswith(".ipynb") and path not in found:
            found.append(path)
    return found


def peak_rss_mb(pid: int) -> float | None:
    """The process's resident-memory high-water mark, from /proc (Linux)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def vega_lite_bytes(notebook) -> int:
    """Bytes of every Vega-Lite spec in the notebook's outputs, as saved (JSON)."""
    total = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            for mime, value in output.get("data", {}).items():
                if mime.startswith(VEGA_LITE):
                    total += len(json.dumps(value, indent=1).encode())
    return total


def execute(path: Path | None, out: Path | None = None, probe: str | None = None) -> dict:
    """Run one notebook (None: an empty one) in a fresh kernel, as nbval does.

    ``probe`` is code run in the same kernel after the last cell; it is not timed, not
    weighed and not saved, and its cell comes back as ``result["probe"]``.
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4) if path else nbformat.v4.new_notebook()
    peak = []

    def read_peak(**_hook_arguments):
        pid = getattr(client.km.provisioner, "pid", None)
        peak.append(peak_rss_mb(pid) if pid else None)

    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        allow_errors=True,  # as under nbval, a failing cell does not stop the later ones
        on_cell_executed=read_peak,
        resources={"metadata": {"path": str((path or ROOT / "notebooks").parent)}},
    )
    probe_cell, probe_seconds = None, 0.0
    client.reset_execution_trackers()
    start = time.perf_counter()
    with client.setup_kernel():  # starts the kernel; shuts it down on leaving
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        readings = [value for value in peak if value is not None]
        if probe:
            probe_started = time.perf_counter()
            notebook.cells.append(nbformat.v4.new_code_cell(probe))
            client.execute_cell(notebook.cells[-1], len(notebook.cells) - 1)
            probe_cell = notebook.cells.pop()
            probe_seconds = time.perf_counter() - probe_started
    seconds = time.perf_counter() - start - probe_seconds
    client.set_widgets_metadata()
    text = nbformat.writes(notebook)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return {
        "seconds": seconds,
        "peak_mb": max(readings) if readings else None,
        "bytes": len(text.encode()),
        "vega_lite_bytes": vega_lite_bytes(notebook),
        "widget_state_bytes": len(json.dumps(notebook.metadata.get("widgets", {})).encode()),
        "slowest_cells": _slowest_cells(notebook),
        "errors": _errors(notebook),
        "probe": probe_cell,
    }


def _errors(notebook) -> list[str]:
    """``cell N: Name: message`` for every cell that raised."""
    return [
        f"cell {index}: {output.get('ename')}: {output.get('evalue', '')[:120]}"
        for index, cell in enumerate(notebook["cells"])
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


def _slowest_cells(notebook) -> list[dict]:
    """The cells that took longest, from nbclient's own timestamps."""
    from datetime import datetime

    timed = []
    for index, cell in enumerate(notebook.cells):
        stamps = cell.get("metadata", {}).get("execution", {})
        began, ended = stamps.get("iopub.execute_input"), stamps.get("shell.execute_reply")
        if began and ended:
            seconds = (
                datetime.fromisoformat(ended) - datetime.fromisoformat(began)
            ).total_seconds()
            timed.append(
                {"cell": index, "seconds": seconds, "first_line": cell.source.split("\n")[0]}
            )
    return sorted(timed, key=lambda item: -item["seconds"])[:SLOWEST_CELLS]


def _failed(result: dict) -> str:
    errors = result["errors"]
    return f"{len(errors)} cell(s) raised, first {errors[0]}" if errors else ""


def measure(settings) -> list[Section]:
    """The course section, and the explorers section from the same kernels."""
    section = Section("course", TITLE)
    paths = discover()
    if not paths:
        section.not_measured = "there is no notebook in notebooks/ or exercises/ yet."
        return [section, explorers.section({}, settings.repeats, [])]
    probe = explorers.PROBE.format(root=str(ROOT), repeats=settings.repeats)
    found, probe_errors = {}, []
    floors = [execute(None)["seconds"] for _ in range(min(settings.repeats, 3))]
    floor = statistics.median(floors)
    runs = {}
    for path in paths:
        name = str(path.relative_to(ROOT))
        result = runs[name] = execute(path, settings.work / "executed" / name, probe)
        probe_cell = result.pop("probe")
        found[name] = explorers.probe_results(probe_cell)
        probe_errors += [f"{name}: {error}" for error in _errors({"cells": [probe_cell]})]
        section.figures += [
            Figure(name, "execution", result["seconds"], "s", floor, "floor", note=_failed(result)),
            Figure(name, "peak kernel memory", result["peak_mb"], "MB", target=MEMORY_TARGET),
            Figure(
                name,
                "executed size",
                result["bytes"] / 1e6,
                "MB",
                target=SIZE_TARGET,
                note=f"Vega-Lite specs {result['vega_lite_bytes'] / 1e3:,.0f} kB",
            ),
        ]
    total = sum(result["seconds"] for result in runs.values())
    section.figures.append(
        Figure(
            f"all {len(paths)} notebooks",
            "total execution",
            total,
            "s",
            floor * len(paths),
            f"floor × {len(paths)}",
            COURSE_TARGET,
        )
    )
    section.details = {"floor_seconds": floors, "notebooks": runs}
    section.notes += [
        f"Floor: an empty notebook run the same way (kernel start until ready, shutdown), "
        f"median of {len(floors)}: {floor:.2f} s.",
        "Each notebook runs once in a fresh kernel with nbclient (as nbval does), from its "
        "own folder; memory is the kernel's VmHWM read after every cell; size is the "
        "executed notebook as nbclient leaves it (widget state included); executed copies "
        "are in benchmarks/work/executed/.",
    ]
    slow = [
        f"{name}: cell {cell['cell']} ({cell['first_line'][:60]}) {cell['seconds']:.1f} s"
        for name, result in runs.items()
        for cell in result["slowest_cells"][:1]
    ]
    section.notes.append("Slowest cell per notebook: " + "; ".join(slow) + ".")
    found = {name: explorers_found for name, explorers_found in found.items() if explorers_found}
    return [section, explorers.section(found, settings.repeats, probe_errors)]
