"""Lesson 08's charts: your quiz score per lesson, and which evidence each lesson's quiz
rests on.

Each builder takes a table from :mod:`nkcourse.analysis.review` and returns a finished
chart; takeaways are written from the table, never typed in.
"""

import altair as alt

from nkcourse.charts.finish import finish
from nkcourse.charts.limits import check_rows
from nkcourse.charts.theme import OKABE_ITO

AVAILABLE, SCORED = "Points available", "Your points (best attempt)"
KIND_SCALE = alt.Scale(domain=["dataset", "article"], range=[OKABE_ITO[0], OKABE_ITO[1]])


def _long_scores(table):
    """One row per lesson and measure (available, scored), for side-by-side bars."""
    long = table.melt(
        id_vars=["lesson", "questions", "answered", "correct", "score_pct"],
        value_vars=["max_points", "points"],
        var_name="measure",
        value_name="value",
    )
    long["measure"] = long["measure"].map({"max_points": AVAILABLE, "points": SCORED})
    long["lesson"] = "Lesson " + long["lesson"]
    return long


def progress_chart(table):
    """Bars per lesson: points available beside your points (``review.scores(summary)``)."""
    long = _long_scores(table)
    chart = (
        alt.Chart(check_rows(long))
        .mark_bar()
        .encode(
            y=alt.Y("lesson:N", title="Lesson quiz", sort=None),
            yOffset=alt.YOffset("measure:N", sort=[AVAILABLE, SCORED]),
            x=alt.X(
                "value:Q",
                title="Quiz points (best attempt per question)",
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color(
                "measure:N",
                title="Bar",
                sort=[AVAILABLE, SCORED],
                scale=alt.Scale(domain=[AVAILABLE, SCORED], range=["#BBBBBB", OKABE_ITO[0]]),
            ),
            tooltip=[
                alt.Tooltip("lesson:N", title="Lesson"),
                alt.Tooltip("measure:N", title="Bar"),
                alt.Tooltip("value:Q", title="Points"),
                alt.Tooltip("questions:Q", title="Questions"),
                alt.Tooltip("answered:Q", title="Answered"),
                alt.Tooltip("correct:Q", title="Right (best attempt)"),
                alt.Tooltip("score_pct:Q", title="Score (%)", format=".0f"),
            ],
        )
        .properties(width=480)
    )
    scored, available = table["points"].sum(), table["max_points"].sum()
    per_lesson = "; ".join(
        f"lesson {row.lesson}: {row.points:g} of {row.max_points:g} points, "
        f"{row.answered} of {row.questions} questions answered"
        for row in table.itertuples()
    )
    if table["answered"].sum() == 0:
        takeaway = (
            f"No attempts yet: {available:g} points are available in {len(table)} quizzes. "
            "Answer some questions and run this cell again to see your bars grow."
        )
    else:
        best = table.loc[table["score_pct"].idxmax()]
        takeaway = (
            f"You have {scored:g} of {available:g} points; your best lesson so far is "
            f"{best['lesson']} ({best['points']:g} of {best['max_points']:g})."
        )
    return finish(
        chart,
        title="Your quiz points per lesson",
        description=(
            "Horizontal bar chart: for each lesson with a quiz, a grey bar for the points "
            f"available and a blue bar for your points. {per_lesson}."
        ),
        takeaway=takeaway,
        source="your progress file (NKCOURSE_HOME/progress.json) and the course's quiz banks",
    )


def evidence_map_chart(by_lesson):
    """A grid: lessons across, datasets and articles down; a dot's size is how many of the
    lesson's quiz questions cite that source (``review.cites_by_lesson``)."""
    names = by_lesson.groupby("name")["questions"].sum().sort_values(ascending=False)
    table = by_lesson
    chart = (
        alt.Chart(check_rows(table))
        .mark_circle(opacity=0.85)
        .encode(
            x=alt.X("lesson:N", title="Lesson quiz", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("name:N", title="Dataset or article (doc_id)", sort=list(names.index)),
            size=alt.Size(
                "questions:Q",
                title="Questions citing it (count)",
                scale=alt.Scale(range=[60, 600], zero=False),
            ),
            color=alt.Color("kind:N", title="Kind of source", scale=KIND_SCALE),
            tooltip=[
                alt.Tooltip("lesson:N", title="Lesson"),
                alt.Tooltip("name:N", title="Source"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("questions:Q", title="Questions citing it"),
            ],
        )
        .properties(width=420)
    )
    top = names.index[0]
    lessons_of_top = int((by_lesson["name"] == top).sum())
    return finish(
        chart,
        title="What each lesson's quiz rests on",
        description=(
            "Dot grid: one column per lesson, one row per dataset or article; a dot means at "
            "least one of the lesson's quiz questions cites that source, and its size is how "
            "many. "
            + "; ".join(
                f"lesson {row.lesson}: {row.name} ({row.questions})"
                for row in by_lesson.itertuples()
            )
            + "."
        ),
        takeaway=(
            f"{top} is cited by {names.iloc[0]} quiz questions in {lessons_of_top} lessons. "
            "Use this map to find where the evidence for your memo lives."
        ),
        source="the cites of the course's quiz banks (nkcourse/quiz/banks)",
    )
