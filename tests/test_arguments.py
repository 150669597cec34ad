"""Lesson 06: the argument map (selectors -> nodes and edges -> paths), filters, layout."""

import pandas as pd
import pytest

from nkcourse import data
from nkcourse.analysis import arguments as ar
from nkcourse.analysis import sources
from nkcourse.errors import NkcourseError

CB, FPRI = "cipher_brief_2017", "fpri_2017"


@pytest.fixture(scope="module")
def claims():
    return data.load("claims")


@pytest.fixture(scope="module")
def argmap(articles, people, claims):
    return ar.argument_map(articles, people, claims)


@pytest.fixture(scope="module")
def paths(argmap):
    return ar.argument_paths(argmap)


def node(argmap, node_id):
    rows = argmap.nodes[argmap.nodes["node_id"] == node_id]
    assert len(rows) == 1, node_id
    return rows.iloc[0]


def paths_of(paths, claim_id):
    return paths[paths["claim_id"] == claim_id]


# ---- text always comes from the corpus -------------------------------------------------------


def test_every_sentence_node_is_the_corpus_sentence_at_its_selector(argmap, articles):
    sentences = articles.sentences().set_index(["doc_id", "para_no", "sent_no"])["text"]
    said = argmap.nodes[argmap.nodes["kind"].isin([ar.CLAIM, ar.SENTENCE])]
    assert len(said) > 20
    for row in said.itertuples():
        assert row.text == sentences.loc[(row.doc_id, row.para_no, row.sent_no)]


def test_every_quotation_node_is_made_of_quotations_found_in_its_paragraph(argmap, articles):
    paragraphs = articles.paragraphs().set_index(["doc_id", "para_no"])["text"]
    said_by = {(q.doc_id, q.text): q.speaker for q in articles.quotes().itertuples()}
    quoted = argmap.nodes[argmap.nodes["kind"] == ar.QUOTE]
    assert len(quoted) >= 15
    for row in quoted.itertuples():
        for part in row.text.split(ar.QUOTE_JOIN):
            assert part in paragraphs.loc[(row.doc_id, row.para_no)]
            assert said_by[(row.doc_id, part)] == row.speaker


def test_morells_three_reasons_are_his_quotation_in_paragraph_23(argmap, paths):
    claim = paths_of(paths, f"{CB}:22.2")
    assert list(claim["support_speaker"]) == ["Michael Morell"]
    reasons = node(argmap, claim["support_id"].iloc[0])
    assert reasons["para_no"] == 23
    for reason in ("refugees", "loose nukes", "reunification"):
        assert reason in reasons["text"]
    assert claim["claim"].iloc[0].startswith("China is concerned")


def test_the_buffer_state_claim_stands_alone(paths):
    buffer = paths_of(paths, f"{FPRI}:5.4")
    assert len(buffer) == 1
    assert "buffer between itself and the U.S. ally of South Korea" in buffer["claim"].iloc[0]
    assert buffer[["support_id", "data_id"]].iloc[0].tolist() == ["", ""]
    assert buffer["theme"].iloc[0] == ar.BEIJING


# ---- speakers and voices ----------------------------------------------------------------------


def test_pyongyang_and_beijing_speak_through_their_ambassadors(argmap):
    quoted = argmap.nodes[argmap.nodes["kind"] == ar.QUOTE].set_index("speaker")
    assert quoted.loc["Han Tae Song", "voice"] == sources.DPRK
    assert quoted.loc["Han Tae Song", "doc_id"] == CB
    assert quoted.loc["Cui Tiankai", "voice"] == sources.CHINA
    assert quoted.loc["Cui Tiankai", "doc_id"] == FPRI


def test_no_node_speaks_for_russia_because_no_russian_is_quoted(argmap, people, articles):
    assert not (argmap.nodes["voice"] == sources.RUSSIA).any()
    assert people[people["speaks_for"] == "Russia"].empty
    voiced = sources.quotes_with_voices(articles.quotes(), people)
    assert not (voiced["voice"] == sources.RUSSIA).any()


def test_narration_belongs_to_the_author_and_attributed_sentences_to_their_speaker(argmap):
    narrated = node(argmap, f"{FPRI}:5.4")
    assert (narrated["speaker"], narrated["voice"]) == (
        "Benjamin Katzeff Silberstein",
        ar.AUTHOR_VOICE,
    )
    assert narrated["speaks_for"] == "Foreign Policy Research Institute"
    ri = node(argmap, f"{FPRI}:11.6")
    assert (ri["speaker"], ri["speaks_for"]) == ("Ri Jong Ho", "himself (former DPRK official)")
    assert ri["voice"] == sources.OTHERS  # a defector speaks for himself, not for Pyongyang


# ---- data checks are attached by rule ----------------------------------------------------------


def test_a_claims_row_is_linked_to_the_node_that_contains_its_quote(argmap, claims):
    checks = argmap.edges[argmap.edges["relation"] == ar.CHECKED_BY]
    linked = dict(zip(checks["target_id"], checks["source_id"], strict=False))
    assert linked["C10"] == f"{FPRI}:10.3"  # the ferry sentence
    assert linked["C08"] == f"{FPRI}:10.4"  # Russia's trade "in dollar-terms"
    assert linked["C06"] == f"{FPRI}:8:Donald Trump"  # the tweet
    for row in checks.itertuples():
        quote = claims.loc[claims["claim_id"] == row.target_id, "quote"].iloc[0]
        assert " ".join(quote.split()) in " ".join(node(argmap, row.source_id)["text"].split())


def test_a_claims_row_whose_quote_is_in_no_node_adds_nothing(articles, people, claims):
    arguments = (ar.Argument(FPRI, ar.MOSCOW, ar.Said(10, 5)),)
    made_up = claims.head(1).assign(doc_id=FPRI, quote="words the article never uses")
    argmap = ar.argument_map(articles, people, made_up, arguments)
    assert list(argmap.nodes["kind"]) == [ar.CLAIM]
    assert argmap.edges.empty


def test_data_node_carries_the_claims_rows_verdict(argmap, claims):
    c08 = node(argmap, "C08")
    row = claims[claims["claim_id"] == "C08"].iloc[0]
    assert (c08["kind"], c08["verdict"], c08["data_says"]) == (
        ar.DATA,
        row["verdict"],
        row["what_the_data_says"],
    )


# ---- structure ------------------------------------------------------------------------------


def test_a_shared_support_is_one_node_with_an_edge_per_claim(articles, people, claims):
    shared = ar.Quoted(9, "Cui Tiankai")
    arguments = (
        ar.Argument(FPRI, ar.BEIJING, ar.Said(9, 1), (shared,)),
        ar.Argument(FPRI, ar.US_OPTIONS, ar.Said(11, 2), (shared,)),
    )
    argmap = ar.argument_map(articles, people, claims.head(0), arguments)
    assert (argmap.nodes["kind"] == ar.QUOTE).sum() == 1
    assert list(argmap.edges["claim_id"]) == [f"{FPRI}:9.1", f"{FPRI}:11.2"]
    assert set(argmap.edges["target_id"]) == {f"{FPRI}:9:Cui Tiankai"}


def test_paths_give_one_row_per_support_and_keep_claims_in_order(paths):
    moscow = paths_of(paths, f"{FPRI}:10.1")
    # four supporting sentences, two of which are checked by one claims row each
    assert len(moscow) == 4
    assert list(moscow["data_id"]) == ["", "C10", "C08", ""]
    order = list(dict.fromkeys(paths["claim_id"]))
    assert order[0] == f"{CB}:1.1"
    assert len(order) == len(ar.ARGUMENTS)


def test_a_claim_checked_directly_gets_a_path_without_support(paths):
    softened = paths_of(paths, f"{CB}:2.2")
    assert list(zip(softened["support_speaker"], softened["data_id"], strict=True)) == [
        ("Michael Morell", ""),
        ("", "C04"),
    ]


def test_every_curated_speaker_is_in_the_people_dataset(argmap, people):
    speakers = set(argmap.nodes.loc[argmap.nodes["kind"] != ar.DATA, "speaker"])
    assert speakers <= set(people["person"])


# ---- bad selectors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argument", "says"),
    [
        (ar.Argument(FPRI, ar.BEIJING, ar.Said(5, 99)), "no sentence 99 in paragraph 5"),
        (
            ar.Argument(FPRI, ar.BEIJING, ar.Said(5, 4), (ar.Quoted(5, "Michael Morell"),)),
            "quotes nobody called 'Michael Morell' in paragraph 5",
        ),
        (
            ar.Argument(CB, ar.BEIJING, ar.Said(23, 1), (ar.Quoted(23, "Michael Morell", "oil"),)),
            "saying 'oil'",
        ),
        (ar.Argument(FPRI, "Why Seoul holds back", ar.Said(5, 4)), "Unknown theme"),
        (ar.Argument("nyt_2017", ar.BEIJING, ar.Said(1, 1)), "No article 'nyt_2017'"),
    ],
)
def test_a_selector_that_matches_nothing_is_refused_with_the_fix(
    articles, people, claims, argument, says
):
    with pytest.raises(NkcourseError, match=says):
        ar.argument_map(articles, people, claims, (argument,))


def test_datasets_without_their_columns_are_refused(articles, people, claims):
    with pytest.raises(NkcourseError, match="speaks_for"):
        ar.argument_map(articles, people.drop(columns="speaks_for"), claims)
    with pytest.raises(NkcourseError, match="what_the_data_says"):
        ar.argument_map(articles, people, claims.drop(columns="what_the_data_says"))


# ---- filters ----------------------------------------------------------------------------------


def test_filter_by_article_theme_and_speaker(paths):
    fpri = ar.filter_paths(paths, article=FPRI)
    assert set(fpri["doc_id"]) == {FPRI}
    moscow = ar.filter_paths(paths, theme=ar.MOSCOW)
    assert set(moscow["claim_id"]) == {f"{FPRI}:10.1"}  # the Cipher Brief gives no reason
    morell = ar.filter_paths(paths, speaker="Michael Morell")
    assert ((morell["claim_speaker"] == "Michael Morell")
            | (morell["support_speaker"] == "Michael Morell")).all()  # fmt: skip
    assert f"{CB}:22.2" in set(morell["claim_id"]) and f"{CB}:1.1" in set(morell["claim_id"])


def test_a_speaker_absent_from_the_article_gives_no_rows(paths):
    assert ar.filter_paths(paths, article=FPRI, speaker="Han Tae Song").empty


@pytest.mark.parametrize(
    ("choice", "says"),
    [({"article": "nyt_2017"}, "No article"), ({"theme": "Seoul"}, "No theme")],
)
def test_filter_refuses_unknown_choices(paths, choice, says):
    with pytest.raises(NkcourseError, match=says):
        ar.filter_paths(paths, **choice)


def test_speakers_in_lists_each_name_once_without_blanks(paths):
    names = ar.speakers_in(paths)
    assert names == sorted(set(names)) and "" not in names
    assert {"Cui Tiankai", "Han Tae Song", "Michael Morell", "Ri Jong Ho"} <= set(names)


# ---- labels and layout -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("Short enough.", 20, "Short enough."),
        ("one two three four five", 12, "one two…"),
        ("  spaced\n  out  ", 20, "spaced out"),
        ("Unbreakableword", 6, "Unbre…"),
    ],
)
def test_shorten_cuts_at_a_word_and_marks_the_cut(text, width, expected):
    assert ar.shorten(text, width) == expected
    assert len(ar.shorten(text, width)) <= width


def test_layout_puts_claims_supports_and_checks_in_their_columns(paths):
    fpri = ar.filter_paths(paths, article=FPRI)
    points, links = ar.map_layout(fpri)
    stage_of_kind = points.groupby("kind")["x"].unique().map(list).to_dict()
    assert stage_of_kind == {ar.CLAIM: [0], ar.SENTENCE: [1], ar.QUOTE: [1], ar.DATA: [2]}
    supports = fpri.loc[fpri["support_id"] != "", ["claim_id", "support_id"]].drop_duplicates()
    checks = fpri[fpri["data_id"] != ""]
    assert len(links) == len(supports) + len(checks)
    spots = set(zip(points["x"], points["y"], strict=True))
    for link in links.itertuples():
        assert (link.x, link.y) in spots and (link.x2, link.y2) in spots
    assert points.loc[points["x"] == 0, "y"].is_monotonic_increasing


def test_layout_of_nothing_is_empty(paths):
    points, links = ar.map_layout(paths.head(0))
    assert points.empty and links.empty
    assert list(points.columns) == ar.POINT_COLUMNS


# ---- when the articles were written -------------------------------------------------------------


def test_timeline_places_each_article_after_the_events_it_answers(articles):
    timeline = ar.article_timeline(articles.documents(), data.load("events"))
    order = list(timeline["what"])
    fpri = order.index("Foreign Policy Research Institute (FPRI) article (fpri_2017)")
    cipher = order.index("The Cipher Brief article (cipher_brief_2017)")
    assert order.index("First DPRK ICBM test (Hwasong-14)") < fpri
    assert fpri < order.index("Sixth DPRK nuclear test") < cipher
    assert order.index("UNSCR 2375 adopted (15-0), Monday evening New York time") < cipher
    assert list(timeline["date"]) == sorted(timeline["date"])
    assert timeline["source"].str.len().gt(0).all()


def test_timeline_refuses_an_event_the_dataset_lacks(articles):
    events = data.load("events")
    with pytest.raises(NkcourseError, match="no row for: Seventh DPRK nuclear test"):
        ar.article_timeline(articles.documents(), events, triggers=("Seventh DPRK nuclear test",))


def test_paths_columns_are_the_documented_ones(paths):
    assert list(paths.columns) == ar.PATH_COLUMNS
    assert isinstance(paths, pd.DataFrame)
