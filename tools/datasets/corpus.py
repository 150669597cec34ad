"""The two raw articles, for checking that every name and quote the datasets give is
really in the text."""

import functools
import re
from pathlib import Path

RAW_FILES = {
    "cipher_brief_2017": "000_6b20eaa6fadcbadd.txt",
    "fpri_2017": "003_37d2d6e6eedd0e04.txt",
}


def normalise(text: str) -> str:
    """Non-breaking spaces and runs of whitespace become one space; nothing else changes."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@functools.cache
def article_text(corpus_dir: Path, doc_id: str) -> str:
    return normalise((Path(corpus_dir) / RAW_FILES[doc_id]).read_text(encoding="utf-8"))


def require_in_article(corpus_dir: Path, doc_ids: str, fragment: str) -> None:
    """``fragment`` must occur in at least one of the ``;``-separated articles."""
    if not any(normalise(fragment) in article_text(corpus_dir, d) for d in doc_ids.split(";")):
        raise ValueError(f"{fragment!r} does not occur in the raw text of {doc_ids}")
