"""Lesson 05's explorer: choose a channel, read the article passages and the dated events.

The selection is done by :func:`nkcourse.analysis.evasion.channel_passages` and
:func:`~nkcourse.analysis.evasion.channel_events` (pure, tested); :func:`channel_view`
only lays their rows out as HTML, and :func:`channel_explorer` builds the dropdown.
"""

from html import escape

import ipywidgets as widgets

from nkcourse.analysis import evasion
from nkcourse.explorers.base import Explorer


def _note(text: str) -> str:
    return f'<p class="nkcourse-evasion-note">{escape(text)}</p>'


def _table(frame) -> str:
    return frame.to_html(index=False, classes="nkcourse-evasion", justify="left", na_rep="")


def channel_view(corpus, categorised, channel: str) -> str:
    """HTML: the channel's keywords, the passages that use them, and its dated events.

    ``categorised`` comes from :func:`nkcourse.analysis.evasion.categorise_events`. A
    channel with no passage or no event says so instead of showing an empty table.
    """
    passages = evasion.channel_passages(corpus, channel)
    events = evasion.channel_events(categorised, channel)
    parts = [_note(f"Keywords: {', '.join(evasion.KEYWORDS[channel])}.")]
    if passages.empty:
        parts.append(_note("Neither article uses any of these keywords."))
    else:
        parts.append(_note(f"{len(passages)} paragraph(s) of the articles use them:"))
        shown = passages.rename(columns={"doc_id": "article", "para_no": "paragraph"})
        parts.append(_table(shown))
    if events.empty:
        parts.append(_note("No event in the dataset's chosen year matches these keywords."))
    else:
        parts.append(_note(f"{len(events)} dated event(s) match them (with their sources):"))
        shown = events.assign(date=events["date"].dt.strftime("%Y-%m-%d"))
        parts.append(_table(shown.rename(columns={"channel": "main channel"})))
    return "\n".join(parts)


def channel_explorer(corpus, categorised, channel: str = evasion.OIL) -> Explorer:
    """A channel menu over ``corpus`` (``corpus.load()``) and ``categorised`` events."""
    controls = {
        "channel": widgets.Dropdown(
            options=list(evasion.CHANNELS),
            value=channel,
            description="Channel",
            layout={"width": "460px"},
        )
    }

    def view(channel):
        return channel_view(corpus, categorised, channel)

    return Explorer(controls, view, title="Evasion channels: the articles' words and the events")
