"""First characters: an anchor behind a look-ahead for the characters its matches start with finds
the same spans; where they are unknown, or `re` skips to them itself, it runs as it is."""

from __future__ import annotations

import re
import re._compiler as sre_compile
import re._parser as sre_parse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.firstchars import charset_hint, gated, lookahead_class


@pytest.mark.parametrize("pattern, starts", [
    (r"\b(?:ab|c[de])\b", "ac"),
    (r"\b(?:(?:a|b)?c|\d)", "abc" + "0"),
    (r"(?:\b|(?<=\d))(?:[qh][1-4]|quarter)", "hq"),
    (r"\bx?(?:yz)*w", "xyw"),
])
def test_a_pattern_opening_with_an_assertion_waits_for_its_first_characters(pattern, starts):
    wrapped = gated(pattern)
    assert wrapped.startswith("(?=[") and wrapped.endswith(f"(?:{pattern})")
    lead = re.compile(wrapped[3:wrapped.index("])") + 1])
    assert all(lead.match(c) for c in starts) and not lead.match("m")


@pytest.mark.parametrize("pattern", [
    r"abc", r"[ab]c", r"(?:ab|cd)e",  # re skips to a literal, a class, or branches that each open with one
    r"\b(?:x)?", r"\b[^a]b", r"\b.b", r"(?i)\bab", r"\b(?i:a)b", "(",
])
def test_a_pattern_is_left_as_it_is_where_re_skips_itself_or_its_first_characters_are_unknown(pattern):
    assert gated(pattern) == pattern


PIECES = [r"\b", "a", "b", "ab", " ", r"\d", "[a-c]", "(?:a|bc)", "(?:to|fro)", "x?", "(?:ab)*", "(?:b|)", "(?=a)",
          "(?<!b)", r"\s+", "(?:[ab]|x)?", r"(?:\b|(?<=\d))", "(?>a|to)"]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6), st.text(alphabet="abcxtofr 19\n", max_size=30))
def test_a_gated_pattern_finds_the_same_spans(pieces, text):
    pattern = "".join(pieces)
    assert [m.span() for m in re.finditer(gated(pattern), text)] == [m.span() for m in re.finditer(pattern, text)]


def test_a_look_ahead_for_one_class_is_the_search_charset_under_the_hint():
    parsed = sre_parse.parse(r"(?=[ab])(?:\bab)")
    assert lookahead_class(parsed, 0) == list(sre_parse.parse("[ab]").data[0][1])
    assert lookahead_class(sre_parse.parse(r"(?=[ab]c)x"), 0) is None
    assert lookahead_class(sre_parse.parse(r"(?=[ab])x"), re.IGNORECASE) is None
    assert lookahead_class(sre_parse.parse(r"\bab"), 0) is None


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6), st.text(alphabet="abcxtofr 19\n", max_size=30))
def test_a_gated_pattern_compiled_under_the_hint_finds_the_same_spans(pieces, text):
    pattern = "".join(pieces)
    with charset_hint():
        hinted = sre_compile.compile(gated(pattern), 0)
    assert [m.span() for m in hinted.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
