"""Lesson 08's explorer: "find the evidence" for the capstone memo.

Choose the two articles or a dataset, type a word, and see every matching paragraph or row
with how to cite it and its source. The search is
:func:`nkcourse.analysis.review.find_evidence` (pure, tested); this module loads the
tables once, turns the result into HTML and builds the controls.
"""

from html import escape

import ipywidgets as widgets

from nkcourse.analysis import review
from nkcourse.explorers.base import Explorer

SHOWN = 20  # rows shown at once; the note says how many more matched
EMPTY_WORD = (
    "Type a word or a number in the box (for example coal, Dandong, 2375 or yuan) and press "
    "Enter: every matching paragraph or row appears here, with how to cite it."
)


def _note(text: str) -> str:
    return f'<p class="nkcourse-evidence-note">{escape(text)}</p>'


def evidence_tables() -> dict:
    """Everything the explorer searches, loaded and made searchable once (the keywords of
    :func:`nkcourse.analysis.review.find_evidence`)."""
    from nkcourse import corpus, data
    from nkcourse.data import catalog

    datasets = {name: data.load(name) for name in data.names()}
    keys = {name: catalog.spec(name)["unique_key"] for name in datasets}
    articles = corpus.load()
    citations = {doc.doc_id: doc.citation() for doc in articles}
    return {
        "datasets": datasets,
        "keys": keys,
        "texts": {name: review.searchable(frame) for name, frame in datasets.items()},
        "paragraphs": articles.paragraphs(),
        "citations": citations,
    }


def evidence_view(tables, choice: str, word: str) -> str:
    """HTML: how many matches, then a table of the first SHOWN with cite and source."""
    word = (word or "").strip()
    if not word:
        return _note(EMPTY_WORD)
    found = review.find_evidence(choice, word, **tables)
    where = "the two articles" if choice == review.ARTICLES else f"the {choice} dataset"
    if found.empty:
        return _note(
            f"Nothing in {where} contains “{word}”. The search ignores case but not "
            "spelling: try a shorter word (sanction, not sanctions), or another dataset."
        )
    more = f" The first {SHOWN} are shown." if len(found) > SHOWN else ""
    kind = "paragraph" if choice == review.ARTICLES else "row"
    summary = _note(
        f"{len(found)} {kind}{'s' * (len(found) != 1)} of {where} contain “{word}”.{more} "
        "Cite each by its cite column; the source column says where it comes from."
    )
    table = found.head(SHOWN).drop(columns=["where"])
    return summary + table.to_html(index=False, classes="nkcourse-evidence", justify="left")


def evidence_explorer(choice: str = "trade", word: str = "yuan") -> Explorer:
    """A menu (the articles, then every dataset) and a word box."""
    tables = evidence_tables()
    options = [("The two articles (paragraphs)", review.ARTICLES)] + [
        (f"Dataset: {name}", name) for name in tables["datasets"]
    ]
    controls = {
        "choice": widgets.Dropdown(
            options=options, value=choice, description="Search in", layout={"width": "380px"}
        ),
        "word": widgets.Text(
            value=word,
            description="Word",
            placeholder="type a word, press Enter",
            continuous_update=False,
        ),
    }

    def view(choice, word):
        return evidence_view(tables, choice, word)

    return Explorer(controls, view, title="Find the evidence: search the articles and datasets")
