"""The banks: they validate, grade as their authors wrote them, and ship answers sealed."""

import importlib.util
import json
from pathlib import Path

import pytest
from test_quiz_fixtures import SAMPLE, sample, sample_bank  # noqa: F401

from nkcourse.errors import NkcourseError
from nkcourse.quiz import bank, grade
from nkcourse.quiz.schema import BankError, parse_bank
from nkcourse.quiz.sealing import seal_bank, unseal_bank

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "quizzes").glob("*.json"))
LETTERS = "abcdefghij"


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "build_quiz_banks", ROOT / "tools/build_quiz_banks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _author_cases(plain: dict):
    """(question id, answer, expect correct, expected feedback) from the author's source."""
    for q in plain["questions"]:
        if q["kind"] in ("single", "multiple"):
            right = [LETTERS[i] for i, o in enumerate(q["options"]) if o.get("correct")]
            if q["kind"] == "single":
                for i, option in enumerate(q["options"]):
                    yield q["id"], LETTERS[i], bool(option.get("correct")), option["feedback"]
            else:
                yield q["id"], right, True, q["options"][LETTERS.index(right[0])]["feedback"]
                for i, option in enumerate(q["options"]):
                    letter = LETTERS[i]
                    if option.get("correct"):  # leaving out a right one
                        answer = [x for x in right if x != letter] or [
                            LETTERS[j] for j, o in enumerate(q["options"]) if not o.get("correct")
                        ][:1]
                    else:  # ticking a wrong one too
                        answer = right + [letter]
                    yield q["id"], answer, False, option["feedback"]
        elif q["kind"] == "numeric":
            for answer in (q["value"], q["value"] + q["tolerance"], q["value"] - q["tolerance"]):
                yield q["id"], answer, True, q["feedback"]["correct"]
            for mistake in q.get("mistakes", []):
                yield q["id"], mistake["value"], False, mistake["feedback"]
            far = q["value"] + 10 * (q["tolerance"] + 1) + 1e6
            yield q["id"], far, False, q["feedback"]["incorrect"]
        else:
            for accepted in q["accepted"]:
                yield q["id"], accepted, True, q["feedback"]["correct"]
                yield q["id"], f"  {accepted.upper()}  ", True, q["feedback"]["correct"]
            for mistake in q.get("mistakes", []):
                for answer in mistake["answers"]:
                    yield q["id"], answer, False, mistake["feedback"]
            yield q["id"], "certainly not this 1234", False, q["feedback"]["incorrect"]


def _check_grades(lesson: str, plain: dict):
    cases = list(_author_cases(plain))
    assert cases
    for qid, answer, expect_correct, feedback in cases:
        result = grade(lesson, qid, answer)
        assert result.valid, (qid, answer, result.feedback)
        assert result.correct is expect_correct, (qid, answer)
        assert feedback in result.feedback, (qid, answer, result.feedback)
        assert result.explanation
        points = next(q["points"] for q in plain["questions"] if q["id"] == qid)
        assert result.max_points == points
        assert result.points == (points if expect_correct else 0)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_shipped_question_grades_as_its_author_wrote(source):
    plain = json.loads(source.read_text(encoding="utf-8"))
    _check_grades(source.stem, plain)


def test_every_kind_grades_as_its_author_wrote(sample_bank):  # noqa: F811
    _check_grades("04", SAMPLE)


def test_wrong_choices_get_only_their_own_feedback(sample_bank):  # noqa: F811
    assert grade("04", "q1", "b").feedback == "SINGLE-B-WRONG"
    both = grade("04", "q2", ["a", "b"]).feedback
    assert "MULTI-B-WRONG" in both and "MULTI-C-RIGHT" in both and "MULTI-A-RIGHT" not in both


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_source_bank_validates(source):
    plain = json.loads(source.read_text(encoding="utf-8"))
    parsed = parse_bank(plain, source.name, lesson=source.stem)
    assert [q.id for q in parsed.questions] == [q["id"] for q in plain["questions"]]


def test_every_shipped_bank_loads():
    lessons = bank.lessons()
    assert "00" in lessons
    assert lessons == sorted(p.stem for p in SOURCES)
    for lesson in lessons:
        assert bank.load(lesson).questions


def test_shipped_banks_are_a_fresh_build_of_the_sources(tmp_path):
    tool = _load_tool()
    built = tool.build(ROOT / "quizzes")
    assert tool.stale(built, bank.BANKS_DIR) == []
    tool.write(built, tmp_path)
    for name in built:
        assert (tmp_path / name).read_bytes() == (bank.BANKS_DIR / name).read_bytes()


def test_build_tool_check_names_an_out_of_date_bank(tmp_path):
    tool = _load_tool()
    built = tool.build(ROOT / "quizzes")
    tool.write(built, tmp_path)
    (tmp_path / "00.json").write_text("{}")
    assert tool.stale(built, tmp_path) == ["00.json"]
    tool.write(built, tmp_path)
    (tmp_path / "07.json").write_text("{}")  # a bank without a source
    assert tool.stale(built, tmp_path) == ["07.json"]


def test_build_tool_reports_json_mistakes_by_file_and_line(tmp_path):
    tool = _load_tool()
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "03.json").write_text('{\n  "lesson": "03",\n  "lesson": "03"\n}')
    with pytest.raises(BankError, match=r"quizzes/03.json.*'lesson' appears twice"):
        tool.build(quizzes)
    (quizzes / "03.json").write_text('{\n  "lesson": "03",\n}')
    with pytest.raises(BankError, match=r"quizzes/03.json is not valid JSON: line 3"):
        tool.build(quizzes)
    (quizzes / "03.json").unlink()
    (quizzes / "3.json").write_text("{}")
    with pytest.raises(BankError, match=r"3.json: name bank files after their lesson"):
        tool.build(quizzes)


def test_sealing_round_trips_and_hides_answers():
    shipped = seal_bank(sample())
    assert unseal_bank(shipped, "x") == sample()
    text = json.dumps(shipped)
    for hidden in ("RIGHT", "WRONG", "EXPLANATION", "Beijing", "37.4", "correct", "fpri_2017"):
        assert hidden not in text
    for shown in ("Which partner is the sample about?", "Russia", "Tick the two right ones."):
        assert shown in text


def _written_forms(text: str) -> set[str]:
    """How ``text`` can appear inside a JSON file, escaped or not (quotes, ’, …)."""
    return {json.dumps(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1]}


def test_shipped_bank_hides_feedback_and_explanations():
    for source in SOURCES:
        plain = json.loads(source.read_text(encoding="utf-8"))
        shipped_text = (bank.BANKS_DIR / source.name).read_text(encoding="utf-8")
        shipped = {q["id"]: q for q in json.loads(shipped_text)["questions"]}
        for q in plain["questions"]:
            hidden = [q["explanation"], *(o["feedback"] for o in q.get("options", []))]
            for text in hidden:
                assert not any(form in shipped_text for form in _written_forms(text)), text
            options = [option["text"] for option in q.get("options", [])]
            assert shipped[q["id"]].get("options", []) == options


def test_an_edited_shipped_bank_gives_a_friendly_error(sample_bank):  # noqa: F811
    shipped = json.loads((sample_bank / "04.json").read_text())
    shipped["questions"][0]["prompt"] = "edited"
    (sample_bank / "04.json").write_text(json.dumps(shipped))
    with pytest.raises(NkcourseError, match=r"04.json has been edited or is corrupt"):
        bank.load("04")


def test_damaged_sealed_data_names_the_file_and_question():
    shipped = seal_bank(sample())
    shipped["questions"][2]["sealed"] = "not base64!"
    with pytest.raises(BankError, match=r"banks/04.json is damaged.*question q3"):
        unseal_bank(shipped, "banks/04.json")


def test_unknown_lesson_or_question_is_a_friendly_error(tmp_path, monkeypatch):
    with pytest.raises(NkcourseError, match=r"no lesson '9'.*quiz.show\(\"00\"\)"):
        grade("9", "q1", "a")
    with pytest.raises(NkcourseError, match=r"no quiz question 'q99'; its questions are q1"):
        grade("00", "q99", "a")
    monkeypatch.setattr(bank, "BANKS_DIR", tmp_path)  # a course whose banks are not written yet
    with pytest.raises(NkcourseError, match=r"Lesson 08 has no quiz yet"):
        grade("08", "q1", "a")


def _broken(change) -> str:
    plain = sample()
    change(plain)
    with pytest.raises(BankError) as caught:
        parse_bank(plain, "quizzes/04.json", lesson="04")
    return str(caught.value)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda b: b["questions"][1].update(id="q1"), "question q1: this id is used twice"),
        (lambda b: b["questions"][0].update(kind="essay"), "question q1: kind must be one of"),
        (
            lambda b: b["questions"][0].update(points=0),
            "question q1: points must be a number above 0",
        ),
        (lambda b: b["questions"][0].update(points=True), "question q1: points must be a number"),
        (
            lambda b: b["questions"][2].update(tolerance=-1),
            "question q3: tolerance must be a number >= 0",
        ),
        (lambda b: b["questions"][2].update(value="37"), "question q3: value must be a number"),
        (
            lambda b: b["questions"][2]["mistakes"][0].update(value=37.6),
            "q3, mistake 1: its range overlaps",
        ),
        (
            lambda b: b["questions"][3]["mistakes"][0].update(answers=["beijing"]),
            "q4, mistake 1: one of its answers is also",
        ),
        (
            lambda b: b["questions"][3].update(accepted=[]),
            "question q4: accepted must be a non-empty list",
        ),
        (
            lambda b: b["questions"][0]["options"][1].update(correct=True),
            "question q1: a single-choice question needs exactly 1",
        ),
        (
            lambda b: [o.pop("correct", None) for o in b["questions"][1]["options"]],
            "question q2: a multiple-choice question needs at least 1",
        ),
        (
            lambda b: b["questions"][0]["options"][2].pop("feedback"),
            "question q1, option c: feedback must be a non-empty string",
        ),
        (
            lambda b: b["questions"][0]["options"][2].update(text="China"),
            "question q1: two options have the same text",
        ),
        (
            lambda b: b["questions"][0]["options"][0].update(feedbak="x"),
            "question q1, option a: unknown field 'feedbak'",
        ),
        (
            lambda b: b["questions"][0].update(options=b["questions"][0]["options"][:1]),
            "question q1: options must be a list of 2 to",
        ),
        (
            lambda b: b["questions"][0].update(value=3),
            "question q1: unknown field 'value' for a single question",
        ),
        (
            lambda b: b["questions"][0].pop("explanation"),
            "question q1: missing field 'explanation'",
        ),
        (lambda b: b["questions"][0].update(cites=[]), "question q1: cites is empty"),
        (
            lambda b: b["questions"][0].update(cites=[{"corpus": "fpri_2017"}]),
            "question q1: cite {'corpus': 'fpri_2017'} must be",
        ),
        (lambda b: b["questions"][0].update(id="Q1"), "question Q1: id must look like q1"),
        (
            lambda b: b["questions"][2].update(feedback={"correct": "x"}),
            "question q3: feedback must be",
        ),
        (lambda b: b.update(lesson="4"), "top level: lesson must be one of"),
        (
            lambda b: b.update(lesson="05"),
            "top level: lesson is '05' but the file is named for '04'",
        ),
        (lambda b: b.update(questions=[]), "top level: questions must be a non-empty list"),
    ],
)
def test_schema_names_the_file_and_question(change, expected):
    message = _broken(change)
    assert "quizzes/04.json, " in message
    assert expected in message


def test_schema_copes_with_a_bank_that_is_not_even_close():
    garbled = {"lesson": "04", "title": "t", "questions": [{"id": ["q1"]}, "q2", {}]}
    with pytest.raises(BankError) as caught:
        parse_bank(garbled, "quizzes/04.json")
    message = str(caught.value)
    assert "question #1: kind must be one of" in message
    assert "question #2: a question is a JSON object" in message
    assert "question #3: kind must be one of" in message


def test_schema_reports_every_problem_at_once():
    def two_problems(plain):
        plain["questions"][0]["points"] = -1
        plain["questions"][3]["accepted"] = "Beijing"

    message = _broken(two_problems)
    assert message.startswith("2 problems in a quiz bank")
    assert "question q1: points" in message and "question q4: accepted" in message


def test_lesson_00_may_leave_cites_empty():
    plain = sample()
    plain["lesson"] = "00"
    for question in plain["questions"]:
        question["cites"] = []
    assert len(parse_bank(plain, "quizzes/00.json", lesson="00").questions) == 4
