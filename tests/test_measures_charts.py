"""Lesson 03's charts and explorers: what they draw and say, checked through their specs."""

import pytest

from nkcourse import charts
from nkcourse.analysis import measures as am
from nkcourse.charts import measures as cm
from nkcourse.errors import NkcourseError
from nkcourse.explorers import measures as em


def _subtitle(spec) -> str:
    return " ".join(spec["title"]["subtitle"])


def _rows(spec):
    (rows,) = spec["datasets"].values()
    return rows


def test_the_heatmap_puts_resolutions_in_date_order_and_sectors_in_staircase_order(measures):
    matrix = am.sector_matrix(measures)
    spec = cm.sector_heatmap(matrix).to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["encoding"]["x"]["sort"] == am.resolution_order(measures)
    assert spec["encoding"]["y"]["sort"] == am.sector_order(matrix)
    assert spec["encoding"]["color"]["scale"]["domain"] == ["ban", "cap", "other measure"]
    tooltips = [t["field"] for t in spec["encoding"]["tooltip"]]
    assert "details" in tooltips
    assert len(_rows(spec)) == len(matrix)
    assert charts.chart_problems(spec) == []


def test_the_heatmap_takeaway_counts_the_cells_of_2016_2017(measures):
    matrix = am.sector_matrix(measures)
    recent = (matrix["date"].dt.year >= 2016).sum()
    spec = cm.sector_heatmap(matrix).to_dict()
    assert f"{recent} of the {len(matrix)} filled cells" in _subtitle(spec)
    assert spec["description"].startswith("Heatmap with 29 rows")


def test_the_accumulation_chart_is_a_step_line_whose_takeaway_matches_the_table(measures):
    cumulative = am.cumulative_sectors(measures)
    spec = cm.accumulation_chart(cumulative).to_dict()
    line = spec["layer"][0]
    assert line["mark"]["type"] == "line"
    assert line["mark"]["interpolate"] == "step-after"
    assert line["encoding"]["y"]["field"] == "n_sectors"
    jump = am.jump_since(cumulative, 2016)
    assert jump["before_resolution"] == "2094"  # the last resolution before 2016 (2013)
    subtitle = _subtitle(spec)
    assert f"{jump['before']} sectors were under a ban or cap after resolution 2094" in subtitle
    assert f"{jump['after']} after 2397" in subtitle


def test_the_textile_chart_shows_the_four_estimates_by_who_stated_them(exports):
    estimates = am.textile_estimates(exports)
    spec = cm.textile_estimates_chart(estimates).to_dict()
    bars = spec["layer"][0]
    assert bars["mark"]["type"] == "bar"
    assert bars["encoding"]["y"]["field"] == "stated_by"
    assert bars["encoding"]["x"]["field"] == "value_usd_m"
    assert sorted(row["value_usd_m"] for row in _rows(spec)) == [752, 760, 800, 950]
    subtitle = _subtitle(spec)
    assert "US$ 752 million (KOTRA" in subtitle and "US$ ~950 million (Australian" in subtitle
    assert "198 million apart" in subtitle  # 950 - 752


def test_the_resolution_explorer_shows_verbatim_details_and_what_is_new(measures):
    explorer = em.resolution_explorer(measures)
    html = explorer.update(resolution="2375")
    assert "textile export ban" in html
    assert "refined petroleum cap 500,000 bbl (1 Oct-31 Dec 2017)" in html  # not cut short
    assert "20 sectors had been put under a ban or a cap" in html
    assert "for the first time: crude oil, natural gas liquids, refined petroleum, textiles" in html
    assert "total embargo" not in html  # dropped in negotiation


def test_the_explorers_first_time_sectors_agree_with_the_cumulative_count(measures):
    cumulative = am.cumulative_sectors(measures).set_index("resolution")
    for resolution in am.resolution_order(measures):
        html = em.resolution_view(measures, resolution)
        expected = cumulative.loc[resolution, "new_sectors"]
        listed = ", ".join(sorted(expected.split(", "))) if expected else "none"
        assert f"for the first time: {listed}." in html, resolution


def test_a_resolution_that_added_nothing_says_so(measures):
    html = em.resolution_view(measures, "2356")
    assert "Banned or capped by 2356 itself: none; for the first time: none." in html


def test_the_sector_explorer_shows_the_dropped_oil_embargo(measures):
    explorer = em.sector_explorer(measures)
    html = explorer.update(sector="crude oil")
    assert "3 measures on crude oil, in 2 Council texts" in html
    assert "dropped" in html and "total embargo on crude oil" in html


def test_a_resolution_that_is_not_in_the_list_is_explained(measures):
    with pytest.raises(NkcourseError, match="is not one of the sanctions resolutions"):
        em.resolution_view(measures, "9999")
