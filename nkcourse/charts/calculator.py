"""Charts of lesson 07's sanctions calculator: what the sources state, and what the model says.

Every chart of model output says so in its title; the stated values carry who stated them.
"""

import altair as alt

from nkcourse.analysis import calculator
from nkcourse.charts.finish import finish
from nkcourse.charts.limits import check_rows

PART_CHINA = "Lost: China's enforcement"
PART_RUSSIA = "Lost: Russia's enforcement"
PART_KEPT = "Still earned (not enforced, leaked or other buyers)"
TABLE_COLUMNS = (  # (cell, header, x position in pixels)
    ("commodity", "Commodity", 0),
    ("stated", "Stated, USD m", 285),
    ("period", "Period", 375),
    ("lost", "Lost, USD m (model)", 545),
    ("who", "Stated by", 680),
)
TABLE_WIDTH = 1030
KINDS = ["heading", "body"]
ROW_HEIGHT = 22


def _parts(result):
    """Long table for the stacked bars: one row per commodity and part of its value."""
    import pandas as pd

    shown = result[result["value_usd_m"].notna()]
    pieces = []
    for order, (part, column) in enumerate(
        (
            (PART_CHINA, "lost_via_china_usd_m"),
            (PART_RUSSIA, "lost_via_russia_usd_m"),
            (PART_KEPT, "still_earned_usd_m"),
        )
    ):
        piece = shown[["commodity", "stated_by"]].copy()
        piece["stated_by"] = piece["stated_by"].map(calculator.short_name)
        piece["part"], piece["order"] = part, order
        piece["usd_m"] = shown[column].round(1)
        pieces.append(piece)
    return pd.concat(pieces, ignore_index=True)


def _number(value: float, qualifier=None) -> str:
    if value != value:  # NaN: no stated value, or excluded from the model
        return "none"
    return (qualifier if isinstance(qualifier, str) else "") + f"{value:,.1f}".removesuffix(".0")


def _cells(result):
    """The table under the bars, as one text cell per row and column (header row first)."""
    import pandas as pd

    rows = [{column: header for column, header, _ in TABLE_COLUMNS} | {"source": ""}]
    for row in result.itertuples():
        flag = " [UNVERIFIED]" if calculator.is_unverified(row.confidence) else ""
        lost = row.revenue_lost_usd_m
        rows.append(
            {
                "commodity": row.commodity,
                "stated": _number(row.value_usd_m, getattr(row, "qualifier", None)),
                "who": calculator.short_name(row.stated_by) + flag,
                "period": row.period,
                "lost": "excluded" if lost != lost else _number(lost),
                "source": row.source,
            }
        )
    rows.append(
        {
            "commodity": calculator.TOTAL_LABEL,
            "stated": _number(result["value_usd_m"].sum()),
            "who": "",
            "period": "",
            "lost": _number(calculator.total_lost(result)),
            "source": "",
        }
    )
    table = pd.DataFrame(rows)
    table["row"] = range(len(table))
    cells = table.melt(
        id_vars=["row", "source"],
        value_vars=[c for c, _, _ in TABLE_COLUMNS],
        var_name="column",
        value_name="text",
    )
    cells["x"] = cells["column"].map({c: x for c, _, x in TABLE_COLUMNS})
    ends = (cells["row"] == 0) | (cells["row"] == len(table) - 1)
    cells["kind"] = ends.map({True: "heading", False: "body"})
    return cells


def model_chart(result):
    """Stacked bars of each commodity's stated value split by the model, above a table of
    the inputs it used (value, who stated it, period) and what it computes as lost.

    Kept to two views with a few tooltips: the explorer redraws it on every slider move,
    and Altair's validation time grows with every view and tooltip.
    """
    parts = check_rows(_parts(result))
    cells = check_rows(_cells(result))
    order = list(result["commodity"])
    bars = (
        alt.Chart(parts)
        .mark_bar()
        .encode(
            x=alt.X("usd_m:Q", title="USD million a year (stated value, split by the model)"),
            y=alt.Y("commodity:N", sort=order, title="Commodity", axis=alt.Axis(labelLimit=320)),
            color=alt.Color(
                "part:N",
                title="Part of the stated value",
                sort=[PART_CHINA, PART_RUSSIA, PART_KEPT],
                legend=alt.Legend(orient="right", labelLimit=400),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("commodity:N", title="Commodity"),
                alt.Tooltip("part:N", title="Part"),
                alt.Tooltip("usd_m:Q", title="USD million (model)"),
                alt.Tooltip("stated_by:N", title="Stated by"),
            ],
        )
        .properties(width=420, height=ROW_HEIGHT * len(order))
    )
    table = (
        alt.Chart(cells)
        .mark_text(align="left", baseline="middle")
        .encode(
            x=alt.X("x:Q", axis=None, scale=alt.Scale(domain=[0, TABLE_WIDTH])),
            y=alt.Y("row:O", axis=None),
            text=alt.Text("text:N"),
            # Header and total stand out. Scales, not alt.condition: Altair validates a
            # condition against the whole channel schema, which costs the explorer ~20 ms.
            color=alt.Color(
                "kind:N", scale=alt.Scale(domain=KINDS, range=["#000000", "#444444"]), legend=None
            ),
            size=alt.Size("kind:N", scale=alt.Scale(domain=KINDS, range=[13, 12]), legend=None),
            tooltip=[alt.Tooltip("text:N", title="Cell"), alt.Tooltip("source:N", title="Source")],
        )
        .properties(width=TABLE_WIDTH, height=ROW_HEIGHT * (len(order) + 2))
    )
    total = calculator.total_lost(result)
    value = float(result["value_usd_m"].sum())
    excluded = int(result["value_usd_m"].isna().sum())
    settings = (
        f"China enforces {result['china_enforcement_pct'].iloc[0]:g} %, Russia "
        f"{result['russia_enforcement_pct'].iloc[0]:g} %, evasion leak "
        f"{result['evasion_leak_pct'].iloc[0]:g} %"
    )
    return finish(
        alt.vconcat(bars, table).configure_view(stroke=None),
        title=f"Model output: {_number(total)} of {_number(value)} USD million a year lost",
        description=(
            "Stacked horizontal bars, one per banned commodity with a stated value, each as "
            "long as the value stated for it, split into the part the toy model counts as "
            "lost through China's enforcement, through Russia's, and the part still earned. "
            f"Settings: {settings}. Below, a table of each input: the stated value, who "
            "stated it, the period, and the revenue lost the model computes, with the total. "
            f"{excluded} commodity(ies) without a stated value are listed but left out."
        ),
        takeaway=f"{settings}. A toy model's output, not a forecast.",
        source="exports_by_commodity (who stated each value is in the table); measures",
    )


def stated_values_chart(estimates):
    """One bar per stated value of a banned commodity, coloured by the dataset's confidence."""
    data = estimates[
        ["commodity", "period", "value_usd_m", "value_text", "stated_by", "confidence", "label"]
    ].copy()
    data["row"] = [
        f"{commodity.split(' (')[0]}: {calculator.short_name(who).split(';')[0]}, {period}"
        for commodity, who, period in zip(
            data["commodity"], data["stated_by"], data["period"], strict=True
        )
    ]
    data = check_rows(data)
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("value_usd_m:Q", title="Stated export value (USD million a year)"),
            y=alt.Y(
                "row:N",
                sort=list(data["row"]),
                title="Commodity: who stated it, period",
                # Title above the labels: long labels would run into a rotated title.
                axis=alt.Axis(
                    labelLimit=480, titleAngle=0, titleAlign="right", titleX=-6, titleY=-10
                ),
            ),
            color=alt.Color(
                "confidence:N",
                title="Confidence (research notes)",
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("commodity:N", title="Commodity"),
                alt.Tooltip("value_text:N", title="Value as stated (USD m)"),
                alt.Tooltip("stated_by:N", title="Stated by"),
                alt.Tooltip("period:N", title="Period"),
                alt.Tooltip("confidence:N", title="Confidence"),
            ],
        )
        .properties(width=330)
    )
    textiles = data[data["commodity"] == "Textiles/clothing"]["value_usd_m"]
    return finish(
        chart,
        title="What each banned export was said to be worth, and who said so",
        description=(
            f"Horizontal bar chart of {len(data)} stated annual values (USD million) of "
            "commodities banned by resolutions 2321, 2371 and 2375, one bar per statement, "
            "labelled with who stated it and for which period, coloured by confidence. "
            f"Textiles have {len(textiles)} different estimates, from {textiles.min():g} "
            f"to {textiles.max():g}."
        ),
        takeaway=(
            "The inputs come from different years and different speakers; for textiles "
            "they disagree."
        ),
        source="exports_by_commodity (stated_by column)",
    )


def lost_vs_enforcement_chart(curve, claim_usd_m: float, claim_label: str):
    """Lines of the model's total lost against China's enforcement, one per evasion leak,
    with a stated claim (e.g. the US Mission's "over $1 billion") as a horizontal rule."""
    import pandas as pd

    curve = check_rows(curve.copy())
    curve["leak"] = curve["evasion_leak_pct"].map(lambda leak: f"{leak:g} %")
    lines = (
        alt.Chart(curve)
        .mark_line(point=True)
        .encode(
            x=alt.X("china_enforcement_pct:Q", title="China's enforcement (%)"),
            y=alt.Y(
                "revenue_lost_usd_m:Q", title="Revenue lost, model output (USD million a year)"
            ),
            color=alt.Color(
                "leak:N", title="Evasion leak", sort=list(dict.fromkeys(curve["leak"]))
            ),
            tooltip=[
                alt.Tooltip("china_enforcement_pct:Q", title="China's enforcement (%)"),
                alt.Tooltip("russia_enforcement_pct:Q", title="Russia's enforcement (%)"),
                alt.Tooltip("leak:N", title="Evasion leak"),
                alt.Tooltip("revenue_lost_usd_m:Q", title="Lost, USD m (model)", format=",.1f"),
            ],
        )
    )
    claim = pd.DataFrame({"usd_m": [claim_usd_m], "claim": [claim_label]})
    claim_base = alt.Chart(claim).encode(
        y=alt.Y("usd_m:Q"),
        tooltip=[alt.Tooltip("claim:N", title="Stated claim"), alt.Tooltip("usd_m:Q")],
    )
    rule = claim_base.mark_rule(strokeDash=[6, 4], color="#000000") + claim_base.mark_text(
        align="left", dx=4, dy=-8, color="#000000"
    ).encode(x=alt.value(0), text="claim:N")
    russia = curve["russia_enforcement_pct"].iloc[0]
    return finish(
        alt.layer(lines, rule),
        title="Model output: revenue lost as China enforces more",
        description=(
            "Line chart: the toy model's total revenue lost (USD million a year) for China's "
            f"enforcement from {curve['china_enforcement_pct'].min():g} to "
            f"{curve['china_enforcement_pct'].max():g} %, one line per evasion leak "
            f"({', '.join(dict.fromkeys(curve['leak']))}), Russia's enforcement held at "
            f"{russia:g} %. A dashed horizontal line marks {claim_label}."
        ),
        takeaway=(
            "A bigger evasion leak scales each line down in proportion; the dashed line "
            "is a stated claim, not model output."
        ),
        source="model output from exports_by_commodity; claim from exports_by_commodity",
    )
