"""Progress survives corruption, two kernels at once and a folder it cannot write to."""

import json
import multiprocessing
import os
import warnings
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nkcourse import atomic, cli
from nkcourse.quiz import grade, progress
from nkcourse.quiz.progress import ProgressWarning

ATTEMPTS_PER_PROCESS = 40
BANK_00_SOURCE = Path(__file__).resolve().parents[1] / "quizzes" / "00.json"


def _progress_file(home):
    return home / "progress.json"


def test_attempts_are_saved_to_the_home_folder(isolated_home):
    grade("00", "q1", "b")
    grade("00", "q1", "a")
    saved = json.loads(_progress_file(isolated_home).read_text())
    assert saved["format"] == "nkcourse-progress"
    assert [(a["lesson"], a["question"], a["correct"]) for a in saved["attempts"]] == [
        ("00", "q1", False),
        ("00", "q1", True),
    ]


def test_a_question_scores_its_best_attempt():
    for answer in ("b", "a", "c"):  # wrong, right, wrong again
        grade("00", "q1", answer)
    grade("00", "q2", "a")  # wrong only
    row = progress.summary().set_index("lesson").loc["00"]
    questions = len(json.loads(BANK_00_SOURCE.read_text())["questions"])
    assert row.to_dict() == {
        "questions": questions,
        "answered": 2,
        "correct": 1,
        "points": 1,
        "max_points": questions,  # every question of bank 00 is worth 1 point
    }


def test_summary_works_without_a_progress_file(isolated_home):
    table = progress.summary()
    assert list(table.columns) == [
        "lesson",
        "questions",
        "answered",
        "correct",
        "points",
        "max_points",
    ]
    assert "00" in set(table["lesson"])
    assert table[["answered", "correct", "points"]].to_numpy().sum() == 0
    assert not isolated_home.exists()  # reading creates nothing


@pytest.mark.parametrize(
    "content",
    [
        "{ this is not json",
        "\x00\xff garbage",
        json.dumps({"format": "something-else", "attempts": []}),
        json.dumps([1, 2, 3]),
        json.dumps({"format": "nkcourse-progress", "version": 1, "attempts": [{"lesson": 0}]}),
    ],
    ids=["truncated", "binary", "foreign", "a-list", "bad-attempt"],
)
def test_a_corrupt_or_foreign_file_is_moved_aside_and_a_fresh_one_started(isolated_home, content):
    isolated_home.mkdir()
    _progress_file(isolated_home).write_text(content, encoding="utf-8")
    with pytest.warns(ProgressWarning, match="not a readable nkcourse progress file.*next quiz"):
        assert progress.summary()["answered"].sum() == 0
    with pytest.warns(ProgressWarning, match=r"moved to .*progress\.json\.corrupt-\d{8}T\d{6}Z"):
        result = grade("00", "q1", "a")
    assert result.valid and result.correct
    aside = list(isolated_home.glob("progress.json.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == content  # nothing lost
    saved = json.loads(_progress_file(isolated_home).read_text())
    assert [a["question"] for a in saved["attempts"]] == ["q1"]


def test_two_corrupt_files_in_the_same_second_are_both_kept(isolated_home, monkeypatch):
    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2017, 9, 11, 18, 0, 0, tzinfo=UTC)

    monkeypatch.setattr(progress, "datetime", FrozenClock)
    isolated_home.mkdir()
    for content in ("first", "second"):
        _progress_file(isolated_home).write_text(content)
        with pytest.warns(ProgressWarning):
            grade("00", "q1", "a")
    stem = "progress.json.corrupt-20170911T180000Z"
    assert (isolated_home / stem).read_text() == "first"
    assert (isolated_home / f"{stem}-2").read_text() == "second"


def _record_many(barrier, worker):
    barrier.wait()
    for number in range(ATTEMPTS_PER_PROCESS):
        grade("00", "q1", "a" if (number + worker) % 2 else "b")


def test_two_processes_recording_at_once_lose_no_attempt(isolated_home):
    context = multiprocessing.get_context("spawn")  # a fresh interpreter, like a kernel
    barrier = context.Barrier(2)
    workers = [context.Process(target=_record_many, args=(barrier, n)) for n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    saved = json.loads(_progress_file(isolated_home).read_text())
    assert len(saved["attempts"]) == 2 * ATTEMPTS_PER_PROCESS
    assert sum(a["correct"] for a in saved["attempts"]) == ATTEMPTS_PER_PROCESS


def _deny_writes(monkeypatch):
    def refuse(path, obj):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(atomic, "write_json", refuse)


def _read_only_home(isolated_home, monkeypatch, how):
    isolated_home.mkdir()
    if how == "chmod":
        if os.geteuid() == 0:
            pytest.skip("root ignores permissions; the 'refused-write' case covers this")
        isolated_home.chmod(0o555)
    else:
        _deny_writes(monkeypatch)


@pytest.mark.parametrize("how", ["chmod", "refused-write"])
def test_a_read_only_home_keeps_progress_in_memory_with_one_warning(
    isolated_home, monkeypatch, how
):
    _read_only_home(isolated_home, monkeypatch, how)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            first = grade("00", "q1", "a")
            second = grade("00", "q2", "a")
        assert first.valid and first.correct and second.valid
        messages = [str(w.message) for w in caught if issubclass(w.category, ProgressWarning)]
        assert len(messages) == 1
        assert "session only" in messages[0] and "NKCOURSE_HOME" in messages[0]
        assert [a["question"] for a in progress.attempts()] == ["q1", "q2"]
        row = progress.summary().set_index("lesson").loc["00"]
        assert (row["answered"], row["correct"]) == (2, 1)
        assert not _progress_file(isolated_home).exists()
    finally:
        isolated_home.chmod(0o755)


def test_progress_command_prints_scores_per_lesson(capsys):
    grade("00", "q1", "a")
    assert cli.main(["progress"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("00"))
    questions = len(json.loads(BANK_00_SOURCE.read_text())["questions"])
    assert line.split()[:5] == ["00", "1", "of", str(questions), "1"]
    assert "total" in out


def test_progress_export_writes_a_hand_in_file(tmp_path, capsys):
    grade("00", "q1", "b")
    grade("00", "q1", "a")
    target = tmp_path / "hand-in" / "progress-ada.json"
    assert cli.main(["progress", "--export", str(target)]) == 0
    assert "Hand in this file" in capsys.readouterr().out
    report = json.loads(target.read_text())
    assert report["format"] == "nkcourse-progress-export"
    assert len(report["attempts"]) == 2
    lesson = next(row for row in report["lessons"] if row["lesson"] == "00")
    assert (lesson["answered"], lesson["correct"], lesson["points"]) == (1, 1, 1)
    q1 = next(
        row for row in report["questions"] if (row["lesson"], row["question"]) == ("00", "q1")
    )
    assert (q1["attempts"], q1["correct"]) == (2, True)


def test_progress_export_to_an_impossible_place_says_what_to_do(tmp_path, capsys):
    assert cli.main(["progress", "--export", str(tmp_path)]) == 2  # a folder, not a file
    err = capsys.readouterr().err
    assert "Could not write" in err and "--export progress-yourname.json" in err


def test_progress_help_says_what_the_export_contains(capsys):
    with pytest.raises(SystemExit):
        cli.main(["progress", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "every attempt" in out and "Download" in out


def test_progress_command_reports_a_corrupt_file_in_a_sentence(isolated_home, capsys):
    isolated_home.mkdir()
    _progress_file(isolated_home).write_text("{ not json")
    assert cli.main(["progress"]) == 0
    captured = capsys.readouterr()
    assert "0 of " in captured.out
    assert captured.err.startswith("nkcourse progress: ")
    assert "not a readable nkcourse progress file" in captured.err
    assert "ProgressWarning" not in captured.err
