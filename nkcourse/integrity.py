"""SHA-256 manifests for the files shipped inside the package (datasets, raw articles).

A folder with a ``MANIFEST.sha256`` (``sha256sum`` format) can be verified; ``nkcourse
doctor``, the loaders and the tests all use :func:`verify`.
"""

import hashlib
from pathlib import Path

from nkcourse.errors import NkcourseError

MANIFEST_NAME = "MANIFEST.sha256"
RESTORE_HINT = (
    "Restore the shipped copy: `git checkout -- {path}` in a clone of the course, "
    "or reinstall the package (`pip install --force-reinstall nkcourse`)."
)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_manifest(folder: Path) -> dict[str, str]:
    """File name -> expected hash, as listed in the folder's manifest."""
    manifest = Path(folder) / MANIFEST_NAME
    if not manifest.is_file():
        raise NkcourseError(f"{manifest} is missing. " + RESTORE_HINT.format(path=manifest))
    expected = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            expected[name.lstrip("*")] = digest
    return expected


def write_manifest(folder: Path, names: list[str]) -> Path:
    """(Re)write the manifest of ``names`` in ``folder``; for the build tools only."""
    folder = Path(folder)
    lines = [f"{sha256_file(folder / name)}  {name}" for name in sorted(names)]
    manifest = folder / MANIFEST_NAME
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def _problem(path: Path, expected: str | None) -> str | None:
    if expected is None:
        return f"{path} is not listed in {path.parent / MANIFEST_NAME}."
    if not path.is_file():
        return f"{path} is missing. " + RESTORE_HINT.format(path=path)
    if sha256_file(path) != expected:
        return (
            f"{path} has been edited or is corrupt (its SHA-256 does not match "
            f"{MANIFEST_NAME}). " + RESTORE_HINT.format(path=path)
        )
    return None


def problems(folder: Path) -> list[str]:
    """Every listed file that is missing or whose bytes changed, as readable sentences."""
    folder = Path(folder)
    found = (_problem(folder / name, digest) for name, digest in read_manifest(folder).items())
    return [problem for problem in found if problem]


def check_file(folder: Path, name: str) -> None:
    """Raise a friendly error unless ``folder/name`` matches its manifest entry."""
    folder = Path(folder)
    problem = _problem(folder / name, read_manifest(folder).get(name))
    if problem:
        raise NkcourseError(problem)


def manifest_folders() -> list[Path]:
    """Every folder inside the package that ships a manifest."""
    from nkcourse.paths import PACKAGE_DIR

    return sorted(p.parent for p in PACKAGE_DIR.rglob(MANIFEST_NAME))
