"""One article: its metadata, the text as received, and the cleaned, annotated text.

Cleaning and annotation run on first use and are cached, so loading the corpus is cheap.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from nkcourse.corpus import cleaning
from nkcourse.corpus.mentions import count_actors
from nkcourse.corpus.quotes import Quote, find_quotes
from nkcourse.corpus.text import count_words, split_sentences

DATE_PRECISIONS = ("day", "month", "year", "on or before", "on or after")


@dataclass(frozen=True)
class Paragraph:
    para_no: int  # 1, 2, … within the document (body paragraphs only)
    heading: str | None  # the section heading it stands under, if any
    text: str


@dataclass(frozen=True)
class Sentence:
    para_no: int
    sent_no: int  # 1, 2, … within the paragraph
    text: str


def _readable_date(date: str | None, precision: str) -> str:
    if not date:
        return "date unknown"
    day = dt.date.fromisoformat(date)
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{day:%B} {day.year}"
    written = f"{day.day} {day:%B} {day.year}"
    return written if precision == "day" else f"{precision} {written}"


class Document:
    """An article of the corpus. ``raw`` is the text exactly as received."""

    def __init__(
        self,
        doc_id: str,
        raw: str,
        title: str,
        author: str | None = None,
        publisher: str | None = None,
        date: str | None = None,
        date_precision: str = "day",
        url: str | None = None,
        url_note: str | None = None,
        raw_file: str | None = None,
        notes: str | None = None,
        source: str = "shipped",
    ):
        self.doc_id = doc_id
        self.raw = raw
        self.title = title
        self._author = author
        self.publisher = publisher
        self.date = date
        self.date_precision = date_precision
        self.url = url
        self.url_note = url_note
        self.raw_file = raw_file
        self.notes = notes
        self.source = source  # "shipped" with the course, or "yours" (added by you)

    @classmethod
    def from_text(cls, text: str, *, doc_id: str = "untitled", title: str = "", **metadata):
        """A document built from a string, no files involved (tests, benchmarks, notebooks)."""
        return cls(doc_id, text, title, **metadata)

    def __repr__(self):
        return f"<Document {self.doc_id}: {self.title!r}, {len(self.paragraphs)} paragraphs>"

    @cached_property
    def _cleaned(self) -> cleaning.Cleaned:
        return cleaning.clean(self.raw, self.title, self._author, self.publisher)

    @property
    def author(self) -> str | None:
        """The author in the metadata, else the name in the article's byline or closing bio."""
        return self._author or self._cleaned.author_from_text

    @property
    def lines(self) -> tuple[cleaning.Line, ...]:
        """Every raw line with what the cleaning did with it."""
        return self._cleaned.lines

    @property
    def kept(self) -> list[cleaning.Line]:
        return [line for line in self.lines if line.kind != cleaning.REMOVED]

    @property
    def removed(self) -> list[cleaning.Line]:
        """Every raw line left out of the document, with the rule (``line.rule``) that did it."""
        return [line for line in self.lines if line.kind == cleaning.REMOVED]

    @property
    def headings(self) -> list[str]:
        return [line.text for line in self.lines if line.kind == cleaning.HEADING]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        found, heading = [], None
        for line in self.lines:
            if line.kind == cleaning.HEADING:
                heading = line.text
            elif line.kind == cleaning.PARAGRAPH:
                found.append(Paragraph(len(found) + 1, heading, line.text))
        return found

    @property
    def text(self) -> str:
        """Headings and paragraphs, separated by blank lines (the title is not included)."""
        body = (cleaning.HEADING, cleaning.PARAGRAPH)
        return "\n\n".join(line.text for line in self.lines if line.kind in body)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [
            Sentence(p.para_no, sent_no, sentence)
            for p in self.paragraphs
            for sent_no, sentence in enumerate(split_sentences(p.text), start=1)
        ]

    @cached_property
    def quotes(self) -> list[Quote]:
        """Attributed direct quotations (scare quotes and labels are left out)."""
        return find_quotes([p.text for p in self.paragraphs])

    @cached_property
    def mentions(self) -> dict[str, int]:
        """How often each actor is named in the headings and paragraphs."""
        return count_actors(self.text)

    @property
    def n_words(self) -> int:
        """Words in the body paragraphs (headings and title not counted)."""
        return sum(count_words(p.text) for p in self.paragraphs)

    def metadata(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "author": self.author,
            "publisher": self.publisher,
            "date": self.date,
            "date_precision": self.date_precision,
            "url": self.url,
            "raw_file": self.raw_file,
        }

    def citation(self) -> str:
        """A reference to paste into your notes or essay."""
        parts = [(self.author or "Unknown author") + ",", f"“{self.title},”"]
        parts += [self.publisher + ","] if self.publisher else []
        parts.append(_readable_date(self.date, self.date_precision) + ".")
        cited = " ".join(parts)
        if self.url:
            cited += f" {self.url}" + (f" ({self.url_note})" if self.url_note else "")
        return cited
