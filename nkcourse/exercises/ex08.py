"""Exercise 08, Review: one skill from each part of the course, then the capstone memo.

A filter and a group (measures), a growth rate from two levels (trade), a corpus lookup
(Morell's three reasons), a join of two datasets (each nuclear test and the resolution that
followed), a chart judged by its spec (resolutions per year), and a policy memo. Every
expected answer is computed from the packaged datasets and corpus, never typed in.
"""

import re

from nkcourse.exercises.questions import (
    PERCENT_NOT_FRACTION,
    ChartQuestion,
    FrameQuestion,
    Mistake,
    ValueQuestion,
    WrittenQuestion,
)

FIRST_YEAR, LAST_YEAR = 2006, 2017
MEMO_WORDS = (300, 500)
QUOTE_MIN_WORDS = 5
# A passage in straight or curly double quotation marks.
QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
FOLD_QUOTES = str.maketrans({"’": "'", "‘": "'"})


def _data(name: str):
    from nkcourse import data

    return data.load(name)


def _corpus():
    from nkcourse import corpus

    return corpus.load(include_user=False)


# ---- q1: filter and group -----------------------------------------------------------------


def _sectors_per_resolution(adopted_only: bool = True, distinct: bool = True):
    measures = _data("measures")
    chosen = measures[measures["measure"].isin(["ban", "cap"])]
    if adopted_only:
        chosen = chosen[chosen["status"] == "adopted"]
    grouped = chosen.groupby("resolution", as_index=False)["sector"]
    return grouped.nunique() if distinct else grouped.size().rename(columns={"size": "sector"})


q1 = FrameQuestion(
    "q1",
    "sectors_per_resolution",
    prompt=(
        "For each resolution, how many distinct sectors did it ban or cap? Keep the rows of "
        "`measures` whose status is 'adopted' and whose measure is 'ban' or 'cap', then "
        "count the distinct sectors per resolution (a table or Series: resolution, sector)."
    ),
    answer=_sectors_per_resolution,
    solution=(
        'adopted = measures[(measures["status"] == "adopted")\n'
        '                   & measures["measure"].isin(["ban", "cap"])]\n'
        'sectors_per_resolution = adopted.groupby("resolution")["sector"].nunique()'
    ),
    hints=[
        "Filter first: status == 'adopted' and measure.isin(['ban', 'cap']); combine the "
        "two conditions with &, each in brackets.",
        "Then group by resolution and count distinct sectors: "
        ".groupby('resolution')['sector'].nunique().",
    ],
    mistakes=[
        Mistake(
            "You counted rows, not distinct sectors: one resolution can have several rows "
            "for the same sector. Use .nunique() instead of .size() or .count().",
            lambda right: _sectors_per_resolution(distinct=False),
        ),
        Mistake(
            "Your table includes measures that were not adopted (a vetoed draft). Keep only "
            "the rows whose status is 'adopted'.",
            lambda right: _sectors_per_resolution(adopted_only=False),
        ),
    ],
)


# ---- q2: a growth rate ---------------------------------------------------------------------


def _imports(period: str, currency: str) -> float:
    trade = _data("trade")
    row = trade[
        (trade["partner"] == "China")
        & (trade["period"] == period)
        & (trade["flow"] == "imports from DPRK")
        & (trade["currency"] == currency)
    ]
    return float(row["value"].iloc[0])


def _imports_growth() -> float:
    return _imports("2018", "USD") / _imports("2017", "USD") - 1


def _reported_imports_change() -> float:
    trade = _data("trade")
    row = trade[
        (trade["period"] == "2018")
        & (trade["flow"] == "imports from DPRK")
        & (trade["currency"] == "USD")
    ]
    return float(row["yoy_change_pct"].iloc[0]) / 100


q2 = ValueQuestion(
    "q2",
    "imports_growth",
    prompt=(
        "Compute, as a fraction, the growth of China's imports from the DPRK from 2017 to "
        "2018, from the two annual levels in dollars in `trade` (flow 'imports from DPRK', "
        "currency USD). A fall is negative: -0.25 means down 25%."
    ),
    answer=_imports_growth,
    solution=(
        'imports = trade[(trade["partner"] == "China") & (trade["flow"] == "imports from DPRK")\n'
        '                & (trade["currency"] == "USD") & (trade["period_type"] == "year")]\n'
        'old = imports.loc[imports["period"] == "2017", "value"].iloc[0]\n'
        'new = imports.loc[imports["period"] == "2018", "value"].iloc[0]\n'
        "imports_growth = new / old - 1"
    ),
    hints=[
        "Growth is new / old - 1, where old is the 2017 level and new the 2018 level.",
        "2018 has two rows for imports from the DPRK: one in USD, one in CNY (yuan). Keep "
        "the USD one, like 2017's.",
    ],
    mistakes=[
        PERCENT_NOT_FRACTION,
        Mistake(
            "You mixed currencies: the 2018 level you used is in yuan (CNY), the 2017 one in "
            "dollars. Use the USD row for both years.",
            lambda right: _imports("2018", "CNY") / _imports("2017", "USD") - 1,
        ),
        Mistake(
            "Old and new are swapped: divide the 2018 level by the 2017 level, then subtract 1.",
            lambda right: _imports("2017", "USD") / _imports("2018", "USD") - 1,
        ),
        Mistake(
            "That is GAC's reported change (yoy_change_pct) as a fraction. The question asks "
            "you to compute the growth from the two levels yourself.",
            lambda right: _reported_imports_change(),
        ),
    ],
    rel_tol=1e-4,
)


# ---- q3: a corpus lookup -------------------------------------------------------------------


def _morell_reasons():
    """(doc_id, para_no) of Morell's quotation listing China's fears, refugees first."""
    quotes = _corpus().quotes()
    chosen = quotes[
        (quotes["speaker"] == "Michael Morell") & quotes["text"].str.contains("refugees")
    ]
    first = chosen.iloc[0]
    return str(first["doc_id"]), int(first["para_no"])


def _fpri_refugee_paragraph():
    paragraphs = _corpus().paragraphs()
    fpri = paragraphs[
        (paragraphs["doc_id"] == "fpri_2017") & paragraphs["text"].str.contains("refugee")
    ]
    return "fpri_2017", int(fpri["para_no"].iloc[0])


q3 = ValueQuestion(
    "q3",
    ("reasons_doc", "reasons_para"),
    prompt=(
        "In which article (`reasons_doc`, its doc_id) and paragraph (`reasons_para`, its "
        "para_no) does Michael Morell list China's three reasons to fear instability in "
        "North Korea? Use `quotes` (the corpus's quotations) or `paragraphs`."
    ),
    answer=_morell_reasons,
    solution=(
        'morell = quotes[quotes["speaker"] == "Michael Morell"]\n'
        'listing = morell[morell["text"].str.contains("refugees")].iloc[0]\n'
        'reasons_doc, reasons_para = listing["doc_id"], listing["para_no"]'
    ),
    hints=[
        "Keep Morell's quotations: quotes[quotes['speaker'] == 'Michael Morell'].",
        "His first reason is about refugees: .str.contains('refugees') finds the one "
        "quotation that lists all three.",
    ],
    mistakes=[
        Mistake(
            "That paragraph announces the three reasons; the next one lists them in Morell's "
            "words.",
            lambda right: (right[0], right[1] - 1),
        ),
        Mistake(
            "That FPRI paragraph is the author's own argument (a refugee crisis, the "
            "buffer), not Morell's. Morell is quoted in the other article.",
            lambda right: _fpri_refugee_paragraph(),
        ),
    ],
)


# ---- q4: a join ----------------------------------------------------------------------------


def adopted_resolutions():
    """Adopted resolutions that are not Panel of Experts renewals, by date (all dated)."""
    resolutions = _data("resolutions")
    adopted = resolutions[resolutions["document_type"] == "resolution"]
    return adopted.sort_values("date").reset_index(drop=True)


def _followed_by(direction: str = "forward"):
    import pandas as pd

    tests = _data("nuclear_tests").sort_values("date_utc")
    joined = pd.merge_asof(
        tests,
        adopted_resolutions(),
        left_on="date_utc",
        right_on="date",
        direction=direction,
    )
    return joined[["test_no", "date_utc", "resolution", "date"]]


q4 = FrameQuestion(
    "q4",
    "test_and_answer",
    prompt=(
        "Join each nuclear test to the first resolution in `adopted` dated on or after it "
        "(pd.merge_asof). A table with at least the columns test_no, date_utc (the test), "
        "resolution and date (its adoption)."
    ),
    answer=_followed_by,
    solution=(
        'tests = nuclear_tests.sort_values("date_utc")\n'
        "test_and_answer = pd.merge_asof(\n"
        '    tests, adopted, left_on="date_utc", right_on="date", direction="forward"\n'
        ")"
    ),
    hints=[
        "pd.merge_asof(left, right, left_on=..., right_on=..., direction=...) joins each "
        "left row to the nearest right row by date; both tables must be sorted by date.",
        "The left table is the tests (date_utc), the right one `adopted` (date); "
        "direction='forward' picks the first resolution on or after each test.",
    ],
    mistakes=[
        Mistake(
            "Each test got the resolution adopted before it. Use direction='forward' to find "
            "the resolution that followed.",
            lambda right: _followed_by("backward"),
        ),
    ],
    allow_extra_columns=True,
)


# ---- q5: a chart ---------------------------------------------------------------------------


def adopted_in_period():
    """The rows of :func:`adopted_resolutions` from FIRST_YEAR to LAST_YEAR (q5's data)."""
    adopted = adopted_resolutions()
    return adopted[adopted["year"].between(FIRST_YEAR, LAST_YEAR)]


def _per_year_chart():
    import altair as alt

    return alt.Chart(adopted_in_period()).mark_bar().encode(x="year:O", y="count():Q")


q5 = ChartQuestion(
    "q5",
    "resolutions_chart",
    prompt=(
        "An Altair bar chart of the number of resolutions adopted each year, from "
        "`adopted_0617` (the rows of `adopted` from 2006 to 2017): year on x, the count of "
        "rows on y."
    ),
    answer=_per_year_chart,
    solution=(
        "resolutions_chart = alt.Chart(adopted_0617).mark_bar().encode(\n"
        '    x="year:O", y="count():Q"\n'
        ")"
    ),
    hints=[
        "Start from alt.Chart(adopted_0617).mark_bar().",
        'Altair counts rows for you: .encode(x="year:O", y="count():Q").',
    ],
    mistakes=[
        Mistake("Use bars (mark_bar), not a line.", lambda right: right.mark_line()),
        Mistake(
            "Your axes are swapped: years go on x, the count on y.",
            lambda right: right.encode(x="count():Q", y="year:O"),
        ),
    ],
)


# ---- q6: the capstone memo -----------------------------------------------------------------


def _fold(text: str) -> str:
    """Spacing, case and curly apostrophes do not count; spelling does."""
    return " ".join(text.translate(FOLD_QUOTES).split()).casefold()


def cited_datasets(memo: str) -> list[str]:
    """The datasets a memo cites with a row, as the explorer writes it: "trade, row 35"."""
    from nkcourse import data

    return [
        name
        for name in data.names()
        if re.search(rf"\b{re.escape(name)}\b[\s,:]*rows?\s*\d+", memo, flags=re.IGNORECASE)
    ]


def quoted_passages(memo: str) -> list[tuple[str, str]]:
    """(doc_id, passage) for each passage in quotation marks, of QUOTE_MIN_WORDS words or
    more, found word for word in an article whose doc_id the memo names."""
    documents = {doc.doc_id: _fold(doc.text) for doc in _corpus()}
    found = []
    for passage in QUOTED.findall(memo):
        passage = passage.strip().rstrip(".,;:!?…")
        if len(passage.split()) < QUOTE_MIN_WORDS:
            continue
        for doc_id, text in documents.items():
            if doc_id in memo and _fold(passage) in text:
                found.append((doc_id, passage))
    return found


class MemoQuestion(WrittenQuestion):
    """The capstone memo: ``check()`` confirms its length, that it cites at least two
    datasets by row and quotes an article word for word; the instructor marks the rest."""

    def __init__(self, *args, max_words: int, min_datasets: int = 2, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_words, self.min_datasets = max_words, min_datasets

    def judge(self, answer, expected) -> str | None:
        problem = super().judge(answer, expected)
        if problem:
            return problem
        name = self.variables[0]
        count = len(answer.split())
        if count > self.max_words:
            return f"`{name}` has {count} words; cut it to {self.max_words} at most."
        cited = cited_datasets(answer)
        if len(cited) < self.min_datasets:
            have = f" (you cite {', '.join(cited)})" if cited else ""
            return (
                f"Cite at least {self.min_datasets} different datasets with a row, as the "
                f"explorer's cite column writes them, e.g. (trade, row 35) and "
                f"(events, row 18){have}."
            )
        if not quoted_passages(answer):
            return (
                f"Quote at least one passage of {QUOTE_MIN_WORDS} or more words, word for word "
                "in quotation marks, and cite its article by doc_id and paragraph, e.g. "
                "(fpri_2017, paragraph 8)."
            )
        return None

    def success_message(self, answer) -> str:
        return (
            f"Your memo ({len(answer.split())} words) passes the public checks: its length, "
            f"{len(cited_datasets(answer))} datasets cited by row and a word-for-word quote. "
            "It is recorded in this notebook; save the notebook before you hand it in. Your "
            "instructor marks the rest: the claim, the evidence, the counter-argument and "
            "the limits of the data."
        )


def _row(name: str, **where):
    """(index label, row) of the one row of dataset ``name`` matching ``where``."""
    frame = _data(name)
    chosen = frame
    for column, value in where.items():
        chosen = chosen[chosen[column] == value]
    return chosen.index[0], chosen.iloc[0]


def model_memo() -> str:
    """A model memo for q6 whose every figure and row number is read from the data."""
    imp17_at, imp17 = _row("trade", period="2017", flow="imports from DPRK", currency="USD")
    imp18_at, imp18 = _row("trade", period="2018", flow="imports from DPRK", currency="USD")
    dec_at, dec = _row("trade", period="2017-12", flow="imports from DPRK", report="Reuters")
    q1_at, q1 = _row("trade", period="2017-Q1", flow="total", currency="CNY")
    exp_at, exp17 = _row("trade", period="2017", flow="exports to DPRK", currency="USD")
    ban_at, ban = _row("events", event="China begins enforcing 2371 import bans")
    growth = (imp18["value"] / imp17["value"] - 1) * 100
    return (
        "Memo: Did China enforce the 2017 sanctions on North Korea? "
        "Claim: China enforced the 2017 bans on what it bought from North Korea, as far as "
        "its customs records show; the records cannot show trade that goes unrecorded. "
        "Evidence: according to Chinese customs (GAC), China's imports from the DPRK were "
        f"{imp17['value']:g} million dollars in 2017 (trade, row {imp17_at}) and "
        f"{imp18['value']:g} million in 2018 (trade, row {imp18_at}), a change of "
        f"{growth:.1f}% that I computed from the two levels. The fall began after China "
        f"started enforcing resolution 2371's import bans on {ban['date']:%d %B %Y} (events, "
        f"row {ban_at}): in December 2017, imports from the DPRK were {dec['value']:g} million "
        f"dollars, {dec['yoy_change_pct']:g}% on December 2016 (trade, row {dec_at}). Earlier "
        f"in 2017 the picture was different: GAC reported total trade up {q1['yoy_change_pct']:g}% "
        f"in the first quarter, in yuan (trade, row {q1_at}), the figure behind President "
        'Trump\'s tweet that trade grew "almost 40% in the first quarter" (fpri_2017, '
        "paragraph 8). So China's enforcement changed over the year rather than being absent. "
        'Counter-argument: the FPRI article argues that "the foundation of North Korea’s '
        'economy rests on unofficial and often illicit trading channels" (fpri_2017, '
        "paragraph 8), and Ri Jong Ho, a former official of Bureau 39, said North Korea buys "
        "oil and fuel from Russia off the books (fpri_2017, paragraph 11). China's exports "
        f"to the DPRK also changed by {exp17['yoy_change_pct']:+g}% in 2017 (trade, row "
        f"{exp_at}), so recorded trade did not stop. Dennis Wilder's warning applies: "
        '"sanctions are only as good as their implementation" (cipher_brief_2017, paragraph '
        "3). A fall in recorded imports is what enforcement at the border looks like, but it "
        "is also what a shift to unrecorded channels would look like. "
        "Limits of the data: the trade dataset holds published customs figures, often "
        "rounded, from several compilers that disagree; growth rates computed from the "
        "levels do not always match the reported ones; monthly figures exist only for a few "
        "months; and there is no figure at all for smuggling, off-the-books oil or "
        "overseas workers, whose earnings appear only in unverified reports. Russia's trade "
        "for the first quarter of 2017 is missing too. "
        "Recommendation: judge China's enforcement by its recorded imports, which fell "
        "steeply after August 2017, but pair customs data with evidence on evasion before "
        "concluding that sanctions bit as hard as the figures suggest. Further checks would "
        "need monthly GAC series and the UN Panel of Experts' reports, which this course "
        "does not include."
    )


q6 = MemoQuestion(
    "q6",
    "memo",
    prompt=(
        "The capstone: a policy memo of 300 to 500 words answering one question, e.g. "
        "'Did China enforce the 2017 sanctions?' or 'Should the US impose secondary "
        "sanctions on Chinese banks?'. Make a claim; support it with evidence from at least "
        "two datasets, each cited by row, e.g. (trade, row 35); quote one article word for "
        "word in quotation marks with its doc_id and paragraph, e.g. (fpri_2017, paragraph "
        "8); give a counter-argument and the limits of the data."
    ),
    answer=model_memo,
    solution='memo = """Memo: Did China enforce the 2017 sanctions on North Korea? ..."""',
    hints=[
        "Use the scaffold in the lesson: claim, evidence (dataset + row), quote (doc_id + "
        "paragraph), counter-argument, limits of the data.",
        "The explorer 'Find the evidence' in lesson 08 gives each row's cite, e.g. "
        "'trade, row 35', and each paragraph's, e.g. 'fpri_2017, paragraph 8'.",
    ],
    min_words=MEMO_WORDS[0],
    max_words=MEMO_WORDS[1],
)
