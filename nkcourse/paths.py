"""Where nkcourse reads its shipped files and writes the user's own."""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def home() -> Path:
    """The user's working folder for progress and added articles.

    ``NKCOURSE_HOME`` if set, else ``./nkcourse-data``; never inside the installed package.
    """
    return Path(os.environ.get("NKCOURSE_HOME") or "nkcourse-data").expanduser()
