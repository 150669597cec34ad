"""The last step of every course chart: title, takeaway, description, and checks.

The course promises that every chart has a title, labelled axes (with units), a one-line
takeaway, tooltips and a text description. ``finish`` adds what it is given and refuses a
chart that breaks the promise, so the mistake shows up when the lesson is written, not
when a student reads it.
"""

import textwrap

from nkcourse.charts.limits import check_spec_size
from nkcourse.errors import NkcourseError

AXIS_CHANNELS = ("x", "y")
LEGEND_CHANNELS = ("color", "fill", "stroke", "size", "shape", "opacity", "strokeDash")
TAKEAWAY_WIDTH = 80  # characters per subtitle line; Vega does not wrap titles itself


def finish(chart, *, title: str, description: str, takeaway: str, source: str | None = None):
    """Return ``chart`` with its title, takeaway (as subtitle) and description set, checked.

    ``description`` is what screen readers and plain consoles get instead of the picture;
    say what is plotted and what the reader would see. ``source`` (optional) is printed
    under the takeaway. Raises NkcourseError listing everything that is missing.
    """
    import altair as alt

    problems = [
        f"give a non-empty {name}="
        for name, text in (("title", title), ("description", description), ("takeaway", takeaway))
        if not (isinstance(text, str) and text.strip())
    ]
    if problems:
        raise NkcourseError(_refusal(problems))
    subtitle = textwrap.wrap(takeaway, TAKEAWAY_WIDTH)
    if source:
        subtitle += textwrap.wrap(f"Source: {source}", TAKEAWAY_WIDTH)
    finished = chart.properties(
        title=alt.TitleParams(text=title, subtitle=subtitle), description=description
    )
    # Not schema-validated here: explorers call finish on every slider move, and Altair
    # validates the chart anyway when a cell displays it (and the chart tests call to_dict()).
    spec = finished.to_dict(validate=False)
    check_spec_size(spec)
    problems = chart_problems(spec)
    if problems:
        raise NkcourseError(_refusal(problems))
    return finished


def chart_problems(spec: dict) -> list[str]:
    """What a Vega-Lite spec lacks: axis or legend titles, tooltips (empty list if nothing)."""
    problems = []
    for encodings in _views(spec):
        for channel in AXIS_CHANNELS + LEGEND_CHANNELS:
            if _needs_title(encodings, channel):
                example = f'alt.{channel[0].upper()}{channel[1:]}(..., title="... (units)")'
                problems.append(f"give the {channel} encoding a title with units, e.g. {example}")
        if not any("tooltip" in encoding for encoding in encodings):
            problems.append("add tooltips, e.g. .encode(tooltip=[...]) or mark_bar(tooltip=True)")
    return list(dict.fromkeys(problems))


def _views(node: dict):
    """Yield, for each separately drawn view, the encodings of its marks.

    The marks of a layered chart share axes, so they form one view; concatenated, faceted
    and repeated charts are walked into.
    """
    for key in ("hconcat", "vconcat", "concat"):
        for child in node.get(key, []):
            yield from _views(child)
    if isinstance(node.get("spec"), dict):
        yield from _views(node["spec"])
    if "mark" in node or "layer" in node:
        yield _unit_encodings(node, {})


def _unit_encodings(node: dict, inherited: dict) -> list[dict]:
    """Each mark's encoding, with a tooltip set on the mark itself counted as one."""
    encoding = {**inherited, **node.get("encoding", {})}
    if "layer" in node:
        return [enc for child in node["layer"] for enc in _unit_encodings(child, encoding)]
    mark = node.get("mark")
    if isinstance(mark, dict) and mark.get("tooltip"):
        encoding = {**encoding, "tooltip": mark["tooltip"]}
    return [encoding]


def _needs_title(encodings: list[dict], channel: str) -> bool:
    """True if the view draws an axis/legend for ``channel`` from data and none is titled."""
    guide = "axis" if channel in AXIS_CHANNELS else "legend"
    used = [
        enc[channel]
        for enc in encodings
        if isinstance(enc.get(channel), dict)
        and ("field" in enc[channel] or "aggregate" in enc[channel])
        and enc[channel].get(guide, {}) is not None
    ]
    return bool(used) and not any(_title(definition, guide) for definition in used)


def _title(definition: dict, guide: str):
    guide_options = definition.get(guide) or {}
    return definition.get("title") or guide_options.get("title")


def _refusal(problems: list[str]) -> str:
    return "This chart is not ready for the course: " + "; ".join(problems) + "."
