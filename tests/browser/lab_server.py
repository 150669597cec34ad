"""Start and stop a private JupyterLab server for the browser test.

The server runs in a temporary copy of the course, with its own NKCOURSE_HOME, settings,
workspaces and Jupyter config, so nothing a student or another test owns is touched and
no news or update popup covers the notebook.
"""

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# JupyterLab asks whether to fetch Jupyter news in a toast over the notebook; "false" means
# never ask and never fetch (the test runs offline).
USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}
START_TIMEOUT_S = 60


@dataclass
class LabServer:
    """A running JupyterLab; ``url(path)`` gives an address the browser may open."""

    process: subprocess.Popen
    base_url: str
    token: str
    root: Path
    log_path: Path

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        """Stop the server and every kernel it started (they share its process group)."""
        if self.process.poll() is None:
            _signal_group(self.process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)
        # Kernels can outlive a server that was told to stop; the group takes them too.
        _signal_group(self.process.pid, signal.SIGKILL)
        if self.process.poll() is None:
            self.process.wait(timeout=10)


def _signal_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, sig)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def jupyter_command() -> list[str]:
    """Run JupyterLab with the interpreter running the tests, so the course package is there."""
    return [sys.executable, "-m", "jupyter", "lab"]


def write_user_settings(settings_dir: Path) -> None:
    for relative, values in USER_SETTINGS.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def start_lab(root: Path, work: Path) -> LabServer:
    """Start JupyterLab serving ``root``; ``work`` holds its settings, home and log."""
    token = secrets.token_hex(16)
    port = free_port()
    settings_dir, workspaces_dir = work / "lab-settings", work / "lab-workspaces"
    write_user_settings(settings_dir)
    workspaces_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        NKCOURSE_HOME=str(work / "nkcourse-home"),
        JUPYTER_CONFIG_DIR=str(work / "jupyter-config"),
        JUPYTER_RUNTIME_DIR=str(work / "jupyter-runtime"),
        JUPYTER_DATA_DIR=str(work / "jupyter-data"),
        IPYTHONDIR=str(work / "ipython"),
        JUPYTER_PREFER_ENV_PATH="1",
        JUPYTERLAB_SETTINGS_DIR=str(settings_dir),
        JUPYTERLAB_WORKSPACES_DIR=str(workspaces_dir),
    )
    command = jupyter_command() + [
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings_dir}",
        f"--LabApp.workspaces_dir={workspaces_dir}",
        # notebook_page.py reads each output's type from the notebook model.
        "--expose-app-in-browser",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    log_path = work / "jupyterlab.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = LabServer(process, f"http://127.0.0.1:{port}", token, root, log_path)
    try:
        _wait_until_ready(server)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_ready(server: LabServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    status_url = server.url(f"/api/status?token={server.token}")
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"JupyterLab exited with code {server.process.returncode} before it was ready."
                f" Its log ({server.log_path}) ends with:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(status_url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(
        f"JupyterLab did not answer on {server.base_url} within {START_TIMEOUT_S} s."
        f" Its log ({server.log_path}) ends with:\n{server.log_tail()}"
    )
