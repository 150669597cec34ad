"""Lesson 01 (the sources): voice groups, quotation tallies, the cleaning audit, keyword in
context, its charts and its explorer.

Expectations about the real articles come from reading their text (who is quoted where),
not from running the functions; made-up tables test the counting itself.
"""

import time

import pandas as pd
import pytest

from nkcourse import charts, data
from nkcourse.analysis import sources
from nkcourse.charts import sources as source_charts
from nkcourse.corpus import Corpus, Document
from nkcourse.errors import NkcourseError
from nkcourse.explorers.kwic import EMPTY_TERM, kwic_explorer, kwic_view

CIPHER, FPRI = "cipher_brief_2017", "fpri_2017"


@pytest.fixture(scope="module")
def voiced(articles):
    return sources.quotes_with_voices(articles.quotes(), data.load("people"))


def rows(table, *columns) -> list[tuple]:
    return list(table[list(columns)].itertuples(index=False, name=None))


def made_up_quotes(triples):
    """A quotes table with the corpus's columns from (doc_id, speaker, cue) triples."""
    return pd.DataFrame(
        [
            {"doc_id": doc, "para_no": n, "text": f"words {n}", "speaker": who,
             "speaker_role": None if who is None else f"role of {who}", "cue": cue}
            for n, (doc, who, cue) in enumerate(triples, start=1)
        ]
    )  # fmt: skip


MADE_UP_PEOPLE = pd.DataFrame(
    {
        "person": ["Ann Official", "Bo Envoy", "Cy Analyst", "Di Former"],
        "speaks_for": [
            "United States",
            "China",
            "not stated",
            "himself (former U.S. official)",
        ],
    }
)


# ---- voice groups ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaks_for", "group"),
    [
        ("United States", sources.US),
        ("himself (former U.S. official)", sources.US),
        ("DPRK", sources.DPRK),
        ("China", sources.CHINA),
        ("Russia", sources.RUSSIA),
        ("himself (former DPRK official)", sources.OTHERS),  # a defector is not Pyongyang
        ("Foreign Policy Research Institute", sources.OTHERS),
        ("not stated", sources.OTHERS),
        (None, sources.UNLISTED),
        (float("nan"), sources.UNLISTED),
    ],
)
def test_voice_group_sorts_speaks_for_values(speaks_for, group):
    assert sources.voice_group(speaks_for) == group


def test_made_up_quotes_get_their_speakers_group_and_unnamed_ones_are_labelled():
    quotes = made_up_quotes(
        [("a", "Ann Official", "said"), ("a", None, "says"), ("a", "Zed Stranger", "said")]
    )
    voiced = sources.quotes_with_voices(quotes, MADE_UP_PEOPLE)
    assert list(voiced["speaker"]) == ["Ann Official", sources.NO_PERSON, "Zed Stranger"]
    assert list(voiced["voice"]) == [sources.US, sources.OTHERS, sources.UNLISTED]
    assert list(quotes["speaker"].fillna("-")) == ["Ann Official", "-", "Zed Stranger"]


def test_quotes_with_voices_refuses_a_table_that_is_not_the_quotes():
    with pytest.raises(NkcourseError, match="corpus.load\\(\\).quotes\\(\\)"):
        sources.quotes_with_voices(pd.DataFrame({"text": ["x"]}), MADE_UP_PEOPLE)
    with pytest.raises(NkcourseError, match="people"):
        sources.quotes_with_voices(
            made_up_quotes([("a", "Ann Official", "said")]), pd.DataFrame({"person": []})
        )


def test_the_only_dprk_and_chinese_quotations_are_han_tae_song_and_cui_tiankai(voiced):
    # From reading the articles: Han Tae Song (Cipher Brief, paragraph 8) and Cui Tiankai
    # (FPRI, paragraph 9) are the only people quoted who speak for a government other
    # than the United States.
    foreign = voiced[voiced["voice"].isin([sources.DPRK, sources.CHINA, sources.RUSSIA])]
    assert set(rows(foreign, "doc_id", "para_no", "speaker", "voice")) == {
        (CIPHER, 8, "Han Tae Song", sources.DPRK),
        (FPRI, 9, "Cui Tiankai", sources.CHINA),
    }
    # Morell and Wilder are former U.S. officials; the FireEye report names no person.
    by_speaker = dict(zip(voiced["speaker"], voiced["voice"], strict=False))
    assert by_speaker["Michael Morell"] == by_speaker["Dennis Wilder"] == sources.US
    assert by_speaker[sources.NO_PERSON] == sources.OTHERS
    assert sources.UNLISTED not in set(voiced["voice"])


# ---- tallies --------------------------------------------------------------------------------


def test_quotes_per_speaker_counts_and_orders_within_each_article():
    quotes = made_up_quotes(
        [
            ("b", "Bo Envoy", "said"),
            ("a", "Cy Analyst", "said"),
            ("a", "Ann Official", "noted"),
            ("a", "Ann Official", "said"),
            ("a", "Ann Official", "told"),
            ("a", None, "says"),
        ]
    )
    table = sources.quotes_per_speaker(sources.quotes_with_voices(quotes, MADE_UP_PEOPLE))
    assert list(table.columns) == ["doc_id", "speaker", "speaker_role", "voice", "quotes"]
    assert rows(table, "doc_id", "speaker", "quotes") == [
        ("a", "Ann Official", 3),
        ("a", sources.NO_PERSON, 1),
        ("a", "Cy Analyst", 1),
        ("b", "Bo Envoy", 1),
    ]
    assert table.loc[1, "speaker_role"] == "not stated"


def test_voices_by_group_keeps_a_row_of_zeros_for_a_group_nobody_speaks_for():
    quotes = made_up_quotes(
        [("a", "Ann Official", "said"), ("a", "Di Former", "said"), ("a", "Ann Official", "said")]
    )
    table = sources.voices_by_group(sources.quotes_with_voices(quotes, MADE_UP_PEOPLE), ["a", "b"])
    assert len(table) == 2 * len(sources.VOICE_GROUPS)
    us = table[(table["doc_id"] == "a") & (table["voice"] == sources.US)].iloc[0]
    assert (us["speakers"], us["quotes"], us["who"]) == (2, 3, "Ann Official, Di Former")
    others = table[(table["voice"] != sources.US) | (table["doc_id"] == "b")]
    assert (others["quotes"] == 0).all() and (others["who"] == "").all()


def test_voices_by_group_on_the_articles_shows_no_russian_voice(voiced, articles):
    table = sources.voices_by_group(voiced, articles.doc_ids)
    russia = table[table["voice"] == sources.RUSSIA]
    assert list(russia["doc_id"]) == [CIPHER, FPRI] and (russia["quotes"] == 0).all()
    us = table.set_index(["doc_id", "voice"]).loc[(CIPHER, sources.US)]
    others = table[(table["doc_id"] == CIPHER) & (table["voice"] != sources.US)]
    assert us["quotes"] > others["quotes"].sum()


def test_cue_counts_counts_each_reporting_word_per_article():
    quotes = made_up_quotes(
        [("a", "Ann Official", "said"), ("a", "Bo Envoy", "said"), ("a", "Bo Envoy", "noted"),
         ("b", "Bo Envoy", "said")]
    )  # fmt: skip
    table = sources.cue_counts(quotes)
    assert rows(table, "doc_id", "cue", "quotes") == [
        ("a", "said", 2),
        ("a", "noted", 1),
        ("b", "said", 1),
    ]


def test_cue_counts_on_the_articles_covers_every_quotation(articles):
    quotes = articles.quotes()
    assert sources.cue_counts(quotes)["quotes"].sum() == len(quotes)


# ---- the cleaning audit ---------------------------------------------------------------------


def test_line_audit_accounts_for_every_line_of_a_made_up_article():
    raw = "A Title\n\nPhoto: Someone/Agency\n\nFirst  paragraph here.\nSecond paragraph.\n"
    audit = sources.line_audit(Corpus([Document.from_text(raw, doc_id="x", title="A Title")]))
    got = {(row.kind, row.rule): row.lines for row in audit.itertuples()}
    assert got == {
        ("title", ""): 1,
        ("paragraph", ""): 2,
        ("removed", "photo_credit"): 1,
        ("removed", "blank"): 2,
    }
    assert (audit["words_changed"] == 0).all()  # a double space is spacing, not words


def test_line_audit_of_the_articles_adds_up_to_their_raw_lines(articles):
    audit = sources.line_audit(articles)
    for doc in articles:
        mine = audit[audit["doc_id"] == doc.doc_id]
        assert mine["lines"].sum() == len(doc.raw.splitlines())
        assert mine["words_changed"].sum() == 0
    fpri = audit[audit["doc_id"] == FPRI].set_index(["kind", "rule"])["lines"]
    # Read from the raw FPRI file: three section headings, two photo-credit lines.
    assert fpri[("heading", "")] == 3 and fpri[("removed", "photo_credit")] == 2


# ---- keyword in context ---------------------------------------------------------------------


def test_keyword_in_context_finds_dandong_in_fpri_paragraph_7(articles):
    both = sources.keyword_in_context(articles, "dandong")
    assert rows(both, "doc_id", "para_no", "match") == [(FPRI, 7, "Dandong")]
    assert sources.keyword_in_context(articles, "Dandong", CIPHER).empty


def test_keyword_in_context_explains_a_bad_article_or_an_empty_word(articles):
    with pytest.raises(NkcourseError, match="choose 'both' or one of"):
        sources.keyword_in_context(articles, "oil", "nyt_2017")
    with pytest.raises(NkcourseError, match="needs a word"):
        sources.keyword_in_context(articles, "  ")


def test_kwic_view_says_what_to_do_for_an_empty_box_or_no_match(articles):
    assert EMPTY_TERM in kwic_view(articles, "   ")
    missing = kwic_view(articles, "Dandong", CIPHER)
    assert "No use of “Dandong” in The Cipher Brief" in missing and "<table" not in missing


def test_kwic_view_counts_uses_and_paragraphs_and_shows_a_row_per_use(articles):
    # "sanctions against Chinese enterprises" appears twice in FPRI paragraph 9 (Cui's
    # words and the author's gloss of them).
    html = kwic_view(articles, "chinese enterprises", FPRI)
    assert "2 uses of “chinese enterprises” in Foreign Policy Research Institute" in html
    assert "in 1 paragraph(s)" in html
    assert html.count("<td>Chinese enterprises</td>") == 2


def test_the_kwic_explorer_updates_quickly_and_has_a_static_snapshot(articles):
    explorer = kwic_explorer(articles)
    assert explorer.values() == {"term": "Russia", "article": sources.BOTH}
    timings = []
    for term, article in [("sanctions", sources.BOTH), ("oil", FPRI), ("", CIPHER)]:
        start = time.perf_counter()
        html = explorer.update(term=term, article=article)
        timings.append(time.perf_counter() - start)
        assert explorer.error is None and html
    assert max(timings) < 0.1, timings
    assert "nkcourse-explorer-static" in explorer.static_html()
    assert "uses of “Russia” in the two articles" in explorer.static_text()


# ---- charts ---------------------------------------------------------------------------------


MADE_UP_PER_SPEAKER = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b", "b"],
        "speaker": ["Ann Official", "Bo Envoy", "Cy Analyst", "Di Former"],
        "speaker_role": ["r1", "r2", "r3", "r4"],
        "voice": [sources.US, sources.CHINA, sources.OTHERS, sources.US],
        "quotes": [4, 1, 2, 2],
    }
)


def test_speaker_chart_states_totals_leaders_and_ties_and_keeps_every_group():
    spec = source_charts.speaker_chart(MADE_UP_PER_SPEAKER).to_dict()
    assert charts.chart_problems(spec) == []
    takeaway = " ".join(spec["title"]["subtitle"])
    assert "a: 5 quotations from 2 speakers, most from Ann Official (4)" in takeaway
    assert "b: 4 quotations from 2 speakers, 2 each from Cy Analyst and Di Former" in takeaway
    assert spec["spec"]["encoding"]["color"]["scale"]["domain"] == list(sources.VOICE_GROUPS)
    assert "a, Bo Envoy (China): 1" in spec["description"]


def test_cue_chart_names_the_commonest_cue():
    cues = pd.DataFrame({"doc_id": ["a", "a", "b"], "cue": ["said", "noted", "said"],
                         "quotes": [3, 2, 1]})  # fmt: skip
    spec = source_charts.cue_chart(cues).to_dict()
    assert charts.chart_problems(spec) == []
    assert spec["title"]["subtitle"][0].startswith("“said” introduces 4 of the 6 quotations")


def test_mentions_chart_names_each_articles_most_and_least_named_actor():
    mentions = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "actor": ["X", "Y", "X", "Y"],
                             "mentions": [5, 1, 0, 7]})  # fmt: skip
    spec = source_charts.mentions_chart(mentions).to_dict()
    assert charts.chart_problems(spec) == []
    takeaway = " ".join(spec["title"]["subtitle"])
    assert "a names X most (5) and Y least (1)" in takeaway
    assert "b names Y most (7) and X least (0)" in takeaway


def test_the_lessons_charts_build_from_the_real_tables(articles, voiced):
    built = [
        source_charts.speaker_chart(sources.quotes_per_speaker(voiced)),
        source_charts.cue_chart(sources.cue_counts(articles.quotes())),
        source_charts.mentions_chart(articles.mentions()),
    ]
    for chart in built:
        assert charts.chart_problems(chart.to_dict()) == []
