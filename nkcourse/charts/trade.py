"""Charts of lesson 04 (China's trade). Each takes the rows selected by
:mod:`nkcourse.analysis.trade` and returns a finished chart.

Two rules run through all of them: a figure is drawn only where the data has one (no
interpolation, no line across missing years or months), and yuan and dollars never share
an axis.
"""

import altair as alt

from nkcourse import charts

SOURCE = "nkcourse trade dataset (GAC, KOTRA, KITA, Statistics Korea, ITC, KIEP, Russian customs)"


def _inline(frame):
    """The rows as inline JSON values: skips Altair's data transformer, which costs more
    than the whole rest of an explorer redraw, and
    writes missing values as null (a NaN would make the notebook JSON invalid)."""
    import json

    return alt.InlineData(values=json.loads(frame.to_json(orient="records", date_format="iso")))


def _figure(rows):
    """The value as the source states it: "~2300", ">2000", "5060"."""
    qualifier = rows["qualifier"].fillna("")
    return qualifier + rows["value"].map(lambda v: f"{v:g}")


def _annual_panel(rows, partner, families):
    scale = alt.Scale(domain=families)  # the same colour and shape in both panels
    base = alt.Chart(_inline(rows)).encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(zero=False)),
        y=alt.Y("value:Q", title=f"{partner}-DPRK trade (USD million)"),
        color=alt.Color("compiler_family:N", title="Compiled by", scale=scale),
    )
    lines = base.mark_line(strokeWidth=1.5, opacity=0.6).encode(detail="run:N")
    points = base.mark_point(size=90, filled=True).encode(
        shape=alt.Shape("compiler_family:N", title="Compiled by", scale=scale),
        tooltip=[
            alt.Tooltip("year:Q", title="Year", format="d"),
            alt.Tooltip("figure:N", title="Total (USD million)"),
            alt.Tooltip("compiler:N", title="Compiler"),
            alt.Tooltip("report:N", title="Report"),
            alt.Tooltip("yoy_change_pct:Q", title="Reported change (%)"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    return (lines + points).properties(title=partner, height=230)


def annual_totals_chart(annual):
    """China's and Russia's annual totals with the DPRK, one mark per published figure.

    ``annual`` is :func:`nkcourse.analysis.trade.annual_totals`. Two panels with their own
    y scales, because Russia's trade is tiny next to China's.
    """
    rows = charts.check_rows(annual.assign(figure=_figure(annual)))
    families = sorted(rows["compiler_family"].unique())
    partners = [p for p in ("China", "Russia") if p in set(rows["partner"])]
    panels = [_annual_panel(rows[rows["partner"] == p], p, families) for p in partners]
    chart = alt.vconcat(*panels).resolve_scale(y="independent", x="shared")
    years = f"{rows['year'].min()}-{rows['year'].max()}"
    return charts.finish(
        chart,
        title="Trade with North Korea: annual totals, by who compiled them",
        description=(
            f"Two panels of dots, {years}: the top one China-DPRK trade, the bottom one "
            "Russia-DPRK trade, in USD million, each on its own scale. Colour and shape say "
            "which organisation compiled the figure; lines join only consecutive years of "
            "the same compiler, so missing years stay empty."
        ),
        takeaway=(
            "Compilers disagree, many years are missing, and Russia's trade is tiny next "
            "to China's: note the two different y scales."
        ),
        source=SOURCE,
    )


def reported_growth_chart(growth):
    """Growth rates as published for several periods, coloured by currency.

    ``growth`` is :func:`nkcourse.analysis.trade.reported_growth` with ``periods`` given.
    """
    rows = growth.assign(label=growth["period"] + " · " + growth["compiler"])
    rows = charts.check_rows(rows)
    chart = (
        alt.Chart(_inline(rows))
        .mark_bar()
        .encode(
            y=alt.Y(
                "label:N",
                sort=list(rows["label"]),
                title="Period · who reported it",
                axis=alt.Axis(labelLimit=460, titleAngle=0, titleAlign="right", titleY=-8),
            ),
            x=alt.X("yoy_change_pct:Q", title="Reported change on a year earlier (%)"),
            color=alt.Color("currency:N", title="Currency of the growth rate"),
            tooltip=_growth_tooltip(),
        )
        .properties(width=300)
    )
    return charts.finish(
        chart,
        title="China-DPRK trade in 2017: growth rates as reported",
        description=(
            "Horizontal bars, one per published growth rate of China-DPRK total trade, in "
            "the order of the periods: "
            + "; ".join(
                f"{r.period} ({r.period_type}) {r.yoy_change_pct:+g}% in {r.currency}"
                for r in rows.itertuples()
            )
            + "."
        ),
        takeaway=(
            "The near-40% figures are for the first quarter (in yuan, or currency not "
            "stated); the longer the period, the smaller the growth in dollars."
        ),
        source="GAC via the outlets named in each bar; the Evening Standard",
    )


def _growth_tooltip() -> list:
    """What hovering a reported growth rate shows: the rate with where it comes from."""
    return [
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("period_type:N", title="Kind of period"),
        alt.Tooltip("yoy_change_pct:Q", title="Reported change (%)"),
        alt.Tooltip("currency:N", title="Currency"),
        alt.Tooltip("compiler:N", title="Compiler"),
        alt.Tooltip("source:N", title="Source"),
    ]


MONTH_AXIS = {"format": "%b %Y", "labelAngle": -30}
MONTH_SCALE = alt.Scale(padding=14)  # keeps a rule on the first date off the y axis


def _event_rules(events, x_title: str):
    """Dashed vertical rules on the events' dates (same x title as the chart they join)."""
    return (
        alt.Chart(_inline(events))
        .mark_rule(strokeDash=[4, 3], color="#555555")
        .encode(
            x=alt.X("date:T", title=x_title, axis=alt.Axis(**MONTH_AXIS), scale=MONTH_SCALE),
            tooltip=[
                alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
                alt.Tooltip("event:N", title="Event"),
            ],
        )
    )


def _events_text(events) -> str:
    return "; ".join(f"{r.date:%d %b %Y} {r.event}" for r in events.itertuples())


CHANGES_X = "End of the period (date)"


def import_changes_chart(changes, events, since: str = "2017-09-05"):
    """Reported year-on-year changes of China's imports from the DPRK, dated by the end of
    each period, with the enforcement dates as dashed rules.

    ``changes`` is :func:`nkcourse.analysis.trade.changes_by_period`; ``events`` is
    :func:`nkcourse.analysis.trade.events_on`. The takeaway sums up the periods that
    start after ``since`` (by default the day 2371's bans were fully in force).
    """
    import pandas as pd

    rows = charts.check_rows(changes)
    points = (
        alt.Chart(_inline(rows))
        .mark_point(size=110, filled=True)
        .encode(
            x=alt.X("period_end:T", title=CHANGES_X, axis=alt.Axis(**MONTH_AXIS)),
            y=alt.Y("yoy_change_pct:Q", title="Change on a year earlier (%)"),
            shape=alt.Shape("period_type:N", title="Kind of period"),
            color=alt.Color("currency:N", title="Currency"),
            tooltip=_growth_tooltip(),
        )
    )
    zero = alt.Chart().mark_rule(color="#999999").encode(y=alt.datum(0))
    chart = alt.layer(zero, _event_rules(events, CHANGES_X), points)
    since = pd.Timestamp(since)
    after = rows[rows["period_start"] > since]
    return charts.finish(
        chart,
        title="China's imports from North Korea: reported change on a year earlier",
        description=(
            "Dots, one per reported year-on-year change in China's imports from the DPRK, "
            "placed at the last day of the period it covers (month, quarter, half-year, "
            "year-to-date or year; shape says which). Dashed vertical rules mark: "
            + _events_text(events)
            + "."
        ),
        takeaway=(
            f"Every change reported for a period starting after {since:%d %b %Y} "
            f"is a fall, between {after['yoy_change_pct'].max():g}% and "
            f"{after['yoy_change_pct'].min():g}%."
        ),
        source="GAC via Reuters, Global Times, China Daily, WSJ; events dataset",
    )


def monthly_levels_chart(levels, events):
    """The months for which the dataset has China's imports from the DPRK, as dots only.

    ``levels`` is :func:`nkcourse.analysis.trade.monthly_levels`; nothing joins the dots,
    because the months between them are missing from the data.
    """
    rows = charts.check_rows(levels)
    points = (
        alt.Chart(_inline(rows))
        .mark_point(size=110, filled=True)
        .encode(
            x=alt.X("month:T", title="Month", axis=alt.Axis(**MONTH_AXIS)),
            y=alt.Y("value:Q", title="Imports from the DPRK (USD million)"),
            color=alt.Color("compiler_family:N", title="Compiled by"),
            tooltip=[
                alt.Tooltip("period:N", title="Month"),
                alt.Tooltip("value:Q", title="Imports (USD million)"),
                alt.Tooltip("report:N", title="Report"),
                alt.Tooltip("compiler:N", title="Compiler"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
    )
    chart = alt.layer(_event_rules(events, "Month"), points)
    after = rows[rows["month"] > events["date"].min()]
    first, last = after.iloc[0], after.iloc[-1]
    months = ", ".join(sorted(set(rows["period"])))
    return charts.finish(
        chart,
        title="China's imports from North Korea in single months (where known)",
        description=(
            f"Dots for the only months the dataset has, in USD million: {months}. No line "
            "joins them because the months between are missing. Dashed vertical rules mark: "
            + _events_text(events)
            + "."
        ),
        takeaway=(
            f"Known months after {events['date'].min():%d %b %Y}: {first['value']:g} in "
            f"{first['period']}, {last['value']:g} in {last['period']}; the months between "
            "are missing, so no line is drawn."
        ),
        source="GAC via Reuters and Global Times; KITA via Yonhap",
    )


# ---- the explorer's view ---------------------------------------------------------------------

TABLE_COLUMNS = (  # heading, x position in pixels, width in characters
    ("Period", 0, 12),
    ("Figure", 95, 14),
    ("Change", 205, 9),
    ("Compiler", 275, 52),
    ("Source", 650, 40),
)


def _shorten(text, width: int) -> str:
    text = "" if text is None or text != text else str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _table_cells(rows):
    """The rows as text cells (long form) for a table drawn with text marks."""
    import pandas as pd

    figure = [
        "" if v != v else f"{q if q == q else ''}{v:g} {c if c == c else ''}".strip()
        for v, q, c in zip(rows["value"], rows["qualifier"], rows["currency"], strict=True)
    ]
    change = ["" if v != v else f"{v:+g}%" for v in rows["yoy_change_pct"]]
    texts = {
        "Period": list(rows["period"]),
        "Figure": figure,
        "Change": change,
        "Compiler": [
            c if r != r else f"{c} · {r}"
            for c, r in zip(rows["compiler"], rows["report"], strict=True)
        ],
        "Source": list(rows["source"]),
    }
    cells = []
    for heading, x, width in TABLE_COLUMNS:
        cells.append({"row": 0, "x": x, "text": heading.upper(), "full": heading})
        for number, full in enumerate(texts[heading], start=1):
            cells.append(
                {
                    "row": number,
                    "x": x,
                    "text": _shorten(full, width),
                    "full": _shorten(full, 400),
                }
            )
    return pd.DataFrame(cells)


def rows_chart(rows, *, partner: str, flow: str, period_type: str):
    """The explorer's picture: the levels as dots (one panel per currency) above a table of
    every matching row, with its compiler and source.

    ``rows`` is :func:`nkcourse.analysis.trade.matching_rows`.
    """
    rows = charts.check_rows(rows, limit=200)
    levels = rows[rows["value"].notna()]
    panels = []
    for currency in sorted(levels["currency"].dropna().unique()):
        some = levels[levels["currency"] == currency]
        some = some.assign(figure=_figure(some) + " " + currency)
        panels.append(
            alt.Chart(_inline(some))
            .mark_point(size=90, filled=True)
            .encode(
                x=alt.X("period:O", title="Period", sort="ascending"),
                y=alt.Y("value:Q", title=f"{flow[0].upper()}{flow[1:]} ({currency} million)"),
                color=alt.Color("compiler_family:N", title="Compiled by"),
                tooltip=[
                    alt.Tooltip("period:N", title="Period"),
                    alt.Tooltip("figure:N", title="Figure (million)"),
                    alt.Tooltip("compiler:N", title="Compiler"),
                    alt.Tooltip("source:N", title="Source"),
                ],
            )
            .properties(title=f"Levels in {currency}", width=560, height=200)
        )
    table = (
        alt.Chart(_inline(_table_cells(rows)))
        .mark_text(align="left", baseline="middle", fontSize=12)
        .encode(
            x=alt.X("x:Q", scale=None, axis=None),
            y=alt.Y("row:O", axis=None),
            text="text:N",
            tooltip=alt.Tooltip("full:N", title="Full text"),
        )
        .properties(title="Every matching row", width=900, height=20 * (len(rows) + 1))
    )
    no_levels = "" if panels else " None of these rows states a level, only a change."
    chart = alt.vconcat(*panels, table).resolve_scale(color="shared")
    return charts.finish(
        chart,
        title=f"{partner}: {flow}, {period_type} figures",
        description=(
            f"{len(rows)} rows of the trade dataset for {partner}, {flow}, kind of period "
            f"{period_type}. Dots show the levels, one panel per currency; a table lists "
            f"every row with its change, compiler and source.{no_levels}"
        ),
        takeaway=(
            f"{len(rows)} published figures, {len(levels)} of them levels, from "
            f"{rows['compiler_family'].nunique()} compiler(s).{no_levels}"
        ),
        source="nkcourse trade dataset",
    )
