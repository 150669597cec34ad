"""nkcourse: the data, corpus, quizzes and exercises of a Jupyter workbook on the
sanctions against North Korea.

Submodules load on first use (``nkcourse.data``, ``nkcourse.corpus``, ``nkcourse.quiz``...),
so ``import nkcourse`` stays cheap and pulls in neither pandas nor Altair nor ipywidgets.
"""

import importlib

__version__ = "0.1.0"

_SUBMODULES = {
    "analysis",
    "charts",
    "corpus",
    "data",
    "exercises",
    "explorers",
    "quiz",
}


def __getattr__(name):
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'nkcourse' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _SUBMODULES)
