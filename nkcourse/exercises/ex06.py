"""Exercise 06: perspectives. Find arguments in the corpus, say who speaks, count, chart.

Every right answer is computed from the packaged corpus and the ``people`` dataset, so a
corrected dataset corrects the checks too.
"""

from nkcourse.exercises.questions import (
    ChartQuestion,
    FrameQuestion,
    Mistake,
    QuoteQuestion,
    ValueQuestion,
    WrittenQuestion,
)

CB, FPRI = "cipher_brief_2017", "fpri_2017"


def _corpus():
    from nkcourse import corpus

    return corpus.load(include_user=False)


def voiced_quotes():
    """Every quotation with its speaker's ``speaks_for`` and voice group (as in the lesson)."""
    from nkcourse import data
    from nkcourse.analysis.sources import quotes_with_voices

    return quotes_with_voices(_corpus().quotes(), data.load("people"))


def _reasons_para() -> int:
    quotes = _corpus().quotes()
    morell = quotes[
        (quotes["speaker"] == "Michael Morell") & quotes["text"].str.contains("refugees")
    ]
    return int(morell["para_no"].iloc[0])


def _announcing_para() -> int:
    sentences = _corpus().sentences()
    announcing = sentences[
        (sentences["doc_id"] == CB) & sentences["text"].str.contains("three major reasons")
    ]
    return int(announcing["para_no"].iloc[0])


def _voices_for(doc_id: str, groups=("China", "DPRK")) -> list[str]:
    voiced = voiced_quotes()
    kept = voiced[(voiced["doc_id"] == doc_id) & voiced["speaks_for"].isin(groups)]
    return sorted(kept["speaker"].unique())


def _mentions(actor: str) -> dict[str, int]:
    mentions = _corpus().mentions()
    rows = mentions[mentions["actor"] == actor]
    return dict(zip(rows["doc_id"], rows["mentions"].astype(int), strict=True))


def _word_counts(word: str) -> dict[str, int]:
    """Uses of the word alone (kwic), without the aliases ``mentions()`` folds in."""
    lines = _corpus().kwic(word)
    return {doc_id: int((lines["doc_id"] == doc_id).sum()) for doc_id in (CB, FPRI)}


def _said_vs_other(said=("said",)):
    quotes = _corpus().quotes()
    grouped = quotes.assign(cue_group=quotes["cue"].isin(said).map({True: "said", False: "other"}))
    counted = grouped.groupby(["doc_id", "cue_group"], as_index=False).agg(quotes=("text", "size"))
    return counted


def _russia_answer():
    counts = _mentions("Russia")
    top = max(counts, key=counts.get)
    return top, counts[top]


def _voices_chart(y="speaks_for:N"):
    import altair as alt

    return alt.Chart(voiced_quotes()).mark_bar().encode(y=y, x="count():Q")


def _buffer_sentence() -> str:
    sentences = _corpus().sentences()
    fpri = sentences[(sentences["doc_id"] == FPRI) & sentences["text"].str.contains("buffer")]
    return str(fpri["text"].iloc[0])


def _article(doc_id: str) -> str:
    return _corpus()[doc_id].text


def _in_article(answer, doc_id: str) -> bool:
    words = answer.split() if isinstance(answer, str) else []
    return len(words) >= 3 and " ".join(words) in " ".join(_article(doc_id).split())


def _model_note() -> str:
    from nkcourse import data
    from nkcourse.analysis import arguments as ar

    argmap = ar.argument_map(_corpus(), data.load("people"), data.load("claims"))
    paths = ar.filter_paths(ar.argument_paths(argmap), article=FPRI, theme=ar.MOSCOW)
    claim = paths["claim"].iloc[0]
    checks = paths[paths["data_id"] != ""]
    verdicts = "; ".join(f"{row.data_id}: {row.verdict}" for row in checks.itertuples())
    return (
        f"Claim (FPRI, paragraph 10, the author's own voice): “{claim}” The article supports "
        f"it with {paths['support_id'].nunique()} sentences of its own: Russia 'has hinted at "
        "expanding its ties', a new Rajin–Vladivostok ferry, first-quarter trade that 'rose "
        "significantly in dollar-terms', and Russia's isolation. No Russian or North Korean "
        "official is quoted; the speaker throughout is the author. The claims dataset checks "
        f"two of the sentences ({verdicts}): the ferry is confirmed, but no first-quarter "
        "Russia–DPRK figure was found, only January–February. So the argument rests on one "
        "confirmed fact, one not checkable with our data and the author's reading of Russia's "
        "interests: partly supported by what the article and the data show."
    )


q1 = ValueQuestion(
    "q1",
    "reasons_para",
    prompt=(
        "In the Cipher Brief, in which paragraph (para_no) does Michael Morell give his three "
        "reasons why China fears instability in North Korea, in his own words?"
    ),
    answer=_reasons_para,
    solution=(
        "morell = quotes[(quotes.speaker == 'Michael Morell')\n"
        "                & quotes.text.str.contains('refugees')]\n"
        "reasons_para = int(morell.para_no.iloc[0])"
    ),
    hints=[
        "The reasons are a quotation: filter quotes on speaker 'Michael Morell'.",
        "Keep the quotation that mentions refugees (the first reason) and read its para_no.",
    ],
    mistakes=[
        Mistake(
            "That paragraph announces the reasons (“for three major reasons, he said”); the "
            "reasons themselves are in Morell's quotation in the next paragraph.",
            lambda right: _announcing_para(),
        )
    ],
)

q2 = ValueQuestion(
    "q2",
    ("cb_voices", "fpri_voices"),
    prompt=(
        "For each article, list the names of the quoted speakers who speak for China or the "
        "DPRK (speaks_for 'China' or 'DPRK' in voiced): cb_voices for the Cipher Brief, "
        "fpri_voices for FPRI, each a list of names sorted alphabetically."
    ),
    answer=lambda: (_voices_for(CB), _voices_for(FPRI)),
    solution=(
        "official = voiced[voiced.speaks_for.isin(['China', 'DPRK'])]\n"
        "cb_voices = sorted(official[official.doc_id == 'cipher_brief_2017'].speaker.unique())\n"
        "fpri_voices = sorted(official[official.doc_id == 'fpri_2017'].speaker.unique())"
    ),
    hints=[
        "Filter voiced on speaks_for with .isin(['China', 'DPRK']), then on doc_id.",
        "sorted(frame.speaker.unique()) gives each name once, as a list.",
    ],
    mistakes=[
        Mistake(
            "Those are counts of how often each article names China (corpus mentions). The "
            "question asks who is quoted speaking for China or the DPRK: a list of names.",
            lambda right: (_mentions("China")[CB], _mentions("China")[FPRI]),
        ),
        Mistake(
            "The two lists are swapped: the Cipher Brief quotes Pyongyang's ambassador, FPRI "
            "Beijing's.",
            lambda right: (right[1], right[0]),
        ),
        Mistake(
            "Ri Jong Ho is a former DPRK official who speaks for himself, and FPRI paraphrases "
            "him rather than quoting him: he is not in voiced.",
            lambda right: (right[0], sorted([*right[1], "Ri Jong Ho"])),
            matches=lambda answer: any(
                isinstance(names, list | tuple) and "Ri Jong Ho" in names
                for names in (answer if isinstance(answer, tuple | list) else ())
            ),
        ),
    ],
)

q3 = FrameQuestion(
    "q3",
    "said_vs_other",
    prompt=(
        "How do the articles introduce their quotations? Make a DataFrame with columns "
        "doc_id, cue_group ('said' when the cue is exactly 'said', otherwise 'other') and "
        "quotes (how many quotations), one row per article and cue_group that occurs."
    ),
    answer=_said_vs_other,
    solution=(
        "grouped = quotes.assign(cue_group=quotes.cue.where(quotes.cue == 'said', 'other'))\n"
        "said_vs_other = grouped.groupby(['doc_id', 'cue_group'], as_index=False).agg(\n"
        "    quotes=('text', 'size'))"
    ),
    hints=[
        "quotes.cue.where(quotes.cue == 'said', 'other') keeps 'said' and replaces the rest.",
        "Group by both doc_id and cue_group, and count rows with .agg(quotes=('text', 'size')).",
    ],
    mistakes=[
        Mistake(
            "Count per article as well: group by doc_id and cue_group, not cue_group alone.",
            lambda right: right.groupby("cue_group", as_index=False)["quotes"].sum(),
            matches=lambda answer: (
                type(answer).__name__ == "DataFrame"
                and "doc_id" not in answer.columns
                and "cue_group" in answer.columns
            ),
        ),
        Mistake(
            "Only the cue 'said' counts as said: 'says' and 'saying' are other cues, even "
            "though they contain the same verb.",
            lambda right: _said_vs_other(said=("said", "says", "saying")),
        ),
    ],
)

q4 = ValueQuestion(
    "q4",
    ("russia_article", "russia_mentions"),
    prompt=(
        "Which article names Russia more often, counting Moscow, Russian and the other "
        "aliases as Russia (corpus mentions), and how many times? Give its doc_id and the count."
    ),
    answer=_russia_answer,
    solution=(
        "russia = mentions[mentions.actor == 'Russia'].sort_values('mentions', ascending=False)\n"
        "russia_article = russia.doc_id.iloc[0]\n"
        "russia_mentions = int(russia.mentions.iloc[0])"
    ),
    hints=[
        "articles.mentions() has one row per article and actor; keep actor == 'Russia'.",
        "Sort by mentions, largest first, and read the first row.",
    ],
    mistakes=[
        Mistake(
            "FPRI gives Russia a paragraph of its own, but the count says otherwise: compare "
            "the mentions of Russia in both articles.",
            lambda right: (FPRI, _mentions("Russia")[FPRI]),
        ),
        Mistake(
            "That counts the word “Russia” alone (kwic). mentions() also counts Moscow, "
            "Russian and Russians, which is what the question asks for.",
            lambda right: (right[0], _word_counts("Russia")[right[0]]),
            matches=lambda answer: (
                isinstance(answer, tuple | list)
                and len(answer) == 2
                and answer[1] in set(_word_counts("Russia").values())
            ),
        ),
    ],
)

q5 = ChartQuestion(
    "q5",
    "voices_chart",
    prompt=(
        "Draw a bar chart (mark_bar) of the number of quotations per speaks_for value in "
        "voiced: speaks_for on y, count() on x."
    ),
    answer=_voices_chart,
    solution='voices_chart = alt.Chart(voiced).mark_bar().encode(y="speaks_for:N", x="count():Q")',
    hints=[
        "Start from alt.Chart(voiced).mark_bar().",
        'Then .encode(y="speaks_for:N", x="count():Q"): Altair counts the rows per bar.',
    ],
    mistakes=[
        Mistake(
            "That gives one bar per person. The question asks per speaks_for category: put "
            "speaks_for on y.",
            lambda right: _voices_chart(y="speaker:N"),
        ),
        Mistake(
            "voice groups several speaks_for values together (former U.S. officials with "
            "serving ones). Put the dataset's own speaks_for column on y.",
            lambda right: _voices_chart(y="voice:N"),
        ),
    ],
)

q6 = QuoteQuestion(
    "q6",
    "buffer_sentence",
    prompt=(
        "Quote, word for word from the FPRI article, the sentence that gives the buffer-state "
        "argument for why China keeps North Korea afloat."
    ),
    answer=_buffer_sentence,
    text=lambda: _article(FPRI),
    must_mention=["buffer"],
    min_words=10,
    solution=(
        "fpri = sentences[sentences.doc_id == 'fpri_2017']\n"
        "buffer_sentence = fpri[fpri.text.str.contains('buffer')].text.iloc[0]"
    ),
    hints=[
        "articles.kwic('buffer') finds the place; articles.sentences() has the whole sentence.",
        "It is in paragraph 5 and starts with “China has a geopolitical interest”.",
    ],
    mistakes=[
        Mistake(
            "That is from the Cipher Brief (Morell's reasons). The buffer-state argument is "
            "the FPRI article's own: quote from fpri_2017.",
            lambda right: (
                "they fear that instability in North Korea could lead to reunification with a "
                "united Korea that is aligned with the U.S. sitting right on China’s border"
            ),
            matches=lambda answer: _in_article(answer, CB),
        )
    ],
)

q7 = WrittenQuestion(
    "q7",
    "argument_map_note",
    prompt=(
        "Map one argument of your choice from either article: quote the claim (with its "
        "paragraph), list the evidence the article offers for it, say who speaks (the author, "
        "a named official, data), and judge in two or three sentences how well supported it "
        "is, using the claims dataset where it applies."
    ),
    answer=_model_note,
    solution='argument_map_note = "Claim (FPRI, paragraph 10): “The U.S. could attempt ...”"',
    hints=[
        "The lesson's explorer lists every claim with its support; choose one.",
        "Who speaks matters: the author's own sentences, a quoted official, or a data check.",
    ],
    min_words=60,
)
