"""End to end: a notebook with a chart and an explorer, run by a kernel and exported to HTML
without widget state (as nbconvert, CI artefacts and GitHub see it), still shows both."""

import base64
import json
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]

SETUP = """\
import altair as alt
import ipywidgets as widgets
import pandas as pd
from nkcourse import charts
from nkcourse.explorers import Explorer

counts = pd.DataFrame({"year": [2006, 2007, 2008], "events": [1, 2, 3]})

def events_chart(upto):
    chart = alt.Chart(counts[counts.year <= upto]).mark_bar(tooltip=True).encode(
        x=alt.X("year:O", title="Year"), y=alt.Y("events:Q", title="Events (count)"))
    return charts.finish(chart, title=f"Events up to {upto}",
                         description=f"Made-up event counts up to {upto}.",
                         takeaway="Made-up numbers for an export test.")
"""
CHART = "events_chart(2008)"
EXPLORER = """\
Explorer({"upto": widgets.IntSlider(value=2007, min=2006, max=2008, description="Up to")},
         events_chart, title="Events explorer")
"""


def run_and_export(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(code) for code in (SETUP, CHART, EXPLORER)]
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        store_widget_state=False,
        resources={"metadata": {"path": str(ROOT)}},
    )
    client.execute()
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(notebook)
    (tmp_path / "export.html").write_text(html)
    return notebook, html


def svgs_in(html: str) -> list[str]:
    encoded = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    return [base64.b64decode(item).decode() for item in encoded]


def test_exported_notebook_shows_the_chart_svg_and_the_explorer_snapshot(tmp_path):
    notebook, html = run_and_export(tmp_path)
    chart_output = notebook.cells[1].outputs[0]["data"]
    assert set(chart_output) == {
        "application/vnd.vegalite.v5+json",
        "image/svg+xml",
        "text/plain",
    }
    explorer_output = notebook.cells[2].outputs[0]["data"]
    assert "application/vnd.jupyter.widget-view+json" in explorer_output
    assert "widgets" not in notebook.metadata

    svgs = svgs_in(html)
    assert any(re.search(r"<text[^>]*>Events up to 2008</text>", svg) for svg in svgs)
    assert any(re.search(r"<text[^>]*>Events up to 2007</text>", svg) for svg in svgs)
    assert "nkcourse-explorer-static" in html and "Up to = 2007" in html
    assert 'alt="Made-up event counts up to 2007."' in html
    # No dead widget placeholder: without state nbconvert must pick the fallback instead.
    assert "application/vnd.jupyter.widget-view+json" not in html
    print(json.dumps({"html_bytes": len(html)}))
