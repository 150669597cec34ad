"""nkcourse.charts: offline renderer, colour-blind-safe theme, finish() and the row guard."""

import re
import subprocess
import sys

import altair as alt
import pandas as pd
import pytest

from nkcourse import charts
from nkcourse.charts import render
from nkcourse.errors import NkcourseError

# Okabe & Ito (2008), "Color Universal Design", written out independently of the theme.
OKABE_ITO_REFERENCE = {
    "#000000",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
}

YIELDS = pd.DataFrame({"year": [2006, 2009, 2013], "kt": [1.0, 2.0, 3.0]})


def titled_bars(data=YIELDS, **mark):
    return (
        alt.Chart(data)
        .mark_bar(**mark)
        .encode(x=alt.X("year:O", title="Year"), y=alt.Y("kt:Q", title="Yield (kilotons)"))
    )


def finished(chart=None, **overrides):
    texts = {
        "title": "Yields by year",
        "description": "Bar chart of three made-up yields, one bar per year.",
        "takeaway": "The third bar is the tallest.",
    }
    return charts.finish(chart or titled_bars(tooltip=True), **{**texts, **overrides})


def test_importing_charts_enables_the_course_renderer_and_theme():
    assert alt.renderers.active == "nkcourse"
    assert alt.theme.active == "nkcourse"


def test_a_chart_output_carries_vegalite5_svg_and_its_description():
    bundle = finished()._repr_mimebundle_()
    assert set(bundle) == {"application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"}
    assert bundle["application/vnd.vegalite.v5+json"]["$schema"].endswith(
        f"vega-lite/{alt.SCHEMA_VERSION}.json"
    )
    assert bundle["text/plain"] == "Bar chart of three made-up yields, one bar per year."
    svg = bundle["image/svg+xml"]
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    # Title and takeaway are drawn as text, so they survive wherever only the SVG shows.
    assert re.search(r"<text[^>]*>Yields by year</text>", svg)
    assert re.search(r"<text[^>]*>The third bar is the tallest.</text>", svg)
    assert 'aria-label="Bar chart of three made-up yields' in svg


def test_svg_is_drawn_with_the_vegalite_version_altair_writes():
    import vl_convert

    assert alt.SCHEMA_VERSION.lstrip("v").startswith(render.VL_VERSION + ".")
    assert render.VL_VERSION in vl_convert.get_vegalite_versions()


def test_an_unfinished_student_chart_still_renders_with_a_fallback_text():
    bundle = alt.Chart(YIELDS).mark_point().encode(x="year", y="kt")._repr_mimebundle_()
    assert bundle["text/plain"] == "Chart (no description)"
    assert "<svg" in bundle["image/svg+xml"]


def test_finish_puts_takeaway_and_source_under_the_title():
    spec = finished(source="Made up for this test").to_dict()
    assert spec["title"]["text"] == "Yields by year"
    assert spec["title"]["subtitle"] == [
        "The third bar is the tallest.",
        "Source: Made up for this test",
    ]
    assert spec["description"] == "Bar chart of three made-up yields, one bar per year."


@pytest.mark.parametrize("missing", ["title", "description", "takeaway"])
def test_finish_refuses_a_chart_without_its_texts(missing):
    with pytest.raises(NkcourseError, match=f"non-empty {missing}="):
        finished(**{missing: "  "})


def test_finish_refuses_axes_without_titles_and_names_both():
    bare = alt.Chart(YIELDS).mark_bar(tooltip=True).encode(x="year:O", y="kt:Q")
    with pytest.raises(NkcourseError) as caught:
        finished(bare)
    message = str(caught.value)
    assert "x encoding a title" in message and "y encoding a title" in message
    assert "tooltip" not in message


def test_finish_refuses_a_chart_without_tooltips():
    with pytest.raises(NkcourseError, match="add tooltips"):
        finished(titled_bars())


def test_finish_refuses_an_untitled_colour_legend():
    data = YIELDS.assign(kind=["a", "b", "a"])
    chart = titled_bars(data, tooltip=True).encode(color="kind:N")
    with pytest.raises(NkcourseError, match="color encoding a title"):
        finished(chart)
    finished(titled_bars(data, tooltip=True).encode(color=alt.Color("kind:N", title="Kind")))


def test_finish_accepts_layers_that_share_titled_axes_and_hidden_axes():
    rule = alt.Chart(YIELDS).mark_rule().encode(y="mean(kt):Q")
    finished(titled_bars(tooltip=True) + rule)
    no_axis = (
        alt.Chart(YIELDS)
        .mark_bar()
        .encode(x=alt.X("year:O", axis=None), y=alt.Y("kt:Q", title="Yield (kt)"), tooltip=["kt"])
    )
    finished(no_axis)


def test_finish_checks_each_part_of_a_concatenated_chart():
    bare = alt.Chart(YIELDS).mark_bar(tooltip=True).encode(x="year:O", y="kt:Q")
    with pytest.raises(NkcourseError, match="x encoding a title"):
        finished(titled_bars(tooltip=True) | bare)


def test_theme_palette_is_okabe_ito():
    assert set(charts.OKABE_ITO) == OKABE_ITO_REFERENCE
    assert len(charts.OKABE_ITO) == 8
    spec = finished().to_dict()
    assert set(spec["config"]["range"]["category"]) == OKABE_ITO_REFERENCE


def test_check_rows_passes_small_data_and_explains_big_data():
    small = pd.DataFrame({"x": range(charts.MAX_ROWS)})
    assert charts.check_rows(small) is small
    assert charts.MAX_ROWS <= 1000
    with pytest.raises(NkcourseError, match=r"1,001 rows.*groupby"):
        charts.check_rows(pd.DataFrame({"x": range(1001)}))


def test_finish_refuses_a_chart_built_on_raw_rows():
    raw = pd.DataFrame({"year": [2006] * 1500, "kt": [1.0] * 1500})
    with pytest.raises(NkcourseError, match="Summarise the data first"):
        finished(titled_bars(raw, tooltip=True))


def test_importing_explorers_or_nkcourse_does_not_load_altair():
    code = "import sys, nkcourse, nkcourse.explorers; print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_importing_charts_skips_the_slow_grammar_but_altair_still_validates():
    import subprocess
    import sys

    code = (
        "import sys, nkcourse.charts, altair as alt\n"
        "assert sys.modules['rfc3987_syntax'] is None\n"
        "try:\n"
        "    alt.Chart(alt.Data(values=[])).mark_bar().encode(x='a:Q').properties(width='wide')"
        ".to_dict()\n"
        "except Exception as error:\n"
        "    print(type(error).__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "ValidationError" in result.stdout
