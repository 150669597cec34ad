"""Write the benchmark's report: a Markdown page for people, JSON for tools and diffs."""

import datetime
import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from benchmarks.stats import INFO, MET, MISSED, Section

PACKAGES = (
    "nkcourse", "pandas", "numpy", "altair", "vl-convert-python", "ipywidgets",
    "ipykernel", "jupyterlab", "nbclient", "nbval", "psutil",
)  # fmt: skip
# Variables that change how fast Python and the maths libraries run on this machine.
ENVIRONMENT_PREFIXES = ("PYTHON", "OPENBLAS", "OMP_", "MKL_", "NVPL_", "NKCOURSE")
VERDICT_MARK = {MET: "✅ met", MISSED: "❌ missed", INFO: "—"}


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages: how busy the machine was besides us."""
    return [round(load, 2) for load in os.getloadavg()] if hasattr(os, "getloadavg") else []


def machine(root: Path, load_at_start: list[float] | None = None) -> dict:
    """Who measured what: cores, memory, CPU, Python, packages, date and commit."""
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": _git(root, "rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(_git(root, "status", "--porcelain", "--untracked-files=no")),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gib": _memory_gib(),
        "cpu": _cpu_model(),
        "platform": platform.platform(),
        "load_average_at_start": load_at_start,
        "load_average_at_end": load_average(),
        "python": sys.version.split()[0],
        "packages": {name: _version(name) for name in PACKAGES},
        "environment": {
            name: value
            for name, value in sorted(os.environ.items())
            if name.startswith(ENVIRONMENT_PREFIXES)
        },
    }


def to_json(sections: list[Section], about: dict) -> dict:
    targeted = [figure for section in sections for figure in section.figures if figure.target]
    return {
        "machine": about,
        "summary": {
            "targets": len(targeted),
            "met": sum(figure.verdict == MET for figure in targeted),
            "missed": sum(figure.verdict == MISSED for figure in targeted),
            "not_measured": [section.key for section in sections if section.not_measured],
            "failed": [section.key for section in sections if section.error],
            "seconds": round(sum(section.seconds for section in sections), 1),
        },
        "sections": [section.as_dict() for section in sections],
    }


def to_markdown(sections: list[Section], about: dict) -> str:
    summary = to_json(sections, about)["summary"]
    lines = [
        "# What the course costs: benchmark report",
        "",
        "Written by `make bench` (`benchmarks/run.py`); every ratio divides by a baseline "
        "measured in the same run.",
        "",
        *_about_lines(about, summary["seconds"]),
        "",
        "## Summary",
        "",
        f"{summary['targets']} figures have a target: **{summary['met']} met, "
        f"{summary['missed']} missed**."
        + (
            f" Not measured: {', '.join(summary['not_measured'])}."
            if summary["not_measured"]
            else ""
        ),
        "",
        "| section | time taken | figures | missed |",
        "| --- | ---: | ---: | ---: |",
    ]
    for section in sections:
        lines.append(
            f"| [{section.title}](#{_anchor(section.title)}) | {_seconds(section)} | "
            f"{_count(section)} | "
            f"{len(section.missed())} |"
        )
    missed = [(section, figure) for section in sections for figure in section.missed()]
    if missed:
        lines += ["", "Missed targets:", ""]
        lines += [
            f"- {section.title} · {figure.subject} · {figure.metric}: {_value(figure)}"
            + (
                f" = {_ratio(figure.ratio)} {figure.baseline_label}"
                if figure.target.on_ratio
                else ""
            )
            + f" (target {figure.target.describe(figure.unit)})"
            + _note(figure.note)
            for section, figure in missed
        ]
    for section in sections:
        lines += ["", f"## {section.title}", ""]
        if section.not_measured:
            lines.append(f"Not measured: {section.not_measured}")
        if section.error:
            lines.append(f"**The measurement failed:** `{section.error}`")
        if section.figures:
            lines += _table(section)
        if section.notes:
            lines += [""] + [f"- {note}" for note in section.notes]
    return "\n".join(lines) + "\n"


def _seconds(section: Section) -> str:
    return f"with {section.timed_with}" if section.timed_with else f"{section.seconds:.0f} s"


def _count(section: Section) -> str:
    if section.error:
        return "failed"
    return "not measured" if section.not_measured else str(len(section.figures))


def _table(section: Section) -> list[str]:
    rows = [
        "| subject | figure | value | baseline | ratio | target | verdict |",
        "| --- | --- | ---: | --- | ---: | --- | --- |",
    ]
    for figure in section.figures:
        baseline = (
            f"{figure.baseline_label}: {_number(figure.baseline)} {figure.unit}".strip()
            if figure.baseline is not None
            else ""
        )
        rows.append(
            f"| {figure.subject} | {figure.metric}{_note(figure.note)} | {_value(figure)} | "
            f"{baseline} | {_ratio(figure.ratio)} | "
            f"{figure.target.describe(figure.unit) if figure.target else ''} | "
            f"{VERDICT_MARK[figure.verdict]} |"
        )
    return rows


def _about_lines(about: dict, seconds: float) -> list[str]:
    packages = ", ".join(f"{name} {version}" for name, version in about["packages"].items())
    environment = ", ".join(f"`{name}={value}`" for name, value in about["environment"].items())
    dirty = " with uncommitted changes" if about["uncommitted_changes"] else ""
    return [
        f"- Date: {about['date']} · commit `{about['commit']}`{dirty} · whole run "
        f"{seconds / 60:.1f} min",
        f"- Machine: {about['cores']} cores ({about['usable_cores']} usable), "
        f"{about['memory_gib']} GiB RAM, {about['cpu']}, {about['platform']}",
        f"- Load average (1 / 5 / 15 min): {_loads(about['load_average_at_start'])} at the "
        f"start, {_loads(about['load_average_at_end'])} at the end; above "
        f"{about['usable_cores']}, other work was competing for the cores",
        f"- Python {about['python']}; {packages}",
        f"- Environment: {environment or 'none of the variables that matter are set'}",
    ]


def _loads(loads: list[float] | None) -> str:
    return " / ".join(map(str, loads)) if loads else "unknown"


def _value(figure) -> str:
    return f"{_number(figure.value)} {figure.unit}".strip()


def _ratio(number: float | None) -> str:
    return "" if number is None else f"{_number(number)}×"


def _number(number: float | None) -> str:
    if number is None:
        return ""
    if number == 0 or abs(number) >= 100:
        return f"{number:,.0f}"
    return f"{number:.3g}"


def _note(note: str) -> str:
    return f" ({note})" if note else ""


def _anchor(title: str) -> str:
    kept = "".join(ch for ch in title.lower() if ch.isalnum() or ch in " -")
    return kept.replace(" ", "-")


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.strip()


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"
