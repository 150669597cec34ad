"""Turn an article as received (one paragraph per line) into title, headings and paragraphs.

Every raw line is kept (as the title, a section heading or a body paragraph) or removed
by a named rule, so anyone can audit what the cleaning did. The rules describe page
furniture in general, not the lines of particular articles; only whitespace is changed
in what is kept.
"""

import re
from dataclasses import dataclass

from nkcourse.corpus.text import count_words, normalise_space

RULES = {
    "blank": "an empty line",
    "photo_credit": "a photo credit or caption (“Photo: …”, “Source: …”, “(Source: …)”)",
    "comment_form": "text of the reader-comment form under the article",
    "repeated_title": "the title again, after its first appearance",
    "site_banner": "the site's name and tagline printed around the title, above the text",
    "byline": "a “By <name>” line (the author is kept in the metadata)",
    "author_bio": "the closing note about the author (“<Name> is a … at <Publisher>”)",
}

_PHOTO = re.compile(
    r"^\(?\s*(?:photo(?:graph)?|image|picture|source|credit|caption)s?(?:\s+credit)?\s*:",
    re.IGNORECASE,
)
_COMMENT_FORM = re.compile(
    r"share your (?:point of view|thoughts|comments?)|your comment will be|"
    r"required fields are marked|leave a (?:comment|reply)|"
    r"your email address will not be published|^(?:post a )?comments?$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3}"
_BYLINE = re.compile(rf"^By\s+(?P<name>{_NAME})\W*(?:\(.*\))?$")
_BIO = re.compile(rf"^[*—–\-]?\s*(?P<name>{_NAME})\s+is\s+(?:a|an|the)\s.*\b(?:at|for|with)\s")
_HEADING_END = frozenset(".!?:;,…\"”’')]*")
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 120
_MAX_BANNER_EXTRA_CHARS = 120

TITLE, HEADING, PARAGRAPH, REMOVED = "title", "heading", "paragraph", "removed"


@dataclass(frozen=True)
class Line:
    """One raw line and what the cleaning did with it."""

    line_no: int  # 1-based, as an editor shows it
    raw: str  # exactly as received
    text: str  # whitespace normalised
    kind: str  # "title", "heading", "paragraph" or "removed"
    rule: str | None = None  # the rule that removed it (a key of RULES)


@dataclass(frozen=True)
class Cleaned:
    lines: tuple[Line, ...]
    author_from_text: str | None  # the name in a byline or closing bio, if any


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _is_heading_shaped(text: str) -> bool:
    first = text[0]
    return (
        (first.isupper() or first.isdigit())
        and text[-1] not in _HEADING_END
        and len(text) <= _MAX_HEADING_CHARS
        and count_words(text) <= _MAX_HEADING_WORDS
    )


def _furniture_rule(text: str, title: str, title_seen: bool, body_seen: bool) -> str | None:
    """The rule that removes this line wherever it stands, or None."""
    if not text:
        return "blank"
    if _PHOTO.match(text):
        return "photo_credit"
    if _COMMENT_FORM.search(text):
        return "comment_form"
    if title and _same(text, title) and title_seen:
        return "repeated_title"
    if (
        title
        and not body_seen
        and not _same(text, title)
        and title.casefold() in text.casefold()
        and len(text) - len(title) <= _MAX_BANNER_EXTRA_CHARS
    ):
        return "site_banner"
    return None


def _is_bio(text: str, author: str | None, publisher: str | None) -> re.Match | None:
    match = _BIO.match(text)
    if not match:
        return None
    if author is None and publisher is None:
        return match
    names_author = author is not None and _same(match["name"], author)
    names_publisher = publisher is not None and publisher.casefold() in text.casefold()
    return match if names_author or names_publisher else None


def clean(raw: str, title: str, author: str | None = None, publisher: str | None = None):
    """Classify every line of ``raw``; returns :class:`Cleaned`."""
    title = normalise_space(title or "")
    kinds: list[tuple[str, str, str | None]] = []  # (text, kind, rule) per raw line
    title_seen = body_seen = False
    author_from_text = None
    for raw_line in raw.splitlines():
        text = normalise_space(raw_line)
        rule = _furniture_rule(text, title, title_seen, body_seen)
        if rule is None and not body_seen and (byline := _BYLINE.match(text)):
            rule, author_from_text = "byline", byline["name"]
        if rule:
            kinds.append((text, REMOVED, rule))
        elif title and _same(text, title):
            kinds.append((text, TITLE, None))
            title_seen = True
        else:
            kinds.append((text, PARAGRAPH, None))
            body_seen = True

    body = [i for i, (_text, kind, _rule) in enumerate(kinds) if kind == PARAGRAPH]
    if body and (bio := _is_bio(kinds[body[-1]][0], author, publisher)):
        kinds[body[-1]] = (kinds[body[-1]][0], REMOVED, "author_bio")
        author_from_text = bio["name"]
        body.pop()
    for position, index in enumerate(body):
        text = kinds[index][0]
        next_is_paragraph = position + 1 < len(body) and not _is_heading_shaped(
            kinds[body[position + 1]][0]
        )
        if _is_heading_shaped(text) and next_is_paragraph:
            kinds[index] = (text, HEADING, None)

    lines = tuple(
        Line(line_no, raw_line, text, kind, rule)
        for line_no, (raw_line, (text, kind, rule)) in enumerate(
            zip(raw.splitlines(), kinds, strict=True), start=1
        )
    )
    return Cleaned(lines, author_from_text)
