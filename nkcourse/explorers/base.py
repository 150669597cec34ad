"""The one pattern every explorer follows: controls -> a pure, tested function -> output.

The function does the thinking (and has its own unit tests); the explorer only wires the
controls to it, shows what it returns, and turns failures into a readable message so a
bad setting never leaves a student with a traceback or a dead widget.
"""

from collections.abc import Callable
from html import escape
from typing import Any

import ipywidgets as widgets
from traitlets import TraitError

from nkcourse.display import WithFallback
from nkcourse.errors import NkcourseError
from nkcourse.explorers import results

CSS_CLASS = "nkcourse-explorer"


class Explorer:
    """Controls whose values are passed, by name, to ``compute``; its result is shown below.

    ``controls`` maps each keyword of ``compute`` to an ipywidget with a ``value``.
    ``compute(**values)`` returns an Altair chart, a DataFrame, an ``IPython.display.HTML``
    or a string of HTML. Display the explorer by making it the last expression of a cell.
    """

    def __init__(
        self,
        controls: dict[str, widgets.Widget],
        compute: Callable[..., Any],
        *,
        title: str,
    ):
        if not controls:
            raise NkcourseError("An explorer needs at least one control, e.g. {'year': slider}.")
        self.controls = dict(controls)
        self.compute = compute
        self.title = title
        self.result = None
        self.error: Exception | None = None
        self.output = widgets.Output()
        self._holding = False
        row = widgets.HBox(list(self.controls.values()), layout={"flex_flow": "row wrap"})
        heading = widgets.HTML(f"<h4>{escape(title)}</h4>")
        self.widget = widgets.VBox([heading, row, self.output])
        self.widget.add_class(CSS_CLASS)
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()
        self._initial = (self._settings_text(), self.result, self.error)
        self._snapshot: tuple[str, str] | None = None

    def values(self) -> dict[str, Any]:
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def update(self, **values) -> Any:
        """Set some controls, recompute once, show and return the result (None if it failed).

        This is exactly what a student's click runs, so tests and benchmarks time it.
        """
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise NkcourseError(
                f"The explorer {self.title!r} has no control {', '.join(unknown)}; "
                f"its controls are {', '.join(self.controls)}."
            )
        self._holding = True
        try:
            for name, value in values.items():
                self._set(name, value)
        finally:
            self._holding = False
            result = self.refresh()
        return result

    def refresh(self) -> Any:
        """Recompute from the current values and show the result, or a friendly message."""
        try:
            result = self.compute(**self.values())
            bundle = results.live_bundle(result)
        except Exception as error:  # a broken setting must not kill the widget
            self.result, self.error = None, error
            bundle = results.error_bundle(error)
        else:
            self.result, self.error = result, None
        self.output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
        return self.result

    def static_html(self) -> str:
        """The explorer's first state as plain HTML, for exports without widgets."""
        return self._static()[0]

    def static_text(self) -> str:
        """The explorer's first state as text, for consoles and screen readers."""
        return self._static()[1]

    def _repr_mimebundle_(self, include=None, exclude=None):
        fallback = WithFallback(self.widget, self.static_html(), self.static_text())
        return fallback._repr_mimebundle_(include=include, exclude=exclude)

    def _static(self) -> tuple[str, str]:
        # Drawn on first display, not in __init__: the SVG is the slow part.
        if self._snapshot is None:
            settings, result, error = self._initial
            if error is None:
                body_html, body_text = results.static_html(result), results.static_text(result)
            else:
                bundle = results.error_bundle(error)
                body_html, body_text = bundle["text/html"], bundle["text/plain"]
            note = f"A snapshot with {settings}. Run the notebook in JupyterLab to change it."
            html = (
                f'<div class="{CSS_CLASS}-static"><h4>{escape(self.title)}</h4>'
                f"<p><em>{escape(note)}</em></p>{body_html}</div>"
            )
            self._snapshot = (html, f"{self.title}\n{note}\n{body_text}")
        return self._snapshot

    def _settings_text(self) -> str:
        parts = []
        for name, control in self.controls.items():
            label = getattr(control, "description", "") or name
            shown = getattr(control, "label", None) or control.value
            parts.append(f"{label.rstrip(':')} = {shown}")
        return ", ".join(parts)

    def _set(self, name: str, value) -> None:
        try:
            self.controls[name].value = value
        except TraitError as error:
            raise NkcourseError(f"{name} cannot be set to {value!r}: {error}") from error

    def _on_change(self, _change) -> None:
        if not self._holding:
            self.refresh()
