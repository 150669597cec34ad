"""Key facts, checked by hand against ../shared/facts, and the rules the data must keep:
nothing computed, quotes verbatim, roles never invented, claims backed by their rows."""

import csv

import pandas as pd
import pytest
from data_helpers import FACTS, article_text, numbers

from nkcourse import data

needs_facts = pytest.mark.skipif(
    not FACTS.is_dir(), reason=f"{FACTS} is absent (it sits beside the repo in CI only)"
)


def _facts(name: str) -> list[dict]:
    with open(FACTS / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _one(frame: pd.DataFrame, **where) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    assert mask.sum() == 1, f"{where}: {mask.sum()} rows"
    return frame[mask].iloc[0]


# Written by hand from resolutions.csv, nuclear_tests.csv and trade.csv.
def test_resolution_2375_date_and_vote():
    row = _one(data.load("resolutions"), resolution="2375")
    assert row["date"] == pd.Timestamp("2017-09-11")
    assert (row["votes_for"], row["votes_against"], row["abstentions"]) == (15, 0, 0)
    row_825 = _one(data.load("resolutions"), resolution="825")
    assert (row_825["votes_for"], row_825["votes_against"], row_825["abstentions"]) == (13, 0, 2)


def test_vetoed_drafts_are_flagged():
    drafts = data.load("resolutions").query("outcome == 'failed (vetoed)'")
    assert dict(zip(drafts["date"].dt.year, drafts["vetoed_by"], strict=True)) == {
        2022: "China; Russia",
        2024: "Russia",
    }


def test_the_six_nuclear_tests_with_both_agencies():
    tests = data.load("nuclear_tests").sort_values("test_no")
    assert list(tests["date_utc"].dt.strftime("%Y-%m-%d")) == [
        "2006-10-09",
        "2009-05-25",
        "2013-02-12",
        "2016-01-06",
        "2016-09-09",
        "2017-09-03",
    ]
    assert list(tests["usgs_mb"]) == [4.3, 4.7, 5.1, 5.1, 5.3, 6.3]
    assert list(tests["ctbto_mb"].fillna(-1)) == [4.1, 4.52, 4.9, -1, 5.1, 6.1]
    january_2016 = _one(tests, test_no=4)
    assert (january_2016["ctbto_mb_low"], january_2016["ctbto_mb_high"]) == (4.8, 4.9)
    assert january_2016["ctbto_mb_status"] == "preliminary"


def test_2017_yields_keep_estimators_and_ranges():
    yields = data.load("nuclear_yields").query("test_no == 6")
    kma = _one(yields, estimator="Korea Meteorological Administration (via CSIS)")
    assert (kma["low_kt"], kma["high_kt"]) == (50, 60) and pd.isna(kma["yield_kt"])
    north = yields[yields["estimator"] == "38 North"].set_index("status")["yield_kt"]
    assert north.to_dict() == {"initial": 120, "revised": 250}
    assert _one(yields, yield_kt=160)["confidence"] == "unverified"


def test_china_trade_2017_and_2018_from_customs():
    trade = data.load("trade")
    china_total = trade.query("partner == 'China' and flow == 'total' and currency == 'USD'")
    gac_2017 = _one(china_total, period="2017")
    assert (gac_2017["value"], gac_2017["yoy_change_pct"]) == (5060, -10.5)
    assert "GAC" in gac_2017["compiler"]
    gac_2018 = _one(china_total[china_total["compiler"] == "GAC (Reuters)"], period="2018")
    assert (gac_2018["value"], gac_2018["yoy_change_pct"]) == (2430, -51.2)
    imports_2018 = _one(
        trade, partner="China", period="2018", flow="imports from DPRK", compiler="GAC (Reuters)"
    )
    assert imports_2018["value"] == 213.15


def test_first_quarter_2017_growth_is_in_yuan():
    quarter = data.load("trade").query("partner == 'China' and period == '2017-Q1'")
    yuan = _one(quarter, flow="total", currency="CNY")
    assert (yuan["value"], yuan["yoy_change_pct"]) == (8400, 37.4)
    dollars = _one(quarter, flow="total", currency="USD")
    assert (dollars["value"], dollars["qualifier"], dollars["converted_from"]) == (1220, "~", "CNY")
    assert pd.isna(dollars["yoy_change_pct"])  # the 37.4 % is not a dollar growth rate
    exports = _one(quarter, flow="exports to DPRK")
    assert pd.isna(exports["value"]) and exports["yoy_change_pct"] == 54.5
    half = _one(data.load("trade"), partner="China", period="2017-H1", flow="total")
    assert (half["value"], half["yoy_change_pct"], half["currency"]) == (2550, 10.5, "USD")


def test_disagreeing_reports_stay_separate_rows():
    trade = data.load("trade")
    kotra_2014 = trade.query("partner == 'China' and period == '2014' and flow == 'total'")
    assert sorted(kotra_2014["value"]) == [6360, 6390]
    totals_2015 = trade.query("partner == 'China' and period == '2015' and flow == 'total'")
    assert dict(zip(totals_2015["compiler"], totals_2015["value"], strict=True)) == {
        "KOTRA": 5710,
        "KIEP": 5430,
    }
    russia = _one(trade, partner="Russia", period="2017-01..02", flow="total")
    assert pd.isna(russia["value"]) and russia["yoy_change_pct"] == 73
    assert trade.query("partner == 'Russia' and period == '2017-Q1'").empty


def test_missile_dates_in_utc_and_korea():
    missiles = data.load("missile_tests").set_index("id")
    first_icbm = missiles.loc[111]
    assert (first_icbm["missile_name"], first_icbm["missile_type"]) == ("Hwasong-14", "ICBM")
    assert first_icbm["launch_time_utc"] == "00:40:00"
    assert first_icbm["date_kst"] == pd.Timestamp("2017-07-04")
    for cns_id, utc, kst in [
        (116, "2017-08-28", "2017-08-29"),
        (117, "2017-09-14", "2017-09-15"),
        (118, "2017-11-28", "2017-11-29"),
    ]:
        assert missiles.loc[cns_id, "date_utc"] == pd.Timestamp(utc)
        assert missiles.loc[cns_id, "date_kst"] == pd.Timestamp(kst)
    assert pd.isna(missiles.loc[103, "apogee_km"])  # a blank cell is unknown, not 0
    assert missiles.loc[106, "apogee_km"] == 0  # a stated 0 stays 0


def test_per_year_counts_keep_both_derivations():
    years = data.load("missile_tests_per_year").set_index("year")
    assert tuple(years.loc[2017, ["cns_missiles", "cns_launch_days_utc", "cns_icbm"]]) == (
        21,
        15,
        3,
    )
    assert (years.loc[2022, "cns_icbm"], years.loc[2022, "nagix_icbm"]) == (5, 3)
    assert pd.isna(years.loc[2024, "cns_missiles"]) and years.loc[2024, "nagix_missiles"] == 41
    assert years.loc[2018, "cns_missiles"] == 0


def test_textile_estimates_all_present():
    textiles = data.load("exports_by_commodity").query("commodity == 'Textiles/clothing'")
    assert sorted(textiles["value_usd_m"]) == [752, 760, 800, 950]
    statues = _one(data.load("exports_by_commodity"), commodity="Statues/monuments")
    assert pd.isna(statues["value_usd_m"]) and "tens of millions" in statues["value_text"]


def test_2375_negotiation_losses():
    lost = data.load("measures").query("resolution == '2375' and status != 'adopted'")
    by_status = lost.groupby("status")["sector"].apply(set).to_dict()
    assert {"crude oil", "refined petroleum", "designations"} <= by_status["dropped"]
    assert by_status["softened"] == {"workers"}


@needs_facts
def test_no_value_the_notes_mark_as_computed_or_unused():
    notes = " ".join(row["notes"] for row in _facts("trade.csv"))
    # Each of these appears in the notes only as "computed" or "not used".
    for phrase in ("2,780 - computed", "6,050 (computed)", "~5,650 (computed", "not used"):
        assert phrase in notes
    trade = data.load("trade")
    assert trade.query("partner == 'China' and period == '2008' and flow == 'total'").empty
    assert not trade["value"].isin([2780, 6050, 5650, 2950, 2490]).any()
    assert not trade["yoy_change_pct"].isin([-24.3, 223, 124]).any()
    claims_text = " ".join(data.load("claims")["what_the_data_says"])
    assert not {"2780", "6050", "5650", "223", "124"} & {str(n) for n in numbers(claims_text)}


@needs_facts
def test_missile_2017_rows_match_the_research_extract():
    missiles = data.load("missile_tests").set_index("id")
    for row in _facts("missile_tests_2017.csv"):
        ours = missiles.loc[int(row["cns_f1"])]
        utc = f"{ours['date_utc']:%Y-%m-%d} {ours['launch_time_utc'][:5]}"
        assert utc == row["launch_utc"]
        assert f"{ours['date_kst']:%Y-%m-%d}" == row["launch_kst_derived_utc_plus_9"][:10]
        assert ours["missile_name"] == row["missile"] and ours["outcome"] == row["outcome_cns"]
        for ours_km, theirs in (
            (ours["apogee_km"], row["apogee_km_cns"]),
            (ours["distance_km"], row["distance_km_cns"]),
        ):
            expected = float(theirs) if theirs.replace(".", "").isdigit() else None
            assert (pd.isna(ours_km) and expected is None) or ours_km == expected


@needs_facts
def test_measure_details_are_verbatim():
    cells = {
        row["resolution"]: row["key_measures"] + row["dropped_or_softened_in_negotiation"]
        for row in _facts("resolutions.csv")
    }
    for row in data.load("measures").itertuples():
        assert row.detail in cells[row.resolution], row


def test_claim_quotes_are_verbatim_in_the_articles():
    for claim in data.load("claims").itertuples():
        assert claim.quote in article_text(claim.doc_id), claim.claim_id


def test_required_claims_are_there():
    quotes = " ".join(data.load("claims")["quote"])
    for phrase in (
        "almost 40%",
        "unanimously passed",
        "sixth and largest nuclear test",
        "largest trading partner by far",
        "trade between Russia and North Korea",
        "$1.4 billion arms sale",
        "Rajin Port and Vladivostok",
        "a key source of hard currency",
    ):
        assert phrase in quotes
    assert 8 <= len(data.load("claims")) <= 12


def test_claims_are_backed_by_their_evidence_rows():
    for claim in data.load("claims").itertuples():
        rows = data.load(claim.evidence_dataset).query(claim.evidence_query)
        assert not rows.empty, claim.claim_id
        stated = set().union(*(numbers(value) for value in rows.astype(str).to_numpy().ravel()))
        missing = numbers(claim.what_the_data_says) - stated
        assert not missing, f"{claim.claim_id}: {sorted(missing)} not in the evidence rows"


def test_people_names_and_roles_come_from_the_texts():
    people = data.load("people").set_index("person")
    for person, row in people.iterrows():
        for doc_id in row["doc_ids"].split(";"):
            if isinstance(row["name_in_text"], str):
                assert row["name_in_text"] in article_text(doc_id), person
        if row["source"] == "article text" and row["role"] != "not stated":
            texts = [article_text(doc_id) for doc_id in row["doc_ids"].split(";")]
            assert any(row["role"] in text for text in texts), person
        assert (row["role"] == "not stated") == (row["role_status"] == "not stated"), person
    expected = {
        "Nikki Haley",
        "Dennis Wilder",
        "Michael Morell",
        "Donald Trump",
        "Han Tae Song",
        "Steven Mnuchin",
        "Susan Thornton",
        "Marshall Billingslea",
        "James R. Clapper",
        "Cui Tiankai",
        "Ri Jong Ho",
        "Arthur Waldron",
        "Rensselaer Lee",
        "William Severe",
    }
    assert expected <= set(people.index)
    assert people.loc["Arthur Waldron", "role_status"] == "unverified"
    assert people.loc["William Severe", "role"] == "not stated"
    assert people.loc["Cui Tiankai", "speaks_for"] == "China"
