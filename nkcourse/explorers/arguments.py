"""Lesson 06's explorer: choose an article, a theme and a speaker; read the matching claims.

The selection is :func:`nkcourse.analysis.arguments.filter_paths`; :func:`arguments_view`
only writes what it keeps as HTML (each claim with its support, who says it, where, and
any data check), and :func:`arguments_explorer` builds the controls.
"""

from html import escape

import ipywidgets as widgets

from nkcourse.analysis import arguments as ar
from nkcourse.explorers.base import Explorer

KIND_WORDS = {ar.SENTENCE: "Sentence", ar.QUOTE: "Quotation", ar.DATA: "Data check"}


def _note(text: str) -> str:
    return f'<p class="nkcourse-arguments-note">{escape(text)}</p>'


def _support_item(row: dict) -> str:
    text = escape(row["support"])
    text = f"“{text}”" if row["support_kind"] == ar.QUOTE else text
    return (
        f"<li><em>{KIND_WORDS[row['support_kind']]}, {escape(row['support_speaker'])} "
        f"({escape(row['support_where'])}):</em> {text}</li>"
    )


def _check_item(row: dict) -> str:
    return (
        f"<li><em>Data check {escape(row['data_id'])} (claims dataset), verdict "
        f"“{escape(row['verdict'])}”:</em> {escape(row['data_says'])}</li>"
    )


def _claim_block(rows: list[dict]) -> str:
    first = rows[0]
    supports = {row["support_id"]: row for row in rows if row["support_id"]}
    checks = {row["data_id"]: row for row in rows if row["data_id"]}
    items = [_support_item(row) for row in supports.values()]
    items += [_check_item(row) for row in checks.values()]
    listed = "".join(items) or "<li><em>Nothing in the article supports it directly.</em></li>"
    return (
        f'<div class="nkcourse-argument"><p><strong>{escape(first["theme"])}</strong> · '
        f"{escape(first['doc_id'])}, {escape(first['claim_where'])} · claimed by "
        f"{escape(first['claim_speaker'])}</p><blockquote>{escape(first['claim'])}</blockquote>"
        f"<ul>{listed}</ul></div>"
    )


def arguments_view(
    paths, *, article: str = ar.BOTH, theme: str = ar.ALL_THEMES, speaker: str = ar.ANYONE
) -> str:
    """HTML: how many claims match, then each claim with its support and data checks.

    ``paths`` is :func:`~nkcourse.analysis.arguments.argument_paths`. A choice that matches
    nothing gives a sentence saying what to try instead.
    """
    kept = ar.filter_paths(paths, article=article, theme=theme, speaker=speaker)
    if kept.empty:
        return _note(
            f"No claim of {'the two articles' if article == ar.BOTH else article} on "
            f"“{theme}” involves {speaker}. Try “{ar.ALL_THEMES}” or “{ar.ANYONE}”: not every "
            "speaker is quoted on every theme, and some themes appear in only one article."
        )
    claims = kept["claim_id"].nunique()
    supports = kept.loc[kept["support_id"] != "", "support_id"].nunique()
    summary = _note(
        f"{claims} claim{'s' * (claims != 1)} with {supports} supporting item"
        f"{'s' * (supports != 1)}. Sentences are numbered within their paragraph."
    )
    by_claim: dict[str, list[dict]] = {}
    for row in kept.to_dict("records"):  # plain dicts: row access in pandas is slow here
        by_claim.setdefault(row["claim_id"], []).append(row)
    return summary + "".join(_claim_block(rows) for rows in by_claim.values())


def arguments_explorer(paths, article: str = ar.BOTH, theme: str = ar.ALL_THEMES) -> Explorer:
    """Three menus over ``paths`` (:func:`~nkcourse.analysis.arguments.argument_paths`)."""
    articles = [("Both articles", ar.BOTH)] + [
        (doc_id, doc_id) for doc_id in dict.fromkeys(paths["doc_id"])
    ]
    controls = {
        "article": widgets.Dropdown(options=articles, value=article, description="Article"),
        "theme": widgets.Dropdown(
            options=[ar.ALL_THEMES, *ar.THEMES],
            value=theme,
            description="Theme",
            layout={"width": "420px"},
        ),
        "speaker": widgets.Dropdown(
            options=[ar.ANYONE, *ar.speakers_in(paths)], value=ar.ANYONE, description="Speaker"
        ),
    }

    def view(article, theme, speaker):
        return arguments_view(paths, article=article, theme=theme, speaker=speaker)

    return Explorer(controls, view, title="The argument map, claim by claim")
