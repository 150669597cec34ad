"""Who is a person in news text, and under which names and role.

News writing introduces a person once with a role ("Treasury Secretary Steven Mnuchin",
"Dennis Wilder, who served as …") and then uses the surname ("Mnuchin") or a pronoun.
:func:`phrase_before` and :func:`phrase_after` split a noun phrase into role and name;
:class:`People` learns the people of one document and their surname aliases, and says
who was named last before a given point (what "he said" refers back to).
"""

import bisect
import functools
import re
from dataclasses import dataclass, field


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that make a phrase a role or title ("U.S. Ambassador to the UN", "former ...").
ROLE_WORDS = _words(
    """president vice secretary undersecretary assistant deputy acting director ambassador
    envoy minister premier chancellor senator sen. representative rep. congressman
    congresswoman governor gov. general gen. admiral adm. colonel col. commander chief
    chairman chairwoman chair commissioner spokesman spokeswoman spokesperson professor
    judge justice mayor leader king queen head official officials
    officer adviser advisor counselor counsellor analyst researcher fellow scholar editor
    reporter correspondent executive ceo senior special former diplomat lieutenant captain
    delegate negotiator coordinator administrator attorney economist expert
    secretary-general director-general"""
)
# Titles of address: they mark a person but say nothing about the person's role.
HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "prof.", "mr", "mrs", "ms", "dr"})
# Words that belong to organisations, offices and places, never to a person's name.
ORG_WORDS = _words(
    """affairs state treasury defense defence foreign intelligence security national
    financing finance terrorism terrorist trade commerce energy policy relations studies
    department ministry office council committee agency institute university center centre
    bureau commission administration government house senate congress parliament party
    army navy force forces bank nations states union organization organisation association
    group company corporation corp. inc. news times post journal reuters white pacific
    atlantic east west north south asian asia european europe korea korean china chinese
    russia russian america american united kingdom republic people’s people's democratic
    federal central international world global brief press network"""
)
# Capitalised words that start a clause rather than a name.
FUNCTION_WORDS = _words(
    """the a an and but or so yet while when whether if as because although though since
    after before until unless according in on at by with from for of to into during
    however meanwhile still now then there here this that these those his her their its
    our my your he she they we it who which what why how both all some many most other
    such instead even also only just"""
)
CONNECTORS = frozenset({"of", "for", "to", "the", "and"})
PRONOUNS = frozenset({"he", "she", "they", "we"})

_NAME_TOKEN = re.compile(r"[A-Z](?:[a-z]|[’'][A-Z])[\w’'\-]*")
_INITIAL = re.compile(r"[A-Z]\.")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}")
_POSSESSIVE = re.compile(r"(.+)[’']s")
_TOKEN = re.compile(r"\S+")
_MAX_NAME_TOKENS = 3


def _is_role_word(word: str) -> bool:
    low = word.lower()
    if not low:
        return False
    return low in ROLE_WORDS or low.startswith(("then-", "ex-"))


@functools.lru_cache(maxsize=65536)
def _kind(token: str) -> str | None:
    """How a token can take part in a "role + name" phrase, or None if it ends the phrase."""
    low = token.lower()
    if low in CONNECTORS:
        return "connector"
    if _INITIAL.fullmatch(token):
        return "name"
    if _ACRONYM.fullmatch(token) or _is_role_word(token) or low in ORG_WORDS:
        return "role"
    if low in HONORIFICS:
        return "honorific"
    if (possessive := _POSSESSIVE.fullmatch(token)) and possessive[1][:1].isupper():
        return "role"
    if _NAME_TOKEN.fullmatch(token) and low not in FUNCTION_WORDS:
        return "name"
    return None


@dataclass(frozen=True)
class Phrase:
    """A noun phrase split into an optional role and an optional personal name."""

    name: str | None
    role: str | None
    name_tokens: int = 0
    after_article: bool = False  # "the Cipher Brief": an article right before the name
    titled: bool = False  # a role or "Mr."/"Dr." comes right before the name
    start: int = -1  # where the phrase begins in the text, connectors included

    @property
    def pronoun(self) -> str | None:
        """The pronoun ("he", "she", "they", "we") when the phrase is one, else None."""
        word = (self.name or "").lower()
        return word if self.name_tokens == 0 and word in PRONOUNS else None


def _split(text: str, spans: list[tuple[int, int]]) -> Phrase:
    """Name = the trailing name-like tokens; role = what comes before, if it is a role."""
    first = spans[0][0] if spans else -1
    article = False
    while spans and _kind(word := text[spans[0][0] : spans[0][1]]) == "connector":
        article = word.lower() == "the"
        spans = spans[1:]
    if not spans:
        return Phrase(None, None, start=first)
    tokens = [text[a:b] for a, b in spans]
    n_name = 0
    while n_name < len(tokens) and _kind(tokens[-1 - n_name]) == "name":
        n_name += 1
    words = [t for t in tokens[len(tokens) - n_name :] if not _INITIAL.fullmatch(t)]
    if len(words) > _MAX_NAME_TOKENS:  # a run of capitalised words: keep "First Last"
        n_name = 2 + (1 if _INITIAL.fullmatch(tokens[-2]) else 0)
    name_start = len(tokens) - n_name
    name = text[spans[name_start][0] : spans[-1][1]] if n_name else None
    role = None
    if any(_is_role_word(t) for t in tokens[:name_start]):
        role = text[spans[0][0] : spans[name_start - 1][1]]
    after_article = name_start == 0 and article
    before_name = tokens[name_start - 1] if name_start else ""
    titled = _is_role_word(before_name) or before_name.lower() in HONORIFICS
    n_words = sum(not _INITIAL.fullmatch(t) for t in tokens[name_start:])
    return Phrase(name, role, n_words, after_article, titled, first)


def _pronoun_phrase(word: str, start: int) -> Phrase | None:
    return Phrase(word, None, start=start) if word.lower() in PRONOUNS else None


def phrase_before(text: str, end: int, start: int = 0) -> Phrase:
    """The role + name phrase that ends at ``end`` and begins at ``start`` or later."""
    tokens = list(_TOKEN.finditer(text, start, end))
    if tokens and (pronoun := _pronoun_phrase(tokens[-1][0], tokens[-1].start())):
        return pronoun
    spans: list[tuple[int, int]] = []
    for token in reversed(tokens):
        if _kind(token[0]) is None:
            break
        spans.insert(0, token.span())
    return _split(text, spans)


def _trim_punctuation(token: str) -> str:
    word = token.rstrip(',;:”"’)')
    if word.endswith(".") and not (_ACRONYM.fullmatch(word) or _INITIAL.fullmatch(word)):
        word = word.rstrip(".")
    return word


def phrase_after(text: str, start: int) -> Phrase:
    """The role + name phrase that starts at ``start`` (after "according to", "said")."""
    spans: list[tuple[int, int]] = []
    for token in _TOKEN.finditer(text, start):
        word = _trim_punctuation(token[0])
        if not spans and (pronoun := _pronoun_phrase(word, token.start())):
            return pronoun
        if not word or _kind(word) is None:
            break
        spans.append((token.start(), token.start() + len(word)))
        if word != token[0]:
            break
    return _split(text, spans)


# A role + name phrase holds a capitalised word (or "then-…"); runs() starts from those.
_SEED = re.compile(r"(?<!\S)(?:[A-Z]|then-|ex-)")


def _in_phrase(token: str) -> bool:
    """Can ``token`` sit inside a phrase (not at its end, which punctuation may close)?"""
    return bool(token) and _trim_punctuation(token) == token and _kind(token) is not None


def _phrase_start(text: str, position: int, floor: int) -> int:
    """Walk left from the token at ``position`` over connectors and role words."""
    while True:
        end = position
        while end > floor and text[end - 1].isspace():
            end -= 1
        start = end
        while start > floor and not text[start - 1].isspace():
            start -= 1
        if start == end or start < floor or not _in_phrase(text[start:end]):
            return position
        position = start


def runs(text: str):
    """Every maximal role + name phrase with a name-like word: (start, end, Phrase)."""
    covered = 0
    for seed in _SEED.finditer(text):
        if seed.start() < covered:
            continue
        spans: list[tuple[int, int]] = []
        has_name = False
        for token in _TOKEN.finditer(text, _phrase_start(text, seed.start(), covered)):
            covered = token.end()
            word = _trim_punctuation(token[0])
            kind = _kind(word) if word else None
            if kind is not None:
                spans.append((token.start(), token.start() + len(word)))
                has_name = has_name or kind == "name"
            if kind is None or word != token[0]:
                break
        if has_name:
            yield spans[0][0], spans[-1][1], _split(text, spans)


@dataclass
class Person:
    name: str
    role: str | None = None


@dataclass
class People:
    """The people of one document: full names, surname aliases, roles, mention positions."""

    persons: dict[str, Person] = field(default_factory=dict)
    _mentions: list[tuple[int, str]] = field(default_factory=list)  # (global offset, name)

    def add(self, name: str, role: str | None = None) -> str:
        name = self.canonical(name) or name
        person = self.persons.setdefault(name, Person(name))
        if person.role is None and role:
            person.role = role
        return name

    def canonical(self, name: str) -> str | None:
        """The full name behind ``name`` ("Mnuchin" -> "Steven Mnuchin"), if unambiguous."""
        if name in self.persons:
            longer = [p for p in self.persons if p != name and p.endswith(" " + name)]
            return longer[0] if len(longer) == 1 else name
        if " " in name:
            return None
        for position in (-1, 0):  # "Mnuchin" for Steven Mnuchin; "Cui" for Cui Tiankai
            matches = [p for p in self.persons if " " in p and p.split()[position] == name]
            if matches:
                return matches[0] if len(matches) == 1 else None
        return None

    def is_person(self, phrase: Phrase) -> bool:
        if not phrase.name or phrase.pronoun or phrase.after_article and not phrase.role:
            return False
        known = self.canonical(phrase.name) is not None
        return phrase.name_tokens >= 2 or bool(phrase.role) or phrase.titled or known

    def role_of(self, name: str | None) -> str | None:
        person = self.persons.get(name or "")
        return person.role if person else None

    def aliases(self) -> dict[str, str]:
        """Every way the text can name a known person -> the full name."""
        found = {}
        for full in self.persons:
            for alias in {full, full.split()[0], full.split()[-1]}:
                if (canonical := self.canonical(alias)) is not None:
                    found[alias] = canonical
        return found

    def record_mention(self, offset: int, name: str) -> None:
        self._mentions.append((offset, name))

    def last_named_before(self, offset: int) -> str | None:
        """The person most recently named before ``offset`` (what "he"/"she" refers to)."""
        index = bisect.bisect_left(self._mentions, (offset, ""))
        return self._mentions[index - 1][1] if index else None
