"""nkcourse.analysis.measures: the sectors x resolutions tables of lesson 03.

Small hand-made tables pin the rules (what counts, what is left out); a few checks on the
shipped data compare with what the research notes (../shared/facts/resolutions.csv) say
in words, e.g. "2375: textile export ban", "2321: binding annual cap on coal".
"""

import pandas as pd
import pytest

from nkcourse.analysis import measures as am
from nkcourse.errors import NkcourseError


def _measures(rows):
    """A measures-shaped table from (resolution, document_type, date, item, status, sector,
    measure) tuples; detail says which row it is."""
    frame = pd.DataFrame(
        rows,
        columns=["resolution", "document_type", "date", "item", "status", "sector", "measure"],
    )
    frame["date"] = pd.to_datetime(frame["date"])
    frame["detail"] = frame["resolution"] + " item " + frame["item"].astype(str) + " on "
    frame["detail"] += frame["sector"]
    frame["source"] = "made up for the test"
    return frame


TOY = _measures(
    [
        ("A", "resolution", "2006-01-10", 1, "adopted", "coal", "ban"),
        ("A", "resolution", "2006-01-10", 2, "adopted", "arms", "inspection"),
        ("B", "resolution", "2007-05-01", 1, "adopted", "coal", "cap"),
        ("B", "resolution", "2007-05-01", 2, "adopted", "textiles", "cap"),
        ("B", "resolution", "2007-05-01", 3, "dropped", "crude oil", "ban"),
        ("B", "resolution", "2007-05-01", 3, "dropped", "refined petroleum", "ban"),
        ("B", "resolution", "2007-05-01", 4, "softened", "workers", "ban"),
        ("C", "resolution", "2008-02-02", 1, "adopted", "designations", "designation"),
        ("P", "resolution (Panel of Experts renewal)", "2009-01-01", 1, "adopted", "wood", "ban"),
        ("Old", "resolution", "1993-05-11", 1, "adopted", "iron", "ban"),
        ("V", "draft resolution", "2010-01-01", 1, "vetoed", "seafood", "ban"),
    ]
)


# ---- the rules, on a hand-made table --------------------------------------------------------


def test_only_adopted_measures_of_sanctions_resolutions_from_2006_count():
    kept = am.council_resolutions(TOY)
    assert list(dict.fromkeys(kept["resolution"])) == ["A", "B", "C"]
    assert set(kept["status"]) == {"adopted"}
    assert am.resolution_order(TOY) == ["A", "B", "C"]


def test_the_matrix_has_one_cell_per_sector_and_resolution_with_its_strongest_kind():
    matrix = am.sector_matrix(TOY).set_index(["sector", "resolution"])
    assert len(matrix) == 5  # A: coal, arms; B: coal, textiles; C: designations
    assert matrix.loc[("coal", "A"), "kind"] == "ban"
    assert matrix.loc[("coal", "B"), "kind"] == "cap"
    assert matrix.loc[("arms", "A"), "kind"] == am.OTHER_KIND
    assert matrix.loc[("coal", "B"), "details"] == "B item 1 on coal"
    assert ("crude oil", "B") not in matrix.index  # dropped in negotiation


def test_a_cell_with_a_ban_and_another_measure_is_a_ban_and_lists_both_details():
    two = _measures(
        [
            ("A", "resolution", "2016-01-01", 1, "adopted", "shipping and cargo", "inspection"),
            ("A", "resolution", "2016-01-01", 2, "adopted", "shipping and cargo", "ban"),
        ]
    )
    (cell,) = am.sector_matrix(two).itertuples()
    assert (cell.kind, cell.measures, cell.n_measures) == ("ban", "inspection; ban", 2)
    assert cell.details == "A item 1 on shipping and cargo | A item 2 on shipping and cargo"


def test_sectors_are_ordered_by_the_first_resolution_that_touched_them():
    assert am.sector_order(am.sector_matrix(TOY)) == ["arms", "coal", "textiles", "designations"]


def test_the_cumulative_count_counts_each_sector_once_from_its_first_ban_or_cap():
    table = am.cumulative_sectors(TOY)
    assert list(table.columns) == ["resolution", "date", "new_sectors", "n_new", "n_sectors"]
    assert list(table["resolution"]) == ["A", "B", "C"]
    assert list(table["new_sectors"]) == ["coal", "textiles", ""]
    assert list(table["n_new"]) == [1, 1, 0]
    assert list(table["n_sectors"]) == [1, 2, 2]


def test_the_cumulative_count_can_be_limited_to_bans():
    assert list(am.cumulative_sectors(TOY, kinds=["ban"])["n_sectors"]) == [1, 1, 1]


@pytest.mark.parametrize("kinds", ["ban", ["bans"]])
def test_bad_kinds_are_explained(kinds):
    with pytest.raises(NkcourseError, match="list of measure kinds"):
        am.cumulative_sectors(TOY, kinds=kinds)


def test_the_jump_compares_the_last_count_before_a_year_with_the_final_count():
    jump = am.jump_since(am.cumulative_sectors(TOY), 2007)
    assert jump == {
        "before_resolution": "A",
        "before": 1,
        "last_resolution": "C",
        "after": 2,
        "added": 1,
    }
    with pytest.raises(NkcourseError, match="does not split"):
        am.jump_since(am.cumulative_sectors(TOY), 2020)


def test_sectors_up_to_keeps_every_ban_and_cap_so_far_and_marks_the_new_ones():
    table = am.sectors_up_to(TOY, "B")
    assert list(table.columns) == ["sector", "resolution", "date", "measure", "detail", "new"]
    assert list(zip(table["sector"], table["resolution"], table["new"], strict=True)) == [
        ("coal", "A", False),
        ("coal", "B", True),
        ("textiles", "B", True),
    ]


def test_an_unknown_resolution_lists_the_choices():
    with pytest.raises(NkcourseError, match="Choose one of: A, B, C"):
        am.sectors_up_to(TOY, "Z")


def test_a_resolution_number_given_as_a_number_still_works(measures):
    assert am.sectors_up_to(measures, 2375).equals(am.sectors_up_to(measures, "2375"))


def test_resolutions_touching_a_sector_include_dropped_and_vetoed_texts():
    assert list(am.resolutions_touching(TOY, "refined petroleum")["status"]) == ["dropped"]
    assert list(am.resolutions_touching(TOY, "seafood")["resolution"]) == ["V"]
    with pytest.raises(NkcourseError, match="Sectors: "):
        am.resolutions_touching(TOY, "bananas")


def test_negotiation_changes_give_one_row_per_fragment_with_its_sectors():
    table = am.negotiation_changes(TOY, "B")
    assert list(table["status"]) == ["dropped", "softened"]
    assert list(table["sectors"]) == ["crude oil, refined petroleum", "workers"]
    assert am.negotiation_changes(TOY, "A").empty


def test_a_table_that_is_not_the_dataset_is_refused_with_what_to_pass():
    with pytest.raises(NkcourseError, match=r"data.load\('measures'\)"):
        am.sector_matrix(pd.DataFrame({"sector": ["coal"]}))
    with pytest.raises(NkcourseError, match=r"data.load\('exports_by_commodity'\)"):
        am.textile_estimates(TOY)


# ---- the shipped data, against the research notes --------------------------------------------


def test_the_heatmap_columns_are_the_2006_2017_sanctions_resolutions(measures):
    assert am.resolution_order(measures) == [
        "1695", "1718", "1874", "2087", "2094", "2270", "2321", "2356", "2371", "2375", "2397",
    ]  # fmt: skip


def test_coal_was_banned_by_2270_capped_by_2321_and_banned_again_by_2371(measures):
    coal = am.sector_matrix(measures).query("sector == 'coal'")
    assert list(zip(coal["resolution"], coal["kind"], strict=True)) == [
        ("2270", "ban"),
        ("2321", "cap"),
        ("2371", "ban"),
    ]


def test_2375_first_banned_textiles_and_capped_oil(measures):
    row = am.cumulative_sectors(measures).set_index("resolution").loc["2375"]
    assert set(row["new_sectors"].split(", ")) == {
        "textiles", "refined petroleum", "crude oil", "natural gas liquids",
    }  # fmt: skip


def test_the_count_never_falls_and_adds_up_its_new_sectors(measures):
    table = am.cumulative_sectors(measures)
    assert table["n_sectors"].is_monotonic_increasing
    assert list(table["n_sectors"]) == list(table["n_new"].cumsum())


def test_what_2375_lost_in_negotiation_is_the_four_items_the_notes_list(measures):
    table = am.negotiation_changes(measures, "2375")
    assert list(table["status"]) == ["dropped", "dropped", "dropped", "softened"]
    assert "total embargo on crude oil" in table["detail"].iloc[0]
    assert "Kim Jong Un" in table["detail"].iloc[1]
    assert "without flag consent" in table["detail"].iloc[2]
    assert "workers" in table["detail"].iloc[3]


def test_each_commodity_points_at_the_ban_the_notes_name(measures, exports):
    table = am.targeted_revenue(exports, measures).drop_duplicates("commodity")
    targeted = dict(zip(table["commodity"], table["targeted_by"], strict=True))
    assert targeted["Textiles/clothing"] == "2375 ban"
    assert targeted["Seafood"] == "2371 ban"  # not 2397's ban on selling fishing rights
    assert targeted["Lead and lead ore"] == "2371 ban"  # not 2397's import ban on metals
    assert targeted["Non-ferrous metals (copper, nickel, silver, zinc)"] == "2321 ban"
    assert targeted["Coal"] == "2270 ban; 2321 cap; 2371 ban"
    assert set(targeted) == set(am.COMMODITY_TARGETS)


def test_revenue_rows_are_stated_figures_never_caps_cuts_or_sums(measures, exports):
    table = am.targeted_revenue(exports, measures)
    assert not table["period"].str.contains("cap|reduction").any()
    assert not table["commodity"].str.contains("package|Total").any()
    assert set(table["value_usd_m"].dropna()) <= set(exports["value_usd_m"].dropna())


def test_the_four_textile_estimates_keep_who_stated_them(exports):
    table = am.textile_estimates(exports)
    assert list(table["value_usd_m"]) == [752, 760, 800, 950]
    assert table["stated_by"].str.contains("KOTRA").iloc[0]
    assert table["stated_by"].str.contains("Bishop").iloc[-1]
    assert table.loc[1, "confidence"] == "unverified"
