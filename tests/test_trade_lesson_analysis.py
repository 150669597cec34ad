"""Lesson 04: selecting comparable trade rows, growth rates, charts and the explorer."""

import datetime
import math

import pandas as pd
import pytest

from nkcourse import data
from nkcourse.analysis import trade as tr
from nkcourse.errors import NkcourseError


@pytest.fixture(scope="module")
def trade():
    return data.load("trade")


@pytest.fixture(scope="module")
def events():
    return data.load("events")


def row(**fields):
    base = {
        "partner": "China",
        "flow": "total",
        "period_type": "year",
        "currency": "USD",
        "compiler": "GAC (Reuters)",
        "value": 100.0,
    }
    return {**base, **fields}


# ---- growth rates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [(100, 150, 50.0), (200, 50, -75.0), (80, 80, 0.0), (4, 5, 25.0)],
)
def test_growth_pct_is_the_change_as_a_percentage_of_the_old_level(old, new, expected):
    assert tr.growth_pct(old, new) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (0, 10, "positive levels"),
        (-5, 10, "positive levels"),
        (float("nan"), 10, "missing"),
        ("5060", 2430, "two numbers"),
        (True, 2430, "two numbers"),
    ],
)
def test_growth_pct_refuses_what_has_no_growth_rate(old, new, says):
    with pytest.raises(NkcourseError, match=says):
        tr.growth_pct(old, new)


def test_growth_between_same_compiler_written_two_ways():
    old = row(compiler="China General Administration of Customs (GAC), spokesman", value=200)
    assert tr.growth_between(old, row(value=250)) == pytest.approx(25.0)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"compiler": "KOTRA"}, r"compiler differs \(GAC vs KOTRA\)"),
        ({"currency": "CNY"}, r"currency differs \(USD vs CNY\)"),
        ({"flow": "imports from DPRK"}, "flow differs"),
        ({"period_type": "half-year"}, "kind of period differs"),
        ({"currency": float("nan")}, "currency of one row is not stated"),
    ],
)
def test_growth_between_refuses_to_mix(change, says):
    with pytest.raises(NkcourseError, match=says):
        tr.growth_between(row(), row(**change))


def test_growth_between_lists_every_problem_at_once():
    with pytest.raises(NkcourseError) as caught:
        tr.growth_between(row(), row(compiler="KOTRA", currency="CNY"))
    assert "compiler differs" in str(caught.value) and "currency differs" in str(caught.value)


def test_computed_vs_reported_2018_against_2017_by_hand(trade):
    table = tr.computed_vs_reported(trade, "2017", "2018").set_index("flow")
    # GAC levels in USD million: total 5060 -> 2430, imports 1720 -> 213.15.
    assert table.loc["total", "computed_growth_pct"] == pytest.approx((2430 / 5060 - 1) * 100)
    assert table.loc["total", "reported_growth_pct"] == pytest.approx(-51.2)
    imports = (213.15 / 1720 - 1) * 100
    assert table.loc["imports from DPRK", "computed_growth_pct"] == pytest.approx(imports)
    assert table.loc["total", "difference_pts"] == pytest.approx((2430 / 5060 - 1) * 100 + 51.2)
    assert set(table["currency"]) == {"USD"}
    assert table["source"].str.contains("reuters").all()


def test_pick_level_refuses_none_and_several(trade):
    with pytest.raises(NkcourseError, match="No level"):
        tr.pick_level(
            trade, partner="China", period="2005", flow="total", family="GAC", currency="USD"
        )
    with pytest.raises(NkcourseError, match="Several reports"):
        tr.pick_level(
            trade, partner="China", period="2014", flow="total", family="KOTRA", currency="USD"
        )


# ---- compilers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("compiler", "family"),
    [
        ("GAC (Reuters)", "GAC"),
        ("China General Administration of Customs (GAC), spokesman Huang Songping", "GAC"),
        ("Chinese customs via Bloomberg", "GAC"),
        ("KITA (Chinese customs data) via Yonhap", "KITA"),
        ("KOTRA-based estimate (UPI/SCMP)", "KOTRA"),
        ("ITC Trade Map (via Daily NK)", "ITC"),
        ("Statistics Korea (KOSIS) via Yonhap", "Statistics Korea"),
        ("Russian customs via VOA/Yonhap", "Russian customs"),
        ("Somebody new", "Somebody new"),
    ],
)
def test_compiler_family(compiler, family):
    assert tr.compiler_family(compiler) == family


def test_every_compiler_in_the_data_has_a_known_family(trade):
    known = {family for _pattern, family in tr.COMPILER_FAMILIES}
    assert set(tr.with_families(trade)["compiler_family"]) <= known


# ---- selections -----------------------------------------------------------------------------


def test_series_runs_break_at_missing_years():
    assert tr.series_runs([2013, 2014, 2014, 2015, 2022]) == [0, 0, 0, 0, 1]
    assert tr.series_runs([2010, 2013]) == [0, 1]
    assert tr.series_runs([]) == []


def test_annual_totals_keep_every_compiler_and_no_invented_year(trade):
    annual = tr.annual_totals(trade)
    china = annual[annual["partner"] == "China"]
    assert set(china.loc[china["year"] == 2015, "value"]) == {5710.0, 5430.0}  # KOTRA, KIEP
    assert len(china[china["year"] == 2014]) == 2  # two reports of KOTRA data
    for missing in (2005, 2006, 2009):  # SOURCES.md: no level for these years
        assert missing not in set(china["year"])
    assert annual["value"].notna().all() and set(annual["currency"]) == {"USD"}
    kotra = china[china["compiler_family"] == "KOTRA"].sort_values("year")
    assert kotra.groupby("run")["year"].apply(list).tolist() == [
        [2010],
        [2013, 2014, 2014, 2015],
        [2018],
        [2022],
    ]
    russia = annual[annual["partner"] == "Russia"]
    assert sorted(russia["year"]) == [2013, 2015, 2016, 2019]


def test_reported_growth_for_the_claim_keeps_currency(trade):
    periods = ["2017-Q1", "2017-H1"]
    growth = tr.reported_growth(trade, periods=periods)
    q1 = growth[growth["period"] == "2017-Q1"].set_index("currency")["yoy_change_pct"]
    assert q1.to_dict() == {"CNY": 37.4, tr.NOT_STATED: 36.8}
    h1 = growth[growth["period"] == "2017-H1"]
    assert h1[["yoy_change_pct", "currency"]].values.tolist() == [[10.5, "USD"]]
    assert growth["period"].tolist()[0] == "2017-Q1"  # in the order asked for


def test_reported_growth_names_a_period_without_one(trade):
    with pytest.raises(NkcourseError, match="2017-Q3"):
        tr.reported_growth(trade, periods=["2017-Q3"])


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        ("2017", (2017, 1, 1), (2017, 12, 31)),
        ("2017-Q1", (2017, 1, 1), (2017, 3, 31)),
        ("2018-Q4", (2018, 10, 1), (2018, 12, 31)),
        ("2017-H2", (2017, 7, 1), (2017, 12, 31)),
        ("2016-02", (2016, 2, 1), (2016, 2, 29)),
        ("2017-01..09", (2017, 1, 1), (2017, 9, 30)),
    ],
)
def test_period_bounds(period, first, last):
    assert tr.period_bounds(period) == (datetime.date(*first), datetime.date(*last))


@pytest.mark.parametrize("period", ["2017-Q5", "17", "2017-13", "2017-09..03", "Q1 2017"])
def test_period_bounds_refuses_unknown_periods(period):
    with pytest.raises(NkcourseError, match="period"):
        tr.period_bounds(period)


def test_changes_by_period_after_enforcement(trade):
    changes = tr.changes_by_period(trade)
    assert changes["period_end"].dt.year.between(2017, 2018).all()
    december = changes[changes["period"] == "2017-12"]
    assert december["yoy_change_pct"].tolist() == [-81.6]
    after = changes[changes["period_start"] > pd.Timestamp("2017-09-05")]
    assert (after["yoy_change_pct"] < 0).all() and len(after) >= 5


def test_monthly_levels_are_only_the_months_we_have(trade):
    levels = tr.monthly_levels(trade)
    assert levels["period"].tolist() == [
        "2016-04",
        "2016-11",
        "2017-03",
        "2017-04",
        "2017-12",
        "2017-12",
        "2018-01",
    ]
    assert set(levels.loc[levels["period"] == "2017-12", "value"]) == {54.34, 54.68}


def test_events_on_the_enforcement_dates(events):
    marked = tr.events_on(events)
    assert len(marked) == len(tr.ENFORCEMENT_DATES)
    assert marked["event"].str.contains("enforcing 2371").any()
    with pytest.raises(NkcourseError, match="2017-01-01"):
        tr.events_on(events, ["2017-01-01"])


def test_matching_rows_and_its_friendly_refusal(trade):
    rows = tr.matching_rows(trade, partner="Russia", flow="total", period_type="year")
    assert rows["period"].tolist() == ["2013", "2015", "2016", "2019"]
    assert {"compiler", "source", "currency"} <= set(rows.columns)
    with pytest.raises(NkcourseError, match="half-year, two months, year, year-to-date"):
        tr.matching_rows(trade, partner="Russia", flow="total", period_type="month")


# ---- charts and explorer -------------------------------------------------------------------


def _data_rows(spec):
    found = list(spec.get("datasets", {}).values())

    def walk(node):
        if isinstance(node, dict):
            values = (
                node.get("data", {}).get("values") if isinstance(node.get("data"), dict) else None
            )
            if values is not None:
                found.append(values)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(spec)
    return found


def test_every_lesson_chart_is_finished_and_small(trade, events):
    from nkcourse import charts
    from nkcourse.charts import trade as ct

    marked = tr.events_on(events)
    built = [
        ct.annual_totals_chart(tr.annual_totals(trade)),
        ct.reported_growth_chart(tr.reported_growth(trade, periods=["2017-Q1", "2017-H1"])),
        ct.import_changes_chart(tr.changes_by_period(trade), marked),
        ct.monthly_levels_chart(tr.monthly_levels(trade), marked),
    ]
    for chart in built:
        spec = chart.to_dict()
        assert charts.chart_problems(spec) == []
        assert spec["description"] and spec["title"]["subtitle"]
        assert all(len(rows) <= 200 for rows in _data_rows(spec))


def test_import_changes_takeaway_comes_from_the_rows(trade, events):
    from nkcourse.charts import trade as ct

    changes = tr.changes_by_period(trade)
    spec = ct.import_changes_chart(changes, tr.events_on(events)).to_dict()
    after = changes[changes["period_start"] > pd.Timestamp("2017-09-05")]["yoy_change_pct"]
    takeaway = " ".join(spec["title"]["subtitle"])
    assert f"{after.max():g}%" in takeaway and f"{after.min():g}%" in takeaway


def test_the_annual_chart_never_joins_across_a_gap(trade):
    from nkcourse.charts import trade as ct

    spec = ct.annual_totals_chart(tr.annual_totals(trade)).to_dict()
    line = spec["vconcat"][0]["layer"][0]
    assert line["mark"]["type"] == "line" and line["encoding"]["detail"]["field"] == "run"


def test_rows_chart_keeps_currencies_apart_and_lists_sources(trade):
    from nkcourse.explorers.trade import trade_view

    spec = trade_view(trade, partner="China", flow="total", period_type="quarter").to_dict()
    y_titles = [panel["encoding"]["y"]["title"] for panel in spec["vconcat"][:-1]]
    assert y_titles == ["Total (CNY million)", "Total (USD million)"]
    texts = {cell.get("text") for rows in _data_rows(spec) for cell in rows}
    assert "+37.4%" in texts and "+36.8%" in texts and "8400 CNY" in texts


def test_the_explorer_updates_and_explains_an_empty_choice():
    from nkcourse.explorers.trade import trade_explorer

    explorer = trade_explorer()
    assert explorer.error is None
    explorer.update(partner="Russia", period_type="month")
    assert isinstance(explorer.error, NkcourseError)
    assert "Kinds of period it has" in str(explorer.error)
    chart = explorer.update(period_type="two months")
    assert explorer.error is None and chart is not None
    assert "Russia" in chart.to_dict()["title"]["text"]


def test_growth_pct_matches_math_for_many_values():
    for old, new in [(1.5, 3.0), (5060, 2430), (1720, 213.15)]:
        assert math.isclose(tr.growth_pct(old, new), (new / old - 1) * 100, rel_tol=1e-12)
