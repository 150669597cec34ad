"""A sample bank with every question kind, installed as the only shipped bank.

Bank 00 has only choice questions; this one also exercises numeric and text questions.
Other quiz test modules import the ``sample_bank`` fixture from here.
"""

import copy
import json

import pytest

from nkcourse import integrity
from nkcourse.quiz import bank
from nkcourse.quiz.schema import parse_bank
from nkcourse.quiz.sealing import seal_bank

SAMPLE = {
    "lesson": "04",
    "title": "Sample: every kind of question",
    "questions": [
        {
            "id": "q1",
            "kind": "single",
            "points": 1,
            "prompt": "Which partner is the sample about?",
            "options": [
                {"text": "China", "correct": True, "feedback": "SINGLE-A-RIGHT"},
                {"text": "Russia", "feedback": "SINGLE-B-WRONG"},
                {"text": "Japan", "feedback": "SINGLE-C-WRONG"},
            ],
            "explanation": "SINGLE-EXPLANATION",
            "cites": [{"corpus": "fpri_2017", "para": 1}],
        },
        {
            "id": "q2",
            "kind": "multiple",
            "points": 2,
            "prompt": "Tick the two right ones.",
            "options": [
                {"text": "first", "correct": True, "feedback": "MULTI-A-RIGHT"},
                {"text": "second", "feedback": "MULTI-B-WRONG"},
                {"text": "third", "correct": True, "feedback": "MULTI-C-RIGHT"},
            ],
            "explanation": "MULTI-EXPLANATION",
            "cites": [{"dataset": "trade", "row": "partner == 'China'"}],
        },
        {
            "id": "q3",
            "kind": "numeric",
            "points": 1,
            "prompt": "By how many percent did the sample figure grow?",
            "value": 37.4,
            "tolerance": 0.5,
            "unit": "%",
            "feedback": {"correct": "NUMERIC-RIGHT", "incorrect": "NUMERIC-WRONG"},
            "mistakes": [{"value": 40, "tolerance": 1, "feedback": "NUMERIC-ROUNDED"}],
            "explanation": "NUMERIC-EXPLANATION",
            "cites": [{"dataset": "trade", "row": "period == '2017-Q1'"}],
        },
        {
            "id": "q4",
            "kind": "text",
            "points": 1,
            "prompt": "Which capital is meant?",
            "accepted": ["Beijing", "Peking"],
            "feedback": {"correct": "TEXT-RIGHT", "incorrect": "TEXT-WRONG"},
            "mistakes": [{"answers": ["Moscow"], "feedback": "TEXT-MOSCOW"}],
            "explanation": "TEXT-EXPLANATION",
            "cites": [{"corpus": "cipher_brief_2017", "para": 2}],
        },
    ],
}


def sample() -> dict:
    """A fresh copy, safe to break in a test."""
    return copy.deepcopy(SAMPLE)


@pytest.fixture
def sample_bank(tmp_path, monkeypatch):
    """Ship SAMPLE (sealed, with its manifest) as the package's only bank."""
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "04.json").write_text(json.dumps(seal_bank(sample())), encoding="utf-8")
    integrity.write_manifest(banks, ["04.json"])
    monkeypatch.setattr(bank, "BANKS_DIR", banks)
    return banks


def test_the_sample_bank_is_valid():
    parsed = parse_bank(sample(), "sample")
    assert [q.kind for q in parsed.questions] == ["single", "multiple", "numeric", "text"]
