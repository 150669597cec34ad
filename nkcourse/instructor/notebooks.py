"""Reading exercise notebooks: the instructor's source copies and the students' submissions.

A source notebook names its exercise and check module in its metadata::

    {"nkcourse": {"exercise": "04", "module": "nkcourse.exercises.ex04"}}

Its hidden-check cells carry the tag ``hidden`` and say which question they belong to in
their own metadata: ``{"tags": ["hidden"], "nkcourse": {"question": "q2"}}``.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from nkcourse.errors import NkcourseError

HIDDEN_TAG = "hidden"
DEFAULT_SOURCE_DIR = Path("exercises/source")


@dataclass(frozen=True)
class SourceNotebook:
    path: Path
    exercise: str
    module: str
    notebook: object  # nbformat.NotebookNode


def read_notebook(path: Path):
    """The notebook at ``path``; a friendly error if it is empty, not JSON or not a notebook."""
    import nbformat

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NkcourseError(f"cannot read {path}: {error.strerror}. Check the path.") from None
    if not data.strip():
        raise NkcourseError(f"{path.name} is an empty file, not a notebook.")
    try:
        notebook = nbformat.reads(data.decode("utf-8"), as_version=4)
        cells = notebook["cells"]
        if not isinstance(cells, list) or not all(_readable(cell) for cell in cells):
            raise ValueError("its cells are malformed")
    except Exception as error:
        reason = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
        raise NkcourseError(f"{path.name} is not a readable Jupyter notebook ({reason}).") from None
    return notebook


def _readable(cell) -> bool:
    return isinstance(cell, dict) and isinstance(cell.get("source"), str) and "cell_type" in cell


def is_hidden(cell) -> bool:
    return HIDDEN_TAG in cell.get("metadata", {}).get("tags", [])


def read_source(path: Path) -> SourceNotebook:
    """A source notebook with its exercise id and check module, as its metadata says."""
    notebook = read_notebook(path)
    meta = notebook.metadata.get("nkcourse", {})
    if not isinstance(meta, dict) or not meta.get("exercise") or not meta.get("module"):
        raise NkcourseError(
            f"{path} does not say which exercise it is. Add to its notebook metadata: "
            '{"nkcourse": {"exercise": "04", "module": "nkcourse.exercises.ex04"}}.'
        )
    return SourceNotebook(Path(path), str(meta["exercise"]), str(meta["module"]), notebook)


def normalise_exercise_id(exercise: str) -> str:
    """``4`` and ``04`` are the same exercise."""
    return exercise.zfill(2) if re.fullmatch(r"\d+", exercise) else exercise


def find_source(source_dir: Path, exercise: str) -> SourceNotebook:
    """The source notebook of ``exercise`` in ``source_dir``."""
    source_dir = Path(source_dir)
    if not source_dir.is_dir():
        raise NkcourseError(
            f"no folder {source_dir}: pass the instructor's source notebooks with --source DIR."
        )
    wanted = normalise_exercise_id(exercise)
    found = [read_source(path) for path in sorted(source_dir.glob("*.ipynb"))]
    matches = [source for source in found if normalise_exercise_id(source.exercise) == wanted]
    if len(matches) != 1:
        known = ", ".join(sorted(source.exercise for source in found)) or "none"
        problem = "no" if not matches else "more than one"
        raise NkcourseError(
            f"{problem} source notebook for exercise {exercise!r} in {source_dir} "
            f"(exercises there: {known}). Check --exercise and --source."
        )
    return matches[0]


def hidden_checks(source: SourceNotebook) -> list[tuple[str, str]]:
    """``(question, code)`` for each hidden-check cell, in notebook order."""
    checks = []
    for index, cell in enumerate(source.notebook.cells):
        if not is_hidden(cell):
            continue
        question = cell.metadata.get("nkcourse", {}).get("question")
        if not question:
            raise NkcourseError(
                f"hidden cell {index} of {source.path} does not name its question: add "
                '"nkcourse": {"question": "q1"} to the cell\'s metadata.'
            )
        checks.append((question, cell.source))
    return checks
