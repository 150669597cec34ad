"""Lesson 01's explorer: type a word, choose an article, see every use of it in context.

The search is :func:`nkcourse.analysis.sources.keyword_in_context` (which calls
``corpus.kwic``); :func:`kwic_view` only turns its rows, or their absence, into something
to read, and :func:`kwic_explorer` builds the controls.
"""

from html import escape

import ipywidgets as widgets

from nkcourse.analysis.sources import BOTH, keyword_in_context
from nkcourse.explorers.base import Explorer

EMPTY_TERM = (
    "Type a word or a phrase in the box (for example sanctions, Dandong or oil) and press "
    "Enter: every use of it appears here with the words around it."
)


def _note(text: str) -> str:
    return f'<p class="nkcourse-kwic-note">{escape(text)}</p>'


def _where(corpus, article: str) -> str:
    return "the two articles" if article == BOTH else corpus[article].publisher or article


def kwic_view(corpus, term: str, article: str = BOTH, width: int = 40) -> str:
    """HTML: a line saying how many uses were found, then one table row per use.

    An empty box or a word with no use gives a sentence saying what to try instead.
    """
    term = (term or "").strip()
    if not term:
        return _note(EMPTY_TERM)
    lines = keyword_in_context(corpus, term, article, width)
    if lines.empty:
        return _note(
            f"No use of “{term}” in {_where(corpus, article)}. The search matches whole words "
            "in any case: try another form of the word (sanction, sanctions) or a shorter "
            "phrase."
        )
    uses = f"{len(lines)} use{'s' * (len(lines) != 1)}"
    summary = _note(
        f"{uses} of “{term}” in {_where(corpus, article)}, in "
        f"{lines[['doc_id', 'para_no']].drop_duplicates().shape[0]} paragraph(s)."
    )
    table = lines.rename(columns={"para_no": "paragraph"}).to_html(
        index=False, classes="nkcourse-kwic", justify="left"
    )
    return summary + table


def kwic_explorer(corpus, term: str = "Russia") -> Explorer:
    """A text box and an article menu over ``corpus`` (``nkcourse.corpus.load()``)."""
    options = [("Both articles", BOTH)] + [
        (f"{doc.publisher} ({doc.doc_id})", doc.doc_id) for doc in corpus
    ]
    controls = {
        "term": widgets.Text(
            value=term,
            description="Word",
            placeholder="type a word, press Enter",
            continuous_update=False,
        ),
        "article": widgets.Dropdown(
            options=options, value=BOTH, description="Article", layout={"width": "460px"}
        ),
    }

    def view(term, article):
        return kwic_view(corpus, term, article)

    return Explorer(controls, view, title="Keyword in context: every use of a word")
