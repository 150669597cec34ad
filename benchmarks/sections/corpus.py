"""Cleaning and annotating N synthetic articles: throughput, and whether it grows linearly."""

import importlib.util
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


def measure(settings) -> Section:
    section = Section("corpus", TITLE)
    spec = importlib.util.find_spec("nkcourse.corpus.document")
    if spec is None:
        section.not_measured = "nkcourse.corpus.document (Document.from_text) does not exist yet."
        return section
    texts = [synthetic.article(seed) for seed in range(max(SIZES))]
    words = [len(text.split()) for text in texts]
    process(texts[:3])  # warm-up: imports and compiled regular expressions
    seconds = {}
    for size in SIZES:
        repeats = max(1, min(settings.repeats, 1000 // size))
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            quotes = process(texts[:size])
            runs.append(time.perf_counter() - start)
        seconds[size] = sorted(runs)[len(runs) // 2]
        section.details[str(size)] = {"seconds": runs, "quotes": quotes, "words": sum(words[:size])}
    per_article_10 = seconds[SIZES[0]] / SIZES[0] * 1000
    for size in SIZES:
        per_article = seconds[size] / size * 1000
        section.figures += [
            Figure(
                f"N = {size:,}",
                "throughput",
                size / seconds[size],
                "articles/s",
                note=f"{sum(words[:size]) / seconds[size]:,.0f} words/s",
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
        f"Seeded synthetic articles of about {sum(words) // len(words):,} words each (one "
        "paragraph per line, with a photo credit, byline, headings, attributed quotations "
        f"and a closing author note); each is built with Document.from_text and its "
        f"{', '.join(ANNOTATIONS)} computed. Median of up to {settings.repeats} runs per N."
    )
    return section
