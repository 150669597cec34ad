"""The shipped articles: raw files intact, cleaning rules, nothing lost, words unchanged."""

import shutil
from pathlib import Path

import pytest

from nkcourse import integrity
from nkcourse.corpus import Document, load, shipped
from nkcourse.errors import NkcourseError

SHARED_RAW = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"
FIXTURE = Path(__file__).parent / "fixtures" / "corpus" / "attribution_patterns.txt"
RAW_FILES = {
    "cipher_brief_2017": "000_6b20eaa6fadcbadd.txt",
    "fpri_2017": "003_37d2d6e6eedd0e04.txt",
}


@pytest.fixture(scope="module")
def corpus():
    return load(include_user=False)


def test_raw_files_ship_unchanged_and_match_their_manifest(corpus):
    assert integrity.problems(shipped.RAW_DIR) == []
    assert set(integrity.read_manifest(shipped.RAW_DIR)) == set(RAW_FILES.values())
    for doc_id, name in RAW_FILES.items():
        assert corpus[doc_id].raw_file == name
        assert corpus[doc_id].raw == (shipped.RAW_DIR / name).read_text(encoding="utf-8")
        if SHARED_RAW.is_dir():  # in a clone with ../shared beside it
            assert (shipped.RAW_DIR / name).read_bytes() == (SHARED_RAW / name).read_bytes()


def test_an_edited_raw_file_is_named_with_the_way_to_restore_it(tmp_path, monkeypatch):
    copy = tmp_path / "raw"
    shutil.copytree(shipped.RAW_DIR, copy)
    with (copy / RAW_FILES["fpri_2017"]).open("a", encoding="utf-8") as handle:
        handle.write("An extra line.\n")
    monkeypatch.setattr(shipped, "RAW_DIR", copy)
    with pytest.raises(NkcourseError) as error:
        load()
    assert RAW_FILES["fpri_2017"] in str(error.value)
    assert "git checkout" in str(error.value)


@pytest.mark.parametrize("doc_id", list(RAW_FILES))
def test_every_raw_line_is_kept_or_removed_with_a_rule(corpus, doc_id):
    doc = corpus[doc_id]
    raw_lines = doc.raw.splitlines()
    kept, removed = doc.kept, doc.removed
    assert sorted(line.line_no for line in kept + removed) == list(range(1, len(raw_lines) + 1))
    for line in kept + removed:
        assert line.raw == raw_lines[line.line_no - 1]
    assert all(line.rule for line in removed)
    assert all(line.rule is None for line in kept)
    assert len(kept) == 1 + len(doc.headings) + len(doc.paragraphs)  # the title, once


def test_removed_table_lists_what_the_cleaning_left_out(corpus):
    table = corpus.removed()
    assert list(table.columns) == ["doc_id", "line_no", "rule", "text"]
    cipher = table[table.doc_id == "cipher_brief_2017"]
    assert len(cipher) == 62 - 1 - 26  # raw lines minus the title and the paragraphs
    assert cipher[cipher.rule == "author_bio"].line_no.tolist() == [57]
    assert table[table.rule == "photo_credit"].line_no.tolist() == [3, 6, 8]


def _non_blank_removed(doc):
    return [(line.rule, line.text) for line in doc.removed if line.rule != "blank"]


def test_cipher_brief_cleaning(corpus):
    doc = corpus["cipher_brief_2017"]
    assert len(doc.paragraphs) == 26
    assert doc.headings == []
    assert _non_blank_removed(doc) == [
        ("photo_credit", "Photo: Chung Sung-Jung/Getty"),
        (
            "author_bio",
            "Mackenzie Weinger is a national security reporter at The Cipher Brief. "
            "Follow her on Titter @mweinger.",
        ),
        ("comment_form", "Share your point of view"),
        (
            "comment_form",
            "Your comment will be posted pending moderator approval. No ad hominem attacks "
            "will be posted. Your email address will not be published. Required fields are "
            "marked *",
        ),
    ]
    assert all(not line.text for line in doc.removed if line.rule == "blank")
    assert [line.text for line in doc.kept if line.kind == "title"] == [doc.title]
    assert doc.paragraphs[0].text.startswith("The United States is stepping up calls")
    assert doc.paragraphs[-1].text.startswith("“He’s done the nuclear test")
    # The byline exists only in the closing bio; the metadata leaves the author empty.
    assert doc.author == "Mackenzie Weinger"


def test_fpri_cleaning_and_headings(corpus):
    doc = corpus["fpri_2017"]
    title = "The U.S. Needs China to Act on North Korea. Now, That is Harder than Usual"
    assert len(doc.paragraphs) == 13
    assert _non_blank_removed(doc) == [
        (
            "site_banner",
            f"Foreign Policy Research Institute A Nation Must Think Before it Acts {title}",
        ),
        ("repeated_title", title),
        ("photo_credit", "Source: KCNA KCNA Reuters"),
        ("photo_credit", "(Source: Korea’s Korean Central News Agency)"),
    ]
    assert doc.headings == [
        "A Game Changer, but No Revolution",
        "Why China Won’t Help",
        "Sanctions Can Still Work, but Making Them Work is Difficult",
    ]
    by_heading = {}
    for paragraph in doc.paragraphs:
        by_heading.setdefault(paragraph.heading, []).append(paragraph.para_no)
    assert by_heading == {
        None: [1, 2],
        "A Game Changer, but No Revolution": [3, 4],
        "Why China Won’t Help": [5, 6, 7, 8, 9, 10],
        "Sanctions Can Still Work, but Making Them Work is Difficult": [11, 12, 13],
    }
    assert doc.author == "Benjamin Katzeff Silberstein"


def test_words_and_typos_stay_only_whitespace_changes(corpus):
    fpri = corpus["fpri_2017"].text
    for typo in ("South Korean capitol", "bore the grunt of worry", "fully cutting of economic",
                 "Renssealer Lee", "the illusive Bureau 39",
                 "pointed out earlier this month But as of now"):  # fmt: skip
        assert typo in fpri
    cipher = corpus["cipher_brief_2017"]
    assert "\u00a0" in cipher.raw and "\u00a0" not in cipher.text
    assert "Bush’s second term, noted that" in cipher.text
    for doc in corpus:
        for line in doc.kept:  # str.split() splits on every Unicode space, NBSP included
            assert line.text == " ".join(line.raw.split())


def test_documents_table(corpus):
    table = corpus.documents().set_index("doc_id")
    assert list(corpus.documents().columns) == [
        "doc_id", "title", "author", "publisher", "date", "date_precision", "url",
        "raw_file", "n_paragraphs", "n_words",
    ]  # fmt: skip
    cipher, fpri = table.loc["cipher_brief_2017"], table.loc["fpri_2017"]
    assert (cipher["date"], cipher["date_precision"]) == ("2017-09-12", "on or after")
    assert (fpri["date"], fpri["date_precision"]) == ("2017-07-18", "on or before")
    assert cipher["publisher"] == "The Cipher Brief"
    assert "eurasiareview.com" in fpri["url"]
    assert (cipher["n_paragraphs"], fpri["n_paragraphs"]) == (26, 13)
    assert cipher["n_words"] > 1000 and fpri["n_words"] > 1000


def test_citation_and_readme(corpus):
    cipher = corpus["cipher_brief_2017"].citation()
    assert cipher.startswith("Mackenzie Weinger, “U.S. Pushes China and Russia")
    assert "on or after 12 September 2017" in cipher and "thecipherbrief.com" in cipher
    fpri = corpus["fpri_2017"].citation()
    assert "on or before 18 July 2017" in fpri and "syndicated copy" in fpri
    readme = corpus.readme()
    assert cipher in readme and fpri in readme
    assert "author_bio" in readme and "Titter" not in readme


def test_fixture_cleaning_rules():
    doc = Document.from_text(
        FIXTURE.read_text(encoding="utf-8"),
        title="The Test Article About Sanctions Talks",
        publisher="Example Daily News",
    )
    assert [rule for rule, _text in _non_blank_removed(doc)] == [
        "site_banner", "photo_credit", "author_bio", "comment_form", "comment_form",
    ]  # fmt: skip
    assert doc.author == "Rosa Lind"
    assert doc.headings == ["Next Steps"]
    assert len(doc.paragraphs) == 10
    assert "watched the goverment closely" in doc.text


def test_byline_line_and_unknown_heading_shapes():
    raw = "Title Here\nBy Jane Doe\nIntro paragraph, long enough.\nA Heading\nBody text.\nEnd"
    doc = Document.from_text(raw, title="Title Here")
    assert doc.author == "Jane Doe"
    assert [(r.rule, r.text) for r in doc.removed] == [("byline", "By Jane Doe")]
    assert doc.headings == ["A Heading"]
    # "End" is short and unpunctuated but no paragraph follows it: a paragraph, not a heading.
    assert [p.text for p in doc.paragraphs] == [
        "Intro paragraph, long enough.", "Body text.", "End",
    ]  # fmt: skip
