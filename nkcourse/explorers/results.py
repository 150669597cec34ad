"""How an explorer shows what its function returned, live and as a static snapshot.

An explorer's function may return an Altair chart, a DataFrame (anything with
``_repr_html_``), an ``IPython.display.HTML`` object or a string of HTML. Live, a chart is
sent as its Vega-Lite spec only (drawing its SVG would cost tens of milliseconds per
change); the snapshot for HTML exports draws the SVG once.
"""

import base64
import re
import sys
from html import escape, unescape

from nkcourse.errors import NkcourseError


def live_bundle(result) -> dict:
    """The mime bundle an explorer's output area shows while the kernel runs."""
    if _is_chart(result):
        from nkcourse import charts

        return charts.live_bundle(result)
    html = _html_of(result)
    return {"text/html": html, "text/plain": _text_of(result, html)}


def static_html(result) -> str:
    """HTML that shows ``result`` without a kernel or widget front end."""
    if _is_chart(result):
        from nkcourse import charts

        spec = result.to_dict()
        svg = base64.b64encode(charts.svg_of(spec).encode()).decode()
        alt_text = escape(charts.description_of(spec))
        return f'<img alt="{alt_text}" src="data:image/svg+xml;base64,{svg}">'
    return _html_of(result)


def static_text(result) -> str:
    """Plain text for ``result``: a chart's description, a table's text, HTML's words."""
    if _is_chart(result):
        from nkcourse import charts

        return charts.description_of(result.to_dict())
    return _text_of(result, _html_of(result))


def friendly_message(error: Exception) -> str:
    """What the student reads when the function fails: no traceback, a next step."""
    if isinstance(error, NkcourseError):
        return str(error)
    return (
        f"This view could not be drawn for these settings ({type(error).__name__}: {error}). "
        "Try other values; if it keeps happening, tell your instructor."
    )


def error_bundle(error: Exception) -> dict:
    message = friendly_message(error)
    return {
        "text/html": f'<div class="nkcourse-explorer-error">{escape(message)}</div>',
        "text/plain": message,
    }


def _is_chart(result) -> bool:
    # Altair is loaded already if the function made a chart; don't import it otherwise.
    altair = sys.modules.get("altair")
    return altair is not None and isinstance(result, altair.TopLevelMixin)


def _html_of(result) -> str:
    if isinstance(result, str):
        return result
    html = result._repr_html_() if hasattr(result, "_repr_html_") else None
    return html if html is not None else f"<pre>{escape(repr(result))}</pre>"


def _text_of(result, html: str) -> str:
    if isinstance(result, str) or not hasattr(result, "to_string"):
        return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return result.to_string()
