"""Widgets that stay readable where no widget front end runs.

JupyterLab draws the widget; nbconvert's HTML export (without saved widget state),
GitHub's viewer and plain consoles fall back to the HTML or text in the same output.
"""


class WithFallback:
    """Display ``widget`` live, and ``html``/``text`` wherever widgets cannot be drawn."""

    def __init__(self, widget, html: str, text: str):
        self.widget = widget
        self.html = html
        self.text = text

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/html"] = self.html
        bundle["text/plain"] = self.text
        return bundle
