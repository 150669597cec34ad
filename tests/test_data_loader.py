"""The public API of nkcourse.data: names, load, info, help(), errors, integrity, CLI."""

import hashlib
import json
import pydoc
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from nkcourse import data, integrity
from nkcourse.cli import main as nkcourse_main
from nkcourse.data import catalog
from nkcourse.data.cli import main as data_main
from nkcourse.errors import NkcourseError

SPECS = json.loads(catalog.SPEC_FILE.read_text(encoding="utf-8"))["datasets"]


def test_names_are_the_datasets_described_and_shipped():
    assert data.names() == list(SPECS)
    assert {
        "resolutions",
        "measures",
        "nuclear_tests",
        "nuclear_yields",
        "missile_tests",
        "missile_tests_per_year",
        "trade",
        "exports_by_commodity",
        "events",
        "people",
        "claims",
    } == set(data.names())
    shipped = integrity.read_manifest(catalog.FILES_DIR)
    assert sorted(shipped) == sorted(spec["file"] for spec in SPECS.values())


def test_shipped_files_match_their_manifest():
    assert integrity.problems(catalog.FILES_DIR) == []


def test_every_load_is_a_fresh_copy():
    first = data.load("trade")
    first.loc[first.index[0], "value"] = -1.0
    del first["notes"]
    first.attrs["sources"].append({"name": "my edit"})
    second = data.load("trade")
    assert "notes" in second.columns
    assert second.loc[second.index[0], "value"] != -1.0
    assert {"name": "my edit"} not in second.attrs["sources"]


def test_columns_are_typed():
    resolutions = data.load("resolutions")
    assert pd.api.types.is_datetime64_dtype(resolutions["date"])
    assert str(resolutions["votes_for"].dtype) == "Int64"
    missiles = data.load("missile_tests")
    assert pd.api.types.is_float_dtype(missiles["apogee_km"])
    assert missiles["apogee_km"].isna().any()  # "Unknown" is missing, not 0


def test_attrs_carry_provenance():
    trade = data.load("trade")
    assert trade.attrs["name"] == "trade"
    assert trade.attrs["description"] == SPECS["trade"]["description"]
    assert trade.attrs["licence"] == SPECS["trade"]["licence"]
    assert trade.attrs["sources"] and all("reliability" in s for s in trade.attrs["sources"])
    assert trade.attrs["sha256"] == integrity.sha256_file(catalog.FILES_DIR / "trade.csv")


def test_help_shows_provenance_and_derived_frames_are_plain():
    missiles = data.load("missile_tests")
    text = pydoc.render_doc(missiles, renderer=pydoc.plaintext)
    assert "CNS/NTI" in text and "Licence" in text and "apogee_km" in text
    assert type(missiles[missiles["year"] == 2017]) is pd.DataFrame
    assert type(missiles.copy()) is pd.DataFrame
    assert type(missiles.groupby("year").size().reset_index()) is pd.DataFrame


def test_info_gives_columns_units_sources_rows_and_hash():
    found = data.info("nuclear_tests")
    path = catalog.FILES_DIR / "nuclear_tests.csv"
    assert found.rows == 6
    assert found.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert {"name": "usgs_mb", "unit": "mb"}.items() <= found.columns[4].items()
    assert found.to_dict()["licence"] == SPECS["nuclear_tests"]["licence"]
    text = str(found)
    assert "usgs_mb (float [mb])" in text and "Rows: 6" in text and found.sha256 in text


def test_unknown_name_lists_the_names_and_a_close_match():
    with pytest.raises(NkcourseError) as error:
        data.load("trde")
    message = str(error.value)
    assert "'trade'" in message and "missile_tests" in message and "nkcourse data list" in message


@pytest.fixture
def copied_files(tmp_path, monkeypatch):
    """A private copy of the shipped files that the loader reads instead."""
    folder = tmp_path / "files"
    shutil.copytree(catalog.FILES_DIR, folder)
    monkeypatch.setattr(catalog, "FILES_DIR", folder)
    return folder


def test_an_edited_file_gives_a_friendly_error_naming_it(copied_files):
    path = copied_files / "nuclear_tests.csv"
    assert data.load("nuclear_tests").shape[0] == 6  # parsed and cached before the edit
    path.write_text(path.read_text(encoding="utf-8").replace("6.3", "9.9"), encoding="utf-8")
    with pytest.raises(NkcourseError) as error:
        data.load("nuclear_tests")
    message = str(error.value)
    assert str(path) in message and "edited or is corrupt" in message
    assert "git checkout" in message and "reinstall" in message
    assert data.load("trade").shape[0] > 0  # the others still load


def test_a_missing_file_gives_a_friendly_error(copied_files):
    (copied_files / "events.csv").unlink()
    with pytest.raises(NkcourseError, match="events.csv is missing"):
        data.info("events")


def test_cli_list_info_and_export(capsys, tmp_path):
    assert data_main(["list"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in data.names())
    assert data_main(["info", "claims"]) == 0
    assert "verdict" in capsys.readouterr().out
    assert data_main(["export", "resolutions", "--format", "csv"]) == 0
    exported = capsys.readouterr().out
    assert exported.startswith("resolution,document_type,date,")
    out = tmp_path / "trade.csv"
    assert data_main(["export", "trade", "--format", "csv", "--out", str(out)]) == 0
    assert pd.read_csv(out).shape == data.load("trade").shape


def test_cli_unknown_dataset_exits_2_with_the_message(capsys):
    assert nkcourse_main(["data", "info", "nope"]) == 2
    assert "There is no dataset called 'nope'" in capsys.readouterr().err


def test_importing_the_package_stays_light():
    code = "import sys, nkcourse.data; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"
