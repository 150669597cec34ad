"""``trade``: China-DPRK and Russia-DPRK trade, one row per (period, flow, compiler, report).

Cells are read by the rules in :mod:`tools.datasets.cells`. Rows whose cells the rules
cannot read safely are written out by hand in ``OVERRIDES`` below; figures that the
research notes mention only in their ``notes`` column are added in ``FROM_NOTES``. Both
tables quote their source fragment verbatim and the build checks that every number in them
is written in that fragment. Values the notes call "computed, not a source value" or "not
used" appear in neither table.
"""

from tools.datasets.cells import CellError, labelled_changes, report, split_reports
from tools.datasets.facts import read_rows, require_fragments, require_numbers

COLUMNS = [
    "partner",
    "period",
    "period_type",
    "flow",
    "report",
    "value",
    "qualifier",
    "currency",
    "unit",
    "converted_from",
    "yoy_change_pct",
    "mom_change_pct",
    "change_qualifier",
    "share_of_dprk_trade_pct",
    "compiler",
    "source",
    "confidence",
    "value_text",
    "notes",
]
FLOW_COLUMNS = {
    "exports to DPRK": "partner_exports_to_dprk_usd_m",
    "imports from DPRK": "partner_imports_from_dprk_usd_m",
    "total": "total_usd_m",
}
YOY_COLUMN = "yoy_change_total_pct"
NOT_RATED = "not rated"


def _r(flow, text, value="", **fields):
    """One hand-read record: ``text`` is the verbatim fragment (or list of fragments)."""
    return {
        "flow": flow,
        "text": [text] if isinstance(text, str) else text,
        "value": value,
        **fields,
    }


# Rows the rules cannot read safely, keyed by (partner, period, compiler_or_data_origin).
# Each replaces the whole source row. Why each is here:
OVERRIDES = {
    # Two compilers in one row: components and the 1,900 total are CRS/World Trade Atlas,
    # the 1,970 total is Statistics Korea, and the +16 growth is the CRS/WTA figure.
    (
        "China",
        "2007",
        "Statistics Korea (total 1,970); CRS/World Trade Atlas (components; total ~1,900)",
    ): [
        _r(
            "exports to DPRK",
            '~1400 ("close to 1.4 billion")',
            "1400",
            qualifier="~",
            compiler="CRS/World Trade Atlas",
        ),
        _r("imports from DPRK", "580", "580", compiler="CRS/World Trade Atlas"),
        _r("total", "1970", "1970", compiler="Statistics Korea"),
        _r(
            "total",
            ["total ~1,900", "+16 (from 2006, CRS/WTA figure)"],
            "1900",
            qualifier="~",
            yoy="16",
            compiler="CRS/World Trade Atlas",
        ),
    ],
    # Components from Chinese customs via Bloomberg; two totals; the +29 is KOTRA's.
    ("China", "2010", "Chinese customs via Bloomberg; KOTRA"): [
        _r(
            "exports to DPRK",
            "2300 (+21%)",
            "2300",
            yoy="21",
            compiler="Chinese customs via Bloomberg",
        ),
        _r(
            "imports from DPRK",
            "1200 (+51%)",
            "1200",
            yoy="51",
            compiler="Chinese customs via Bloomberg",
        ),
        _r("total", "3500 (Bloomberg)", "3500", compiler="Chinese customs via Bloomberg"),
        _r("total", ["3470 (KOTRA)", "+29 (KOTRA)"], "3470", yoy="29", compiler="KOTRA"),
    ],
    # The share of North Korea's trade is stated only in the notes.
    ("China", "2012", "KOTRA"): [
        _r("exports to DPRK", "3500", "3500", compiler="KOTRA"),
        _r("imports from DPRK", "2400", "2400", compiler="KOTRA"),
        _r(
            "total",
            "88.3% of NK total trade; total not stated.",
            "",
            share="88.3",
            compiler="KOTRA",
        ),
    ],
    ("China", "2013", "KOTRA"): [
        _r(
            "total",
            ["6540", "89.1% of NK total trade (KOTRA)."],
            "6540",
            share="89.1",
            compiler="KOTRA",
        ),
    ],
    # Components from Statistics Korea; KOTRA and KIEP totals with their own growth rates.
    ("China", "2015", "KOTRA; Statistics Korea (components); KIEP"): [
        _r("exports to DPRK", "3230", "3230", compiler="Statistics Korea"),
        _r("imports from DPRK", "2480", "2480", compiler="Statistics Korea"),
        _r(
            "total",
            ["5710 (KOTRA)", "-16.8 (KOTRA)", "91.3% of NK trade (KOTRA)"],
            "5710",
            yoy="-16.8",
            share="91.3",
            compiler="KOTRA",
        ),
        _r("total", ["5430 (KIEP)", "-14.7 (KIEP)"], "5430", yoy="-14.7", compiler="KIEP"),
    ],
    ("China", "2016", "ITC (International Trade Centre) Trade Map"): [
        _r(
            "total",
            ["5510", "91.5% of NK total trade of 6,020 (ITC)."],
            "5510",
            share="91.5",
            compiler="ITC (International Trade Centre) Trade Map",
        ),
    ],
    # KBS's wording sits inside the total cell.
    ("China", "2023", "GAC (via KBS; head-post)"): [
        _r("exports to DPRK", ">2000", "2000", qualifier=">", compiler="GAC (via KBS; head-post)"),
        _r("imports from DPRK", "292", "292", compiler="GAC (via KBS; head-post)"),
        _r(
            "total",
            ['~2300 (KBS: "nearly 2.3 billion", 82.3% of 2019)', "+137 (as reported by KBS)"],
            "2300",
            qualifier="~",
            yoy="137",
            compiler="GAC (via KBS; head-post)",
            report="KBS",
        ),
    ],
    # The imports cell also names coal imports (a component, not a flow total).
    ("China", "2016-11", "KITA (Chinese customs data) via Yonhap"): [
        _r(
            "imports from DPRK",
            "256 (+34.1%); coal 139.4",
            "256",
            yoy="34.1",
            compiler="KITA (Chinese customs data) via Yonhap",
        ),
    ],
    # "+~12% m/m": a month-on-month change with a qualifier.
    ("China", "2017-06", "GAC / Reuters calculation"): [
        _r(
            "imports from DPRK", "-28.9% y/y", "", yoy="-28.9", compiler="GAC / Reuters calculation"
        ),
        _r(
            "total",
            "499 (+~12% m/m)",
            "499",
            mom="12",
            change_qualifier="~",
            compiler="GAC / Reuters calculation",
        ),
    ],
    # "vs 56 a year earlier" is the Jan-Aug 2015 level, not a label.
    ("Russia", "2016-01..08", "Russian customs via VOA/Yonhap"): [
        _r(
            "total",
            ["43 (vs 56 a year earlier)", "-22"],
            "43",
            yoy="-22",
            compiler="Russian customs via VOA/Yonhap",
        ),
        _r(
            "total",
            "vs 56 a year earlier",
            "56",
            period="2015-01..08",
            compiler="Russian customs via VOA/Yonhap",
        ),
    ],
}

NOTES_SOURCE = "cited in the notes of ../shared/facts/trade.csv; no URL recorded: "

# Figures stated in a row's notes, added beside the row's own records.
FROM_NOTES = {
    ("China", "2014", "KOTRA"): [
        _r(
            "exports to DPRK",
            "China exports -3.1%",
            "",
            yoy="-3.1",
            compiler="Chinese statistics",
            confidence=NOT_RATED,
        ),
        _r(
            "imports from DPRK",
            "imports -1.5%",
            "",
            yoy="-1.5",
            compiler="Chinese statistics",
            confidence=NOT_RATED,
        ),
    ],
    ("China", "2018", "GAC (Reuters)"): [
        _r(
            "exports to DPRK",
            "exports CNY 14.67bn (-33.3%)",
            "14670",
            currency="CNY",
            yoy="-33.3",
            compiler="GAC spokesman Li Kuiwen via WSJ/marketscreener",
            source=NOTES_SOURCE + "WSJ/marketscreener",
            confidence=NOT_RATED,
        ),
        _r(
            "imports from DPRK",
            "imports CNY 1.42bn (-88%)",
            "1420",
            currency="CNY",
            yoy="-88",
            compiler="GAC spokesman Li Kuiwen via WSJ/marketscreener",
            source=NOTES_SOURCE + "WSJ/marketscreener",
            confidence=NOT_RATED,
        ),
        _r(
            "total",
            "KOTRA-based estimate ~2.7bn (UPI/SCMP)",
            "2700",
            qualifier="~",
            compiler="KOTRA-based estimate (UPI/SCMP)",
            source=NOTES_SOURCE + "UPI/SCMP",
            confidence=NOT_RATED,
        ),
    ],
    ("China", "2022", "GAC (via KBS/Yonhap)"): [
        _r(
            "total",
            "KOTRA reports 2022 NK-China trade of 1,530",
            "1530",
            compiler="KOTRA",
            source=NOTES_SOURCE + "Korea Herald 2023-08-16",
            confidence=NOT_RATED,
        ),
        # "NK exports" = China's imports from the DPRK, and the other way round.
        _r(
            "imports from DPRK",
            "NK exports 134",
            "134",
            compiler="KOTRA",
            source=NOTES_SOURCE + "Korea Herald 2023-08-16",
            confidence=NOT_RATED,
        ),
        _r(
            "exports to DPRK",
            "imports 1,390",
            "1390",
            compiler="KOTRA",
            source=NOTES_SOURCE + "Korea Herald 2023-08-16",
            confidence=NOT_RATED,
        ),
    ],
    ("China", "2017-Q1", "GAC press conference 13 Apr 2017 (Huang Songping)"): [
        # The Evening Standard does not say whether its figure is in yuan or dollars.
        _r(
            "total",
            "Evening Standard cites Chinese customs +36.8%",
            "",
            currency="",
            yoy="36.8",
            compiler="Chinese customs as cited by the Evening Standard",
            source="https://esdating.standard.co.uk/news/world/donald-trump-lashes-out-at-china-"
            "over-increasing-trade-with-north-korea-amid-nuclear-threats-a3580911.html",
            confidence=NOT_RATED,
        ),
    ],
}


def build(facts_dir) -> list[dict]:
    records = []
    for row in read_rows(facts_dir, "trade.csv"):
        key = (row["partner"], row["period"], row["compiler_or_data_origin"])
        if key in OVERRIDES:
            found = [_hand_read(row, item) for item in OVERRIDES[key]]
        else:
            found = _rule_read(row)
        found += [_hand_read(row, item) for item in FROM_NOTES.get(key, [])]
        records += found
    return records


def _base(row: dict, **fields) -> dict:
    record = dict.fromkeys(COLUMNS, "")
    record.update(
        partner=row["partner"],
        period=row["period"],
        period_type=row["period_type"],
        unit="million",
        currency=row["value_basis"],
        compiler=row["compiler_or_data_origin"],
        source=row["source"],
        confidence=row["confidence"],
        notes=row["notes"],
    )
    record.update(fields)
    return record


def _hand_read(row: dict, item: dict) -> dict:
    where = f"trade.csv {row['partner']} {row['period']}"
    require_fragments(item["text"], list(row.values()), where)
    numbers = [item.get(k, "") for k in ("value", "yoy", "mom", "share")]
    require_numbers(numbers, item["text"], where)
    fields = {
        "flow": item["flow"],
        "value": item["value"],
        "qualifier": item.get("qualifier", ""),
        "yoy_change_pct": item.get("yoy", ""),
        "mom_change_pct": item.get("mom", ""),
        "change_qualifier": item.get("change_qualifier", ""),
        "share_of_dprk_trade_pct": item.get("share", ""),
        "report": item.get("report", ""),
        "value_text": " | ".join(item["text"]),
    }
    for name in ("period", "currency", "compiler", "source", "confidence"):
        if name in item:
            fields[name] = item[name]
    return _base(row, **fields)


def _rule_read(row: dict) -> list[dict]:
    where = f"trade.csv {row['partner']} {row['period']}"
    records = []
    try:
        for flow, column in FLOW_COLUMNS.items():
            reports = split_reports(row[column])
            records += _flow_records(row, flow, reports)
        _attach_yoy(row, [r for r in records if r["flow"] == "total"], records)
    except CellError as error:
        raise CellError(f"{where}: {error}. Add the row to OVERRIDES.") from error
    return records


def _flow_records(row: dict, flow: str, reports: list[str]) -> list[dict]:
    records = []
    for text in reports:
        read = report(text, row["value_basis"])
        common = {"flow": flow, "report": read.get("label", ""), "value_text": text}
        records.append(
            _base(
                row,
                **common,
                value=read["value"],
                qualifier=read["qualifier"],
                currency=read["currency"],
                yoy_change_pct=read.get("yoy", ""),
                mom_change_pct=read.get("mom", ""),
                change_qualifier=read.get("change_qualifier", ""),
            )
        )
        conversion = read.get("conversion")
        if conversion:  # the source's own conversion, flagged as such
            records.append(
                _base(
                    row,
                    **common,
                    value=conversion["value"],
                    qualifier=conversion["qualifier"],
                    currency=conversion["currency"],
                    converted_from=read["currency"],
                )
            )
    return records


def _attach_yoy(row: dict, totals: list[dict], records: list[dict]) -> None:
    """Pair the total's growth rates with the total's levels: by label, else by position."""
    changes = labelled_changes(row[YOY_COLUMN])
    if not changes:
        return
    levels = [r for r in totals if not r["converted_from"]]
    if not levels:  # a growth rate without a level
        levels = [_base(row, flow="total", value_text="")]
        records.append(levels[0])
    if len(levels) != len(changes):
        raise CellError(f"{len(changes)} growth rates for {len(levels)} totals")
    labels = [r["report"] for r in levels]
    by_label = len(changes) > 1 and sorted(c["label"] for c in changes) == sorted(labels)
    for position, found in enumerate(changes):
        level = levels[labels.index(found["label"])] if by_label else levels[position]
        level["yoy_change_pct"] = found["yoy"]
        level["change_qualifier"] = found["change_qualifier"]
        level["value_text"] = " | ".join(
            part for part in (level["value_text"], f"{YOY_COLUMN}: {row[YOY_COLUMN]}") if part
        )
        if len(changes) > 1 and not by_label:
            level["notes"] = (
                level["notes"] + " Growth rate paired with the level by its "
                "position in the source cells."
            ).strip()
