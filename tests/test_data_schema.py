"""Every shipped dataset against its schema in datasets.json, and the schema checker itself."""

import pandas as pd
import pytest

from nkcourse import data
from nkcourse.data import catalog, schema


@pytest.mark.parametrize("name", catalog.names())
def test_dataset_matches_its_schema(name):
    assert schema.problems(data.load(name), catalog.spec(name)) == []


@pytest.mark.parametrize("name", catalog.names())
def test_schema_is_complete(name):
    spec = catalog.spec(name)
    for key in ("title", "file", "description", "unique_key", "sources", "licence", "columns"):
        assert spec[key], f"{name}: {key} is empty"
    for column in spec["columns"]:
        assert column["dtype"] in schema.DTYPES and column["meaning"], column
    assert set(spec["unique_key"]) <= {c["name"] for c in spec["columns"]}
    frame = data.load(name)
    text_columns = [c["name"] for c in spec["columns"] if c["dtype"] == "string"]
    assert not (frame[text_columns] == "").any().any(), "empty strings must load as missing"


SPEC = {
    "file": "toy.csv",
    "unique_key": ["key"],
    "columns": [
        {"name": "key", "dtype": "string", "meaning": "k", "required": True},
        {"name": "kind", "dtype": "string", "meaning": "k", "allowed": ["a", "b"]},
        {"name": "count", "dtype": "int", "meaning": "n", "range": [0, 10]},
    ],
}


def _toy(**changes):
    frame = pd.DataFrame({"key": ["x", "y"], "kind": ["a", None], "count": [1, 10]})
    frame["count"] = frame["count"].astype("Int64")
    for column, values in changes.items():
        frame[column] = values
    return frame


def test_schema_checker_accepts_a_conforming_table():
    assert schema.problems(_toy(), SPEC) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"kind": ["a", "c"]}, "values not allowed: ['c']"),
        ({"key": ["x", "x"]}, "unique key ['key'] repeats"),
        ({"key": ["x", None]}, "missing values in a required column"),
        ({"count": pd.array([1, 11], dtype="Int64")}, "outside [0, 10]"),
        ({"count": [1.0, 2.0]}, "dtype float64, expected int"),
    ],
)
def test_schema_checker_finds_each_kind_of_problem(changes, expected):
    found = schema.problems(_toy(**changes), SPEC)
    assert any(expected in problem for problem in found), found
