"""nkcourse.analysis.escalation: the timeline, test-to-resolution lags, magnitudes, yields,
UTC vs Korean dates and missiles per year, checked against the datasets by other routes."""

import pandas as pd
import pytest

from nkcourse import data
from nkcourse.analysis import escalation
from nkcourse.errors import NkcourseError


@pytest.fixture(scope="module")
def tests_():
    return data.load("nuclear_tests")


@pytest.fixture(scope="module")
def missiles():
    return data.load("missile_tests")


@pytest.fixture(scope="module")
def resolutions():
    return data.load("resolutions")


@pytest.fixture(scope="module")
def per_year():
    return data.load("missile_tests_per_year")


@pytest.fixture(scope="module")
def timeline(tests_, missiles, resolutions):
    return escalation.build_timeline(tests_, missiles, resolutions)


# ---- timeline ---------------------------------------------------------------------------


def test_timeline_has_every_kind_counted_as_the_sources_count_it(timeline, per_year):
    counts = timeline.groupby("kind")["items"].agg(["size", "sum"])
    assert counts.loc[escalation.NUCLEAR_TEST].to_list() == [6, 6]
    # Adopted resolutions 2006-2017 in resolutions.csv: 1695 1718 1874 2087 2094 2270 2321
    # 2356 2371 2375 2397; statements: S/PRST/2006/41, 2009/7, 2012/13, 2017/16; renewal 2345.
    assert counts.loc[escalation.RESOLUTION].to_list() == [11, 11]
    assert counts.loc[escalation.STATEMENT].to_list() == [4, 4]
    assert counts.loc[escalation.RENEWAL].to_list() == [1, 1]
    # Launch days and missiles must match the per-year derivation of the same CNS copy.
    years = per_year[per_year["year"].between(2006, 2017)]
    launches = counts.loc[escalation.MISSILE_LAUNCHES].to_list()
    assert launches == [years["cns_launch_days_utc"].sum(), years["cns_missiles"].sum()]


def test_timeline_stays_in_its_years_and_in_date_order(timeline):
    assert timeline["year"].between(2006, 2017).all()
    assert timeline["date"].is_monotonic_increasing
    assert list(timeline.columns) == escalation.TIMELINE_COLUMNS
    assert timeline["clock"].isin(["UTC", "New York"]).all()


def test_timeline_keeps_a_salvo_as_one_day_with_its_missiles(timeline):
    # CNS rows 99-103: five ER Scuds on 2017-03-05 (UTC).
    day = timeline[
        (timeline["date"] == "2017-03-05") & (timeline["kind"] == escalation.MISSILE_LAUNCHES)
    ]
    assert day[["items", "label", "detail"]].values.tolist() == [[5, "5 missiles", "ER Scud"]]


def test_an_undated_text_is_left_out_and_an_unknown_type_is_refused(tests_, missiles, resolutions):
    later = escalation.build_timeline(tests_, missiles, resolutions, 2018, 2024)
    assert "UNSCR 2407" not in set(later["label"])  # renewal without a known date
    assert escalation.VETOED_DRAFT in set(later["kind"])  # the 2022 and 2024 drafts
    odd = resolutions.copy()
    odd.loc[0, "document_type"] = "press statement"
    with pytest.raises(NkcourseError, match="press statement"):
        escalation.build_timeline(tests_, missiles, odd)


def test_select_events_filters_years_and_kinds(timeline):
    chosen = escalation.select_events(timeline, (2016, 2017), [escalation.NUCLEAR_TEST])
    assert chosen["date"].dt.strftime("%Y-%m-%d").to_list() == [
        "2016-01-06",
        "2016-09-09",
        "2017-09-03",
    ]


@pytest.mark.parametrize(
    ("years", "kinds", "message"),
    [
        ((2006, 2017), ["Earthquake"], "Unknown kind"),
        ((2006, 2017), [], "Tick at least one"),
        ((2017, 2006), [escalation.RESOLUTION], "swap them"),
        ("2017", [escalation.RESOLUTION], "Give years as"),
    ],
)
def test_select_events_explains_bad_choices(timeline, years, kinds, message):
    with pytest.raises(NkcourseError, match=message):
        escalation.select_events(timeline, years, kinds)


def test_count_by_kind_counts_dates_and_items_and_keeps_zeros(timeline):
    kinds = [escalation.MISSILE_LAUNCHES, escalation.RENEWAL]
    chosen = escalation.select_events(timeline, (2017, 2017), kinds)
    counts = escalation.count_by_kind(chosen, kinds + [escalation.STATEMENT])
    # 2017 in missile_tests_per_year: 21 missiles on 15 launch days; one renewal (2345).
    assert counts.values.tolist() == [
        [escalation.MISSILE_LAUNCHES, 15, 21],
        [escalation.RENEWAL, 1, 1],
        [escalation.STATEMENT, 0, 0],
    ]


# ---- lags ---------------------------------------------------------------------------------


def test_each_test_is_answered_by_the_resolution_its_trigger_names(tests_, resolutions):
    lags = escalation.resolution_lags(tests_, resolutions)
    assert lags["resolution"].to_list() == ["1718", "1874", "2094", "2270", "2321", "2375"]
    # Counted on a calendar: 9->14 Oct; 25 May->12 Jun (6+12); 12 Feb->7 Mar 2013 (16+7);
    # 6 Jan->2 Mar 2016, a leap year (25+29+2); 9 Sep->30 Nov (21+31+30); 3->11 Sep.
    assert lags["days"].to_list() == [5, 18, 23, 56, 82, 8]
    assert lags["followed"].all()
    assert lags.loc[3, "trigger"].startswith("Fourth nuclear test (6 Jan 2016)")


def test_a_test_without_a_resolution_is_flagged_not_matched_to_another(tests_, resolutions):
    # Without 2321, the fifth test (9 Sep 2016) is unanswered: 2356's trigger names
    # "launches since 9 Sep 2016", which is not a nuclear test.
    without = resolutions[resolutions["resolution"] != "2321"]
    fifth = escalation.resolution_lags(tests_, without).iloc[4]
    assert not fifth["followed"]
    assert pd.isna(fifth["resolution"]) and pd.isna(fifth["days"])


def test_a_resolution_before_the_test_does_not_answer_it(tests_, resolutions):
    early = resolutions.copy()
    early.loc[early["resolution"] == "2375", "date"] = pd.Timestamp("2017-09-01")
    sixth = escalation.resolution_lags(tests_, early).iloc[5]
    assert not sixth["followed"]


# ---- magnitudes and yields ---------------------------------------------------------------


def test_magnitudes_keep_both_agencies_and_ctbtos_2016_range(tests_):
    table = escalation.magnitudes_by_agency(tests_)
    assert len(table) == 12 and table["agency"].value_counts().to_dict() == {"USGS": 6, "CTBTO": 6}
    jan_2016 = table[(table["test_no"] == 4) & (table["agency"] == "CTBTO")].iloc[0]
    assert pd.isna(jan_2016["mb"]) and (jan_2016["mb_low"], jan_2016["mb_high"]) == (4.8, 4.9)
    assert jan_2016["status"] == "preliminary"
    sixth = table[(table["test_no"] == 6) & (table["agency"] == "CTBTO")].iloc[0]
    assert (sixth["mb"], sixth["earlier_mb"]) == (6.1, 5.8)  # revised 5.8 -> 6.1


def test_magnitude_differences_are_usgs_minus_ctbto(tests_):
    diffs = escalation.magnitude_differences(tests_)
    # nuclear_tests.csv: 4.3/4.1, 4.7/4.52, 5.1/4.9, 5.1/(4.8-4.9), 5.3/5.1, 6.3/6.1
    assert diffs["usgs_minus_ctbto"].to_list()[:3] == [0.2, 0.18, 0.2]
    assert pd.isna(diffs.loc[3, "usgs_minus_ctbto"]) and diffs.loc[3, "ctbto_range"] == "4.8-4.9"
    assert diffs["usgs_minus_ctbto"].to_list()[4:] == [0.2, 0.2]


def test_yield_estimates_and_spread_of_the_sixth_test():
    estimates = escalation.yield_estimates(data.load("nuclear_yields"), 6)
    assert len(estimates) == 7
    # Lowest: KMA's 50-60 kt; highest: AFTAC's early 70-280 kt range.
    assert escalation.yield_spread(estimates) == (50.0, 280.0)
    with pytest.raises(NkcourseError, match="tests are"):
        escalation.yield_estimates(data.load("nuclear_yields"), 7)


# ---- UTC and Korean dates ----------------------------------------------------------------


def test_korean_date_differs_exactly_for_launches_after_15_utc(missiles):
    shifted = escalation.korea_date_differs(missiles, 2017)
    # Korea is UTC+9: a launch at 15:00 UTC or later is already the next day in Korea.
    in_2017 = missiles[missiles["year"] == 2017]
    late = in_2017[in_2017["launch_time_utc"].str.slice(0, 2).astype(int) >= 15]
    assert sorted(shifted["id"]) == sorted(late["id"])
    days = shifted.set_index("id")
    assert days.loc[116, "date_kst"] == pd.Timestamp("2017-08-29")  # 28 Aug UTC
    assert days.loc[117, "date_kst"] == pd.Timestamp("2017-09-15")  # 14 Sep UTC
    assert days.loc[118, "date_kst"] == pd.Timestamp("2017-11-29")  # 28 Nov UTC
    assert 111 not in days.index  # 4 Jul 00:40 UTC: the same date in Korea


def test_a_launch_without_a_time_is_never_counted_as_shifted(missiles):
    untimed = missiles[missiles["date_kst"].isna() & missiles["date_utc"].notna()]
    assert len(untimed)  # the dataset has such rows
    assert not set(untimed["id"]) & set(escalation.korea_date_differs(missiles)["id"])


# ---- missiles per year ---------------------------------------------------------------------


def test_missiles_per_year_match_a_count_of_the_cns_rows(per_year, missiles):
    long = escalation.missiles_per_year(per_year)
    counted = long.pivot(index="year", columns="measure", values="count")
    rows = missiles[missiles["year"].between(2006, 2017)]
    assert counted["Missiles"].to_dict() == rows.groupby("year").size().to_dict()
    assert (
        counted["Launch days (UTC)"].to_dict()
        == rows.groupby("year")["date_utc"].nunique().to_dict()
    )


def test_the_two_derivations_disagree_only_from_2022(per_year):
    disagree = escalation.derivations_disagree(per_year)
    assert disagree["year"].to_list() == [2022, 2023, 2024, 2025, 2026]
    first = disagree.iloc[0]  # 2022: same missiles, different ICBM counts (5 vs 3)
    assert (first["cns_missiles"], first["nagix_missiles"]) == (69, 69)
    assert (first["cns_icbm"], first["nagix_icbm"]) == (5, 3)
    assert "partial year" in disagree.iloc[1]["notes"]
