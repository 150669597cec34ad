"""Build the course datasets from the research notes in ../shared/facts.

    python tools/build_datasets.py [--facts DIR] [--corpus DIR] [--out DIR]

Writes one CSV per dataset into nkcourse/data/files/ plus MANIFEST.sha256. The output is
deterministic (same input, same bytes) and is committed, because students and Binder have
no ../shared. Every dataset is checked against its schema in nkcourse/data/datasets.json
before anything is written.
"""

import argparse
import csv
import io
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from nkcourse import atomic, integrity  # noqa: E402
from nkcourse.data import catalog, schema  # noqa: E402
from tools.datasets import (  # noqa: E402
    claims,
    commodities,
    events,
    missiles,
    nuclear,
    people,
    resolutions,
    trade,
)


def builders(facts: Path, corpus: Path) -> dict:
    """Dataset name -> (columns, function returning its rows)."""
    return {
        "resolutions": (
            resolutions.RESOLUTION_COLUMNS,
            lambda: resolutions.build_resolutions(facts),
        ),
        "measures": (resolutions.MEASURE_COLUMNS, lambda: resolutions.build_measures(facts)),
        "nuclear_tests": (nuclear.TEST_COLUMNS, lambda: nuclear.build_tests(facts)),
        "nuclear_yields": (nuclear.YIELD_COLUMNS, lambda: nuclear.build_yields(facts)),
        "missile_tests": (missiles.TEST_COLUMNS, lambda: missiles.build_tests(facts)),
        "missile_tests_per_year": (
            missiles.PER_YEAR_COLUMNS,
            lambda: missiles.build_per_year(facts),
        ),
        "trade": (trade.COLUMNS, lambda: trade.build(facts)),
        "exports_by_commodity": (commodities.COLUMNS, lambda: commodities.build(facts)),
        "events": (events.COLUMNS, lambda: events.build(facts)),
        "people": (people.COLUMNS, lambda: people.build(corpus)),
        "claims": (claims.COLUMNS, lambda: claims.build(corpus)),
    }


def to_csv(columns: list[str], rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def build(facts: Path, corpus: Path, out: Path) -> list[str]:
    """Build, validate, then write every dataset and the manifest; returns the file names."""
    specs = catalog.specs()
    made = builders(facts, corpus)
    if set(made) != set(specs):
        raise SystemExit(f"datasets.json and the builders disagree: {set(made) ^ set(specs)}")
    files = {}
    for name, (columns, make) in made.items():
        data = to_csv(columns, make())
        problems = schema.problems(schema.parse(io.BytesIO(data), specs[name]), specs[name])
        if problems:
            raise SystemExit(f"{name} does not match datasets.json:\n  " + "\n  ".join(problems))
        files[specs[name]["file"]] = data
    for file_name, data in files.items():
        atomic.write_bytes(out / file_name, data)
    integrity.write_manifest(out, sorted(files))
    return sorted(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", type=Path, default=REPO.parent / "shared" / "facts")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "raw")
    parser.add_argument("--out", type=Path, default=catalog.FILES_DIR)
    args = parser.parse_args(argv)
    for folder in (args.facts, args.corpus):
        if not folder.is_dir():
            parser.error(f"{folder} is not a folder; pass --facts/--corpus")
    names = build(args.facts, args.corpus, args.out)
    print(f"wrote {len(names)} datasets and {integrity.MANIFEST_NAME} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
