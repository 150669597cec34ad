"""Which files make up the course for the browser test, and where its outputs go."""

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
SCREENSHOTS = REPO / "tests" / "artifacts" / "screenshots"
# Folder names inside the server's root, and where each comes from.
SERVED = {"notebooks": REPO / "notebooks", "exercises": REPO / "exercises", "fixtures": FIXTURES}


def lesson_paths() -> list[str]:
    """Every lesson notebook, as a path under the server's root."""
    return [f"notebooks/{path.name}" for path in sorted(SERVED["notebooks"].glob("*.ipynb"))]


def exercise_paths() -> list[str]:
    """The first student exercise notebook (the instructor's masters are in source/)."""
    return [f"exercises/{path.name}" for path in sorted(SERVED["exercises"].glob("*.ipynb"))[:1]]


def copy_course(root: Path) -> None:
    """A throwaway copy for JupyterLab to serve, so running notebooks never edits the checkout."""
    for name, source in SERVED.items():
        if source.is_dir():
            shutil.copytree(
                source, root / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
            )
