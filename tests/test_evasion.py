"""Lesson 05's analysis: channel keyword rules, categorised events, corpus passages, labour."""

import csv
import itertools
from pathlib import Path

import pandas as pd
import pytest

from nkcourse import data
from nkcourse.analysis import evasion as ev
from nkcourse.corpus.mentions import kwic_pattern
from nkcourse.errors import NkcourseError

EVENTS_CSV = Path(ev.__file__).resolve().parents[1] / "data" / "files" / "events.csv"


def event_rows(*rows):
    """A small events table: (date, event, description[, source])."""
    frame = pd.DataFrame(
        [
            {
                "date": pd.Timestamp(row[0]),
                "date_precision": "day",
                "event": row[1],
                "description": row[2],
                "source": row[3] if len(row) > 3 else "https://a.example",
                "confidence_notes": "high",
                "mentioned_in": "context",
            }
            for row in rows
        ]
    )
    return frame


@pytest.fixture(scope="module")
def categorised():
    return ev.categorise_events(data.load("events"))


# ---- keyword rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("FinCEN names the Bank of Dandong", [ev.BORDER]),
        ("the Korean Worker’s Party", []),  # not a worker abroad
        ("boiling toil", []),  # whole words only
        ("CRUDE OIL", [ev.OIL]),  # any case
        ("a ferry carrying oil", [ev.OIL, ev.SHIPS]),  # every channel, in CHANNELS order
        ("hackers stole Bitcoin", [ev.CRYPTO]),
        ("embassies overseas", [ev.WORKERS]),
        (None, []),
        (float("nan"), []),
    ],
)
def test_channels_of_matches_whole_keywords_in_any_case(text, expected):
    assert ev.channels_of(text) == expected


def test_no_keyword_is_counted_inside_another():
    # A keyword found inside another would count one use twice in the keyword chart.
    words = [word for words in ev.KEYWORDS.values() for word in words]
    assert len(words) == len(set(w.casefold() for w in words))
    for word, other in itertools.permutations(words, 2):
        assert not kwic_pattern(word).search(other), f"{word!r} matches inside {other!r}"


def test_unknown_channel_is_refused_with_the_list_of_channels():
    with pytest.raises(NkcourseError, match="Choose one of: Off-the-books"):
        ev.check_channel("Smuggling")
    with pytest.raises(NkcourseError):
        ev.check_channel(ev.OTHER)
    assert ev.check_channel(ev.OTHER, allow_other=True) == ev.OTHER


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("https://a.example", "https://a.example"),
        ("https://a.example ; https://b.example", "https://a.example (and 1 more source)"),
        ("a ; b ; c", "a (and 2 more sources)"),
        ("", ""),
    ],
)
def test_source_note_keeps_the_first_source_and_counts_the_rest(cell, expected):
    assert ev.source_note(cell) == expected


# ---- categorised events -----------------------------------------------------------------


def test_categorise_keeps_every_event_of_the_year_and_puts_unmatched_ones_under_other():
    events = event_rows(
        ("2017-09-12", "FireEye report", "attacks on exchanges", "u1 ; u2"),
        ("2017-05-17", "Ferry leaves Rajin", "with oil on board"),
        ("2017-07-04", "ICBM test", "lofted"),
        ("2016-10-25", "Clapper speech", "a ferry"),
    )
    result = ev.categorise_events(events, year=2017)
    assert list(result["event"]) == ["Ferry leaves Rajin", "ICBM test", "FireEye report"]
    assert list(result["channel"]) == [ev.OIL, ev.OTHER, ev.CRYPTO]
    assert list(result["all_channels"]) == [f"{ev.OIL}; {ev.SHIPS}", "", ev.CRYPTO]
    assert list(result["month"]) == [5, 7, 9]
    assert result["first_source"].iloc[2] == "u1 (and 1 more source)"
    assert len(ev.categorise_events(events, year=None)) == 4


def test_categorise_explains_an_empty_year_and_a_wrong_table():
    events = event_rows(("2017-01-01", "x", "y"))
    with pytest.raises(NkcourseError, match="no event in 2030; it covers 2017-2017"):
        ev.categorise_events(events, year=2030)
    with pytest.raises(NkcourseError, match="lacks the column\\(s\\) description"):
        ev.categorise_events(events.drop(columns="description"))


def test_the_real_2017_events_are_all_kept(categorised):
    with EVENTS_CSV.open(encoding="utf-8", newline="") as handle:
        in_2017 = [row for row in csv.DictReader(handle) if row["date"].startswith("2017-")]
    assert len(categorised) == len(in_2017)
    assert ev.events_per_channel(categorised)["events"].sum() == len(in_2017)


def main_channel(categorised, words: str) -> list[str]:
    return list(categorised.loc[categorised["event"].str.contains(words), "channel"])


def test_the_real_events_land_in_the_channels_their_words_name(categorised):
    assert main_channel(categorised, "Man Gyong Bong") == [ev.SHIPS, ev.SHIPS]
    assert main_channel(categorised, "Ri Jong Ho") == [ev.OIL] * 3
    assert main_channel(categorised, "Bank of Dandong") == [ev.BORDER] * 2
    assert main_channel(categorised, "FireEye") == [ev.CRYPTO]
    assert main_channel(categorised, "UNSCR 2397") == [ev.OTHER]  # "See resolutions.csv."
    ofac = categorised[categorised["event"].str.contains("Chinese and Russian")].iloc[0]
    assert ofac["channel"] == ev.BORDER and ev.WORKERS in ofac["all_channels"]


def test_events_per_channel_keeps_channels_without_events(categorised):
    counts = ev.events_per_channel(categorised).set_index("channel")["events"]
    assert list(counts.index) == list(ev.CATEGORIES)
    assert counts[ev.WORKERS] == 0  # the one worker event has border trade as its main channel
    assert counts[ev.SHIPS] == 2


def test_channel_events_include_events_where_the_channel_is_not_the_main_one(categorised):
    workers = ev.channel_events(categorised, ev.WORKERS)
    assert list(workers["event"]) == [
        "US Treasury sanctions Chinese and Russian individuals/entities"
    ]
    assert workers["channel"].iloc[0] == ev.BORDER
    other = ev.channel_events(categorised, ev.OTHER)
    assert (other["channel"] == ev.OTHER).all() and len(other) > 0
    with pytest.raises(NkcourseError):
        ev.channel_events(categorised, "Smuggling")


# ---- the articles -------------------------------------------------------------------------


def test_keyword_hits_find_bureau_39_in_fpri_paragraph_11(articles):
    hits = ev.keyword_hits(articles)
    bureau = hits[hits["word"] == "Bureau 39"]
    assert list(zip(bureau["doc_id"], bureau["para_no"], strict=True)) == [("fpri_2017", 11)]
    assert set(hits["channel"]) <= set(ev.CHANNELS)


def test_hits_per_article_counts_each_use_and_keeps_zeros(articles):
    per = ev.hits_per_article(ev.keyword_hits(articles), articles.doc_ids)
    assert len(per) == len(articles.doc_ids) * len(ev.CHANNELS)
    table = per.set_index(["doc_id", "channel"])
    # FPRI paragraph 10: "a new ferry route opened between North Korea’s Rajin Port and
    # Vladivostok": three keywords, once each; the Cipher Brief names no ship or ferry.
    assert table.loc[("fpri_2017", ev.SHIPS), "hits"] == 3
    assert table.loc[("fpri_2017", ev.SHIPS), "words"] == "ferry 1, Rajin 1, Vladivostok 1"
    assert table.loc[("cipher_brief_2017", ev.SHIPS), "hits"] == 0
    assert table.loc[("cipher_brief_2017", ev.SHIPS), "words"] == "none"


def test_channel_passages_give_whole_paragraphs_with_the_words_found(articles):
    oil = ev.channel_passages(articles, ev.OIL)
    fpri = oil[(oil["doc_id"] == "fpri_2017") & (oil["para_no"] == 11)].iloc[0]
    assert "This trade is done off the books" in fpri["text"]
    assert fpri["words"] == "Ri Jong Ho, Bureau 39, off the books, oil, fuels"
    crypto = ev.channel_passages(articles, ev.CRYPTO)
    assert list(crypto["para_no"]) == [18, 19]  # FireEye, then Wilder's "or the internet"
    assert set(crypto["doc_id"]) == {"cipher_brief_2017"}


# ---- datasets -----------------------------------------------------------------------------


def test_overseas_labour_comes_with_its_unverified_flag_and_source():
    row = ev.overseas_labour(data.load("exports_by_commodity")).iloc[0]
    assert row["confidence"].startswith("unverified")
    assert "Haley" in row["stated_by"] and row["source"]


def test_overseas_labour_missing_row_says_what_to_do():
    exports = data.load("exports_by_commodity")
    without = exports[~exports["commodity"].str.startswith("Overseas")]
    with pytest.raises(NkcourseError, match="nkcourse doctor"):
        ev.overseas_labour(without)


def test_worker_measures_are_the_2017_resolutions_on_workers():
    rows = ev.worker_measures(data.load("measures"))
    assert set(rows["resolution"]) == {"2371", "2375", "2397"}
    assert rows["detail"].str.contains("repatriation").any()
