"""Lesson 02's chart builders and its timeline explorer."""

import pytest

from nkcourse import charts, data
from nkcourse.analysis import escalation
from nkcourse.charts import escalation as escalation_charts
from nkcourse.explorers.escalation import ticked_view, timeline_explorer

ALL_BOXES = dict.fromkeys(["tests", "launches", "resolutions", "statements", "renewals"], True)


@pytest.fixture(scope="module")
def timeline():
    return escalation.build_timeline(
        data.load("nuclear_tests"), data.load("missile_tests"), data.load("resolutions")
    )


def rows_of(spec: dict, view: int) -> list[dict]:
    """The data rows of one concatenated view of a finished chart."""
    name = spec["vconcat"][view]["data"]["name"]
    return spec["datasets"][name]


def test_timeline_view_shows_the_chosen_events_and_their_count_table(timeline):
    spec = escalation_charts.timeline_view(
        timeline, (2017, 2017), [escalation.NUCLEAR_TEST, escalation.STATEMENT]
    ).to_dict()
    points = rows_of(spec, 0)
    assert {row["kind"] for row in points} == {escalation.NUCLEAR_TEST, escalation.STATEMENT}
    assert [row["label"] for row in points] == ["S/PRST/2017/16", "Nuclear test 6"]
    table = {(row["kind"], row["column"]): row["count"] for row in rows_of(spec, 1)}
    assert table[(escalation.NUCLEAR_TEST, "Tests, missiles or texts")] == 1
    assert spec["title"]["text"].endswith("2017")
    assert "Nuclear test: 1 on 1 date;" in spec["description"]
    assert charts.chart_problems(spec) == []


def test_ticked_boxes_choose_the_kinds(timeline):
    only_tests = {**dict.fromkeys(ALL_BOXES, False), "tests": True}
    spec = ticked_view(timeline, (2006, 2017), **only_tests).to_dict()
    assert {row["kind"] for row in rows_of(spec, 0)} == {escalation.NUCLEAR_TEST}
    with pytest.raises(TypeError, match="no box named volcanoes"):
        ticked_view(timeline, (2006, 2017), volcanoes=True)


def test_the_explorer_updates_and_explains_an_empty_choice(timeline):
    explorer = timeline_explorer(timeline)
    assert explorer.values()["years"] == (2006, 2017)
    chart = explorer.update(years=(2016, 2017), launches=False)
    kinds = {row["kind"] for row in rows_of(chart.to_dict(), 0)}
    assert escalation.MISSILE_LAUNCHES not in kinds and escalation.NUCLEAR_TEST in kinds
    assert explorer.update(**dict.fromkeys(ALL_BOXES, False)) is None
    assert "Tick at least one kind" in str(explorer.error)
    assert "nkcourse-explorer-static" in explorer.static_html()


def test_lag_chart_reports_fastest_slowest_and_unanswered_tests():
    tests_, resolutions = data.load("nuclear_tests"), data.load("resolutions")
    spec = escalation_charts.lag_chart(escalation.resolution_lags(tests_, resolutions)).to_dict()
    takeaway = " ".join(spec["title"]["subtitle"])
    assert "after 5 days (resolution 1718)" in takeaway and "after 82 (resolution" in takeaway
    assert "no resolution" not in takeaway
    fewer = resolutions[resolutions["resolution"] != "2375"]
    spec = escalation_charts.lag_chart(escalation.resolution_lags(tests_, fewer)).to_dict()
    assert "1 test(s) had no resolution" in " ".join(spec["title"]["subtitle"])


def test_magnitude_chart_keeps_the_range_and_says_which_agency_is_higher():
    magnitudes = escalation.magnitudes_by_agency(data.load("nuclear_tests"))
    spec = escalation_charts.magnitude_chart(magnitudes).to_dict()
    assert len(spec["layer"]) == 3  # ranges, values, earlier values
    takeaway = " ".join(spec["title"]["subtitle"])
    assert "for 5 of the 5 tests" in takeaway
    assert "range for Test 4 (2016-01-06)" in takeaway
    assert "CTBTO 4.8-4.9" in spec["description"]


def test_missiles_per_year_chart_names_the_years_without_launches():
    long = escalation.missiles_per_year(data.load("missile_tests_per_year"))
    spec = escalation_charts.missiles_per_year_chart(long).to_dict()
    takeaway = " ".join(spec["title"]["subtitle"])
    assert "(2007, 2008, 2010, 2011)" in takeaway
    assert "24 in 2016" in takeaway
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["x"]["field"] == "year"
