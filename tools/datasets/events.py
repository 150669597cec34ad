"""``events``: dated events named in the two articles, plus context, from events.csv.

``mentioned_in`` is the research notes' own attribution, kept verbatim. It is not always
borne out by the article texts (see the teaching notes in datasets.json), so no article
ids are derived from it.
"""

from tools.datasets.facts import read_rows

COLUMNS = [
    "date",
    "date_precision",
    "event",
    "description",
    "mentioned_in",
    "source",
    "confidence_notes",
]


def build(facts_dir) -> list[dict]:
    return [
        {
            "date": row["date"],
            "date_precision": row["date_precision"],
            "event": row["event"],
            "description": row["description"],
            "mentioned_in": row["mentioned_in_seed"],
            "source": row["source"],
            "confidence_notes": row["confidence_notes"],
        }
        for row in read_rows(facts_dir, "events.csv")
    ]
