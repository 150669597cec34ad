"""Lesson 03's explorers: pick a resolution, see every ban and cap in force by then; pick
a sector, see every Council text that touched it.

The tables come from :mod:`nkcourse.analysis.measures`; this module only turns them into
HTML that shows the verbatim details in full (a DataFrame's own display cuts long text).
"""

from functools import partial
from html import escape

import ipywidgets as widgets

from nkcourse.analysis import measures as analysis
from nkcourse.explorers.base import Explorer

DATE_FORMAT = "%d %b %Y"


def _html_table(table) -> str:
    shown = table.assign(date=table["date"].dt.strftime(DATE_FORMAT).fillna("not known"))
    return shown.to_html(index=False, escape=True, border=0)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _listed(names) -> str:
    return escape(", ".join(names)) if len(names) else "none"


def resolution_view(measures, resolution: str) -> str:
    """HTML: a short summary, then every ban and cap in force by ``resolution``."""
    table = analysis.sectors_up_to(measures, resolution)
    touched = list(dict.fromkeys(table.loc[table["new"], "sector"]))
    earlier = set(table.loc[~table["new"], "sector"])
    first_time = [sector for sector in touched if sector not in earlier]
    name = escape(str(resolution))
    summary = (
        f"By resolution {name}, {_count(table['sector'].nunique(), 'sector')} had been put "
        f"under a ban or a cap. Banned or capped by {name} itself: {_listed(touched)}; "
        f"for the first time: {_listed(first_time)}."
    )
    shown = table.assign(new=table["new"].map({True: "this resolution", False: ""}))
    return f"<p>{summary}</p>{_html_table(shown)}"


def sector_view(measures, sector: str) -> str:
    """HTML: every Council text that touched ``sector``, adopted or not."""
    table = analysis.resolutions_touching(measures, sector)
    summary = (
        f"{_count(len(table), 'measure')} on {escape(sector)}, in "
        f"{_count(table['resolution'].nunique(), 'Council text')} (status says whether each "
        "was adopted, dropped, softened or vetoed)."
    )
    return f"<p>{summary}</p>{_html_table(table)}"


def _label(resolution: str, date) -> str:
    return f"{resolution} ({date.strftime(DATE_FORMAT)})"


def resolution_explorer(measures, start: str = "2375") -> Explorer:
    """A dropdown of the sanctions resolutions -> the bans and caps in force by then."""
    rows = analysis.council_resolutions(measures)
    dates = rows.drop_duplicates("resolution").set_index("resolution")["date"]
    choices = [(_label(resolution, dates[resolution]), resolution) for resolution in dates.index]
    dropdown = widgets.Dropdown(options=choices, value=start, description="Resolution:")
    return Explorer(
        {"resolution": dropdown},
        partial(resolution_view, measures),
        title="What was banned or capped, up to a resolution",
    )


def sector_explorer(measures, start: str = "crude oil") -> Explorer:
    """A dropdown of sectors -> every Council text that touched the sector."""
    sectors = sorted(measures.loc[measures["sector"] != "none", "sector"].unique())
    dropdown = widgets.Dropdown(options=sectors, value=start, description="Sector:")
    return Explorer(
        {"sector": dropdown},
        partial(sector_view, measures),
        title="Which Council texts touched a sector",
    )
