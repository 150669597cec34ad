"""``nuclear_tests`` (one row per test, USGS and CTBTO kept apart) and ``nuclear_yields``
(one row per yield estimate and estimator), from nuclear_tests.csv.

Every magnitude and yield cell is a small paragraph, so both are read by hand in the
tables below. Each entry quotes its fragment verbatim; the build checks the fragment is in
the source cell and that every number in the entry is written in it.
"""

import re

from tools.datasets.facts import read_rows, require_fragments, require_numbers

TEST_COLUMNS = [
    "test_no",
    "date_utc",
    "origin_time_utc",
    "origin_time_text",
    "usgs_mb",
    "usgs_mb_initial",
    "usgs_mb_text",
    "usgs_mb_source",
    "ctbto_mb",
    "ctbto_mb_low",
    "ctbto_mb_high",
    "ctbto_mb_initial",
    "ctbto_mb_status",
    "ctbto_mb_text",
    "ctbto_mb_source",
    "other_magnitude_estimates",
    "notes",
]
YIELD_COLUMNS = [
    "test_no",
    "date_utc",
    "estimate_no",
    "estimator",
    "yield_kt",
    "low_kt",
    "high_kt",
    "plus_minus_kt",
    "qualifier",
    "method",
    "status",
    "confidence",
    "source",
    "value_text",
]

# test_no -> (usgs_mb, usgs_mb_initial, ctbto_mb, ctbto_low, ctbto_high, ctbto_initial,
#             ctbto_status). USGS 2017's "early bulletins" (5.6 and 5.1) come from two
# low-quality reposts that disagree, so no initial value is chosen; the text keeps both.
MAGNITUDES = {
    "1": ("4.3", "4.2", "4.1", "4.1", "4.1", "4.0", "as cited"),
    "2": ("4.7", "", "4.52", "4.52", "4.52", "", "reviewed"),
    "3": ("5.1", "4.9", "4.9", "4.9", "4.9", "5.0", "revised"),
    "4": ("5.1", "5.2", "", "4.8", "4.9", "", "preliminary"),
    "5": ("5.3", "", "5.1", "5.1", "5.1", "5.0", "revised"),
    "6": ("6.3", "", "6.1", "6.1", "6.1", "5.8", "revised"),
}
USGS_FIELDS = ["usgs_mb", "usgs_mb_initial"]
CTBTO_FIELDS = ["ctbto_mb", "ctbto_mb_low", "ctbto_mb_high", "ctbto_mb_initial"]


def _y(
    fragment,
    estimator,
    *,
    point="",
    low="",
    high="",
    pm="",
    qualifier="",
    method="",
    status="",
    confidence="",
    source_hint="",
):
    return locals()


UNVERIFIED = "unverified"
LOW_QUALITY = "low-quality repost"
WIKIPEDIA = "Wikipedia list (no URL recorded in the research notes)"

# test_no -> estimates, in the order of the source cell. source_hint picks the URL (from
# any of the row's source cells) that contains it; "" means the cell names no URL.
YIELDS = {
    "1": [
        _y(
            "0.6-1.0 kt (Murphy, Stevens, Kohl & Bennett 2013, BSSA 103(3): teleseismic P-wave "
            "inversion)",
            "Murphy, Stevens, Kohl & Bennett 2013 (BSSA 103(3))",
            low="0.6",
            high="1.0",
            method="teleseismic P-wave inversion",
            source_hint="studylib",
        ),
        _y(
            "~0.9 kt (same paper, regional P spectra, depth ~200 m)",
            "Murphy, Stevens, Kohl & Bennett 2013 (BSSA 103(3))",
            point="0.9",
            qualifier="~",
            method="regional P spectra, depth ~200 m",
            source_hint="studylib",
        ),
        _y(
            "~0.55 kt (South Korean estimate, 2006, via ArmsControlWonk)",
            "South Korea (2006 estimate, via ArmsControlWonk)",
            point="0.55",
            qualifier="~",
            confidence=LOW_QUALITY,
            source_hint="lawnorder",
        ),
        _y(
            "<1 kt (Bloomberg timeline via Business Standard; USA Today)",
            "Bloomberg timeline; USA Today",
            high="1",
            qualifier="<",
            source_hint="business-standard|usatoday",
        ),
    ],
    "2": [
        _y(
            "2.0-4.8 kt (Murphy et al. 2013, teleseismic, depending on depth)",
            "Murphy et al. 2013 (BSSA)",
            low="2.0",
            high="4.8",
            method="teleseismic, depending on depth",
            source_hint="studylib",
        ),
        _y(
            "~4.6 kt (Murphy et al. 2013, regional, depth ~550 m)",
            "Murphy et al. 2013 (BSSA)",
            point="4.6",
            qualifier="~",
            method="regional, depth ~550 m",
            source_hint="studylib",
        ),
        _y(
            "2-6 kt (Bloomberg timeline)",
            "Bloomberg timeline",
            low="2",
            high="6",
            source_hint="business-standard",
        ),
        _y("2-8 kt (USA Today)", "USA Today", low="2", high="8", source_hint="usatoday"),
        _y(
            "3-4 kt (Arirang TV)",
            "Arirang TV",
            low="3",
            high="4",
            confidence=LOW_QUALITY,
            source_hint="ecanadanepal",
        ),
        _y(
            "2-4 kt (Wikipedia list, unverified)",
            "Wikipedia list",
            low="2",
            high="4",
            confidence=UNVERIFIED,
        ),
    ],
    "3": [
        _y(
            "12.2 +/- 3.8 kt (Zhang & Wen 2013, GRL 40:2941-2946, Lg-wave amplitude ratios vs "
            "2009)",
            "Zhang & Wen 2013 (GRL 40:2941-2946)",
            point="12.2",
            pm="3.8",
            method="Lg-wave amplitude ratios vs 2009",
            source_hint="studylib",
        ),
        _y(
            "7 kt (Bloomberg timeline)",
            "Bloomberg timeline",
            point="7",
            source_hint="business-standard",
        ),
        _y(
            "6-9 kt (Wikipedia list, unverified)",
            "Wikipedia list",
            low="6",
            high="9",
            confidence=UNVERIFIED,
        ),
    ],
    "4": [
        _y(
            "~7 kt (Bloomberg timeline)",
            "Bloomberg timeline",
            point="7",
            qualifier="~",
            source_hint="business-standard",
        ),
        _y(
            "7-9 kt (Wikipedia list, unverified)",
            "Wikipedia list",
            low="7",
            high="9",
            confidence=UNVERIFIED,
        ),
    ],
    "5": [
        _y(
            "~10 kt (South Korean military, via CGTN; also Bloomberg timeline)",
            "South Korean military (via CGTN)",
            point="10",
            qualifier="~",
            source_hint="cgtn",
        ),
        _y(
            "~10 kt (South Korean military, via CGTN; also Bloomberg timeline)",
            "Bloomberg timeline",
            point="10",
            qualifier="~",
            source_hint="business-standard",
        ),
        _y(
            '"20 kt or more" (unnamed other experts, via CGTN)',
            "unnamed other experts (via CGTN)",
            low="20",
            qualifier="or more",
            source_hint="cgtn",
        ),
    ],
    "6": [
        _y(
            "50-60 kt (Korea Meteorological Administration, via CSIS)",
            "Korea Meteorological Administration (via CSIS)",
            low="50",
            high="60",
            source_hint="csis",
        ),
        _y(
            "~100+ kt (NORSAR initial, via CSIS)",
            "NORSAR (via CSIS)",
            low="100",
            qualifier="~ or more",
            status="initial",
            source_hint="csis",
        ),
        _y(
            "~120 kt (38 North from initial mb 5.8)",
            "38 North",
            point="120",
            qualifier="~",
            method="from initial mb 5.8",
            status="initial",
            source_hint="1913intel",
        ),
        _y(
            "revised to ~250 kt (38 North from revised mb 6.1)",
            "38 North",
            point="250",
            qualifier="~",
            method="from revised mb 6.1",
            status="revised",
            source_hint="1913intel",
        ),
        _y(
            "70-280 kt (US Air Force Technical Applications Center early estimate, via CGTN)",
            "US Air Force Technical Applications Center (via CGTN)",
            low="70",
            high="280",
            status="initial",
            source_hint="cgtn",
        ),
        _y(
            "~160 kt (Japan Ministry of Defense, via CNN repost - unverified)",
            "Japan Ministry of Defense (via CNN repost)",
            point="160",
            qualifier="~",
            confidence=UNVERIFIED,
            source_hint="treycyn",
        ),
        _y(
            "~260 kt (ISRO SAR analysis, Wikipedia mirror - unverified)",
            "ISRO SAR analysis (via Wikipedia mirror)",
            point="260",
            qualifier="~",
            method="SAR analysis",
            confidence=UNVERIFIED,
            source_hint="datana",
        ),
    ],
}


def build_tests(facts_dir) -> list[dict]:
    records = []
    for row in read_rows(facts_dir, "nuclear_tests.csv"):
        where = f"nuclear_tests.csv test {row['test_no']}"
        values = dict(
            zip(
                USGS_FIELDS + CTBTO_FIELDS + ["ctbto_mb_status"],
                MAGNITUDES[row["test_no"]],
                strict=True,
            )
        )
        require_numbers([values[f] for f in USGS_FIELDS], [row["usgs_mb"]], where)
        require_numbers([values[f] for f in CTBTO_FIELDS], [row["ctbto_mb"]], where)
        time = re.match(r"\d{2}:\d{2}(?::\d{2})?", row["origin_time_utc"])
        records.append(
            {
                "test_no": row["test_no"],
                "date_utc": row["date_utc"],
                "origin_time_utc": time[0],
                "origin_time_text": row["origin_time_utc"],
                **values,
                "usgs_mb_text": row["usgs_mb"],
                "usgs_mb_source": row["usgs_mb_source"],
                "ctbto_mb_text": row["ctbto_mb"],
                "ctbto_mb_source": row["ctbto_mb_source"],
                "other_magnitude_estimates": row["other_magnitude_estimates"],
                "notes": row["confidence_and_disagreements"],
            }
        )
    return records


def _source(row: dict, hint: str) -> str:
    if not hint:
        return WIKIPEDIA
    cells = (row["yield_sources"], row["usgs_mb_source"], row["ctbto_mb_source"])
    urls = {u for cell in cells for u in re.findall(r"https?://\S+", cell)}
    found = sorted(u for u in urls if re.search(hint, u))
    if not found:
        raise ValueError(f"nuclear_tests.csv test {row['test_no']}: no URL matches {hint!r}")
    return " ; ".join(found)


def build_yields(facts_dir) -> list[dict]:
    records = []
    for row in read_rows(facts_dir, "nuclear_tests.csv"):
        where = f"nuclear_tests.csv yields of test {row['test_no']}"
        cell = row["yield_estimates_kt_with_estimator"]
        for number, entry in enumerate(YIELDS[row["test_no"]], start=1):
            require_fragments([entry["fragment"]], [cell], where)
            numbers = [entry[k] for k in ("point", "low", "high", "pm")]
            require_numbers(numbers, [entry["fragment"]], where)
            records.append(
                {
                    "test_no": row["test_no"],
                    "date_utc": row["date_utc"],
                    "estimate_no": str(number),
                    "estimator": entry["estimator"],
                    "yield_kt": entry["point"],
                    "low_kt": entry["low"],
                    "high_kt": entry["high"],
                    "plus_minus_kt": entry["pm"],
                    "qualifier": entry["qualifier"],
                    "method": entry["method"],
                    "status": entry["status"],
                    "confidence": entry["confidence"],
                    "source": _source(row, entry["source_hint"]),
                    "value_text": entry["fragment"],
                }
            )
    return records
