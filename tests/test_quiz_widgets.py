"""The widgets grade through quiz.grade; the static rendering shows questions, not answers."""

import html
import subprocess
import sys

import pytest
from test_quiz_fixtures import SAMPLE, sample_bank  # noqa: F401

from nkcourse.display import WithFallback
from nkcourse.quiz import progress, widgets

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _boxes(view):
    """Question boxes by their lesson-question CSS class."""
    found = {}
    for child in view.widget.children:
        classes = getattr(child, "_dom_classes", ())
        if "nkcourse-quiz" in classes:
            (specific,) = [c for c in classes if c.startswith("nkcourse-quiz-")]
            found[specific] = child
    return found


def _parts(box):
    """(inputs, check, try again, feedback) of one question box."""
    *_prompt, buttons, feedback = box.children
    inputs = box.children[1:-2]
    check, again = buttons.children
    return list(inputs), check, again, feedback


def _score(view):
    return view.widget.children[-1].value


def test_each_question_box_carries_the_css_classes(sample_bank):  # noqa: F811
    view = widgets.build("04")
    assert isinstance(view, WithFallback)
    boxes = _boxes(view)
    assert sorted(boxes) == [f"nkcourse-quiz-04-q{n}" for n in range(1, 5)]
    for box in boxes.values():
        *_rest, feedback = _parts(box)
        assert "nkcourse-feedback" in feedback._dom_classes
    one = widgets.build("04", "q3")
    assert list(_boxes(one)) == ["nkcourse-quiz-04-q3"]


def test_check_shows_feedback_in_words_then_try_again(sample_bank):  # noqa: F811
    view = widgets.build("04")
    (radio,), check, again, feedback = _parts(_boxes(view)["nkcourse-quiz-04-q1"])
    assert "0 of 5 points" in _score(view)
    radio.value = "b"
    check.click()
    assert "✗ Not right" in feedback.value and "SINGLE-B-WRONG" in feedback.value
    assert "SINGLE-EXPLANATION" in feedback.value and "fpri_2017, paragraph 1" in feedback.value
    assert radio.disabled and check.layout.display == "none" and again.layout.display is None
    again.click()
    assert feedback.value == "" and not radio.disabled and again.layout.display == "none"
    radio.value = "a"
    check.click()
    assert "✓ Right" in feedback.value and "SINGLE-A-RIGHT" in feedback.value
    assert "1 of 5 points" in _score(view)
    assert [a["correct"] for a in progress.attempts()] == [False, True]


def test_every_score_label_of_the_lesson_follows_along(sample_bank):  # noqa: F811
    first, second = widgets.build("04", "q1"), widgets.build("04", "q4")
    (text,), check, _again, feedback = _parts(_boxes(second)["nkcourse-quiz-04-q4"])
    text.value = "Beijing"
    check.click()
    assert "✓ Right" in feedback.value
    assert "1 of 5 points" in _score(first) and "1 of 5 points" in _score(second)


def test_multiple_choice_reads_the_ticked_boxes(sample_bank):  # noqa: F811
    view = widgets.build("04", "q2")
    inputs, check, _again, feedback = _parts(_boxes(view)["nkcourse-quiz-04-q2"])
    assert [box.description for box in inputs] == ["a) first", "b) second", "c) third"]
    inputs[0].value = inputs[1].value = True
    check.click()
    assert "✗ Not right" in feedback.value and "MULTI-B-WRONG" in feedback.value


def test_an_unreadable_answer_is_explained_and_not_recorded(sample_bank):  # noqa: F811
    view = widgets.build("04", "q3")
    (text,), check, again, feedback = _parts(_boxes(view)["nkcourse-quiz-04-q3"])
    check.click()  # nothing typed
    assert "⚠ Not checked" in feedback.value and "The answer is empty" in feedback.value
    assert "NUMERIC-EXPLANATION" not in feedback.value
    assert not text.disabled and again.layout.display == "none"
    assert progress.attempts() == []


def test_the_static_rendering_shows_questions_but_no_answers(sample_bank):  # noqa: F811
    bundle = widgets.build("04")._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    for mimetype, escape in (("text/html", html.escape), ("text/plain", str)):
        shown = bundle[mimetype]
        for question in SAMPLE["questions"]:
            assert escape(question["prompt"]) in shown
            for option in question.get("options", []):
                assert escape(option["text"]) in shown
            assert question["explanation"] not in shown
        for secret in ("RIGHT", "WRONG", "ROUNDED", "MOSCOW", "Beijing", "37.4"):
            assert secret not in shown, (mimetype, secret)
        assert "(%)" in shown  # the unit of the numeric question
        assert 'quiz.grade("04", "q3", answer)' in html.unescape(shown)


def test_the_static_html_does_not_pose_as_the_live_widget(sample_bank):  # noqa: F811
    shown = widgets.build("04")._repr_mimebundle_()["text/html"]
    assert 'class="nkcourse-quiz"' not in shown and "nkcourse-feedback" not in shown


def test_a_plain_console_gets_the_text_version():
    code = "from nkcourse import quiz; quiz.show('00', 'q2')"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Question q2 (1 point)" in result.stdout
    assert "a) The course authors typed them into each lesson." in result.stdout
    assert "<nkcourse" not in result.stdout and "Yes." not in result.stdout


@pytest.mark.parametrize(("lesson", "qid"), [("42", None), ("00", "q42")])
def test_show_explains_a_wrong_lesson_or_question(lesson, qid):
    from nkcourse.errors import NkcourseError

    with pytest.raises(NkcourseError, match="lesson|question"):
        widgets.build(lesson, qid)
