"""Lesson 05's charts: the 2017 timeline of evasion and enforcement events by channel, and
how often each article uses each channel's keywords.

Builders take tables from :mod:`nkcourse.analysis.evasion` and return finished charts;
takeaways and descriptions are written from the data, never typed in.
"""

import altair as alt

from nkcourse.analysis import evasion
from nkcourse.charts.finish import finish
from nkcourse.charts.limits import check_rows
from nkcourse.charts.theme import OKABE_ITO

OTHER_GREY = "#999999"  # neutral: "other" should not compete with the channels' colours
CHANNEL_SCALE = alt.Scale(
    domain=list(evasion.CATEGORIES),
    range=[*OKABE_ITO[: len(evasion.CHANNELS)], OTHER_GREY],
)
# Long channel names: room for the labels, and the title above them rather than beside.
CHANNEL_AXIS = alt.Axis(
    labelLimit=320, titleAngle=0, titleAnchor="end", titleAlign="right", titleY=-12, titleX=0
)
EVENTS_SOURCE = "events dataset (each event's own sources are in its tooltip)"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def timeline_chart(categorised):
    """Points on a 2017 date axis, one row per channel; shape says how exact the date is."""
    columns = ["date", "date_precision", "event", "channel", "all_channels", "first_source"]
    points = check_rows(categorised[columns]).copy()
    points["all_channels"] = points["all_channels"].replace("", "none")
    counts = evasion.events_per_channel(categorised).set_index("channel")["events"]
    in_channels = int(counts[list(evasion.CHANNELS)].sum())
    busiest = counts[list(evasion.CHANNELS)].idxmax()
    inexact = int((categorised["date_precision"] != "day").sum())
    years = sorted(int(y) for y in categorised["date"].dt.year.unique())
    year = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    whole_years = alt.Scale(domain=[f"{years[0]}-01-01", f"{years[-1]}-12-31"])
    per_channel = "; ".join(f"{channel}: {counts[channel]}" for channel in evasion.CATEGORIES)
    chart = (
        alt.Chart(points)
        .mark_point(filled=True, size=120, opacity=0.85)
        .encode(
            x=alt.X(
                "date:T",
                title=f"Date ({year})",
                scale=whole_years,
                axis=alt.Axis(format="%b", tickCount=12),
            ),
            y=alt.Y(
                "channel:N",
                title="Channel (keyword rule)",
                scale=alt.Scale(domain=list(evasion.CATEGORIES)),
                axis=CHANNEL_AXIS,
            ),
            color=alt.Color("channel:N", scale=CHANNEL_SCALE, legend=None),
            shape=alt.Shape("date_precision:N", title="Date precision"),
            tooltip=[
                alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
                alt.Tooltip("date_precision:N", title="Date precision"),
                alt.Tooltip("event:N", title="Event"),
                alt.Tooltip("channel:N", title="Main channel"),
                alt.Tooltip("all_channels:N", title="All channels matched"),
                alt.Tooltip("first_source:N", title="Source"),
            ],
        )
        .properties(width=560, height=260)
    )
    return finish(
        chart,
        title=f"Evasion and enforcement events by channel, {year}",
        description=(
            f"Timeline: one row per channel, one point per event of {year} in the events "
            f"dataset, placed on its date. Events per main channel: {per_channel}. Point "
            f"shapes show how exact each date is: {_plural(inexact, 'event')} "
            f"{'has' if inexact == 1 else 'have'} a date precision other than 'day'."
        ),
        takeaway=(
            f"{in_channels} of {len(categorised)} events match a channel's keywords; "
            f"{busiest} has the most ({counts[busiest]}). Hover for the source and how "
            "exact the date is."
        ),
        source=EVENTS_SOURCE,
    )


def keyword_chart(per_article, titles: dict[str, str] | None = None):
    """Grouped bars: uses of each channel's keywords in each article.

    ``per_article`` comes from :func:`nkcourse.analysis.evasion.hits_per_article`;
    ``titles`` maps doc_id to a readable name (e.g. the publisher) for the legend.
    """
    bars = check_rows(per_article[["doc_id", "channel", "hits", "words"]]).copy()
    bars["article"] = bars["doc_id"].map(titles or {}).fillna(bars["doc_id"])
    totals = bars.groupby("article", sort=False)["hits"].sum()
    silent = bars[bars["hits"] == 0].groupby("article", sort=False)["channel"].agg(list)
    gaps = "; ".join(
        f"{article} uses no keyword of {' or '.join(channels)}"
        for article, channels in silent.items()
    )
    summary = ", ".join(f"{article} {_plural(int(n), 'use')}" for article, n in totals.items())
    chart = (
        alt.Chart(bars)
        .mark_bar()
        .encode(
            y=alt.Y(
                "channel:N",
                title="Channel",
                scale=alt.Scale(domain=list(evasion.CHANNELS)),
                axis=CHANNEL_AXIS,
            ),
            yOffset=alt.YOffset("article:N"),
            x=alt.X(
                "hits:Q",
                title="Uses of the channel's keywords (count)",
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color("article:N", title="Article"),
            tooltip=[
                alt.Tooltip("article:N", title="Article"),
                alt.Tooltip("channel:N", title="Channel"),
                alt.Tooltip("hits:Q", title="Keyword uses"),
                alt.Tooltip("words:N", title="Which words"),
            ],
        )
        .properties(width=460, height=300)
    )
    return finish(
        chart,
        title="How often each article uses each channel's keywords",
        description=(
            "Grouped bar chart: for each channel, one bar per article, its length the number "
            f"of times the article uses the channel's keywords. Totals: {summary}. "
            f"{gaps or 'Each article uses a keyword of every channel'}."
        ),
        takeaway=(
            f"{gaps or 'Each article uses a keyword of every channel'}. Hover for the words; "
            "a count of words, not of evidence."
        ),
        source="the two articles (nkcourse corpus), counted with corpus.kwic",
    )
