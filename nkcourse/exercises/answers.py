"""Answers as plain, type-tagged JSON data.

One encoding serves both sides: the student's ``check()`` round-trips every answer through
it, and the grader runs :func:`extract` inside the submission's kernel and decodes the JSON
in its own process. Both therefore judge exactly the same data, and the grader never
unpickles anything a submission made.

Everything above :func:`decode` uses only the standard library, because the grader sends
this module's source text into the submission's kernel.
"""

import json

# An answer whose JSON is longer than this is refused; no course answer comes near it, and
# the limit keeps a runaway DataFrame from filling the grader's memory.
MAX_ANSWER_CHARS = 2_000_000
_MAX_DEPTH = 20


def _type_name(value) -> str:
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


def _encode(value, depth: int) -> dict:
    kind = type(value)
    top_module = kind.__module__.split(".")[0]
    if depth > _MAX_DEPTH:
        return {"type": "unsupported", "class": "deeply nested " + _type_name(value)}
    if kind.__name__ == "Placeholder" and kind.__module__ == "nkcourse.exercises.placeholder":
        return {"type": "placeholder"}
    if value is None:
        return {"type": "none"}
    if top_module == "numpy" and hasattr(value, "tolist"):  # numpy scalars and arrays
        return _encode(value.tolist(), depth + 1)
    if isinstance(value, bool):
        return {"type": "bool", "value": value}
    if isinstance(value, int | float):
        return {"type": "number", "value": float(value) if isinstance(value, float) else value}
    if isinstance(value, str):
        return {"type": "str", "value": value}
    if isinstance(value, list | tuple):
        items = [_encode(item, depth + 1) for item in value]
        return {"type": "tuple" if isinstance(value, tuple) else "list", "items": items}
    if isinstance(value, dict):
        pairs = [[_encode(k, depth + 1), _encode(v, depth + 1)] for k, v in value.items()]
        return {"type": "dict", "pairs": pairs}
    if _pandas_kind(kind):
        return _encode_pandas(value)
    if top_module == "altair" and hasattr(value, "to_dict"):
        return {"type": "chart", "spec": value.to_dict()}
    return {"type": "unsupported", "class": _type_name(value)}


def _pandas_kind(kind: type) -> str | None:
    """"frame" or "series" for pandas' classes and their subclasses (e.g. a loaded dataset)."""
    for base in kind.__mro__:
        if base.__module__.split(".")[0] == "pandas" and base.__name__ in ("DataFrame", "Series"):
            return "frame" if base.__name__ == "DataFrame" else "series"
    return None


def _encode_pandas(value) -> dict:
    tag = {"type": _pandas_kind(type(value))}
    if tag["type"] == "series":
        tag["name"] = _encode(value.name, 0)
        value = value.to_frame(name="__series__")
    try:  # "table" keeps dtypes and the index; it refuses e.g. MultiIndex columns
        tag.update(orient="table", json=value.to_json(orient="table"))
    except Exception:
        tag.update(orient="split", json=value.to_json(orient="split"))
    return tag


def encode(value) -> dict:
    """``value`` as type-tagged JSON-ready data; never raises."""
    try:
        tagged = _encode(value, 0)
        size = len(json.dumps(tagged))
    except Exception as error:  # a chart that fails validation, a broken object...
        message = f"{type(error).__name__}: {error}"[:300]
        return {"type": "invalid", "class": _type_name(value), "message": message}
    if size > MAX_ANSWER_CHARS:
        return {"type": "too_large", "class": _type_name(value), "chars": size}
    return tagged


def extract(names, namespace) -> str:
    """JSON text of ``{name: encode(value)}``; a name not in ``namespace`` is "missing"."""
    missing = {"type": "missing"}
    return json.dumps(
        {name: encode(namespace[name]) if name in namespace else missing for name in names}
    )


# ---- decoding: only ever in the checker's own process ------------------------------------


class ChartSpec(dict):
    """An Altair chart's ``to_dict()``: what chart checks look at."""


class Unusable:
    """An answer the checks cannot use (a function, an invalid chart, a huge table...)."""

    def __init__(self, tagged: dict):
        self.kind = tagged.get("class", "unknown")
        self.detail = {
            "invalid": f"it could not be read ({tagged.get('message', '')})",
            "too_large": f"it is too large to check ({tagged.get('chars', '?')} characters)",
        }.get(tagged["type"], "")

    def __repr__(self) -> str:
        return f"<{self.kind}>"


def decode(tagged: dict):
    """The Python value behind ``encode``'s output (DataFrames come back as DataFrames)."""
    kind = tagged["type"]
    if kind in ("bool", "number", "str"):
        return tagged["value"]
    if kind == "none":
        return None
    if kind == "placeholder":
        from nkcourse.exercises.placeholder import ____

        return ____
    if kind in ("list", "tuple"):
        items = [decode(item) for item in tagged["items"]]
        return tuple(items) if kind == "tuple" else items
    if kind == "dict":
        return {decode(k): decode(v) for k, v in tagged["pairs"]}
    if kind in ("frame", "series"):
        return _decode_pandas(tagged)
    if kind == "chart":
        return ChartSpec(tagged["spec"])
    return Unusable(tagged)


def _decode_pandas(tagged: dict):
    import io

    import pandas as pd

    frame = pd.read_json(io.StringIO(tagged["json"]), orient=tagged["orient"])
    if tagged["type"] == "frame":
        return frame
    return frame.iloc[:, 0].rename(decode(tagged["name"]))


def normalised(value):
    """``value`` as every check sees it: e.g. an Altair chart becomes its spec."""
    return decode(encode(value))
