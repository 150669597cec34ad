"""Write the student version of a source notebook.

Solutions between ``# BEGIN SOLUTION`` and ``# END SOLUTION`` lines become blanks: each
name the block assigns at its top level becomes ``name = ____`` (any other block becomes a
lone ``____``). Hidden-check cells go, outputs and execution counts are cleared, and the
bytes written depend only on the source, so the committed student notebooks can be
compared with a fresh release.
"""

import ast
import copy
import textwrap
from pathlib import Path

from nkcourse import atomic
from nkcourse.errors import NkcourseError
from nkcourse.instructor.notebooks import SourceNotebook, is_hidden, read_source

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"


def _assigned_names(block: str) -> list[str]:
    """Names a block of code assigns at its top level, in order (none if it's a fragment)."""
    try:
        tree = ast.parse(textwrap.dedent(block))
    except SyntaxError:
        return []
    names = []
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        else:
            continue
        for target in targets:
            elements = target.elts if isinstance(target, ast.Tuple) else [target]
            names += [e.id for e in elements if isinstance(e, ast.Name) and e.id not in names]
    return names


def blank_solutions(code: str, where: str = "cell") -> str:
    """``code`` with every solution block replaced by blanks to fill in."""
    lines, out, block, indent = code.split("\n"), [], None, ""
    for number, line in enumerate(lines, start=1):
        marker = line.strip()
        if marker == BEGIN:
            if block is not None:
                raise NkcourseError(f"{where}, line {number}: {BEGIN} inside another one.")
            block, indent = [], line[: len(line) - len(line.lstrip())]
        elif marker == END:
            if block is None:
                raise NkcourseError(f"{where}, line {number}: {END} without {BEGIN}.")
            names = _assigned_names("\n".join(block))
            out += [f"{indent}{name} = ____" for name in names] or [f"{indent}____"]
            block = None
        elif block is not None:
            block.append(line)
        else:
            out.append(line)
    if block is not None:
        raise NkcourseError(f"{where}: {BEGIN} is never closed by {END}.")
    return "\n".join(out)


def student_version(source: SourceNotebook):
    """A copy of the source notebook as students get it."""
    notebook = copy.deepcopy(source.notebook)
    notebook.metadata.pop("widgets", None)
    cells = []
    for index, cell in enumerate(notebook.cells):
        if is_hidden(cell):
            continue
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.source = blank_solutions(cell.source, f"{source.path.name}, cell {index}")
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    notebook.cells = cells
    return notebook


def notebook_bytes(notebook) -> bytes:
    """The bytes ``nbformat.write`` would produce."""
    import nbformat

    text = nbformat.writes(notebook)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def source_paths(sources: list[Path]) -> list[Path]:
    """Notebook files named directly, or every ``*.ipynb`` in a folder named."""
    paths = []
    for source in map(Path, sources):
        if source.is_dir():
            paths += sorted(source.glob("*.ipynb"))
        elif source.is_file():
            paths.append(source)
        else:
            raise NkcourseError(f"no such notebook or folder: {source}. Check the path.")
    return paths


def release(sources: list[Path], out_dir: Path) -> list[Path]:
    """Write the student version of each source notebook into ``out_dir``; return the paths.

    Everything is checked before anything is written, so a bad source leaves ``out_dir``
    as it was.
    """
    out_dir = Path(out_dir)
    paths = source_paths(sources)
    if not paths:
        raise NkcourseError("no source notebooks to release: name .ipynb files or a folder.")
    targets = {}
    for path in paths:
        target = out_dir / path.name
        if target.resolve() == path.resolve():
            raise NkcourseError(f"--out {out_dir} would overwrite the source {path}.")
        if target in targets:
            raise NkcourseError(f"two source notebooks are named {path.name}; rename one.")
        targets[target] = notebook_bytes(student_version(read_source(path)))
    for target, data in targets.items():
        atomic.write_bytes(target, data)
    return list(targets)
