"""Lesson 06: the argument map chart, the voices chart and the argument explorer."""

import pytest

from nkcourse import data
from nkcourse.analysis import arguments as ar
from nkcourse.analysis import sources
from nkcourse.charts import arguments as charts
from nkcourse.charts import chart_problems
from nkcourse.explorers import arguments as explorers

CB, FPRI = "cipher_brief_2017", "fpri_2017"


@pytest.fixture(scope="module")
def paths(articles, people):
    return ar.argument_paths(ar.argument_map(articles, people, data.load("claims")))


@pytest.fixture(scope="module")
def voices(articles, people):
    voiced = sources.quotes_with_voices(articles.quotes(), people)
    return sources.voices_by_group(voiced, articles.doc_ids)


def layers_by_mark(spec):
    return {layer["mark"]["type"]: layer for layer in spec["layer"]}


# ---- the argument map ---------------------------------------------------------------------


def test_map_chart_draws_links_nodes_and_labels_with_full_text_in_tooltips(paths):
    fpri = ar.filter_paths(paths, article=FPRI)
    spec = charts.argument_map_chart(fpri, title="FPRI").to_dict()
    assert chart_problems(spec) == []
    layers = layers_by_mark(spec)
    assert set(layers) == {"rule", "point", "text"}
    tooltip_fields = [t["field"] for t in layers["point"]["encoding"]["tooltip"]]
    assert "text" in tooltip_fields and "speaker" in tooltip_fields
    rows = spec["datasets"][layers["point"]["data"]["name"]]
    points, _links = ar.map_layout(fpri)
    assert len(rows) == len(points)
    # the tooltip holds the sentence exactly as the corpus has it, not the shortened label
    buffer = next(r for r in rows if r["node_id"] == f"{FPRI}:5.4")
    assert buffer["text"] == fpri.loc[fpri["claim_id"] == f"{FPRI}:5.4", "claim"].iloc[0]
    assert len(buffer["label"]) <= ar.LABEL_WIDTH < len(buffer["text"])


def test_map_takeaway_counts_claims_support_and_claims_left_bare(paths):
    beijing = ar.filter_paths(paths, article=FPRI, theme=ar.BEIJING)
    # FPRI on Beijing: 5.4 (buffer, nothing offered), 5.5 (2 sentences), 7.2 (1), 9.1 (3 + Cui)
    subtitle = " ".join(
        charts.argument_map_chart(beijing, title="t").to_dict()["title"]["subtitle"]
    )
    assert "4 claims, 7 supporting items (quotations from 1 person)" in subtitle
    assert "1 claim with no support in the text" in subtitle


def test_map_description_names_every_claim_and_its_support(paths):
    cipher = ar.filter_paths(paths, article=CB)
    description = charts.argument_map_chart(cipher, title="t").to_dict()["description"]
    for claim in dict.fromkeys(cipher["claim"]):
        assert claim in description
    assert "Michael Morell (paragraph 23)" in description
    assert "Data checks: C04." in description


def test_links_start_after_the_label_column(paths):
    spec = charts.argument_map_chart(ar.filter_paths(paths, article=CB), title="t").to_dict()
    rule = layers_by_mark(spec)["rule"]
    starts = {row["x"] for row in spec["datasets"][rule["data"]["name"]]}
    assert starts <= {0 + charts.LABEL_SPAN, 1 + charts.LABEL_SPAN}


# ---- voices ---------------------------------------------------------------------------------


def test_voices_chart_keeps_the_zero_rows_and_says_who_is_missing(voices):
    spec = charts.voices_chart(voices).to_dict()
    assert chart_problems(spec) == []
    rows = next(iter(spec["datasets"].values()))
    russia = [r["quotes"] for r in rows if r["voice"] == sources.RUSSIA]
    assert russia == [0, 0]  # one row per article, neither quotes a Russian official
    subtitle = " ".join(spec["title"]["subtitle"])
    assert subtitle.count("Russia") == 2
    assert "cipher_brief_2017: 28 of 30 from U.S. officials and former officials" in subtitle


# ---- the explorer ----------------------------------------------------------------------------


def test_view_lists_each_claim_with_its_support_and_data_check(paths):
    html = explorers.arguments_view(paths, article=FPRI, theme=ar.MOSCOW)
    assert html.count('class="nkcourse-argument"') == 1
    assert "1 claim with 4 supporting items" in html
    assert "will strive to expand its trade partners" in html
    assert "Data check C10" in html and "Data check C08" in html
    assert "not checkable with our data" in html


def test_view_by_speaker_finds_the_claims_they_make_or_support(paths):
    html = explorers.arguments_view(paths, speaker="Cui Tiankai")
    assert "US arms sales to Taiwan" in html and FPRI in html and CB not in html


def test_view_says_what_to_try_when_nothing_matches(paths):
    html = explorers.arguments_view(paths, article=CB, theme=ar.MOSCOW)
    assert "nkcourse-arguments-note" in html and "Try" in html
    assert 'nkcourse-argument"' not in html


def test_view_escapes_the_text(paths):
    tricky = paths.head(1).assign(claim="<b>bold</b> & more")
    html = explorers.arguments_view(tricky)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html


def test_explorer_updates_and_turns_a_bad_choice_into_a_message(paths):
    explorer = explorers.arguments_explorer(paths)
    assert "Han Tae Song" in explorer.controls["speaker"].options
    result = explorer.update(article=CB, speaker="Han Tae Song")
    assert "the forthcoming measures by DPRK" in result and explorer.error is None
    assert explorer.update(theme=ar.MOSCOW).count('class="nkcourse-argument"') == 0
    snapshot = explorer.static_text()  # the first state: both articles, every claim
    assert "The argument map, claim by claim" in snapshot
    assert f"{len(ar.ARGUMENTS)} claims with" in snapshot
