"""nkcourse.explorers.Explorer: wiring, friendly failures, speed, and the static snapshot."""

import base64
import re
import time

import altair as alt
import ipywidgets as widgets
import pandas as pd
import pytest
from IPython.display import HTML

from nkcourse import charts
from nkcourse.errors import NkcourseError
from nkcourse.explorers import Explorer

COUNTS = pd.DataFrame({"year": list(range(2006, 2018)), "events": list(range(1, 13))})


def events_chart(upto: int):
    data = COUNTS[COUNTS["year"] <= upto]
    chart = (
        alt.Chart(data)
        .mark_bar(tooltip=True)
        .encode(x=alt.X("year:O", title="Year"), y=alt.Y("events:Q", title="Events (count)"))
    )
    return charts.finish(
        chart,
        title=f"Events up to {upto}",
        description=f"Bar chart of made-up event counts per year up to {upto}.",
        takeaway="Made-up numbers for a test.",
    )


def chart_explorer():
    slider = widgets.IntSlider(value=2010, min=2006, max=2017, description="Up to")
    return Explorer({"upto": slider}, events_chart, title="Events explorer")


def shown(explorer) -> dict:
    (output,) = explorer.output.outputs
    return output["data"]


def test_update_calls_compute_with_every_control_value_and_shows_the_result():
    calls = []

    def table(partner, year):
        calls.append({"partner": partner, "year": year})
        return HTML(f"<b>{partner} in {year}</b>")

    explorer = Explorer(
        {
            "partner": widgets.Dropdown(options=["China", "Russia"], value="China"),
            "year": widgets.IntSlider(value=2016, min=2006, max=2017),
        },
        table,
        title="Partners",
    )
    assert calls == [{"partner": "China", "year": 2016}]
    assert "<b>China in 2016</b>" in shown(explorer)["text/html"]

    result = explorer.update(partner="Russia", year=2017)
    assert calls[-1] == {"partner": "Russia", "year": 2017}
    assert len(calls) == 2, "setting two controls must recompute once"
    assert isinstance(result, HTML)
    assert "<b>Russia in 2017</b>" in shown(explorer)["text/html"]
    assert shown(explorer)["text/plain"] == "Russia in 2017"


def test_moving_a_control_redraws_like_a_click_would():
    explorer = chart_explorer()
    explorer.controls["upto"].value = 2012
    spec = shown(explorer)["application/vnd.vegalite.v5+json"]
    assert spec["title"]["text"] == "Events up to 2012"
    assert shown(explorer)["text/plain"].endswith("up to 2012.")


def test_live_chart_output_skips_the_svg_and_the_callback_is_fast():
    explorer = chart_explorer()
    explorer.update(upto=2011)  # warm up Altair's schema validation
    timings = []
    for year in range(2006, 2018):
        start = time.perf_counter()
        explorer.update(upto=year)
        timings.append(time.perf_counter() - start)
    assert "image/svg+xml" not in shown(explorer)
    assert sorted(timings)[len(timings) // 2] < 0.1


def test_a_failing_compute_shows_a_friendly_message_and_the_widget_recovers():
    def fragile(year):
        if year > 2015:
            raise ZeroDivisionError("division by zero")
        return f"<p>{year}</p>"

    slider = widgets.IntSlider(value=2010, min=2006, max=2017)
    explorer = Explorer({"year": slider}, fragile, title="F")
    assert explorer.update(year=2016) is None
    assert isinstance(explorer.error, ZeroDivisionError)
    html = shown(explorer)["text/html"]
    assert "nkcourse-explorer-error" in html and "Try other values" in html
    assert "Traceback" not in html
    assert explorer.update(year=2012) == "<p>2012</p>"
    assert explorer.error is None


def test_an_nkcourse_error_is_shown_word_for_word():
    def refuse(year):
        raise NkcourseError("Pick a year with data, e.g. 2013.")

    explorer = Explorer({"year": widgets.IntSlider(value=2010)}, refuse, title="R")
    assert shown(explorer)["text/plain"] == "Pick a year with data, e.g. 2013."


def test_update_refuses_unknown_controls_and_impossible_values():
    explorer = Explorer(
        {"partner": widgets.Dropdown(options=["China", "Russia"], value="China")},
        lambda partner: f"<p>{partner}</p>",
        title="Partners",
    )
    with pytest.raises(NkcourseError, match="no control year; its controls are partner"):
        explorer.update(year=2016)
    with pytest.raises(NkcourseError, match="partner cannot be set to 'Japan'"):
        explorer.update(partner="Japan")
    assert shown(explorer)["text/html"] == "<p>China</p>"


def test_an_explorer_needs_controls():
    with pytest.raises(NkcourseError, match="at least one control"):
        Explorer({}, lambda: "", title="Empty")


def test_outer_box_carries_the_css_class_and_displays_with_a_fallback():
    explorer = chart_explorer()
    assert "nkcourse-explorer" in explorer.widget._dom_classes
    bundle = explorer._repr_mimebundle_()
    view = bundle["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == explorer.widget.model_id
    assert "text/html" in bundle and "text/plain" in bundle


def test_static_fallback_shows_the_initial_chart_even_after_changes():
    explorer = chart_explorer()
    explorer.update(upto=2017)
    html = explorer.static_html()
    assert "Up to = 2010" in html
    assert 'alt="Bar chart of made-up event counts per year up to 2010."' in html
    (encoded,) = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    svg = base64.b64decode(encoded).decode()
    assert re.search(r"<text[^>]*>Events up to 2010</text>", svg)
    text = explorer.static_text()
    assert "Up to = 2010" in text and text.endswith("per year up to 2010.")


def test_static_fallback_of_a_table_contains_its_rows():
    explorer = Explorer(
        {"upto": widgets.IntSlider(value=2008, min=2006, max=2017, description="Up to")},
        lambda upto: COUNTS[COUNTS["year"] <= upto],
        title="Table",
    )
    html = explorer.static_html()
    assert "<table" in html and "<td>2008</td>" in html and "2009" not in html
    assert "2008" in explorer.static_text()


def test_static_fallback_of_a_failing_first_state_is_the_friendly_message():
    explorer = Explorer({"year": widgets.IntSlider(value=2010)}, lambda year: 1 / 0, title="Broken")
    assert "Try other values" in explorer.static_html()
    assert "Traceback" not in explorer.static_text()
