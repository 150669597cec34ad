"""Exercise 04: China's trade. Filter comparable rows, compute growth, check a claim.

Every right answer is computed from the packaged ``trade`` dataset and the corpus, so a
corrected dataset corrects the checks too.
"""

from nkcourse.exercises.questions import (
    FRACTION_NOT_PERCENT,
    ChartQuestion,
    FrameQuestion,
    Mistake,
    QuoteQuestion,
    ValueQuestion,
    WrittenQuestion,
)


def trade_table():
    """The trade dataset with its ``compiler_family`` column (as in the lesson)."""
    from nkcourse import data
    from nkcourse.analysis.trade import with_families

    return with_families(data.load("trade"))


def china_annual():
    """Every published annual total of China-DPRK trade in dollars (as in the lesson)."""
    from nkcourse.analysis.trade import annual_totals

    return annual_totals(trade_table(), partners=["China"])


def _article(doc_id: str) -> str:
    from nkcourse import corpus

    return corpus.load(include_user=False)[doc_id].text


def _annual(*, family=None, flow="total", currency="USD"):
    trade = trade_table()
    keep = (
        (trade["partner"] == "China")
        & (trade["period_type"] == "year")
        & (trade["currency"] == currency)
    )
    if flow is not None:
        keep &= trade["flow"] == flow
    if family is not None:
        keep &= trade["compiler_family"] == family
    return trade[keep]


def _gac_total(year: str) -> float:
    rows = _annual(family="GAC")
    return float(rows.loc[rows["period"] == year, "value"].iloc[0])


def _growth_2018() -> float:
    from nkcourse.analysis.trade import growth_pct

    return growth_pct(_gac_total("2017"), _gac_total("2018"))


def _reported(period: str, *, currency=None, compiler_contains="GAC"):
    rows = trade_table()
    rows = rows[
        (rows["partner"] == "China")
        & (rows["period"] == period)
        & (rows["flow"] == "total")
        & rows["yoy_change_pct"].notna()
        & rows["compiler"].str.contains(compiler_contains)
    ]
    if currency is not None:
        rows = rows[rows["currency"] == currency]
    return rows.iloc[0]


def _q1_answer():
    row = _reported("2017-Q1", compiler_contains="GAC")
    return float(row["yoy_change_pct"]), str(row["currency"])


def _first_number(answer):
    first = answer[0] if isinstance(answer, tuple | list) and answer else None
    return first if isinstance(first, int | float) and not isinstance(first, bool) else None


def _is_evening_standard(answer) -> bool:
    number = _first_number(answer)
    standard = _reported("2017-Q1", compiler_contains="Evening Standard")["yoy_change_pct"]
    return number is not None and abs(number - standard) < 0.05


def _itc_2016_total(partner: str) -> float:
    trade = trade_table()
    rows = trade[
        (trade["partner"] == partner)
        & (trade["period"] == "2016")
        & (trade["flow"] == "total")
        & (trade["compiler_family"] == "ITC")
    ]
    return float(rows["value"].iloc[0])


def _components_2016() -> float:
    """China's 2016 exports plus imports from Statistics Korea: another compiler's parts."""
    trade = trade_table()
    rows = trade[
        (trade["partner"] == "China")
        & (trade["period"] == "2016")
        & (trade["compiler_family"] == "Statistics Korea")
    ]
    return float(rows["value"].sum())


def _model_verdict() -> str:
    q1_growth, q1_currency = _q1_answer()
    standard = _reported("2017-Q1", compiler_contains="Evening Standard")["yoy_change_pct"]
    h1 = _reported("2017-H1")
    return (
        f"Partly. GAC reported that China-DPRK trade grew {q1_growth:g}% in the first quarter "
        f"of 2017, in {q1_currency}, and the Evening Standard cited {standard:g}%, so 'almost "
        f"40%' matches the first-quarter figure. Over the first half of 2017, GAC reported "
        f"{h1['yoy_change_pct']:g}% in {h1['currency']}, because imports from the DPRK fell "
        "after China suspended coal imports in February. The tweet fits one quarter in yuan "
        "but not the half-year the FPRI article uses it for."
    )


def _annual_chart(mark="point", color="compiler_family:N"):
    import altair as alt

    chart = alt.Chart(china_annual())
    chart = chart.mark_line() if mark == "line" else chart.mark_point()
    return chart.encode(x="year:O", y="value:Q", color=color)


q1 = QuoteQuestion(
    "q1",
    "tweet",
    prompt=(
        "Quote, word for word from the FPRI article, the sentence of President Trump's tweet "
        "that gives the growth figure."
    ),
    answer=lambda: "Trade between China and North Korea grew almost 40% in the first quarter.",
    text=lambda: _article("fpri_2017"),
    must_mention=["40%"],
    solution=(
        'tweet = "Trade between China and North Korea grew almost 40% in the first quarter."'
    ),
    hints=[
        'corpus.load()["fpri_2017"].text holds the article; c.kwic("40%") finds the place.',
        "Copy the tweet's first sentence, from 'Trade' to 'quarter.'",
    ],
    mistakes=[
        Mistake(
            "That is Trump in the Cipher Brief, on resolution 2375. Quote his tweet about "
            "trade, which the FPRI article quotes.",
            lambda right: "another very small step, not a big deal.",
            matches=lambda answer: (
                isinstance(answer, str)
                and len(answer.split()) >= 3
                and " ".join(answer.split()) in " ".join(_article("cipher_brief_2017").split())
            ),
        )
    ],
)

q2 = FrameQuestion(
    "q2",
    "gac_annual",
    prompt=(
        "From trade, keep the rows of China's annual total trade compiled by GAC (Chinese "
        "customs), in USD: partner China, period_type year, flow total, compiler_family GAC, "
        "currency USD. Keep all columns."
    ),
    answer=lambda: _annual(family="GAC"),
    solution=(
        "gac_annual = trade[(trade.partner == 'China') & (trade.period_type == 'year')\n"
        "                   & (trade.flow == 'total') & (trade.compiler_family == 'GAC')\n"
        "                   & (trade.currency == 'USD')]"
    ),
    hints=[
        "Combine five conditions with &, each in brackets: (trade.partner == 'China') & ...",
        "Filter on compiler_family, not compiler: GAC's figures come through several outlets, "
        "so its compiler column is spelt several ways.",
    ],
    mistakes=[
        Mistake(
            "You kept every compiler (KOTRA, KIEP, ITC, ...). Keep only compiler_family == "
            "'GAC': mixing compilers is how two sources' differences look like growth.",
            lambda right: _annual(),
        ),
        Mistake(
            "You kept exports and imports as well as the total: add flow == 'total'.",
            lambda right: _annual(family="GAC", flow=None),
        ),
    ],
)

q3 = ValueQuestion(
    "q3",
    "growth_2018",
    prompt=(
        "Compute the growth of China-DPRK total trade from 2017 to 2018, in percent, from "
        "GAC's two USD levels (not the reported rate)."
    ),
    answer=_growth_2018,
    solution=(
        "old = gac_annual.loc[gac_annual.period == '2017', 'value'].iloc[0]\n"
        "new = gac_annual.loc[gac_annual.period == '2018', 'value'].iloc[0]\n"
        "growth_2018 = (new - old) / old * 100"
    ),
    hints=[
        "Growth in % = (new - old) / old * 100, where old is 2017 and new is 2018.",
        "Pick each level with .loc[gac_annual.period == '2017', 'value'].iloc[0].",
    ],
    mistakes=[
        FRACTION_NOT_PERCENT,
        Mistake(
            "You divided by the 2018 level: growth is measured from the earlier year, so "
            "divide by the 2017 level.",
            lambda right: (_gac_total("2017") - _gac_total("2018")) / _gac_total("2018") * 100,
        ),
        Mistake(
            "That is the rate GAC reported (the yoy_change_pct column). The question asks "
            "you to compute it from the two levels; compare the two afterwards.",
            lambda right: float(_reported("2018")["yoy_change_pct"]),
        ),
    ],
    abs_tol=0.01,
)

q4 = ValueQuestion(
    "q4",
    ("q1_growth", "q1_currency"),
    prompt=(
        "What growth of China-DPRK total trade did GAC report for the first quarter of 2017 "
        "(period '2017-Q1'), in percent, and in which currency (as the currency column "
        "writes it)?"
    ),
    answer=_q1_answer,
    solution=(
        "row = trade[(trade.period == '2017-Q1') & (trade.flow == 'total')\n"
        "            & trade.compiler.str.contains('GAC') & trade.yoy_change_pct.notna()]\n"
        "q1_growth = row.yoy_change_pct.iloc[0]\n"
        "q1_currency = row.currency.iloc[0]"
    ),
    hints=[
        "Keep period '2017-Q1', flow 'total', and rows whose yoy_change_pct is filled in.",
        "One of those rows is the Evening Standard's; GAC's own row has 'GAC' in compiler.",
    ],
    mistakes=[
        Mistake(
            "That is the first half-year (2017-H1), in dollars. The tweet is about the "
            "first quarter, whose growth GAC gave in yuan.",
            lambda right: (
                float(_reported("2017-H1")["yoy_change_pct"]),
                str(_reported("2017-H1")["currency"]),
            ),
        ),
        Mistake(
            "The number is right, but that growth rate was computed in yuan (CNY), not in "
            "dollars: the currency column says so.",
            lambda right: (right[0], "USD"),
        ),
        Mistake(
            "That is the figure the Evening Standard cited; the question asks for GAC's own "
            "report (its compiler contains 'GAC').",
            lambda right: (
                float(_reported("2017-Q1", compiler_contains="Evening Standard")["yoy_change_pct"]),
                "CNY",
            ),
            matches=_is_evening_standard,
        ),
    ],
    abs_tol=0.001,
)

q5 = ValueQuestion(
    "q5",
    ("larger_2016", "times_larger"),
    prompt=(
        "In 2016, which partner traded more with the DPRK, China or Russia, and how many "
        "times larger was its total? Use one compiler for both: ITC, the only one with a "
        "2016 total for each."
    ),
    answer=lambda: ("China", _itc_2016_total("China") / _itc_2016_total("Russia")),
    solution=(
        "itc = trade[(trade.period == '2016') & (trade.flow == 'total')\n"
        "            & (trade.compiler_family == 'ITC')].set_index('partner')['value']\n"
        "larger_2016 = 'China'\n"
        "times_larger = itc['China'] / itc['Russia']"
    ),
    hints=[
        "Keep period '2016', flow 'total' and compiler_family 'ITC': one row per partner.",
        "Divide the larger total by the smaller one.",
    ],
    mistakes=[
        Mistake(
            "You divided the smaller total by the larger one: divide the larger by the smaller.",
            lambda right: ("China", 1 / right[1]),
        ),
        Mistake(
            "Look again: Russia's 2016 total is far smaller than China's.",
            lambda right: ("Russia", right[1]),
            matches=lambda answer: (
                isinstance(answer, tuple | list)
                and isinstance(answer[0], str)
                and answer[0].strip().casefold() == "russia"
            ),
        ),
        Mistake(
            "You used Statistics Korea's exports and imports for China against ITC's total "
            "for Russia: compare figures from the same compiler (ITC).",
            lambda right: ("China", _components_2016() / _itc_2016_total("Russia")),
        ),
    ],
    rel_tol=1e-4,
)

q6 = ChartQuestion(
    "q6",
    "annual_chart",
    prompt=(
        "Draw china_annual as dots (mark_point): year on x, value on y, coloured by "
        "compiler_family."
    ),
    answer=_annual_chart,
    solution=(
        "annual_chart = alt.Chart(china_annual).mark_point().encode(\n"
        '    x="year:O", y="value:Q", color="compiler_family:N"\n'
        ")"
    ),
    hints=[
        "Start from alt.Chart(china_annual).mark_point().",
        'Then .encode(x="year:O", y="value:Q", color="compiler_family:N").',
    ],
    mistakes=[
        Mistake(
            "A line joins years the data lacks (KOTRA jumps from 2010 to 2013) and makes "
            "them look known: draw dots with mark_point().",
            lambda right: _annual_chart(mark="line"),
        ),
        Mistake(
            "Colour by compiler_family, not compiler: compiler spells one organisation "
            "several ways (GAC (Reuters), GAC (via Yonhap), ...).",
            lambda right: _annual_chart(color="compiler:N"),
        ),
    ],
)

q7 = WrittenQuestion(
    "q7",
    "verdict",
    prompt=(
        "In three to five sentences: was Trump's 'almost 40%' right? Say which figure it "
        "matches (period, currency, who reported it) and what the first-half figure adds."
    ),
    answer=lambda: _model_verdict(),
    solution='verdict = "Partly. GAC reported +37.4% for 2017-Q1, in yuan ..."',
    hints=[
        "Look at the claims row C06 and the reported growth table of the lesson.",
        "Name the period and the currency of each figure you use.",
    ],
    min_words=30,
)
