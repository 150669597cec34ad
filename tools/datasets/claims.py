"""``claims``: checkable statements from the two articles, for the fact-checking lesson.

Each quote is verbatim (the build checks it against the raw article). ``evidence_query``
selects the evidence rows: ``data.load(evidence_dataset).query(evidence_query)``. The
tests check that it selects rows and that every number in ``what_the_data_says`` is in
them.
"""

from tools.datasets.corpus import require_in_article

COLUMNS = [
    "claim_id",
    "doc_id",
    "speaker",
    "quote",
    "claim",
    "evidence_dataset",
    "evidence_query",
    "what_the_data_says",
    "verdict",
    "notes",
]
CB, FPRI = "cipher_brief_2017", "fpri_2017"
NARRATION = "the article (narration)"


def _c(claim_id, doc_id, speaker, quote, claim, dataset, query, says, verdict, notes=""):
    return dict(
        zip(
            COLUMNS,
            (claim_id, doc_id, speaker, quote, claim, dataset, query, says, verdict, notes),
            strict=True,
        )
    )


CLAIMS = [
    _c(
        "C01",
        CB,
        NARRATION,
        "The United Nations Security Council on Monday night unanimously passed measures",
        "The Security Council adopted the new sanctions (resolution 2375) unanimously, on a "
        "Monday.",
        "resolutions",
        'resolution == "2375"',
        "Resolution 2375 is dated 2017-09-11, a Monday, with 15 votes for, 0 against and 0 "
        "abstentions.",
        "supported",
    ),
    _c(
        "C02",
        CB,
        NARRATION,
        "in response to the country\u2019s sixth and largest nuclear test",
        "The test that triggered the sanctions was North Korea's sixth and largest.",
        "nuclear_tests",
        "test_no > 0",
        "Six tests are listed. The sixth, on 2017-09-03, has the highest magnitude from both "
        "agencies: USGS mb 6.3 and CTBTO mb 6.1, against USGS 5.3 and CTBTO 5.1 for the next "
        "largest, on 2016-09-09.",
        "supported",
        "Magnitude, not yield: the yield estimates for the sixth test (nuclear_yields) run "
        "from 50 to 280 kt, all above those for earlier tests.",
    ),
    _c(
        "C03",
        CB,
        NARRATION,
        "banning textile exports \u2014 a key source of hard currency",
        "Textiles were a key source of North Korea's hard currency.",
        "exports_by_commodity",
        'commodity in ["Textiles/clothing", "Clothing"]',
        "Estimates of textile export revenue differ: 752 (KOTRA, 2016), 760 (US officials, "
        "3-year average; unverified), about 800 (Japan) and about 950 (Australia) USD million "
        "a year. KOTRA put clothing at 800 USD million in 2015, 29.7% of DPRK exports.",
        "supported",
        "The size depends on who is counting; no source puts it below 752 USD million.",
    ),
    _c(
        "C04",
        CB,
        NARRATION,
        "with an oil embargo and freeze on Kim Jong-un\u2019s assets ultimately dropped",
        "The oil embargo and the freeze on Kim Jong-un's assets were dropped from the final text.",
        "measures",
        'resolution == "2375" and status != "adopted"',
        "For 2375, the US draft's total embargo on crude oil, refined products and natural gas "
        "liquids and its asset freeze and travel ban on Kim Jong Un were dropped; so was the "
        "authority to interdict vessels without flag-state consent, and the ban on hiring "
        "DPRK workers was softened.",
        "supported",
    ),
    _c(
        "C05",
        FPRI,
        NARRATION,
        "China is North Korea\u2019s largest trading partner by far",
        "China accounts for most of North Korea's trade.",
        "trade",
        '(share_of_dprk_trade_pct > 0) or (partner == "Russia" and period == "2013")',
        "China's share of North Korea's total trade: 88.3% (2012, KOTRA), 89.1% (2013, "
        "KOTRA), 91.3% (2015, KOTRA) and 91.5% (2016, ITC). Russia, named by KOTRA as the "
        "second-largest partner in 2013, traded 104 USD million that year against China's "
        "6540.",
        "supported",
    ),
    _c(
        "C06",
        FPRI,
        "Donald Trump (tweet quoted in the article)",
        "Trade between China and North Korea grew almost 40% in the first quarter.",
        "China-DPRK trade grew by almost 40% in the first quarter of 2017.",
        "trade",
        'partner == "China" and period in ["2017-Q1", "2017-H1"] and flow == "total"',
        "Chinese customs (GAC) put first-quarter 2017 trade at CNY 8400 million, up 37.4% in "
        "yuan terms (about USD 1220 million by the source's own conversion, with no dollar "
        "growth rate); the Evening Standard cited +36.8% from Chinese customs. For the first "
        "half of 2017, GAC reported USD 2550 million, up 10.5% in dollar terms.",
        "partly supported",
        "Almost 40% matches the yuan growth of the first quarter only. The article uses the "
        "tweet to back a first-half increase, which was 10.5% in dollars.",
    ),
    _c(
        "C07",
        FPRI,
        NARRATION,
        "trade between China and North Korea showed a significant increase in the first half "
        "of 2017",
        "China-DPRK trade rose markedly in the first half of 2017.",
        "trade",
        'partner == "China" and period == "2017-H1"',
        "GAC: first-half 2017 trade USD 2550 million, up 10.5%; China's exports to the DPRK "
        "1670 (+29.1%), its imports from the DPRK 880 (-13.2%).",
        "partly supported",
        "Trade did rise, but by 10.5%, all of it from Chinese exports; imports from the North "
        "fell after China suspended coal imports in February.",
    ),
    _c(
        "C08",
        FPRI,
        NARRATION,
        "In the first quarter of 2017, trade between Russia and North Korea rose significantly "
        "in dollar-terms compared with the same period in the previous year.",
        "Russia-DPRK trade rose markedly in the first quarter of 2017, in dollars.",
        "trade",
        'partner == "Russia" and period == "2017-01..02"',
        "No Russia-DPRK figure for the first quarter of 2017 was found. For January-February "
        "2017, the Russian Ministry of Economic Development reported trade up 73%: Russian "
        "exports 19.5 USD million (+149.1%), imports 0.3 (-91.9%).",
        "not checkable with our data",
        "The two months we have point the same way, but they are not the quarter the article "
        "names.",
    ),
    _c(
        "C09",
        FPRI,
        NARRATION,
        "The U.S. decision to approve a $1.4 billion arms sale package to Taiwan",
        "The US approved a USD 1.4 billion arms package for Taiwan.",
        "events",
        '"2017-06-29" <= date < "2017-06-30"',
        "On 2017-06-29 the State Department notified Congress of seven proposed sales to "
        'Taiwan "now valued about $1.42 billion"; some outlets rounded this to $1.4bn.',
        "supported",
    ),
    _c(
        "C10",
        FPRI,
        NARRATION,
        "Earlier this year, a new ferry route opened between North Korea\u2019s Rajin Port and "
        "Vladivostok in Russia.",
        "A Rajin-Vladivostok ferry route opened in 2017.",
        "events",
        '"2017-05-17" <= date < "2017-05-19"',
        "The Man Gyong Bong left Rajin on 2017-05-17 and reached Vladivostok on 2017-05-18, "
        "opening a once-weekly cargo-passenger service.",
        "supported",
        "The sources disagree on the ferry's cargo capacity, not on the dates.",
    ),
    _c(
        "C11",
        FPRI,
        NARRATION,
        "North Korea successfully tested an inter-continental ballistic missile capable of "
        "reaching Alaska",
        "North Korea successfully tested an ICBM able to reach Alaska.",
        "missile_tests",
        "id == 111",
        "CNS lists a Hwasong-14 ICBM launched on 2017-07-04 at 00:40 UTC (the same date in "
        "Korea) from Panghyon, outcome Success, apogee 2802 km, distance 933 km.",
        "partly supported",
        "The successful ICBM test is in the data; its range on a normal trajectory is not. The "
        "CNS apogee and distance equal North Korea's own claims.",
    ),
    _c(
        "C12",
        CB,
        "Susan Thornton",
        "Just last month, we rolled out new sanctions targeting Russian and Chinese individuals "
        "and entities",
        "In August 2017 the US sanctioned Russian and Chinese individuals and entities.",
        "events",
        '("2017-08-22" <= date < "2017-08-23") or ("2017-09-12" <= date < "2017-09-13")',
        "On 2017-08-22 the US Treasury (OFAC) designated 10 entities and 6 individuals, mainly "
        "Chinese and Russian. Thornton testified on 2017-09-12, the following month.",
        "supported",
    ),
]


def build(corpus_dir) -> list[dict]:
    for claim in CLAIMS:
        require_in_article(corpus_dir, claim["doc_id"], claim["quote"])
    return CLAIMS
