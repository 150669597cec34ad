"""Typing a dataset's CSV by its schema, and checking a table against that schema.

The loader and the build tool share :func:`parse`, so what the tests validate is exactly
what students get; :func:`problems` is what the tests and the build call.
"""

from nkcourse.errors import NkcourseError

DTYPES = {"string", "int", "float", "date"}


def parse(source, spec: dict):
    """Read a dataset CSV (path or file object) into typed columns: empty cells become
    missing values, ints become ``Int64``, dates ``datetime64``."""
    import pandas as pd

    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    expected = [column["name"] for column in spec["columns"]]
    if list(frame.columns) != expected:
        raise NkcourseError(
            f"{spec['file']} has the columns {list(frame.columns)}, expected {expected}."
        )
    for column in spec["columns"]:
        name, text = column["name"], frame[column["name"]]
        text = text.where(text != "")
        if column["dtype"] == "int":
            frame[name] = pd.to_numeric(text).astype("Int64")
        elif column["dtype"] == "float":
            frame[name] = pd.to_numeric(text).astype("float64")
        elif column["dtype"] == "date":
            frame[name] = pd.to_datetime(text, format="%Y-%m-%d")
        else:
            frame[name] = text
    return frame


def _dtype_ok(series, dtype: str) -> bool:
    from pandas.api import types

    return {
        "string": types.is_string_dtype,
        "int": lambda s: str(s.dtype) == "Int64",
        "float": types.is_float_dtype,
        "date": types.is_datetime64_dtype,
    }[dtype](series)


def _column_problems(frame, column: dict) -> list[str]:
    name = column["name"]
    series = frame[name]
    if column["dtype"] not in DTYPES:
        return [f"{name}: unknown dtype {column['dtype']!r}"]
    if not _dtype_ok(series, column["dtype"]):
        return [f"{name}: dtype {series.dtype}, expected {column['dtype']}"]
    found = []
    present = series.dropna()
    if column.get("required") and len(present) != len(series):
        found.append(f"{name}: {len(series) - len(present)} missing values in a required column")
    if "allowed" in column:
        unexpected = sorted(set(present) - set(column["allowed"]), key=str)
        if unexpected:
            found.append(f"{name}: values not allowed: {unexpected}")
    if "range" in column:
        low, high = column["range"]
        outside = present[
            ((present < low) if low is not None else False)
            | ((present > high) if high is not None else False)
        ]
        if len(outside):
            found.append(f"{name}: {len(outside)} values outside {column['range']}")
    return found


def problems(frame, spec: dict) -> list[str]:
    """Every way ``frame`` departs from ``spec``, as sentences; empty when it conforms."""
    expected = [column["name"] for column in spec["columns"]]
    if list(frame.columns) != expected:
        return [f"columns {list(frame.columns)}, expected {expected}"]
    found = [p for column in spec["columns"] for p in _column_problems(frame, column)]
    key = spec["unique_key"]
    duplicated = frame.duplicated(subset=key, keep=False)
    if duplicated.any():
        rows = frame.loc[duplicated, key].to_dict("records")
        found.append(f"unique key {key} repeats in {len(rows)} rows: {rows[:4]}")
    return found
