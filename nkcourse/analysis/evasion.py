"""Lesson 05: the channels that, according to the articles and the events, get around sanctions.

A *channel* is a way revenue or goods reach North Korea despite the sanctions (oil bought
off the books, border trade through Chinese banks and firms, ships, workers abroad, stolen
cryptocurrency). Events and article passages are sorted into channels by one documented
rule, so the lesson's timeline, its keyword counts and its explorer all agree:

* :data:`KEYWORDS` lists each channel's words. A word matches as a whole word (or phrase),
  in any capitalisation, exactly as ``corpus.kwic`` matches it.
* An event belongs to every channel whose words occur in its ``event`` or
  ``description``; its **main** channel is the first of those in :data:`CHANNELS` order.
  An event that matches none is put under :data:`OTHER`: it is kept, never dropped.

The rules are keyword rules, not a reading of the sources: check them against the text.
"""

from nkcourse.corpus.mentions import kwic_pattern
from nkcourse.errors import NkcourseError

OIL = "Off-the-books trade and oil"
BORDER = "Border trade, banks and firms"
SHIPS = "Ships and the Rajin-Vladivostok ferry"
WORKERS = "Overseas workers"
CRYPTO = "Cryptocurrency theft"
OTHER = "Other (no channel keyword)"
CHANNELS = (OIL, BORDER, SHIPS, WORKERS, CRYPTO)
CATEGORIES = (*CHANNELS, OTHER)

# Whole words or phrases, any case. "worker" alone would also find the FPRI article's
# "Korean Worker's Party", hence the phrase "worker exports" (an OFAC description's words).
KEYWORDS = {
    OIL: ("Ri Jong Ho", "Office 39", "Bureau 39", "off the books", "oil", "fuels"),
    BORDER: (
        "Dandong", "border region", "bank", "banks", "Treasury", "OFAC", "FinCEN",
        "money laundering", "companies", "firms", "entities", "enterprises",
    ),
    SHIPS: ("ferry", "Man Gyong Bong", "Rajin", "Vladivostok", "vessel", "vessels", "ships"),
    WORKERS: ("workers", "worker exports", "labour", "labor", "overseas", "embassies"),
    CRYPTO: (
        "cryptocurrency", "cryptocurrencies", "bitcoin", "BTC", "virtual currencies",
        "FireEye", "internet",
    ),
}  # fmt: skip
_PATTERNS = {
    channel: [(word, kwic_pattern(word)) for word in words] for channel, words in KEYWORDS.items()
}

EVENT_COLUMNS = ("date", "date_precision", "event", "description", "source", "confidence_notes")
CATEGORISED_COLUMNS = [
    "date", "month", "date_precision", "event", "channel", "all_channels", "description",
    "mentioned_in", "source", "first_source", "confidence_notes",
]  # fmt: skip
LABOUR_COLUMNS = [
    "commodity", "period", "value_text", "value_usd_m", "qualifier", "stated_by", "confidence",
    "notes", "source",
]  # fmt: skip
MEASURE_COLUMNS = ["resolution", "date", "status", "measure", "detail", "source"]


def _require(frame, columns, what: str) -> None:
    missing = [c for c in columns if c not in getattr(frame, "columns", ())]
    if missing:
        raise NkcourseError(
            f"This needs {what}, but the table given lacks the column(s) {', '.join(missing)}."
        )


def check_channel(channel: str, allow_other: bool = False) -> str:
    """``channel`` if it is one of the lesson's channels; a friendly error otherwise."""
    allowed = CATEGORIES if allow_other else CHANNELS
    if channel not in allowed:
        raise NkcourseError(
            f"{channel!r} is not a channel of this lesson. Choose one of: {', '.join(allowed)}."
        )
    return channel


def channels_of(text) -> list[str]:
    """The channels whose keywords occur in ``text``, in :data:`CHANNELS` order."""
    text = "" if text is None or text != text else str(text)  # None or NaN: no words
    return [
        channel
        for channel, patterns in _PATTERNS.items()
        if any(pattern.search(text) for _, pattern in patterns)
    ]


def words_in(text: str, channel: str) -> list[str]:
    """The keywords of ``channel`` that occur in ``text`` (each once, in KEYWORDS order)."""
    return [word for word, pattern in _PATTERNS[check_channel(channel)] if pattern.search(text)]


def source_note(cell) -> str:
    """The first of the ' ; '-separated sources, and how many more there are (for tooltips)."""
    sources = [part.strip() for part in str(cell).split(" ; ") if part.strip()]
    if len(sources) <= 1:
        return sources[0] if sources else ""
    more = len(sources) - 1
    return f"{sources[0]} (and {more} more source{'s' * (more != 1)})"


def categorise_events(events, year: int | None = 2017):
    """The events of ``year`` (all years if None), each with its main and all its channels.

    Columns: date, month (1-12), date_precision, event, channel (the main one, or
    :data:`OTHER`), all_channels ("; "-separated, empty for OTHER), description,
    mentioned_in, source, first_source (for tooltips) and confidence_notes. Every event of
    the year is kept, in date order.
    """
    _require(events, EVENT_COLUMNS, "data.load('events')")
    chosen = events
    if year is not None:
        chosen = events[events["date"].dt.year == year]
        if chosen.empty:
            first, last = events["date"].dt.year.min(), events["date"].dt.year.max()
            raise NkcourseError(
                f"The events dataset has no event in {year}; it covers {first}-{last}."
            )
    chosen = chosen.sort_values("date", kind="stable").copy()
    matches = [channels_of(f"{row.event} {row.description}") for row in chosen.itertuples()]
    chosen["channel"] = [found[0] if found else OTHER for found in matches]
    chosen["all_channels"] = ["; ".join(found) for found in matches]
    chosen["month"] = chosen["date"].dt.month
    chosen["first_source"] = chosen["source"].map(source_note)
    if "mentioned_in" not in chosen:
        chosen["mentioned_in"] = ""
    return chosen[CATEGORISED_COLUMNS].reset_index(drop=True)


def events_per_channel(categorised):
    """How many events have each main channel: channel, events. Zeros are kept."""
    _require(categorised, ("channel",), "categorise_events(...)")
    import pandas as pd

    counts = categorised["channel"].value_counts()
    return pd.DataFrame(
        {"channel": list(CATEGORIES), "events": [int(counts.get(c, 0)) for c in CATEGORIES]}
    )


def channel_events(categorised, channel: str):
    """The events that match ``channel`` (as their main channel or among the others).

    Columns: date, date_precision, event, description, channel (the main one), source,
    confidence_notes.
    """
    _require(categorised, ("channel", "all_channels"), "categorise_events(...)")
    check_channel(channel, allow_other=True)
    if channel == OTHER:
        keep = categorised["channel"] == OTHER
    else:
        keep = categorised["all_channels"].str.split("; ").map(lambda found: channel in found)
    columns = [
        "date", "date_precision", "event", "description", "channel", "source", "confidence_notes"
    ]  # fmt: skip
    return categorised.loc[keep, columns].reset_index(drop=True)


def keyword_hits(corpus):
    """Every use of every channel keyword in the corpus: doc_id, para_no, channel, word, match.

    Built from ``corpus.kwic(word)``, so it finds what the lesson's kwic cells find.
    """
    import pandas as pd

    parts = [
        corpus.kwic(word).assign(channel=channel, word=word)
        for channel, words in KEYWORDS.items()
        for word in words
    ]
    hits = pd.concat(parts, ignore_index=True)
    return hits[["doc_id", "para_no", "channel", "word", "match"]]


def hits_per_article(hits, doc_ids):
    """Keyword uses per article and channel: doc_id, channel, hits, words (e.g. "oil 2, fuels 1").

    Every channel appears for every article in ``doc_ids``, with 0 hits where none is used.
    """
    _require(hits, ("doc_id", "channel", "word"), "keyword_hits(corpus)")
    import pandas as pd

    rows = []
    for doc_id in doc_ids:
        for channel in CHANNELS:
            used = hits[(hits["doc_id"] == doc_id) & (hits["channel"] == channel)]
            counts = used["word"].value_counts()
            words = ", ".join(f"{w} {int(counts[w])}" for w in KEYWORDS[channel] if w in counts)
            rows.append((doc_id, channel, len(used), words or "none"))
    return pd.DataFrame(rows, columns=["doc_id", "channel", "hits", "words"])


def channel_passages(corpus, channel: str):
    """The article paragraphs that use a keyword of ``channel``: doc_id, para_no, words, text.

    ``words`` lists the channel's keywords found in the paragraph; text is the paragraph
    as the corpus has it (typos included).
    """
    check_channel(channel)
    paragraphs = corpus.paragraphs()
    rows = [
        (row.doc_id, row.para_no, ", ".join(found), row.text)
        for row in paragraphs.itertuples()
        if (found := words_in(row.text, channel))
    ]
    import pandas as pd

    return pd.DataFrame(rows, columns=["doc_id", "para_no", "words", "text"])


def overseas_labour(exports):
    """The ``exports_by_commodity`` row(s) on overseas labour, with confidence and source.

    The value is unverified (only in reposts) and the headcount is medium confidence: the
    ``confidence`` and ``notes`` columns say so and must be shown with the figure.
    """
    _require(exports, LABOUR_COLUMNS, "data.load('exports_by_commodity')")
    rows = exports[exports["commodity"].str.startswith("Overseas labour")]
    if rows.empty:
        raise NkcourseError(
            "exports_by_commodity has no 'Overseas labour' row; run `nkcourse doctor` to "
            "check the installed datasets."
        )
    return rows[LABOUR_COLUMNS].reset_index(drop=True)


def worker_measures(measures):
    """What the Security Council texts did about DPRK workers abroad (sector 'workers')."""
    _require(measures, (*MEASURE_COLUMNS, "sector"), "data.load('measures')")
    rows = measures[measures["sector"] == "workers"].sort_values(["date", "resolution"])
    return rows[MEASURE_COLUMNS].reset_index(drop=True)
