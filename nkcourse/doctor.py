"""``nkcourse doctor``: is everything a student needs here, and intact?

Each check says what it found and, when something is wrong, what to type to mend it.
"""

import argparse
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from nkcourse import integrity

REINSTALL = "run `make lab` again from the course folder, or `pip install -e .` there"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def check_python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 11)
    return Check("Python", ok, version, "" if ok else "install Python 3.11 or newer")


def check_packages() -> list[Check]:
    from packaging.requirements import Requirement

    checks = []
    for line in metadata.requires("nkcourse") or []:
        requirement = Requirement(line)
        if requirement.marker is not None:  # extras such as [test]
            continue
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            checks.append(Check(requirement.name, False, "not installed", REINSTALL))
            continue
        ok = requirement.specifier.contains(installed, prereleases=True)
        wanted = f" (course needs {requirement.specifier})" if not ok else ""
        checks.append(Check(requirement.name, ok, installed + wanted, "" if ok else REINSTALL))
    return checks


def check_files() -> list[Check]:
    from nkcourse.errors import NkcourseError
    from nkcourse.paths import PACKAGE_DIR

    folders = integrity.manifest_folders()
    if not folders:
        return [Check("course files", False, "no manifest found in the package", REINSTALL)]
    checks = []
    for folder in folders:
        try:
            found = integrity.problems(folder)
            detail = f"{len(integrity.read_manifest(folder))} files match their SHA-256"
        except NkcourseError as error:
            found = [str(error)]
        label = f"files in {folder.relative_to(PACKAGE_DIR.parent)}"
        checks.append(Check(label, not found, "; ".join(found) or detail))
    return checks


def check_widget_frontend() -> Check:
    """ipywidgets draws nothing unless JupyterLab has its front-end extension."""
    from jupyter_core.paths import jupyter_path

    for root in jupyter_path("labextensions"):
        manifest = Path(root, "@jupyter-widgets", "jupyterlab-manager", "package.json")
        if manifest.is_file():
            return Check("ipywidgets front end", True, f"found in {manifest.parents[2]}")
    return Check(
        "ipywidgets front end",
        False,
        "JupyterLab's widget extension (jupyterlab_widgets) is not installed",
        "pip install jupyterlab_widgets, then restart JupyterLab",
    )


def run_checks() -> list[Check]:
    return [check_python(), *check_packages(), *check_files(), check_widget_frontend()]


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(
        prog="nkcourse doctor",
        description="Check Python, the package versions, the shipped data and corpus files, "
        "and ipywidgets' front end; say what to do about anything wrong.",
    ).parse_args(argv)
    checks = run_checks()
    for check in checks:
        print(f"[{'ok' if check.ok else 'PROBLEM'}] {check.name}: {check.detail}")
        if check.fix and not check.ok:
            print(f"      what to do: {check.fix}")
    bad = [check for check in checks if not check.ok]
    print(f"\n{len(checks) - len(bad)} of {len(checks)} checks passed.")
    return 1 if bad else 0
