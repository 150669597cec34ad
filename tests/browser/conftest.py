"""One JupyterLab server and one Chromium for the whole browser test session.

The server serves a temporary copy of the course (notebooks/, exercises/ and this folder's
fixture notebooks), so running notebooks never writes into the checkout.
"""

import pytest
from chromium import launch
from course_layout import SCREENSHOTS, copy_course
from lab_server import start_lab
from notebook_page import NotebookPage

VIEWPORT = {"width": 1280, "height": 900}

# The fixture notebooks are for the browser, not for nbval (one fails on purpose).
collect_ignore_glob = ["fixtures/*"]


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    work = tmp_path_factory.mktemp("browser-lab")
    root = work / "course"
    copy_course(root)
    server = start_lab(root, work)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def open_notebook(lab, chromium):
    """``open_notebook(path)`` opens it in a new page; ``.console_errors`` collects JS errors."""
    pages = []

    def open_(path: str) -> NotebookPage:
        page = chromium.new_page(viewport=VIEWPORT)
        notebook = NotebookPage(page, path)
        page.on("console", lambda message: _console_error(notebook, message))
        page.on("pageerror", lambda error: notebook.console_errors.append(f"page error: {error}"))
        pages.append(page)
        notebook.open(lab)
        return notebook

    yield open_
    for page in pages:
        # Each notebook started a kernel; stop it so kernels do not pile up in the server.
        page.evaluate("() => window.jupyterapp?.serviceManager.sessions.shutdownAll()")
        page.close()


def _console_error(notebook: NotebookPage, message) -> None:
    # Only errors count: Vega logs a warning that the spec's Vega-Lite (Altair's 5.20) is
    # newer than JupyterLab's bundled 5.6, and JupyterLab logs debug lines; both are harmless.
    if message.type == "error":
        notebook.console_errors.append(f"console error: {message.text}")


_screenshots_taken = []


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    _screenshots_taken.append(SCREENSHOTS)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter):
    if _screenshots_taken:
        terminalreporter.write_line(f"Browser test screenshots: {SCREENSHOTS}")
