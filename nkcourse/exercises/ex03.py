"""Exercise 03: what the sanctions ban (``exercises/03-bans.ipynb``).

Every answer, and every declared mistake, is computed from the packaged ``measures`` and
``exports_by_commodity`` datasets and the Cipher Brief article in the corpus.
"""

import math

from nkcourse.exercises.questions import (
    ChartQuestion,
    FrameQuestion,
    Mistake,
    QuoteQuestion,
    ValueQuestion,
    WrittenQuestion,
)

ARTICLE = "cipher_brief_2017"
TEXTILES = "Textiles/clothing"
DROPPED_COLUMNS = ["sector", "measure", "detail"]


def _measures():
    from nkcourse import data

    return data.load("measures")


def _textiles():
    from nkcourse import data

    exports = data.load("exports_by_commodity")
    return exports[exports["commodity"] == TEXTILES]


# ---- q1: the first coal ban ----


def _first_coal(kind: str, last: bool = False) -> str:
    m = _measures()
    rows = m[(m["status"] == "adopted") & (m["sector"] == "coal") & (m["measure"] == kind)]
    ordered = rows.sort_values("date")["resolution"]
    return ordered.iloc[-1] if last else ordered.iloc[0]


q1 = ValueQuestion(
    "q1",
    "first_coal_ban",
    prompt="The number of the resolution that first banned North Korea's coal exports, as text "
    "(e.g. '1718').",
    answer=lambda: _first_coal("ban"),
    solution=(
        'coal = measures[(measures["sector"] == "coal") & (measures["status"] == "adopted")]\n'
        'coal_bans = coal[coal["measure"] == "ban"].sort_values("date")\n'
        'first_coal_ban = coal_bans["resolution"].iloc[0]'
    ),
    hints=[
        "Keep the rows whose sector is 'coal' and whose status is 'adopted'; look at the "
        "measure column.",
        "Keep measure == 'ban', sort by date, and take the resolution of the first row (.iloc[0]).",
    ],
    mistakes=[
        Mistake(
            "That resolution only capped coal (its measure is 'cap'): a cap limits exports, "
            "a ban forbids them. Keep measure == 'ban'.",
            lambda right: _first_coal("cap"),
        ),
        Mistake(
            "That is the full ban, but an earlier resolution had already banned coal (with "
            "exceptions: read its detail). Sort by date and take the first ban.",
            lambda right: _first_coal("ban", last=True),
        ),
        Mistake(
            "Resolution numbers are text in this dataset: put the number in quotes.",
            lambda right: int(right),
        ),
    ],
)


# ---- q2: sectors banned by 2375 ----


def _banned_by_2375(statuses=("adopted",), rows: bool = False, before: bool = False) -> int:
    m = _measures()
    date_2375 = m.loc[m["resolution"] == "2375", "date"].iloc[0]
    in_time = m["date"] < date_2375 if before else m["date"] <= date_2375
    chosen = m[in_time & m["status"].isin(statuses) & (m["measure"] == "ban")]
    return len(chosen) if rows else int(chosen["sector"].nunique())


q2 = ValueQuestion(
    "q2",
    "n_banned_by_2375",
    prompt="How many distinct sectors had been put under a ban (measure 'ban', status "
    "'adopted') by resolution 2375, 2375 included?",
    answer=_banned_by_2375,
    solution=(
        'date_2375 = measures.loc[measures["resolution"] == "2375", "date"].iloc[0]\n'
        "banned = measures[(measures['date'] <= date_2375) & (measures['status'] == 'adopted')\n"
        "                  & (measures['measure'] == 'ban')]\n"
        'n_banned_by_2375 = banned["sector"].nunique()'
    ),
    hints=[
        "Find 2375's date first; then keep the rows up to that date (<=), adopted, with "
        "measure 'ban'.",
        "One sector can be banned by several resolutions: count distinct sectors with "
        "['sector'].nunique().",
    ],
    mistakes=[
        Mistake(
            "That count includes sectors whose ban was dropped in negotiation (the oil "
            "embargo) or that were only capped. Keep status == 'adopted' and measure == 'ban'.",
            lambda right: _banned_by_2375(statuses=("adopted", "dropped", "softened")),
        ),
        Mistake(
            "You counted rows: a sector banned by several resolutions has several rows. "
            "Count distinct sectors with .nunique().",
            lambda right: _banned_by_2375(rows=True),
        ),
        Mistake(
            "That is the count before 2375: include 2375 itself (<=, not <).",
            lambda right: _banned_by_2375(before=True),
        ),
    ],
)


# ---- q3: what was dropped from 2375 ----


def _negotiated(statuses=("dropped",), resolution: str | None = "2375"):
    m = _measures()
    rows = m[m["status"].isin(statuses)]
    if resolution is not None:
        rows = rows[rows["resolution"] == resolution]
    return rows[DROPPED_COLUMNS].reset_index(drop=True)


q3 = FrameQuestion(
    "q3",
    "dropped_2375",
    prompt="The rows of measures for resolution 2375 whose status is 'dropped', with only the "
    "columns sector, measure and detail.",
    answer=_negotiated,
    solution=(
        'dropped_2375 = measures[(measures["resolution"] == "2375")\n'
        '                        & (measures["status"] == "dropped")]'
        '[["sector", "measure", "detail"]]'
    ),
    hints=[
        "Combine two conditions with &, each in brackets: resolution is '2375' (text) and "
        "status is 'dropped'.",
        "Then keep three columns with [['sector', 'measure', 'detail']].",
    ],
    mistakes=[
        Mistake(
            "Your table includes the softened worker ban: 'softened' is a different status "
            "from 'dropped'. Keep status == 'dropped' only.",
            lambda right: _negotiated(statuses=("dropped", "softened")),
        ),
        Mistake(
            "Your table has dropped measures of other resolutions too: also keep "
            "resolution == '2375'.",
            lambda right: _negotiated(resolution=None),
        ),
        Mistake(
            "Your table is empty. resolution holds text, so compare it with '2375' in quotes; "
            "status values are lower case ('dropped').",
            lambda right: right.iloc[0:0],
        ),
    ],
)


# ---- q4: the spread of the textile estimates ----


def _textile_values():
    return _textiles()["value_usd_m"]


def _is_nan(answer) -> bool:
    return isinstance(answer, float) and math.isnan(answer)


q4 = ValueQuestion(
    "q4",
    "textile_spread",
    prompt="The gap between the highest and the lowest stated value of textile exports, in "
    "US$ million (the unit of value_usd_m).",
    answer=lambda: _textile_values().max() - _textile_values().min(),
    solution=(
        'textiles = exports[exports["commodity"] == "Textiles/clothing"]\n'
        'textile_spread = textiles["value_usd_m"].max() - textiles["value_usd_m"].min()'
    ),
    hints=[
        "Keep the rows whose commodity is 'Textiles/clothing'.",
        "The gap is .max() minus .min() of value_usd_m.",
    ],
    mistakes=[
        Mistake.scaled(
            1e6,
            "That looks like dollars. value_usd_m is already in millions of US dollars: "
            "give the gap in US$ million.",
        ),
        Mistake.scaled(-1, "That is lowest minus highest: give highest minus lowest."),
        Mistake(
            "That is a ratio (highest / lowest); the question asks for the difference, in "
            "US$ million.",
            lambda right: _textile_values().max() / _textile_values().min(),
        ),
        Mistake(
            "Your answer is NaN (not a number): share_of_exports_pct is empty for these rows. "
            "Use value_usd_m.",
            lambda right: float("nan"),
            matches=_is_nan,
        ),
    ],
)


# ---- q5: a bar chart of the four estimates ----


def _estimates_chart(rows=None, x: str = "value_usd_m:Q"):
    import altair as alt

    rows = _textiles() if rows is None else rows
    return alt.Chart(rows).mark_bar().encode(x=x, y="stated_by:N")


def _every_commodity():
    from nkcourse import data

    return data.load("exports_by_commodity")


q5 = ChartQuestion(
    "q5",
    "textile_chart",
    prompt="A horizontal bar chart of the textile estimates: value_usd_m on x, stated_by on y.",
    answer=_estimates_chart,
    solution=(
        "textile_chart = alt.Chart(textiles).mark_bar().encode(\n"
        '    x="value_usd_m:Q", y="stated_by:N"\n'
        ")"
    ),
    hints=[
        "Start from alt.Chart(textiles).mark_bar(), with textiles the four rows of q4.",
        'Then .encode(x="value_usd_m:Q", y="stated_by:N").',
    ],
    mistakes=[
        Mistake(
            "Your axes are swapped: values on x, who stated them on y (long names stay readable).",
            lambda right: right.encode(x="stated_by:N", y="value_usd_m:Q"),
        ),
        Mistake(
            "You plotted share_of_exports_pct, which is empty for these rows: plot value_usd_m.",
            lambda right: _estimates_chart(x="share_of_exports_pct:Q"),
        ),
        Mistake(
            "Your chart shows every commodity: first keep the rows whose commodity is "
            "'Textiles/clothing'.",
            lambda right: _estimates_chart(rows=_every_commodity()),
        ),
    ],
)


# ---- q6: the article's sentence ----


def _article_text() -> str:
    from nkcourse import corpus

    return corpus.load(include_user=False)[ARTICLE].text


def _dropped_sentence() -> str:
    from nkcourse import corpus

    sentences = corpus.load(include_user=False).sentences()
    hits = sentences[
        (sentences["doc_id"] == ARTICLE) & sentences["text"].str.contains("oil embargo")
    ]
    return hits["text"].iloc[0]


def _straight_apostrophes(answer) -> bool:
    if not isinstance(answer, str) or "'" not in answer:
        return False
    curly = " ".join(answer.replace("'", "\u2019").split())
    return curly in " ".join(_article_text().split())


q6 = QuoteQuestion(
    "q6",
    "dropped_quote",
    prompt="Copy, word for word, the Cipher Brief sentence that says what was dropped from the "
    "resolution.",
    answer=_dropped_sentence,
    text=_article_text,
    must_mention=["oil embargo"],
    solution=(
        "sentences = corpus.load().sentences()\n"
        "hits = sentences[(sentences['doc_id'] == 'cipher_brief_2017')\n"
        "                 & sentences['text'].str.contains('oil embargo')]\n"
        "dropped_quote = hits['text'].iloc[0]"
    ),
    hints=[
        "Search the article for 'oil embargo', e.g. with c.kwic('oil embargo').",
        "Take the whole sentence from c.sentences() rather than retyping it.",
    ],
    mistakes=[
        Mistake(
            "The article writes \u201cKim Jong-un\u2019s\u201d, not the dataset's spelling "
            "Kim Jong Un: copy the article's words, don't retype them.",
            lambda right: right.replace("Kim Jong-un", "Kim Jong Un"),
            matches=lambda answer: isinstance(answer, str) and "Kim Jong Un" in answer,
        ),
        Mistake(
            "Almost: the article uses curly apostrophes (\u2019), and your text has straight "
            "ones ('). Copy the sentence from the cell output, or take it from c.sentences().",
            lambda right: right.replace("\u2019", "'"),
            matches=_straight_apostrophes,
        ),
    ],
)


# ---- q7: written answer ----

q7 = WrittenQuestion(
    "q7",
    "why_drop_oil",
    prompt="In three to five sentences: why might China and Russia have pushed to drop the oil "
    "embargo from the draft of 2375? Use the articles' own words (in quotation marks) and say "
    "who said them; do not add facts the course's sources do not give.",
    answer=lambda: (
        "According to Michael Morell, the measures were \u201csoftened considerably in "
        "negotiations with the Chinese and the Russians\u201d so that neither would veto the "
        "resolution. The article reports his view that \u201cChina is concerned that tough "
        "sanctions could spell instability in North Korea\u201d: \u201cthey don\u2019t want "
        "millions of North Korean refugees coming north into China\u201d, and they fear "
        "\u201can unstable, nuclear-armed North Korea\u201d. The measures dataset shows the "
        "oil embargo was in the US first draft and dropped from the final text. The FPRI "
        "article adds that China must weigh cooperation \u201cagainst the risk of pushing "
        "North Korea too hard\u201d, and reports Ri Jong Ho saying that North Korea "
        "\u201cpurchases a significant proportion of its oil and fuels from Russia, not just "
        "China\u201d."
    ),
    solution=(
        'why_drop_oil = "According to Morell, the measures were \\"softened considerably ..."'
    ),
    hints=[
        "Reread what Morell says about China's three fears (Cipher Brief, paragraphs 21-23).",
        "The FPRI article has a section 'Why China Won't Help' and a remark on where North "
        "Korea buys its oil: c.kwic('oil').",
    ],
    min_words=40,
)
