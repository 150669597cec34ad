"""``load(name)``: a fresh, typed DataFrame every call, parsed once per process.

The cached frame never leaves this module: each call hands out a deep copy, so a student's
edit never leaks into the next load. The file's SHA-256 is checked against the manifest
on every call, so an edited or corrupt file gives a clear error, never wrong data.
"""

import copy
import functools
from pathlib import Path

from nkcourse import integrity
from nkcourse.data import catalog, schema
from nkcourse.data.describe import provenance
from nkcourse.errors import NkcourseError


@functools.cache
def _parsed(folder: Path, name: str):
    spec = catalog.spec(name)
    path = folder / spec["file"]
    try:
        return schema.parse(path, spec)
    except (ValueError, TypeError) as error:  # hash matched but the schema moved on
        raise NkcourseError(
            f"{path} cannot be read as the dataset {name!r} ({error}). "
            + integrity.RESTORE_HINT.format(path=path)
        ) from error


def parsed(name: str):
    """The cached typed frame, for read-only use inside the package (row counts).

    The file's hash is checked on every call (a few kilobytes, well under a millisecond),
    so a file edited after the first load is still caught."""
    folder = catalog.FILES_DIR
    integrity.check_file(folder, catalog.spec(name)["file"])
    return _parsed(folder, name)


@functools.cache
def dataset_class(name: str) -> type:
    """A DataFrame subclass whose docstring is the dataset's provenance, so that
    ``help(data.load(name))`` shows where the data come from. Anything derived from it
    (a filter, a groupby, a copy) is a plain DataFrame again."""
    import pandas as pd

    title = "".join(part.capitalize() for part in name.split("_")) + "Dataset"
    return type(
        title,
        (pd.DataFrame,),
        {
            "__doc__": provenance(name),
            "__module__": "nkcourse.data",
            "_constructor": property(lambda self: pd.DataFrame),
        },
    )


def load(name: str):
    """The dataset ``name`` as a new DataFrame, with ``attrs`` holding its provenance.

    >>> from nkcourse import data
    >>> trade = data.load("trade")
    >>> trade.attrs["licence"]  # doctest: +SKIP
    """
    spec = catalog.spec(name)
    frame = dataset_class(name)(parsed(name).copy(deep=True))
    frame.attrs = {
        "name": name,
        "title": spec["title"],
        "description": spec["description"],
        "sources": copy.deepcopy(spec["sources"]),
        "licence": spec["licence"],
        "file": spec["file"],
        "sha256": integrity.read_manifest(catalog.FILES_DIR)[spec["file"]],
    }
    return frame
