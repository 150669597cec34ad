"""Made-up news articles for timing the corpus code: varied, seeded, about 1,000 words.

They mimic what the cleaning and annotation meet in real articles (a photo credit, a
byline, section headings, quotations attributed in the usual ways, pronouns referring
back, a closing author note, the comment form) but every name and sentence is invented
and none of it is ever shown to students.
"""

import random

FIRST = ("Alex", "Dana", "Jordan", "Kim", "Lee", "Morgan", "Noa", "Robin", "Sam", "Yuri", "Mina")
LAST = ("Archer", "Baker", "Castillo", "Dorsey", "Ellison", "Garner", "Holt", "Ibarra", "Jensen")
ROLES = (
    "Deputy Secretary", "former Ambassador", "Senator", "analyst", "Professor",
    "Assistant Secretary", "senior fellow", "spokeswoman", "Director",
)  # fmt: skip
ORGS = (
    "the Institute for Maritime Studies", "the Center for Trade Policy", "Harbor University",
    "the Council on Regional Security", "the Office of Export Controls",
)  # fmt: skip
PLACES = "the port of Nampo|the border crossing|the Yellow Sea|the capital|the coastal provinces"
SUBJECTS = (
    "The new measures", "Shipping inspections", "The trade figures", "Enforcement at sea",
    "The latest resolution", "Banking restrictions", "The customs data",
)  # fmt: skip
VERBS = (
    "depend on", "were weakened by", "put pressure on", "drew criticism from",
    "raised questions about", "were welcomed by", "were quietly ignored by",
)  # fmt: skip
OBJECTS = (
    "neighbouring governments", "coal traders", "shipping companies", "regional banks",
    "customs officers", "the inspectors", "smaller ports", "China", "Russia",
    "North Korea's trading companies", "the United Nations panel", "the United States",
)  # fmt: skip
CLAUSES = (
    "while officials argued over the details", "although no vessel was named",
    "after months of negotiation", "as diplomats met behind closed doors",
    "despite earlier promises", "because the rules left room for exceptions",
)  # fmt: skip
HEADINGS = ("What changed", "The view from the ports", "Money and ships", "What comes next")
SPEECH = ("said", "told reporters", "noted", "added", "argued", "warned")
OUTLETS = ("The Daily Ledger", "Harbor Radio", "The Evening Wire")
TARGET_WORDS = 1000


def article(seed: int) -> str:
    """One article, one paragraph per line, the same text for the same seed."""
    rng = random.Random(seed)
    people = [_person(rng) for _ in range(4)]
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    lines = [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}",
        "",
        f"Photo: {rng.choice(LAST)}/Wire Images",
        f"By {author}",
        "",
    ]
    words = 0
    while words < TARGET_WORDS:
        if rng.random() < 0.12:
            paragraph = rng.choice(HEADINGS)
        elif rng.random() < 0.55:
            paragraph = _quoted(rng, rng.choice(people))
        else:
            paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
        lines += [paragraph, ""]
        words += len(paragraph.split())
    lines += [f"{author} is a correspondent at {rng.choice(OUTLETS)}.", "", "Leave a comment"]
    return "\n".join(lines)


def _person(rng: random.Random) -> tuple[str, str, str]:
    """(role, full name, surname)."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return rng.choice(ROLES), f"{first} {last}", last


def _sentence(rng: random.Random) -> str:
    place = rng.choice(PLACES.split("|"))
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} near {place}, "
        f"{rng.choice(CLAUSES)}."
    )


def _claim(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def _quoted(rng: random.Random, person: tuple[str, str, str]) -> str:
    """A paragraph with a quotation attributed in one of the usual ways."""
    role, name, surname = person
    form = rng.randrange(5)
    if form == 0:
        said = f"{rng.choice(SPEECH)} {role} {name}"
        quote = f"“{_claim(rng).capitalize()}, {rng.choice(CLAUSES)},” {said}."
    elif form == 1:
        quote = f"{role} {name} {rng.choice(SPEECH)} that “{_claim(rng)}.”"
    elif form == 2:
        quote = (
            f"“{_claim(rng).capitalize()}. {_claim(rng).capitalize()},” {surname} told "
            f"{rng.choice(OUTLETS)}. “{_claim(rng).capitalize()}.”"
        )
    elif form == 3:
        quote = f"According to {name}, of {rng.choice(ORGS)}, the talks were “{_claim(rng)}.”"
    else:
        quote = f"{name} was blunt. “{_claim(rng).capitalize()},” he said."
    return f"{quote} {_sentence(rng)}"
