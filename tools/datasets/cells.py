"""Rules that turn a messy research-note cell into plain values, without changing a number.

Numbers stay text (``"3340"``, ``"213.15"``) from the moment they are read until pandas
parses the finished CSV, so nothing is ever rounded by a float. Only two operations touch
them: dropping thousands separators and scaling "bn" to millions with exact decimals.
"""

import re
from decimal import Decimal

# a sign counts only where it cannot be a range dash ("4.8-4.9", "2017-01")
NUMBER = r"(?:(?<![\w.])[+-])?\d[\d,]*(?:\.\d+)?"
NUMBER_RE = re.compile(NUMBER)


class CellError(ValueError):
    """A cell the rules cannot read; the build names it so an override can be added."""


def plain_number(text: str, scale: int = 1) -> str:
    """``"+1,220"`` -> ``"1220"``; ``scale=1000`` turns billions into millions exactly."""
    value = Decimal(text.replace(",", "").lstrip("+")) * scale
    formatted = format(value.normalize(), "f")
    return "0" if formatted in {"-0", "+0"} else formatted


def numbers_in(text: str) -> list[str]:
    """Every number written in ``text``, normalised, for the 'no number invented' checks."""
    return [plain_number(match) for match in NUMBER_RE.findall(text)]


def split_reports(cell: str) -> list[str]:
    """``"6390 (KOTRA ...) / 6360 (KOTRA ...)"`` -> one string per report."""
    return [part.strip() for part in cell.split(" / ")] if cell.strip() else []


_CHANGE = re.compile(rf"^(?P<qual>~?)(?P<num>{NUMBER})%?(?P<mm> m/m| y/y)?$")
_VALUE = re.compile(
    rf"^(?P<cur>[A-Z]{{3}} )?(?P<qual>[~><]?)(?P<num>{NUMBER})(?P<scale>bn|m)?"
    r"(?P<rest>(?: \([^()]*\)| \[[^\]]*\])*)$"
)
_PARTS = re.compile(r" \(([^()]*)\)| \[([^\]]*)\]")
_CONVERSION = re.compile(rf"^~?(?P<cur>[A-Z]{{3}}) (?P<num>{NUMBER})(?P<scale>bn|m)?$")
_SCALES = {None: 1, "m": 1, "bn": 1000}


def change(text: str) -> dict:
    """``"+8.3%"``, ``"-12% m/m"``, ``"~-50"`` -> the change, its kind and its qualifier."""
    match = _CHANGE.match(text.strip())
    if not match:
        raise CellError(f"not a percentage change: {text!r}")
    kind = "mom" if match["mm"] == " m/m" else "yoy"
    return {kind: plain_number(match["num"]), "change_qualifier": match["qual"]}


def report(text: str, default_currency: str) -> dict:
    """Read one report: a level with its qualifier, changes, conversion and label, or a
    bare change such as ``"+54.5% y/y"``. Raises :class:`CellError` for anything else."""
    text = text.strip()
    if text.endswith("y/y") or text.endswith("m/m"):
        return {"value": "", "qualifier": "", "currency": default_currency, **change(text)}
    match = _VALUE.match(text)
    if not match:
        raise CellError(f"cannot read {text!r}")
    found = {
        "value": plain_number(match["num"], _SCALES[match["scale"]]),
        "qualifier": match["qual"],
        "currency": (match["cur"] or default_currency).strip(),
        "label": "",
        "conversion": None,
    }
    for paren, bracket in _PARTS.findall(match["rest"]):
        part = paren or bracket
        if bracket or not (part.startswith('"') or part.startswith("\u201c")):
            _read_part(part, found)
    return found


def _read_part(part: str, found: dict) -> None:
    try:
        found.update(change(part))
        return
    except CellError:
        pass
    conversion = _CONVERSION.match(part)
    if conversion:
        found["conversion"] = {
            "value": plain_number(conversion["num"], _SCALES[conversion["scale"]]),
            "currency": conversion["cur"],
            "qualifier": "~" if part.startswith("~") else "",
        }
    elif "%" in part:  # a change the rules cannot read must not pass as a label
        raise CellError(f"unreadable change {part!r}")
    elif found["label"]:
        raise CellError(f"two labels in one report: {found['label']!r} and {part!r}")
    else:
        found["label"] = part


def labelled_changes(cell: str) -> list[dict]:
    """The yoy column: ``"-16.8 (KOTRA) / -14.7 (KIEP)"`` -> changes with their labels."""
    found = []
    for part in split_reports(cell):
        number, _, label = part.partition(" (")
        found.append({**change(number), "label": label.rstrip(")")})
    return found
