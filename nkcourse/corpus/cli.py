"""``nkcourse corpus``: list the articles, or add your own."""

import argparse
import sys
import warnings
from pathlib import Path

from nkcourse.corpus.document import DATE_PRECISIONS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nkcourse corpus",
        description="List the course's articles, or add your own (plain text or HTML).",
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help="show every article: the course's and yours")
    add = sub.add_parser(
        "add",
        help="add an article (plain text, one paragraph per line, or a saved web page)",
        description="Add an article to your corpus in NKCOURSE_HOME/corpus (default "
        "./nkcourse-data/corpus). corpus.load() then includes it.",
    )
    add.add_argument("file", type=Path, help="the article: .txt (UTF-8) or .html, at most 5 MB")
    add.add_argument("--title", required=True)
    add.add_argument("--author", required=True)
    add.add_argument("--publisher", required=True)
    add.add_argument("--date", required=True, help="publication date, YYYY-MM-DD")
    add.add_argument("--date-precision", default="day", choices=DATE_PRECISIONS,
                     help="how exact the date is (default: day)")  # fmt: skip
    add.add_argument("--url", help="where the article was published")
    add.add_argument("--doc-id", help="short id, e.g. times_2018 (default: from the title)")
    return parser


def _list() -> int:
    from nkcourse.corpus import load
    from nkcourse.corpus.user_articles import corpus_dir

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # problems are printed below instead
        corpus = load()
    for doc in corpus:
        origin = "course" if doc.source == "shipped" else "yours"
        date = doc.date or "no date"
        if doc.date_precision not in (None, "day"):
            date = f"{date} ({doc.date_precision})"
        print(f"{doc.doc_id:<28} {origin:<6} {date:<26} {doc.publisher}: {doc.title}")
    print(f"\n{len(corpus)} articles. Yours are stored in {corpus_dir()}.")
    for problem in corpus.problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if corpus.problems else 0


def _add(args) -> int:
    from nkcourse.corpus import load
    from nkcourse.corpus.user_articles import add_article, corpus_dir

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a broken older article does not block a new one
        existing = list(load())
    document = add_article(
        args.file,
        title=args.title,
        author=args.author,
        publisher=args.publisher,
        date=args.date,
        date_precision=args.date_precision,
        url=args.url,
        doc_id=args.doc_id,
        existing=existing,
    )
    print(
        f"Added {document.doc_id!r}: {len(document.paragraphs)} paragraphs, "
        f"{document.n_words} words, {len(document.quotes)} quotations, "
        f"{len(document.removed)} raw lines removed as page furniture or blank. "
        f"Stored in {corpus_dir()}."
    )
    return 0


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    return _list() if args.action == "list" else _add(args)
