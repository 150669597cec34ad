"""The questions as static HTML and plain text, for wherever widgets cannot run.

Prompts and options only: no answers and no feedback, which stay sealed until an attempt.
"""

import html

from nkcourse.quiz.grading import points_label
from nkcourse.quiz.schema import Question

HOW_TO = (
    "Open this notebook in JupyterLab and run the cell to answer here, "
    'or call quiz.grade("{lesson}", "{qid}", answer).'
)


def answer_hint(question: Question) -> str:
    if question.kind == "numeric":
        return (
            f"Answer with a number ({question.unit})." if question.unit else "Answer with a number."
        )
    if question.kind == "text":
        return "Answer with a short text."
    if question.kind == "multiple":
        return "Choose every option that applies."
    return "Choose one option."


def heading(question: Question) -> str:
    """E.g. "Question q2 (1 point)": the id is what ``quiz.grade`` needs."""
    return f"Question {question.id} ({points_label(question.points)})"


def as_text(title: str, questions: list[Question]) -> str:
    lines = [f"Quiz · {title}"]
    for question in questions:
        lines += ["", heading(question), question.prompt, answer_hint(question)]
        lines += [f"  {option.key}) {option.text}" for option in question.options]
        lines.append(HOW_TO.format(lesson=question.lesson, qid=question.id))
    return "\n".join(lines)


def as_html(title: str, questions: list[Question]) -> str:
    parts = [
        f'<div class="nkcourse-quiz-static"><p><strong>Quiz · {html.escape(title)}</strong></p>'
    ]
    for question in questions:
        parts.append(
            "<div>"
            f"<p><strong>{html.escape(heading(question))}</strong></p>"
            f"<p>{html.escape(question.prompt)}</p>"
            f"<p><em>{html.escape(answer_hint(question))}</em></p>"
        )
        if question.options:
            items = "".join(
                f"<li>{option.key}) {html.escape(option.text)}</li>" for option in question.options
            )
            parts.append(f'<ul style="list-style: none">{items}</ul>')
        how = HOW_TO.format(lesson=question.lesson, qid=question.id)
        parts.append(f"<p><small>{html.escape(how)}</small></p></div>")
    parts.append("</div>")
    return "".join(parts)
