"""Exercise 04's right answers, checked against figures read by hand from the research
notes (trade.csv), so a wrong filter in the exercise module cannot pass unnoticed."""

import pytest

from nkcourse.exercises import ex04


def test_gac_annual_totals_include_chinese_customs_via_bloomberg():
    rows = ex04.q2.answer()
    assert sorted(rows["period"]) == [
        "2010",
        "2017",
        "2018",
        "2019",
        "2020",
        "2021",
        "2022",
        "2023",
    ]
    assert rows.set_index("period").loc["2017", "value"] == 5060


def test_growth_2018_is_computed_from_5060_and_2430():
    assert ex04.q3.answer() == pytest.approx((2430 - 5060) / 5060 * 100)


def test_q1_growth_is_gacs_yuan_figure():
    assert ex04.q4.answer() == (37.4, "CNY")


def test_china_against_russia_uses_itc_for_both():
    assert ex04.q5.answer() == ("China", pytest.approx(5510 / 76))


def test_the_tweet_is_quoted_from_the_fpri_article():
    assert "grew almost 40% in the first quarter" in ex04.q1.text()
    assert ex04.q1.judge(ex04.q1.answer(), None) is None


def test_the_model_verdict_uses_the_data():
    verdict = ex04.q7.answer()
    assert "37.4% in the first quarter" in verdict and "10.5% in USD" in verdict
