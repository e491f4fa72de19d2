"""A frame that opens with the words up to a mark is matched at its marks and finds what an overlapped search finds."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from factcheck.document import load_text
from factcheck.relations.budgets import FrameBudgets
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.lead import branches, lead_mark, marks_until, read_mark, spelled_mark

BREAK = "\ue002"


def mark_of(pattern: str, flags: int = regex.IGNORECASE) -> str | None:
    return lead_mark(regex.compile(pattern, flags))


def test_a_pattern_that_opens_with_any_words_up_to_a_mark_has_that_mark():
    assert mark_of(f"[^{BREAK}]*{BREAK} of (?P<noun>\\w+)") == BREAK
    assert mark_of(f"[^{BREAK}]*?{BREAK} of") == BREAK
    assert mark_of(f"[^\\ue002]*(?:{BREAK}) of") == BREAK  # as a frame spells `{rest}{break}`


def test_no_mark_where_the_opening_may_stop_elsewhere():
    assert mark_of(f"[^{BREAK}]+{BREAK}") is None  # at least one word: not at a mark right after another
    assert mark_of(f"[^{BREAK}]{{0,5}}{BREAK}") is None  # may stop short of the mark
    assert mark_of(f"[^{BREAK}]*x{BREAK}") is None
    assert mark_of(f"[^{BREAK}]*{BREAK}?a") is None
    assert mark_of(f"[^{BREAK}]*{BREAK}|b") is None  # the opening is one branch's only
    assert mark_of("[^a]*a") is None  # "A" too stops the opening when case is ignored
    assert mark_of("[^ab]*a") is None
    assert mark_of(f"(?:x|[^{BREAK}]*){BREAK}") is None
    assert mark_of(f"[^{BREAK}]*(?:{BREAK}|a)") is None


def test_the_marks_run_to_the_first_one_past_the_last_start():
    assert marks_until(f"ab{BREAK}cd{BREAK}ef{BREAK}", BREAK, 3) == [2, 5]
    assert marks_until(f"ab{BREAK}cd{BREAK}", BREAK, 2) == [2]
    assert marks_until(f"ab{BREAK}", BREAK, -1) == []


PIECES = ["a", " ", BREAK, "(?P<x>a+)", "(?P<y>b|ab)?", "(?<=a)", "(?<!b)", "\\w*?", ".*", "(?:a|b)+ ", "(?=b)"]


@given(st.booleans(), st.lists(st.sampled_from(PIECES), max_size=5), st.text(alphabet=f"ab {BREAK}", max_size=24),
       st.integers(-1, 25))
def test_the_matches_at_the_marks_stand_for_every_overlapping_match(lazy, pieces, text, last):
    pattern = regex.compile(f"[^{BREAK}]*{'?' if lazy else ''}(?:{BREAK})" + "".join(pieces), regex.IGNORECASE)
    assert lead_mark(pattern) == BREAK
    frame = SimpleNamespace(id="f", bounded=False, compiled=pattern)
    found = FrameBudgets(load_text("t.txt", "x"), []).matches(frame, SimpleNamespace(text=text, claims=()), None, last)

    def seen(m):
        return m.span(), m.group(), [(m.group(name), m.captures(name)) for name in pattern.groupindex]

    every = [seen(m) for m in pattern.finditer(text, overlapped=True) if m.start() <= last]
    assert [seen(m) for m in found] == every


@pytest.mark.parametrize("source", [
    f"[^\\ue002]*(?:{BREAK}) of", f"[^{BREAK}]*?{BREAK} x", f"[^{BREAK}]*{BREAK}+", f"[^{BREAK}]*(?:{BREAK})*",
    "[^y]*y", "[^a]*b", "[^-]*- and", f"[^{BREAK}]*(?:{BREAK}|x)",
])
def test_the_usual_spelling_is_read_without_a_parse_and_as_the_parse_reads_it(source):
    found = spelled_mark(source, regex.IGNORECASE)
    assert found is None or found == read_mark(source, regex.IGNORECASE)


def test_every_shipped_frame_s_lead_is_read_without_a_parse_where_it_has_one():
    book = load_rulebook()
    for frame in book.frames:
        if frame.compiled.pattern.startswith("[^"):
            assert spelled_mark(frame.compiled.pattern, frame.compiled.flags) == read_mark(frame.compiled.pattern,
                                                                                           frame.compiled.flags)


@pytest.mark.parametrize("source, split", [
    ("a|b", True), ("(a|b)", False), ("[|]", False), ("[]|]a", False), ("\\|a", False), ("[^\\]]|x", True),
    ("[^y]*y|b", True), ("[^]|]*x", False), ("[a^]|x", True), ("[^]]|x", True), ("[\\]|]", False),
])
def test_a_bar_outside_every_group_and_class_splits_the_pattern(source, split):
    assert branches(source) is split
