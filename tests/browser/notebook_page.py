"""Drive one notebook in JupyterLab and list everything a student would see go wrong.

The notebook model (read through ``window.jupyterapp``, which the server exposes with
``--expose-app-in-browser``) says what each output *is*; the DOM says what the student
*sees*. Both are needed: JupyterLab renders an error output with the same mime type
(``application/vnd.jupyter.stderr``) and classes as a harmless warning, so only the model
tells them apart, while only the DOM shows whether a widget or chart was actually drawn.
"""

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
OPEN_TIMEOUT_MS = 60_000
RUN_TIMEOUT_S = 120
RUN_ALL_ATTEMPTS = 3
RENDER_TIMEOUT_S = 15
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# A problem is FINAL (waiting cannot fix it) or DRAWING (a widget or chart may yet appear).
FINAL, DRAWING = "final", "drawing"
# How a widget reads when no widget front end draws it: "VBox(children=(...))",
# "IntSlider(value=3)", "Dropdown(options=...)".
WIDGET_AS_TEXT = re.compile(r"^\s*[A-Z]\w*\((children|value|options|description|layout)=")

# Finds the notebook panel showing ``path``; every snippet below starts from it.
_PANEL = """
  const panel = [...window.jupyterapp.shell.widgets('main')].find(
    (w) => w.context && w.context.path === path);
  if (!panel) throw new Error('JupyterLab shows no notebook ' + path);
  const cells = panel.content.widgets;
"""

_PROGRESS = (
    "(path) => {"
    + _PANEL
    + """
  const code = cells.filter((c) => c.model.type === 'code');
  return {
    counts: code.map((c) => c.model.executionCount),
    blank: code.map((c) => c.model.sharedModel.getSource().trim() === ''),
    busy: code.some((c) => (c.promptNode && c.promptNode.textContent || '').includes('*')),
    errors: code.some((c) => c.model.outputs.toJSON().some((o) => o.output_type === 'error')),
  };
}"""
)

_KERNEL_READY = """(path) => {
  const panel = window.jupyterapp && [...window.jupyterapp.shell.widgets('main')].find(
    (w) => w.context && w.context.path === path);
  const kernel = panel && panel.context.isReady && panel.sessionContext.session?.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""

_SOURCES = "(path) => {" + _PANEL + " return cells.map((c) => c.model.sharedModel.getSource()); }"

_CELL_NODE_ID = (
    "([path, index]) => {"
    + _PANEL
    + """
  const node = cells[index].node;
  node.dataset.browserTest = String(index);
  return `[data-browser-test="${index}"]`;
}"""
)

_SCROLL_TO_CELL = (
    "([path, index]) => {"
    + _PANEL
    + """
  panel.content.scrollToItem(index, 'center');
  cells[index].node.scrollIntoView({block: 'center'});
}"""
)

# One cell's outputs as the model holds them, paired with what the DOM shows for each.
_CELL_OUTPUTS = (
    "([path, index, widgetView]) => {"
    + _PANEL
    + """
  const cell = cells[index];
  if (cell.model.type !== 'code') return null;
  const shown = [...cell.outputArea.node.children].filter(
    (n) => n.classList.contains('jp-OutputArea-child'));
  return {
    source: cell.model.sharedModel.getSource(),
    count: cell.model.executionCount,
    outputs: cell.model.outputs.toJSON().map((o, i) => {
      const node = shown[i];
      const keys = Object.keys(o.data || {});
      return {
        type: o.output_type,
        ename: o.ename || '', evalue: o.evalue || '',
        widget: keys.includes(widgetView),
        vegalite: keys.some((k) => k.startsWith('application/vnd.vegalite')),
        vegaHtml: /vega-?embed/i.test(String((o.data || {})['text/html'] || '')),
        text: node ? node.innerText.trim().slice(0, 300) : null,
        drawnWidget: !!(node && node.querySelector('.jp-OutputArea-output .jupyter-widgets')),
        drawnChart: !!(node && node.querySelector('svg.marks, canvas.marks')),
        // Charts drawn inside a widget (an explorer's output) are not in the cell's model.
        undrawnCharts: node ? [...node.querySelectorAll('.jp-RenderedVegaLite')].filter(
          (chart) => !chart.querySelector('svg.marks, canvas.marks')).length : 0,
      };
    }),
  };
}"""
)

# The notebook's full height plus the menus, toolbar and status bar around it.
_NOTEBOOK_HEIGHT = """() => {
  const outer = document.querySelector(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
  return outer ? outer.scrollHeight + window.innerHeight - outer.clientHeight : 0;
}"""
_SCROLL_TO_TOP = """() => document.querySelectorAll('.jp-WindowedPanel-outer').forEach(
  (outer) => { outer.scrollTop = 0; })"""


@dataclass
class NotebookPage:
    """One notebook open in one browser page."""

    page: object  # playwright.sync_api.Page
    path: str  # relative to the server's root, e.g. "notebooks/00-start.ipynb"
    console_errors: list[str] = field(default_factory=list)

    def js(self, snippet: str, *args):
        return self.page.evaluate(snippet, [self.path, *args] if args else self.path)

    def open(self, server) -> None:
        """Open the notebook in a fresh workspace and wait until its kernel is up and idle.

        The execution indicator already reads idle before any kernel exists; a Run All
        clicked then makes JupyterLab ask the student to select a kernel.
        """
        self.page.goto(server.url(f"/lab/tree/{self.path}?token={server.token}&reset"))
        self.page.wait_for_selector(IDLE, timeout=OPEN_TIMEOUT_MS)
        self.page.wait_for_function(_KERNEL_READY, arg=self.path, timeout=OPEN_TIMEOUT_MS)

    def run_all(self) -> None:
        """Run → Run All Cells, as a student would; retry when JupyterLab ignores the click."""
        before = self.js(_PROGRESS)["counts"]
        for _attempt in range(RUN_ALL_ATTEMPTS):
            self.fail_on_dialog()
            self.page.get_by_role("menuitem", name="Run", exact=True).click()
            self.page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            if self._started(before):
                self.wait_until_done()
                return
            self.page.keyboard.press("Escape")
        raise AssertionError(
            f"{self.path}: Run → Run All Cells did not start any cell after "
            f"{RUN_ALL_ATTEMPTS} attempts."
        )

    def fail_on_dialog(self) -> None:
        """A dialog over the notebook blocks every click; say what it asks."""
        dialog = self.page.locator(".jp-Dialog")
        if dialog.count():
            raise AssertionError(
                f"{self.path}: JupyterLab shows a dialog: {dialog.first.inner_text()!r}"
            )

    def _started(self, before: list) -> bool:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            progress = self.js(_PROGRESS)
            if progress["busy"] or progress["counts"] != before:
                return True
            time.sleep(0.1)
        return False

    def wait_until_done(self, timeout_s: float = RUN_TIMEOUT_S) -> None:
        """Wait until the kernel is idle and every code cell ran (or an error stopped the run)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            progress = self.js(_PROGRESS)
            ran = all(
                count is not None or blank
                for count, blank in zip(progress["counts"], progress["blank"], strict=True)
            )
            idle = self.page.locator(IDLE).count() == 1
            if idle and not progress["busy"] and (ran or progress["errors"]):
                return
            time.sleep(0.2)
        raise AssertionError(f"{self.path}: cells were still running after {timeout_s:.0f} s.")

    def scroll_to_cell(self, index: int) -> None:
        """JupyterLab draws cells lazily: bring one into view before looking at it."""
        self.js(_SCROLL_TO_CELL, index)

    def problems(self) -> list[str]:
        """Everything wrong a student would see, one line per problem, naming the cell."""
        found = []
        for index in range(len(self.js(_SOURCES))):
            self.scroll_to_cell(index)
            found += self._cell_problems(index)
        return found

    def _cell_problems(self, index: int) -> list[str]:
        """Judge the cell's outputs, giving widgets and charts RENDER_TIMEOUT_S to be drawn."""
        deadline = time.monotonic() + RENDER_TIMEOUT_S
        while True:
            cell = self.js(_CELL_OUTPUTS, index, WIDGET_VIEW)
            if cell is None:
                return []
            found = [problem for output in cell["outputs"] if (problem := _output_problem(output))]
            if cell["count"] is None and cell["source"].strip():
                found.append(("did not run", FINAL))
            still_drawing = any(state == DRAWING for _message, state in found)
            if not still_drawing or time.monotonic() > deadline:
                first_line = cell["source"].strip().splitlines()[0][:60] if cell["source"] else ""
                return [f"cell {index + 1} ({first_line!r}): {message}" for message, _ in found]
            time.sleep(0.25)

    def first_cell_index(self, pattern: re.Pattern) -> int | None:
        return next(
            (i for i, source in enumerate(self.js(_SOURCES)) if pattern.search(source)), None
        )

    def cell_output(self, index: int) -> dict:
        """The cell's execution count, its outputs' text, and its error (or "")."""
        cell = self.js(_CELL_OUTPUTS, index, WIDGET_VIEW)
        errors = [f"{o['ename']}: {o['evalue']}" for o in cell["outputs"] if o["type"] == "error"]
        text = "\n".join(o["text"] or "" for o in cell["outputs"])
        return {"count": cell["count"], "text": text, "error": "; ".join(errors)}

    def run_cell(self, index: int) -> None:
        """Select the cell with the mouse and press Shift+Enter, as a student would."""
        self.scroll_to_cell(index)
        before = self.cell_output(index)["count"]
        self.page.locator(self.js(_CELL_NODE_ID, index)).locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Shift+Enter")
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while self.cell_output(index)["count"] in (before, None):
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.path}: cell {index + 1} did not run on Shift+Enter.")
            time.sleep(0.1)
        self.wait_until_done()

    def screenshot(self, path: Path) -> None:
        """The whole notebook in one picture: the page grows to the notebook's height first."""
        height = self.page.evaluate(_NOTEBOOK_HEIGHT)
        width = self.page.viewport_size["width"]
        self.page.set_viewport_size({"width": width, "height": min(max(height, 900), 16000)})
        self.page.evaluate(_SCROLL_TO_TOP)
        self.page.wait_for_timeout(300)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True)


def _output_problem(output: dict) -> tuple[str, str] | None:
    """What is wrong with one output, and whether it is FINAL or may still be DRAWING."""
    text = output["text"]
    if output["type"] == "error":
        return f"error output {output['ename']}: {output['evalue']}", FINAL
    if text is None:
        return "an output is missing from the page", DRAWING
    if "Error displaying widget" in text:
        return f"a widget could not be displayed ({text[:120]!r})", FINAL
    if "Javascript Error" in text:
        return f"an output failed to render ({text[:120]!r})", FINAL
    if "Loading widget..." in text:
        return f"a widget never finished loading ({text[:80]!r})", DRAWING
    if output["widget"] and not output["drawnWidget"]:
        return f"a widget is shown as text, not drawn ({text[:80]!r})", DRAWING
    if (output["vegalite"] or output["vegaHtml"]) and not output["drawnChart"]:
        return f"a chart was not drawn by Vega (no svg or canvas; it reads {text[:120]!r})", DRAWING
    if output["undrawnCharts"]:
        return f"{output['undrawnCharts']} chart(s) inside a widget were not drawn by Vega", DRAWING
    if WIDGET_AS_TEXT.match(text) and not output["drawnWidget"]:
        return f"a widget is shown as text, not drawn ({text[:80]!r})", FINAL
    return None
