"""The DataFrames students use: paragraphs, sentences, mentions and keyword in context."""

import subprocess
import sys

import pytest

from nkcourse.corpus import Document, load
from nkcourse.corpus.mentions import count_actors
from nkcourse.errors import NkcourseError


@pytest.fixture(scope="module")
def corpus():
    return load(include_user=False)


def test_import_stays_light():
    code = "import sys, nkcourse.corpus; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_corpus_container(corpus):
    assert len(corpus) == 2
    assert [doc.doc_id for doc in corpus] == ["cipher_brief_2017", "fpri_2017"]
    assert "fpri_2017" in corpus
    with pytest.raises(NkcourseError, match="cipher_brief_2017, fpri_2017"):
        corpus["fpri"]


def test_paragraphs_table(corpus):
    table = corpus.paragraphs()
    assert list(table.columns) == ["doc_id", "para_no", "heading", "text"]
    for doc_id, n in (("cipher_brief_2017", 26), ("fpri_2017", 13)):
        assert list(table[table.doc_id == doc_id].para_no) == list(range(1, n + 1))
    fpri = table[table.doc_id == "fpri_2017"].set_index("para_no")
    assert fpri.loc[5, "heading"] == "Why China Won’t Help"
    assert fpri.loc[5, "text"].startswith("President Trump’s first instinct")


def test_sentences_do_not_break_after_initials_titles_or_us(corpus):
    table = corpus.sentences()
    assert list(table.columns) == ["doc_id", "para_no", "sent_no", "text"]
    fpri = list(table[table.doc_id == "fpri_2017"].text)
    clapper = [s for s in fpri if "Clapper" in s]
    assert clapper == [
        "In 2016, then-National Intelligence Director James R. Clapper stated that “it [North "
        "Korea] is also committed to developing a long-range nuclear-armed missile that’s "
        "capable of posing a direct threat to the United States, although the system has not "
        "been flight tested.”"
    ]
    cipher = table[(table.doc_id == "cipher_brief_2017") & (table.para_no == 2)]
    assert list(cipher.sent_no) == [1, 2]
    assert cipher.text.iloc[1].startswith("The sanctions, which U.S. Ambassador to the UN")
    # "give it a try!”." ends a sentence; "earlier this month But" (no full stop) does not.
    para8 = list(table[(table.doc_id == "fpri_2017") & (table.para_no == 8)].text)
    ends = [i for i, sentence in enumerate(para8) if sentence.endswith("give it a try!”.")]
    assert len(ends) == 1 and para8[ends[0] + 1].startswith("Making things even more difficult")
    assert any("earlier this month But as of now" in s for s in fpri)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Kim met Dr. Lee. They talked.", ["Mr. Kim met Dr. Lee.", "They talked."]),
        ("It went to the U.S. The talks failed.", ["It went to the U.S.", "The talks failed."]),
        ("The U.S. Treasury acted.", ["The U.S. Treasury acted."]),
        ("“Why?” he asked. “Because.”", ["“Why?” he asked.", "“Because.”"]),
    ],
)
def test_sentence_splitter(text, sentences):
    assert [s.text for s in Document.from_text(text).sentences] == sentences


def test_mention_counts_of_both_articles(corpus):
    # Counted by hand from the cleaned text (headings and paragraphs, not the title):
    # Cipher Brief: North Korea 16 "North Korea(n)" + 3 "the North" + 3 DPRK + 2 Pyongyang;
    # China 16 + 8 Chinese + 1 Beijing; Russia 9 "Russia(n)" + 1 Moscow; United States
    # 1 + 8 "U.S."; UN 3 "United Nations" + 3 "UN". FPRI: 52 "North Korea(n)" (its six
    # "the North" are all "the North Korean …"); China 21 - 2 "China Sea" + 6 Chinese +
    # 4 Beijing + 1 PRC; Russia 6; United States 3 + 13 "U.S." + 1 "US" + 2 America.
    table = corpus.mentions()
    assert list(table.columns) == ["doc_id", "actor", "mentions"]
    counts = {(row.doc_id, row.actor): row.mentions for row in table.itertuples()}
    assert counts == {
        ("cipher_brief_2017", "North Korea"): 24,
        ("cipher_brief_2017", "China"): 25,
        ("cipher_brief_2017", "Russia"): 10,
        ("cipher_brief_2017", "United States"): 9,
        ("cipher_brief_2017", "United Nations"): 6,
        ("fpri_2017", "North Korea"): 52,
        ("fpri_2017", "China"): 30,
        ("fpri_2017", "Russia"): 6,
        ("fpri_2017", "United States"): 19,
        ("fpri_2017", "United Nations"): 0,
    }


@pytest.mark.parametrize(
    ("text", "actor", "n"),
    [
        ("North Korea’s missiles", "North Korea", 1),
        ("the North Korean regime and the North’s calculus", "North Korea", 2),
        ("South Korea and the South Korean capital", "North Korea", 0),
        ("Chinese firms in Beijing", "China", 2),
        ("ships in the South China Sea", "China", 0),
        ("Russians in Moscow", "Russia", 2),
        ("It went to the U.S. Then America and Americans.", "United States", 3),
        ("US sanctions hurt us", "United States", 1),
        ("the UN and the U.N. and the United Nations", "United Nations", 3),
    ],
)
def test_actor_aliases(text, actor, n):
    assert count_actors(text)[actor] == n


def test_kwic(corpus):
    table = corpus.kwic("Dandong", width=20)
    assert list(table.columns) == ["doc_id", "para_no", "left", "match", "right"]
    assert len(table) == 1
    row = table.iloc[0]
    assert (row.doc_id, row.para_no, row.match) == ("fpri_2017", 7, "Dandong")
    assert row.left == "traders in cities such as "[-20:] and len(row.right) == 20
    # Case-insensitive, whole words, several words.
    assert len(corpus.kwic("SANCTION")) == 0
    assert set(corpus.kwic("bridge too far").match) == {"bridge too far"}
    assert len(corpus.kwic("u.s.")) == 8 + 13
    empty = corpus.kwic("zebra")
    assert empty.empty and list(empty.columns) == list(table.columns)
    with pytest.raises(NkcourseError, match="needs a word"):
        corpus.kwic("  ")
    with pytest.raises(NkcourseError, match="whole number"):
        corpus.kwic("sanctions", width=-1)
