"""Small text helpers shared by cleaning, quotes and mentions: spaces, words, sentences.

Only whitespace is ever changed; the authors' words, spelling and punctuation stay as
they were written.
"""

import re

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
WORD = re.compile(r"\w+(?:[’'\-]\w+)*")

# A full stop after one of these does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "capt",
    "sgt", "adm", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
# After a dotted acronym ("U.S.", "U.N.") a new sentence starts only with one of these.
_SENTENCE_STARTERS = {
    "The", "But", "And", "It", "Its", "He", "She", "They", "We", "I", "This", "That",
    "These", "Those", "In", "On", "At", "As", "If", "So", "Yet", "Still", "There", "Now",
    "Meanwhile", "However", "Such", "A", "An", "His", "Her", "Their", "Our",
}  # fmt: skip
_CANDIDATE_END = re.compile(r"[.!?]+[”\"’')\]]*\.?(?=\s+[“\"‘'(\[]?[A-Z0-9])")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}")
_INITIAL = re.compile(r"[A-Z]\.")


def normalise_space(text: str) -> str:
    """Collapse runs of spaces, tabs and non-breaking spaces into one space; trim the ends."""
    return _SPACES.sub(" ", text).strip()


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def _ends_sentence(text: str, end: int) -> bool:
    """Is the punctuation run that stops at ``end`` a real sentence end?"""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    token = text[start:end].lstrip("“\"‘'([")
    if not token.endswith("."):
        return True
    if _INITIAL.fullmatch(token):  # "James R. Clapper"
        return False
    if token.rstrip(".").lower() in _ABBREVIATIONS:
        return False
    if _DOTTED_ACRONYM.fullmatch(token):  # "the U.S. The ..." vs "the U.S. Treasury"
        following = text[end:].split(maxsplit=1)
        next_word = following[0].lstrip("“\"‘'([") if following else ""
        return next_word in _SENTENCE_STARTERS
    return True


def sentence_spans(text: str, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a paragraph.

    Does not break after "Mr.", initials ("James R. Clapper") or "U.S." followed by a name;
    never breaks inside a ``protected`` span (used to keep a quotation in one piece).
    """
    spans, start = [], 0
    for match in _CANDIDATE_END.finditer(text):
        end = match.end()
        if any(a < end < b for a, b in protected) or not _ends_sentence(text, end):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
