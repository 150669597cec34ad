"""Exercise 08's capstone memo: the public checks (length, two datasets cited by row, a
word-for-word quote with its doc_id). The generic tests in test_exercises_questions.py
cover q1-q5 and the model memo passing."""

import pytest

from nkcourse.exercises import ex08
from nkcourse.exercises.answers import encode
from nkcourse.exercises.outcome import INCORRECT, MANUAL

QUOTE = (
    "the foundation of North Korea’s economy rests on unofficial and often illicit trading channels"
)


def memo(body: str, words: int = 320) -> str:
    """``body`` padded with neutral filler words to about ``words`` words."""
    filler = " ".join(["word"] * max(0, words - len(body.split())))
    return f"{body} {filler}"


GOOD = f'Claim (trade, row 35) and (events, row 18); FPRI says "{QUOTE}" (fpri_2017, paragraph 8).'


def judged(text):
    return ex08.q6.evaluate({"memo": encode(text)})


def test_a_memo_meeting_every_public_check_is_recorded_for_the_instructor():
    outcome = judged(memo(GOOD))
    assert outcome.status == MANUAL
    assert "2 datasets cited by row" in outcome.message
    assert "instructor marks the rest" in outcome.message


@pytest.mark.parametrize(
    ("words", "message"),
    [(250, "write at least 300"), (520, "cut it to 500 at most")],
)
def test_length_outside_300_to_500_words_is_not_yet(words, message):
    outcome = judged(memo(GOOD, words))
    assert outcome.status == INCORRECT and message in outcome.message


def test_naming_one_dataset_is_not_enough():
    one = GOOD.replace("(events, row 18)", "(the events we saw)")
    outcome = judged(memo(one))
    assert outcome.status == INCORRECT
    assert "at least 2 different datasets" in outcome.message
    assert "you cite trade" in outcome.message


def test_a_dataset_named_in_passing_is_not_a_citation():
    assert ex08.cited_datasets("trade grew and events happened") == []
    assert ex08.cited_datasets("(trade, row 35), events row 18, Trade: rows 3") == [
        "trade",
        "events",
    ]


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace('"', ""),  # no quotation marks
        lambda text: text.replace("illicit", "illegal"),  # not word for word
        lambda text: text.replace("fpri_2017", "the FPRI article"),  # no doc_id
        lambda text: text.replace(QUOTE, "rests on unofficial channels"),  # too short
    ],
    ids=["unquoted", "misquoted", "no-doc-id", "too-short"],
)
def test_a_memo_without_a_proper_quote_is_not_yet(change):
    outcome = judged(memo(change(GOOD)))
    assert outcome.status == INCORRECT
    assert "Quote at least one passage" in outcome.message


def test_quotes_ignore_curly_apostrophes_case_and_final_punctuation():
    loose = QUOTE.replace("’", "'").capitalize()
    found = ex08.quoted_passages(f"FPRI: “{loose}.” (fpri_2017, paragraph 8)")
    assert found == [("fpri_2017", loose)]


def test_the_model_memo_reads_its_figures_from_the_data():
    from nkcourse import data

    text = ex08.model_memo()
    trade = data.load("trade")
    assert "(trade, row 35)" in text and trade.loc[35, "value"] == 1720
    assert f"{trade.loc[38, 'value']:g} million in 2018 (trade, row 38)" in text
    assert ex08.MEMO_WORDS[0] <= len(text.split()) <= ex08.MEMO_WORDS[1]
