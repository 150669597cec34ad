"""``exports_by_commodity``: DPRK export revenue by commodity as stated by official bodies,
from dprk_exports_by_commodity.csv. Where no number is stated ("tens of millions"), the
value is empty and ``value_text`` says what was stated."""

import re

from tools.datasets.cells import CellError, report
from tools.datasets.facts import read_rows, require_numbers

COLUMNS = [
    "commodity",
    "period",
    "value_usd_m",
    "qualifier",
    "yoy_change_pct",
    "share_of_exports_pct",
    "share_qualifier",
    "share_text",
    "stated_by",
    "source",
    "confidence",
    "value_text",
    "notes",
]

# Cells the rules cannot read, keyed by (commodity, period): (value, qualifier).
OVERRIDES = {
    # The cap is "$400.9m or 7.5 million t, whichever lower": the dollar leg is the value.
    ("Coal", "2017 (cap)"): ("400.9", ""),
    # An annual cut, with its share in brackets; the text column keeps both.
    ("Coal", "2015 reduction by 2321"): ("700", "~"),
    # No figure: "tens of millions of dollars".
    ("Statues/monuments", "per year"): ("", ""),
}
SHARE = re.compile(r"^([~>]?)(\d+(?:\.\d+)?)%")


def _value(row: dict) -> dict:
    key = (row["commodity"], row["period"])
    if key in OVERRIDES:
        value, qualifier = OVERRIDES[key]
        require_numbers([value], [row["value_usd_m"]], f"dprk_exports_by_commodity.csv {key}")
        return {"value": value, "qualifier": qualifier}
    if not row["value_usd_m"]:
        return {"value": "", "qualifier": ""}
    try:
        return report(row["value_usd_m"], "USD")
    except CellError as error:
        raise CellError(f"dprk_exports_by_commodity.csv {key}: {error}; add an override") from error


def build(facts_dir) -> list[dict]:
    records = []
    for row in read_rows(facts_dir, "dprk_exports_by_commodity.csv"):
        found = _value(row)
        share = SHARE.match(row["share_of_dprk_exports"])
        records.append(
            {
                "commodity": row["commodity"],
                "period": row["period"],
                "value_usd_m": found["value"],
                "qualifier": found["qualifier"],
                "yoy_change_pct": found.get("yoy", ""),
                "share_of_exports_pct": share[2] if share else "",
                "share_qualifier": share[1] if share else "",
                "share_text": row["share_of_dprk_exports"],
                "stated_by": row["stated_by"],
                "source": row["source"],
                "confidence": row["confidence"],
                "value_text": row["value_usd_m"],
                "notes": row["notes"],
            }
        )
    return records
