"""Lesson 06: each article's arguments as a map of claims, their support, and who speaks.

Which sentences count as an article's claims is a judgement, so it is made once, in the
open: :data:`ARGUMENTS` is a short curated list of selectors, (paragraph, sentence) for a
sentence and (paragraph, speaker) for the quotations in a paragraph. The words themselves
are always pulled from the corpus, never retyped: if an article changed, a selector would
fail loudly instead of misquoting it.

Data checks are attached by a rule, not by hand: a row of the ``claims`` dataset is linked
to every node of the map (same article) whose text contains the row's ``quote``.

The map is two DataFrames (:func:`argument_map`): ``nodes`` (claims, supporting sentences,
quotations, data checks) and ``edges`` (claim -> support, node -> data check).
:func:`argument_paths` flattens them into one row per claim -> support -> data-check path,
the table the chart, the explorer and the exercise read.
"""

from dataclasses import dataclass
from typing import NamedTuple

from nkcourse.analysis.sources import VOICE_GROUPS, voice_group
from nkcourse.errors import NkcourseError

# ---- the curated selectors ------------------------------------------------------------------

KEY_ROLE = "China and Russia hold the key"
BEIJING = "Why Beijing holds back"
MOSCOW = "Why Moscow holds back"
US_OPTIONS = "US options: sanctions on Chinese banks and firms"
PYONGYANG = "Pyongyang's response and aims"
WORK = "Will sanctions work?"
THEMES = (KEY_ROLE, BEIJING, MOSCOW, US_OPTIONS, PYONGYANG, WORK)


@dataclass(frozen=True)
class Said:
    """Sentence ``sent_no`` of paragraph ``para_no``, stated by ``by`` (None: the author)."""

    para_no: int
    sent_no: int
    by: str | None = None


@dataclass(frozen=True)
class Quoted:
    """What ``speaker`` is quoted saying in paragraph ``para_no`` (joined with " … ").

    ``containing`` keeps only the quotations that contain that text, when a speaker is
    quoted on two different points in one paragraph.
    """

    para_no: int
    speaker: str
    containing: str = ""


@dataclass(frozen=True)
class Argument:
    """A claim of one article and what the article offers in its support."""

    doc_id: str
    theme: str
    claim: Said
    support: tuple[Said | Quoted, ...] = ()


CB, FPRI = "cipher_brief_2017", "fpri_2017"
MORELL, WILDER, THORNTON = "Michael Morell", "Dennis Wilder", "Susan Thornton"

# Chosen for lesson 06: the sentences that state each article's position on the lesson's
# questions, and what the article puts next to them. Order = order of display.
ARGUMENTS = (
    Argument(CB, KEY_ROLE, Said(1, 1), (
        Quoted(4, WILDER, "key question"), Quoted(17, WILDER), Quoted(12, THORNTON),
        Quoted(14, "Marshall Billingslea"), Quoted(14, THORNTON), Quoted(22, MORELL),
    )),
    Argument(CB, KEY_ROLE, Said(2, 2), (Quoted(21, MORELL),)),
    Argument(CB, BEIJING, Said(22, 2, by=MORELL), (Quoted(23, MORELL),)),
    Argument(CB, US_OPTIONS, Said(9, 1), (
        Quoted(10, "Steven Mnuchin"), Quoted(13, THORNTON),
        Quoted(15, WILDER, "strategy that has worked"), Quoted(16, WILDER),
    )),
    Argument(CB, PYONGYANG, Said(8, 1), (Quoted(8, "Han Tae Song"),)),
    Argument(CB, WORK, Said(24, 1, by=MORELL), (Quoted(7, MORELL, "calculus"),)),
    Argument(CB, WORK, Said(3, 1, by=WILDER), (Quoted(4, WILDER, "enforced as"),)),
    Argument(FPRI, KEY_ROLE, Said(5, 2)),
    Argument(FPRI, KEY_ROLE, Said(5, 3), (Said(6, 3), Said(7, 1), Said(8, 2),
                                          Quoted(8, "Donald Trump"))),
    Argument(FPRI, BEIJING, Said(5, 4)),
    Argument(FPRI, BEIJING, Said(5, 5), (Said(5, 6), Said(5, 7))),
    Argument(FPRI, BEIJING, Said(7, 2), (Said(7, 3),)),
    Argument(FPRI, BEIJING, Said(9, 1), (Said(9, 2), Said(9, 3), Said(9, 4),
                                         Quoted(9, "Cui Tiankai"))),
    Argument(FPRI, MOSCOW, Said(10, 1), (Said(10, 2), Said(10, 3), Said(10, 4), Said(10, 5))),
    Argument(FPRI, US_OPTIONS, Said(11, 3), (Said(11, 2),)),
    Argument(FPRI, WORK, Said(11, 4), (Said(11, 6, by="Ri Jong Ho"), Said(12, 1),
                                       Said(12, 3))),
    Argument(FPRI, PYONGYANG, Said(13, 3), (Said(1, 1), Quoted(4, "James R. Clapper"))),
)  # fmt: skip

# ---- the map --------------------------------------------------------------------------------

CLAIM, SENTENCE, QUOTE, DATA = "claim", "sentence", "quote", "data"
SUPPORTED_BY, CHECKED_BY = "supported by", "checked against data"
AUTHOR_VOICE = "The article's author"
DATA_VOICE = "Data check (claims dataset)"
DATA_SPEAKER = "claims dataset (course research)"
MAP_VOICES = (*VOICE_GROUPS, AUTHOR_VOICE, DATA_VOICE)
QUOTE_JOIN = " … "

NODE_COLUMNS = ["node_id", "doc_id", "theme", "kind", "para_no", "sent_no", "where", "speaker",
                "speaks_for", "voice", "text", "verdict", "data_says"]  # fmt: skip
EDGE_COLUMNS = ["doc_id", "theme", "claim_id", "source_id", "target_id", "relation", "speaker"]
PATH_COLUMNS = ["doc_id", "theme", "claim_id", "claim", "claim_speaker", "claim_voice",
                "claim_where", "support_id", "support_kind", "support", "support_speaker",
                "support_voice", "support_where", "data_id", "data_claim", "verdict",
                "data_says"]  # fmt: skip
PEOPLE_COLUMNS = ("person", "speaks_for")
CLAIMS_COLUMNS = ("claim_id", "doc_id", "quote", "claim", "what_the_data_says", "verdict")


class ArgumentMap(NamedTuple):
    """``nodes`` (one row per claim, sentence, quotation or data check) and ``edges``."""

    nodes: object
    edges: object


def _require(frame, columns, what: str) -> None:
    missing = [c for c in columns if c not in getattr(frame, "columns", ())]
    if missing:
        raise NkcourseError(
            f"This needs {what}, but the table given lacks the column(s) {', '.join(missing)}."
        )


def _same_words(text) -> str:
    return " ".join(str(text).split())


class _Builder:
    """Adds each argument's nodes (once each: a node may serve two claims) and edges.

    A node's ``theme`` is the theme of the first argument it appears in.
    """

    def __init__(self, corpus, people, claims):
        _require(people, PEOPLE_COLUMNS, "data.load('people')")
        _require(claims, CLAIMS_COLUMNS, "data.load('claims')")
        self.corpus = corpus
        self.sentences = corpus.sentences().set_index(["doc_id", "para_no", "sent_no"])["text"]
        self.quotes = corpus.quotes()
        self.speaks_for = dict(zip(people["person"], people["speaks_for"], strict=True))
        self.claims = claims
        self.nodes: dict[str, dict] = {}
        self.edges: list[dict] = []

    def add(self, argument: Argument) -> None:
        if argument.theme not in THEMES:
            raise NkcourseError(
                f"Unknown theme {argument.theme!r}: use one of {', '.join(THEMES)}."
            )
        if argument.doc_id not in self.corpus:
            raise NkcourseError(
                f"No article {argument.doc_id!r}: use one of {', '.join(self.corpus.doc_ids)}."
            )
        claim_id = self._sentence(argument, argument.claim, CLAIM)
        self._data_checks(argument, claim_id, claim_id)
        for item in argument.support:
            if isinstance(item, Quoted):
                support_id = self._quotation(argument, item)
            else:
                support_id = self._sentence(argument, item, SENTENCE)
            self._edge(argument, claim_id, claim_id, support_id, SUPPORTED_BY)
            self._data_checks(argument, claim_id, support_id)

    def _sentence(self, argument: Argument, said: Said, kind: str) -> str:
        doc_id = argument.doc_id
        node_id = f"{doc_id}:{said.para_no}.{said.sent_no}"
        if node_id in self.nodes:
            if kind == CLAIM:
                self.nodes[node_id].update(kind=CLAIM, theme=argument.theme)
            return node_id
        try:
            text = self.sentences.loc[(doc_id, said.para_no, said.sent_no)]
        except KeyError:
            raise NkcourseError(
                f"{doc_id} has no sentence {said.sent_no} in paragraph {said.para_no}: fix the "
                "selector (corpus.load().sentences() lists every sentence with its numbers)."
            ) from None
        speaker = said.by or self.corpus[doc_id].author or "the article (author not stated)"
        speaks_for = self.speaks_for.get(speaker)
        self._node(
            argument, node_id=node_id, kind=kind, para_no=said.para_no, sent_no=said.sent_no,
            where=f"paragraph {said.para_no}, sentence {said.sent_no}", speaker=speaker,
            speaks_for=speaks_for, text=text,
            voice=AUTHOR_VOICE if said.by is None else voice_group(speaks_for),
        )  # fmt: skip
        return node_id

    def _quotation(self, argument: Argument, quoted: Quoted) -> str:
        doc_id = argument.doc_id
        node_id = f"{doc_id}:{quoted.para_no}:{quoted.speaker}"
        node_id += f":{quoted.containing}" if quoted.containing else ""
        if node_id in self.nodes:
            return node_id
        q = self.quotes
        said = q[
            (q["doc_id"] == doc_id)
            & (q["para_no"] == quoted.para_no)
            & (q["speaker"] == quoted.speaker)
            & q["text"].str.contains(quoted.containing, regex=False)
        ]
        if said.empty:
            saying = f" saying {quoted.containing!r}" if quoted.containing else ""
            raise NkcourseError(
                f"{doc_id} quotes nobody called {quoted.speaker!r} in paragraph "
                f"{quoted.para_no}{saying}: fix the selector (corpus.load().quotes() lists "
                "every quotation with its speaker)."
            )
        speaks_for = self.speaks_for.get(quoted.speaker)
        self._node(
            argument, node_id=node_id, kind=QUOTE, para_no=quoted.para_no,
            where=f"paragraph {quoted.para_no}", speaker=quoted.speaker, speaks_for=speaks_for,
            voice=voice_group(speaks_for), text=QUOTE_JOIN.join(said["text"]),
        )  # fmt: skip
        return node_id

    def _data_checks(self, argument: Argument, claim_id: str, node_id: str) -> None:
        """Link ``node_id`` to every claims row of its article whose quote it contains."""
        text = _same_words(self.nodes[node_id]["text"])
        rows = self.claims[self.claims["doc_id"] == argument.doc_id]
        for row in rows.itertuples():
            if _same_words(row.quote) not in text:
                continue
            data_id = str(row.claim_id)
            if data_id not in self.nodes:
                self._node(
                    argument, node_id=data_id, kind=DATA, where=f"claims {data_id}",
                    speaker=DATA_SPEAKER, voice=DATA_VOICE, text=row.claim, verdict=row.verdict,
                    data_says=row.what_the_data_says,
                )  # fmt: skip
            self._edge(argument, claim_id, node_id, data_id, CHECKED_BY)

    def _node(self, argument: Argument, **fields) -> None:
        row = dict.fromkeys(NODE_COLUMNS, "")
        row.update(doc_id=argument.doc_id, theme=argument.theme)
        row.update({"para_no": None, "sent_no": None, "speaks_for": None, **fields})
        self.nodes[fields["node_id"]] = row

    def _edge(self, argument, claim_id, source_id, target_id, relation) -> None:
        speaker = self.nodes[target_id]["speaker"]
        values = (argument.doc_id, argument.theme, claim_id, source_id, target_id, relation,
                  speaker)  # fmt: skip
        self.edges.append(dict(zip(EDGE_COLUMNS, values, strict=True)))


def argument_map(corpus, people, claims, arguments=ARGUMENTS) -> ArgumentMap:
    """Nodes and edges of the argument map of ``arguments`` (default: :data:`ARGUMENTS`).

    ``corpus`` is ``corpus.load()``; ``people`` and ``claims`` are the datasets. Nodes:
    node_id, doc_id, theme, kind (claim, sentence, quote, data), para_no, sent_no, where,
    speaker (the author for narration, else who the words are attributed to), speaks_for
    (from ``people``; empty if the person is not listed), voice, text (always from the
    corpus; a data node's is the ``claims`` row's wording), verdict and data_says (data
    nodes only). Edges: doc_id, theme, claim_id, source_id, target_id, relation ("supported
    by" or "checked against data") and speaker (whose words or data the target is).
    Raises NkcourseError for a selector that matches nothing.
    """
    import pandas as pd

    build = _Builder(corpus, people, claims)
    for argument in arguments:
        build.add(argument)
    nodes = pd.DataFrame(list(build.nodes.values()), columns=NODE_COLUMNS)
    for column in ("para_no", "sent_no"):
        nodes[column] = nodes[column].astype("Int64")
    return ArgumentMap(nodes, pd.DataFrame(build.edges, columns=EDGE_COLUMNS))


def argument_paths(argmap: ArgumentMap):
    """One row per path claim -> support -> data check, claims in the map's order.

    A claim with no support and no data check still gets one row (support empty): a claim
    the article states without offering anything for it is part of the map. Columns:
    :data:`PATH_COLUMNS`.
    """
    import pandas as pd

    nodes = argmap.nodes.set_index("node_id")
    rows = []
    for claim_id in nodes.index[nodes["kind"] == CLAIM]:
        rows += _claim_paths(nodes, claim_id, argmap.edges)
    return pd.DataFrame(rows, columns=PATH_COLUMNS)


def _claim_paths(nodes, claim_id, edges) -> list[tuple]:
    doc_id, theme = nodes.loc[claim_id, "doc_id"], nodes.loc[claim_id, "theme"]
    edges = edges[edges["claim_id"] == claim_id]
    rows = []
    supports = edges[(edges["source_id"] == claim_id) & (edges["relation"] == SUPPORTED_BY)]
    checks = edges[edges["relation"] == CHECKED_BY]
    for support_id in supports["target_id"]:
        data_ids = list(checks.loc[checks["source_id"] == support_id, "target_id"])
        rows += [_path(nodes, doc_id, theme, claim_id, support_id, d) for d in data_ids or [None]]
    for data_id in checks.loc[checks["source_id"] == claim_id, "target_id"]:
        rows.append(_path(nodes, doc_id, theme, claim_id, None, data_id))
    return rows or [_path(nodes, doc_id, theme, claim_id)]


def _path(nodes, doc_id, theme, claim_id, support_id=None, data_id=None) -> tuple:
    claim = nodes.loc[claim_id]
    support = nodes.loc[support_id] if support_id is not None else None
    data = nodes.loc[data_id] if data_id is not None else None

    def part(node, column):
        return "" if node is None else node[column]

    return (
        doc_id,
        theme,
        claim_id,
        claim["text"],
        claim["speaker"],
        claim["voice"],
        claim["where"],
        support_id or "",
        part(support, "kind"),
        part(support, "text"),
        part(support, "speaker"),
        part(support, "voice"),
        part(support, "where"),
        data_id or "",
        part(data, "text"),
        part(data, "verdict"),
        part(data, "data_says"),
    )


# ---- selecting and laying out paths ---------------------------------------------------------

BOTH, ALL_THEMES, ANYONE = "both", "all themes", "anyone"
STAGES = ("Claim", "Support", "Data check")
LABEL_WIDTH = 48  # characters of a node's label in the chart; the tooltip has the full text
POINT_COLUMNS = ["doc_id", "theme", "stage", "x", "y", "node_id", "kind", "label", "text",
                 "speaker", "voice", "where", "verdict"]  # fmt: skip
LINK_COLUMNS = ["doc_id", "x", "y", "x2", "y2", "relation"]


def speakers_in(paths) -> list[str]:
    """Everyone who makes a claim or gives support in ``paths``, sorted by name."""
    names = set(paths["claim_speaker"]) | set(paths["support_speaker"])
    return sorted(name for name in names if name)


def filter_paths(paths, *, article: str = BOTH, theme: str = ALL_THEMES, speaker: str = ANYONE):
    """The paths of one article (or ``"both"``), one theme and one speaker.

    A path is kept for ``speaker`` if that person makes the claim or gives the support.
    An empty result means nothing matches; an unknown article or theme raises NkcourseError.
    """
    _require(paths, PATH_COLUMNS, "argument_paths(...)")
    doc_ids = list(dict.fromkeys(paths["doc_id"]))
    if article != BOTH and article not in doc_ids:
        raise NkcourseError(
            f"No article {article!r}: choose 'both' or one of {', '.join(doc_ids)}."
        )
    if theme != ALL_THEMES and theme not in THEMES:
        raise NkcourseError(
            f"No theme {theme!r}: choose {ALL_THEMES!r} or one of {', '.join(THEMES)}."
        )
    keep = paths["doc_id"].notna()
    if article != BOTH:
        keep &= paths["doc_id"] == article
    if theme != ALL_THEMES:
        keep &= paths["theme"] == theme
    if speaker != ANYONE:
        keep &= (paths["claim_speaker"] == speaker) | (paths["support_speaker"] == speaker)
    return paths[keep].reset_index(drop=True)


def shorten(text: str, width: int = LABEL_WIDTH) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, "…" marking the cut."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] or text[: width - 1]
    return cut.rstrip(",;:") + "…"


def _label(kind: str, text: str, speaker: str, verdict: str) -> str:
    if kind == QUOTE:
        return shorten(f"{speaker}: “{text}”")
    if kind == DATA:
        return shorten(f"{text} ({verdict})")
    return shorten(text)


def map_layout(paths):
    """Where each node and link of ``paths`` goes in a three-column node-link drawing.

    Columns (``x``): 0 claim, 1 support, 2 data check. Each path gets its own row (``y``);
    a claim sits on the row of its first path, a support on the first row it appears in
    under that claim; claims are separated by half a row. Returns ``(points, links)``
    DataFrames (:data:`POINT_COLUMNS`, :data:`LINK_COLUMNS`).
    """
    import pandas as pd

    _require(paths, PATH_COLUMNS, "argument_paths(...)")
    points, links, y = {}, [], 0.0
    for claim_id, rows in paths.groupby("claim_id", sort=False):
        rows = list(rows.itertuples())
        claim = _point(rows[0], 0, y, node_id=claim_id, kind=CLAIM, text=rows[0].claim,
                       speaker=rows[0].claim_speaker, voice=rows[0].claim_voice,
                       where=rows[0].claim_where)  # fmt: skip
        points[claim_id] = claim
        for row in rows:
            source = claim
            if row.support_id:
                key = (claim_id, row.support_id)
                if key not in points:
                    points[key] = _point(
                        row, 1, y, node_id=row.support_id, kind=row.support_kind,
                        text=row.support, speaker=row.support_speaker, voice=row.support_voice,
                        where=row.support_where,
                    )  # fmt: skip
                    links.append(_link(claim, points[key], SUPPORTED_BY))
                source = points[key]
            if row.data_id:
                target = _point(row, 2, y, node_id=row.data_id, kind=DATA, text=row.data_claim,
                                speaker=DATA_SPEAKER, voice=DATA_VOICE,
                                where=f"claims {row.data_id}", verdict=row.verdict)  # fmt: skip
                points[(claim_id, row.data_id, y)] = target
                links.append(_link(source, target, CHECKED_BY))
            y += 1
        y += 0.5
    return (
        pd.DataFrame(list(points.values()), columns=POINT_COLUMNS),
        pd.DataFrame(links, columns=LINK_COLUMNS),
    )


def _point(path, x, y, *, node_id, kind, text, speaker, voice, where, verdict="") -> dict:
    label = _label(kind, text, speaker, verdict)
    return {"doc_id": path.doc_id, "theme": path.theme, "stage": STAGES[x], "x": x, "y": y,
            "node_id": node_id, "kind": kind, "label": label, "text": text, "speaker": speaker,
            "voice": voice, "where": where, "verdict": verdict}  # fmt: skip


def _link(start: dict, end: dict, relation: str) -> dict:
    return {"doc_id": start["doc_id"], "x": start["x"], "y": start["y"], "x2": end["x"],
            "y2": end["y"], "relation": relation}  # fmt: skip


# ---- framing: when each article was written -------------------------------------------------

# The events each article answers (its opening paragraphs name them).
TRIGGER_EVENTS = (
    "First DPRK ICBM test (Hwasong-14)",
    "Sixth DPRK nuclear test",
    "UNSCR 2375 adopted (15-0), Monday evening New York time",
)
TIMELINE_COLUMNS = ["date", "date_precision", "kind", "what", "source"]


def article_timeline(documents, events, triggers=TRIGGER_EVENTS):
    """The articles' dates beside the events they respond to, in date order.

    ``documents`` is ``corpus.documents()``, ``events`` the dataset. Columns: date,
    date_precision (an article's date may be "on or before"/"on or after"), kind (article
    or event), what, source (the event's source, the article's address).
    """
    import pandas as pd

    _require(
        documents,
        ("doc_id", "publisher", "date", "date_precision", "url"),
        "corpus.load().documents()",
    )
    _require(events, ("date", "date_precision", "event", "source"), "data.load('events')")
    chosen = events[events["event"].isin(triggers)]
    missing = sorted(set(triggers) - set(chosen["event"]))
    if missing:
        raise NkcourseError(f"The events dataset has no row for: {'; '.join(missing)}.")
    rows = [
        (str(e.date)[:10], e.date_precision, "event", e.event, e.source)
        for e in chosen.itertuples()
    ]
    rows += [
        (d.date, d.date_precision, "article", f"{d.publisher} article ({d.doc_id})", d.url)
        for d in documents.itertuples()
    ]
    timeline = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    return timeline.sort_values(["date", "kind"], kind="stable").reset_index(drop=True)
