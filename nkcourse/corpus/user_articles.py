"""Articles an instructor adds: stored in the working folder, never inside the package.

The folder is ``nkcourse.paths.home() / "corpus"``: one ``<doc_id>.txt`` per article (the
text as received; for a web page, its paragraphs and headings one per line) and an
``articles.json`` index. Every input is checked before anything is written, and writes
are atomic, so a rejected article leaves the corpus exactly as it was.
"""

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from nkcourse import atomic, paths
from nkcourse.corpus.document import DATE_PRECISIONS, Document
from nkcourse.corpus.html_text import html_to_text, looks_like_html
from nkcourse.corpus.text import normalise_space
from nkcourse.errors import NkcourseError

INDEX_NAME = "articles.json"
MAX_BYTES = 5 * 1024 * 1024
_DOC_ID = re.compile(r"[a-z0-9][a-z0-9_]{0,59}")
_FIELDS = ("doc_id", "raw_file", "title", "author", "publisher", "date", "date_precision",
           "url", "url_note", "notes")  # fmt: skip


def corpus_dir() -> Path:
    """Where added articles live (read at call time: ``NKCOURSE_HOME`` may change)."""
    return paths.home() / "corpus"


def _index_path() -> Path:
    return corpus_dir() / INDEX_NAME


def _read_index() -> list[dict]:
    index = _index_path()
    if not index.exists():
        return []
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NkcourseError(
            f"{index} cannot be read ({error}). Fix the file by hand, or move it away to "
            "start an empty list of your articles (the .txt files next to it are kept)."
        ) from error
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise NkcourseError(f"{index} should hold a list of articles. Fix or move it away.")
    return entries


def user_documents() -> tuple[list[Document], list[str]]:
    """Your articles, and a readable problem for each one that could not be loaded."""
    try:
        entries = _read_index()
    except NkcourseError as error:
        return [], [str(error)]
    documents, problems = [], []
    for entry in entries:
        name = entry.get("doc_id", "(no doc_id)")
        path = corpus_dir() / str(entry.get("raw_file", ""))
        try:
            raw = path.read_text(encoding="utf-8")
            document = Document(raw=raw, source="yours", **{k: entry.get(k) for k in _FIELDS})
            if not document.paragraphs:
                raise ValueError("no paragraphs left after cleaning")
        except Exception as error:  # one broken article must not hide the others
            problems.append(
                f"Your article {name!r} ({path}) was skipped: {error}. Add it again with "
                f"`nkcourse corpus add`, or delete its entry from {_index_path()}."
            )
            continue
        documents.append(document)
    return documents, problems


def _read_article(path: Path) -> tuple[str, str]:
    """(text, format) of the file, or a clear error."""
    path = Path(path)
    if not path.is_file():
        raise NkcourseError(f"There is no file at {path}. Check the path and try again.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise NkcourseError(
            f"{path} is {size / 1024 / 1024:.1f} MB; articles may be at most 5 MB. "
            "Save only the article's text (or its web page without images) and add that."
        )
    data = path.read_bytes()
    if b"\x00" in data:
        raise NkcourseError(
            f"{path} looks like a binary file (a PDF, Word document or image?). "
            "Save the article as plain text (.txt, UTF-8) or as a web page (.html) and add that."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NkcourseError(
            f"{path} is not UTF-8 text (byte {error.start} cannot be read). Open it in an "
            "editor and save it with the encoding UTF-8, then add it again."
        ) from error
    form = "html" if path.suffix.lower() in {".html", ".htm"} or looks_like_html(text) else "text"
    if form == "html":
        text = html_to_text(text)
    if not text.strip():
        raise NkcourseError(f"{path} has no text in it. Check that you chose the right file.")
    return text, form


def _required(value: str | None, option: str, example: str) -> str:
    value = normalise_space(value or "")
    if not value:
        raise NkcourseError(f"The article needs {option}, e.g. {option} {example!r}.")
    return value


def _checked_date(date: str, precision: str) -> str:
    if precision not in DATE_PRECISIONS:
        raise NkcourseError(f"--date-precision must be one of: {', '.join(DATE_PRECISIONS)}.")
    try:
        return dt.date.fromisoformat((date or "").strip()).isoformat()
    except ValueError as error:
        raise NkcourseError(
            f"Cannot read the date {date!r}: write it as YYYY-MM-DD, e.g. --date 2017-09-12 "
            "(with --date-precision month or year if you know no more)."
        ) from error


def _default_doc_id(title: str, date: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())[:4]
    return "_".join(words + [date[:4]])


def _fingerprint(text: str) -> str:
    return hashlib.sha256(normalise_space(text).encode("utf-8")).hexdigest()


def add_article(
    path: Path,
    *,
    title: str,
    author: str,
    publisher: str,
    date: str,
    date_precision: str = "day",
    url: str | None = None,
    doc_id: str | None = None,
    existing: list[Document] = (),
) -> Document:
    """Check the article, then store it; ``existing`` are the documents already loaded."""
    title = _required(title, "--title", "Sanctions bite")
    author = _required(author, "--author", "Jane Doe")
    publisher = _required(publisher, "--publisher", "The Example Times")
    date = _checked_date(date, date_precision)
    text, form = _read_article(path)
    doc_id = doc_id or _default_doc_id(title, date)
    if not _DOC_ID.fullmatch(doc_id):
        raise NkcourseError(
            f"The doc_id {doc_id!r} may only use lowercase letters, digits and _ "
            "(at most 60 characters); choose one with --doc-id, e.g. --doc-id times_2018."
        )
    for other in existing:
        if other.doc_id == doc_id:
            raise NkcourseError(
                f"There is already an article with doc_id {doc_id!r} ({other.title!r}). "
                "Choose another one with --doc-id."
            )
        if _fingerprint(other.raw) == _fingerprint(text):
            raise NkcourseError(
                f"{path} has the same text as the article {other.doc_id!r} already in the "
                "corpus; nothing was added."
            )
    document = Document(
        doc_id, text, title, author=author, publisher=publisher, date=date,
        date_precision=date_precision, url=url, raw_file=f"{doc_id}.txt", source="yours",
        notes=f"Added from {Path(path).name} ({form}).",
    )  # fmt: skip
    if not document.paragraphs:
        raise NkcourseError(
            f"No paragraphs are left in {path} after removing page furniture. "
            "Check the file: it should hold the article's text, one paragraph per line."
        )
    entries = _read_index()
    folder = corpus_dir()
    stored = folder / document.raw_file
    atomic.write_text(stored, text)
    try:
        atomic.write_json(_index_path(), [*entries, {k: getattr(document, k) for k in _FIELDS}])
    except BaseException:
        stored.unlink(missing_ok=True)
        raise
    return document
