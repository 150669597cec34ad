"""The course's chart look: a colour-blind-safe palette and fonts readable on a projector.

Okabe and Ito's eight colours stay distinguishable under the common colour-vision
deficiencies, so a category never depends on telling red from green.
"""

import altair as alt

THEME_NAME = "nkcourse"

# Okabe & Ito (2008), "Color Universal Design". Ordered so the first categories get the
# strongest contrast on white; yellow and black come last.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

FONT = "sans-serif"


def theme_config() -> dict:
    """The Vega-Lite ``config`` every course chart starts from."""
    axis = {"labelFontSize": 13, "titleFontSize": 14, "titleFontWeight": "normal"}
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": 560, "continuousHeight": 300},
            "range": {
                "category": list(OKABE_ITO),
                "ramp": {"scheme": "viridis"},
                "heatmap": {"scheme": "viridis"},
                "diverging": {"scheme": "blueorange"},
            },
            "mark": {"color": OKABE_ITO[0]},
            "axis": axis,
            "header": {"labelFontSize": 13, "titleFontSize": 14},
            "legend": {"labelFontSize": 13, "titleFontSize": 13, "titleFontWeight": "normal"},
            "title": {
                "fontSize": 18,
                "anchor": "start",
                "subtitleFontSize": 14,
                "subtitleFontStyle": "italic",
                "subtitleColor": "#333333",
                "subtitlePadding": 6,
            },
        }
    }


def register_theme() -> None:
    """Register the theme under :data:`THEME_NAME` and make it the active one."""
    alt.theme.register(THEME_NAME, enable=True)(lambda: alt.theme.ThemeConfig(theme_config()))
