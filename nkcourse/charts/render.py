"""How a chart reaches the screen, offline, in every place a notebook is read.

One output carries three renderings of the same chart:

* ``application/vnd.vegalite.v5+json``: the interactive chart JupyterLab draws itself,
  without loading anything from the internet;
* ``image/svg+xml``: a static picture for nbconvert's HTML export and GitHub, which
  cannot draw Vega-Lite (drawn by vl-convert, also offline);
* ``text/plain``: the chart's description, for screen readers and plain consoles.
"""

from html import escape

import altair as alt

RENDERER_NAME = "nkcourse"
VEGALITE_MIMETYPE = "application/vnd.vegalite.v5+json"
# vl-convert wants "major.minor" of the Vega-Lite schema Altair writes (e.g. "5.20").
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def spec_of(chart) -> dict:
    """The Vega-Lite dict of an Altair chart (a dict is returned unchanged).

    Not validated again: Altair validates a chart before it reaches a renderer, and
    ``finish`` validates every lesson chart, so a second pass would only slow explorers.
    """
    return chart if isinstance(chart, dict) else chart.to_dict(validate=False)


def title_of(spec: dict) -> str:
    """The chart's title text, or "" if it has none."""
    title = spec.get("title", "")
    text = title.get("text", "") if isinstance(title, dict) else title
    return " ".join(text) if isinstance(text, list) else str(text)


def description_of(spec: dict) -> str:
    """What a screen reader says for the chart: its description, else its title."""
    if spec.get("description"):
        return str(spec["description"])
    title = title_of(spec)
    return f"Chart: {title}" if title else "Chart (no description)"


def svg_of(chart) -> str:
    """The chart as an SVG picture whose ``<title>``/``<desc>`` carry its title and description."""
    import vl_convert

    spec = spec_of(chart)
    svg = vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION)
    head_end = svg.index(">", svg.index("<svg")) + 1
    label = escape(description_of(spec))
    head = svg[: head_end - 1] + f' role="img" aria-label="{label}">'
    return f"{head}<title>{escape(title_of(spec))}</title><desc>{label}</desc>{svg[head_end:]}"


def live_bundle(chart) -> dict:
    """The interactive chart and its description, without the (slower) SVG.

    Explorers redraw with this: JupyterLab only needs the Vega-Lite spec.
    """
    spec = spec_of(chart)
    return {VEGALITE_MIMETYPE: spec, "text/plain": description_of(spec)}


def full_bundle(chart) -> dict:
    """The live bundle plus the SVG fallback: what a chart cell saves in the notebook."""
    spec = spec_of(chart)
    return {**live_bundle(spec), "image/svg+xml": svg_of(spec)}


def renderer(spec: dict, **_options) -> dict:
    """Altair renderer entry point: Altair passes the chart's Vega-Lite dict."""
    return full_bundle(spec)


def register_renderer() -> None:
    """Register the renderer under :data:`RENDERER_NAME` and make it the active one."""
    alt.renderers.register(RENDERER_NAME, renderer)
    alt.renderers.enable(RENDERER_NAME)
