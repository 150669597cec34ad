"""Lesson 01: the two articles as data: what the cleaning did, who is quoted, whose voice.

Everything here reads ``nkcourse.corpus`` tables (quotes, paragraphs, the cleaning's line
log) and the ``people`` dataset. The functions only join, group and count: every figure is
a count of corpus rows, and every label is the dataset's own ``speaks_for`` value sorted
into a few groups by the rules in :func:`voice_group`.
"""

from nkcourse.errors import NkcourseError

US = "U.S. officials and former officials"
DPRK = "North Korea (DPRK)"
CHINA = "China"
RUSSIA = "Russia"
OTHERS = "Analysts and others"
VOICE_GROUPS = (US, DPRK, CHINA, RUSSIA, OTHERS)
UNLISTED = "Not in the people dataset"

# speaks_for values of the people dataset -> group. Former U.S. officials are grouped with
# serving ones (their careers are the reason they are asked); a former DPRK official who
# left the country speaks for himself, not for Pyongyang, so he is not a DPRK voice.
_EXACT = {"United States": US, "DPRK": DPRK, "China": CHINA, "Russia": RUSSIA}
_FORMER_US = "himself (former U.S. official)"
NO_PERSON = "(no person named)"

QUOTE_COLUMNS = ("doc_id", "para_no", "text", "speaker", "speaker_role", "cue")
PEOPLE_COLUMNS = ("person", "speaks_for")
BOTH = "both"
KIND_ORDER = ("title", "heading", "paragraph", "removed")


def _require(frame, columns, what: str) -> None:
    missing = [c for c in columns if c not in getattr(frame, "columns", ())]
    if missing:
        raise NkcourseError(
            f"This needs {what}, but the table given lacks the column(s) {', '.join(missing)}."
        )


def voice_group(speaks_for) -> str:
    """The group of a ``speaks_for`` value: U.S., DPRK, China, Russia, or analysts and others.

    Anything that is not a government or a former U.S. official (an analyst, a firm's
    report, "not stated") counts as "Analysts and others"; ``None`` means the speaker is
    missing from the ``people`` dataset, and is reported as such rather than guessed.
    """
    if speaks_for is None or speaks_for != speaks_for:  # None or NaN
        return UNLISTED
    if speaks_for == _FORMER_US:
        return US
    return _EXACT.get(speaks_for, OTHERS)


def quotes_with_voices(quotes, people):
    """``quotes`` (from ``corpus.quotes()``) with each speaker's ``speaks_for`` and ``voice``.

    A quotation with no person named (a report, an organisation) is labelled
    "(no person named)" and counted among analysts and others.
    """
    _require(quotes, QUOTE_COLUMNS, "corpus.load().quotes()")
    _require(people, PEOPLE_COLUMNS, "data.load('people')")
    speaks_for = dict(zip(people["person"], people["speaks_for"], strict=True))
    voiced = quotes.copy()
    unnamed = voiced["speaker"].isna() | (voiced["speaker"] == "")
    voiced["speaker"] = voiced["speaker"].where(~unnamed, NO_PERSON)
    voiced["speaks_for"] = [
        "not stated" if name == NO_PERSON else speaks_for.get(name) for name in voiced["speaker"]
    ]
    voiced["voice"] = [voice_group(value) for value in voiced["speaks_for"]]
    return voiced


def quotes_per_speaker(voiced):
    """Quotations per article and speaker, most quoted first within each article.

    Columns: doc_id, speaker, speaker_role, voice, quotes.
    """
    _require(voiced, (*QUOTE_COLUMNS, "voice"), "quotes_with_voices(...)")
    keys = ["doc_id", "speaker"]
    counted = (
        voiced.groupby(keys, as_index=False)
        .agg(
            speaker_role=("speaker_role", "first"),
            voice=("voice", "first"),
            quotes=("text", "size"),
        )
        .sort_values(["doc_id", "quotes", "speaker"], ascending=[True, False, True])
    )
    counted["speaker_role"] = counted["speaker_role"].fillna("not stated")
    return counted.reset_index(drop=True)


def voices_by_group(voiced, doc_ids):
    """For each article and voice group: how many people are quoted, and how many quotations.

    Every group appears for every article in ``doc_ids``, with 0 where nobody of that group
    is quoted: a missing voice is a row of zeros, not a missing row. Columns: doc_id,
    voice, speakers, quotes, who (the speakers' names).
    """
    _require(voiced, ("doc_id", "speaker", "voice"), "quotes_with_voices(...)")
    import pandas as pd

    groups = list(VOICE_GROUPS) + ([UNLISTED] if (voiced["voice"] == UNLISTED).any() else [])
    rows = []
    for doc_id in doc_ids:
        in_doc = voiced[voiced["doc_id"] == doc_id]
        for group in groups:
            said = in_doc[in_doc["voice"] == group]
            names = list(dict.fromkeys(said["speaker"]))
            rows.append((doc_id, group, len(names), len(said), ", ".join(names)))
    return pd.DataFrame(rows, columns=["doc_id", "voice", "speakers", "quotes", "who"])


def cue_counts(quotes):
    """How each article introduces its quotations: doc_id, cue, quotes (most used first)."""
    _require(quotes, QUOTE_COLUMNS, "corpus.load().quotes()")
    counted = quotes.groupby(["doc_id", "cue"], as_index=False).agg(quotes=("text", "size"))
    ordered = counted.sort_values(["doc_id", "quotes", "cue"], ascending=[True, False, True])
    return ordered.reset_index(drop=True)


def line_audit(corpus):
    """What the cleaning did with every raw line, per article: kept (as what) or removed (why).

    Columns: doc_id, kind (title, heading, paragraph or removed), rule (why a line was
    removed; empty for kept lines), lines, and words_changed: kept lines whose text differs
    from the raw line by more than spacing. The lesson expects that last column to be 0.
    """
    import pandas as pd

    from nkcourse.corpus.text import normalise_space

    rows = [
        (doc.doc_id, line.kind, line.rule or "", line.kind != "removed"
         and line.text != normalise_space(line.raw))
        for doc in corpus
        for line in doc.lines
    ]  # fmt: skip
    lines = pd.DataFrame(rows, columns=["doc_id", "kind", "rule", "changed"])
    audit = lines.groupby(["doc_id", "kind", "rule"], as_index=False, sort=False).agg(
        lines=("changed", "size"), words_changed=("changed", "sum")
    )
    audit["words_changed"] = audit["words_changed"].astype(int)
    order = {kind: n for n, kind in enumerate(KIND_ORDER)}
    audit = audit.sort_values(
        ["doc_id", "kind", "lines"], key=lambda col: col.map(order) if col.name == "kind" else col
    )
    return audit.reset_index(drop=True)


def keyword_in_context(corpus, term: str, article: str = BOTH, width: int = 40):
    """Every use of ``term`` (whole words, any case) in one article or ``"both"``.

    Columns: doc_id, para_no, left, match, right (as ``corpus.kwic``). An empty result
    means no use; an empty ``term`` raises NkcourseError saying what to type.
    """
    if article != BOTH and article not in corpus:
        raise NkcourseError(
            f"No article {article!r}: choose 'both' or one of {', '.join(corpus.doc_ids)}."
        )
    lines = corpus.kwic(term, width)
    if article != BOTH:
        lines = lines[lines["doc_id"] == article].reset_index(drop=True)
    return lines
