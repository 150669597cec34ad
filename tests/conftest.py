import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test writes progress and added articles into its own empty folder."""
    home = tmp_path / "nkcourse-home"
    monkeypatch.setenv("NKCOURSE_HOME", str(home))
    return home
