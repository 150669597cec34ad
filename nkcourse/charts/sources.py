"""Lesson 01's charts: who is quoted, how quotations are introduced, which actors are named.

Each builder takes a small table from :mod:`nkcourse.analysis.sources` or the corpus
(already counted) and returns a finished chart; takeaways are written from the counts.
"""

import altair as alt

from nkcourse.analysis import sources
from nkcourse.charts.finish import finish
from nkcourse.charts.limits import check_rows
from nkcourse.charts.theme import OKABE_ITO

CORPUS_SOURCE = "the two articles (nkcourse corpus)"
ARTICLE = alt.Color("doc_id:N", title="Article (doc_id)")


def _count_phrase(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def speaker_chart(per_speaker):
    """Bars, one panel per article: quotations per speaker, coloured by voice group.

    ``per_speaker`` is :func:`nkcourse.analysis.sources.quotes_per_speaker`.
    """
    table = check_rows(per_speaker[["doc_id", "speaker", "speaker_role", "voice", "quotes"]])
    # Every group keeps its colour and legend entry, so a group nobody speaks for shows.
    groups = [*sources.VOICE_GROUPS]
    if (table["voice"] == sources.UNLISTED).any():
        groups.append(sources.UNLISTED)
    voice_scale = alt.Scale(domain=groups, range=list(OKABE_ITO[: len(groups)]))
    bars = (
        alt.Chart(table)
        .mark_bar()
        .encode(
            x=alt.X("quotes:Q", title="Quotations (count)", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("speaker:N", title="Speaker", sort="-x"),
            color=alt.Color(
                "voice:N",
                title="Speaks for",
                scale=voice_scale,
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=320),
            ),
            tooltip=[
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("speaker_role:N", title="Role, as the article gives it"),
                alt.Tooltip("voice:N", title="Speaks for"),
                alt.Tooltip("quotes:Q", title="Quotations"),
            ],
        )
        .properties(width=400)
    )
    chart = bars.facet(
        row=alt.Row("doc_id:N", title="Article (doc_id)", header=alt.Header(labelAngle=0))
    ).resolve_scale(y="independent")
    per_doc = []
    for doc_id, rows in table.groupby("doc_id", sort=True):
        most = int(rows["quotes"].max())
        leaders = list(rows.loc[rows["quotes"] == most, "speaker"])
        if len(leaders) == 1:
            leading = f"most from {leaders[0]} ({most})"
        else:
            leading = f"{most} each from {_listed(leaders)}"
        per_doc.append(
            f"{doc_id}: {_count_phrase(int(rows['quotes'].sum()), 'quotation')} from "
            f"{_count_phrase(len(rows), 'speaker')}, {leading}"
        )
    listed = "; ".join(
        f"{row.doc_id}, {row.speaker} ({row.voice}): {row.quotes}" for row in table.itertuples()
    )
    return finish(
        chart,
        title="Who is quoted, and how often",
        description=(
            "Horizontal bar chart in one panel per article: one bar per speaker, its length "
            f"the number of quotations, its colour the group the speaker speaks for. {listed}."
        ),
        takeaway="; ".join(per_doc) + ".",
        source=CORPUS_SOURCE + "; who speaks for whom: people dataset",
    )


def cue_chart(cues):
    """Stacked bars: how many quotations each reporting word (``cue``) introduces.

    ``cues`` is :func:`nkcourse.analysis.sources.cue_counts`.
    """
    table = check_rows(cues[["doc_id", "cue", "quotes"]])
    totals = table.groupby("cue")["quotes"].sum().sort_values(ascending=False)
    chart = (
        alt.Chart(table)
        .mark_bar()
        .encode(
            x=alt.X("sum(quotes):Q", title="Quotations (count)", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("cue:N", title="Word that introduces the quotation", sort="-x"),
            color=ARTICLE,
            tooltip=[
                alt.Tooltip("doc_id:N", title="Article"),
                alt.Tooltip("cue:N", title="Cue"),
                alt.Tooltip("quotes:Q", title="Quotations"),
            ],
        )
        .properties(width=460)
    )
    top, total = totals.index[0], int(totals.sum())
    return finish(
        chart,
        title="How the articles introduce their quotations",
        description=(
            "Horizontal stacked bar chart: one bar per reporting word, its length the number "
            "of quotations it introduces, coloured by article. "
            + "; ".join(f"{row.doc_id}, {row.cue}: {row.quotes}" for row in table.itertuples())
            + "."
        ),
        takeaway=(
            f"“{top}” introduces {totals.iloc[0]} of the {total} quotations; "
            f"{len(totals)} different words are used in all."
        ),
        source=CORPUS_SOURCE,
    )


def mentions_chart(mentions):
    """Grouped bars: how often each article names each actor (aliases folded).

    ``mentions`` is ``corpus.load().mentions()`` (doc_id, actor, mentions).
    """
    table = check_rows(mentions[["doc_id", "actor", "mentions"]])
    actors = list(dict.fromkeys(table["actor"]))
    chart = (
        alt.Chart(table)
        .mark_bar()
        .encode(
            x=alt.X("actor:N", title="Actor", sort=actors, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("doc_id:N"),
            y=alt.Y("mentions:Q", title="Mentions (count, aliases folded)"),
            color=ARTICLE,
            tooltip=[
                alt.Tooltip("doc_id:N", title="Article"),
                alt.Tooltip("actor:N", title="Actor"),
                alt.Tooltip("mentions:Q", title="Mentions"),
            ],
        )
        .properties(width=560)
    )
    per_doc = []
    for doc_id, rows in table.groupby("doc_id", sort=True):
        ranked = rows.sort_values(["mentions", "actor"], ascending=[False, True])
        most, least = ranked.iloc[0], ranked.iloc[-1]
        per_doc.append(
            f"{doc_id} names {most['actor']} most ({most['mentions']}) and "
            f"{least['actor']} least ({least['mentions']})"
        )
    return finish(
        chart,
        title="Which actors each article names",
        description=(
            "Grouped bar chart: for each actor, one bar per article, its height the number of "
            "times the article names the actor, aliases such as Beijing or DPRK counted with "
            "the actor. "
            + "; ".join(f"{row.doc_id}, {row.actor}: {row.mentions}" for row in table.itertuples())
            + "."
        ),
        takeaway="; ".join(per_doc) + ".",
        source=CORPUS_SOURCE,
    )
