"""Exercise 01, The sources: count paragraphs, find the most quoted speaker, filter quotations,
count an actor's mentions, chart quotations per speaker, and look a word up in context.

Every expected answer is computed from the shipped corpus (the two course articles, never
a student's added ones) and the ``people`` dataset, so it follows the corpus if the
cleaning rules are ever corrected.
"""

from nkcourse.exercises.questions import (
    ChartQuestion,
    FrameQuestion,
    Mistake,
    ValueQuestion,
    WrittenQuestion,
)

CIPHER, FPRI = "cipher_brief_2017", "fpri_2017"
QUOTE_COLUMNS = ["doc_id", "para_no", "text"]


def _corpus():
    from nkcourse import corpus

    return corpus.load(include_user=False)


def _quotes_in(doc_id: str):
    quotes = _corpus().quotes()
    return quotes[quotes["doc_id"] == doc_id]


def _non_blank_raw_lines(doc_id: str) -> int:
    return sum(1 for line in _corpus()[doc_id].lines if line.text)


def _most_quoted(doc_id: str):
    counts = _quotes_in(doc_id)["speaker"].value_counts()
    return counts.index[0], int(counts.iloc[0])


def _paragraphs_quoting(doc_id: str, speaker: str) -> int:
    quotes = _quotes_in(doc_id)
    return int(quotes.loc[quotes["speaker"] == speaker, "para_no"].nunique())


def _surname_uses(doc_id: str, speaker: str) -> int:
    lines = _corpus().kwic(speaker.split()[-1])
    return int((lines["doc_id"] == doc_id).sum())


def _quotes_by(speaker: str):
    quotes = _corpus().quotes()
    return quotes.loc[quotes["speaker"] == speaker, QUOTE_COLUMNS].reset_index(drop=True)


def _paragraphs_naming(surname: str):
    paragraphs = _corpus().paragraphs()
    return paragraphs[paragraphs["text"].str.contains(surname)].reset_index(drop=True)


def _is_table(answer) -> bool:
    return type(answer).__name__ == "DataFrame"


def _mentions(actor: str) -> tuple[int, int]:
    mentions = _corpus().mentions()
    counts = mentions[mentions["actor"] == actor].set_index("doc_id")["mentions"]
    return int(counts[CIPHER]), int(counts[FPRI])


def _raw_counts(word: str) -> tuple[int, int]:
    corpus = _corpus()
    return corpus[CIPHER].text.count(word), corpus[FPRI].text.count(word)


def _quotes_chart(doc_ids=(CIPHER,)):
    import altair as alt

    quotes = _corpus().quotes()
    chosen = quotes[quotes["doc_id"].isin(doc_ids)]
    return alt.Chart(chosen).mark_bar().encode(x="count():Q", y="speaker:N")


def _kwic_para(term: str) -> int:
    lines = _corpus().kwic(term)
    return int(lines["para_no"].iloc[0])


def _frame_row_label(term: str) -> int:
    """The DataFrame row label (not the para_no) of the paragraph that uses ``term``."""
    paragraphs = _corpus().paragraphs()
    return int(paragraphs.index[paragraphs["text"].str.contains(term)][0])


def _model_answer() -> str:
    """A model answer for q7, its facts taken from the quotes table and the people dataset."""
    from nkcourse import data

    quotes = _corpus().quotes()
    people = data.load("people").set_index("person")
    han = quotes[quotes["speaker"] == "Han Tae Song"]
    cui = quotes[quotes["speaker"] == "Cui Tiankai"]
    return (
        "Most quoted voices are U.S. officials or former officials. North Korea is quoted "
        f"{_times(len(han))}, through Han Tae Song ({people.loc['Han Tae Song', 'role']}), "
        f"and China {_times(len(cui))}, through Cui Tiankai "
        f"({people.loc['Cui Tiankai', 'role']}). No Russian is quoted at all, although "
        'Wilder says that "the Russians have to step up" and the FPRI article describes '
        "Russia's growing ties with the North. Russia's reasons are told only by Americans, "
        "e.g. Morell on the negotiations that softened the resolution. A Russian official "
        "could explain Moscow's position in its own terms, and the story might then be less "
        "about whether Moscow complies and more about what it wants."
    )


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


q1 = ValueQuestion(
    "q1",
    "fpri_paragraphs",
    prompt=(
        "How many body paragraphs does the cleaned FPRI article (`fpri_2017`) have? Count "
        "its rows in `corpus.paragraphs()`. A whole number."
    ),
    answer=lambda: len(_corpus()[FPRI].paragraphs),
    solution=(
        'paragraphs = c.paragraphs()\nfpri_paragraphs = len(paragraphs[paragraphs["doc_id"] == '
        '"fpri_2017"])'
    ),
    hints=[
        "c.paragraphs() has one row per body paragraph of both articles.",
        'Keep the rows whose doc_id is "fpri_2017", then count them with len(...).',
    ],
    mistakes=[
        Mistake(
            "That counts the section headings too. Headings are not paragraphs: in "
            "c.paragraphs() they are a column (heading), not rows.",
            lambda right: right + len(_corpus()[FPRI].headings),
        ),
        Mistake(
            "That counts every non-empty line of the raw file, including the site banner, "
            "the repeated title and the photo credits the cleaning removed. Count the rows "
            "of c.paragraphs() instead.",
            lambda right: _non_blank_raw_lines(FPRI),
        ),
        Mistake(
            'That is the Cipher Brief\'s count. Keep the rows whose doc_id is "fpri_2017".',
            lambda right: len(_corpus()[CIPHER].paragraphs),
        ),
    ],
)

q2 = ValueQuestion(
    "q2",
    ("top_speaker", "top_speaker_quotes"),
    prompt=(
        "Who is quoted most often in the Cipher Brief article (`top_speaker`, the full name "
        "as in the speaker column), and how many quotations are his or hers "
        "(`top_speaker_quotes`, a whole number)? Use `c.quotes()`."
    ),
    answer=lambda: _most_quoted(CIPHER),
    solution=(
        'cipher_quotes = quotes[quotes["doc_id"] == "cipher_brief_2017"]\n'
        'counts = cipher_quotes["speaker"].value_counts()\n'
        "top_speaker = counts.index[0]\n"
        "top_speaker_quotes = int(counts.iloc[0])"
    ),
    hints=[
        "Keep the Cipher Brief's rows of c.quotes(), then count the rows per speaker.",
        "value_counts() on the speaker column counts and sorts, most frequent first: "
        "counts.index[0] is the name, counts.iloc[0] its count.",
    ],
    mistakes=[
        Mistake(
            "The name is right, but that number counts the paragraphs that quote him. One "
            "paragraph can hold two quotations: count the rows of the quotes table.",
            lambda right: (right[0], _paragraphs_quoting(CIPHER, right[0])),
        ),
        Mistake(
            "The name is right, but that number counts how often the article names him "
            "(mentions), not how often it quotes him. Count the rows of the quotes table.",
            lambda right: (right[0], _surname_uses(CIPHER, right[0])),
        ),
    ],
)

q3 = FrameQuestion(
    "q3",
    "morell_quotes",
    prompt=(
        "A table of every quotation by Michael Morell, with at least the columns doc_id, "
        "para_no and text (`morell_quotes`)."
    ),
    answer=lambda: _quotes_by("Michael Morell"),
    solution='morell_quotes = quotes[quotes["speaker"] == "Michael Morell"]',
    hints=[
        "Each row of c.quotes() is one quotation; the speaker column says who spoke.",
        'quotes[quotes["speaker"] == "Michael Morell"] keeps his rows.',
    ],
    mistakes=[
        Mistake(
            "Your table is empty: the quoted words never contain the speaker's own name. "
            "Filter on the speaker column, not on text.",
            lambda right: right.iloc[0:0],
            matches=lambda answer: _is_table(answer) and answer.empty,
        ),
        Mistake(
            "That is a table of paragraphs that name Morell (it has a heading column), not "
            "of his quotations. Start from c.quotes() and filter on the speaker column.",
            lambda right: _paragraphs_naming("Morell"),
            matches=lambda answer: _is_table(answer) and "heading" in answer.columns,
        ),
    ],
    allow_extra_columns=True,
)

q4 = ValueQuestion(
    "q4",
    ("china_cipher", "china_fpri"),
    prompt=(
        "How many times does each article name China, counting its aliases (Chinese, "
        "Beijing, PRC…) as `c.mentions()` does? `china_cipher` for the Cipher Brief, "
        "`china_fpri` for FPRI; whole numbers."
    ),
    answer=lambda: _mentions("China"),
    solution=(
        'mentions = c.mentions()\nchina = mentions[mentions["actor"] == "China"].set_index('
        '"doc_id")["mentions"]\n'
        'china_cipher = int(china["cipher_brief_2017"])\nchina_fpri = int(china["fpri_2017"])'
    ),
    hints=[
        "c.mentions() has one row per article and actor; keep the rows whose actor is China.",
        'Then pick each article\'s number, e.g. with .set_index("doc_id")["mentions"].',
    ],
    mistakes=[
        Mistake(
            'Those look like raw counts of the string "China" in the text. They miss '
            '"Chinese" and "Beijing" and count the South and East China Seas. Use '
            "c.mentions(), which folds the aliases.",
            lambda right: _raw_counts("China"),
        ),
        Mistake(
            "The two numbers are swapped: china_cipher is the Cipher Brief's count.",
            lambda right: (right[1], right[0]),
        ),
    ],
)

q5 = ChartQuestion(
    "q5",
    "quotes_chart",
    prompt=(
        "An Altair bar chart of the Cipher Brief's quotations per speaker, from "
        '`cipher_quotes` (its rows of c.quotes()): x="count():Q", y="speaker:N".'
    ),
    answer=_quotes_chart,
    solution=(
        'quotes_chart = alt.Chart(cipher_quotes).mark_bar().encode(x="count():Q", y="speaker:N")'
    ),
    hints=[
        "Start from alt.Chart(cipher_quotes).mark_bar().",
        'Then .encode(x="count():Q", y="speaker:N"): count() counts the rows per speaker.',
    ],
    mistakes=[
        Mistake(
            "Your chart counts the quotations of both articles. Chart cipher_quotes, the "
            "Cipher Brief's rows only.",
            lambda right: _quotes_chart((CIPHER, FPRI)),
        ),
        Mistake("Use bars (mark_bar), not points.", lambda right: right.mark_point()),
        Mistake(
            "Your axes are swapped: the count goes on x, the speakers on y.",
            lambda right: right.encode(x="speaker:N", y="count():Q"),
        ),
    ],
)

q6 = ValueQuestion(
    "q6",
    "dandong_para",
    prompt=(
        "In which paragraph (its para_no) does an article mention Dandong? Use c.kwic(). "
        "A whole number."
    ),
    answer=lambda: _kwic_para("Dandong"),
    solution='dandong_para = int(c.kwic("Dandong")["para_no"].iloc[0])',
    hints=[
        'c.kwic("Dandong") has one row per use, with the doc_id and para_no of its paragraph.',
        'Take the para_no column and its first value: ["para_no"].iloc[0].',
    ],
    mistakes=[
        Mistake(
            "That is the row label of the paragraph in c.paragraphs() (both articles, counted "
            "from 0), not its para_no. Read the para_no column.",
            lambda right: _frame_row_label("Dandong"),
        ),
        Mistake(
            "That is one less than the para_no: paragraphs are numbered from 1. Read the "
            "para_no column rather than a position.",
            lambda right: right - 1,
        ),
    ],
)

q7 = WrittenQuestion(
    "q7",
    "missing_voice",
    prompt=(
        "In four or five sentences: whose perspective is missing from the two articles, or "
        "heard only through others? How might including it change the story? Use what you "
        "counted (quotations by voice group) and the people dataset."
    ),
    answer=_model_answer,
    solution='missing_voice = "Most quoted voices are U.S. officials ..."',
    hints=[
        "Look at voices_by_group(...): which group has no quotation at all?",
        "Who explains that group's motives instead, and in what words?",
    ],
    min_words=40,
)
