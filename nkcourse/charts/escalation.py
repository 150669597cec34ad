"""Lesson 02's charts: the 2006-2017 timeline, test-to-resolution lags, both agencies'
magnitudes, and missiles per year.

Each builder takes a table from :mod:`nkcourse.analysis.escalation` (already aggregated)
and returns a finished chart; takeaways are written from the data, never typed in.
"""

import altair as alt

from nkcourse.analysis import escalation
from nkcourse.charts.finish import finish
from nkcourse.charts.limits import check_rows
from nkcourse.charts.theme import OKABE_ITO

CNS_CITATION = (
    "CNS North Korea Missile Test Database, James Martin Center for Nonproliferation "
    "Studies, for the Nuclear Threat Initiative (NTI)"
)
KIND_SCALE = alt.Scale(
    domain=list(escalation.KINDS), range=list(OKABE_ITO[: len(escalation.KINDS)])
)
AGENCY_SCALE = alt.Scale(domain=["USGS", "CTBTO"], range=[OKABE_ITO[0], OKABE_ITO[1]])
DATE_AXIS_TITLE = "Date (tests and launches in UTC; Council texts in New York time)"


def _timeline_layer(selected, first: int, last: int):
    """Points on a date axis, one row per kind; a launch day's point grows with its missiles."""
    return (
        alt.Chart(check_rows(selected))
        .mark_point(filled=True, opacity=0.8)
        .encode(
            x=alt.X(
                "date:T",
                title=DATE_AXIS_TITLE,
                scale=alt.Scale(domain=[f"{first}-01-01", f"{last}-12-31"]),
            ),
            y=alt.Y("kind:N", title="Kind of event", sort=list(escalation.KINDS)),
            color=alt.Color("kind:N", scale=KIND_SCALE, legend=None),
            shape=alt.Shape("kind:N", legend=None),
            size=alt.Size(
                "items:Q",
                title="Missiles that day (count)",
                scale=alt.Scale(range=[40, 400], zero=False),
            ),
            tooltip=[
                alt.Tooltip("date:T", title="Date"),
                alt.Tooltip("clock:N", title="Time zone of the date"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("label:N", title="What"),
                alt.Tooltip("detail:N", title="Detail"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
        .properties(width=560, height=200)
    )


def _count_table(counts):
    """The counts as a small table drawn in text, so it updates with the chart."""
    long = counts.melt(id_vars="kind", var_name="column", value_name="count")
    long["column"] = long["column"].map(
        {"dates": "Dates on the timeline", "items": "Tests, missiles or texts"}
    )
    return (
        alt.Chart(long)
        .mark_text(fontSize=14)
        .encode(
            y=alt.Y("kind:N", title="Kind of event", sort=list(counts["kind"])),
            x=alt.X("column:N", title="Count", axis=alt.Axis(orient="top", labelAngle=0)),
            text=alt.Text("count:Q"),
            tooltip=[
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("column:N", title="Counted"),
                alt.Tooltip("count:Q", title="Count"),
            ],
        )
        .properties(width=360, height=24 * len(counts))
    )


def timeline_view(timeline, years, kinds):
    """The explorer's view: the chosen kinds and years on a timeline, and their counts."""
    selected = escalation.select_events(timeline, years, kinds)
    counts = escalation.count_by_kind(selected, kinds)
    first, last = escalation.year_range(years)
    period = str(first) if first == last else f"{first}-{last}"
    described = "; ".join(
        f"{row.kind}: {row.items} on {row.dates} date{'s' * (row.dates != 1)}"
        for row in counts.itertuples()
    )
    chart = alt.vconcat(_timeline_layer(selected, first, last), _count_table(counts))
    return finish(
        chart,
        title=f"Tests, launches and Security Council texts, {period}",
        description=(
            f"Timeline from {period}: one row of points per kind of event along a date axis, "
            f"and below it a table of counts. {described}."
        ),
        takeaway=(f"{period}: {described}. Hover over a point for its date, detail and source."),
        source=f"{CNS_CITATION}; USGS/CTBTO; UN Security Council (course datasets)",
    )


def lag_chart(lags):
    """Bars: days from each nuclear test to the resolution that answered it."""
    followed = lags[lags["followed"]].copy()
    followed["test"] = (
        "Test " + followed["test_no"].astype(str) + " -> " + followed["resolution"].astype(str)
    )
    followed["days"] = followed["days"].astype(int)
    fastest = followed.loc[followed["days"].idxmin()]
    slowest = followed.loc[followed["days"].idxmax()]
    chart = (
        alt.Chart(
            check_rows(followed[["test", "test_date", "resolution", "adopted", "days", "trigger"]])
        )
        .mark_bar(color=OKABE_ITO[0])
        .encode(
            x=alt.X(
                "test:N", title="Nuclear test -> resolution", sort=None, axis=alt.Axis(labelAngle=0)
            ),
            y=alt.Y("days:Q", title="Days from test to adoption"),
            tooltip=[
                alt.Tooltip("test_date:T", title="Test (UTC date)"),
                alt.Tooltip("resolution:N", title="Resolution"),
                alt.Tooltip("adopted:T", title="Adopted (New York date)"),
                alt.Tooltip("days:Q", title="Days"),
                alt.Tooltip("trigger:N", title="Trigger, as the dataset records it"),
            ],
        )
        .properties(width=560)
    )
    unanswered = len(lags) - len(followed)
    missing = f" {unanswered} test(s) had no resolution." if unanswered else ""
    return finish(
        chart,
        title="How long the Security Council took to answer each nuclear test",
        description=(
            "Bar chart, one bar per nuclear test, its height the days until the resolution "
            "whose trigger names that test: "
            + "; ".join(f"{row.test}: {row.days} days" for row in followed.itertuples())
            + "."
            + missing
        ),
        takeaway=(
            f"The fastest answer came after {fastest['days']} days (resolution "
            f"{fastest['resolution']}), the slowest after {slowest['days']} "
            f"(resolution {slowest['resolution']}).{missing}"
        ),
        source="UN Security Council press releases and 1718 Committee pages; CTBTO/USGS dates",
    )


def _value_text(row) -> str:
    """'4.3', or '4.8-4.9' for a range, as the agency gave it."""
    if row.mb == row.mb:  # not NaN
        return f"{row.mb:g}"
    return f"{row.mb_low:g}-{row.mb_high:g}"


def _magnitude_summary(magnitudes):
    """Per test: each agency's value as text, and whether USGS's single value is higher."""
    by_test = {}
    for row in magnitudes.itertuples():
        entry = by_test.setdefault(row.test, {"test": row.test})
        entry[row.agency] = _value_text(row)
        entry[f"{row.agency}_mb"] = row.mb
    for entry in by_test.values():
        usgs, ctbto = entry.get("USGS_mb"), entry.get("CTBTO_mb")
        both = usgs == usgs and ctbto == ctbto and usgs is not None and ctbto is not None
        entry["comparable"] = both
        entry["usgs_higher"] = both and usgs > ctbto
    return list(by_test.values())


def magnitude_chart(magnitudes):
    """Both agencies' mb per test side by side: a dot per value, a bar for a range, and a
    hollow diamond for an earlier value that was later revised."""
    axis_title = "Body-wave magnitude (mb)"
    base = alt.Chart(check_rows(magnitudes)).encode(
        x=alt.X("test:N", title="Nuclear test (UTC date)", axis=alt.Axis(labelAngle=-20)),
        xOffset=alt.XOffset("agency:N", sort=["USGS", "CTBTO"]),
        color=alt.Color("agency:N", title="Agency", scale=AGENCY_SCALE, sort=["USGS", "CTBTO"]),
        tooltip=[
            alt.Tooltip("agency:N", title="Agency"),
            alt.Tooltip("test:N", title="Test"),
            alt.Tooltip("mb:Q", title="mb"),
            alt.Tooltip("mb_low:Q", title="Low end"),
            alt.Tooltip("mb_high:Q", title="High end"),
            alt.Tooltip("earlier_mb:Q", title="Earlier value (revised)"),
            alt.Tooltip("status:N", title="Status"),
            alt.Tooltip("as_written:N", title="As written"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    scale = alt.Scale(zero=False)
    ranges = base.mark_bar(size=10, opacity=0.6).encode(
        y=alt.Y("mb_low:Q", title=axis_title, scale=scale), y2="mb_high:Q"
    )
    values = base.mark_point(filled=True, size=90).encode(y=alt.Y("mb:Q", title=axis_title))
    earlier = base.mark_point(filled=False, size=90, shape="diamond").encode(
        y=alt.Y("earlier_mb:Q", title=axis_title)
    )
    summary = _magnitude_summary(magnitudes)
    comparable = [entry for entry in summary if entry["comparable"]]
    higher = sum(entry["usgs_higher"] for entry in comparable)
    ranged = [entry["test"] for entry in summary if "-" in entry.get("CTBTO", "")]
    revised = int(magnitudes["earlier_mb"].notna().sum())
    range_note = f" CTBTO gave only a range for {', '.join(ranged)}." if ranged else ""
    return finish(
        (ranges + values + earlier).properties(width=620, height=320),
        title="Two agencies, two magnitudes for every nuclear test",
        description=(
            "Dot chart: for each nuclear test, USGS's and CTBTO's body-wave magnitude side by "
            "side; a bar marks a range; hollow diamonds mark earlier values that were later "
            "revised. "
            + "; ".join(
                f"{entry['test']}: USGS {entry.get('USGS', 'none')}, "
                f"CTBTO {entry.get('CTBTO', 'none')}"
                for entry in summary
            )
            + "."
        ),
        takeaway=(
            f"USGS's value is higher than CTBTO's for {higher} of the {len(comparable)} tests "
            f"where both give one number; {revised} values replaced an earlier, different one."
            + range_note
        ),
        source="USGS event summaries (via copies); CTBTO event pages (nuclear_tests dataset)",
    )


def missiles_per_year_chart(per_year_long):
    """Grouped bars: missiles and launch days per year, from the CNS database."""
    years = sorted(per_year_long["year"].unique())
    absent = [y for y in range(years[0], years[-1] + 1) if y not in set(years)]
    missiles = per_year_long[per_year_long["measure"] == "Missiles"]
    peak = missiles.loc[missiles["count"].idxmax()]
    measures = list(escalation.PER_YEAR_MEASURES.values())
    chart = (
        alt.Chart(check_rows(per_year_long))
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Year (UTC dates)", axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("measure:N", sort=measures),
            y=alt.Y("count:Q", title="Count (missiles, or days with a launch)"),
            color=alt.Color(
                "measure:N",
                title="Counted",
                sort=measures,
                scale=alt.Scale(domain=measures, range=[OKABE_ITO[0], OKABE_ITO[1]]),
            ),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("measure:N", title="Counted"),
                alt.Tooltip("count:Q", title="Count"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
        .properties(width=560)
    )
    gap = (
        f" Years without a bar ({', '.join(map(str, absent))}) have no launch in CNS."
        if absent
        else ""
    )
    return finish(
        chart,
        title=f"Missiles tested per year, {years[0]}-{years[-1]}",
        description=(
            "Grouped bar chart: for each year with a launch, the number of missiles and the "
            "number of days with a launch. "
            + "; ".join(
                f"{row.year} {row.measure.lower()}: {row.count}"
                for row in per_year_long.itertuples()
            )
            + "."
            + gap
        ),
        takeaway=(
            f"Most missiles in one year: {peak['count']} in {peak['year']}. A salvo puts "
            "several missiles on one launch day, so missiles outnumber days." + gap
        ),
        source=CNS_CITATION,
    )
