"""Lesson 05's charts (timeline by channel, keyword uses) and its channel explorer."""

import pandas as pd
import pytest

from nkcourse import charts, data
from nkcourse.analysis import evasion as ev
from nkcourse.charts import evasion as evasion_charts
from nkcourse.errors import NkcourseError
from nkcourse.explorers.evasion import channel_explorer, channel_view

TITLES = {"cipher_brief_2017": "The Cipher Brief", "fpri_2017": "FPRI"}


@pytest.fixture(scope="module")
def categorised():
    return ev.categorise_events(data.load("events"))


def rows_of(spec: dict) -> list[dict]:
    return spec["datasets"][spec["data"]["name"]]


def tooltip_fields(spec: dict) -> set[str]:
    return {tip["field"] for tip in spec["encoding"]["tooltip"]}


def test_timeline_carries_every_event_with_its_source_and_date_precision(categorised):
    spec = evasion_charts.timeline_chart(categorised).to_dict()
    assert len(rows_of(spec)) == len(categorised)
    assert {"first_source", "date_precision", "event"} <= tooltip_fields(spec)
    assert spec["encoding"]["y"]["scale"]["domain"] == list(ev.CATEGORIES)
    assert "Overseas workers: 0" in spec["description"]
    assert charts.chart_problems(spec) == []


def test_timeline_takeaway_is_written_from_the_counts():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2017-05-17", "2017-06-01", "2017-07-04"]),
            "date_precision": ["day", "approximate (week)", "day"],
            "event": ["Ferry leaves Rajin", "Another ferry", "ICBM test"],
            "description": ["", "", ""],
            "source": ["s1", "s2", "s3"],
            "confidence_notes": ["", "", ""],
        }
    )
    spec = evasion_charts.timeline_chart(ev.categorise_events(events)).to_dict()
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "2 of 3 events match a channel's keywords" in subtitle
    assert f"{ev.SHIPS} has the most (2)" in subtitle
    assert "1 event has a date precision other than 'day'" in spec["description"]


def test_keyword_chart_keeps_zero_bars_and_names_what_each_article_never_mentions(articles):
    per = ev.hits_per_article(ev.keyword_hits(articles), articles.doc_ids)
    spec = evasion_charts.keyword_chart(per, TITLES).to_dict()
    rows = rows_of(spec)
    assert len(rows) == 2 * len(ev.CHANNELS)
    assert {row["article"] for row in rows} == {"The Cipher Brief", "FPRI"}
    subtitle = " ".join(spec["title"]["subtitle"])
    assert f"The Cipher Brief uses no keyword of {ev.SHIPS}" in subtitle
    assert f"FPRI uses no keyword of {ev.WORKERS} or {ev.CRYPTO}" in subtitle
    assert "words" in tooltip_fields(spec)
    assert charts.chart_problems(spec) == []


def test_channel_view_shows_passages_and_events_with_sources(articles, categorised):
    html = channel_view(articles, categorised, ev.SHIPS)
    assert "a new ferry route opened" in html
    assert "Man Gyong Bong leaves Rajin" in html
    assert "https://www.rt.com/news/388760-ferry-service-north-korea-russia/" in html
    assert "2017-05-17" in html


class OneParagraph:
    """A stand-in corpus whose only paragraph uses no channel keyword."""

    def paragraphs(self):
        return pd.DataFrame(
            {"doc_id": ["x"], "para_no": [1], "heading": [None], "text": ["Nothing here."]}
        )


def test_channel_view_says_when_nothing_matches(categorised):
    no_crypto = categorised[categorised["channel"] != ev.CRYPTO]
    html = channel_view(OneParagraph(), no_crypto, ev.CRYPTO)
    assert "Neither article uses any of these keywords." in html
    assert "No event in the dataset" in html
    assert "<table" not in html


def test_channel_explorer_updates_and_refuses_an_unknown_channel(articles, categorised):
    explorer = channel_explorer(articles, categorised)
    assert explorer.values() == {"channel": ev.OIL}
    assert "Bureau 39" in explorer.result
    html = explorer.update(channel=ev.CRYPTO)
    assert "FireEye" in html and "Bureau 39" not in html
    with pytest.raises(NkcourseError, match="channel cannot be set"):
        explorer.update(channel="Smuggling")
    assert "nkcourse-explorer-static" in explorer.static_html()
