"""Lesson 07's explorer: sliders for enforcement and leak, a dropdown for the textile estimate.

The explorer only wires controls to :func:`calculator_view`, which calls the tested model
(:mod:`nkcourse.analysis.calculator`) and draws its output; nothing is computed here.
"""

import functools

import ipywidgets as widgets

from nkcourse.analysis import calculator
from nkcourse.explorers.base import Explorer


@functools.lru_cache(maxsize=64)
def _inputs(textile: str, russia_share: float):
    # Picking the rows is the slow step (~15 ms); slider moves reuse it. revenue_lost
    # copies its inputs, so the cached frame is never changed.
    return calculator.model_inputs(textile=textile, russia_share=russia_share)


def calculator_view(china_enforcement, russia_enforcement, evasion_leak, russia_share, textile):
    """The model's output for these settings, as bars per commodity over a table of inputs."""
    from nkcourse.charts.calculator import model_chart

    russia_share = calculator.check_percent("russia_share", russia_share)
    inputs = _inputs(textile, russia_share)
    result = calculator.revenue_lost(inputs, china_enforcement, russia_enforcement, evasion_leak)
    return model_chart(result)


def textile_choices() -> list[tuple[str, str]]:
    """(label, key) for the textile dropdown, from the dataset: value, who, period, flag."""
    rows = calculator.estimates("Textiles/clothing")
    return [(row.label, calculator.short_name(row.stated_by)) for row in rows.itertuples()]


def _percent_slider(description: str, value: float) -> widgets.FloatSlider:
    return widgets.FloatSlider(
        value=value,
        min=0,
        max=100,
        step=5,
        description=description,
        readout_format=".0f",
        continuous_update=False,
        style={"description_width": "initial"},
    )


def calculator_explorer(
    china_enforcement: float = 100,
    russia_enforcement: float = 100,
    evasion_leak: float = 0,
    russia_share: float = 0,
    textile: str = "KOTRA",
) -> Explorer:
    """Sliders (percent) and the textile dropdown, wired to :func:`calculator_view`."""
    choices = textile_choices()
    controls = {
        "china_enforcement": _percent_slider("China enforces (%)", china_enforcement),
        "russia_enforcement": _percent_slider("Russia enforces (%)", russia_enforcement),
        "evasion_leak": _percent_slider("Evasion leak (%)", evasion_leak),
        "russia_share": _percent_slider("Russia's share, ASSUMED (%)", russia_share),
        "textile": widgets.Dropdown(
            options=choices,
            value=textile,
            description="Textile estimate",
            style={"description_width": "initial"},
            layout={"width": "max-content"},
        ),
    }
    return Explorer(controls, calculator_view, title="Sanctions calculator (a toy model)")
