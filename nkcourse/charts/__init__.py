"""Course charts: an offline renderer, a colour-blind-safe theme, and ``finish``.

Importing this package (it imports Altair, so only lessons that chart pay for it) makes
every Altair chart in the kernel render offline as an interactive Vega-Lite 5 chart in
JupyterLab, with an SVG picture for HTML exports and GitHub and its text description for
screen readers (see :mod:`nkcourse.charts.render`), in the course theme
(:mod:`nkcourse.charts.theme`).

Every lesson chart goes through :func:`finish`::

    import altair as alt
    from nkcourse import charts

    tests = charts.check_rows(summary)           # at most charts.MAX_ROWS rows
    chart = alt.Chart(tests).mark_bar(tooltip=True).encode(
        x=alt.X("year:O", title="Year"),
        y=alt.Y("tests:Q", title="Missile tests (count)"),
    )
    charts.finish(
        chart,
        title="Missile tests per year",
        description="Bar chart: one bar per year, its height the number of tests.",
        takeaway="<the one sentence a reader should remember>",
        source="<the dataset's source>",
    )

Lesson-specific chart builders live beside this file (``nkcourse/charts/<slug>.py``),
take aggregated DataFrames and return finished charts.
"""

import sys

# Altair imports jsonschema, which imports rfc3987_syntax if it is installed (JupyterLab's
# dependencies install it) and builds a grammar that costs about a second per kernel.
# Altair never checks "iri" formats, the only ones it serves; jsonschema skips a package
# whose import fails, so marking it absent here saves that second in every lesson
# (measured in benchmarks/report.md). A kernel that imported it already is unaffected.
sys.modules.setdefault("rfc3987_syntax", None)

from nkcourse.charts.finish import chart_problems, finish  # noqa: E402
from nkcourse.charts.limits import MAX_ROWS, check_rows  # noqa: E402
from nkcourse.charts.render import (  # noqa: E402
    description_of,
    full_bundle,
    live_bundle,
    register_renderer,
    svg_of,
)
from nkcourse.charts.theme import OKABE_ITO, register_theme  # noqa: E402

register_theme()
register_renderer()

__all__ = [
    "MAX_ROWS",
    "OKABE_ITO",
    "chart_problems",
    "check_rows",
    "description_of",
    "finish",
    "full_bundle",
    "live_bundle",
    "svg_of",
]
