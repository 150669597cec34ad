"""Cleaning and annotating N synthetic articles: throughput, and whether it grows linearly."""

import importlib.util
import itertools
import statistics
import time

from benchmarks import synthetic
from benchmarks.stats import Figure, Section, Target, growth_exponent

TITLE = "Corpus"
SIZES = (10, 100, 1000)
LINEAR = Target(1.15, inclusive=True)  # k in time ~ N**k; 1 is linear
# What "annotated" means: every derived view a lesson reads from a document.
ANNOTATIONS = ("paragraphs", "sentences", "quotes", "mentions")


def process(texts: list[str]) -> int:
    """Clean and annotate every text; returns the quotes found (so nothing is skipped)."""
    from nkcourse.corpus.document import Document

    found = 0
    for number, text in enumerate(texts):
        document = Document.from_text(text, doc_id=f"synthetic_{number}", title=text.split("\n")[0])
        for name in ANNOTATIONS:
            getattr(document, name)
        found += len(document.quotes)
    return found


def measure(settings) -> list[Section]:
    section = Section("corpus", TITLE)
    spec = importlib.util.find_spec("nkcourse.corpus.document")
    if spec is None:
        section.not_measured = "nkcourse.corpus.document (Document.from_text) does not exist yet."
        return [section]
    process([synthetic.article(seed) for seed in range(-3, 0)])  # warm-up: imports, regexes
    seeds = itertools.count()
    seconds, words = {}, {}
    for size in SIZES:
        runs = []
        for _ in range(max(1, min(settings.repeats, 1000 // size))):
            # Fresh articles every batch: nothing cached from an earlier batch can help.
            texts = [synthetic.article(next(seeds)) for _ in range(size)]
            start = time.perf_counter()
            quotes = process(texts)
            runs.append(time.perf_counter() - start)
        seconds[size] = statistics.median(runs)
        words[size] = sum(len(text.split()) for text in texts)
        section.details[str(size)] = {"seconds": runs, "quotes": quotes, "words": words[size]}
    per_article_10 = seconds[SIZES[0]] / SIZES[0] * 1000
    for size in SIZES:
        per_article = seconds[size] / size * 1000
        section.figures += [
            Figure(
                f"N = {size:,}",
                "throughput",
                size / seconds[size],
                "articles/s",
                note=f"{words[size] / seconds[size]:,.0f} words/s",
            ),
            Figure(
                f"N = {size:,}",
                "time per article",
                per_article,
                "ms",
                per_article_10,
                f"N = {SIZES[0]}",
            ),
        ]
    k = growth_exponent(list(seconds), list(seconds.values()))
    section.figures.append(
        Figure(
            "N = 10 … 1,000",
            "growth exponent k (time ∝ Nᵏ)",
            k,
            "",
            target=LINEAR,
            note="1 is linear",
        )
    )
    section.notes.append(
        f"Seeded synthetic articles of about {words[SIZES[-1]] // SIZES[-1]:,} words each (one "
        "paragraph per line, with a photo credit, byline, headings, attributed quotations "
        f"and a closing author note); each is built with Document.from_text and its "
        f"{', '.join(ANNOTATIONS)} computed. Median of up to {settings.repeats} batches per N, "
        "each of new articles."
    )
    return [section]
