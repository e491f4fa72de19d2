"""A file at a git revision: the revision never reaches git as an option."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.gitrev import check_revision, git_show


@pytest.mark.parametrize(("rev", "why"), [
    ("", "the revision is empty"),
    ("  ", "the revision is empty"),
    ("--output=/tmp/x", "is an option, not a revision"),
    ("-p", "is an option, not a revision"),
    ("HEAD\n--output=x", "holds characters no revision name has"),
])
def test_what_cannot_be_a_revision_is_refused(rev, why):
    with pytest.raises(InputError, match=why):
        check_revision(rev)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args], cwd=repo, check=True,
                   capture_output=True)


def test_the_file_as_committed_and_gits_reason_when_there_is_none(tmp_path):
    (tmp_path / "a.txt").write_text("It cost $5.\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "commit", "-q", "-m", "one")
    (tmp_path / "a.txt").write_text("It cost $7.\n", encoding="utf-8")
    assert git_show("HEAD", str(tmp_path / "a.txt")) == b"It cost $5.\n"
    with pytest.raises(InputError, match=r"a\.txt: cannot read it at nope: fatal: invalid object name 'nope'"):
        git_show("nope", str(tmp_path / "a.txt"))
