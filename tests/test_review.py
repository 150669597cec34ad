"""Lesson 08 (review): the evidence finder, the progress summary (also when the progress
file is missing or corrupt), the quiz-cite map, their charts and the explorer."""

import json
import warnings
from types import SimpleNamespace

import pandas as pd
import pytest

from nkcourse import corpus, data, quiz
from nkcourse.analysis import review
from nkcourse.errors import NkcourseError
from nkcourse.quiz import progress

# ---- the evidence finder -------------------------------------------------------------------


def small_frame():
    return pd.DataFrame(
        {
            "name": ["Coal ban", "Oil cap", "Textiles"],
            "value": [400.9, None, 752.0],
            "stated_by": ["UN", "US Mission", None],
            "source": ["http://a", "http://b", "http://c"],
        },
        index=[10, 11, 12],
    )


def test_every_dataset_has_a_column_saying_where_its_rows_come_from():
    for name in data.names():
        assert review.source_columns(data.load(name)), name
    assert review.source_columns(data.load("trade")) == ["compiler", "source"]
    assert review.source_columns(data.load("claims")) == ["doc_id"]


def test_matching_rows_reports_row_cite_columns_and_source():
    found = review.matching_rows(small_frame(), "CAP", name="toy", key_columns=["name"])
    assert list(found.columns) == review.EVIDENCE_COLUMNS
    assert found["row"].tolist() == [11]
    row = found.iloc[0]
    assert (row["cite"], row["key"], row["found_in"]) == ("toy, row 11", "Oil cap", "name")
    assert row["source"] == "stated_by: US Mission / source: http://b"


def test_matching_rows_searches_numbers_and_never_matches_empty_cells_as_nan():
    frame = small_frame()
    assert review.matching_rows(frame, "400.9", name="toy", key_columns=["name"])[
        "row"
    ].tolist() == [10]
    assert review.matching_rows(frame, "nan", name="toy", key_columns=["name"]).empty
    # An empty source cell is left out of the source text, not written as "<NA>".
    textiles = review.matching_rows(frame, "textiles", name="toy", key_columns=["name"])
    assert textiles["source"].iloc[0] == "source: http://c"


def test_matching_rows_finds_exactly_the_rows_a_plain_scan_finds():
    trade = data.load("trade")
    found = review.matching_rows(
        trade, "yuan", name="trade", key_columns=data.info("trade").unique_key
    )

    def mentions(row) -> bool:
        return any("yuan" in str(value).lower() for value in row if pd.notna(value))

    expected = trade.index[trade.apply(mentions, axis=1)].tolist()
    assert expected and found["row"].tolist() == expected
    for row in found.itertuples():
        assert "yuan" in str(trade.loc[row.row, row.found_in.split(", ")[0]]).lower()


@pytest.mark.parametrize("word", ["", "   ", None, 3])
def test_a_missing_word_is_a_friendly_error(word):
    with pytest.raises(NkcourseError, match="Type a word"):
        review.matching_rows(small_frame(), word, name="toy", key_columns=["name"])


def test_a_table_without_the_key_columns_is_refused():
    with pytest.raises(NkcourseError, match="lacks the column"):
        review.matching_rows(small_frame(), "coal", name="toy", key_columns=["resolution"])


def test_excerpt_keeps_the_word_in_context():
    text = "a " * 100 + "Dandong" + " b" * 100
    cut = review.excerpt(text, "dandong", context=10)
    assert cut.startswith("…") and cut.endswith("…") and "Dandong" in cut
    assert len(cut) == 10 + len("Dandong") + 10 + 2
    assert review.excerpt("short text", "short") == "short text"


def test_matching_paragraphs_cites_doc_id_and_paragraph():
    articles = corpus.load(include_user=False)
    citations = {doc.doc_id: doc.citation() for doc in articles}
    found = review.matching_paragraphs(articles.paragraphs(), "dandong", citations)
    # FPRI's paragraph 7 names Dandong; no other paragraph of either article does.
    assert found[["where", "row", "cite"]].values.tolist() == [
        ["fpri_2017", 7, "fpri_2017, paragraph 7"]
    ]
    assert found["source"].iloc[0] == articles["fpri_2017"].citation()


def test_find_evidence_names_the_choices_when_the_choice_is_unknown():
    with pytest.raises(NkcourseError, match="'articles' or one of the datasets: trade"):
        review.find_evidence(
            "nonsense",
            "coal",
            datasets={"trade": data.load("trade")},
            keys={"trade": ["partner"]},
            paragraphs=None,
            citations={},
        )


# ---- progress: the same calls the notebook makes -------------------------------------------


def notebook_progress():
    """What lesson 08 runs: the summary, its status line, its scores and their chart."""
    from nkcourse.charts import review as review_charts

    summary = quiz.progress.summary()
    table = review.scores(summary)
    return summary, review.progress_status(summary), review_charts.progress_chart(table)


def test_no_progress_file_shows_no_attempts_yet(isolated_home):
    assert not progress.progress_path().exists()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a fresh folder is normal: no warning at all
        summary, status, chart = notebook_progress()
    assert summary["answered"].sum() == 0 and len(summary) == len(quiz.bank.lessons())
    assert status.startswith("No attempts yet")
    assert chart.to_dict()["title"]["subtitle"][0].startswith("No attempts yet")


def test_a_corrupt_progress_file_counts_as_empty_and_is_not_lost(isolated_home):
    path = progress.progress_path()
    path.parent.mkdir(parents=True)
    path.write_text("{ this is not json", encoding="utf-8")
    with pytest.warns(progress.ProgressWarning, match="not a readable nkcourse progress file"):
        summary, status, chart = notebook_progress()
    assert status.startswith("No attempts yet")
    assert summary["points"].sum() == 0
    assert chart.to_dict()["description"]
    assert path.read_text(encoding="utf-8") == "{ this is not json"


def test_a_foreign_json_progress_file_counts_as_empty(isolated_home):
    path = progress.progress_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"attempts": "many"}), encoding="utf-8")
    with pytest.warns(progress.ProgressWarning):
        _summary, status, _chart = notebook_progress()
    assert status.startswith("No attempts yet")


def test_answers_show_up_in_status_scores_and_chart(isolated_home):
    right = quiz.grade("08", "q9", "Dandong")
    wrong = quiz.grade("08", "q3", 5)
    assert right.correct and not wrong.correct
    summary, status, chart = notebook_progress()
    row = summary[summary["lesson"] == "08"].iloc[0]
    assert (row["answered"], row["correct"], row["points"]) == (2, 1, 1)
    assert status.startswith("You have answered 2 of")
    assert "in 1 of" in status
    assert "best lesson so far is 08" in chart.to_dict()["title"]["subtitle"][0]


def test_scores_gives_a_percentage_and_leaves_pointless_lessons_empty():
    summary = pd.DataFrame(
        {
            "lesson": ["01", "02"],
            "questions": [4, 0],
            "answered": [2, 0],
            "correct": [1, 0],
            "points": [1, 0],
            "max_points": [4, 0],
        }
    )
    table = review.scores(summary)
    assert table.loc[0, "score_pct"] == 25.0
    assert pd.isna(table.loc[1, "score_pct"])
    with pytest.raises(NkcourseError, match="quiz.progress.summary"):
        review.scores(summary.drop(columns="points"))


# ---- what the quizzes rest on --------------------------------------------------------------


def fake_bank(lesson, *questions):
    return SimpleNamespace(
        lesson=lesson,
        questions=[SimpleNamespace(id=qid, cites=cites) for qid, cites in questions],
    )


def test_cites_count_questions_not_cites():
    banks = [
        fake_bank(
            "02",
            ("q1", [{"dataset": "trade", "row": "a"}, {"dataset": "trade", "row": "b"}]),
            ("q2", [{"dataset": "trade", "row": "c"}, {"corpus": "fpri_2017", "para": 7}]),
        ),
        fake_bank("03", ("q1", [])),
    ]
    cites = review.quiz_cites(banks)
    assert cites["detail"].tolist() == ["a", "b", "c", "paragraph 7"]
    counted = review.cites_by_lesson(cites)
    assert counted.values.tolist() == [
        ["02", "article", "fpri_2017", 1],
        ["02", "dataset", "trade", 2],
    ]


def test_evidence_map_of_the_shipped_banks():
    from nkcourse.charts import review as review_charts

    banks = [quiz.bank.load(lesson) for lesson in quiz.bank.lessons()]
    counted = review.cites_by_lesson(review.quiz_cites(banks))
    lesson_08 = counted[counted["lesson"] == "08"].set_index("name")["questions"]
    assert lesson_08["cipher_brief_2017"] == 4  # q1, q4, q7 and q8 quote The Cipher Brief
    spec = review_charts.evidence_map_chart(counted).to_dict()
    top = counted.groupby("name")["questions"].sum().idxmax()
    assert spec["title"]["subtitle"][0].startswith(top)


# ---- the explorer --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables():
    from nkcourse.explorers import review as review_explorer

    return review_explorer.evidence_tables()


def test_evidence_view_explains_an_empty_box_and_no_match(tables):
    from nkcourse.explorers.review import EMPTY_WORD, evidence_view

    assert "Type a word" in evidence_view(tables, "trade", "  ")
    assert EMPTY_WORD.split(":")[0] in evidence_view(tables, "trade", "")
    assert "Nothing in the trade dataset" in evidence_view(tables, "trade", "zzzz")


def test_evidence_view_shows_cites_and_says_when_rows_are_cut(tables):
    from nkcourse.explorers.review import SHOWN, evidence_view

    html = evidence_view(tables, "missile_tests", "Hwasong")
    expected = data.load("missile_tests")["missile_name"].str.contains("Hwasong", case=False).sum()
    assert expected > SHOWN
    assert f"{expected} rows of the missile_tests dataset" in html
    assert f"The first {SHOWN} are shown" in html
    assert html.count("missile_tests, row") == SHOWN


def test_the_explorer_finds_a_quote_and_survives_a_bad_choice():
    from nkcourse.explorers.review import evidence_explorer

    explorer = evidence_explorer()
    result = explorer.update(choice="articles", word="Dandong")
    assert "fpri_2017, paragraph 7" in result
    explorer.compute = lambda choice, word: review.find_evidence(
        "nonsense", word, datasets={}, keys={}, paragraphs=None, citations={}
    )
    assert explorer.refresh() is None and isinstance(explorer.error, NkcourseError)
