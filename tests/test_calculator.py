"""nkcourse.analysis.calculator: the toy sanctions model, its inputs and its edge cases.

Expected values are worked out by hand from the stated figures in exports_by_commodity
(coal 1200 with >99 % to China, iron 251, lead 113, seafood 295, textiles 752 with ~80 %
to China, non-ferrous metals 100), not copied from the code's output.
"""

import math

import pandas as pd
import pytest

from nkcourse import data
from nkcourse.analysis import calculator
from nkcourse.errors import NkcourseError

# China's full enforcement, no Russia share, no leak, default inputs:
# 1200*0.99 + 251 + 113 + 295 + 752*0.80 + 100 = 1188 + 659 + 601.6 + 100
ALL_LOST_BY_CHINA = 2548.6
STATED_TOTAL = 1200 + 251 + 113 + 295 + 752 + 100  # 2711


def hand_inputs(**overrides):
    """One made-up commodity worth 100, 80 % bought by China and 10 % by Russia."""
    row = {
        "commodity": "Widgets",
        "period": "2016",
        "value_usd_m": 100.0,
        "stated_by": "Someone",
        "source": "http://example.org",
        "confidence": "high",
        "china_share_pct": 80.0,
        "russia_share_pct": 10.0,
    }
    return pd.DataFrame([{**row, **overrides}])


@pytest.fixture(scope="module")
def inputs():
    return calculator.model_inputs()


# ---- the model ---------------------------------------------------------------------------


def test_a_hand_computed_example():
    result = calculator.revenue_lost(hand_inputs(), 50, 100, 20)
    (row,) = result.to_dict("records")
    # China: 100 x 0.8 x 0.5 x (1 - 0.2) = 32; Russia: 100 x 0.1 x 1.0 x 0.8 = 8
    assert row["lost_via_china_usd_m"] == pytest.approx(32)
    assert row["lost_via_russia_usd_m"] == pytest.approx(8)
    assert row["revenue_lost_usd_m"] == pytest.approx(40)
    assert row["still_earned_usd_m"] == pytest.approx(60)
    assert (row["china_enforcement_pct"], row["russia_enforcement_pct"]) == (50, 100)
    assert row["evasion_leak_pct"] == 20


def test_full_chinese_enforcement_of_the_default_inputs(inputs):
    result = calculator.revenue_lost(inputs, 100, 0, 0)
    assert calculator.total_lost(result) == pytest.approx(ALL_LOST_BY_CHINA)
    assert result["value_usd_m"].sum() == pytest.approx(STATED_TOTAL)


def test_zero_enforcement_loses_nothing(inputs):
    result = calculator.revenue_lost(inputs, 0, 0, 0)
    shown = result[result["value_usd_m"].notna()]
    assert (shown["revenue_lost_usd_m"] == 0).all()
    assert (shown["still_earned_usd_m"] == shown["value_usd_m"]).all()


def test_full_enforcement_by_both_loses_what_they_buy():
    result = calculator.revenue_lost(hand_inputs(), 100, 100, 0)
    assert result["revenue_lost_usd_m"].iloc[0] == pytest.approx(90)  # 80 % + 10 %


def test_a_full_leak_loses_nothing_whatever_the_enforcement(inputs):
    result = calculator.revenue_lost(inputs, 100, 100, 100)
    assert calculator.total_lost(result) == 0


def test_a_commodity_without_a_stated_value_is_an_excluded_row_never_zero(inputs):
    result = calculator.revenue_lost(inputs, 100, 100, 0)
    statues = result[result["commodity"] == "Statues/monuments"].iloc[0]
    assert math.isnan(statues["value_usd_m"]) and math.isnan(statues["revenue_lost_usd_m"])
    assert statues["status"] == calculator.EXCLUDED
    assert calculator.total_lost(result) == pytest.approx(ALL_LOST_BY_CHINA)


def test_a_missing_value_in_hand_made_inputs_is_flagged_too():
    result = calculator.revenue_lost(hand_inputs(value_usd_m=float("nan")), 100, 100, 0)
    assert result["status"].iloc[0] == calculator.EXCLUDED
    assert math.isnan(result["revenue_lost_usd_m"].iloc[0])


@pytest.mark.parametrize("bad", [-1, 100.5, 1000, "50", None, True, float("nan"), [50]])
@pytest.mark.parametrize("argument", ["china_enforcement", "russia_enforcement", "evasion_leak"])
def test_settings_outside_0_to_100_or_not_numbers_get_a_friendly_error(inputs, argument, bad):
    settings = {"china_enforcement": 50, "russia_enforcement": 50, "evasion_leak": 10}
    settings[argument] = bad
    with pytest.raises(NkcourseError, match=argument):
        calculator.revenue_lost(inputs, **settings)


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ("coal", "DataFrame"),
        (hand_inputs().drop(columns=["stated_by"]), "stated_by"),
        (hand_inputs(value_usd_m=-5.0), "negative"),
        (hand_inputs(value_usd_m="lots"), "numbers"),
        (hand_inputs(china_share_pct=95.0), "at most 100"),
    ],
)
def test_broken_inputs_get_a_friendly_error(inputs, message):
    with pytest.raises(NkcourseError, match=message):
        calculator.revenue_lost(inputs, 50, 50, 0)


def test_more_enforcement_never_loses_less_and_more_leak_never_more():
    inputs = calculator.model_inputs(russia_share=10)
    levels = [0, 25, 50, 75, 100]

    def lost(china, russia, leak):
        return calculator.total_lost(calculator.revenue_lost(inputs, china, russia, leak))

    for leak in levels:
        for russia in levels:
            by_china = [lost(china, russia, leak) for china in levels]
            assert by_china == sorted(by_china)
        for china in levels:
            by_russia = [lost(china, russia, leak) for russia in levels]
            assert by_russia == sorted(by_russia)
    by_leak = [lost(60, 60, leak) for leak in levels]
    assert by_leak == sorted(by_leak, reverse=True)


def test_the_inputs_are_not_changed(inputs):
    before = inputs.copy()
    calculator.revenue_lost(inputs, 70, 30, 10)
    pd.testing.assert_frame_equal(inputs, before)


def test_with_total_adds_a_row_labelled_as_model_output(inputs):
    table = calculator.with_total(calculator.revenue_lost(inputs, 100, 0, 0))
    total = table.iloc[-1]
    assert total["commodity"] == calculator.TOTAL_LABEL == "Total (model output)"
    assert total["revenue_lost_usd_m"] == pytest.approx(ALL_LOST_BY_CHINA)
    assert total["value_usd_m"] == pytest.approx(STATED_TOTAL)
    assert "1 row(s) without a stated value" in total["status"]


# ---- the inputs --------------------------------------------------------------------------


def test_every_input_row_is_a_row_of_the_dataset(inputs):
    exports = data.load("exports_by_commodity")
    key = ["commodity", "period", "stated_by"]
    joined = inputs.merge(exports, on=key, how="left", suffixes=("", "_dataset"))
    assert len(joined) == len(inputs)
    assert joined["source_dataset"].notna().all()
    assert (joined["source"] == joined["source_dataset"]).all()
    same = (joined["value_usd_m"] == joined["value_usd_m_dataset"]) | joined["value_usd_m"].isna()
    assert same.all()


def test_the_default_inputs_are_the_banned_commodities_with_their_bans(inputs):
    banned_by = dict(zip(inputs["commodity"], inputs["banned_by"], strict=True))
    assert banned_by == {
        "Coal": "2371",
        "Iron and iron ore": "2371",
        "Lead and lead ore": "2371",
        "Seafood": "2371",
        "Textiles/clothing": "2375",
        "Non-ferrous metals (copper, nickel, silver, zinc)": "2321",
        "Statues/monuments": "2321",
    }
    # The dataset's own notes agree where they name the resolution.
    exports = data.load("exports_by_commodity")
    for row in inputs.itertuples():
        notes = exports.loc[exports["commodity"] == row.commodity, "notes"].dropna()
        for note in notes:
            if "Banned by UNSCR" in note:
                assert f"Banned by UNSCR {row.banned_by}" in note


def test_default_values_are_the_2016_coal_and_kotra_textile_figures(inputs):
    values = dict(zip(inputs["commodity"], inputs["value_usd_m"], strict=True))
    assert values["Coal"] == 1200 and values["Textiles/clothing"] == 752
    assert inputs.loc[inputs["commodity"] == "Coal", "period"].item() == "2016"


@pytest.mark.parametrize(
    ("choice", "value", "who"),
    [
        ("KOTRA", 752, "KOTRA"),
        ("US officials", 760, "US officials"),
        ("Japan", 800, "Japan's UN Ambassador"),
        ("australian", 950, "Australian Foreign Minister"),
    ],
)
def test_the_four_textile_estimates_can_be_chosen(choice, value, who):
    inputs = calculator.model_inputs(textile=choice)
    textiles = inputs[inputs["commodity"] == "Textiles/clothing"].iloc[0]
    assert textiles["value_usd_m"] == value
    assert textiles["stated_by"].startswith(who)
    unverified = textiles["status"] == calculator.UNVERIFIED
    assert unverified == (choice == "US officials")


def test_coal_at_the_2321_cap():
    inputs = calculator.model_inputs(coal="2017 (cap)")
    coal = inputs[inputs["commodity"] == "Coal"].iloc[0]
    assert coal["value_usd_m"] == pytest.approx(400.9)
    assert coal["period"] == "2017 (cap)"


@pytest.mark.parametrize("value", ["Canada", "", 752, None])
def test_an_unknown_textile_choice_lists_the_options(value):
    with pytest.raises(NkcourseError, match="KOTRA"):
        calculator.model_inputs(textile=value)


def test_an_ambiguous_choice_says_so():
    # Both coal rows were stated by someone whose name starts with "U" (US EIA, UNSCR).
    with pytest.raises(NkcourseError, match="more than one"):
        calculator.model_inputs(coal="U")


def test_an_unknown_coal_period_lists_the_options():
    with pytest.raises(NkcourseError, match=r"2017 \(cap\)"):
        calculator.model_inputs(coal="2015")


def test_unverified_overseas_labour_is_left_out_unless_asked_for_and_then_flagged(inputs):
    labour = "Overseas labour (not a merchandise export)"
    assert labour not in set(inputs["commodity"])
    with_labour = calculator.model_inputs(include_unverified=True)
    row = with_labour[with_labour["commodity"] == labour].iloc[0]
    assert row["status"] == calculator.UNVERIFIED and row["value_usd_m"] == 500


def test_stated_china_shares_are_used_and_the_rest_is_an_explicit_assumption(inputs):
    shares = inputs.set_index("commodity")
    assert shares.loc["Coal", "china_share_pct"] == 99  # ">99%" (EIA): the lower bound
    assert shares.loc["Coal", "other_share_pct"] == 1
    assert "stated" in shares.loc["Coal", "share_basis"]
    assert shares.loc["Textiles/clothing", "china_share_pct"] == 80  # "~80%"
    assert shares.loc["Seafood", "china_share_pct"] == 100
    assert shares.loc["Seafood", "share_basis"].startswith("ASSUMPTION")
    assert (inputs["russia_share_pct"] == 0).all()


def test_an_assumed_russian_share_never_takes_more_than_china_leaves():
    shares = calculator.model_inputs(russia_share=10).set_index("commodity")
    seafood = shares.loc["Seafood"]
    assert (seafood["china_share_pct"], seafood["russia_share_pct"]) == (90, 10)
    assert shares.loc["Coal", "russia_share_pct"] == 1  # only 1 % is not China's
    assert shares.loc["Textiles/clothing", "other_share_pct"] == 10
    total = shares[["china_share_pct", "russia_share_pct", "other_share_pct"]].sum(axis=1)
    assert (total == 100).all()


@pytest.mark.parametrize("bad", [-5, 120, "ten"])
def test_an_invalid_russian_share_gets_a_friendly_error(bad):
    with pytest.raises(NkcourseError, match="russia_share"):
        calculator.model_inputs(russia_share=bad)


# ---- helpers for the lesson's chart and exercise -----------------------------------------


def test_the_first_level_above_a_threshold(inputs):
    # 2548.6 x 0.3 = 764.6 <= 1000 < 2548.6 x 0.4 = 1019.4
    assert calculator.first_level_exceeding(inputs, 1000, range(0, 101, 10)) == 40
    assert calculator.first_level_exceeding(inputs, 10_000, range(0, 101, 10)) is None


def test_lost_by_enforcement_has_one_row_per_level_and_leak(inputs):
    curve = calculator.lost_by_enforcement(inputs, [0, 50, 100], [0, 50])
    assert len(curve) == 6
    full = curve.query("china_enforcement_pct == 100 and evasion_leak_pct == 0")
    assert full["revenue_lost_usd_m"].item() == pytest.approx(ALL_LOST_BY_CHINA)
    half_leak = curve.query("china_enforcement_pct == 100 and evasion_leak_pct == 50")
    assert half_leak["revenue_lost_usd_m"].item() == pytest.approx(ALL_LOST_BY_CHINA / 2)


def test_all_estimates_lists_every_stated_value_with_unverified_labels():
    rows = calculator.all_estimates()
    textiles = rows[rows["commodity"] == "Textiles/clothing"]
    assert sorted(textiles["value_usd_m"]) == [752, 760, 800, 950]
    flagged = rows[rows["label"].str.contains("UNVERIFIED")]
    assert set(flagged["confidence"].map(calculator.is_unverified)) == {True}
    assert len(flagged) == 2  # the US officials' textile figure and overseas labour
    assert "Statues/monuments" not in set(rows["commodity"])
