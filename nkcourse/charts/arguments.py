"""Lesson 06's charts: an article's argument map, and whose voices each article carries.

:func:`argument_map_chart` draws :func:`nkcourse.analysis.arguments.map_layout` as three
columns (claim, support, data check) joined by lines; :func:`voices_chart` draws
:func:`nkcourse.analysis.sources.voices_by_group` with every group shown, zeros included.
Takeaways are written from the tables, so they change if the data does.
"""

import altair as alt

from nkcourse.analysis import arguments as ar
from nkcourse.analysis import sources
from nkcourse.charts.finish import finish
from nkcourse.charts.limits import check_rows
from nkcourse.charts.theme import OKABE_ITO

CORPUS_SOURCE = "the two articles (nkcourse corpus)"
MAP_SOURCE = (
    "the two articles (nkcourse corpus); claims chosen in nkcourse.analysis.arguments; "
    "who speaks for whom: people dataset; data checks: claims dataset"
)
ROW_HEIGHT = 24  # pixels per path of the map
LABEL_SPAN = 0.8  # of a column: links start after a node's label, so they never cross it
# Yellow (OKABE_ITO[6]) is hard to see as a small mark on white: skipped for the map.
MAP_COLOURS = (*OKABE_ITO[:6], OKABE_ITO[7])
KIND_SHAPES = {ar.CLAIM: "square", ar.SENTENCE: "circle", ar.QUOTE: "triangle-up",
               ar.DATA: "diamond"}  # fmt: skip


def _voice_scale(voices) -> alt.Scale:
    domain = list(ar.MAP_VOICES)
    if sources.UNLISTED in set(voices):
        domain.append(sources.UNLISTED)
    colours = [*MAP_COLOURS, OKABE_ITO[6]]
    return alt.Scale(domain=domain, range=colours[: len(domain)])


def argument_map_chart(paths, *, title: str):
    """Node-link map of ``paths`` (from :func:`~nkcourse.analysis.arguments.argument_paths`,
    usually one article's): claims on the left, what supports them in the middle, data checks
    on the right; colour = whose voice, shape = kind of node, tooltip = the full text."""
    points, links = ar.map_layout(paths)
    check_rows(points)
    height = ROW_HEIGHT * (int(points["y"].max()) + 2) if len(points) else ROW_HEIGHT * 2
    x = alt.X(
        "x:Q",
        title="Step of the argument",
        scale=alt.Scale(domain=[-0.05, 2.95]),
        axis=alt.Axis(
            values=[0, 1, 2], orient="top", grid=False, labelExpr=_stage_labels(), labelFontSize=14
        ),
    )
    y = alt.Y("y:Q", scale=alt.Scale(reverse=True, nice=False, padding=12), axis=None)
    links = links.assign(x=links["x"] + LABEL_SPAN)
    lines = (
        alt.Chart(links)
        .mark_rule(color="#999999", strokeWidth=1.2)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q")
    )
    nodes = alt.Chart(points).mark_point(filled=True, size=140, opacity=1).encode(
        x=x,
        y=y,
        color=alt.Color("voice:N", title="Whose words", scale=_voice_scale(points["voice"]),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=320)),
        shape=alt.Shape("kind:N", title="Kind of node",
                        scale=alt.Scale(domain=list(KIND_SHAPES), range=list(KIND_SHAPES.values())),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[
            alt.Tooltip("theme:N", title="Theme"),
            alt.Tooltip("stage:N", title="Step"),
            alt.Tooltip("speaker:N", title="Who"),
            alt.Tooltip("where:N", title="Where"),
            alt.Tooltip("text:N", title="Text"),
            alt.Tooltip("verdict:N", title="Verdict (data checks)"),
        ],
    )  # fmt: skip
    labels = (
        alt.Chart(points)
        .mark_text(align="left", dx=9, fontSize=11)
        .encode(x=x, y=y, text="label:N")
    )
    chart = (lines + nodes + labels).properties(width=980, height=height)
    return finish(
        chart,
        title=title,
        description=_map_description(paths, points),
        takeaway=_map_takeaway(paths),
        source=MAP_SOURCE,
    )


def _stage_labels() -> str:
    cases = " : ".join(f"datum.value == {n} ? '{stage}'" for n, stage in enumerate(ar.STAGES))
    return f"{cases} : ''"


def _claim_counts(paths) -> tuple[int, int, int]:
    per_claim = paths.groupby("claim_id", sort=False).agg(
        supports=("support_id", lambda ids: len({i for i in ids if i})),
        checks=("data_id", lambda ids: len({i for i in ids if i})),
    )
    bare = int(((per_claim["supports"] == 0) & (per_claim["checks"] == 0)).sum())
    return len(per_claim), int(per_claim["supports"].sum()), bare


def _map_takeaway(paths) -> str:
    claims, supports, bare = _claim_counts(paths)
    if not claims:
        return "No claim matches this choice."
    quoted = paths.loc[paths["support_kind"] == ar.QUOTE, "support_speaker"]
    people = quoted.nunique()
    voices = f"quotations from {_count(people, 'person', 'people')}" if people else "no quotations"
    if bare:
        unsupported = f"{bare} claim{'s' * (bare != 1)} with no support in the text"
    else:
        unsupported = "every claim has support in the text or a data check"
    return (
        f"{claims} claims, {supports} supporting items ({voices}); {unsupported}. "
        "Hover over a node to read its full text."
    )


def _map_description(paths, points) -> str:
    claims = points[points["x"] == 0]
    parts = []
    for claim in claims.itertuples():
        own = paths[paths["claim_id"] == claim.node_id]
        supports = [s for s in dict.fromkeys(own["support_speaker"] + " (" + own["support_where"]
                                             + ")") if s != " ()"]  # fmt: skip
        checks = [d for d in dict.fromkeys(own["data_id"]) if d]
        parts.append(
            f"Claim ({claim.where}, {claim.speaker}): {claim.text} Supported by: "
            f"{'; '.join(supports) or 'nothing in the text'}."
            + (f" Data checks: {', '.join(checks)}." if checks else "")
        )
    return (
        "Argument map in three columns: claims on the left, the sentences and quotations "
        "the article offers for each in the middle, rows of the claims dataset that check "
        "them on the right, joined by lines. " + " ".join(parts)
    )


def _count(number: int, one: str, many: str = "") -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def voices_chart(voices):
    """Grouped bars: quotations per voice group in each article, zeros labelled.

    ``voices`` is :func:`nkcourse.analysis.sources.voices_by_group` (every group appears
    for every article, with 0 where nobody of that group is quoted).
    """
    table = check_rows(voices[["doc_id", "voice", "speakers", "quotes", "who"]])
    groups = list(dict.fromkeys(table["voice"]))
    y = alt.Y("voice:N", title="Speaks for", sort=groups, axis=alt.Axis(labelLimit=320))
    y_offset = alt.YOffset("doc_id:N", title="Article")
    colour = alt.Color("doc_id:N", title="Article (doc_id)")
    tooltip = [
        alt.Tooltip("doc_id:N", title="Article"),
        alt.Tooltip("voice:N", title="Speaks for"),
        alt.Tooltip("quotes:Q", title="Quotations"),
        alt.Tooltip("speakers:Q", title="People quoted"),
        alt.Tooltip("who:N", title="Who"),
    ]
    base = alt.Chart(table).encode(y=y, yOffset=y_offset, tooltip=tooltip)
    bars = base.mark_bar().encode(
        x=alt.X("quotes:Q", title="Quotations (count)", axis=alt.Axis(tickMinStep=1)),
        color=colour,
    )
    counts = base.mark_text(align="left", dx=4, fontSize=12).encode(
        x="quotes:Q", text="quotes:Q", color=colour
    )
    per_doc = []
    for doc_id, rows in table.groupby("doc_id", sort=True):
        top = rows.sort_values("quotes", ascending=False, kind="stable").iloc[0]
        silent = list(rows.loc[rows["quotes"] == 0, "voice"])
        none = f"; none from {', '.join(silent)}" if silent else ""
        per_doc.append(
            f"{doc_id}: {top['quotes']} of {rows['quotes'].sum()} from {top['voice']}{none}"
        )
    listed = "; ".join(
        f"{row.doc_id}, {row.voice}: {_count(row.quotes, 'quotation')} from "
        f"{_count(row.speakers, 'person', 'people')}"
        for row in table.itertuples()
    )
    return finish(
        (bars + counts).properties(width=460),
        title="Whose voices each article carries",
        description=(
            "Horizontal grouped bar chart: for each group a speaker speaks for, one bar per "
            f"article, its length the number of quotations, the count written beside it. {listed}."
        ),
        takeaway=". ".join(per_doc) + ".",
        source=CORPUS_SOURCE + "; who speaks for whom: people dataset",
    )
