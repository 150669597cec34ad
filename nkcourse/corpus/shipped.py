"""The articles that ship with the course, verified against their SHA-256 manifest."""

import json
from pathlib import Path

from nkcourse import integrity
from nkcourse.corpus.document import Document

PACKAGE_CORPUS_DIR = Path(__file__).resolve().parent
RAW_DIR = PACKAGE_CORPUS_DIR / "raw"
METADATA_FILE = PACKAGE_CORPUS_DIR / "articles.json"


def shipped_documents() -> list[Document]:
    """The course's own articles; an edited raw file stops here with a way to restore it."""
    documents = []
    for entry in json.loads(METADATA_FILE.read_text(encoding="utf-8")):
        integrity.check_file(RAW_DIR, entry["raw_file"])
        raw = (RAW_DIR / entry["raw_file"]).read_text(encoding="utf-8")
        documents.append(Document(raw=raw, source="shipped", **entry))
    return documents
