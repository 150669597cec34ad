"""Run one submission in a fresh kernel and read its answer variables back as JSON.

The kernel is the student's: anything may happen in it. So each cell gets a time limit
(the kernel is interrupted when it runs over), the whole notebook gets a time limit, errors
do not stop the later cells, no output is kept (only error names and messages, cut short),
and the answers come back as type-tagged JSON made by :func:`nkcourse.exercises.answers.extract`
— sent into the kernel as source code, so the student's copy of nkcourse plays no part.
"""

import ast
import inspect
import json
import logging
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from time import monotonic

from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from nbclient.util import run_sync

from nkcourse.exercises import answers as answers_module

MAX_MESSAGE_CHARS = 300
_TIMEOUT_ERROR = "CellTimeout"
_SCRATCH = "__nkcourse_grader__"

_quiet = logging.getLogger("nkcourse.instructor.kernel")
_quiet.addHandler(logging.NullHandler())
_quiet.propagate = False


@dataclass(frozen=True)
class Limits:
    cell_timeout: float = 60.0
    notebook_timeout: float = 600.0


@dataclass(frozen=True)
class CellProblem:
    """A cell that raised (``kind="error"``) or ran out of time (``kind="timeout"``)."""

    index: int
    kind: str
    message: str
    source: str

    def mentions(self, variable: str) -> bool:
        return re.search(rf"\b{re.escape(variable)}\b", self.source) is not None


@dataclass
class Run:
    """What running a submission gave: its answers, or why there are none."""

    answers: dict[str, dict] | None = None
    problems: list[CellProblem] = field(default_factory=list)
    failure: str = ""  # why ``answers`` is None
    failure_status: str = "error"  # or "timeout"


class _GradingClient(NotebookClient):
    """An nbclient that keeps no output: nothing a submission prints is stored or believed."""

    def output(self, outs, msg, display_id, cell_index):
        return None


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 3] + "..."


def _seconds(limit: float) -> str:
    return f"{limit:g} s"


def run_submission(notebook, variables: list[str], limits: Limits) -> Run:
    """Execute ``notebook`` in a fresh python3 kernel and extract ``variables``."""
    with tempfile.TemporaryDirectory(prefix="nkcourse-grade-") as workdir:
        return run_sync(_run)(notebook, variables, limits, Path(workdir))


async def _run(notebook, variables, limits, workdir) -> Run:
    run = Run()
    deadline = monotonic() + limits.notebook_timeout
    cut_short = [False]  # is the running cell's limit what is left of the notebook's?

    def cell_limit(cell) -> float:
        left = deadline - monotonic()
        cut_short[0] = left < limits.cell_timeout
        return max(1, min(limits.cell_timeout, left))

    def record_error(cell, cell_index, execute_reply):
        content = execute_reply["content"]
        if content.get("ename") != _TIMEOUT_ERROR:
            kind, message = "error", f"raised {content.get('ename')}: {content.get('evalue')}"
        elif cut_short[0]:
            kind, message = (
                "timeout",
                f"was stopped: the notebook used up its {_seconds(limits.notebook_timeout)}",
            )
        else:
            kind, message = (
                "timeout",
                f"ran longer than {_seconds(limits.cell_timeout)} and was stopped",
            )
        run.problems.append(CellProblem(cell_index, kind, _short(message), cell.source))

    client = _GradingClient(
        notebook,
        kernel_name="python3",  # the grader's own Python, whatever the notebook asks for
        timeout_func=cell_limit,
        interrupt_on_timeout=True,
        error_on_timeout={"ename": _TIMEOUT_ERROR, "evalue": "", "traceback": []},
        allow_errors=True,
        iopub_timeout=2,
        shutdown_kernel="immediate",
        store_widget_state=False,
        on_cell_error=record_error,
        log=_quiet,
    )
    env = {**os.environ, "NKCOURSE_HOME": str(workdir / "nkcourse-home")}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    async with client.async_setup_kernel(cwd=str(workdir), env=env, **quiet):
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            if monotonic() >= deadline:
                message = (
                    f"was not run: the notebook used up its {_seconds(limits.notebook_timeout)}"
                )
                run.problems.append(CellProblem(index, "timeout", message, cell.source))
                continue
            try:
                await client.async_execute_cell(cell, index)
            except DeadKernelError:
                run.failure = f"The kernel died while running cell {index}."
                return run
        await _extract(client.kc, variables, limits.cell_timeout, run)
    return run


async def _extract(kc, variables, timeout, run: Run) -> None:
    source = inspect.getsource(answers_module)
    msg_id = kc.execute(
        f"{_SCRATCH} = {{}}\nexec({source!r}, {_SCRATCH})",
        silent=True,
        store_history=False,
        user_expressions={"answers": f"{_SCRATCH}['extract']({list(variables)!r}, globals())"},
    )
    end = monotonic() + timeout
    while True:
        try:
            reply = await kc.get_shell_msg(timeout=max(0.1, end - monotonic()))
        except Empty:
            run.failure_status = "timeout"
            run.failure = "The notebook never finished running, so its answers could not be read."
            return
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    try:
        result = reply["content"]["user_expressions"]["answers"]
        answers = json.loads(ast.literal_eval(result["data"]["text/plain"]))
        if not isinstance(answers, dict):
            raise ValueError("not a dict")
        run.answers = answers
    except Exception as error:
        run.failure = f"The answers could not be read from the notebook ({_short(error)})."
