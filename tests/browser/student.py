"""What a student does with a lesson's widgets, done with the mouse and keyboard.

Each function returns a list of problems (empty when all went as a student should see
it), or None when the notebook has no such widget. The right answer to a quiz comes from
the question bank, through the same ``nkcourse.quiz`` code the Check button uses, never
from a copy in this test.
"""

import html
import re
import time

QUIZ = ".nkcourse-quiz"
QUIZ_ID = re.compile(r"\bnkcourse-quiz-(\d\d)-(q\d+)\b")
FEEDBACK = ".nkcourse-feedback"
EXPLORER = ".nkcourse-explorer"
CHECK_CALL = re.compile(r"\.check\(\s*\)")
NOT_ATTEMPTED = "not attempted"
WAIT_S = 10


def answer_quiz(page) -> list[str] | None:
    """Answer the first quiz question wrongly, read the feedback, then rightly, and read it."""
    from nkcourse.quiz import bank, grading

    boxes = page.locator(f"{QUIZ}[class*='nkcourse-quiz-']")
    if boxes.count() == 0:
        return None
    box = boxes.first
    box.scroll_into_view_if_needed()
    found = QUIZ_ID.search(box.get_attribute("class"))
    if not found:
        classes = box.get_attribute("class")
        return [f"a quiz widget has no nkcourse-quiz-<lesson>-<qid> class: {classes}"]
    lesson, qid = found.groups()
    question = bank.question(lesson, qid)
    wrong, right = _wrong_and_right(question)
    problems = []
    for attempt, answer in (("wrong", wrong), ("right", right)):
        if attempt == "right":
            box.get_by_role("button", name="Try again", exact=True).click()
        _enter_answer(box, question, answer)
        box.get_by_role("button", name="Check", exact=True).click()
        expected = grading.grade(lesson, qid, answer, record=False)
        sign = grading.RIGHT if attempt == "right" else grading.WRONG
        shown = _wait_for_text(box.locator(FEEDBACK), sign)
        # The feedback must be the grader's verdict and its explanation, for this answer.
        for part in (expected.verdict, expected.feedback[:60]):
            if part not in shown:
                problems.append(
                    f"quiz {lesson}/{qid}: after a {attempt} answer ({answer!r}) the feedback "
                    f"should contain {part!r} but reads {shown[:200]!r}"
                )
    return problems


def _wrong_and_right(question):
    """A wrong answer and the right one, in the form ``grading.grade`` reads."""
    if question.kind == "single":
        right = sorted(question.correct_keys)[0]
        wrong = next(option.key for option in question.options if not option.correct)
        return wrong, right
    if question.kind == "multiple":
        right = sorted(question.correct_keys)
        wrong = right[1:] or [next(o.key for o in question.options if not o.correct)]
        return wrong, right
    if question.kind == "numeric":
        far = question.value + 10 * (abs(question.value) + question.tolerance + 1)
        return f"{far:g}", f"{question.value:g}"
    return "certainly not this", question.accepted[0]


def _enter_answer(box, question, answer) -> None:
    if question.kind == "single":
        box.locator(".widget-radio-box label").filter(
            has_text=re.compile(rf"^\s*{answer}\)")
        ).locator("input").check()
    elif question.kind == "multiple":
        for option in question.options:
            # Match the visible label only: ipywidgets puts a zero-width space (not
            # whitespace to a regex) in the checkbox's hidden description label.
            checkbox = (
                box.locator(".widget-checkbox .widget-label-basic")
                .filter(has_text=re.compile(rf"^\s*{option.key}\)"))
                .locator("input")
            )
            checkbox.set_checked(option.key in answer)
    else:
        box.locator("input[type='text']").fill(str(answer))


def _wait_for_text(locator, wanted: str) -> str:
    deadline = time.monotonic() + WAIT_S
    text = ""
    while time.monotonic() < deadline:
        text = locator.inner_text() if locator.count() else ""
        if wanted in text:
            break
        time.sleep(0.1)
    return html.unescape(text)


def move_explorers(page) -> list[str] | None:
    """Change each explorer's first control and see its chart or table change."""
    explorers = page.locator(EXPLORER)
    if explorers.count() == 0:
        return None
    problems = []
    for number, explorer in enumerate(explorers.all(), start=1):
        explorer.scroll_into_view_if_needed()
        result = explorer.locator(".widget-output").first
        before = _picture_of(result)
        control = _change_first_control(explorer)
        if control is None:
            problems.append(f"explorer {number} has no slider, dropdown, toggle or radio control")
        elif not _changes(result, before):
            problems.append(f"changing explorer {number}'s {control} did not change its result")
    return problems


def _changes(result, before: dict) -> bool:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        after = _picture_of(result)
        if after != before and after["drawn"]:
            return True
        time.sleep(0.2)
    return False


def _picture_of(result) -> dict:
    """What the student sees: the text, and the pixels of any chart (canvas or SVG)."""
    return result.evaluate(
        """(node) => ({
          text: node.innerText,
          canvases: [...node.querySelectorAll('canvas.marks')].map((c) => c.toDataURL()),
          svgs: [...node.querySelectorAll('svg.marks')].map((s) => s.outerHTML),
          drawn: !node.querySelector('.jp-RenderedVegaLite')
            || !!node.querySelector('canvas.marks, svg.marks'),
        })"""
    )


def _change_first_control(explorer) -> str | None:
    """Change one control with the mouse or keyboard; returns what kind of control it was."""
    selects = explorer.locator("select")
    if selects.count():
        select = selects.first
        options = select.locator("option").all_inner_texts()
        current = select.evaluate("(s) => s.options[s.selectedIndex]?.text")
        select.select_option(label=next(o for o in options if o != current))
        return "dropdown"
    handles = explorer.locator(".noUi-handle")
    if handles.count():
        handle = handles.first
        handle.focus()
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        handle.press("ArrowLeft" if at_max else "ArrowRight")
        return "slider"
    for kind, selector in (
        ("toggle", ".widget-toggle-buttons button:not(.mod-active)"),
        ("radio", ".widget-radio-box input:not(:checked)"),
    ):
        others = explorer.locator(selector)
        if others.count():
            others.first.click()
            return kind
    return None


def run_a_check(notebook) -> list[str] | None:
    """Run the first ``.check()`` cell again (Shift+Enter) and read its message.

    The notebook is run with its blanks (``____``) in place, so the check must say the
    question is not attempted, as a message, not as an error.
    """
    index = notebook.first_cell_index(CHECK_CALL)
    if index is None:
        return ["the exercise notebook has no cell that calls .check()"]
    notebook.run_cell(index)
    after = notebook.cell_output(index)
    problems = []
    if after["error"]:
        problems.append(f"cell {index + 1}: the check raised an error: {after['error']}")
    if NOT_ATTEMPTED not in after["text"].lower():
        problems.append(
            f"cell {index + 1}: with the blank in place the check should say "
            f"{NOT_ATTEMPTED!r}, but it reads {after['text'][:200]!r}"
        )
    return problems
