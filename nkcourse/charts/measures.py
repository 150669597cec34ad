"""Lesson 03's charts: what each resolution imposed, how it added up, and what textiles
were worth according to whom.

Each builder takes a table from :mod:`nkcourse.analysis.measures` (already aggregated)
and returns a finished chart; its takeaway is worded from the same table, so it cannot
drift from the data.
"""

import altair as alt

from nkcourse.analysis.measures import OTHER_KIND, jump_since, sector_order
from nkcourse.charts.finish import finish
from nkcourse.charts.limits import check_rows
from nkcourse.charts.theme import OKABE_ITO

# Blue, orange and light grey differ in lightness as well as hue, so they stay apart for
# every common colour-vision deficiency and in greyscale print.
KIND_COLOURS = {"ban": OKABE_ITO[0], "cap": OKABE_ITO[1], OTHER_KIND: "#C8C8C8"}
DATE_FORMAT = "%d %b %Y"
CELL_WIDTH, CELL_HEIGHT = 44, 18


def sector_heatmap(matrix):
    """Sectors (rows) x resolutions (columns, by date); colour = the strongest measure."""
    check_rows(matrix)
    resolutions = list(matrix.sort_values("date")["resolution"].drop_duplicates())
    sectors = sector_order(matrix)
    chart = (
        alt.Chart(matrix)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(
                "resolution:O",
                sort=resolutions,
                title="Resolution (in order of adoption)",
                axis=alt.Axis(labelAngle=0, orient="top"),
            ),
            y=alt.Y(
                "sector:N",
                sort=sectors,
                title="Sector (assigned by keyword rule)",
                axis=alt.Axis(labelLimit=300),
            ),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=list(KIND_COLOURS), range=list(KIND_COLOURS.values())),
                title="Strongest measure in the cell",
            ),
            tooltip=[
                alt.Tooltip("sector:N", title="Sector"),
                alt.Tooltip("resolution:N", title="Resolution"),
                alt.Tooltip("date:T", title="Adopted", format=DATE_FORMAT),
                alt.Tooltip("measures:N", title="Kinds of measure"),
                alt.Tooltip("details:N", title="What the sources say (verbatim)"),
            ],
        )
        .properties(width=CELL_WIDTH * len(resolutions), height=CELL_HEIGHT * len(sectors))
    )
    recent = matrix[matrix["date"].dt.year >= 2016]
    first_recent = recent.sort_values("date")["resolution"].iloc[0]
    takeaway = (
        f"{len(recent)} of the {len(matrix)} filled cells belong to the resolutions of "
        f"2016-2017, {first_recent} to {resolutions[-1]}."
    )
    return finish(
        chart,
        title="What each UN sanctions resolution imposed, sector by sector",
        description=(
            f"Heatmap with {len(sectors)} rows, one per sector, and {len(resolutions)} "
            f"columns, one per resolution from {resolutions[0]} to {resolutions[-1]} in date "
            "order. A cell is filled when the resolution adopted a measure on that sector: "
            "blue for a ban, orange for a cap, grey for any other measure (an inspection, a "
            f"designation, a demand...). {takeaway}"
        ),
        takeaway=takeaway,
        source="nkcourse dataset 'measures' (UN press releases, 1718 Committee, US fact "
        "sheets; see its source column)",
    )


def accumulation_chart(cumulative):
    """A step line: the running count of sectors under a ban or cap, resolution by resolution."""
    check_rows(cumulative)
    jump = jump_since(cumulative, 2016)
    base = alt.Chart(cumulative).encode(
        x=alt.X("date:T", title="Date of adoption", axis=alt.Axis(format="%Y")),
        y=alt.Y("n_sectors:Q", title="Sectors under a ban or cap (count)"),
        tooltip=[
            alt.Tooltip("resolution:N", title="Resolution"),
            alt.Tooltip("date:T", title="Adopted", format=DATE_FORMAT),
            alt.Tooltip("n_new:Q", title="Sectors added (count)"),
            alt.Tooltip("new_sectors:N", title="Sectors added"),
            alt.Tooltip("n_sectors:Q", title="Sectors so far (count)"),
        ],
    )
    line = base.mark_line(interpolate="step-after", point=alt.OverlayMarkDef(size=50))
    # Only resolutions that added a sector get a label: the others would overlap.
    labels = (
        base.mark_text(align="right", dx=-4, dy=-8, fontSize=11)
        .encode(text="resolution:N")
        .transform_filter("datum.n_new > 0")
    )
    dates = dict(
        zip(cumulative["resolution"], cumulative["date"].dt.strftime("%b %Y"), strict=True)
    )
    takeaway = (
        f"{jump['before']} sectors were under a ban or cap after resolution "
        f"{jump['before_resolution']} ({dates[jump['before_resolution']]}); {jump['after']} "
        f"after {jump['last_resolution']} ({dates[jump['last_resolution']]}): "
        f"{jump['added']} were added in 2016-2017."
    )
    return finish(
        alt.layer(line, labels).properties(width=560, height=300),
        title="How the bans and caps accumulated, 2006-2017",
        description=(
            "Step line: for each sanctions resolution (a labelled point at its adoption "
            "date), the number of distinct sectors that had been put under a ban or a cap "
            f"by then. The line stays flat from 2006 to 2013 and climbs steeply in 2016-2017. "
            f"{takeaway}"
        ),
        takeaway=takeaway,
        source="nkcourse dataset 'measures' (status adopted; measure ban or cap)",
    )


def textile_estimates_chart(estimates):
    """One bar per stated value of North Korea's textile exports, by who stated it."""
    check_rows(estimates)
    low, high = estimates.iloc[0], estimates.iloc[-1]
    spread = high["value_usd_m"] - low["value_usd_m"]
    base = alt.Chart(estimates).encode(
        y=alt.Y(
            "stated_by:N",
            sort=list(estimates["stated_by"]),
            title="Who stated it",
            axis=alt.Axis(labelLimit=420, titleAngle=0, titleAlign="right", titleX=-4, titleY=-8),
        ),
        x=alt.X("value_usd_m:Q", title="Stated textile exports (US$ million a year)"),
        tooltip=[
            alt.Tooltip("stated_by:N", title="Stated by"),
            alt.Tooltip("value_text:N", title="As stated (US$ million)"),
            alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("confidence:N", title="Confidence (research notes)"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("confidence:N", title="Confidence (research notes)")
    )
    labels = base.mark_text(align="left", dx=4).encode(text="value_text:N")
    takeaway = (
        f"The statements run from US$ {low['value_text']} million ({low['stated_by']}) to "
        f"US$ {high['value_text']} million ({high['stated_by']}): {spread:g} million apart."
    )
    return finish(
        alt.layer(bars, labels).properties(width=420, height=40 * len(estimates)),
        title="What were the textile exports banned by resolution 2375 worth?",
        description=(
            f"Horizontal bar chart of {len(estimates)} stated annual values of North Korea's "
            "textile exports, one bar per body that stated one, lowest at the top; colour "
            "shows the research notes' confidence. The values describe different periods "
            f"(a 2016 total, a 3-year average, 2017 statements). {takeaway}"
        ),
        takeaway=takeaway,
        source="nkcourse dataset 'exports_by_commodity' (stated_by and source columns)",
    )
