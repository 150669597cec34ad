"""Every explanation rests on a real dataset row or corpus paragraph."""

import sys
import types

import pandas as pd
import pytest

import nkcourse
from nkcourse.quiz import bank, cites
from nkcourse.quiz.schema import parse_bank

DATASETS = ["resolutions", "trade"]  # the stand-in data module's names


def _shipped_banks():
    return [bank.load(lesson) for lesson in bank.lessons()]


def test_every_cite_in_the_shipped_banks_points_at_real_data():
    banks = _shipped_banks()
    assert sum(len(q.cites) for b in banks for q in b.questions) > 0
    assert cites.problems(banks) == []


def _fake(monkeypatch, name, **functions):
    module = types.SimpleNamespace(**functions)
    monkeypatch.setitem(sys.modules, f"nkcourse.{name}", module)
    monkeypatch.setattr(nkcourse, name, module, raising=False)


@pytest.fixture
def fake_sources(monkeypatch):
    """Stand-ins for nkcourse.data and nkcourse.corpus with the documented API."""
    trade = pd.DataFrame({"partner": ["China", "Russia"], "period": ["2017-Q1", "2017"]})
    _fake(monkeypatch, "data", names=lambda: list(DATASETS), load=lambda name: trade.copy())
    paragraphs = pd.DataFrame({"doc_id": ["fpri_2017"] * 3, "para_no": [1, 2, 3]})
    corpus = types.SimpleNamespace(paragraphs=lambda: paragraphs.copy())
    _fake(monkeypatch, "corpus", load=lambda: corpus)


def _bank_citing(*entries):
    question = {
        "id": "q1",
        "kind": "single",
        "points": 1,
        "prompt": "p",
        "explanation": "e",
        "cites": list(entries),
        "options": [
            {"text": "x", "correct": True, "feedback": "f"},
            {"text": "y", "feedback": "g"},
        ],
    }
    return parse_bank({"lesson": "04", "title": "t", "questions": [question]}, "test")


def test_good_cites_pass(fake_sources):
    good = _bank_citing(
        {"dataset": "trade", "row": "partner == 'China' and period == '2017-Q1'"},
        {"corpus": "fpri_2017", "para": 3},
    )
    assert cites.problems([good]) == []


@pytest.mark.parametrize(
    ("cite", "says"),
    [
        ({"dataset": "trades", "row": "partner == 'China'"}, "no dataset named 'trades'"),
        ({"dataset": "trade", "row": "partner == 'Japan'"}, "no row matches"),
        ({"dataset": "trade", "row": "country == 'China'"}, "the query fails"),
        ({"corpus": "fpri_2017", "para": 4}, "fpri_2017, paragraph 4: no such paragraph"),
        ({"corpus": "fpri", "para": 1}, "no corpus document 'fpri'"),
    ],
)
def test_bad_cites_are_named_with_lesson_and_question(fake_sources, cite, says):
    found = cites.problems([_bank_citing(cite)])
    assert len(found) == 1
    assert found[0].startswith("lesson 04, question q1: ") and says in found[0]


def test_a_cite_reads_as_one_short_line():
    assert cites.describe({"corpus": "fpri_2017", "para": 7}) == "fpri_2017, paragraph 7"
    row = {"dataset": "trade", "row": "partner == 'China'"}
    assert cites.describe(row) == "dataset 'trade', rows where partner == 'China'"
