"""Paths and small helpers shared by the tests of nkcourse.data."""

import re
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FACTS = SHARED / "facts"
RAW_ARTICLES = {
    "cipher_brief_2017": "000_6b20eaa6fadcbadd.txt",
    "fpri_2017": "003_37d2d6e6eedd0e04.txt",
}
NUMBER = re.compile(r"(?:(?<![\w.])[+-])?\d[\d,]*(?:\.\d+)?")


def article_text(doc_id: str) -> str:
    """The raw article, from the package copy if it is there, else from ../shared."""
    for folder in (REPO / "nkcourse" / "corpus" / "raw", SHARED / "corpus" / "raw"):
        path = folder / RAW_ARTICLES[doc_id]
        if path.is_file():
            return normalise(path.read_text(encoding="utf-8"))
    raise FileNotFoundError(RAW_ARTICLES[doc_id])


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def numbers(text: str) -> set[Decimal]:
    """Every number written in ``text`` ("1,220" -> 1220, "+8.3" -> 8.3)."""
    return {Decimal(n.replace(",", "").lstrip("+")) for n in NUMBER.findall(str(text))}
