"""Keep chart data small: a chart carries summaries, never raw tables.

Every row is copied into the notebook file (once for the live chart, once drawn in the
SVG), so a chart over a few thousand rows makes notebooks slow to open and to grade.
Altair only stops at 5,000 rows; the course stops far earlier.
"""

import json

from nkcourse.errors import NkcourseError

MAX_ROWS = 1000
MAX_SPEC_BYTES = 300_000


def check_rows(data, limit: int = MAX_ROWS):
    """Return ``data`` unchanged if it has at most ``limit`` rows; otherwise explain what to do."""
    rows = len(data)
    if rows > limit:
        raise NkcourseError(
            f"This chart would carry {rows:,} rows, more than the course's limit of {limit:,}. "
            "Summarise the data first, e.g. df.groupby('year', as_index=False)['value'].sum(), "
            "or keep only the rows the chart needs."
        )
    return data


def check_spec_size(spec: dict) -> None:
    """Refuse a chart whose data, all datasets together, is too many rows or bytes."""
    for rows in spec.get("datasets", {}).values():
        check_rows(rows)
    size = len(json.dumps(spec, default=str))
    if size > MAX_SPEC_BYTES:
        raise NkcourseError(
            f"This chart's specification is {size:,} bytes, more than the course's limit of "
            f"{MAX_SPEC_BYTES:,}. Drop the columns the chart does not use, or shorten long "
            "text columns before charting."
        )
