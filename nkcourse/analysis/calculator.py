"""A transparent toy model: how much DPRK export revenue is lost if China and Russia enforce.

Two steps, each a pure function a student can read:

1. :func:`model_inputs` picks, for each commodity banned by resolutions 2321, 2371 and
   2375, one row of the ``exports_by_commodity`` dataset (its stated annual value, who
   stated it, the source) and joins the ban from ``measures``. It adds who buys the
   commodity: China's share where the dataset states one, otherwise an *assumption* that
   is written out in the ``share_basis`` column.
2. :func:`revenue_lost` applies three percentages (China's enforcement, Russia's
   enforcement, the evasion leak) to those inputs, row by row.

Every figure comes from a dataset row; every assumption is a column. Nothing here is a
forecast: prices, volumes, smuggling and other buyers do not respond in this model.
"""

import re
from dataclasses import dataclass
from numbers import Real

from nkcourse.errors import NkcourseError

BAN_RESOLUTIONS = ("2321", "2371", "2375")
INCLUDED = "included"
UNVERIFIED = "included: UNVERIFIED value"
EXCLUDED = "excluded: no stated value"
TOTAL_LABEL = "Total (model output)"
# Columns revenue_lost needs from its inputs (model_inputs makes all of them).
REQUIRED = (
    "commodity",
    "period",
    "value_usd_m",
    "stated_by",
    "source",
    "confidence",
    "china_share_pct",
    "russia_share_pct",
)
# "~80% of textile exports went to China", ">99% of reported coal exports went to China"
_CHINA_SHARE = re.compile(r"([~>]?)(\d+(?:\.\d+)?)% of [^.]*? went to China")


@dataclass(frozen=True)
class Pick:
    """One banned commodity: its name in ``exports_by_commodity`` and how to find its ban.

    ``sector`` and ``keyword`` select the ban in ``measures`` (the sector, and a word its
    verbatim detail contains). ``choice`` names the model_inputs argument that picks among
    several stated values; ``None`` means the dataset has exactly one row for it.
    """

    commodity: str
    sector: str
    keyword: str
    choice: str | None = None
    unverified_only: bool = False


PICKS = (
    Pick("Coal", "coal", "coal", choice="coal"),
    Pick("Iron and iron ore", "iron ore", "iron ore"),
    Pick("Lead and lead ore", "metals", "lead"),
    Pick("Seafood", "seafood", "seafood"),
    Pick("Textiles/clothing", "textiles", "textile", choice="textile"),
    Pick("Non-ferrous metals (copper, nickel, silver, zinc)", "metals", "copper"),
    Pick("Statues/monuments", "statues", "statues"),
    # Not a merchandise export, and its value is unverified: only on request.
    Pick("Overseas labour (not a merchandise export)", "workers", "work", unverified_only=True),
)
# The periods a coal value may be taken from: the last full year before the 2017 cap,
# or the cap itself (what 2321 still allowed until 2371 banned coal outright).
COAL_PERIODS = ("2016", "2017 (cap)")


def check_percent(name: str, value) -> float:
    """``value`` as a float if it is a percentage from 0 to 100, else a friendly error."""
    if isinstance(value, bool) or not isinstance(value, Real) or value != value:
        raise NkcourseError(
            f"{name} must be a number from 0 to 100 (a percentage), not {value!r}. "
            f"For example {name}=80 means 80 %."
        )
    if not 0 <= value <= 100:
        raise NkcourseError(
            f"{name} = {value!r} is outside 0 to 100. Give a percentage: 0 means none, "
            "100 means all."
        )
    return float(value)


def short_name(stated_by: str) -> str:
    """Who stated a figure, without the parenthesised detail: 'KOTRA', 'US officials'."""
    return stated_by.split(" (")[0].strip()


def is_unverified(confidence: str) -> bool:
    return str(confidence).startswith("unverified")


def _load(name: str, frame):
    """The dataset (or the frame given), without its provenance ``attrs``: pandas
    deep-copies those on every operation, which would make the explorer slow."""
    if frame is None:
        from nkcourse import data

        frame = data.load(name)
    plain = frame.copy()
    plain.attrs = {}
    return plain


def estimates(commodity: str, exports=None):
    """Every stated annual value of ``commodity`` the model may use, with a short label.

    For textiles these are the four estimates that disagree (KOTRA, US officials, Japan,
    Australia); for coal, the 2016 value and the 2017 cap.
    """
    exports = _load("exports_by_commodity", exports)
    rows = exports[exports["commodity"] == commodity]
    if commodity == "Coal":
        rows = rows[rows["period"].isin(COAL_PERIODS)]
    rows = rows[rows["value_usd_m"].notna()].copy()
    rows["label"] = [
        f"{row.value_text} USD m: {short_name(row.stated_by)} ({row.period})"
        + (" [UNVERIFIED]" if is_unverified(row.confidence) else "")
        for row in rows.itertuples()
    ]
    return rows.reset_index(drop=True)


def all_estimates(exports=None):
    """Every stated value the model could use, for every banned commodity (with labels).

    Statues have no stated value and so no row here; overseas labour's value is
    unverified and is flagged in its label.
    """
    import pandas as pd

    exports = _load("exports_by_commodity", exports)
    return pd.concat([estimates(pick.commodity, exports) for pick in PICKS], ignore_index=True)


def _choose(rows, wanted, argument: str):
    """The one row whose period equals ``wanted`` or whose stated_by starts with it."""
    options = "; ".join(f"{short_name(r.stated_by)!r} ({r.period})" for r in rows.itertuples())
    if not isinstance(wanted, str) or not wanted.strip():
        raise NkcourseError(
            f"{argument} must be text naming who stated the value or its period, one of: {options}."
        )
    key = wanted.strip().casefold()
    by_period = rows["period"].str.casefold() == key
    hits = rows[by_period | rows["stated_by"].str.casefold().str.startswith(key)]
    if len(hits) != 1:
        problem = "matches no" if hits.empty else "matches more than one"
        raise NkcourseError(
            f"{argument}={wanted!r} {problem} stated value. Choose by who stated it or by "
            f"period, one of: {options}."
        )
    return hits


def stated_china_share(rows) -> tuple[float, str] | None:
    """China's share of a commodity's exports if the rows' notes state one: (pct, text)."""
    for row in rows.itertuples():
        match = _CHINA_SHARE.search(str(row.notes))
        if match:
            qualifier, number = match.groups()
            basis = f"stated: {match.group(0)} ({short_name(row.stated_by)} row, notes)"
            if qualifier == ">":
                basis += f"; the model uses {number}, the stated lower bound"
            return float(number), basis
    return None


def adopted_bans(measures):
    """The adopted bans of BAN_RESOLUTIONS, oldest first."""
    return measures[
        measures["resolution"].isin(BAN_RESOLUTIONS)
        & (measures["status"] == "adopted")
        & (measures["measure"] == "ban")
    ].sort_values(["date", "item"])


def _ban(bans, pick: Pick):
    """The first of ``bans`` that concerns ``pick``: (resolution, detail)."""
    bans = bans[
        (bans["sector"] == pick.sector)
        & bans["detail"].str.contains(pick.keyword, case=False, regex=False)
    ]
    if bans.empty:
        raise NkcourseError(
            f"No ban on {pick.commodity} found in resolutions {', '.join(BAN_RESOLUTIONS)} "
            "in the measures dataset: run `nkcourse doctor` to check the installation."
        )
    first = bans.iloc[0]
    return first["resolution"], first["detail"]


def model_inputs(
    textile: str = "KOTRA",
    coal: str = "2016",
    russia_share: float = 0,
    include_unverified: bool = False,
    exports=None,
    measures=None,
):
    """The rows the model uses, one per banned commodity, each traceable to its dataset row.

    ``textile`` picks one of the four textile estimates by who stated it ("KOTRA",
    "US officials", "Japan", "Australia"); ``coal`` picks "2016" (EIA) or "2017 (cap)".
    ``russia_share`` is an ASSUMPTION (percent): the share of each commodity bought by
    Russia, since the data states none. Where China's share is not stated either, China is
    assumed to buy the rest; where it is stated, other buyers get what is left.
    A commodity with no stated value (statues) is kept as an "excluded" row, never as 0.
    Overseas labour (unverified value) is added, flagged, only if ``include_unverified``.
    """
    exports = _load("exports_by_commodity", exports)
    bans = adopted_bans(_load("measures", measures))
    russia_share = check_percent("russia_share", russia_share)
    if not isinstance(include_unverified, bool):
        raise NkcourseError("include_unverified must be True or False.")
    import pandas as pd

    records = []
    for pick in PICKS:
        if pick.unverified_only and not include_unverified:
            continue
        rows = exports[exports["commodity"] == pick.commodity]
        if rows.empty:
            raise NkcourseError(
                f"The exports_by_commodity dataset has no row for {pick.commodity!r}: run "
                "`nkcourse doctor` to check the installation."
            )
        if pick.choice is not None:
            wanted = {"textile": textile, "coal": coal}[pick.choice]
            row = _choose(estimates(pick.commodity, exports), wanted, pick.choice).iloc[0]
        else:
            row = rows.iloc[0]
        resolution, detail = _ban(bans, pick)
        records.append(_record(row, rows, resolution, detail, russia_share))
    return pd.DataFrame.from_records(records)


def _record(row, rows, resolution: str, detail: str, russia_share: float) -> dict:
    stated = stated_china_share(rows)
    if stated is None:
        china, russia = 100.0 - russia_share, russia_share
        basis = (
            "ASSUMPTION: no buyer share stated in the data; Russia assumed to buy "
            f"{russia_share:g} % and China the rest"
        )
    else:
        china, basis = stated
        russia = min(russia_share, 100.0 - china)
        basis += f"; ASSUMPTION: Russia buys {russia:g} %, other buyers the rest"
    has_value = row["value_usd_m"] == row["value_usd_m"]  # NaN is not equal to itself
    if not has_value:
        status = EXCLUDED
    elif is_unverified(row["confidence"]):
        status = UNVERIFIED
    else:
        status = INCLUDED
    return {
        "commodity": row["commodity"],
        "period": row["period"],
        "value_usd_m": row["value_usd_m"],
        "qualifier": row["qualifier"],
        "value_text": row["value_text"],
        "stated_by": row["stated_by"],
        "source": row["source"],
        "confidence": row["confidence"],
        "banned_by": resolution,
        "ban": detail,
        "china_share_pct": china,
        "russia_share_pct": russia,
        "other_share_pct": 100.0 - china - russia,
        "share_basis": basis,
        "status": status,
    }


def _check_inputs(inputs) -> None:
    if not hasattr(inputs, "columns"):
        raise NkcourseError(
            "inputs must be a table (DataFrame) of model inputs: make it with "
            "calculator.model_inputs()."
        )
    missing = [column for column in REQUIRED if column not in inputs.columns]
    if missing:
        raise NkcourseError(
            f"inputs lacks the column(s) {', '.join(missing)}: make it with "
            "calculator.model_inputs(), then filter its rows if you like."
        )
    import pandas as pd

    for column in ("value_usd_m", "china_share_pct", "russia_share_pct"):
        if not pd.api.types.is_numeric_dtype(inputs[column]):
            raise NkcourseError(f"inputs[{column!r}] must hold numbers.")
    if (inputs["value_usd_m"] < 0).any():
        raise NkcourseError("inputs['value_usd_m'] has a negative value: revenue is never < 0.")
    shares = inputs["china_share_pct"] + inputs["russia_share_pct"]
    if inputs[["china_share_pct", "russia_share_pct"]].lt(0).any().any() or (shares > 100).any():
        raise NkcourseError(
            "China's and Russia's shares must each be at least 0 and add up to at most 100 %."
        )


def revenue_lost(inputs, china_enforcement, russia_enforcement, evasion_leak):
    """Revenue lost per commodity (USD million a year): a model output, not a fact.

    All three settings are percentages from 0 to 100. For each row:
    lost via China = value x China's share x China's enforcement x (1 - leak), likewise
    for Russia; other buyers' part is not counted as lost. A row without a stated value
    gives NaN (and says so in ``status``), never a silent 0.
    """
    china = check_percent("china_enforcement", china_enforcement)
    russia = check_percent("russia_enforcement", russia_enforcement)
    leak = check_percent("evasion_leak", evasion_leak)
    _check_inputs(inputs)
    result = inputs.copy()
    if "status" not in result.columns:
        result["status"] = INCLUDED
    result.loc[result["value_usd_m"].isna(), "status"] = EXCLUDED
    result["china_enforcement_pct"] = china
    result["russia_enforcement_pct"] = russia
    result["evasion_leak_pct"] = leak
    kept = (100 - leak) / 100
    value = result["value_usd_m"]
    result["lost_via_china_usd_m"] = value * result["china_share_pct"] / 100 * china / 100 * kept
    result["lost_via_russia_usd_m"] = value * result["russia_share_pct"] / 100 * russia / 100 * kept
    result["revenue_lost_usd_m"] = result["lost_via_china_usd_m"] + result["lost_via_russia_usd_m"]
    result["still_earned_usd_m"] = value - result["revenue_lost_usd_m"]
    return result


def with_total(result):
    """``result`` plus a last row, labelled as model output, adding up the numeric columns.

    Excluded rows (no stated value) are skipped in the sums, and the total's status says
    how many were left out.
    """
    import pandas as pd

    sums = ["value_usd_m", "lost_via_china_usd_m", "lost_via_russia_usd_m"]
    sums += ["revenue_lost_usd_m", "still_earned_usd_m"]
    total = {column: result[column].sum() for column in sums if column in result.columns}
    excluded = int((result["status"] == EXCLUDED).sum()) if "status" in result.columns else 0
    total["commodity"] = TOTAL_LABEL
    total["status"] = f"model output; {excluded} row(s) without a stated value left out"
    return pd.concat([result, pd.DataFrame([total])], ignore_index=True)


def total_lost(result) -> float:
    """The model's total revenue lost (USD million a year), excluded rows left out."""
    return float(result["revenue_lost_usd_m"].sum())


def lost_by_enforcement(inputs, levels, leaks, russia_enforcement=0):
    """Total revenue lost for each China enforcement level and each evasion leak.

    One row per (china_enforcement_pct, evasion_leak_pct): for the line chart of how the
    model's output grows with enforcement. Russia's enforcement is held fixed.
    """
    import pandas as pd

    rows = [
        {
            "china_enforcement_pct": float(level),
            "russia_enforcement_pct": float(russia_enforcement),
            "evasion_leak_pct": float(leak),
            "revenue_lost_usd_m": total_lost(revenue_lost(inputs, level, russia_enforcement, leak)),
        }
        for leak in leaks
        for level in levels
    ]
    return pd.DataFrame(rows)


def first_level_exceeding(inputs, threshold_usd_m, levels, russia_enforcement=0, evasion_leak=0):
    """The lowest China enforcement level in ``levels`` whose total lost exceeds the threshold.

    ``None`` if no level does: then no amount of Chinese enforcement, in this model, gets
    there.
    """
    for level in sorted(levels):
        lost = total_lost(revenue_lost(inputs, level, russia_enforcement, evasion_leak))
        if lost > threshold_usd_m:
            return level
    return None
