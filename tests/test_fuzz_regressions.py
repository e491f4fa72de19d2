"""Every input the fuzz target (tests/fuzz/scan_target.py) ever crashed on, replayed."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract.rulebook import load_rulebook
from fuzz.scan_check import scan_one

CRASHES = sorted((Path(__file__).parent / "data" / "fuzz").glob("*.bin"))


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


@pytest.mark.parametrize("crash", CRASHES, ids=[path.stem for path in CRASHES])
def test_an_input_that_once_crashed_the_scan_does_not(book, crash):
    scan_one(crash.read_bytes(), book)


def test_there_are_crashes_to_replay():
    assert CRASHES
