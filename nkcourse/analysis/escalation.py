"""Escalation, 2006-2017: tests, launches and Security Council texts, side by side.

Pure functions over the course datasets (pass in ``data.load(...)`` frames). Lesson 02, its
explorer and its exercise all call these, so every figure the lesson shows is computed in
one tested place. Nothing is rounded away or filled in: a missing value stays missing.
"""

from collections.abc import Iterable

from nkcourse.errors import NkcourseError

NUCLEAR_TEST = "Nuclear test"
MISSILE_LAUNCHES = "Missile launches (CNS)"
RESOLUTION = "Resolution"
STATEMENT = "Presidential statement"
RENEWAL = "Panel of Experts renewal"
VETOED_DRAFT = "Vetoed draft"
KINDS = (NUCLEAR_TEST, MISSILE_LAUNCHES, RESOLUTION, STATEMENT, RENEWAL, VETOED_DRAFT)

# resolutions.document_type -> timeline kind; every type in the dataset has a kind.
DOCUMENT_KINDS = {
    "resolution": RESOLUTION,
    "resolution (Panel of Experts renewal)": RENEWAL,
    "presidential statement": STATEMENT,
    "draft resolution": VETOED_DRAFT,
    "draft resolution (Panel of Experts renewal)": VETOED_DRAFT,
}

TIMELINE_COLUMNS = ["date", "year", "kind", "label", "detail", "items", "clock", "source"]
FIRST_YEAR, LAST_YEAR = 2006, 2017


def _first_source(cell) -> str:
    """The first of the ' ; '-separated sources of a row (tooltips stay short)."""
    return str(cell).split(" ; ")[0].strip()


def _nuclear_rows(nuclear_tests):
    import pandas as pd

    source = "; ".join(s["name"] for s in nuclear_tests.attrs.get("sources", [])[:2])
    return pd.DataFrame(
        {
            "date": nuclear_tests["date_utc"],
            "kind": NUCLEAR_TEST,
            "label": "Nuclear test " + nuclear_tests["test_no"].astype(str),
            "detail": "Origin time " + nuclear_tests["origin_time_utc"].astype(str) + " UTC",
            "items": 1,
            "clock": "UTC",
            "source": source or "nuclear_tests dataset",
        }
    )


def _missile_rows(missile_tests):
    """One row per launch day (UTC): a salvo of four missiles is one day with four items."""
    dated = missile_tests[missile_tests["date_precision"] == "day"]
    grouped = dated.groupby("date_utc", as_index=False).agg(
        items=("id", "size"),
        detail=("missile_name", lambda names: ", ".join(dict.fromkeys(names))),
        source=("source", "first"),
    )
    plural = grouped["items"].map(lambda n: "missile" if n == 1 else "missiles")
    return grouped.rename(columns={"date_utc": "date"}).assign(
        kind=MISSILE_LAUNCHES,
        label=grouped["items"].astype(str) + " " + plural,
        clock="UTC",
    )


def _document_rows(resolutions):
    import pandas as pd

    dated = resolutions[resolutions["date"].notna()]
    unknown = sorted(set(dated["document_type"]) - set(DOCUMENT_KINDS))
    if unknown:
        raise NkcourseError(
            f"resolutions has document types the timeline does not know: {unknown}. "
            "Add them to DOCUMENT_KINDS in nkcourse/analysis/escalation.py."
        )
    kind = dated["document_type"].map(DOCUMENT_KINDS)
    is_statement = kind == STATEMENT
    label = dated["resolution"].where(is_statement, "UNSCR " + dated["resolution"])
    return pd.DataFrame(
        {
            "date": dated["date"],
            "kind": kind,
            "label": label,
            "detail": dated["trigger"] + " (vote: " + dated["vote_text"] + ")",
            "items": 1,
            "clock": "New York",
            "source": dated["source"].map(_first_source),
        }
    )


def build_timeline(
    nuclear_tests, missile_tests, resolutions, first_year=FIRST_YEAR, last_year=LAST_YEAR
):
    """Nuclear tests, missile launch days and Council texts as one dated table.

    Columns: date, year, kind (see KINDS), label, detail, items (missiles that day; 1
    otherwise), clock (the time zone of the date: UTC or New York) and source. Texts
    without a known date (later Panel of Experts renewals) cannot be placed and are left
    out.
    """
    import pandas as pd

    parts = [_nuclear_rows(nuclear_tests), _missile_rows(missile_tests)]
    parts.append(_document_rows(resolutions))
    timeline = pd.concat(parts, ignore_index=True)
    timeline["year"] = timeline["date"].dt.year
    timeline["items"] = timeline["items"].astype(int)
    keep = timeline["year"].between(first_year, last_year)
    order = timeline["kind"].map(KINDS.index)
    timeline = timeline[keep].assign(_order=order[keep])
    timeline = timeline.sort_values(["date", "_order"]).drop(columns="_order")
    return timeline[TIMELINE_COLUMNS].reset_index(drop=True)


def select_events(timeline, years: tuple[int, int], kinds: Iterable[str]):
    """The timeline rows within ``years`` (first, last; both included) of the given kinds."""
    first, last = year_range(years)
    kinds = list(kinds)
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise NkcourseError(f"Unknown kind(s) of event {unknown}; choose from {list(KINDS)}.")
    if not kinds:
        raise NkcourseError("Tick at least one kind of event to see the timeline.")
    chosen = timeline["year"].between(first, last) & timeline["kind"].isin(kinds)
    return timeline[chosen].reset_index(drop=True)


def year_range(years) -> tuple[int, int]:
    """(first, last) as whole years, checked; a friendly error otherwise."""
    try:
        first, last = (int(year) for year in years)
    except (TypeError, ValueError):
        raise NkcourseError(
            f"Give years as (first, last), e.g. (2006, 2017), not {years!r}."
        ) from None
    if first > last:
        raise NkcourseError(f"The first year ({first}) comes after the last ({last}): swap them.")
    return first, last


def count_by_kind(selected, kinds: Iterable[str]):
    """For each kind: how many dates it has on the timeline and how many items in all.

    ``items`` counts missiles for launches (a salvo counts each missile), and tests or
    documents otherwise; ``dates`` counts days. Kinds with nothing selected count 0.
    Columns: kind, dates, items.
    """
    import pandas as pd

    kinds = list(kinds)
    grouped = selected.groupby("kind").agg(dates=("date", "nunique"), items=("items", "sum"))
    counts = grouped.reindex(kinds, fill_value=0).astype(int)
    return pd.DataFrame(
        {"kind": kinds, "dates": counts["dates"].to_list(), "items": counts["items"].to_list()}
    )


def _date_words(date) -> str:
    """A date as the resolutions' trigger texts write it: '9 Oct 2006'."""
    return f"{date.day} {date:%b %Y}"


def resolution_lags(nuclear_tests, resolutions):
    """For each nuclear test, the first adopted resolution that names it as its trigger.

    A resolution answers a test when its trigger mentions a nuclear test on that test's
    date (as the trigger text writes it, e.g. '9 Oct 2006'). Columns: test_no, test_date
    (UTC), resolution, adopted (New York date), days (adopted - test_date), trigger (the
    evidence), followed (False, with the other columns empty, when no resolution did).
    """
    import pandas as pd

    adopted = resolutions[
        (resolutions["document_type"] == "resolution")
        & (resolutions["outcome"] == "adopted")
        & resolutions["date"].notna()
    ].sort_values("date")
    rows = []
    for test in nuclear_tests.sort_values("test_no").itertuples():
        trigger = adopted["trigger"]
        answers = adopted[
            (adopted["date"] >= test.date_utc)
            & trigger.str.contains("nuclear test", case=False)
            & trigger.str.contains(_date_words(test.date_utc), regex=False)
        ]
        row = {"test_no": test.test_no, "test_date": test.date_utc}
        if len(answers):
            first = answers.iloc[0]
            row |= {
                "resolution": first["resolution"],
                "adopted": first["date"],
                "days": (first["date"] - test.date_utc).days,
                "trigger": first["trigger"],
                "followed": True,
            }
        else:
            row |= {"resolution": None, "adopted": None, "days": None, "trigger": None}
            row["followed"] = False
        rows.append(row)
    lags = pd.DataFrame(rows)
    lags["adopted"] = pd.to_datetime(lags["adopted"])
    lags["days"] = lags["days"].astype("Int64")
    return lags


def magnitudes_by_agency(nuclear_tests):
    """Both agencies' body-wave magnitude per test, one row per test and agency.

    Columns: test_no, date_utc, test (a label), agency (USGS or CTBTO), mb (empty where the
    agency gave only a range), mb_low, mb_high (equal to mb for a single value), earlier_mb
    (the value it replaced, if revised), status, as_written, source.
    """
    import pandas as pd

    label = (
        "Test "
        + nuclear_tests["test_no"].astype(str)
        + " ("
        + nuclear_tests["date_utc"].dt.strftime("%Y-%m-%d")
        + ")"
    )
    common = {"test_no": nuclear_tests["test_no"], "date_utc": nuclear_tests["date_utc"]}
    usgs = pd.DataFrame(
        {
            **common,
            "test": label,
            "agency": "USGS",
            "mb": nuclear_tests["usgs_mb"],
            "mb_low": nuclear_tests["usgs_mb"],
            "mb_high": nuclear_tests["usgs_mb"],
            "earlier_mb": nuclear_tests["usgs_mb_initial"],
            "status": nuclear_tests["usgs_mb_initial"].notna().map({True: "revised", False: ""}),
            "as_written": nuclear_tests["usgs_mb_text"],
            "source": nuclear_tests["usgs_mb_source"].map(_first_source),
        }
    )
    ctbto = pd.DataFrame(
        {
            **common,
            "test": label,
            "agency": "CTBTO",
            "mb": nuclear_tests["ctbto_mb"],
            "mb_low": nuclear_tests["ctbto_mb_low"],
            "mb_high": nuclear_tests["ctbto_mb_high"],
            "earlier_mb": nuclear_tests["ctbto_mb_initial"],
            "status": nuclear_tests["ctbto_mb_status"],
            "as_written": nuclear_tests["ctbto_mb_text"],
            "source": nuclear_tests["ctbto_mb_source"].map(_first_source),
        }
    )
    both = pd.concat([usgs, ctbto], ignore_index=True)
    both["status"] = both["status"].fillna("")
    return both.sort_values(["test_no", "agency"], ascending=[True, False], ignore_index=True)


def magnitude_differences(nuclear_tests):
    """USGS mb minus CTBTO mb per test; empty where CTBTO gave only a range.

    Columns: test_no, date_utc, usgs_mb, ctbto_mb, ctbto_range (low-high where only a range
    is known), usgs_minus_ctbto (to two decimals, the precision of the inputs).
    """
    import pandas as pd

    frame = nuclear_tests
    has_range = frame["ctbto_mb"].isna() & frame["ctbto_mb_low"].notna()
    ranges = frame["ctbto_mb_low"].astype(str) + "-" + frame["ctbto_mb_high"].astype(str)
    return pd.DataFrame(
        {
            "test_no": frame["test_no"],
            "date_utc": frame["date_utc"],
            "usgs_mb": frame["usgs_mb"],
            "ctbto_mb": frame["ctbto_mb"],
            "ctbto_range": ranges.where(has_range, ""),
            "usgs_minus_ctbto": (frame["usgs_mb"] - frame["ctbto_mb"]).round(2),
        }
    ).reset_index(drop=True)


YIELD_COLUMNS = ["estimator", "value_text", "low_kt", "yield_kt", "high_kt", "status"]


def yield_estimates(nuclear_yields, test_no: int):
    """Every yield estimate of one test, as stated (ranges stay ranges).

    Columns: estimator, value_text, low_kt, yield_kt, high_kt, status, confidence, source.
    """
    chosen = nuclear_yields[nuclear_yields["test_no"] == test_no]
    if chosen.empty:
        known = sorted(int(n) for n in nuclear_yields["test_no"].unique())
        raise NkcourseError(f"No yield estimates for test {test_no!r}; tests are {known}.")
    columns = [*YIELD_COLUMNS, "confidence", "source"]
    table = chosen.sort_values("estimate_no")[columns].reset_index(drop=True)
    for column in ("status", "confidence"):
        table[column] = table[column].fillna("")
    return table


def yield_spread(estimates) -> tuple[float, float]:
    """The lowest and highest kilotons any estimate states (point, low end or high end)."""
    values = estimates[["low_kt", "yield_kt", "high_kt"]].stack()
    if values.empty:
        raise NkcourseError("These estimates state no kilotons at all: nothing to compare.")
    return float(values.min()), float(values.max())


def korea_date_differs(missile_tests, year: int | None = None):
    """Launches whose date in Korea (UTC+9) is not their UTC date, optionally in one year.

    Launches without a known time (date_kst empty) are left out: their Korean date is not
    known. Columns: id, date_utc, launch_time_utc, date_kst, missile_name, missile_type,
    source.
    """
    rows = missile_tests
    if year is not None:
        rows = rows[rows["year"] == year]
    differs = rows["date_kst"].notna() & (rows["date_kst"] != rows["date_utc"])
    columns = ["id", "date_utc", "launch_time_utc", "date_kst", "missile_name", "missile_type"]
    return rows.loc[differs, [*columns, "source"]].reset_index(drop=True)


PER_YEAR_MEASURES = {"cns_missiles": "Missiles", "cns_launch_days_utc": "Launch days (UTC)"}


def missiles_per_year(per_year, first_year=FIRST_YEAR, last_year=LAST_YEAR):
    """CNS missiles and launch days per year, long (one row per year and measure).

    Years with no launch are absent from the dataset and are absent here too (no zero is
    invented). Columns: year, measure, count, source.
    """
    rows = per_year[per_year["year"].between(first_year, last_year)]
    long = rows.melt(
        id_vars=["year", "source_cns"],
        value_vars=list(PER_YEAR_MEASURES),
        var_name="measure",
        value_name="count",
    )
    long["measure"] = long["measure"].map(PER_YEAR_MEASURES)
    long = long.rename(columns={"source_cns": "source"}).dropna(subset=["count"])
    long["count"] = long["count"].astype(int)
    return long[["year", "measure", "count", "source"]].reset_index(drop=True)


COPY_PAIRS = ("missiles", "launch_days_utc", "slv", "icbm")


def derivations_disagree(per_year):
    """The years where the CNS copy and the nagix derivation count differently.

    A count missing from one copy counts as a difference. Columns: year, then
    cns_<count> and nagix_<count> for each count, and the dataset's notes.
    """
    differs = None
    for name in COPY_PAIRS:
        cns, nagix = per_year[f"cns_{name}"], per_year[f"nagix_{name}"]
        pair = (cns != nagix).fillna(False) | (cns.isna() != nagix.isna())
        differs = pair if differs is None else differs | pair
    columns = ["year"]
    for name in COPY_PAIRS:
        columns += [f"cns_{name}", f"nagix_{name}"]
    return per_year.loc[differs, [*columns, "notes"]].reset_index(drop=True)
