"""China-DPRK and Russia-DPRK trade: selecting like with like, and growth rates.

The ``trade`` dataset keeps every published figure: several compilers per year, yuan and
dollars, quarters, half-years, year-to-date sums and single months. The functions here
pick comparable rows and refuse to compare the rest, because most wrong trade numbers in
the press come from comparing a yuan quarter with a dollar half-year, or one compiler's
level with another's.
"""

import calendar
import datetime
import math
import re
from collections.abc import Mapping, Sequence

from nkcourse.errors import NkcourseError

# The organisation behind each ``compiler`` string, first match wins. The dataset names a
# compiler together with the outlet that reported it ("GAC (Reuters)", "GAC (via Yonhap)"),
# so the same organisation is spelt many ways; grouping needs the organisation alone.
COMPILER_FAMILIES: tuple[tuple[str, str], ...] = (
    (r"\bKOTRA\b", "KOTRA"),
    (r"\bKITA\b", "KITA"),
    (r"Statistics Korea", "Statistics Korea"),
    (r"\bKIEP\b", "KIEP"),
    (r"\bITC\b", "ITC"),
    (r"World Trade Atlas", "CRS/World Trade Atlas"),
    (r"\bGAC\b|Chinese customs|General Administration of Customs", "GAC"),
    (r"China Ministry of Commerce", "China's Ministry of Commerce"),
    (r"Chinese government data|Chinese statistics", "Chinese statistics (agency not named)"),
    (r"Russian", "Russian customs"),
)
NOT_STATED = "not stated"

FLOWS = ("total", "exports to DPRK", "imports from DPRK")
PERIOD_TYPES = ("year", "half-year", "quarter", "month", "year-to-date", "two months")


def compiler_family(compiler: str) -> str:
    """The organisation that compiled a figure, e.g. "GAC (Reuters)" -> "GAC".

    A compiler the table does not know stays as it is written, so nothing is lost.
    """
    for pattern, family in COMPILER_FAMILIES:
        if re.search(pattern, str(compiler)):
            return family
    return str(compiler)


def with_families(trade):
    """A copy of ``trade`` with a ``compiler_family`` column right after ``compiler``."""
    out = trade.copy()
    families = out["compiler"].map(compiler_family)
    out.insert(out.columns.get_loc("compiler") + 1, "compiler_family", families)
    return out


def _families(trade):
    return trade if "compiler_family" in trade.columns else with_families(trade)


# ---- growth rates ------------------------------------------------------------------------


def growth_pct(old: float, new: float) -> float:
    """Percentage change from ``old`` to ``new``: (new - old) / old * 100.

    Trade levels are positive amounts; a missing, zero or negative ``old`` has no growth
    rate, so it is refused rather than turned into a misleading number.
    """
    for name, value in (("old", old), ("new", new)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise NkcourseError(
                f"growth_pct needs two numbers; {name} is {value!r}. "
                "Pick one value from a row, e.g. row['value']."
            )
        if math.isnan(value):
            raise NkcourseError(
                f"growth_pct: {name} is missing (NaN): that row states a change, not a level. "
                "Choose rows whose value column is filled in."
            )
    if old <= 0 or new < 0:
        raise NkcourseError(
            f"growth_pct needs positive levels (old={old!r}, new={new!r}): a trade value "
            "cannot be negative, and growth from zero is not defined."
        )
    return (new - old) / old * 100


def _field(row: Mapping, name: str):
    value = row.get(name)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def growth_between(old: Mapping, new: Mapping) -> float:
    """Growth in % from row ``old`` to row ``new`` of ``trade``, if they are comparable.

    Comparable means: same partner, flow, kind of period, currency and compiling
    organisation. Anything else measures a difference between sources, not a change in
    trade, so it is refused with the reason.
    """
    problems = []
    for column, what in (
        ("partner", "partner"),
        ("flow", "flow"),
        ("period_type", "kind of period"),
        ("currency", "currency"),
    ):
        a, b = _field(old, column), _field(new, column)
        if a is None or b is None:
            problems.append(f"the {what} of one row is not stated")
        elif a != b:
            problems.append(f"the {what} differs ({a} vs {b})")
    families = [compiler_family(_field(row, "compiler") or "") for row in (old, new)]
    if families[0] != families[1]:
        problems.append(f"the compiler differs ({families[0]} vs {families[1]})")
    if problems:
        raise NkcourseError(
            "These two figures cannot give a growth rate: "
            + "; ".join(problems)
            + ". Compare rows with the same partner, flow, period type, currency and compiler."
        )
    return growth_pct(_field(old, "value"), _field(new, "value"))


def pick_level(trade, *, partner: str, period: str, flow: str, family: str, currency: str):
    """The one row holding this level; refuses none or several (and says which exist)."""
    rows = _families(trade)
    rows = rows[
        (rows["partner"] == partner)
        & (rows["period"] == period)
        & (rows["flow"] == flow)
        & (rows["compiler_family"] == family)
        & (rows["currency"] == currency)
        & rows["value"].notna()
    ]
    what = f"{partner}, {period}, {flow}, {family}, {currency}"
    if rows.empty:
        raise NkcourseError(f"No level in the trade data for {what}. Check the spelling.")
    if len(rows) > 1:
        reports = ", ".join(rows["report"].fillna("unnamed report").astype(str))
        raise NkcourseError(f"Several reports give {what} ({reports}): choose one by report.")
    return rows.iloc[0]


def computed_vs_reported(
    trade, old_period: str, new_period: str, *, partner="China", family="GAC", currency="USD"
):
    """Growth computed from two levels beside the growth the compiler reported, per flow.

    Columns: flow, old_period, old_value, new_period, new_value, currency,
    computed_growth_pct, reported_growth_pct, difference_pts, compiler, source.
    Flows without a level in both periods are left out.
    """
    import pandas as pd

    rows = []
    for flow in FLOWS:
        try:
            old = pick_level(
                trade,
                partner=partner,
                period=old_period,
                flow=flow,
                family=family,
                currency=currency,
            )
            new = pick_level(
                trade,
                partner=partner,
                period=new_period,
                flow=flow,
                family=family,
                currency=currency,
            )
        except NkcourseError:
            continue
        computed = growth_between(old, new)
        reported = new["yoy_change_pct"]
        rows.append(
            {
                "flow": flow,
                "old_period": old_period,
                "old_value": old["value"],
                "new_period": new_period,
                "new_value": new["value"],
                "currency": currency,
                "computed_growth_pct": computed,
                "reported_growth_pct": reported,
                "difference_pts": computed - reported,
                "compiler": new["compiler"],
                "source": new["source"],
            }
        )
    return pd.DataFrame(rows)


# ---- selections for the lesson's tables and charts -----------------------------------------


def annual_totals(trade, partners: Sequence[str] = ("China", "Russia"), currency: str = "USD"):
    """Every published annual total (a level, not only a change), one row per figure.

    Columns: partner, year, compiler_family, compiler, report, value, qualifier,
    currency, yoy_change_pct, source, run. ``run`` numbers the unbroken stretches of
    consecutive years of each partner and compiler, so a chart joins only those.
    """
    rows = _families(trade)
    rows = rows[
        rows["partner"].isin(list(partners))
        & (rows["period_type"] == "year")
        & (rows["flow"] == "total")
        & (rows["currency"] == currency)
        & rows["value"].notna()
    ].copy()
    rows["year"] = rows["period"].astype(int)
    rows = rows.sort_values(["partner", "compiler_family", "year", "value"]).reset_index(drop=True)
    rows["run"] = 0
    for _key, group in rows.groupby(["partner", "compiler_family"], sort=False):
        rows.loc[group.index, "run"] = series_runs(group["year"].tolist())
    columns = [
        "partner",
        "year",
        "compiler_family",
        "compiler",
        "report",
        "value",
        "qualifier",
        "currency",
        "yoy_change_pct",
        "source",
        "run",
    ]
    return rows.sort_values(["partner", "year", "compiler_family"])[columns].reset_index(drop=True)


def series_runs(steps: Sequence[int]) -> list[int]:
    """Number the unbroken stretches of sorted ``steps`` (years or month numbers).

    ``[2013, 2014, 2014, 2015, 2022]`` -> ``[0, 0, 0, 0, 1]``: a missing year starts a new
    stretch, so a line never bridges a gap the data does not fill.
    """
    runs, run = [], 0
    for index, step in enumerate(steps):
        if index and step - steps[index - 1] > 1:
            run += 1
        runs.append(run)
    return runs


def reported_growth(trade, *, partner: str = "China", flow: str = "total", periods=None):
    """Year-on-year changes as published (not computed), with currency and compiler.

    Columns: period, period_type, flow, yoy_change_pct, currency (``"not stated"`` where the
    source gives none), compiler_family, compiler, source; in the order of ``periods`` if
    given, else by the period's last month.
    """
    rows = _families(trade)
    rows = rows[
        (rows["partner"] == partner) & (rows["flow"] == flow) & rows["yoy_change_pct"].notna()
    ].copy()
    if periods is not None:
        unknown = sorted(set(periods) - set(rows["period"]))
        if unknown:
            raise NkcourseError(
                f"No reported growth of {partner}'s {flow} for {', '.join(unknown)}; "
                f"periods with one: {', '.join(sorted(set(rows['period'])))}."
            )
        order = {period: number for number, period in enumerate(periods)}
        rows = rows[rows["period"].isin(order)]
        rows = rows.assign(_order=rows["period"].map(order))
    else:
        rows = rows.assign(_order=rows["period"].map(period_end))
    rows["currency"] = rows["currency"].fillna(NOT_STATED)
    columns = [
        "period",
        "period_type",
        "flow",
        "yoy_change_pct",
        "currency",
        "compiler_family",
        "compiler",
        "source",
    ]
    return rows.sort_values(["_order", "compiler"])[columns].reset_index(drop=True)


def period_bounds(period: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a period covers: "2017" -> 2017-01-01..2017-12-31,
    "2017-Q1" -> 2017-01-01..2017-03-31, "2017-H2" -> 2017-07-01..2017-12-31,
    "2017-04" -> 2017-04-01..2017-04-30, "2017-01..09" -> 2017-01-01..2017-09-30."""
    match = re.fullmatch(r"(\d{4})(?:-(Q[1-4]|H[12]|\d{2})(?:\.\.(\d{2}))?)?", str(period))
    if not match:
        raise NkcourseError(
            f"Unknown period {period!r}: write YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM..MM."
        )
    year, part, last = int(match.group(1)), match.group(2), match.group(3)
    if part is None:
        first_month, last_month = 1, 12
    elif part[0] == "Q":
        first_month, last_month = 3 * int(part[1]) - 2, 3 * int(part[1])
    elif part[0] == "H":
        first_month, last_month = 6 * int(part[1]) - 5, 6 * int(part[1])
    else:
        first_month = int(part)
        last_month = int(last) if last else first_month
    if not 1 <= first_month <= last_month <= 12:
        raise NkcourseError(f"Unknown period {period!r}: months run from 01 to 12, in order.")
    end_day = calendar.monthrange(year, last_month)[1]
    return datetime.date(year, first_month, 1), datetime.date(year, last_month, end_day)


def period_end(period: str) -> datetime.date:
    """The last day a period covers (see :func:`period_bounds`)."""
    return period_bounds(period)[1]


def changes_by_period(
    trade, *, partner="China", flow="imports from DPRK", first_year=2017, last_year=2018
):
    """Reported year-on-year changes of one flow for the periods ending from ``first_year``
    to ``last_year``, with the first and last day each covers (``period_start``,
    ``period_end``), as :func:`reported_growth` otherwise."""
    import pandas as pd

    rows = reported_growth(trade, partner=partner, flow=flow)
    bounds = rows["period"].map(period_bounds)
    rows.insert(1, "period_start", pd.to_datetime(bounds.str[0]))
    rows.insert(2, "period_end", pd.to_datetime(bounds.str[1]))
    ends = rows["period_end"]
    return rows[ends.dt.year.between(first_year, last_year)].reset_index(drop=True)


def monthly_levels(trade, *, partner="China", flow="imports from DPRK", currency="USD"):
    """The single months for which the dataset has a level (the series has big gaps).

    Columns: month (first day), period, value, currency, compiler_family, compiler,
    report, yoy_change_pct, source.
    """
    import pandas as pd

    rows = _families(trade)
    rows = rows[
        (rows["partner"] == partner)
        & (rows["flow"] == flow)
        & (rows["period_type"] == "month")
        & (rows["currency"] == currency)
        & rows["value"].notna()
    ].copy()
    rows.insert(0, "month", pd.to_datetime(rows["period"] + "-01"))
    columns = [
        "month",
        "period",
        "value",
        "currency",
        "compiler_family",
        "compiler",
        "report",
        "yoy_change_pct",
        "source",
    ]
    return rows.sort_values(["month", "report"])[columns].reset_index(drop=True)


def matching_rows(trade, *, partner: str, flow: str, period_type: str):
    """The explorer's selection: every row for a partner, flow and kind of period.

    Columns: period, value, qualifier, currency, yoy_change_pct, compiler_family,
    compiler, report, source; sorted by period. An empty selection is refused with the kinds of
    period that do exist for this partner and flow.
    """
    rows = _families(trade)
    chosen = rows[(rows["partner"] == partner) & (rows["flow"] == flow)]
    selected = chosen[chosen["period_type"] == period_type]
    if selected.empty:
        existing = ", ".join(sorted(set(chosen["period_type"]))) or "none"
        raise NkcourseError(
            f"The trade data has no {period_type} figures for {partner}, {flow}. "
            f"Kinds of period it has for this choice: {existing}."
        )
    columns = [
        "period",
        "value",
        "qualifier",
        "currency",
        "yoy_change_pct",
        "compiler_family",
        "compiler",
        "report",
        "source",
    ]
    return selected.sort_values(["period", "compiler"])[columns].reset_index(drop=True)


# The dates the lesson marks on its charts: China's coal suspension, resolution 2371, the
# start and full force of China's enforcement of its bans, resolutions 2375 and 2397.
ENFORCEMENT_DATES = (
    "2017-02-18",
    "2017-08-05",
    "2017-08-15",
    "2017-09-05",
    "2017-09-11",
    "2017-12-22",
)


def events_on(events, dates: Sequence[str] = ENFORCEMENT_DATES):
    """The ``events`` rows dated on ``dates`` (columns date, event, description, source);
    a date with no event is refused, so a chart never marks an undocumented date."""
    import pandas as pd

    wanted = pd.to_datetime(list(dates))
    missing = [d for d, w in zip(dates, wanted, strict=True) if not (events["date"] == w).any()]
    if missing:
        raise NkcourseError(f"The events dataset has nothing on {', '.join(missing)}.")
    rows = events[events["date"].isin(wanted)]
    columns = ["date", "event", "description", "source"]
    return rows.sort_values("date")[columns].reset_index(drop=True)
