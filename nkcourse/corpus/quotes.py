"""Direct quotations in news text and who is quoted.

A quoted passage is speech only when the text attributes it. The rules follow how news
writing attributes speech, in this order:

1. a cue right after the quote: `“…,” Wilder said`, `“…,” said Wilder`, `“…,” he told X`,
   `“…” right now, according to Wilder`;
2. a cue before it in the same sentence: `X said (that) “…”`, `X called Y “…”`,
   `According to X, … “…”`, `X, who served as …, noted that “…”`, `…, noting that … “…”`;
3. another attributed quote earlier in the same sentence;
4. a sentence (or a whole paragraph) that is nothing but a quotation continues the
   speaker (and cue) of the sentence (or paragraph) before it.

Anything else in quote marks (“sea of fire”, “something”) is a label or a scare quote,
not speech. The speaker is the canonical full name (surnames and "he"/"she" are resolved
through :class:`~nkcourse.corpus.speakers.People`); an organisation, a place or "they"
gives a quote with speaker None.
"""

import bisect
import re
from dataclasses import dataclass

from nkcourse.corpus.speakers import People, Phrase, phrase_after, phrase_before, runs
from nkcourse.corpus.text import count_words, sentence_spans

CUES = (
    "according to", "said", "says", "saying", "told", "tells", "telling", "noted", "notes",
    "noting", "added", "adds", "adding", "stated", "stating", "to state", "to say", "called",
    "tweeted", "wrote", "writes", "warned", "warns", "warning", "explained", "explains",
    "argued", "argues", "arguing", "insisted", "insists", "asked", "asks", "declared",
    "claimed", "claims", "pointed out", "points out", "pointing out", "remarked", "replied",
    "emphasized", "emphasised", "stressed", "testified", "cautioned", "urged",
)  # fmt: skip
_CUE_ALTERNATION = "|".join(re.escape(c) for c in sorted(CUES, key=len, reverse=True))
_CUE = re.compile(rf"(?<![\w-])(?:{_CUE_ALTERNATION}|According to)(?![\w-])")
_ADVERBS = (
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|also|later|earlier"
    r"|again|previously|recently|repeatedly|then|once|has|have|had|would|will|publicly"
    r"|separately|today|yesterday|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)"
)
_ADVERB_TAIL = re.compile(rf"(?:\s+(?:{_ADVERBS}))+\s*$")
_ADVERB_TAIL_CHARS = 60
_FOLLOWED_BY_CUE = re.compile(rf"(?:\s+(?:{_ADVERBS}))*\s+(?:{_CUE_ALTERNATION})(?![\w-])")
_PRECEDED_BY_CUE = re.compile(rf"(?<![\w-])(?:{_CUE_ALTERNATION})\s+$", re.IGNORECASE)
_ACCORDING_TO = re.compile(r"(?<![\w-])according to(?![\w-])", re.IGNORECASE)
_LEAD = re.compile(r"[\s,.;:!?—–\-]*")
_GAP_BREAK = re.compile(r"[();]")
_APPOSITIVE = re.compile(
    r",\s+(?:who\s+(?:served|serves|works|worked|is|was|has\s+been|had\s+been)(?:\s+as)?\s+"
    r"|(?=(?:who|a|an|the|former)\s))(?:(?:an?|the)\s+)?(?P<role>[^,;]+)"
)
_CAPITALISED_WORD = re.compile(
    r"(?<![\w’'-])(?P<word>[A-Z][\w\-]*)(?![\w-])"
    r"(?P<possessive>[’']s\b)?(?P<administration>\s+administration\b)?"
)
_QUOTE = re.compile(r"“(?P<curly>[^“”]*)(?:”|$)|\"(?P<straight>[^\"]*)(?:\"|$)")
_MAX_GAP_WORDS = 25  # cue ... “quote” in one sentence
_MAX_WORDS_BEFORE_ACCORDING = 6  # “quote” right now, according to X


@dataclass(frozen=True)
class Quote:
    """One attributed quotation; ``start``/``end`` locate its marks in the paragraph."""

    para_no: int
    text: str
    speaker: str | None
    speaker_role: str | None
    cue: str
    start: int
    end: int


@dataclass(frozen=True)
class _Attribution:
    speaker: str | None
    speaker_role: str | None
    cue: str


class _Paragraph:
    """A paragraph with its quoted spans blanked out, so cues inside quotes are ignored."""

    def __init__(self, text: str, offset: int):
        self.text = text
        self.offset = offset
        self.quotes = [
            (m.start(), m.end(), (m["curly"] if m["curly"] is not None else m["straight"]))
            for m in _QUOTE.finditer(text)
        ]
        pieces, previous_end = [], 0
        for start, end, _inner in self.quotes:
            pieces += [text[previous_end:start], " " * (end - start)]
            previous_end = end
        self.masked = "".join(pieces) + text[previous_end:]
        self.sentences = sentence_spans(text, [(a, b) for a, b, _ in self.quotes])
        self._starts = [a for a, _b in self.sentences]

    def sentence_index(self, position: int) -> int:
        return max(0, bisect.bisect_right(self._starts, position) - 1)


def _without_adverbs(prefix: str) -> str:
    """Drop "on Tuesday", "also", "has" … between a subject and its verb (short, at the end)."""
    head, tail = prefix[:-_ADVERB_TAIL_CHARS], prefix[-_ADVERB_TAIL_CHARS:]
    return (head + _ADVERB_TAIL.sub("", tail)).rstrip()


def _appositive_role(para: _Paragraph, end: int) -> str | None:
    match = _APPOSITIVE.match(para.masked, end)
    if not match:
        return None
    sentence_end = para.sentences[para.sentence_index(end)][1]
    return para.masked[match.start("role") : min(match.end("role"), sentence_end)].rstrip(" .")


def _learn_people(paragraphs: list[_Paragraph]) -> People:
    """Persons introduced by a role, an appositive, or as the subject of a speech verb."""
    people = People()
    for para in paragraphs:
        for start, end, phrase in runs(para.masked):
            if not phrase.name:
                continue
            role = _appositive_role(para, end)
            next_to_cue = _FOLLOWED_BY_CUE.match(para.masked, end) or _PRECEDED_BY_CUE.search(
                para.masked, max(0, start - 20), start
            )
            if (
                phrase.role
                or (phrase.titled and phrase.name_tokens == 1)
                or (phrase.name_tokens >= 2 and not phrase.after_article and (role or next_to_cue))
            ):
                people.add(phrase.name, phrase.role or role)
    # Possessives ("Bush’s second term") and "the Trump administration" are not the person
    # acting, so they are not what a following "he said" points back to.
    aliases = {alias: name for alias, name in people.aliases().items() if " " not in alias}
    for para in paragraphs:
        for match in _CAPITALISED_WORD.finditer(para.masked):
            name = aliases.get(match["word"])
            if name and not match["possessive"] and not match["administration"]:
                people.record_mention(para.offset + match.start(), name)
    return people


class _Attributor:
    def __init__(self, people: People):
        self.people = people

    def resolve(self, para: _Paragraph, phrase: Phrase | None, cue: str, at: int):
        speaker = None
        if phrase is not None and phrase.pronoun in {"he", "she"}:
            speaker = self.people.last_named_before(para.offset + at)
        elif phrase is not None and self.people.is_person(phrase):
            speaker = self.people.canonical(phrase.name) or phrase.name
        role = self.people.role_of(speaker) or (phrase.role if speaker else None)
        return _Attribution(speaker, role, cue.lower().removeprefix("to "))

    def after(self, para: _Paragraph, quote_end: int, stop: int) -> _Attribution | None:
        """`“…,” Wilder said`, `“…,” said Wilder`, `“…” now, according to Wilder`."""
        begin = _LEAD.match(para.masked, quote_end, stop).end()
        cue = _CUE.match(para.masked, begin, stop)
        if cue and not _ACCORDING_TO.fullmatch(cue[0]):
            return self.resolve(para, phrase_after(para.text, cue.end()), cue[0], cue.start())
        according = _ACCORDING_TO.search(para.masked, begin, stop)
        if according and count_words(para.masked[begin : according.start()]) <= (
            _MAX_WORDS_BEFORE_ACCORDING
        ):
            phrase = phrase_after(para.text, according.end())
            return self.resolve(para, phrase, according[0], according.start())
        cue = _CUE.search(para.masked, begin, stop)
        if cue:
            subject = self.subject_before(para, begin, cue)
            if subject is not None and subject.start == begin:
                return self.resolve(para, subject, cue[0], cue.start())
        return None

    def subject_before(self, para: _Paragraph, sentence_start: int, cue: re.Match):
        """The subject of a cue verb, skipping "on Tuesday" and ", who served as …,"."""
        prefix = _without_adverbs(para.masked[sentence_start : cue.start()])
        if prefix.endswith(","):
            if cue[0].endswith("ing"):  # "…, noting that": the subject is earlier
                return None
            cut = prefix.rfind(", ", 0, len(prefix) - 1)
            if cut < 0:
                return None
            prefix = _without_adverbs(prefix[:cut])
        phrase = phrase_before(para.text, sentence_start + len(prefix), sentence_start)
        return phrase if phrase.name else None

    def before(self, para: _Paragraph, sentence_start: int, quote_start: int):
        """`X said that “…”`, `According to X, … “…”`, `…, noting that … “…”`."""
        cues = list(_CUE.finditer(para.masked, sentence_start, quote_start))
        label = None
        for cue in reversed(cues):
            if label is None:
                gap = para.masked[cue.end() : quote_start]
                if count_words(gap) > _MAX_GAP_WORDS or _GAP_BREAK.search(gap):
                    return None
                label = cue
            if _ACCORDING_TO.fullmatch(cue[0]):
                return self.resolve(para, phrase_after(para.text, cue.end()), label[0], cue.start())
            subject = self.subject_before(para, sentence_start, cue)
            if subject is not None:
                return self.resolve(para, subject, label[0], cue.start())
        return self.resolve(para, None, label[0], label.start()) if label else None


def _is_whole(span: tuple[int, int], container: tuple[int, int], text: str) -> bool:
    """Does the quotation fill the sentence or paragraph (trailing punctuation aside)?"""
    return span[0] == container[0] and not text[span[1] : container[1]].strip(" .,;:!?")


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """Every attributed quotation in the body paragraphs, in reading order."""
    analysed, offset = [], 0
    for text in paragraphs:
        analysed.append(_Paragraph(text, offset))
        offset += len(text) + 1
    attributor = _Attributor(_learn_people(analysed))
    found: list[Quote] = []
    previous_paragraph_last: _Attribution | None = None
    for para_no, para in enumerate(analysed, start=1):
        by_sentence: dict[int, _Attribution] = {}  # last attribution in each sentence
        for index, (start, end, inner) in enumerate(para.quotes):
            s_index = para.sentence_index(start)
            s_start, s_end = para.sentences[s_index]
            next_quote = para.quotes[index + 1][0] if index + 1 < len(para.quotes) else s_end
            attribution = (
                attributor.after(para, end, min(s_end, next_quote))
                or attributor.before(para, s_start, start)
                or by_sentence.get(s_index)
            )
            if attribution is None and _is_whole((start, end), (s_start, s_end), para.text):
                if s_index > 0:
                    attribution = by_sentence.get(s_index - 1)
                elif _is_whole((start, end), (0, len(para.text)), para.text):
                    attribution = previous_paragraph_last
            if attribution is None:
                continue
            by_sentence[s_index] = attribution
            text = inner.strip().removesuffix(",").rstrip()
            found.append(
                Quote(para_no, text, attribution.speaker, attribution.speaker_role,
                      attribution.cue, start, end)
            )  # fmt: skip
        previous_paragraph_last = by_sentence[max(by_sentence)] if by_sentence else None
    return found
