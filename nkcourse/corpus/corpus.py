"""A collection of documents, with tables (pandas DataFrames) for analysis."""

from collections.abc import Iterator

from nkcourse.corpus.cleaning import RULES
from nkcourse.corpus.document import Document
from nkcourse.corpus.mentions import ACTORS, kwic_lines, kwic_pattern
from nkcourse.errors import NkcourseError

DOCUMENT_COLUMNS = ["doc_id", "title", "author", "publisher", "date", "date_precision", "url",
                    "raw_file", "n_paragraphs", "n_words"]  # fmt: skip
PARAGRAPH_COLUMNS = ["doc_id", "para_no", "heading", "text"]
SENTENCE_COLUMNS = ["doc_id", "para_no", "sent_no", "text"]
QUOTE_COLUMNS = ["doc_id", "para_no", "text", "speaker", "speaker_role", "cue"]
MENTION_COLUMNS = ["doc_id", "actor", "mentions"]
KWIC_COLUMNS = ["doc_id", "para_no", "left", "match", "right"]
REMOVED_COLUMNS = ["doc_id", "line_no", "rule", "text"]


def _frame(rows, columns):
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def _full_names(speakers: set[str]) -> dict[str, str]:
    """Map a bare surname to the one full name that ends with it, across all articles.

    One article may say only "President Trump" while another says "Donald Trump".
    """
    full = [name for name in speakers if " " in name]
    folded = {}
    for name in speakers - set(full):
        matches = [f for f in full if f.split()[-1] == name]
        if len(matches) == 1:
            folded[name] = matches[0]
    return folded


class Corpus:
    """The course's articles plus any you added.

    ``len(c)``, ``for doc in c``, ``c["fpri_2017"]``, ``"fpri_2017" in c``.
    """

    def __init__(self, documents: list[Document], problems: list[str] = ()):
        self._documents = {doc.doc_id: doc for doc in documents}
        self.problems = list(problems)  # user articles that could not be loaded, and why

    def __len__(self) -> int:
        return len(self._documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents.values())

    def __contains__(self, doc_id) -> bool:
        return doc_id in self._documents

    def __getitem__(self, doc_id: str) -> Document:
        try:
            return self._documents[doc_id]
        except KeyError:
            raise NkcourseError(
                f"No document {doc_id!r} in the corpus. Its doc_ids are: {', '.join(self.doc_ids)}."
            ) from None

    def __repr__(self):
        return f"<Corpus of {len(self)} documents: {', '.join(self.doc_ids)}>"

    @property
    def doc_ids(self) -> list[str]:
        return list(self._documents)

    def documents(self):
        """One row per document: metadata, ``n_paragraphs`` and ``n_words``."""
        rows = [
            {**doc.metadata(), "n_paragraphs": len(doc.paragraphs), "n_words": doc.n_words}
            for doc in self
        ]
        return _frame(rows, DOCUMENT_COLUMNS)

    def paragraphs(self):
        rows = [(d.doc_id, p.para_no, p.heading, p.text) for d in self for p in d.paragraphs]
        return _frame(rows, PARAGRAPH_COLUMNS)

    def removed(self):
        """Every raw line the cleaning left out, with the rule that removed it (blanks too)."""
        rows = [(d.doc_id, line.line_no, line.rule, line.raw) for d in self for line in d.removed]
        return _frame(rows, REMOVED_COLUMNS)

    def sentences(self):
        rows = [(d.doc_id, s.para_no, s.sent_no, s.text) for d in self for s in d.sentences]
        return _frame(rows, SENTENCE_COLUMNS)

    def quotes(self):
        """Attributed direct quotations; ``speaker`` is the full name, or empty if no person
        is named (an organisation, "they")."""
        speakers = {q.speaker for d in self for q in d.quotes if q.speaker}
        folded = _full_names(speakers)
        rows = [
            (d.doc_id, q.para_no, q.text, folded.get(q.speaker, q.speaker), q.speaker_role, q.cue)
            for d in self
            for q in d.quotes
        ]
        return _frame(rows, QUOTE_COLUMNS)

    def mentions(self):
        """How often each document names each actor, aliases folded (long format)."""
        rows = [(d.doc_id, actor, n) for d in self for actor, n in d.mentions.items()]
        return _frame(rows, MENTION_COLUMNS)

    def kwic(self, term: str, width: int = 40):
        """Keyword in context: every paragraph hit of ``term`` (whole words, any case)."""
        pattern = kwic_pattern(term)
        if not isinstance(width, int) or width < 0:
            raise NkcourseError(
                f"width must be a whole number of characters, e.g. 40; not {width!r}."
            )
        rows = [
            (d.doc_id, p.para_no, left, match, right)
            for d in self
            for p in d.paragraphs
            for left, match, right in kwic_lines(p.text, pattern, width)
        ]
        return _frame(rows, KWIC_COLUMNS)

    def readme(self) -> str:
        """What is in the corpus, where it comes from, and what the cleaning did."""
        lines = [
            "The nkcourse corpus",
            "",
            f"{len(self)} articles. Cite them as:",
            *(f"  [{doc.doc_id}] {doc.citation()}" for doc in self),
            "",
            "Each article ships exactly as it was received (doc.raw); the cleaned text",
            "(doc.paragraphs, doc.text) is built from it by rules, and every raw line that",
            "was left out is listed in doc.removed with the rule that removed it:",
            *(f"  {rule}: {description}" for rule, description in RULES.items()),
            "Only whitespace is normalised: the authors' words and typos stay as written.",
            "",
            "Tables: documents(), paragraphs(), sentences(), quotes(), mentions(), removed(),",
            "kwic('term'). quotes() keeps only attributed speech; scare quotes are left out.",
            "mentions() counts these actors, aliases folded:",
            *(f"  {actor}: {', '.join(aliases)}" for actor, aliases in ACTORS.items()),
        ]
        if self.problems:
            lines += ["", "Problems:", *(f"  {problem}" for problem in self.problems)]
        return "\n".join(lines)
