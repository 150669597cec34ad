"""Every quotation in both articles, with its speaker, listed by hand from the raw text;
and the attribution rules on a short invented article (tests/fixtures/corpus)."""

from pathlib import Path

import pytest

from nkcourse.corpus import Document, load

FIXTURE = Path(__file__).parent / "fixtures" / "corpus" / "attribution_patterns.txt"

WILDER = "Dennis Wilder"
MORELL = "Michael Morell"
THORNTON = "Susan Thornton"

# (paragraph, the quotation's first words, speaker, cue), in reading order.
CIPHER_BRIEF = [
    (2, "strongest measures ever imposed on North Korea", "Nikki Haley", "called"),
    (3, "sanctions are only as good as their implementation.", WILDER, "noted"),
    (4, "The key question now is will the major countries", WILDER, "told"),
    (4, "If these sanctions are enforced as they’ve been passed", WILDER, "told"),  # next sentence
    (5, "another very small step, not a big deal.", "Donald Trump", "called"),
    (5, "are nothing compared to what ultimately will have to happen", "Donald Trump", "said"),
    (6, "good, important effort", MORELL, "according to"),
    (7, "They were focused on really tightening the screws", MORELL, "said"),  # "he said"
    (7, "While doing so would probably not change the North’s calculus", MORELL, "said"),
    (8, "the forthcoming measures by DPRK will make the U.S. suffer", "Han Tae Song", "said"),
    (10, "if China doesn’t follow these sanctions", "Steven Mnuchin", "said"),
    (12, "We recognize that the success of this pressure strategy", THORNTON, "said"),
    (13, "we continue to engage with China and Russia", THORNTON, "added"),  # "She added"
    (14, "what I would focus on is the Chinese", "Marshall Billingslea", "saying"),
    (14, "we do see China as the key to the solution", THORNTON, "noted"),
    (15, "the Chinese were very upset by the sixth nuclear test", WILDER, "noted"),
    (15, "strategy that has worked", WILDER, "said"),
    (16, "Now what they’re doing is using the same threats", WILDER, "said"),
    (17, "The Chinese have to step up, and the Russians have to step up", WILDER, "said"),
    (18, "as a means of evading sanctions", None, "says"),  # a FireEye report: no person
    (19, "a long pattern within the government of North Korea", WILDER, "said"),
    (20, "Some of this shows that there has been more desperation", WILDER, "said"),
    (20, "real concern now", WILDER, "noting"),
    (21, "softened considerably in negotiations with the Chinese", MORELL, "pointing out"),
    (22, "the most important player here", MORELL, "called"),
    (23, "One, they don’t want millions of North Korean refugees", MORELL, "said"),
    (24, "even the toughest of Chinese sanctions", MORELL, "said"),
    (24, "that does not mean that we should not try.", MORELL, "said"),
    (25, "crossroads", WILDER, "according to"),  # one attributed word is speech
    (26, "He’s done the nuclear test", WILDER, "according to"),  # a whole paragraph continues
]
FPRI = [
    (4, "it [North Korea] is also committed to developing", "James R. Clapper", "stated"),
    (8, "Trade between China and North Korea grew almost 40%", "Trump", "tweeted"),
    (9, "US arms sales to Taiwan and the sanctions", "Cui Tiankai", "state"),
]
ROLES = {
    "Nikki Haley": "U.S. Ambassador to the UN",
    WILDER: "Special Assistant to the President and Senior Director for East Asian Affairs "
    "during President George W. Bush’s second term",
    "Donald Trump": "President",
    MORELL: "former CIA Acting Director",
    "Han Tae Song": "North Korea’s ambassador to the United Nations",
    "Steven Mnuchin": "Treasury Secretary",
    THORNTON: "Acting Assistant Secretary of State for East Asian and Pacific Affairs",
    "Marshall Billingslea": "Treasury Assistant Secretary for Terrorist Financing",
    None: None,
    "James R. Clapper": "then-National Intelligence Director",
    "Trump": "President",
    "Cui Tiankai": "PRC Ambassador to the United States",
}


@pytest.fixture(scope="module")
def corpus():
    return load(include_user=False)


def _check(quotes, expected):
    assert len(quotes) == len(expected), [q.text[:40] for q in quotes]
    for quote, (para_no, opening, speaker, cue) in zip(quotes, expected, strict=True):
        assert quote.text.startswith(opening), (quote.text, opening)
        assert (quote.para_no, quote.speaker, quote.cue) == (para_no, speaker, cue), quote.text
        assert quote.speaker_role == ROLES[speaker], quote.speaker


def test_every_quotation_in_the_cipher_brief(corpus):
    _check(corpus["cipher_brief_2017"].quotes, CIPHER_BRIEF)


def test_every_quotation_in_the_fpri_article(corpus):
    _check(corpus["fpri_2017"].quotes, FPRI)


def test_quote_text_is_the_words_inside_the_marks(corpus):
    cipher = corpus["cipher_brief_2017"].quotes
    assert cipher[0].text == "strongest measures ever imposed on North Korea"  # comma dropped
    assert cipher[28].text == "crossroads"
    trump_tweet = corpus["fpri_2017"].quotes[1].text
    assert trump_tweet == (
        "Trade between China and North Korea grew almost 40% in the first quarter. "
        "So much for China working with us – but we had to give it a try!"
    )


def test_scare_quotes_and_labels_are_not_speech(corpus):
    texts = {q.text for doc in corpus for q in doc.quotes}
    assert "sea of fire" not in texts and "something" not in texts
    assert "“sea of fire”" in corpus["fpri_2017"].text  # it is there, just not speech


def test_quotes_table_folds_a_bare_surname_into_the_full_name(corpus):
    table = corpus.quotes()
    assert list(table.columns) == ["doc_id", "para_no", "text", "speaker", "speaker_role", "cue"]
    assert len(table) == len(CIPHER_BRIEF) + len(FPRI)
    fpri = table[table.doc_id == "fpri_2017"]
    assert list(fpri.speaker) == ["James R. Clapper", "Donald Trump", "Cui Tiankai"]
    counts = table[table.doc_id == "cipher_brief_2017"].speaker.value_counts()
    assert counts[WILDER] == 12 and counts[MORELL] == 8
    assert table.speaker.isna().sum() == 1  # the FireEye report


FIXTURE_QUOTES = [
    (1, "the talks are moving, slowly.", "Lena Varga", "Finance Minister", "said"),
    (1, "the next round follows in spring.", "Lena Varga", "Finance Minister", "added"),
    (2, "We will not sign a bad deal", "Tomas Okafor", "trade negotiator for the delegation",
     "said"),  # said X, a …
    (2, "Nobody wants that", "Tomas Okafor", "trade negotiator for the delegation", "said"),
    (3, "unworkable.", "Lena Varga", "Finance Minister", "according to"),
    (4, "a fiction.", "Tomas Okafor", "trade negotiator for the delegation", "told"),
    (4, "other partners are waiting too.", "Tomas Okafor", "trade negotiator for the delegation",
     "noted"),
    (5, "exports will be checked at every port.", None, None, "said"),  # a ministry
    (7, "Our door stays open", "Lena Varga", "Finance Minister", "warned"),
    (7, "But it will not stay open forever.", "Lena Varga", "Finance Minister", "warned"),
    (8, "We expect an answer within weeks, and we expect it in writing.", "Lena Varga",
     "Finance Minister", "warned"),
    (10, "a crossroads.", "Mira Castellanos", "ministry’s chief economist", "called"),
    (10, "prices will rise", "Mira Castellanos", "ministry’s chief economist", "stated"),
    (10, "Watch the ports.", "Mira Castellanos", "ministry’s chief economist", "tweeted"),
]  # fmt: skip


def test_attribution_patterns_on_an_invented_article():
    doc = Document.from_text(
        FIXTURE.read_text(encoding="utf-8"),
        title="The Test Article About Sanctions Talks",
        publisher="Example Daily News",
    )
    found = [(q.para_no, q.text, q.speaker, q.speaker_role, q.cue) for q in doc.quotes]
    assert found == FIXTURE_QUOTES
    texts = {q.text for q in doc.quotes}
    assert not texts & {"paper tiger", "show", "Maximum pressure"}


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Jane Doe, a professor, spoke first. “Rates will fall,” she said.", "Jane Doe", "said"),
        ("“Rates will fall,” said Jane Doe.", "Jane Doe", "said"),
        ("The central bank said that “rates will fall.”", None, "said"),
        ("Pyongyang said “the talks are over.”", None, "said"),
        ("“Rates will fall,” they said.", None, "said"),
        ("“Rates will fall,” Mr. Lee told reporters.", "Lee", "told"),
    ],
)
def test_single_sentence_attributions(text, speaker, cue):
    quotes = Document.from_text(text).quotes
    assert [(q.speaker, q.cue) for q in quotes] == [(speaker, cue)]


def test_a_quote_that_opens_a_sentence_but_does_not_fill_it_is_no_continuation():
    text = "“Go,” Jane Doe said. “Maximum pressure” is the policy’s name."
    assert [q.text for q in Document.from_text(text).quotes] == ["Go"]
