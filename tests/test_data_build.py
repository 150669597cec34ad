"""The build: it reproduces the committed files byte for byte, and its parsing rules and
override guards do what the research notes need (values below were read by hand)."""

import subprocess
import sys

import pytest
from data_helpers import FACTS, REPO, SHARED

from nkcourse.data import catalog

sys.path.insert(0, str(REPO))  # the build helpers live in tools/, outside the package


@pytest.mark.skipif(
    not FACTS.is_dir(), reason=f"{FACTS} is absent, so the datasets cannot be rebuilt here"
)
def test_rebuild_reproduces_the_committed_files(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tools" / "build_datasets.py"),
            "--facts",
            str(FACTS),
            "--corpus",
            str(SHARED / "corpus" / "raw"),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    built = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in catalog.FILES_DIR.iterdir() if p.is_file())
    assert built == committed
    for name in built:
        assert (tmp_path / name).read_bytes() == (catalog.FILES_DIR / name).read_bytes(), (
            f"{name} differs from a fresh build: run `python tools/build_datasets.py`"
        )


def test_cell_rules_read_the_documented_cases():
    from tools.datasets.cells import report, split_reports

    level = report("3340 (+8.3%)", "USD")
    assert (level["value"], level["yoy"], level["qualifier"]) == ("3340", "8.3", "")
    approx = report('~1400 ("close to 1.4 billion")', "USD")
    assert (approx["value"], approx["qualifier"], approx["label"]) == ("1400", "~", "")
    assert report(">2000", "USD")["qualifier"] == ">"
    yuan = report("CNY 8.4bn (~USD 1,220m)", "CNY")
    assert (yuan["value"], yuan["currency"]) == ("8400", "CNY")
    assert yuan["conversion"] == {"value": "1220", "currency": "USD", "qualifier": "~"}
    change_only = report("+54.5% y/y", "CNY")
    assert (change_only["value"], change_only["yoy"]) == ("", "54.5")
    month = report("288.2 (-12% m/m)", "USD")
    assert (month["value"], month["mom"]) == ("288.2", "-12")
    reports = split_reports("6390 (KOTRA via Yonhap, Jan 2015) / 6360 (KOTRA via Daily NK)")
    assert [report(r, "USD")["label"] for r in reports] == [
        "KOTRA via Yonhap, Jan 2015",
        "KOTRA via Daily NK",
    ]


def test_unreadable_cells_are_refused_not_guessed():
    from tools.datasets.cells import CellError, report

    for cell in ("499 (+~12% m/m)", '"tens of millions of dollars"', "256 (+34.1%); coal 139.4"):
        with pytest.raises(CellError):
            report(cell, "USD")


def test_override_guards_catch_a_changed_number_or_a_misquote():
    from tools.datasets.facts import require_fragments, require_numbers

    require_numbers(["14670", "-33.3"], ["exports CNY 14.67bn (-33.3%)"], "ok")
    with pytest.raises(ValueError, match="14680"):
        require_numbers(["14680"], ["exports CNY 14.67bn (-33.3%)"], "typo")
    with pytest.raises(ValueError, match="4.9"):
        require_numbers(["-4.9"], ["4.8-4.9 (preliminary)"], "a range dash is not a sign")
    with pytest.raises(ValueError, match="does not occur"):
        require_fragments(["KOTRA reports 1,531"], ["KOTRA reports 2022 trade of 1,530"], "x")


def test_measure_keyword_rules():
    from tools.datasets.resolutions import measure, sectors, split_items

    assert sectors("full ban on coal, iron and iron ore exports (removing 2321 cap)") == [
        "coal",
        "iron",
        "iron ore",
    ]
    assert measure("full ban on coal, iron and iron ore exports (removing 2321 cap)") == "ban"
    assert measure("crude oil capped at the amount supplied in the previous 12 months") == "cap"
    assert sectors("catch-all clause") == ["other"]
    cell = "binding annual cap on coal exports ($400.9m; Dec 2016 cap $53.5m); ban on statues"
    assert split_items(cell) == [
        "binding annual cap on coal exports ($400.9m; Dec 2016 cap $53.5m)",
        "ban on statues",
    ]
