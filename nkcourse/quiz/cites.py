"""What a question's explanation rests on: a corpus paragraph or a dataset row."""


def describe(cite: dict) -> str:
    """One readable line, e.g. "fpri_2017, paragraph 7"."""
    if "corpus" in cite:
        return f"{cite['corpus']}, paragraph {cite['para']}"
    return f"dataset {cite['dataset']!r}, rows where {cite['row']}"


def problems(banks) -> list[str]:
    """Every cite in ``banks`` that names no real dataset row or corpus paragraph.

    Imports ``nkcourse.data`` and ``nkcourse.corpus`` only when a cite needs them.
    """
    found = []
    for bank in banks:
        for question in bank.questions:
            for cite in question.cites:
                problem = _dataset_problem(cite) if "dataset" in cite else _corpus_problem(cite)
                if problem:
                    found.append(f"lesson {bank.lesson}, question {question.id}: {problem}")
    return found


def _dataset_problem(cite: dict) -> str | None:
    from nkcourse import data

    if cite["dataset"] not in data.names():
        return f"no dataset named {cite['dataset']!r} (there are {', '.join(data.names())})"
    try:
        rows = data.load(cite["dataset"]).query(cite["row"])
    except Exception as error:  # a pandas query can fail in many ways; report any of them
        return f"{describe(cite)}: the query fails ({type(error).__name__}: {error})"
    return None if len(rows) else f"{describe(cite)}: no row matches"


def _corpus_problem(cite: dict) -> str | None:
    from nkcourse import corpus

    paragraphs = corpus.load().paragraphs()
    numbers = set(paragraphs.loc[paragraphs["doc_id"] == cite["corpus"], "para_no"])
    if not numbers:
        return f"no corpus document {cite['corpus']!r}"
    return None if cite["para"] in numbers else f"{describe(cite)}: no such paragraph"
