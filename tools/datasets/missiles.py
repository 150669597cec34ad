"""``missile_tests`` (the factual columns of the CNS North Korea Missile Test Database) and
``missile_tests_per_year`` (both derivations side by side).

The CNS file is owned by CNS/NTI: only the factual columns are shipped, every row cites
them, and the free-text "Additional Information" and source lists are dropped.
"""

import re
from datetime import datetime, timedelta

from tools.datasets.facts import read_rows

CNS_FILE = "raw/cns_north_korea_missile_test_database.csv"
CNS_SOURCE = (
    "CNS North Korea Missile Test Database, James Martin Center for Nonproliferation "
    "Studies (CNS) for the Nuclear Threat Initiative (NTI); CSV copy in GitHub "
    "mesege1/dprk_missile_stats (data/north_korea_missile_test_database.csv, entries to "
    "12 Apr 2023)"
)
KOREA_OFFSET = timedelta(hours=9)

TEST_COLUMNS = [
    "id",
    "date_utc",
    "year",
    "month",
    "date_precision",
    "launch_time_utc",
    "date_kst",
    "missile_name",
    "missile_type",
    "facility",
    "apogee_km",
    "distance_km",
    "apogee_text",
    "distance_text",
    "outcome",
    "confirmation",
    "source",
]
PER_YEAR_COLUMNS = [
    "year",
    "cns_missiles",
    "cns_launch_days_utc",
    "cns_slv",
    "cns_icbm",
    "nagix_missiles",
    "nagix_launch_days_utc",
    "nagix_slv",
    "nagix_icbm",
    "notes",
    "source_cns",
    "source_nagix",
]
PER_YEAR_SOURCE_COLUMNS = {
    "cns_missiles": "cns_missiles_tested",
    "cns_launch_days_utc": "cns_distinct_launch_dates_utc",
    "cns_slv": "cns_of_which_SLV",
    "cns_icbm": "cns_of_which_ICBM",
    "nagix_missiles": "nagix_missiles_tested",
    "nagix_launch_days_utc": "nagix_distinct_launch_dates_utc",
    "nagix_slv": "nagix_of_which_SLV",
    "nagix_icbm": "nagix_of_which_ICBM",
}

UNKNOWN = {"", "Unknown", "N/A"}


def _date(text: str) -> tuple[str, str, str, str]:
    """CNS dates are "9-Apr-84" or, when only the month is known, "Sep-84"."""
    for fmt, precision in (("%d-%b-%y", "day"), ("%b-%y", "month")):
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        iso = parsed.strftime("%Y-%m-%d") if precision == "day" else ""
        return iso, str(parsed.year), str(parsed.month), precision
    raise ValueError(f"{CNS_FILE}: unreadable date {text!r}")


def _time(text: str) -> str:
    """ "12:40:00 AM" -> "00:40:00"; "" or "Unknown" -> ""."""
    if text in UNKNOWN:
        return ""
    return datetime.strptime(text, "%I:%M:%S %p").strftime("%H:%M:%S")


def _korea_date(date_utc: str, time_utc: str) -> str:
    """Korea Standard Time is UTC+9; without a launch time the Korean date is unknown."""
    if not (date_utc and time_utc):
        return ""
    moment = datetime.fromisoformat(f"{date_utc}T{time_utc}") + KOREA_OFFSET
    return moment.date().isoformat()


def _km(text: str) -> str:
    """ "1,000 km" -> "1000"; ranges ("between 40 and 50 km") and unknowns -> "".

    Two CNS distance cells read "... lm", an evident typo for km; the text column keeps them.
    """
    match = re.fullmatch(r"([\d,]+(?:\.\d+)?) (?:km|lm)", text.strip())
    return match[1].replace(",", "") if match else ""


def build_tests(facts_dir) -> list[dict]:
    records = []
    for row in read_rows(facts_dir, CNS_FILE, encoding="cp1252"):
        date_utc, year, month, precision = _date(row["Date"])
        time_utc = _time(row["Launch Time (UTC)"])
        records.append(
            {
                "id": row["F1"],
                "date_utc": date_utc,
                "year": year,
                "month": month,
                "date_precision": precision,
                "launch_time_utc": time_utc,
                "date_kst": _korea_date(date_utc, time_utc),
                "missile_name": row["Missile Name"],
                "missile_type": row["Missile Type"],
                "facility": row["Facility Name"],
                "apogee_km": _km(row["Apogee"]),
                "distance_km": _km(row["Distance Travelled"]),
                "apogee_text": row["Apogee"],
                "distance_text": row["Distance Travelled"],
                "outcome": row["Test Outcome"],
                "confirmation": row["Confirmation Status"],
                "source": CNS_SOURCE,
            }
        )
    return records


def build_per_year(facts_dir) -> list[dict]:
    records = []
    for row in read_rows(facts_dir, "missile_tests_per_year.csv"):
        record = {name: row[column] for name, column in PER_YEAR_SOURCE_COLUMNS.items()}
        record.update(
            year=row["year"],
            notes=row["notes"],
            source_cns=row["source_cns"],
            source_nagix=row["source_nagix"],
        )
        records.append(record)
    return records
