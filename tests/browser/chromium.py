"""Launch Debian's Chromium through Playwright: never a downloaded browser, never skipped."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOW_TO_INSTALL = (
    "The browser test needs Debian's Chromium at /usr/bin/chromium. Run `make browser` "
    "(or `sudo apt-get update && sudo apt-get install -y chromium`), then run the tests again."
)


class ChromiumUnavailable(AssertionError):
    """Chromium is missing or will not start; the message says how to fix it."""


def launch(playwright):
    """Start headless Chromium, or fail with what to do (this test is never skipped)."""
    if not CHROMIUM.exists():
        raise ChromiumUnavailable(HOW_TO_INSTALL)
    try:
        return playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
    except Exception as error:  # Playwright raises its own Error types; show any of them
        raise ChromiumUnavailable(
            f"{CHROMIUM} is installed but did not start: {error}\n{HOW_TO_INSTALL}"
        ) from error
