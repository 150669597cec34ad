"""The dataset registry: names, files and schemas, as described in datasets.json."""

import difflib
import functools
import json
from pathlib import Path

from nkcourse.errors import NkcourseError

DATA_DIR = Path(__file__).resolve().parent
FILES_DIR = DATA_DIR / "files"
SPEC_FILE = DATA_DIR / "datasets.json"


@functools.cache
def specs() -> dict[str, dict]:
    """Dataset name -> its description, sources, licence and column schema."""
    return json.loads(SPEC_FILE.read_text(encoding="utf-8"))["datasets"]


def names() -> list[str]:
    """The dataset names, in the order the course meets them."""
    return list(specs())


def spec(name: str) -> dict:
    """The metadata of ``name``; a friendly error (with a suggestion) if there is none."""
    found = specs()
    if name in found:
        return found[name]
    close = difflib.get_close_matches(str(name), found, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise NkcourseError(
        f"There is no dataset called {name!r}.{hint} "
        f"The datasets are: {', '.join(found)} (see `nkcourse data list`)."
    )
