"""Figures, targets and the arithmetic behind them, kept apart so they can be unit-tested.

A figure is a measured value, optionally divided by a baseline measured in the same run
(so a slow or noisy machine moves both), and optionally judged against a target.
"""

import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

MET, MISSED, INFO = "met", "missed", "info"


@dataclass(frozen=True)
class Target:
    """A limit on a figure's value or on its ratio to the baseline.

    ``inclusive`` distinguishes "≤ 1.3× pandas" from "< 20 ms"; ``at_least`` makes the
    limit a floor ("≥ 1.6× faster with 2 jobs").
    """

    limit: float
    on_ratio: bool = False
    inclusive: bool = False
    at_least: bool = False

    def holds(self, number: float) -> bool:
        if self.at_least:
            return number >= self.limit if self.inclusive else number > self.limit
        return number <= self.limit if self.inclusive else number < self.limit

    def describe(self, unit: str) -> str:
        sign = {(False, False): "<", (False, True): "≤", (True, False): ">", (True, True): "≥"}[
            (self.at_least, self.inclusive)
        ]
        return (
            f"{sign} {self.limit:g}×" if self.on_ratio else f"{sign} {self.limit:g} {unit}".strip()
        )


@dataclass
class Figure:
    """One line of the report."""

    subject: str
    metric: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_label: str = ""
    target: Target | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return ratio(self.value, self.baseline)

    @property
    def verdict(self) -> str:
        if self.target is None:
            return INFO
        judged = self.ratio if self.target.on_ratio else self.value
        if judged is None:
            return MISSED  # a ratio target whose baseline failed cannot be called met
        return MET if self.target.holds(judged) else MISSED

    def as_dict(self) -> dict:
        return {
            "subject": self.subject,
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "baseline": self.baseline,
            "baseline_label": self.baseline_label,
            "ratio": self.ratio,
            "target": self.target.describe(self.unit) if self.target else None,
            "verdict": self.verdict,
            "note": self.note,
        }


@dataclass
class Section:
    """The figures of one part of the report, or why it could not be measured."""

    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    not_measured: str | None = None  # the subject does not exist yet, and why
    error: str | None = None  # the measurement itself broke
    details: dict = field(default_factory=dict)  # extra data for the JSON only
    seconds: float = 0.0
    timed_with: str = ""  # the section whose run also measured this one

    def missed(self) -> list[Figure]:
        return [figure for figure in self.figures if figure.verdict == MISSED]

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "seconds": round(self.seconds, 1),
            "timed_with": self.timed_with,
            "not_measured": self.not_measured,
            "error": self.error,
            "figures": [figure.as_dict() for figure in self.figures],
            "notes": self.notes,
            "details": self.details,
        }


def ratio(value: float | None, baseline: float | None) -> float | None:
    """``value / baseline``, or None when there is no usable baseline."""
    if value is None or baseline is None or baseline <= 0:
        return None
    return value / baseline


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` calls: robust to one slow call on a busy machine."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def growth_exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float:
    """``k`` in ``seconds ≈ c · size**k``, by least squares on the logarithms.

    k ≈ 1 is linear growth; k ≈ 2 means the cost per item grows with the batch.
    """
    if len(sizes) != len(seconds) or len(sizes) < 2:
        raise ValueError("need at least two (size, seconds) pairs of equal length")
    if min(sizes) <= 0 or min(seconds) <= 0:
        raise ValueError("sizes and times must be positive to fit a power law")
    xs = [math.log(size) for size in sizes]
    ys = [math.log(value) for value in seconds]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        raise ValueError("need at least two different sizes")
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
