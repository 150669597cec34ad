"""The benchmark's own logic: verdicts, ratios, the growth fit, report writing, discovery.

The benchmark itself (``make bench``) is slow and is not part of ``make test``.
"""

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `benchmarks` is a folder of the repo, not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks import report, synthetic  # noqa: E402
from benchmarks.sections import course, explorers, grading  # noqa: E402
from benchmarks.stats import (  # noqa: E402
    INFO,
    MET,
    MISSED,
    Figure,
    Section,
    Target,
    growth_exponent,
    median_seconds,
    ratio,
)

FIXTURE_SOURCE = ROOT / "tests" / "fixtures" / "exercise" / "source" / "99-fixture.ipynb"


# ---- growth fit ---------------------------------------------------------------------------


@pytest.mark.parametrize("k", [0.5, 1.0, 2.0])
def test_growth_exponent_recovers_the_power_of_an_exact_power_law(k):
    sizes = [10, 100, 1000]
    seconds = [0.003 * size**k for size in sizes]
    assert growth_exponent(sizes, seconds) == pytest.approx(k)


def test_growth_exponent_of_a_constant_overhead_plus_linear_work_is_below_one():
    # 1 s of start-up dominates small batches, so time grows more slowly than N.
    sizes = [10, 100, 1000]
    k = growth_exponent(sizes, [1 + 0.001 * size for size in sizes])
    assert 0 < k < 0.5


@pytest.mark.parametrize(
    "sizes, seconds",
    [
        ([10], [1.0]),
        ([10, 100], [1.0]),
        ([10, 10], [1.0, 2.0]),
        ([0, 10], [1.0, 2.0]),
        ([10, 100], [0.0, 1.0]),
    ],
)
def test_growth_exponent_refuses_data_it_cannot_fit(sizes, seconds):
    with pytest.raises(ValueError):
        growth_exponent(sizes, seconds)


# ---- ratios and verdicts ------------------------------------------------------------------


def test_ratio_needs_a_positive_baseline():
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(3.0, None) is None
    assert ratio(3.0, 0.0) is None
    assert ratio(None, 2.0) is None


def test_an_inclusive_ratio_target_is_met_exactly_at_its_limit():
    target = Target(1.3, on_ratio=True, inclusive=True)
    assert Figure("nkcourse", "import", 13.0, "ms", 10.0, target=target).verdict == MET
    assert Figure("nkcourse", "import", 13.1, "ms", 10.0, target=target).verdict == MISSED


def test_a_strict_value_target_is_missed_at_its_limit():
    target = Target(20)
    assert Figure("trade", "repeated load", 19.9, "ms", target=target).verdict == MET
    assert Figure("trade", "repeated load", 20.0, "ms", target=target).verdict == MISSED


def test_a_value_target_ignores_the_baseline():
    # 10 ms after a 1 ms first load is 10× the baseline, but under the 20 ms limit.
    figure = Figure("trade", "repeated load", 10.0, "ms", 1.0, "first", Target(20))
    assert figure.ratio == 10.0
    assert figure.verdict == MET


def test_a_floor_target_needs_the_ratio_to_reach_it():
    target = Target(1.6, on_ratio=True, inclusive=True, at_least=True)
    assert Figure("50", "throughput", 8.0, "/s", 5.0, target=target).verdict == MET  # 1.6×
    assert Figure("50", "throughput", 7.9, "/s", 5.0, target=target).verdict == MISSED
    assert target.describe("/s") == "≥ 1.6×"


def test_a_ratio_target_without_a_baseline_is_not_called_met():
    target = Target(1.5, on_ratio=True, inclusive=True)
    assert Figure("all", "total", 3.0, "s", None, target=target).verdict == MISSED


def test_a_figure_without_target_is_information_only():
    assert Figure("nkcourse.charts", "import", 3000.0, "ms", 400.0).verdict == INFO


def test_target_descriptions_show_the_unit_or_the_ratio():
    assert Target(20).describe("ms") == "< 20 ms"
    assert Target(300, inclusive=True).describe("MB") == "≤ 300 MB"
    assert Target(1.3, on_ratio=True, inclusive=True).describe("ms") == "≤ 1.3×"


def test_median_seconds_calls_the_action_as_often_as_asked():
    calls = []
    assert median_seconds(lambda: calls.append(1), 5) >= 0
    assert len(calls) == 5
    with pytest.raises(ValueError):
        median_seconds(lambda: None, 0)


# ---- report -------------------------------------------------------------------------------


def sections_with_known_verdicts() -> list[Section]:
    imports = Section("import", "Import", seconds=12.0)
    imports.figures = [
        Figure("nkcourse", "import time", 2.0, "ms", 400.0, "pandas", Target(1.3, True, True)),
        Figure("nkcourse.charts", "import time", 3000.0, "ms", 400.0, "pandas"),
    ]
    course_section = Section("course", "Course", seconds=90.0)
    course_section.figures = [
        Figure(
            "notebooks/04.ipynb",
            "peak kernel memory",
            350.0,
            "MB",
            target=Target(300),
            note="Altair data inlined",
        ),
        Figure("notebooks/04.ipynb", "executed size", 0.4, "MB", target=Target(1)),
        Figure("all", "total execution", 6.0, "s", 3.0, "floor × 2", Target(1.5, True, True)),
    ]
    missing = Section(
        "explorers", "Explorers", not_measured="no lesson explorer yet.", timed_with="Course"
    )
    broken = Section("grading", "Grading", error="RuntimeError('grade failed')")
    return [imports, course_section, missing, broken]


def about() -> dict:
    return report.machine(ROOT)


def test_json_summary_counts_targets_verdicts_and_unmeasured_sections():
    data = report.to_json(sections_with_known_verdicts(), about())
    assert data["summary"]["targets"] == 4
    assert data["summary"]["met"] == 2
    assert data["summary"]["missed"] == 2
    assert data["summary"]["not_measured"] == ["explorers"]
    assert data["summary"]["failed"] == ["grading"]
    assert data["summary"]["seconds"] == 102.0
    first = data["sections"][0]["figures"][0]
    assert first["ratio"] == pytest.approx(0.005)
    assert first["target"] == "≤ 1.3×"
    json.dumps(data)  # everything in it can be written as JSON


def test_markdown_marks_misses_and_says_why_a_section_was_not_measured():
    text = report.to_markdown(sections_with_known_verdicts(), about())
    assert "**2 met, 2 missed**" in text
    missed_line = next(line for line in text.splitlines() if line.startswith("- Course ·"))
    assert "350 MB" in missed_line and "< 300 MB" in missed_line
    assert "Altair data inlined" in missed_line
    assert "Not measured: no lesson explorer yet." in text
    assert "| [Explorers](#explorers) | with Course | not measured | 0 |" in text
    assert "| [Course](#course) | 90 s | 3 | 2 |" in text
    assert "**The measurement failed:** `RuntimeError('grade failed')`" in text
    assert "- Course · all · total execution: 6 s = 2× floor × 2 (target ≤ 1.5×)" in text
    row = next(line for line in text.splitlines() if "| nkcourse | import time" in line)
    assert "pandas: 400 ms" in row and "0.005×" in row and "✅ met" in row
    assert "❌ missed" in text


def test_machine_description_has_cores_memory_python_and_packages():
    info = about()
    assert info["cores"] == os.cpu_count()
    assert info["python"] == ".".join(map(str, sys.version_info[:3]))
    assert info["packages"]["pandas"]
    assert info["memory_gib"] is None or info["memory_gib"] > 0


# ---- synthetic articles -------------------------------------------------------------------


def test_synthetic_articles_are_seeded_varied_and_about_a_thousand_words():
    first, again, other = synthetic.article(1), synthetic.article(1), synthetic.article(2)
    assert first == again
    assert first != other
    for text in (first, other):
        assert 1000 <= len(text.split()) <= 1300
        assert "“" in text and "”" in text
        assert "\nBy " in text and "\nPhoto: " in text


# ---- discovery and measuring helpers ------------------------------------------------------


def test_course_notebooks_are_read_from_pytest_collection_once_each_in_order():
    listing = """notebooks/00-start.ipynb::Cell 0
notebooks/00-start.ipynb::Cell 1
exercises/01-sources.ipynb::Cell 0
tests/test_x.py::test_notebook_like_name
notebooks/00-start.ipynb::Cell 2

3 tests collected in 0.04s
"""
    assert course.notebooks_in_collection(listing) == [
        "notebooks/00-start.ipynb",
        "exercises/01-sources.ipynb",
    ]
    assert course.notebooks_in_collection("no tests ran in 0.01s") == []


def test_vega_lite_bytes_counts_only_vega_lite_outputs():
    spec = {"mark": "bar", "data": {"values": [{"x": 1}]}}
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("chart")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"application/vnd.vegalite.v5+json": spec, "text/plain": "x" * 1000},
        )
    ]
    notebook.cells = [cell, nbformat.v4.new_markdown_cell("text")]
    assert course.vega_lite_bytes(notebook) == len(json.dumps(spec, indent=1).encode())


def test_peak_rss_of_this_process_is_plausible():
    peak = course.peak_rss_mb(os.getpid())
    if peak is None:
        pytest.skip("no /proc on this system")
    assert 10 < peak < 10_000


def test_explorer_settings_cover_options_ends_and_middle():
    import ipywidgets as widgets

    assert explorers.settings_for(widgets.IntSlider(value=2010, min=2006, max=2016)) == [
        2006,
        2011,
        2016,
    ]
    dropdown = widgets.Dropdown(options=[("China", "CN"), ("Russia", "RU")], value="CN")
    assert explorers.settings_for(dropdown) == ["CN", "RU"]
    assert explorers.settings_for(widgets.Checkbox(value=True)) == [True, False]
    both_ends = explorers.settings_for(
        widgets.IntRangeSlider(value=(2008, 2010), min=2006, max=2016)
    )
    assert both_ends == [(2006, 2016), (2006, 2011), (2011, 2016)]
    assert explorers.settings_for(widgets.Text(value="coal")) == ["coal"]


def test_a_solved_submission_keeps_solutions_and_drops_hidden_checks_and_markers():
    exercise, notebook = grading.solved(FIXTURE_SOURCE)
    assert exercise == "99"
    sources = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert not any("hidden" in cell.metadata.get("tags", []) for cell in notebook.cells)
    assert not any("# BEGIN SOLUTION" in source or "# END SOLUTION" in source for source in sources)
    assert any(source.startswith("total_2017 = int(") for source in sources)
    assert not any("____" in source.split("import ____")[-1] for source in sources)
    assert all(cell.outputs == [] for cell in notebook.cells if cell.cell_type == "code")


def test_callback_timing_visits_every_setting_records_failures_and_restores_the_start():
    import ipywidgets as widgets

    from nkcourse.explorers import Explorer

    def compute(year, country):
        if country == "RU":
            raise ValueError("no data")
        return f"<p>{year} {country}</p>"

    controls = {
        "year": widgets.IntSlider(value=2010, min=2006, max=2016),
        "country": widgets.Dropdown(options=[("China", "CN"), ("Russia", "RU")], value="CN"),
    }
    explorer = Explorer(controls, compute, title="Test explorer")
    timings = explorers.time_callbacks(explorer, repeats=2)
    assert [(timing["control"], timing["value"]) for timing in timings] == [
        ("year", "2006"),
        ("year", "2011"),
        ("year", "2016"),
        ("country", "'CN'"),
        ("country", "'RU'"),
    ]
    assert [timing["error"] for timing in timings] == [None] * 4 + ["ValueError: no data"]
    assert explorer.values() == {"year": 2010, "country": "CN"}
    assert explorer.error is None


def test_the_probe_finds_live_explorers_and_its_printout_reads_back():
    import ipywidgets as widgets

    from nkcourse.explorers import Explorer

    alive = Explorer(
        {"year": widgets.IntSlider(value=2010, min=2006, max=2016)},
        lambda year: f"<p>{year}</p>",
        title="Probe test explorer",
    )
    found = [item for item in explorers.probe(1) if item["title"] == alive.title]
    assert len(found) == 1 and len(found[0]["timings"]) == 3
    printed = {"output_type": "stream", "name": "stdout", "text": "noise\n"}
    printed["text"] += explorers.MARKER + json.dumps(found) + "\n"
    assert explorers.probe_results({"outputs": [printed]}) == found
    assert explorers.probe_results({"outputs": [{"output_type": "error"}]}) == []


def test_explorer_section_judges_the_slowest_setting_and_names_failures():
    timings = [
        {"control": "year", "value": "2006", "ms": 10.0, "error": None},
        {"control": "year", "value": "2016", "ms": 70.0, "error": None},
        {"control": "kind", "value": "'x'", "ms": 20.0, "error": "KeyError: 'x'"},
    ]
    found = {"notebooks/02.ipynb": [{"title": "Timeline", "timings": timings}]}
    section = explorers.section(found, 3, ["notebooks/03.ipynb: NameError: x"])
    median, slowest = section.figures
    assert median.value == 20.0
    assert slowest.value == 70.0 and slowest.verdict == MISSED
    assert "year=2016" in slowest.note and "1 of 3 settings failed: KeyError" in slowest.note
    assert slowest.subject == "notebooks/02.ipynb · Timeline"
    assert any("notebooks/03.ipynb: NameError" in note for note in section.notes)
    assert explorers.section({}, 3, []).not_measured
