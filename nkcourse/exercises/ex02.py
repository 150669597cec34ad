"""Exercise 02, Escalation: count launches, time the Council's answer, compare agencies,
convert UTC to Korean dates, and chart missiles per year.

Every expected answer is computed from the packaged datasets (CNS/NTI missile database,
nuclear_tests, resolutions), so it follows the data if the data are ever corrected.
"""

from nkcourse.exercises.questions import (
    ChartQuestion,
    FrameQuestion,
    Mistake,
    ValueQuestion,
    WrittenQuestion,
)

FIRST_YEAR, LAST_YEAR = 2006, 2017


def _missiles():
    from nkcourse import data

    return data.load("missile_tests")


def _in_2017():
    missiles = _missiles()
    return missiles[missiles["year"] == 2017]


def _days_after_sixth_test(resolution: str) -> int:
    from nkcourse import data

    tests = data.load("nuclear_tests")
    resolutions = data.load("resolutions")
    test_date = tests.loc[tests["test_no"] == 6, "date_utc"].iloc[0]
    adopted = resolutions.loc[resolutions["resolution"] == resolution, "date"].iloc[0]
    return (adopted - test_date).days


def _sixth_test():
    from nkcourse import data

    tests = data.load("nuclear_tests")
    return tests[tests["test_no"] == 6].iloc[0]


def _magnitude_answer():
    sixth = _sixth_test()
    larger = "USGS" if sixth["usgs_mb"] > sixth["ctbto_mb"] else "CTBTO"
    return larger, abs(sixth["usgs_mb"] - sixth["ctbto_mb"])


def _korea_differs(rows, same: bool = False):
    differs = rows["date_kst"].notna() & (rows["date_kst"] != rows["date_utc"])
    chosen = rows[~differs & rows["date_kst"].notna()] if same else rows[differs]
    return chosen[["id", "date_utc", "date_kst"]].reset_index(drop=True)


def _ids(answer):
    """The set of CNS ids in a table answer, or None if it is not such a table."""
    if type(answer).__name__ != "DataFrame" or "id" not in answer.columns:
        return None
    return set(answer["id"].tolist())


def _same_ids(expected_rows):
    def matches(answer) -> bool:
        ids = _ids(answer)
        return ids is not None and ids == set(expected_rows()["id"].tolist())

    return matches


def _per_year_0617():
    from nkcourse import data

    per_year = data.load("missile_tests_per_year")
    return per_year[per_year["year"].between(FIRST_YEAR, LAST_YEAR)]


def _per_year_chart(y_field: str = "cns_missiles"):
    import altair as alt

    return alt.Chart(_per_year_0617()).mark_bar().encode(x="year:O", y=f"{y_field}:Q")


def _model_answer() -> str:
    """A model answer for q6, its figures taken from the lag table."""
    from nkcourse import data
    from nkcourse.analysis.escalation import resolution_lags

    lags = resolution_lags(data.load("nuclear_tests"), data.load("resolutions"))
    sixth = lags[lags["test_no"] == 6].iloc[0]
    slowest = lags.loc[lags["days"].idxmax()]
    return (
        "A resolution needs enough votes and no veto from a permanent member, so the United "
        "States has to negotiate the text with China and Russia first. The sixth test was "
        f"answered by {sixth['resolution']} after {sixth['days']} days, but test "
        f"{slowest['test_no']} waited {slowest['days']} days for {slowest['resolution']}. "
        "New, more detailed measures take longer to agree than a quick condemnation, and "
        "some texts answered more than one event: 2270's trigger names a test and a "
        "satellite launch."
    )


q1 = ValueQuestion(
    "q1",
    "missiles_2017",
    prompt=(
        "How many missiles did North Korea launch in 2017, according to the CNS database "
        "(`missiles`)? A whole number."
    ),
    answer=lambda: len(_in_2017()),
    solution='missiles_2017 = len(missiles[missiles["year"] == 2017])',
    hints=[
        "Each row of `missiles` is one missile. Keep the rows whose year is 2017.",
        "missiles[missiles['year'] == 2017] keeps them; len(...) counts the rows.",
    ],
    mistakes=[
        Mistake(
            "That is the number of launch days (distinct dates). A salvo puts several "
            "missiles on one day; count the rows (missiles) instead.",
            lambda right: int(_in_2017()["date_utc"].nunique()),
        ),
        Mistake(
            "That counts only the ICBMs. The question asks for every missile of 2017.",
            lambda right: int((_in_2017()["missile_type"] == "ICBM").sum()),
        ),
    ],
)

q2 = ValueQuestion(
    "q2",
    "days_to_2375",
    prompt=(
        "How many days passed between the sixth nuclear test and the adoption of resolution "
        "2375? Subtract the dates (`nuclear_tests` and `resolutions`) and give a whole number."
    ),
    answer=lambda: _days_after_sixth_test("2375"),
    solution=(
        'test_date = nuclear_tests.loc[nuclear_tests["test_no"] == 6, "date_utc"].iloc[0]\n'
        'adopted = resolutions.loc[resolutions["resolution"] == "2375", "date"].iloc[0]\n'
        "days_to_2375 = (adopted - test_date).days"
    ),
    hints=[
        "Pick the sixth test's date_utc and resolution 2375's date; both are dates.",
        "Subtracting two dates gives a Timedelta; .days turns it into a whole number.",
    ],
    mistakes=[
        Mistake(
            "One day too many: either you counted both the test day and the adoption day, "
            "or you used the Seoul date of 2375 (12 Sep). Subtract the two dates as given.",
            lambda right: right + 1,
        ),
        Mistake(
            "The sign is wrong: subtract the test date from the adoption date, not the "
            "other way round.",
            lambda right: -right,
        ),
        Mistake(
            "That is the gap to resolution 2397, which answered the Hwasong-15 launch. The "
            "resolution whose trigger is the sixth test is 2375.",
            lambda right: _days_after_sixth_test("2397"),
        ),
        Mistake(
            "That is resolution 2371, adopted before the test. Use 2375.",
            lambda right: _days_after_sixth_test("2371"),
        ),
    ],
)

q3 = ValueQuestion(
    "q3",
    ("larger_agency", "mb_difference"),
    prompt=(
        "For the sixth nuclear test, which agency reported the larger body-wave magnitude "
        '(`larger_agency`, "USGS" or "CTBTO"), and by how much (`mb_difference`, a '
        "positive number of magnitude units)? Use the usgs_mb and ctbto_mb columns."
    ),
    answer=_magnitude_answer,
    solution=(
        'sixth = nuclear_tests[nuclear_tests["test_no"] == 6].iloc[0]\n'
        'larger_agency = "USGS"  # 6.3 against 6.1\n'
        'mb_difference = sixth["usgs_mb"] - sixth["ctbto_mb"]'
    ),
    hints=[
        "Look at the usgs_mb and ctbto_mb columns of the row whose test_no is 6.",
        "The difference is the larger value minus the smaller one, so it is positive.",
    ],
    mistakes=[
        Mistake(
            "Your difference is negative: subtract the smaller magnitude from the larger.",
            lambda right: (right[0], -right[1]),
        ),
        Mistake(
            "The difference is right, but look again at which agency has the larger value.",
            lambda right: ("CTBTO" if right[0] == "USGS" else "USGS", right[1]),
        ),
        Mistake(
            "You used CTBTO's first estimate (ctbto_mb_initial), which it later revised. "
            "Use ctbto_mb, the value after revision.",
            lambda right: (right[0], _sixth_test()["usgs_mb"] - _sixth_test()["ctbto_mb_initial"]),
        ),
    ],
    abs_tol=0.005,
)

q4 = FrameQuestion(
    "q4",
    "shifted_2017",
    prompt=(
        "A table of the 2017 launches whose date in Korea (date_kst) differs from their UTC "
        "date (date_utc), with at least the columns id, date_utc and date_kst."
    ),
    answer=lambda: _korea_differs(_in_2017()),
    solution=(
        'in_2017 = missiles[missiles["year"] == 2017]\n'
        'shifted_2017 = in_2017[in_2017["date_kst"] != in_2017["date_utc"]]'
    ),
    hints=[
        "First keep the 2017 rows, then keep those where date_kst is not equal to date_utc.",
        "In pandas, 'not equal' is !=; combine conditions step by step on a new name.",
    ],
    mistakes=[
        Mistake(
            "Those are the launches whose Korean date is the same as the UTC date: use != "
            "(not equal), not ==.",
            lambda right: _korea_differs(_in_2017(), same=True),
            matches=_same_ids(lambda: _korea_differs(_in_2017(), same=True)),
        ),
        Mistake(
            "Your table covers every year. Keep only the 2017 launches first.",
            lambda right: _korea_differs(_missiles()),
            matches=_same_ids(lambda: _korea_differs(_missiles())),
        ),
    ],
    allow_extra_columns=True,
)

q5 = ChartQuestion(
    "q5",
    "per_year_chart",
    prompt=(
        "An Altair bar chart of missiles per year, 2006-2017, from `per_year` (the rows of "
        "missile_tests_per_year from 2006 to 2017): year on x, cns_missiles on y."
    ),
    answer=_per_year_chart,
    solution=(
        'per_year_chart = alt.Chart(per_year).mark_bar().encode(x="year:O", y="cns_missiles:Q")'
    ),
    hints=[
        "Start from alt.Chart(per_year).mark_bar().",
        'Then .encode(x="year:O", y="cns_missiles:Q").',
    ],
    mistakes=[
        Mistake(
            "Your bars show launch days (cns_launch_days_utc). The question asks for missiles: "
            "put cns_missiles on y.",
            lambda right: _per_year_chart("cns_launch_days_utc"),
        ),
        Mistake("Use bars (mark_bar), not a line.", lambda right: right.mark_line()),
        Mistake(
            "Your axes are swapped: years go on x, missiles on y.",
            lambda right: right.encode(x="cns_missiles:Q", y="year:O"),
        ),
    ],
)

q6 = WrittenQuestion(
    "q6",
    "why_weeks",
    prompt=(
        "In three or four sentences: why might the Security Council take weeks to answer a "
        "nuclear test? Use the lags you computed (e.g. 8 days for 2375 against the longest "
        "wait) and what the resolutions' triggers say."
    ),
    answer=lambda: _model_answer(),
    solution='why_weeks = "A resolution needs enough votes and no veto, so ..."',
    hints=[
        "Look at the lag table: which answers were quick, which slow?",
        "Who must agree before a resolution passes? Read the trigger texts as evidence.",
    ],
    min_words=30,
)
