"""Explorers: ipywidgets controls that call a pure, tested function and show its result.

Every explorer is an :class:`Explorer`::

    import ipywidgets as widgets
    from nkcourse.explorers import Explorer

    def tests_chart(year: int):          # pure and unit-tested, lives in nkcourse.charts
        ...                              # returns a finished chart, a DataFrame or HTML

    Explorer(
        {"year": widgets.IntSlider(value=2017, min=2006, max=2017, description="Year")},
        tests_chart,
        title="Tests up to a year",
    )

Live, it redraws on every change (keep the function well under 100 ms; time it with
``explorer.update(year=2016)``); in an HTML export it shows a snapshot of its first state.
Lesson explorers live beside this file (``nkcourse/explorers/<slug>.py``) as small
functions that return an ``Explorer``.
"""

from nkcourse.explorers.base import CSS_CLASS, Explorer

__all__ = ["CSS_CLASS", "Explorer"]
