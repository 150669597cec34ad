"""``resolutions`` (one row per Council document) and ``measures`` (one row per measure
and sector), from resolutions.csv.

Measures come from two cells: ``key_measures`` (status "adopted", or "vetoed" for the
vetoed drafts) and ``dropped_or_softened_in_negotiation``. Sectors and measure types are
assigned by the keyword rules below, in the open, so a student can check each one against
the verbatim ``detail``.
"""

import re

from tools.datasets.facts import read_rows, require_fragments

RESOLUTION_COLUMNS = [
    "resolution",
    "document_type",
    "date",
    "year",
    "date_text",
    "votes_for",
    "votes_against",
    "abstentions",
    "vote_text",
    "outcome",
    "vetoed_by",
    "trigger",
    "impact_statement",
    "source",
    "notes",
]
MEASURE_COLUMNS = [
    "resolution",
    "document_type",
    "date",
    "item",
    "status",
    "sector",
    "measure",
    "detail",
    "source",
]
COUNCIL_SIZE = 15

# (sector, pattern): a fragment gets every sector whose pattern it contains.
SECTOR_RULES = [
    ("coal", r"\bcoal\b"),
    ("iron", r"\biron\b(?! ore)"),
    ("iron ore", r"\biron ore\b"),
    ("other minerals", r"other minerals|earth and stone"),
    ("metals", r"copper|nickel|silver|zinc|\blead\b|steel|other metals"),
    ("statues", r"statues"),
    ("seafood", r"seafood|fishing rights"),
    ("textiles", r"textile"),
    ("food and agriculture", r"food and agricultural"),
    ("machinery and equipment", r"machinery|electrical equipment"),
    ("wood", r"\bwood\b"),
    ("transport equipment", r"new helicopters and vessels|transport vehicles|, vessels$"),
    ("refined petroleum", r"refined petroleum|refined products"),
    ("crude oil", r"crude oil"),
    ("natural gas liquids", r"condensates|natural gas liquids"),
    ("petroleum (unspecified)", r"petroleum cuts|^oil and"),
    ("aviation", r"aviation|overflight|\bair restrictions"),
    ("workers", r"workers|work authorizations"),
    ("joint ventures", r"joint ventures"),
    ("arms", r"\barms\b"),
    ("luxury goods", r"luxury"),
    ("finance", r"financial|bank|bulk cash|grants/loans"),
    (
        "shipping and cargo",
        r"cargo|bunkering|\bport\b|insurance/registration|interdict|vessel chartering"
        r"|(?:such|of|designate) vessels|vessels smuggling",
    ),
    ("diplomats and agents", r"DPRK diplomat|diplomatic missions|DPRK agents"),
    ("designations", r"designat(?!ed vessels)|asset freeze"),
    ("UN monitoring", r"Panel of Experts|Sanctions Committee"),
    ("legal basis", r"Chapter VII|military enforcement|reference to sanctions"),
    (
        "nuclear and missile programmes",
        r"missile-related|missile/WMD|ballistic-missile|nuclear test|launch|NPT|IAEA",
    ),
    ("diplomacy", r"Six-Party Talks"),
    ("none", r"^no sanctions$"),
]
# Used only when no rule above matched.
FALLBACK_SECTOR = "other"
# (measure, pattern): the first match wins.
MEASURE_RULES = [
    ("none", r"^no sanctions$"),
    ("reference in text", r"reference to"),
    ("enforcement authority", r"military enforcement"),
    ("commitment", r"commits|determination"),
    ("asset freeze and travel ban", r"asset freeze"),
    ("interdiction", r"interdict"),
    ("designation", r"designat"),
    ("inspection", r"inspect"),
    ("repatriation", r"repatriation"),
    ("seizure", r"seize"),
    ("expulsion or closure", r"expel|expulsion|closure"),
    # "additional/new luxury items" widen the luxury-goods ban
    ("ban", r"\bban\b|\bbans\b|prohibited|embargo|no new|denial|luxury items|prevent transfer"),
    ("cap", r"\bcap\b|capped|no increase|cuts"),
    ("restriction", r"restriction|limits on|financial sanctions"),
    ("institution", r"establishes"),
    ("mandate extension", r"extends|extended to|extended Panel"),
    ("condemnation", r"condemns"),
    ("demand", r"demands|calls on|urges|asks"),
    ("warning", r"warning"),
    ("other", r""),
]

# The 2375 negotiation cell is prose, not a list: the US draft's items, then one sentence
# saying which were dropped and which softened. Each fragment is quoted verbatim. The Air
# Koryo listing is left out: the notes do not say what became of it (and mark it unverified).
NEGOTIATION_2375 = [
    ("dropped", "total embargo on crude oil, refined products and natural gas liquids"),
    (
        "dropped",
        "asset freeze and travel ban on Kim Jong Un and senior officials/government/Workers' Party",
    ),
    (
        "dropped",
        "authority to interdict designated vessels on the high seas without flag "
        'consent using "all necessary measures"',
    ),
    ("softened", "ban on hiring and paying DPRK workers"),
]
# Every other negotiation cell is one item; its status is "dropped" unless it says softened.


def split_items(cell: str) -> list[str]:
    """Split on "; " outside parentheses (2321's coal cap has a ";" inside its brackets)."""
    items, depth, start = [], 0, 0
    for position, char in enumerate(cell):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and cell.startswith("; ", position):
            items.append(cell[start:position])
            start = position + 2
    items.append(cell[start:])
    return [item.strip() for item in items if item.strip()]


def sectors(fragment: str) -> list[str]:
    found = [name for name, pattern in SECTOR_RULES if re.search(pattern, fragment)]
    return found or [FALLBACK_SECTOR]


def measure(fragment: str) -> str:
    return next(name for name, pattern in MEASURE_RULES if re.search(pattern, fragment))


def _date(text: str) -> tuple[str, str]:
    """(ISO date or "", year): "2018 (day not verified)" has a year and no date."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text, text[:4]
    year = re.match(r"^(\d{4}) ", text)
    if not year:
        raise ValueError(f"resolutions.csv: unreadable date {text!r}")
    return "", year[1]


def _votes(text: str) -> tuple[str, str, str]:
    """ "13-0-2 (...)" -> for, against, abstentions. Abstentions are 0 when unanimous or
    when the for and against votes already account for all 15 members."""
    match = re.match(r"^(\d+)-(\d+)(?:-(\d+))?", text)
    if not match:
        return "", "", ""
    votes_for, against, abstentions = match.groups()
    if abstentions is None and int(votes_for) + int(against) == COUNCIL_SIZE:
        abstentions = "0"
    return votes_for, against, abstentions or ""


def _vetoed_by(text: str) -> str:
    match = re.search(r"\(([^;)]*?) against = veto", text)
    return "; ".join(name.strip() for name in match[1].split(",")) if match else ""


def build_resolutions(facts_dir) -> list[dict]:
    records = []
    for row in read_rows(facts_dir, "resolutions.csv"):
        date, year = _date(row["adoption_date"])
        votes_for, against, abstentions = _votes(row["vote"])
        records.append(
            {
                "resolution": row["resolution"],
                "document_type": row["document_type"],
                "date": date,
                "year": year,
                "date_text": row["adoption_date"],
                "votes_for": votes_for,
                "votes_against": against,
                "abstentions": abstentions,
                "vote_text": row["vote"],
                "outcome": row["outcome"],
                "vetoed_by": _vetoed_by(row["vote"]),
                "trigger": row["triggering_event"],
                "impact_statement": row["official_revenue_or_impact_statement"],
                "source": row["sources"],
                "notes": row["notes"],
            }
        )
    return records


def _negotiation_items(row: dict) -> list[tuple[str, str]]:
    cell = row["dropped_or_softened_in_negotiation"]
    if not cell:
        return []
    if row["resolution"] == "2375":
        require_fragments([text for _status, text in NEGOTIATION_2375], [cell], "2375")
        return NEGOTIATION_2375
    return [("softened" if "soften" in cell else "dropped", cell)]


def build_measures(facts_dir) -> list[dict]:
    records = []
    for row in read_rows(facts_dir, "resolutions.csv"):
        adopted = "vetoed" if "veto" in row["outcome"] else "adopted"
        items = [(adopted, text) for text in split_items(row["key_measures"])]
        items += _negotiation_items(row)
        for number, (status, detail) in enumerate(items, start=1):
            for sector in sectors(detail):
                records.append(
                    {
                        "resolution": row["resolution"],
                        "document_type": row["document_type"],
                        "date": _date(row["adoption_date"])[0],
                        "item": str(number),
                        "status": status,
                        "sector": sector,
                        "measure": measure(detail),
                        "detail": detail,
                        "source": row["sources"],
                    }
                )
    return records
