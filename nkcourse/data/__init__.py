"""The course datasets: tidy, typed, sourced, checked, offline.

>>> from nkcourse import data
>>> data.names()            # what there is
>>> data.info("trade")      # description, columns and units, sources, licence, SHA-256
>>> trade = data.load("trade")   # a fresh DataFrame each call; help(trade) shows provenance

Built from the research notes by ``tools/build_datasets.py``; schemas and provenance live
in ``datasets.json``; integrity in ``files/MANIFEST.sha256``.
"""

from nkcourse.data.catalog import names
from nkcourse.data.describe import DatasetInfo, info
from nkcourse.data.loader import load

__all__ = ["DatasetInfo", "info", "load", "names"]
