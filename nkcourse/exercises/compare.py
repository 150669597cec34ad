"""Is an answer right? Pure comparisons that return ``None`` or a message saying what is off.

Answers arrive decoded (see :mod:`nkcourse.exercises.answers`): numbers, strings, lists,
DataFrames/Series, and charts as their spec. Messages describe the student's answer and
never reveal the expected one.
"""

import math

from nkcourse.exercises.answers import ChartSpec, Unusable


def describe(value) -> str:
    """A short phrase for a value's kind, as a beginner would say it."""
    kind = type(value).__name__
    if isinstance(value, bool):
        return f"True/False ({value})"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({shown!r})"
    if value is None:
        return "None (nothing: did you forget to assign or return a value?)"
    if isinstance(value, ChartSpec):
        return "an Altair chart"
    if isinstance(value, list | tuple | dict):
        return f"a {kind} of {len(value)} item{'s' * (len(value) != 1)}"
    if kind == "DataFrame":
        return f"a DataFrame (a table) with {len(value)} rows and {value.shape[1]} columns"
    if kind == "Series":
        return f"a Series (one column) with {len(value)} values"
    if isinstance(value, Unusable):
        return f"a {value.kind}" + (f", and {value.detail}" if value.detail else "")
    return f"a {kind}"


def normalise_text(text: str) -> str:
    """Case and spacing do not count: ``"  North  Korea"`` matches ``"north korea"``."""
    return " ".join(text.split()).casefold()


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def compare_values(name: str, answer, expected, rel_tol: float, abs_tol: float) -> str | None:
    """Numbers within tolerance, text ignoring case/spacing, containers item by item."""
    if _is_number(expected):
        if not _is_number(answer):
            hint = " Remove the quotes." if isinstance(answer, str) else ""
            if type(answer).__name__ == "Series":
                hint = " Pick one value out of it, e.g. with .iloc[0], .sum() or .max()."
            return f"`{name}` should be a single number, but it is {describe(answer)}.{hint}"
        if math.isclose(answer, expected, rel_tol=rel_tol, abs_tol=abs_tol):
            return None
        if math.isclose(answer, expected, rel_tol=0.05):
            return f"`{name}` = {answer!r} is close but not close enough: don't round it."
        return f"`{name}` = {answer!r} is not the right number."
    if isinstance(expected, str):
        if not isinstance(answer, str):
            return f"`{name}` should be text (in quotes), but it is {describe(answer)}."
        if normalise_text(answer) == normalise_text(expected):
            return None
        return f"`{name}` = {answer!r} is not the right answer."
    if isinstance(expected, list | tuple):
        if not isinstance(answer, list | tuple):
            return f"`{name}` should be a list, but it is {describe(answer)}."
        if len(answer) != len(expected):
            return f"`{name}` has {len(answer)} items; it should have {len(expected)}."
        for index, (got, want) in enumerate(zip(answer, expected, strict=True)):
            problem = compare_values(f"{name}[{index}]", got, want, rel_tol, abs_tol)
            if problem:
                return problem
        return None
    if isinstance(expected, dict):
        if not isinstance(answer, dict):
            return f"`{name}` should be a dict, but it is {describe(answer)}."
        if set(answer) != set(expected):
            return f"`{name}` should have the keys {sorted(map(str, expected))}."
        for key, want in expected.items():
            problem = compare_values(f"{name}[{key!r}]", answer[key], want, rel_tol, abs_tol)
            if problem:
                return problem
        return None
    if answer == expected:  # True/False and None
        return None
    return f"`{name}` = {answer!r} is not the right answer."


def _as_table(value):
    """A DataFrame with the index as ordinary columns (so groupby results compare too)."""
    frame = value.to_frame() if type(value).__name__ == "Series" else value
    if any(level is not None for level in frame.index.names):
        frame = frame.reset_index()
    return frame.reset_index(drop=True)


def _columns_differ(name, got, want, allow_extra) -> str | None:
    missing = [c for c in want.columns if c not in got.columns]
    extra = [c for c in got.columns if c not in want.columns]
    if missing:
        return f"`{name}` is missing the column(s) {', '.join(map(repr, missing))}."
    if extra and not allow_extra:
        return f"`{name}` has extra column(s) {', '.join(map(repr, extra))}; leave them out."
    return None


def compare_frames(name, answer, expected, rel_tol, abs_tol, ordered, allow_extra) -> str | None:
    """Same columns, same number of rows, same values (row order only if ``ordered``)."""
    if type(answer).__name__ not in ("DataFrame", "Series"):
        return f"`{name}` should be a DataFrame (a table), but it is {describe(answer)}."
    got, want = _as_table(answer), _as_table(expected)
    problem = _columns_differ(name, got, want, allow_extra)
    if problem:
        return problem
    if len(got) != len(want):
        return f"`{name}` has {len(got)} rows; it should have {len(want)}. Check your filter."
    columns = list(want.columns)
    got = got[columns]
    if not ordered:
        got = _sorted(got)
        want = _sorted(want)
    for column in columns:
        problem = _column_differs(name, column, got[column], want[column], rel_tol, abs_tol)
        if problem:
            return problem
    return None


def _sorted(frame):
    return frame.sort_values(list(frame.columns), key=lambda s: s.astype(str)).reset_index(
        drop=True
    )


def _close(got: float, want: float, rel_tol: float, abs_tol: float) -> bool:
    both_missing = math.isnan(got) and math.isnan(want)
    return both_missing or math.isclose(got, want, rel_tol=rel_tol, abs_tol=abs_tol)


def _column_differs(name, column, got, want, rel_tol, abs_tol) -> str | None:
    import pandas as pd

    if pd.api.types.is_numeric_dtype(want) and pd.api.types.is_numeric_dtype(got):
        pairs = zip(got.astype(float), want.astype(float), strict=True)
        same = [_close(g, w, rel_tol, abs_tol) for g, w in pairs]
    else:
        same = [str(g) == str(w) for g, w in zip(got, want, strict=True)]
    if all(same):
        return None
    row = same.index(False)
    return f"`{name}`: the values in column {column!r} are not right (first at row {row})."


# ---- charts --------------------------------------------------------------------------------

_AGGREGATES = {"sum", "mean", "average", "count", "min", "max", "median"}


def chart_mark(spec: dict) -> str | None:
    mark = spec.get("mark")
    return mark.get("type") if isinstance(mark, dict) else mark


def chart_table(spec: dict, channels: list[str] | None = None):
    """The data a chart shows, aggregated as its encoding says; ``None`` if we can't tell.

    One column per encoding channel (only ``channels``, if given), sorted. Charts that
    filter or bin in Vega-Lite (``transform``, ``bin``, ``timeUnit``) are not evaluated.
    """
    import pandas as pd

    encoding = spec.get("encoding", {})
    if channels is not None:
        encoding = {c: e for c, e in encoding.items() if c in channels}
    data = spec.get("data", {})
    rows = spec.get("datasets", {}).get(data.get("name"), data.get("values"))
    channels = {c: e for c, e in encoding.items() if isinstance(e, dict) and "value" not in e}
    unsupported = any("bin" in e or "timeUnit" in e for e in channels.values())
    aggregates = {c: e.get("aggregate") for c, e in channels.items() if e.get("aggregate")}
    if rows is None or "transform" in spec or unsupported or set(aggregates.values()) - _AGGREGATES:
        return None
    frame = pd.DataFrame(rows)
    keys = {c: e["field"] for c, e in channels.items() if c not in aggregates and "field" in e}
    if any(field not in frame.columns for field in keys.values()):
        return None
    table = frame[list(keys.values())].set_axis(list(keys), axis=1)
    for channel, op in aggregates.items():
        field = channels[channel].get("field")
        op = "mean" if op == "average" else op
        values = frame[field] if field else pd.Series(1, index=frame.index)
        if keys:
            grouped = values.groupby([frame[f] for f in keys.values()]).agg(
                "size" if op == "count" else op
            )
            table = grouped.rename(channel).reset_index().set_axis([*keys, channel], axis=1)
        else:
            table = pd.DataFrame({channel: [len(values) if op == "count" else values.agg(op)]})
    return table[sorted(table.columns)]


def compare_charts(name, answer, expected, rel_tol, compare_data) -> str | None:
    """Same mark, same field on every channel the solution uses, and the same data shown."""
    if not isinstance(answer, ChartSpec):
        return f"`{name}` should be an Altair chart, but it is {describe(answer)}."
    if "mark" not in answer:
        return f"`{name}` should be a single chart (one mark), not a layered or combined chart."
    want_mark, got_mark = chart_mark(expected), chart_mark(answer)
    if got_mark != want_mark:
        return f"`{name}` draws {got_mark!r} marks; this question wants mark_{want_mark}()."
    got_encoding = answer.get("encoding", {})
    for channel, want in expected.get("encoding", {}).items():
        got = got_encoding.get(channel)
        if got is None:
            return f"`{name}` has no {channel} encoding; add {channel}=... in .encode()."
        for key in ("field", "aggregate"):
            if got.get(key) != want.get(key):
                return f"`{name}`: the {channel} channel shows the wrong {key} ({got.get(key)!r})."
    if not compare_data:
        return None
    channels = list(expected.get("encoding", {}))  # extra channels, e.g. a colour, are fine
    got_table, want_table = chart_table(answer, channels), chart_table(expected)
    if got_table is None or want_table is None:
        return None  # transforms in the spec: mark and encodings were all we could check
    return compare_frames(f"{name}'s data", got_table, want_table, rel_tol, 0.0, False, False)
