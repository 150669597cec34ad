"""Lesson 08, review: find the evidence for a memo, read your quiz progress, map the sources.

Pure functions over DataFrames: the course datasets (``data.load(...)``), the corpus's
``paragraphs()`` table, ``quiz.progress.summary()`` and the quiz banks' cites. The review
notebook, its explorer and its tests all call these, so what the student reads is
computed in one tested place.
"""

from nkcourse.errors import NkcourseError

ARTICLES = "articles"  # the explorer's choice meaning "the two articles, paragraph by paragraph"
EVIDENCE_COLUMNS = ["where", "row", "cite", "key", "found_in", "excerpt", "source"]
# Columns that say where a row comes from, besides any column whose name contains "source".
SOURCE_LIKE = ("compiler", "stated_by", "estimator", "doc_id", "doc_ids")
EXCERPT_CONTEXT = 60  # characters kept on each side of the match
KEY_WIDTH = 90
SUMMARY_COLUMNS = ["lesson", "questions", "answered", "correct", "points", "max_points"]


def _require(frame, columns, what: str) -> None:
    missing = [c for c in columns if c not in getattr(frame, "columns", ())]
    if missing:
        raise NkcourseError(
            f"This needs {what}, but the table given lacks the column(s) {', '.join(missing)}."
        )


def _check_word(word) -> str:
    if not isinstance(word, str) or not word.strip():
        raise NkcourseError(
            f"Type a word or a number to look for, e.g. 'coal' or '2375' (not {word!r})."
        )
    return word.strip()


def source_columns(frame) -> list[str]:
    """The columns of a dataset that say where each row comes from, in table order.

    Every column whose name contains "source", and the columns naming who compiled,
    stated or estimated a figure (or, for ``claims``, the article it comes from).
    """
    return [c for c in frame.columns if "source" in c or c in SOURCE_LIKE]


def excerpt(text: str, word: str, context: int = EXCERPT_CONTEXT) -> str:
    """``text`` cut to ``context`` characters each side of the first ``word`` (any case)."""
    text = " ".join(str(text).split())
    at = text.casefold().find(word.casefold())
    if at < 0:
        return text[: 2 * context] + ("…" if len(text) > 2 * context else "")
    start, end = max(0, at - context), min(len(text), at + len(word) + context)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def searchable(frame):
    """Every cell as text, an empty cell as "" (never the word 'nan'): what the search reads.

    Compute it once per dataset and pass it to :func:`matching_rows` as ``text``.
    """
    return frame.astype("string").fillna("")


def _key_text(values) -> str:
    key = " | ".join(value for value in values if value)
    return key if len(key) <= KEY_WIDTH else key[: KEY_WIDTH - 1] + "…"


def matching_rows(frame, word: str, *, name: str, key_columns, text=None):
    """The rows of dataset ``name`` with ``word`` in any cell (any case), ready to cite.

    Columns: where (the dataset), row (its index label: ``data.load(name).loc[row]``),
    cite (e.g. "trade, row 59"), key (the values of the dataset's unique key),
    found_in (the columns that matched), excerpt (the first matching cell around the
    word) and source (the row's source columns, "column: value" joined by " / ").
    ``text`` is ``searchable(frame)``, if already computed.
    """
    import numpy as np
    import pandas as pd

    word = _check_word(word)
    _require(frame, list(key_columns), f"the {name} dataset's key columns")
    text = searchable(frame) if text is None else text
    columns = list(text.columns)
    hits = np.column_stack(
        [text[c].str.contains(word, case=False, regex=False).to_numpy(bool) for c in columns]
    )
    chosen = hits.any(axis=1)
    cells = text.to_numpy()[chosen]
    sources = [columns.index(c) for c in source_columns(frame)]
    keys = [columns.index(c) for c in key_columns]
    rows = []
    for label, row_hits, values in zip(frame.index[chosen], hits[chosen], cells, strict=True):
        matched = np.flatnonzero(row_hits)
        rows.append(
            {
                "where": name,
                "row": label,
                "cite": f"{name}, row {label}",
                "key": _key_text(values[i] for i in keys),
                "found_in": ", ".join(columns[i] for i in matched),
                "excerpt": excerpt(values[matched[0]], word),
                "source": " / ".join(f"{columns[i]}: {values[i]}" for i in sources if values[i]),
            }
        )
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def matching_paragraphs(paragraphs, word: str, citations: dict[str, str] | None = None):
    """The article paragraphs containing ``word`` (any case), ready to quote.

    ``paragraphs`` is ``corpus.load().paragraphs()``; ``citations`` maps a doc_id to its
    ``Document.citation()`` (shown as the source). Same columns as :func:`matching_rows`:
    where is the doc_id, row the para_no, cite e.g. "fpri_2017, paragraph 8", found_in
    "text", excerpt the paragraph around the word.
    """
    import pandas as pd

    word = _check_word(word)
    _require(paragraphs, ["doc_id", "para_no", "text"], "the corpus paragraphs table")
    citations = citations or {}
    found = paragraphs[paragraphs["text"].str.contains(word, case=False, regex=False)]
    return pd.DataFrame(
        {
            "where": found["doc_id"],
            "row": found["para_no"],
            "cite": found["doc_id"] + ", paragraph " + found["para_no"].astype(str),
            "key": found["doc_id"] + " ¶" + found["para_no"].astype(str),
            "found_in": "text",
            "excerpt": [excerpt(text, word) for text in found["text"]],
            "source": [citations.get(doc_id, doc_id) for doc_id in found["doc_id"]],
        },
        columns=EVIDENCE_COLUMNS,
    ).reset_index(drop=True)


def find_evidence(
    choice: str, word: str, *, datasets: dict, keys: dict, paragraphs, citations, texts=None
):
    """:func:`matching_paragraphs` if ``choice`` is ARTICLES, else :func:`matching_rows` of
    the dataset named ``choice``. ``datasets`` maps names to frames, ``keys`` to their key
    columns and ``texts`` (optional) to their ``searchable`` text.
    """
    if choice == ARTICLES:
        return matching_paragraphs(paragraphs, word, citations)
    if choice not in datasets:
        raise NkcourseError(
            f"There is nothing called {choice!r} to search; choose {ARTICLES!r} or one of "
            f"the datasets: {', '.join(datasets)}."
        )
    text = (texts or {}).get(choice)
    return matching_rows(datasets[choice], word, name=choice, key_columns=keys[choice], text=text)


# ---- quiz progress -----------------------------------------------------------------------


def scores(summary):
    """``quiz.progress.summary()`` with score_pct (points as a % of max_points) added.

    A lesson whose questions carry no points gets an empty score, not a division by zero.
    """
    _require(summary, SUMMARY_COLUMNS, "the table from quiz.progress.summary()")
    table = summary[SUMMARY_COLUMNS].copy()
    available = table["max_points"].where(table["max_points"] > 0)
    table["score_pct"] = (table["points"] / available * 100).astype(float)
    return table.reset_index(drop=True)


def progress_status(summary) -> str:
    """One sentence on the student's progress; "No attempts yet" in a fresh home folder."""
    _require(summary, SUMMARY_COLUMNS, "the table from quiz.progress.summary()")
    answered, questions = int(summary["answered"].sum()), int(summary["questions"].sum())
    lessons = int((summary["answered"] > 0).sum())
    points, available = summary["points"].sum(), summary["max_points"].sum()
    if answered == 0:
        return (
            f"No attempts yet: none of the {questions} quiz questions in {len(summary)} "
            "lessons has been answered in this nkcourse folder. Answer some (in this "
            "lesson or earlier ones), then run this cell again."
        )
    return (
        f"You have answered {answered} of {questions} quiz questions, in {lessons} of "
        f"{len(summary)} lessons, and scored {points:g} of {available:g} points "
        "(best attempt per question)."
    )


# ---- what the quizzes rest on ------------------------------------------------------------


def quiz_cites(banks):
    """One row per cite of every question in ``banks`` (``quiz.bank.load(lesson)`` objects).

    Columns: lesson, question, kind ("dataset" or "article"), name (the dataset or the
    doc_id), detail (the row query or the paragraph number).
    """
    import pandas as pd

    rows = []
    for bank in banks:
        for question in bank.questions:
            for cite in question.cites:
                if "dataset" in cite:
                    kind, name, detail = "dataset", cite["dataset"], cite["row"]
                else:
                    kind, name, detail = "article", cite["corpus"], f"paragraph {cite['para']}"
                rows.append(
                    {
                        "lesson": bank.lesson,
                        "question": question.id,
                        "kind": kind,
                        "name": name,
                        "detail": detail,
                    }
                )
    return pd.DataFrame(rows, columns=["lesson", "question", "kind", "name", "detail"])


def cites_by_lesson(cites):
    """How many quiz questions of each lesson rest on each dataset or article.

    A question citing the same dataset twice counts once. Columns: lesson, kind, name,
    questions.
    """
    _require(cites, ["lesson", "question", "kind", "name"], "the table from quiz_cites()")
    distinct = cites.drop_duplicates(["lesson", "question", "kind", "name"])
    counted = distinct.groupby(["lesson", "kind", "name"], as_index=False).agg(
        questions=("question", "size")
    )
    return counted.sort_values(["lesson", "kind", "name"], ignore_index=True)
