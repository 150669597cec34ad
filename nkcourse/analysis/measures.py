"""What each Security Council resolution banned or capped, sector by sector (lesson 03).

Everything here reads the ``measures`` dataset (one row per measure and sector of each
Council text, with the verbatim ``detail``) and, for revenue, ``exports_by_commodity``.
The functions only select, group and count: every figure they return is a dataset value
or a count of dataset rows, and every text is the dataset's own wording.
"""

from nkcourse.errors import NkcourseError

SANCTION_KINDS = ("ban", "cap")
NEGOTIATION_STATUSES = ("dropped", "softened")
# The Council's DPRK sanctions begin with 1695 (2006); 825 (1993) imposed none.
FIRST_DATE = "2006-01-01"
OTHER_KIND = "other measure"

MEASURES_COLUMNS = ("resolution", "document_type", "date", "item", "status", "sector", "measure",
                    "detail", "source")  # fmt: skip
EXPORTS_COLUMNS = ("commodity", "period", "value_usd_m", "value_text", "stated_by",
                   "confidence", "source")  # fmt: skip

# Which rows of ``measures`` targeted each commodity of ``exports_by_commodity``: the
# sector, and a word the measure's verbatim detail must contain. The word keeps out
# measures of the same sector about something else (2397's *import* ban on "other metals"
# is in the metals sector, but it is not the 2371 ban on lead).
COMMODITY_TARGETS = {
    "Coal": ("coal", "coal"),
    "Anthracite coal": ("coal", "coal"),
    "Iron ore": ("iron ore", "iron ore"),
    "Iron and iron ore": ("iron ore", "iron ore"),
    "Lead and lead ore": ("metals", "lead"),
    "Non-ferrous metals (copper, nickel, silver, zinc)": ("metals", "copper"),
    "Seafood": ("seafood", "seafood"),
    "Textiles/clothing": ("textiles", "textile"),
    "Clothing": ("textiles", "textile"),
    "Statues/monuments": ("statues", "statues"),
    "Overseas labour (not a merchandise export)": ("workers", "work"),
}
TEXTILES = "Textiles/clothing"
# Rows of exports_by_commodity whose period says they state a cap or a cut, not revenue
# (e.g. Coal, "2017 (cap)"): the measures table already gives the cap verbatim.
NOT_REVENUE = ("cap", "reduction")


def _require(frame, columns, dataset: str) -> None:
    missing = [c for c in columns if c not in getattr(frame, "columns", ())]
    if missing:
        raise NkcourseError(
            f"This needs the {dataset!r} dataset, but the table given lacks the column(s) "
            f"{', '.join(missing)}. Pass data.load({dataset!r})."
        )


def council_resolutions(measures):
    """Adopted measures of the Council's sanctions resolutions, oldest first.

    Leaves out resolution 825 (1993, no sanctions), the Panel of Experts renewals (their
    document_type says so), presidential statements, vetoed drafts, and whatever was
    dropped or softened in negotiation.
    """
    _require(measures, MEASURES_COLUMNS, "measures")
    import pandas as pd

    keep = (
        (measures["document_type"] == "resolution")
        & (measures["status"] == "adopted")
        & (measures["date"] >= pd.Timestamp(FIRST_DATE))
    )
    ordered = measures[keep].sort_values(["date", "resolution", "item", "sector"])
    return ordered.reset_index(drop=True)


def resolution_order(measures) -> list[str]:
    """The sanctions resolutions' numbers in adoption order (the heatmap's columns)."""
    return list(dict.fromkeys(council_resolutions(measures)["resolution"]))


def _joined(values, separator: str = "; ") -> str:
    return separator.join(dict.fromkeys(values))


def _strongest(kinds) -> str:
    kinds = set(kinds)
    return next((kind for kind in SANCTION_KINDS if kind in kinds), OTHER_KIND)


def sector_matrix(measures):
    """One row per (sector, resolution) where the resolution imposed something on the sector.

    Columns: sector, resolution, date, kind (``ban`` if any measure in the cell is a ban,
    else ``cap``, else ``other measure``), measures (the kinds, as listed), n_measures (how
    many of the resolution's fragments concern the sector) and details (the verbatim
    fragments, separated by " | "). Cells with nothing are absent, not zero.
    """
    rows = council_resolutions(measures)
    cells = rows.groupby(["sector", "resolution"], sort=False).agg(
        date=("date", "first"),
        kind=("measure", _strongest),
        measures=("measure", _joined),
        n_measures=("item", "nunique"),
        details=("detail", lambda d: _joined(d, " | ")),
    )
    return cells.reset_index().sort_values(["date", "sector"]).reset_index(drop=True)


def sector_order(matrix) -> list[str]:
    """Sectors in the order a resolution first touched them (ties by name): the heatmap's
    rows, so that the coloured cells build a staircase."""
    first = matrix.groupby("sector")["date"].min().reset_index()
    return list(first.sort_values(["date", "sector"])["sector"])


def cumulative_sectors(measures, kinds=SANCTION_KINDS):
    """For each sanctions resolution, how many sectors were under a ban or cap by then.

    One row per resolution, oldest first: resolution, date, new_sectors (the sectors it
    banned or capped for the first time, comma-separated, "" if none), n_new and
    n_sectors (the running count of distinct sectors). A sector counts once, from the
    first resolution that banned or capped it.
    """
    rows = council_resolutions(measures)
    unknown = sorted(set(kinds) - set(measures["measure"]))
    if isinstance(kinds, str) or unknown:
        raise NkcourseError(
            f"kinds should be a list of measure kinds such as ['ban', 'cap']; "
            f"{unknown or kinds!r} is not. The kinds are in measures['measure'].unique()."
        )
    seen: set[str] = set()
    records = []
    for (date, resolution), group in rows.groupby(["date", "resolution"], sort=True):
        sanctioned = group.loc[group["measure"].isin(list(kinds)), "sector"]
        new = [sector for sector in dict.fromkeys(sanctioned) if sector not in seen]
        seen.update(new)
        records.append((resolution, date, ", ".join(new), len(new), len(seen)))
    import pandas as pd

    columns = ["resolution", "date", "new_sectors", "n_new", "n_sectors"]
    return pd.DataFrame(records, columns=columns)


def _resolution_date(rows, resolution):
    dates = rows.loc[rows["resolution"] == str(resolution), "date"]
    if dates.empty:
        choices = ", ".join(dict.fromkeys(rows["resolution"]))
        raise NkcourseError(
            f"{resolution!r} is not one of the sanctions resolutions. Choose one of: {choices} "
            "(as text, e.g. '2375')."
        )
    return dates.iloc[0]


def sectors_up_to(measures, resolution: str):
    """Every ban and cap in force by ``resolution`` (inclusive), with its verbatim detail.

    One row per sector and measure: sector, resolution, date, measure, detail, and new
    (True for the measures ``resolution`` itself added). Sorted by sector, then date.
    Later measures do not replace earlier ones here: 2371's coal ban and 2321's coal cap
    both appear, so the history stays visible.
    """
    rows = council_resolutions(measures)
    until = _resolution_date(rows, resolution)
    chosen = rows[(rows["date"] <= until) & rows["measure"].isin(SANCTION_KINDS)]
    table = chosen[["sector", "resolution", "date", "measure", "detail"]].assign(
        new=chosen["resolution"] == str(resolution)
    )
    return table.sort_values(["sector", "date"], kind="stable").reset_index(drop=True)


def resolutions_touching(measures, sector: str):
    """Every Council text that touched ``sector``, whatever happened to the measure.

    Columns: resolution, document_type, date, status (adopted, dropped, softened, vetoed),
    measure, detail; oldest first, undated texts last.
    """
    _require(measures, MEASURES_COLUMNS, "measures")
    rows = measures[measures["sector"] == sector]
    if rows.empty:
        choices = ", ".join(sorted(measures["sector"].unique()))
        raise NkcourseError(f"No measure concerns the sector {sector!r}. Sectors: {choices}.")
    columns = ["resolution", "document_type", "date", "status", "measure", "detail"]
    ordered = rows.sort_values(["date", "item"], na_position="last", kind="stable")
    return ordered[columns].reset_index(drop=True)


def negotiation_changes(measures, resolution: str | None = None):
    """What was dropped from, or softened in, a text during negotiation.

    One row per dropped or softened fragment (a fragment naming several sectors is one
    row, its sectors joined): resolution, date, status, sectors, measure, detail, source.
    """
    _require(measures, MEASURES_COLUMNS, "measures")
    rows = measures[measures["status"].isin(NEGOTIATION_STATUSES)]
    if resolution is not None:
        _resolution_date(measures, resolution)
        rows = rows[rows["resolution"] == str(resolution)]
    grouped = rows.groupby(["resolution", "item"], sort=False).agg(
        date=("date", "first"),
        status=("status", "first"),
        sectors=("sector", lambda s: _joined(s, ", ")),
        measure=("measure", "first"),
        detail=("detail", "first"),
        source=("source", "first"),
    )
    table = grouped.reset_index().sort_values(["date", "item"], na_position="last")
    return table.drop(columns="item").reset_index(drop=True)


def targeted_revenue(exports, measures):
    """The stated export revenue of each commodity a resolution banned or capped.

    One row per stated figure (commodity, period, who stated it), as in
    ``exports_by_commodity``, leaving out rows that state a cap or a cut (see
    :data:`NOT_REVENUE`): commodity, period, value_text (as stated, with its "~"),
    value_usd_m, stated_by, confidence, targeted_by (the adopted measures on it, e.g.
    "2270 ban; 2321 cap; 2371 ban") and source. Nothing is added up: the figures come
    from different bodies and years.
    """
    _require(exports, EXPORTS_COLUMNS, "exports_by_commodity")
    rows = council_resolutions(measures)
    targeted_by = {}
    for commodity, (sector, word) in COMMODITY_TARGETS.items():
        hits = rows[(rows["sector"] == sector) & rows["detail"].str.contains(word, case=False)]
        targeted_by[commodity] = "; ".join(hits["resolution"] + " " + hits["measure"])
    not_revenue = exports["period"].str.contains("|".join(NOT_REVENUE), case=False)
    chosen = exports[exports["commodity"].isin(list(COMMODITY_TARGETS)) & ~not_revenue]
    columns = ["commodity", "period", "value_text", "value_usd_m", "stated_by", "confidence"]
    table = chosen[columns].assign(
        targeted_by=chosen["commodity"].map(targeted_by), source=chosen["source"]
    )
    return table.reset_index(drop=True)


def textile_estimates(exports):
    """The four stated values of the textile exports 2375 banned, lowest first.

    Columns: stated_by, period, value_usd_m, value_text, confidence, source. They differ
    in who stated them and in the period they describe; none is "the" value.
    """
    _require(exports, EXPORTS_COLUMNS, "exports_by_commodity")
    rows = exports[exports["commodity"] == TEXTILES]
    columns = ["stated_by", "period", "value_usd_m", "value_text", "confidence", "source"]
    return rows.sort_values("value_usd_m")[columns].reset_index(drop=True)


def jump_since(cumulative, year: int = 2016) -> dict:
    """How many sectors were under a ban or cap just before ``year``, and at the end.

    Takes :func:`cumulative_sectors`' table; returns before_resolution, before (its
    running count), last_resolution, after and added (after minus before).
    """
    _require(cumulative, ("resolution", "date", "n_sectors"), "cumulative_sectors(measures)")
    earlier = cumulative[cumulative["date"].dt.year < year]
    if earlier.empty or len(earlier) == len(cumulative):
        raise NkcourseError(
            f"{year} does not split the resolutions in two: choose a year between "
            f"{cumulative['date'].min().year + 1} and {cumulative['date'].max().year}."
        )
    before, last = earlier.iloc[-1], cumulative.iloc[-1]
    return {
        "before_resolution": before["resolution"],
        "before": int(before["n_sectors"]),
        "last_resolution": last["resolution"],
        "after": int(last["n_sectors"]),
        "added": int(last["n_sectors"] - before["n_sectors"]),
    }
