"""Exercise 05, Evasion: read dates and their precision, filter events to a channel, find a
passage with kwic, count mentions without the case trap, and chart events per month.

Every expected answer is computed from the packaged ``events`` dataset and the corpus, so
it follows the data if they are ever corrected.
"""

from nkcourse.analysis.evasion import OTHER, SHIPS
from nkcourse.exercises.questions import (
    ChartQuestion,
    FrameQuestion,
    Mistake,
    ValueQuestion,
    WrittenQuestion,
)


def _events():
    from nkcourse import data

    return data.load("events")


def events_2017():
    """The 2017 events with their channels, as the lesson builds them."""
    from nkcourse.analysis.evasion import categorise_events

    return categorise_events(_events())


def _row(event_words: str):
    events = _events()
    return events[events["event"].str.contains(event_words, regex=False)].iloc[0]


def _day(event_words: str) -> str:
    return _row(event_words)["date"].strftime("%Y-%m-%d")


def _corpus():
    from nkcourse import corpus

    return corpus.load(include_user=False)


def _bureau_39_paragraph() -> int:
    hits = _corpus().kwic("Bureau 39")
    return int(hits["para_no"].iloc[0])


def _dandong_count(columns=("event", "description"), case: bool = False) -> int:
    in_2017 = events_2017()
    found = False
    for column in columns:
        found = found | in_2017[column].str.contains("dandong", case=case)
    return int(found.sum())


def _ships(keep):
    rows = events_2017()
    return rows[keep(rows)].reset_index(drop=True)


def _per_month(drop_other: bool = False):
    rows = events_2017()
    if drop_other:
        rows = rows[rows["channel"] != OTHER]
    return rows.groupby("month", as_index=False).agg(events=("event", "size"))


def _month_chart(mark: str = "bar", drop_other: bool = False):
    import altair as alt

    chart = alt.Chart(_per_month(drop_other))
    chart = chart.mark_line() if mark == "line" else chart.mark_bar()
    return chart.encode(x="month:O", y="events:Q")


def _is_timestamp(answer) -> bool:
    from nkcourse.exercises.answers import Unusable

    return isinstance(answer, Unusable) and "Timestamp" in answer.kind


def _sentence_with(doc_id: str, words: str) -> str:
    sentences = _corpus().sentences()
    mine = sentences[(sentences["doc_id"] == doc_id) & sentences["text"].str.contains(words)]
    return mine["text"].iloc[0]


def _model_answer() -> str:
    backbone = _sentence_with("fpri_2017", "pop up")
    pattern = _sentence_with("cipher_brief_2017", "long pattern")
    return (
        "The articles suggest that off-the-books and illicit trade as a whole is hardest to "
        "shut down, because it is spread over many channels rather than one. The FPRI "
        f"article (paragraph 12) says: {backbone} In the Cipher Brief, Dennis Wilder "
        f"describes the same habit: {pattern} Their evidence is testimony and examples "
        "(Ri Jong Ho's account of oil bought off the books, Dandong's border traders, the "
        "new ferry to Vladivostok, FireEye's report), not measurements: the events dataset "
        "dates US actions against banks and firms, but nothing in it measures the trade "
        "that went around them."
    )


q1 = ValueQuestion(
    "q1",
    "ferry_left",
    prompt=(
        "On what day did the Man Gyong Bong leave Rajin on its first voyage to Vladivostok? "
        "Give the date as text, 'YYYY-MM-DD'."
    ),
    answer=lambda: _day("leaves Rajin"),
    solution=(
        'ferry = events[events["event"].str.contains("Man Gyong Bong")]\n'
        'ferry_left = ferry["date"].iloc[0].strftime("%Y-%m-%d")  # the \'leaves Rajin\' row'
    ),
    hints=[
        "Two rows of events name the Man Gyong Bong: one for leaving, one for arriving.",
        "Read the event column of each; .strftime('%Y-%m-%d') turns a date into text.",
    ],
    mistakes=[
        Mistake(
            "That is the day the ferry arrived in Vladivostok. The question asks when it "
            "left Rajin: read the event column of the two rows.",
            lambda right: _day("arrives Vladivostok"),
        ),
        Mistake(
            "That is a pandas Timestamp. Give the date as text: row_date.strftime('%Y-%m-%d').",
            lambda right: __import__("pandas").Timestamp(right),
            matches=_is_timestamp,
        ),
    ],
)

q2 = FrameQuestion(
    "q2",
    "ship_events",
    prompt=(
        "From events_2017, keep the rows whose main channel (the channel column) is "
        f"'{SHIPS}'. Keep all the columns."
    ),
    answer=lambda: _ships(lambda rows: rows["channel"] == SHIPS),
    solution='ship_events = events_2017[events_2017["channel"] == ev.SHIPS]',
    hints=[
        "Compare the channel column with ev.SHIPS and use the result to pick rows.",
        'events_2017[events_2017["channel"] == ev.SHIPS]',
    ],
    mistakes=[
        Mistake(
            "You kept every event that matches the ships keywords among all its channels, "
            "including one whose main channel is another. Filter on the channel column.",
            lambda right: _ships(lambda rows: rows["all_channels"].str.contains(SHIPS)),
        ),
        Mistake(
            "You kept every event except the ships channel: use == rather than !=.",
            lambda right: _ships(lambda rows: rows["channel"] != SHIPS),
        ),
    ],
)

q3 = ValueQuestion(
    "q3",
    "bureau_para",
    prompt=(
        "In which paragraph (its para_no) does the FPRI article mention Bureau 39? Find it "
        "with kwic."
    ),
    answer=_bureau_39_paragraph,
    solution=('hits = articles.kwic("Bureau 39")\nbureau_para = int(hits["para_no"].iloc[0])'),
    hints=[
        'articles.kwic("Bureau 39") gives one row per use, with doc_id and para_no.',
        'Take the para_no of the first row: hits["para_no"].iloc[0].',
    ],
    mistakes=[
        Mistake(
            "0 is the row label of the kwic table, not a paragraph number: read the para_no "
            "column.",
            lambda right: 0,
        ),
        Mistake(
            "Paragraphs are numbered from 1 in the corpus, not from 0: use the para_no the "
            "kwic table gives rather than counting yourself.",
            lambda right: right - 1,
        ),
    ],
)

q4 = ValueQuestion(
    "q4",
    "dandong_count",
    prompt=(
        "How many 2017 events mention dandong in their event name or their description, in "
        "any capitalisation? Count each event once."
    ),
    answer=_dandong_count,
    solution=(
        'name = events_2017["event"].str.contains("dandong", case=False)\n'
        'text = events_2017["description"].str.contains("dandong", case=False)\n'
        "dandong_count = int((name | text).sum())"
    ),
    hints=[
        'str.contains("dandong", case=False) ignores capitalisation.',
        "Make one True/False column per text column, combine them with |, then .sum().",
    ],
    mistakes=[
        Mistake(
            "Zero: str.contains is case-sensitive unless you say case=False, so 'dandong' "
            "never matches 'Dandong'.",
            lambda right: _dandong_count(case=True),
        ),
        Mistake(
            "You searched one column only. Some events name Dandong only in their event "
            "name, others only in their description: combine both with |.",
            lambda right: _dandong_count(columns=("description",)),
        ),
    ],
)

q5 = ValueQuestion(
    "q5",
    "ri_precision",
    prompt=(
        "How exact is the date of Ri Jong Ho's interviews with Kyodo and the Washington "
        "Post? Give that row's date_precision, as written."
    ),
    answer=lambda: str(_row("Kyodo")["date_precision"]),
    solution=(
        'ri = events[events["event"].str.contains("Kyodo")]\n'
        'ri_precision = ri["date_precision"].iloc[0]'
    ),
    hints=[
        'events[events["event"].str.contains("Kyodo")] finds the row.',
        "Read its date_precision column, not its date.",
    ],
    mistakes=[
        Mistake(
            "That is the date itself; the question asks how exact it is (date_precision).",
            lambda right: _day("Kyodo"),
        ),
        Mistake(
            "'day' is the precision of most rows, but not of this one: read the Kyodo row.",
            lambda right: "day",
        ),
    ],
)

q6 = ChartQuestion(
    "q6",
    "month_chart",
    prompt=(
        "Count the 2017 events per month into a table per_month with the columns month and "
        "events (every event, 'Other' included), then draw it as bars: month on x, events "
        "on y."
    ),
    answer=_month_chart,
    solution=(
        'per_month = events_2017.groupby("month", as_index=False).agg(events=("event", "size"))\n'
        'month_chart = alt.Chart(per_month).mark_bar().encode(x="month:O", y="events:Q")'
    ),
    hints=[
        'events_2017.groupby("month", as_index=False).agg(events=("event", "size"))',
        'alt.Chart(per_month).mark_bar().encode(x="month:O", y="events:Q")',
    ],
    mistakes=[
        Mistake(
            "Draw bars (mark_bar): a line would join months as if the count changed "
            "smoothly between them.",
            lambda right: _month_chart(mark="line"),
        ),
        Mistake(
            "Your counts leave out the events under 'Other'. Count every 2017 event: the "
            "keyword rule sorts events, it never drops them.",
            lambda right: _month_chart(drop_other=True),
        ),
    ],
)

q7 = WrittenQuestion(
    "q7",
    "hardest_channel",
    prompt=(
        "In three to five sentences: which channel do the articles suggest is hardest to "
        "shut down, and what evidence do they give? Attribute each claim to the article or "
        "person who makes it, and say what kind of evidence it is."
    ),
    answer=_model_answer,
    solution='hardest_channel = "The FPRI article suggests ... because ..."',
    hints=[
        "Use the explorer of the lesson, or kwic('illicit'), to find the passages.",
        "Quote one sentence from each article and say who says it.",
    ],
    min_words=30,
)
