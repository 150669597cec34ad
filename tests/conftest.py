import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test writes progress and added articles into its own empty folder."""
    home = tmp_path / "nkcourse-home"
    monkeypatch.setenv("NKCOURSE_HOME", str(home))
    return home


# The shipped articles and datasets that many lesson tests read; one copy per test module,
# as each module had before, defined once here.


@pytest.fixture(scope="module")
def articles():
    """The two shipped articles, without any the user added."""
    from nkcourse import corpus

    return corpus.load(include_user=False)


@pytest.fixture(scope="module")
def people():
    from nkcourse import data

    return data.load("people")


@pytest.fixture(scope="module")
def measures():
    from nkcourse import data

    return data.load("measures")


@pytest.fixture(scope="module")
def exports():
    from nkcourse import data

    return data.load("exports_by_commodity")
