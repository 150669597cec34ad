"""Lesson 04's explorer: pick a partner, a flow and a kind of period; see every matching
row of the trade dataset, its levels as dots and a table with compiler and source."""

import ipywidgets as widgets

from nkcourse.analysis.trade import FLOWS, PERIOD_TYPES, matching_rows, with_families
from nkcourse.explorers.base import Explorer


def trade_view(trade, *, partner: str, flow: str, period_type: str):
    """The explorer's pure step: the matching rows drawn by ``rows_chart``."""
    from nkcourse.charts.trade import rows_chart

    rows = matching_rows(trade, partner=partner, flow=flow, period_type=period_type)
    return rows_chart(rows, partner=partner, flow=flow, period_type=period_type)


def trade_explorer(partner: str = "China", flow: str = "total", period_type: str = "year"):
    """The explorer, loaded once with the trade dataset (the controls only filter it)."""
    from nkcourse import data

    trade = with_families(data.load("trade"))  # once, not on every change
    partners = sorted(trade["partner"].unique())

    def compute(partner, flow, period_type):
        return trade_view(trade, partner=partner, flow=flow, period_type=period_type)

    controls = {
        "partner": widgets.Dropdown(options=partners, value=partner, description="Partner"),
        "flow": widgets.Dropdown(options=list(FLOWS), value=flow, description="Flow"),
        "period_type": widgets.Dropdown(
            options=list(PERIOD_TYPES), value=period_type, description="Period"
        ),
    }
    return Explorer(controls, compute, title="China's and Russia's trade with the DPRK, row by row")
