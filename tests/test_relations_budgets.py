"""Frame budgets: a frame tried only at its starts finds what an overlapped search finds, within the time left."""

from __future__ import annotations

import re
import time
from types import SimpleNamespace

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.patterncache import Deferred, Store
from factcheck.extract.starts import Finder, opening_finder
from factcheck.document import load_text
from factcheck.extract.saferegex import MatchBudget
from factcheck.relations.budgets import FrameBudgets, matches_at, ready

MARKS = "\ue000\ue001\ue002"
PIECES = ["a", "ab", " ", r"\d+", r"\s+", "(?:about )?", "\ue000 ", r"[a-z]+ ", r"#\d+\ue001", "(?:of|to)", r"\b", r"(?<!\w)",
          " \ue002 ", "(?=a)", "(?:x|\ue000)"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5),
       st.text(alphabet="abx of to#12 \ue000\ue001\ue002", max_size=30))
def test_trying_a_frame_at_its_starts_finds_every_overlapping_match(pieces, text):
    pattern = "".join(pieces)
    finder = opening_finder(pattern, regex.IGNORECASE, MARKS)
    if finder is None:
        return
    compiled = regex.compile(pattern, regex.IGNORECASE)
    expected = [m.span() for m in compiled.finditer(text, overlapped=True)]
    found = matches_at(compiled, text, Finder(finder, re.compile).positions(text.lower(), 0), time.perf_counter() + 60)
    assert [m.span() for m in found] == expected, (pattern, finder)


def test_no_time_left_is_a_timeout():
    with pytest.raises(TimeoutError):
        matches_at(regex.compile("a"), "aaa", [0, 1, 2], time.perf_counter() - 1)


def test_compiling_a_frame_that_waits_for_its_first_use_spends_no_matching_time():
    store = Store(None, {})
    slow = Deferred(store, ("ca+b", 0))
    record = store.record
    store.record = lambda key: time.sleep(0.2) or record(key)  # a cold store compiles, here slowly
    budgets = FrameBudgets(load_text("t", "caaab"), [])
    budgets.document = MatchBudget(0.1)  # less time than the compile takes
    window = SimpleNamespace(text="caaab", claims=[])
    first = budgets.matches(SimpleNamespace(compiled=slow, bounded=False, id="f"), window)
    then = budgets.matches(SimpleNamespace(compiled=regex.compile("b"), bounded=False, id="g"), window)
    assert [m.group() for m in first + then] == ["caaab", "b"] and ready(slow) is slow.real
