"""Run a snippet in a fresh Python process and read back the JSON it prints last.

A fresh process is the only honest way to time a first import or a first load: the
benchmark's own process has already imported everything.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Appended to every snippet: the process's peak resident memory, as the kernel counted it.
PEAK_RSS = """
import resource as _resource
RESULT["peak_rss_mb"] = _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss / 1024
print("\\n" + __import__("json").dumps(RESULT))
"""


class ChildFailed(RuntimeError):
    """The snippet raised or printed no result; the message carries its stderr."""


def run_snippet(code: str, *, timeout: float = 300) -> dict:
    """Run ``code`` (which fills a dict named ``RESULT``) and return that dict."""
    done = subprocess.run(
        [sys.executable, "-c", "RESULT = {}\n" + code + PEAK_RSS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise ChildFailed(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "")
    return json.loads(lines[-1])
