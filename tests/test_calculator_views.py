"""Lesson 07's charts and explorer: they show the model's output and its traceable inputs."""

import pytest

from nkcourse import charts, data
from nkcourse.analysis import calculator
from nkcourse.charts import calculator as calculator_charts
from nkcourse.errors import NkcourseError
from nkcourse.explorers import calculator as calculator_explorers


def dataset_rows(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def cells(spec: dict) -> list[dict]:
    """The text cells of the model chart's table."""
    return [row for rows in dataset_rows(spec) for row in rows if "text" in row]


def test_the_model_chart_shows_every_input_and_the_total_as_model_output():
    result = calculator.revenue_lost(calculator.model_inputs(), 100, 0, 0)
    spec = calculator_charts.model_chart(result).to_dict()
    assert spec["title"]["text"].startswith("Model output: 2,548.6 of 2,711 USD million")
    texts = {row["text"] for row in cells(spec)}
    assert {"Coal", "Statues/monuments", "excluded", "KOTRA", "Total (model output)"} <= texts
    assert {"2,548.6", "2,711", "~1,200"} <= texts
    assert "not a forecast" in " ".join(spec["title"]["subtitle"])
    assert charts.chart_problems(spec) == []


def test_the_model_chart_flags_unverified_inputs():
    inputs = calculator.model_inputs(textile="US officials", include_unverified=True)
    spec = calculator_charts.model_chart(calculator.revenue_lost(inputs, 50, 50, 0)).to_dict()
    texts = {row["text"] for row in cells(spec)}
    assert "US officials [UNVERIFIED]" in texts


def test_the_stated_values_chart_has_one_bar_per_statement():
    estimates = calculator.all_estimates()
    spec = calculator_charts.stated_values_chart(estimates).to_dict()
    (rows,) = dataset_rows(spec)
    assert len(rows) == len(estimates)
    assert sum(row["commodity"] == "Textiles/clothing" for row in rows) == 4
    assert "from 752 to 950" in spec["description"]


def test_the_line_chart_marks_the_stated_claim():
    curve = calculator.lost_by_enforcement(calculator.model_inputs(), [0, 50, 100], [0, 25])
    spec = calculator_charts.lost_vs_enforcement_chart(curve, 1000, "US Mission: >1000").to_dict()
    claims = [row for rows in dataset_rows(spec) for row in rows if "claim" in row]
    assert claims == [{"usd_m": 1000, "claim": "US Mission: >1000"}]
    assert spec["title"]["text"].startswith("Model output")


def test_the_view_calls_the_model_and_refuses_bad_settings():
    spec = calculator_explorers.calculator_view(100, 0, 0, 0, "KOTRA").to_dict()
    assert "2,548.6" in spec["title"]["text"]
    with pytest.raises(NkcourseError, match="china_enforcement"):
        calculator_explorers.calculator_view(150, 0, 0, 0, "KOTRA")
    with pytest.raises(NkcourseError, match="russia_share"):
        calculator_explorers.calculator_view(50, 0, 0, -1, "KOTRA")


def test_the_explorer_redraws_from_its_controls():
    explorer = calculator_explorers.calculator_explorer()
    assert explorer.error is None
    chart = explorer.update(china_enforcement=100, russia_enforcement=0, evasion_leak=50)
    assert "1,274.3" in chart.to_dict()["title"]["text"]  # 2548.6 / 2
    chart = explorer.update(textile="Australian Foreign Minister Julie Bishop", evasion_leak=0)
    # Textiles 950 instead of 752, 80 % to China: 2548.6 + (950 - 752) x 0.8 = 2707
    assert "2,707 of 2,909" in chart.to_dict()["title"]["text"]
    assert "Sanctions calculator" in explorer.static_text()


def test_the_textile_dropdown_offers_the_four_stated_estimates():
    choices = calculator_explorers.textile_choices()
    textiles = data.load("exports_by_commodity").query("commodity == 'Textiles/clothing'")
    assert len(choices) == len(textiles) == 4
    labels = " ".join(label for label, _ in choices)
    for text in textiles["value_text"]:
        assert f"{text} USD m" in labels
    assert "[UNVERIFIED]" in labels
