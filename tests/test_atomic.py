from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck.atomic as atomic
from factcheck.atomic import write_atomic
from factcheck.errors import InputError


def test_writes_new_and_replaces_old_content(tmp_path):
    path = tmp_path / "out.json"
    write_atomic(path, "first €\n")
    assert path.read_text(encoding="utf-8") == "first €\n"
    write_atomic(path, "second\r\n")
    assert path.read_bytes() == b"second\r\n"
    assert os.listdir(tmp_path) == ["out.json"]


def test_a_failure_mid_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "factcheck.lock"
    path.write_text("old content\n")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(InputError, match=r"factcheck\.lock: cannot write: No space left on device$"):
        write_atomic(path, "new content\n")
    assert path.read_text() == "old content\n"
    assert os.listdir(tmp_path) == ["factcheck.lock"]


def test_any_exception_before_the_rename_is_passed_on_after_cleaning_up(tmp_path, monkeypatch):
    path = tmp_path / "baseline.json"
    path.write_text("old\n")

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["baseline.json"]


def test_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "shared.lock"
    path.write_text("old\n")
    path.chmod(0o640)
    write_atomic(path, "new\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_missing_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot write"):
        write_atomic(tmp_path / "no" / "such.lock", "x")
    assert os.listdir(tmp_path) == []


# --- writers that are killed, writers that run at once -------------------------------------------

HERE = Path(__file__).resolve().parent
SLOW_WRITER = """
import os, sys, time
import factcheck.atomic as atomic
real_fsync = os.fsync
def stalled(fd):  # the temp file is written; the writer is killed before it is renamed
    print("writing", flush=True)
    time.sleep(60)
atomic.os.fsync = stalled
atomic.write_atomic(atomic.Path(sys.argv[1]), "new content, never seen\\n" * 1000)
"""
MERGING_WRITER = """
import json, sys, time
from pathlib import Path
from factcheck.atomic import rewrite_atomic
path, key = Path(sys.argv[1]), sys.argv[2]
def merged():
    known = json.loads(path.read_text()) if path.exists() else {}
    time.sleep(0.2)  # without the lock every writer would read the same old content here
    known[key] = True
    return json.dumps(known, sort_keys=True)
rewrite_atomic(path, merged)
"""


def python(*args: str) -> list[str]:
    return [sys.executable, "-c", *args]


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_a_writer_killed_mid_write_tears_nothing_and_its_temp_file_is_cleaned_up(tmp_path):
    path = tmp_path / "factcheck.lock"
    path.write_text("old content\n")
    writer = subprocess.Popen(python(SLOW_WRITER, str(path)), stdout=subprocess.PIPE, text=True, cwd=HERE.parent)
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert path.read_text() == "old content\n"
    assert any(name.endswith(".tmp") for name in os.listdir(tmp_path))  # kill -9 skips every cleanup ...
    write_atomic(path, "next\n")
    assert path.read_text() == "next\n"
    assert os.listdir(tmp_path) == ["factcheck.lock"]  # ... and the next writer removes what it left


@pytest.mark.skipif(atomic.fcntl is None, reason="no file locks without fcntl (Windows)")
def test_concurrent_writers_take_turns_and_each_merges_into_what_the_others_wrote(tmp_path):
    """Concurrent 'lock --update' runs lost folders in 3 of 6 trials: the last writer won."""
    path = tmp_path / "shared.json"
    writers = [subprocess.Popen(python(MERGING_WRITER, str(path), f"w{n}"), cwd=HERE.parent) for n in range(6)]
    assert [w.wait() for w in writers] == [0] * 6
    assert json.loads(path.read_text()) == {f"w{n}": True for n in range(6)}
    assert os.listdir(tmp_path) == ["shared.json"]


def test_a_stale_temp_file_of_another_target_is_left_alone(tmp_path):
    (tmp_path / ".other.json.123.abc.tmp").write_text("someone else's")
    write_atomic(tmp_path / "out.json", "x")
    assert sorted(os.listdir(tmp_path)) == [".other.json.123.abc.tmp", "out.json"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_target_that_is_not_a_regular_file_is_not_replaced(tmp_path):
    with pytest.raises(InputError, match=r"^/dev/null: not a regular file; not replaced$"):
        write_atomic(Path("/dev/null"), "x")
    assert Path("/dev/null").is_char_device()
