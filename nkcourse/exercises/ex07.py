"""Exercise 07: the sanctions calculator, its inputs and its limits.

Every answer is computed here from the packaged datasets and the model in
:mod:`nkcourse.analysis.calculator`, never typed in.
"""

from nkcourse.exercises.questions import (
    ChartQuestion,
    FrameQuestion,
    Mistake,
    ValueQuestion,
    WrittenQuestion,
)

CHINA_LEVELS = range(0, 101, 5)  # the enforcement levels q5 tries, in percent
CHART_SETTINGS = {"china_enforcement": 80, "russia_enforcement": 0, "evasion_leak": 20}


def _exports():
    from nkcourse import data

    return data.load("exports_by_commodity")


def _coal_2016():
    exports = _exports()
    return exports[(exports["commodity"] == "Coal") & (exports["period"] == "2016")].iloc[0]


def _coal_cap() -> float:
    exports = _exports()
    cap = exports[(exports["commodity"] == "Coal") & (exports["period"] == "2017 (cap)")]
    return float(cap["value_usd_m"].iloc[0])


def us_mission_claim() -> float:
    """The US Mission's "over $1 billion" for the 2371 package, in USD million (a floor)."""
    exports = _exports()
    package = exports[exports["commodity"].str.startswith("Coal + iron")]
    return float(package["value_usd_m"].iloc[0])


def _lost(inputs, china, russia, leak) -> float:
    from nkcourse.analysis import calculator

    return calculator.total_lost(calculator.revenue_lost(inputs, china, russia, leak))


def inputs_with_default():
    from nkcourse.analysis import calculator

    return calculator.model_inputs()


def inputs_with_coal_cap():
    from nkcourse.analysis import calculator

    return calculator.model_inputs(coal="2017 (cap)")


def _package_2371():
    inputs = inputs_with_coal_cap()
    return inputs[inputs["banned_by"] == "2371"]


def _first_level(inputs) -> int | None:
    from nkcourse.analysis import calculator

    return calculator.first_level_exceeding(inputs, us_mission_claim(), CHINA_LEVELS)


def chart_result():
    """The model output q6 charts: default inputs at CHART_SETTINGS."""
    from nkcourse.analysis import calculator

    return calculator.revenue_lost(calculator.model_inputs(), **CHART_SETTINGS)


def _chart():
    import altair as alt

    return alt.Chart(chart_result()).mark_bar().encode(x="revenue_lost_usd_m:Q", y="commodity:N")


q1 = ValueQuestion(
    "q1",
    "coal_2016",
    prompt="The value of North Korea's coal exports in 2016, in USD million, as the "
    "exports_by_commodity dataset states it.",
    answer=lambda: float(_coal_2016()["value_usd_m"]),
    solution='coal_2016 = exports.loc[(exports["commodity"] == "Coal") & '
    '(exports["period"] == "2016"), "value_usd_m"].iloc[0]',
    hints=[
        'Keep the rows where commodity is "Coal" and period is "2016".',
        'Then read the value_usd_m column: .loc[rows, "value_usd_m"].iloc[0].',
    ],
    mistakes=[
        Mistake.scaled(
            0.001,
            "That is the value in billions. The dataset counts in USD million: "
            "read value_usd_m as it is.",
        ),
        Mistake(
            'That is the 2017 cap set by resolution 2321 (period "2017 (cap)"), '
            'not what coal earned in 2016. Keep the row whose period is "2016".',
            lambda right: _coal_cap(),
        ),
    ],
)

q2 = ValueQuestion(
    "q2",
    "coal_stated_by",
    prompt="Who stated that 2016 coal value? Copy the stated_by text of the same row.",
    answer=lambda: str(_coal_2016()["stated_by"]),
    solution='coal_stated_by = exports.loc[(exports["commodity"] == "Coal") & '
    '(exports["period"] == "2016"), "stated_by"].iloc[0]',
    hints=[
        "Use the same rows as in q1.",
        'Read the "stated_by" column instead of "value_usd_m", with .iloc[0].',
    ],
    mistakes=[
        Mistake(
            "That is the web address (the source column). The question asks who stated "
            "the figure: the stated_by column.",
            lambda right: str(_coal_2016()["source"]),
        ),
        Mistake(
            'KOTRA stated other figures (e.g. "Mineral fuels incl. coal" in 2015); the '
            '2016 "Coal" row was stated by someone else. Read its stated_by column.',
            lambda right: "KOTRA",
        ),
    ],
)

q3 = ValueQuestion(
    "q3",
    "lost_china_only",
    prompt="With the default model inputs, the total revenue lost (USD million a year) "
    "if China enforces fully, Russia not at all, and nothing leaks.",
    answer=lambda: _lost(inputs_with_default(), 100, 0, 0),
    solution="result = calculator.revenue_lost(inputs, 100, 0, 0)\n"
    'lost_china_only = result["revenue_lost_usd_m"].sum()',
    hints=[
        "Call calculator.revenue_lost(inputs, china, russia, leak). Its settings are percentages.",
        "Add up the revenue_lost_usd_m column with .sum().",
    ],
    mistakes=[
        Mistake.scaled(
            0.01,
            "That is 100 times too small: you gave 1 for 100 %. The calculator takes "
            "percentages from 0 to 100, so full enforcement is 100.",
        ),
        Mistake(
            "That is the sum of the stated values (value_usd_m): what the commodities "
            "earned before the bans. Add up revenue_lost_usd_m instead.",
            lambda right: float(inputs_with_default()["value_usd_m"].sum()),
        ),
    ],
)


q4 = FrameQuestion(
    "q4",
    "package_2371",
    prompt="From inputs_cap (the model inputs with coal at its 2017 cap), keep only the "
    "rows banned by resolution 2371.",
    answer=_package_2371,
    solution='package_2371 = inputs_cap[inputs_cap["banned_by"] == "2371"]',
    hints=[
        "Look at the banned_by column of inputs_cap.",
        'banned_by holds text: compare it with "2371" in quotes.',
    ],
    mistakes=[
        Mistake(
            'Your table has no rows. banned_by holds text, so compare with "2371" in '
            "quotes, not with the number 2371.",
            lambda right: right.iloc[0:0],
            matches=lambda answer: hasattr(answer, "columns") and len(answer) == 0,
        ),
        Mistake(
            "Those are the rows banned by 2375 (textiles). The question asks for 2371.",
            lambda right: inputs_with_coal_cap().query("banned_by == '2375'"),
        ),
    ],
)

q5 = ValueQuestion(
    "q5",
    "first_level",
    prompt="Using package_2371, with Russia at 0 % and no leak: the lowest China "
    "enforcement level among 0, 5, 10, ... 100 at which the model's total revenue lost "
    "is more than the US Mission's stated figure (us_mission_claim).",
    answer=lambda: _first_level(_package_2371()),
    solution="for level in range(0, 101, 5):\n"
    "    result = calculator.revenue_lost(package_2371, level, 0, 0)\n"
    '    if result["revenue_lost_usd_m"].sum() > us_mission_claim:\n'
    "        first_level = level\n"
    "        break",
    hints=[
        "Loop over range(0, 101, 5); for each level run revenue_lost and sum revenue_lost_usd_m.",
        "Stop (break) at the first level whose sum is greater than us_mission_claim.",
    ],
    mistakes=[
        Mistake.scaled(
            0.01,
            "That looks like a fraction. Give the level as a percentage, as the "
            "calculator takes it: 50 for 50 %.",
        ),
        Mistake(
            "That is the last level at which the loss is NOT yet above the claim. Take the "
            "first level where it is more.",
            lambda right: right - 5,
        ),
        Mistake(
            "That uses every banned commodity (textiles and metals too). The US Mission's "
            "figure is for the 2371 package: use package_2371.",
            lambda right: _first_level(inputs_with_coal_cap()),
        ),
    ],
)

q6 = ChartQuestion(
    "q6",
    "lost_chart",
    prompt="A bar chart of the model's output in `result`: one bar per commodity (on y), "
    "its length the revenue lost (revenue_lost_usd_m, on x).",
    answer=_chart,
    solution='lost_chart = alt.Chart(result).mark_bar().encode(x="revenue_lost_usd_m:Q", '
    'y="commodity:N")',
    hints=[
        "Start from alt.Chart(result).mark_bar().",
        'Encode x="revenue_lost_usd_m:Q" and y="commodity:N".',
    ],
    mistakes=[
        Mistake(
            "Your bars show value_usd_m, the stated values. Chart the model's output: "
            "revenue_lost_usd_m.",
            lambda right: right.encode(x="value_usd_m:Q"),
        ),
        Mistake(
            "Your axes are swapped: commodities go on y, the revenue lost on x.",
            lambda right: right.encode(x="commodity:N", y="revenue_lost_usd_m:Q"),
        ),
    ],
)

q7 = WrittenQuestion(
    "q7",
    "left_out",
    prompt="Name two things the calculator leaves out, and say for each whether including "
    "it would make the revenue lost bigger or smaller, and why.",
    answer=lambda: (
        "Smuggling and ship-to-ship transfers that grow when enforcement tightens: the "
        "model's leak is fixed, so it overstates the loss. Prices: if coal and textiles "
        "sell for less elsewhere, the loss is bigger than the stated values times shares."
    ),
    solution='left_out = "Smuggling that grows as enforcement tightens: the leak is fixed, '
    'so the model overstates the loss. Prices: ... "',
    hints=[
        "Think of the things the lesson's section 'What the model leaves out' lists.",
        "For each, ask: would North Korea earn more or less than the model assumes?",
    ],
    min_words=25,
)
