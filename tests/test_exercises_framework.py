"""The exercise framework's parts: answer encoding, comparisons, questions, display."""

import json
import subprocess
import sys

import pytest

import __main__
from nkcourse.errors import NkcourseError
from nkcourse.exercises import ____, answers, compare
from nkcourse.exercises.outcome import CORRECT, ERROR, INCORRECT, MANUAL, NOT_ATTEMPTED, Outcome
from nkcourse.exercises.questions import (
    Mistake,
    QuoteQuestion,
    ValueQuestion,
    WrittenQuestion,
)


def roundtrip(value):
    return answers.decode(json.loads(json.dumps(answers.encode(value))))


def frame(**columns):
    import pandas as pd

    return pd.DataFrame(columns)


def value_question(variable="n", **overrides):
    settings = dict(
        prompt="How many?",
        answer=lambda: 40,
        solution="n = 40",
        hints=["Count them.", "Use len()."],
    )
    return ValueQuestion("q1", variable, **{**settings, **overrides})


# ---- answers: encode / decode ------------------------------------------------------------


def test_numbers_come_back_as_plain_python_numbers():
    import numpy as np

    assert roundtrip(np.int64(3)) == 3 and type(roundtrip(np.int64(3))) is int
    assert roundtrip(np.float64(0.5)) == 0.5 and type(roundtrip(np.float64(0.5))) is float
    assert roundtrip(True) is True and roundtrip(None) is None


def test_containers_keep_their_shape_and_keys():
    value = {"a": [1, (2, "x")], 3: {"nested": None}}
    assert roundtrip(value) == value
    assert isinstance(roundtrip((1, 2)), tuple)


def test_tables_keep_columns_index_and_dtypes():
    import pandas as pd

    table = frame(partner=["A", "B"], value=[1.5, 2.0], year=[2016, 2017]).set_index("partner")
    pd.testing.assert_frame_equal(roundtrip(table), table)
    series = table["value"]
    pd.testing.assert_series_equal(roundtrip(series), series)


def test_a_whole_loaded_dataset_is_encoded_as_a_table():
    import pandas as pd

    from nkcourse import data

    loaded = data.load("events")
    assert type(loaded) is not pd.DataFrame  # a per-dataset subclass, for help()
    decoded = roundtrip(loaded)
    assert type(decoded) is pd.DataFrame
    assert list(decoded.columns) == list(loaded.columns) and len(decoded) == len(loaded)


def test_the_blank_and_unusable_values_are_tagged():
    assert answers.encode(____) == {"type": "placeholder"}
    assert roundtrip(____) is ____
    unusable = roundtrip(len)
    assert isinstance(unusable, answers.Unusable)
    assert "builtin_function_or_method" in compare.describe(unusable)


def test_an_oversized_answer_is_refused(monkeypatch):
    monkeypatch.setattr(answers, "MAX_ANSWER_CHARS", 50)
    tagged = answers.encode("x" * 100)
    assert tagged["type"] == "too_large"
    assert "too large" in compare.describe(answers.decode(tagged))


def test_a_chart_that_cannot_be_built_is_reported_not_raised():
    import altair as alt

    broken = alt.Chart(frame(year=[2016])).mark_bar().encode(x="no_such_column")
    tagged = answers.encode(broken)
    assert tagged["type"] == "invalid" and tagged["message"]


def test_extract_marks_undefined_names_missing():
    found = json.loads(answers.extract(["a", "b"], {"a": 1}))
    assert found == {"a": {"type": "number", "value": 1}, "b": {"type": "missing"}}


# ---- comparisons -----------------------------------------------------------------------


def test_numbers_compare_within_tolerance_and_say_what_is_off():
    assert compare.compare_values("n", 1.0000001, 1.0, 1e-6, 0) is None
    assert "don't round" in compare.compare_values("n", 0.25, 0.2537, 1e-6, 0)
    assert "Remove the quotes" in compare.compare_values("n", "25%", 0.25, 1e-6, 0)
    assert "not the right number" in compare.compare_values("n", 9.0, 0.25, 1e-6, 0)


def test_a_series_where_a_number_is_wanted_gets_a_way_out():
    message = compare.compare_values("n", frame(v=[1, 2])["v"], 3, 1e-6, 0)
    assert "Series" in message and ".iloc[0]" in message


def test_text_ignores_case_and_spacing_only():
    assert compare.compare_values("c", "  north   KOREA ", "North Korea", 0, 0) is None
    assert compare.compare_values("c", "South Korea", "North Korea", 0, 0) is not None


def test_a_groupby_series_equals_the_same_table_in_any_row_order():
    data = frame(partner=["B", "A", "B"], value=[1.0, 2.0, 3.0])
    as_series = data.groupby("partner")["value"].sum()
    as_table = frame(partner=["B", "A"], value=[4.0, 2.0])
    assert compare.compare_frames("t", as_series, as_table, 1e-6, 0, False, False) is None
    assert compare.compare_frames("t", as_series, as_table, 1e-6, 0, True, False) is not None


def test_table_messages_name_the_problem_without_the_answer():
    want = frame(partner=["A", "B"], value=[1.0, 2.0])
    missing = compare.compare_frames("t", frame(partner=["A", "B"]), want, 1e-6, 0, False, False)
    assert "missing the column(s) 'value'" in missing
    rows = compare.compare_frames("t", want.head(1), want, 1e-6, 0, False, False)
    assert "1 rows; it should have 2" in rows
    wrong = frame(partner=["A", "B"], value=[1.0, 7.5])
    message = compare.compare_frames("t", wrong, want, 1e-6, 0, False, False)
    assert "column 'value'" in message and "2.0" not in message


def test_chart_table_aggregates_as_the_encoding_says():
    import altair as alt

    data = frame(year=[2016, 2016, 2017], value=[1.0, 2.0, 4.0])
    spec = roundtrip(alt.Chart(data).mark_bar().encode(x="year:O", y="sum(value):Q"))
    table = compare.chart_table(spec)
    assert table.to_dict("list") == {"x": [2016, 2017], "y": [3.0, 4.0]}
    filtered = roundtrip(alt.Chart(data).mark_bar().encode(x="year:O").transform_filter("1"))
    assert compare.chart_table(filtered) is None


def test_chart_comparison_checks_mark_channels_fields_and_data():
    import altair as alt

    data = frame(year=[2016, 2017], value=[1.0, 2.0], other=[5.0, 6.0])
    base = alt.Chart(data)
    want = roundtrip(base.mark_bar().encode(x="year:O", y="value:Q"))

    def problem(chart):
        return compare.compare_charts("c", roundtrip(chart), want, 1e-6, True)

    assert problem(base.mark_bar().encode(x="year:O", y="value:Q", color="year:N")) is None
    assert "mark_bar()" in problem(base.mark_point().encode(x="year:O", y="value:Q"))
    assert "no y encoding" in problem(base.mark_bar().encode(x="year:O"))
    assert "wrong field" in problem(base.mark_bar().encode(x="year:O", y="other:Q"))
    other_data = alt.Chart(frame(year=[2016, 2017], value=[1.0, 9.0]))
    assert "not right" in problem(other_data.mark_bar().encode(x="year:O", y="value:Q"))
    assert "Altair chart" in compare.compare_charts("c", {"mark": "bar"}, want, 1e-6, True)


# ---- questions -------------------------------------------------------------------------


def test_check_reads_the_notebook_variable_without_an_argument(monkeypatch):
    question = value_question()
    monkeypatch.setattr(__main__, "n", 40, raising=False)
    assert question.check().status == CORRECT
    monkeypatch.setattr(__main__, "n", ____)
    assert question.check().status == NOT_ATTEMPTED
    monkeypatch.delattr(__main__, "n")
    outcome = question.check()
    assert outcome.status == NOT_ATTEMPTED and "not defined yet" in outcome.message


def test_check_prefers_the_ipython_namespace(monkeypatch):
    import IPython

    class Shell:
        user_ns = {"n": 40}

    monkeypatch.setattr(IPython, "get_ipython", lambda: Shell())
    monkeypatch.setattr(__main__, "n", 3, raising=False)
    assert value_question().check().status == CORRECT


def test_correct_means_all_public_checks_passed():
    outcome = value_question().evaluate({"n": answers.encode(40)})
    assert outcome.message == "All public checks passed."


def test_a_declared_mistake_beats_the_generic_message():
    question = value_question(mistakes=[Mistake.scaled(1000, "That is in thousands.")])
    assert question.evaluate({"n": answers.encode(40_000)}).message == "That is in thousands."
    assert "not the right number" in question.evaluate({"n": answers.encode(7)}).message


def test_a_check_that_breaks_says_so_instead_of_raising():
    def broken():
        raise KeyError("no such dataset")

    outcome = value_question(answer=broken).evaluate({"n": answers.encode(1)})
    assert outcome.status == ERROR and "tell your instructor" in outcome.message


def test_a_question_can_read_several_variables():
    question = value_question(variable=("top", "share"), answer=lambda: ("China", 0.9))
    both = {"top": answers.encode("china"), "share": answers.encode(0.9)}
    assert question.evaluate(both).status == CORRECT
    wrong_share = {**both, "share": answers.encode(90)}
    assert question.evaluate(wrong_share).message.startswith("`share`")
    half_done = {**both, "share": answers.encode(____)}
    assert question.evaluate(half_done).status == NOT_ATTEMPTED


def test_quotes_must_be_word_for_word_but_spacing_does_not_count():
    question = QuoteQuestion(
        "q1",
        "quote",
        prompt="Quote it.",
        answer=lambda: "the cargo went north",
        text=lambda: "They said the cargo   went\nnorth in May.",
        min_words=3,
        must_mention=["cargo"],
        solution="quote = ...",
        hints=["Copy it."],
    )

    def status(text):
        outcome = question.evaluate({"quote": answers.encode(text)})
        return outcome.status, outcome.message

    assert status("the cargo went north in May.")[0] == CORRECT
    assert "word for word" in status("the cargo travelled north")[1]
    assert "mentions cargo" in status("went north in May.")[1]
    assert "at least 3 words" in status("north")[1]


def test_written_answers_are_recorded_for_the_instructor():
    question = WrittenQuestion(
        "q1",
        "why",
        prompt="Why?",
        answer=lambda: "Because the ports were closed to them.",
        solution="why = ...",
        hints=["Think."],
        min_words=3,
    )
    recorded = question.evaluate({"why": answers.encode("Ports were closed, mostly.")})
    assert recorded.status == MANUAL and "recorded" in recorded.message
    assert "4 words" in recorded.message
    short = question.evaluate({"why": answers.encode("Ports.")})
    assert short.status == INCORRECT and "1 words" in short.message


def test_hints_come_in_levels():
    question = value_question()
    assert repr(question.hint()).startswith("Hint 1 of 2 for q1: Count them.")
    assert "q1.hint(2)" in repr(question.hint())
    assert "last hint" in repr(question.hint(2))
    assert repr(question.hint(9)).startswith("Hint 2 of 2")
    for bad in (0, "2", True):
        with pytest.raises(NkcourseError, match="numbered from 1"):
            question.hint(bad)


def test_solution_shows_the_code():
    assert "n = 40" in value_question().solution()._repr_html_()


# ---- display ---------------------------------------------------------------------------


def test_outcomes_show_words_and_symbols_and_escape_the_message():
    outcome = Outcome("q1", INCORRECT, "`n` is <b>wrong</b>")
    html = outcome._repr_html_()
    assert "✗" in html and "Not yet" in html and "nkcourse-check-incorrect" in html
    assert "<code>n</code>" in html and "&lt;b&gt;" in html
    assert repr(Outcome("q1", CORRECT, "ok")) == "✓ q1: Correct. ok"
    assert Outcome("q1", MANUAL, "m").to_dict() == {
        "question": "q1",
        "status": MANUAL,
        "message": "m",
    }


def test_importing_the_framework_stays_light():
    code = (
        "import sys, nkcourse.exercises, nkcourse.exercises.questions, "
        "nkcourse.exercises.registry; "
        "print(sorted(m for m in ('pandas', 'altair', 'ipywidgets') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
