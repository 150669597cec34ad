"""Instructors' own articles: `nkcourse corpus add/list`, bad input, broken stored articles."""

import json
import warnings
from pathlib import Path

import pytest

from nkcourse import cli
from nkcourse.corpus import UserArticleWarning, load, shipped
from nkcourse.paths import PACKAGE_DIR

FIXTURE = Path(__file__).parent / "fixtures" / "corpus" / "attribution_patterns.txt"
FIXTURE_TITLE = "The Test Article About Sanctions Talks"
META = ["--author", "Rosa Lind", "--publisher", "Example Daily News", "--date", "2018-03-01"]

HTML = """<!doctype html><html><head><title>Page | Site</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Ports Stay Open</h1>
<p>Officials in Beijing said on Friday that &ldquo;the ports will stay open,&rdquo; and<br>
the ministry added nothing.<img src="x.png"/></p><svg/>
<h2>What Comes Next</h2>
<p>&ldquo;We will watch every ship,&rdquo; said Ana Ruiz, a customs official.</p>
<footer>Copyright Example Site. All rights reserved.</footer></body></html>"""


def add(capsys, *args):
    code = cli.main(["corpus", "add", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict:
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_add_a_text_article_then_load_and_list_it(isolated_home, capsys):
    code, out, err = add(capsys, FIXTURE, "--title", FIXTURE_TITLE, *META)
    assert code == 0, err
    assert "Added 'the_test_article_about_2018'" in out and "10 paragraphs" in out
    stored = isolated_home / "corpus"
    assert sorted(p.name for p in stored.iterdir()) == [
        "articles.json", "the_test_article_about_2018.txt",
    ]  # fmt: skip
    assert not list((PACKAGE_DIR / "corpus").glob("the_test_article*"))

    corpus = load()
    assert corpus.doc_ids == ["cipher_brief_2017", "fpri_2017", "the_test_article_about_2018"]
    mine = corpus["the_test_article_about_2018"]
    assert (mine.source, mine.author, mine.date) == ("yours", "Rosa Lind", "2018-03-01")
    assert mine.raw == FIXTURE.read_text(encoding="utf-8")
    assert "Tomas Okafor" in set(corpus.quotes().speaker)

    assert cli.main(["corpus", "list"]) == 0
    listed = capsys.readouterr().out
    assert "cipher_brief_2017" in listed and "the_test_article_about_2018" in listed
    assert "3 articles" in listed


def test_add_an_html_article(tmp_path, capsys):
    page = tmp_path / "ports.html"
    page.write_text(HTML, encoding="utf-8")
    code, out, err = add(capsys, page, "--title", "Ports Stay Open", "--doc-id", "ports_2018",
                         "--url", "https://example.org/ports", *META)  # fmt: skip
    assert code == 0, err
    doc = load()["ports_2018"]
    assert doc.headings == ["What Comes Next"]
    assert [p.text for p in doc.paragraphs] == [
        "Officials in Beijing said on Friday that “the ports will stay open,” and the ministry "
        "added nothing.",
        "“We will watch every ship,” said Ana Ruiz, a customs official.",
    ]
    assert "not text" not in doc.raw and "Home" not in doc.raw and "Copyright" not in doc.raw
    assert [(q.speaker, q.speaker_role) for q in doc.quotes] == [
        (None, None),  # officials: no person named
        ("Ana Ruiz", "customs official"),
    ]
    assert doc.mentions["China"] == 1


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Une d\xe9claration du minist\xe8re.".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * (1024 * 1024 + 1))
    copy_of_shipped = tmp_path / "copy.txt"
    copy_of_shipped.write_bytes((shipped.RAW_DIR / "003_37d2d6e6eedd0e04.txt").read_bytes())
    good = ["--title", FIXTURE_TITLE, *META]
    return [
        ([empty, *good], "has no text"),
        ([binary, *good], "binary file"),
        ([latin1, *good], "not UTF-8"),
        ([huge, *good], "at most 5 MB"),
        ([copy_of_shipped, *good], "same text as the article 'fpri_2017'"),
        ([FIXTURE, *good, "--doc-id", "fpri_2017"], "already an article with doc_id"),
        ([FIXTURE, "--title", "  ", *META], "needs --title"),
        ([FIXTURE, *good[:-1], "12/09/2017"], "write it as YYYY-MM-DD"),
        ([FIXTURE, *good, "--doc-id", "Bad Id!"], "lowercase letters"),
        ([tmp_path / "missing.txt", *good], "no file at"),
    ]


def test_bad_input_gets_a_clear_error_and_changes_nothing(tmp_path, isolated_home, capsys):
    first = tmp_path / "first.txt"
    first.write_text("A First Article\nA paragraph of text about ports and ships.\n")
    assert add(capsys, first, "--title", "A First Article", *META)[0] == 0
    before = snapshot(isolated_home / "corpus")
    for args, message in _bad_inputs(tmp_path):
        code, out, err = add(capsys, *args)
        assert code == 2, (args, out)
        assert message in err, err
        assert "Traceback" not in err
        assert snapshot(isolated_home / "corpus") == before, message
    # Adding the same article twice is a duplicate too.
    code, _out, err = add(capsys, first, "--title", "A First Article", *META, "--doc-id", "again")
    assert code == 2 and "same text as the article 'a_first_article_2018'" in err


def _write_index(home: Path, entries, files=()):
    folder = home / "corpus"
    folder.mkdir(parents=True)
    for name, data in files:
        (folder / name).write_bytes(data)
    (folder / "articles.json").write_text(
        entries if isinstance(entries, str) else json.dumps(entries), encoding="utf-8"
    )


def _entry(doc_id, raw_file):
    return {"doc_id": doc_id, "raw_file": raw_file, "title": "T", "author": "A",
            "publisher": "P", "date": "2018-01-01", "date_precision": "day"}  # fmt: skip


def test_a_broken_added_article_is_reported_and_the_rest_still_load(isolated_home, capsys):
    _write_index(
        isolated_home,
        [_entry("gone_2018", "gone.txt"), _entry("latin_2018", "latin.txt"),
         _entry("fine_2018", "fine.txt")],
        files=[("latin.txt", b"caf\xe9 au lait\n"), ("fine.txt", b"T\nA fine paragraph.\n")],
    )  # fmt: skip
    with pytest.warns(UserArticleWarning) as caught:
        corpus = load()
    assert corpus.doc_ids == ["cipher_brief_2017", "fpri_2017", "fine_2018"]
    assert len(corpus.problems) == len(caught) == 2
    assert "'gone_2018'" in corpus.problems[0] and "gone.txt" in corpus.problems[0]
    assert "'latin_2018'" in corpus.problems[1]
    assert cli.main(["corpus", "list"]) == 1
    out, err = capsys.readouterr()
    assert "fine_2018" in out and "PROBLEM" in err and "gone_2018" in err


def test_a_corrupt_index_never_stops_the_shipped_articles(isolated_home):
    _write_index(isolated_home, "[{ not json")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load()
    assert corpus.doc_ids == ["cipher_brief_2017", "fpri_2017"]
    assert "articles.json cannot be read" in str(caught[0].message)


def test_user_corpus_follows_nkcourse_home_at_call_time(tmp_path, monkeypatch, capsys):
    other = tmp_path / "elsewhere"
    monkeypatch.setenv("NKCOURSE_HOME", str(other))
    assert add(capsys, FIXTURE, "--title", FIXTURE_TITLE, *META)[0] == 0
    assert (other / "corpus" / "articles.json").is_file()
