"""Lesson 02's explorer: choose years and kinds of event, see the timeline and its counts.

The work is done by :func:`nkcourse.charts.escalation.timeline_view` (pure, tested); this
module only turns ticked boxes into a list of kinds and builds the controls.
"""

import ipywidgets as widgets

from nkcourse.analysis import escalation
from nkcourse.charts.escalation import timeline_view
from nkcourse.explorers.base import Explorer

# control name (a keyword of the view) -> the kind of event its box shows
KIND_BOXES = {
    "tests": escalation.NUCLEAR_TEST,
    "launches": escalation.MISSILE_LAUNCHES,
    "resolutions": escalation.RESOLUTION,
    "statements": escalation.STATEMENT,
    "renewals": escalation.RENEWAL,
}


def ticked_view(timeline, years, **ticked):
    """:func:`timeline_view` for the kinds whose box is ticked (``tests=True``...)."""
    unknown = sorted(set(ticked) - set(KIND_BOXES))
    if unknown:
        raise TypeError(f"no box named {', '.join(unknown)}; boxes are {', '.join(KIND_BOXES)}")
    kinds = [KIND_BOXES[name] for name, on in ticked.items() if on]
    return timeline_view(timeline, years, kinds)


def timeline_explorer(timeline) -> Explorer:
    """Year-range slider and one box per kind of event over ``timeline``
    (from :func:`nkcourse.analysis.escalation.build_timeline`)."""
    first, last = int(timeline["year"].min()), int(timeline["year"].max())
    controls = {
        "years": widgets.IntRangeSlider(
            value=(first, last),
            min=first,
            max=last,
            description="Years",
            continuous_update=False,
            layout={"width": "420px"},
        )
    }
    for name, kind in KIND_BOXES.items():
        controls[name] = widgets.Checkbox(value=True, description=kind, indent=False)

    def view(years, **ticked):
        return ticked_view(timeline, years, **ticked)

    return Explorer(controls, view, title="Escalation timeline: choose years and kinds of event")
