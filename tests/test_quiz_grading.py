"""Bad answers get a friendly message, reveal nothing and are not recorded."""

import pytest
from test_quiz_fixtures import sample_bank  # noqa: F401

from nkcourse.quiz import grade, progress


@pytest.mark.parametrize(
    ("qid", "answer", "says"),
    [
        ("q1", None, "No answer given yet"),
        ("q1", "", "The answer is empty"),
        ("q1", "   ", "The answer is empty"),
        ("q1", 2, "2 is not a letter"),
        ("q1", ["a"], "is not a letter"),
        ("q1", "z", "There is no option 'z'"),
        ("q1", "x" * 100_000, "100,000 characters long"),
        ("q2", [], "No option chosen"),
        ("q2", ["a", "z"], "There is no option 'z'"),
        ("q2", {"a": 1}, "is not a list of letters"),
        ("q2", ["a"] * 10_000, "not a list of this question's letters"),
        ("q2", [1, 2], "not a list of this question's letters"),
        ("q3", "about forty", "is not a number"),
        ("q3", True, "True is not a number"),
        ("q3", float("nan"), "is not a finite number"),
        ("q3", "inf", "is not a finite number"),
        ("q3", [37.4], "is not a number"),
        ("q3", "9" * 1000, "1,000 characters long"),
        ("q4", 42, "42 is not a text"),
        ("q4", "", "The answer is empty"),
    ],
)
def test_bad_answers_get_a_friendly_message(sample_bank, qid, answer, says):  # noqa: F811
    result = grade("04", qid, answer)
    assert result.valid is False
    assert result.correct is False and result.points == 0
    assert says in result.feedback
    assert "Answer with" in result.feedback or "Choose" in result.feedback
    assert result.explanation == "" and result.cites == ()
    assert "Not checked" in str(result)
    assert progress.attempts() == []


@pytest.mark.parametrize(
    ("qid", "answer", "correct"),
    [
        ("q1", "A", True),
        ("q1", " a) ", True),
        ("q2", "a, c", True),
        ("q2", ("c", "a", "a"), True),
        ("q2", {"a"}, False),
        ("q3", "37.9", True),
        ("q3", 37, True),
        ("q3", 37.91, False),
        ("q4", "peking.", True),
        ("q4", "bei  jing", False),
    ],
)
def test_answers_are_read_generously(sample_bank, qid, answer, correct):  # noqa: F811
    result = grade("04", qid, answer)
    assert result.valid, result.feedback
    assert result.correct is correct


def test_a_result_reads_well_and_names_its_sources(sample_bank):  # noqa: F811
    right = str(grade("04", "q2", ["a", "c"]))
    assert right.startswith("✓ Right (2 of 2 points).")
    assert "Why: MULTI-EXPLANATION" in right
    assert "Sources: dataset 'trade', rows where partner == 'China'" in right
    wrong = str(grade("04", "q1", "c"))
    assert wrong.startswith("✗ Not right (0 of 1 point). SINGLE-C-WRONG")
    assert "Sources: fpri_2017, paragraph 1" in wrong


def test_valid_attempts_are_recorded_unless_asked_not_to(sample_bank):  # noqa: F811
    grade("04", "q1", "b")
    grade("04", "q2", "a, c")
    grade("04", "q3", 1, record=False)
    recorded = progress.attempts()
    assert [(a["question"], a["correct"], a["answer"]) for a in recorded] == [
        ("q1", False, "b"),
        ("q2", True, ["a", "c"]),
    ]
