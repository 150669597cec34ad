"""The quiz as ipywidgets: choose, Check, read why, try again; a running lesson score.

Loaded only by ``quiz.show``. Every Check goes through ``grading.grade``, the same code
the tests call. Right and wrong are said in words with a ✓/✗ sign, not by colour alone;
every control is a native input or button, so Tab, arrows, Space and Enter work.
"""

import html
import weakref

from nkcourse.display import WithFallback
from nkcourse.quiz import bank, grading, progress, render
from nkcourse.quiz.schema import Question

# Long option texts wrap instead of being cut off with "…".
STYLE = """<style>
.nkcourse-quiz .widget-radio-box label, .nkcourse-quiz .jupyter-widget-radio-box label {
  display: flex; align-items: flex-start; height: auto; line-height: 1.4;
  white-space: normal; margin: 3px 0;
}
.nkcourse-quiz .widget-radio-box input, .nkcourse-quiz .jupyter-widget-radio-box input {
  order: -1; float: none; flex: none; margin: 0.2em 6px 0 1px;
}
.nkcourse-quiz .widget-label-basic { height: auto; line-height: 1.4; white-space: normal; }
.nkcourse-quiz { border-top: 1px solid var(--jp-border-color2, #ccc); padding: 6px 0; }
</style>"""
# Colour-blind-safe accents; the words and signs carry the meaning.
ACCENT = {True: "#0072B2", False: "#D55E00", None: "#999999"}

_score_labels: dict[str, weakref.WeakSet] = {}


def show(lesson: str, qid: str | None = None) -> None:
    """Display the quiz; a plain console without IPython gets the text version."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:
        print(build_text(lesson, qid))
        return
    display(build(lesson, qid))


def _questions(lesson: str, qid: str | None) -> tuple[str, list[Question]]:
    quiz = bank.load(lesson)
    return quiz.title, [quiz.question(qid)] if qid else list(quiz.questions)


def build_text(lesson: str, qid: str | None = None) -> str:
    return render.as_text(*_questions(lesson, qid))


def build(lesson: str, qid: str | None = None) -> WithFallback:
    """The live quiz, with its static HTML and text fallbacks."""
    import ipywidgets as widgets

    title, questions = _questions(lesson, qid)
    score = widgets.Label(value=score_text(lesson))
    score.add_class("nkcourse-score")
    _score_labels.setdefault(lesson, weakref.WeakSet()).add(score)
    boxes = [
        QuestionWidget(question, lambda: _refresh_scores(lesson)).box for question in questions
    ]
    view = widgets.VBox([widgets.HTML(STYLE), *boxes, score])
    return WithFallback(view, render.as_html(title, questions), render.as_text(title, questions))


def score_text(lesson: str) -> str:
    row = next(row for row in progress.lesson_rows() if row["lesson"] == lesson)
    return (
        f"Your quiz score for lesson {lesson}: {row['points']:g} of {row['max_points']:g} "
        f"points ({row['correct']} of {row['questions']} questions right, "
        f"{row['answered']} tried)."
    )


def _refresh_scores(lesson: str) -> None:
    text = score_text(lesson)
    for label in _score_labels.get(lesson, ()):
        label.value = text


def feedback_html(result: grading.Result) -> str:
    accent = ACCENT[result.correct if result.valid else None]
    parts = [f"<p><strong>{html.escape(result.verdict)}</strong>"]
    if result.valid:
        parts.append(f" ({result.points:g} of {grading.points_label(result.max_points)})")
    parts.append(f". {html.escape(result.feedback)}</p>")
    if result.valid:
        parts.append(f"<p><strong>Why:</strong> {html.escape(result.explanation)}</p>")
        if result.cites:
            parts.append(f"<p><small>Sources: {html.escape('; '.join(result.cites))}</small></p>")
    return (
        f'<div role="status" style="border-left: 4px solid {accent}; padding-left: 8px">'
        + "".join(parts)
        + "</div>"
    )


class QuestionWidget:
    """One question: prompt, input, Check / Try again, and the feedback area."""

    def __init__(self, question: Question, on_attempt):
        import ipywidgets as widgets

        self.question = question
        self.on_attempt = on_attempt
        self.inputs = self._make_inputs(widgets)
        self.check = widgets.Button(
            description="Check", button_style="primary", tooltip="Check your answer"
        )
        self.again = widgets.Button(
            description="Try again",
            tooltip="Change your answer and check again",
            layout=widgets.Layout(display="none"),
        )
        self.feedback = widgets.HTML()
        self.feedback.add_class("nkcourse-feedback")
        self.check.on_click(self._on_check)
        self.again.on_click(self._on_again)
        prompt = widgets.HTML(
            f"<p><strong>{html.escape(render.heading(question))}</strong></p>"
            f"<p>{html.escape(question.prompt)}</p>"
            f"<p><em>{html.escape(render.answer_hint(question))}</em></p>"
        )
        self.box = widgets.VBox(
            [prompt, *self.inputs, widgets.HBox([self.check, self.again]), self.feedback]
        )
        self.box.add_class("nkcourse-quiz")
        self.box.add_class(f"nkcourse-quiz-{question.lesson}-{question.id}")

    def _make_inputs(self, widgets) -> list:
        question = self.question
        wide = widgets.Layout(width="auto")
        if question.kind == "single":
            labels = [(f"{option.key}) {option.text}", option.key) for option in question.options]
            return [widgets.RadioButtons(options=labels, value=None, layout=wide)]
        if question.kind == "multiple":
            return [
                widgets.Checkbox(
                    description=f"{option.key}) {option.text}", indent=False, layout=wide
                )
                for option in question.options
            ]
        # A Text, not a FloatText, for numbers too: an empty box is "no answer", not 0.
        placeholder = "a number" if question.kind == "numeric" else "your answer"
        unit = f" ({question.unit})" if question.kind == "numeric" and question.unit else ""
        return [widgets.Text(placeholder=placeholder, description=f"Answer{unit}:", layout=wide)]

    def answer(self):
        """What the student has entered, in the form ``grading.grade`` reads."""
        if self.question.kind == "multiple":
            return [
                option.key
                for option, box in zip(self.question.options, self.inputs, strict=True)
                if box.value
            ]
        return self.inputs[0].value

    def _on_check(self, _button=None) -> grading.Result:
        result = grading.grade(self.question.lesson, self.question.id, self.answer())
        self.feedback.value = feedback_html(result)
        if result.valid:
            self._set_answering(False)
            self.on_attempt()
        return result

    def _on_again(self, _button=None) -> None:
        self.feedback.value = ""
        self._set_answering(True)

    def _set_answering(self, answering: bool) -> None:
        """While answering: inputs and Check; after an attempt: the feedback and Try again."""
        for control in self.inputs:
            control.disabled = not answering
        self.check.layout.display = None if answering else "none"
        self.again.layout.display = "none" if answering else None
        (self.inputs[0] if answering else self.again).focus()
