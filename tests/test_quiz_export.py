"""The start notebook, run by a kernel and saved without widget state (as nbconvert, CI
artefacts and GitHub see it), still shows the quiz as readable questions, not answers."""

import html
import json
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _visible_text(page: str) -> str:
    without_code = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", without_code)).split())


def test_an_executed_and_saved_start_notebook_exports_readable_quiz_text(tmp_path):
    notebook = nbformat.read(ROOT / "notebooks" / "00-start.ipynb", as_version=4)
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        store_widget_state=False,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    saved = tmp_path / "00-start.ipynb"
    nbformat.write(notebook, saved)
    notebook = nbformat.read(saved, as_version=4)
    quiz_outputs = [
        output["data"]
        for cell in notebook.cells
        if cell.cell_type == "code" and 'quiz.show("00")' in cell.source
        for output in cell.outputs
    ]
    assert len(quiz_outputs) == 1 and WIDGET_VIEW in quiz_outputs[0]
    assert "widgets" not in notebook.metadata

    page, _resources = HTMLExporter(template_name="lab").from_notebook_node(notebook)
    assert 'class="nkcourse-quiz-static"' in page  # the HTML fallback, not the plain text
    text = _visible_text(page)
    source = json.loads((ROOT / "quizzes" / "00.json").read_text(encoding="utf-8"))
    for question in source["questions"]:
        assert " ".join(question["prompt"].split()) in text
        for option in question["options"]:
            assert f"{'abcdefghij'[question['options'].index(option)]}) {option['text']}" in text
            assert option["feedback"] not in text
        assert question["explanation"] not in text
