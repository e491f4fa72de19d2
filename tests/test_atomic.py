from __future__ import annotations

import os
import stat

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
