"""``people``: everyone quoted or named in the two articles, with the role the article (or,
failing that, ../shared/facts/articles.md) gives them. No role is inferred: where neither
states one, the role is "not stated".

``speaks_for`` is the country or body the stated role makes them speak for; former
officials speak for themselves. The build checks every ``name_in_text`` and every role
quoted from an article against the raw article text.
"""

from tools.datasets.corpus import require_in_article

COLUMNS = [
    "person",
    "name_in_text",
    "doc_ids",
    "quoted",
    "role",
    "role_status",
    "speaks_for",
    "source",
    "notes",
]
CB, FPRI = "cipher_brief_2017", "fpri_2017"
ARTICLE = "article text"
ARTICLES_MD = "../shared/facts/articles.md"
NOT_STATED = "not stated"


def _p(person, name_in_text, doc_ids, quoted, role, role_status, speaks_for, source, notes=""):
    return {
        "person": person,
        "name_in_text": name_in_text,
        "doc_ids": ";".join(doc_ids),
        "quoted": quoted,
        "role": role,
        "role_status": role_status,
        "speaks_for": speaks_for,
        "source": source,
        "notes": notes,
    }


PEOPLE = [
    _p(
        "Nikki Haley",
        "Nikki Haley",
        [CB],
        "yes",
        "U.S. Ambassador to the UN",
        "verified",
        "United States",
        ARTICLE,
    ),
    _p(
        "Dennis Wilder",
        "Dennis Wilder",
        [CB],
        "yes",
        "Special Assistant to the President and Senior Director for East Asian Affairs during "
        "President George W. Bush\u2019s second term",
        "verified",
        "himself (former U.S. official)",
        ARTICLE,
        "articles.md: his 2017 affiliation was not retrieved.",
    ),
    _p(
        "Donald Trump",
        "Trump",
        [CB, FPRI],
        "yes",
        "President",
        "verified",
        "United States",
        ARTICLE,
        '"President Donald Trump" (cipher_brief_2017), "President Trump" (fpri_2017).',
    ),
    _p(
        "Michael Morell",
        "Michael Morell",
        [CB],
        "yes",
        "former CIA Acting Director",
        "verified",
        "himself (former U.S. official)",
        ARTICLE,
    ),
    _p(
        "Han Tae Song",
        "Han Tae Song",
        [CB],
        "yes",
        "North Korea\u2019s ambassador to the United Nations",
        "verified",
        "DPRK",
        ARTICLE,
        "articles.md: DPRK Ambassador to the UN in Geneva (envoy to the Conference on "
        "Disarmament).",
    ),
    _p(
        "Steven Mnuchin",
        "Steven Mnuchin",
        [CB],
        "yes",
        "Treasury Secretary",
        "verified",
        "United States",
        ARTICLE,
    ),
    _p(
        "Susan Thornton",
        "Susan Thornton",
        [CB],
        "yes",
        "Acting Assistant Secretary of State for East Asian and Pacific Affairs",
        "verified",
        "United States",
        ARTICLE,
    ),
    _p(
        "Marshall Billingslea",
        "Marshall Billingslea",
        [CB],
        "yes",
        "Treasury Assistant Secretary for Terrorist Financing",
        "verified",
        "United States",
        ARTICLE,
    ),
    _p(
        "George W. Bush",
        "George W. Bush",
        [CB],
        "no",
        "President",
        "verified",
        "United States",
        ARTICLE,
        "Named only to date Wilder's post.",
    ),
    _p(
        "Kim Jong-un",
        "Kim Jong-un",
        [CB],
        "no",
        NOT_STATED,
        NOT_STATED,
        NOT_STATED,
        ARTICLE,
        'Also called "Kim" in the article.',
    ),
    _p(
        "Mackenzie Weinger",
        "Mackenzie Weinger",
        [CB],
        "no",
        "national security reporter at The Cipher Brief",
        "verified",
        "The Cipher Brief",
        ARTICLE,
        "Author: the closing bio of the raw text names her; articles.md marks the "
        "byline unverified because its retrieved copy lacked the bio.",
    ),
    _p(
        "Benjamin Katzeff Silberstein",
        "",
        [FPRI],
        "no",
        "Associate Scholar, FPRI; co-editor of North Korean Economy Watch",
        "verified",
        "Foreign Policy Research Institute",
        ARTICLES_MD,
        "Author: the byline is not in the raw text; articles.md found it in two syndicated copies.",
    ),
    _p(
        "James R. Clapper",
        "James R. Clapper",
        [FPRI],
        "yes",
        "then-National Intelligence Director",
        "verified",
        "United States",
        ARTICLE,
    ),
    _p(
        "Cui Tiankai",
        "Cui Tiankai",
        [FPRI],
        "yes",
        "PRC Ambassador to the United States",
        "verified",
        "China",
        ARTICLE,
    ),
    _p(
        "Ri Jong Ho",
        "Ri Jong Ho",
        [FPRI],
        "no",
        "a former North Korean official from the illusive Bureau 39 of the Korean Worker\u2019s "
        "Party",
        "verified",
        "himself (former DPRK official)",
        ARTICLE,
        'Paraphrased ("according to Ri"), not quoted. articles.md: defected Oct 2014.',
    ),
    _p(
        "Rensselaer Lee",
        "Renssealer Lee",
        [FPRI],
        "no",
        "Analyst of illicit trade and transnational crime (commonly described as Rensselaer W. "
        "Lee III, FPRI senior fellow)",
        "unverified",
        NOT_STATED,
        ARTICLES_MD,
        'The article spells the name "Renssealer". Named with William Severe.',
    ),
    _p(
        "William Severe",
        "William Severe",
        [FPRI],
        "no",
        NOT_STATED,
        NOT_STATED,
        NOT_STATED,
        ARTICLE,
        "Named with Rensselaer Lee; neither the article nor articles.md gives a role.",
    ),
    _p(
        "Arthur Waldron",
        "Arthur Waldron",
        [FPRI],
        "no",
        "Historian of China (commonly described as Lauder Professor of International "
        "Relations, University of Pennsylvania)",
        "unverified",
        NOT_STATED,
        ARTICLES_MD,
        'Paraphrased ("as Arthur Waldron argues it should"), not quoted.',
    ),
]


def build(corpus_dir) -> list[dict]:
    for person in PEOPLE:
        if person["name_in_text"]:
            for doc_id in person["doc_ids"].split(";"):
                require_in_article(corpus_dir, doc_id, person["name_in_text"])
        if person["source"] == ARTICLE and person["role"] != NOT_STATED:
            require_in_article(corpus_dir, person["doc_ids"], person["role"])
    return PEOPLE
