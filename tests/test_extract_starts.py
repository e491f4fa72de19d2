"""Starts: the positions where a match of a rule may start, read from its pattern, so the rule is tried
only there. Trying it there must find exactly what `finditer` over the whole stretch finds."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.rulebook import load_rulebook
from factcheck.extract.starts import (
    BOUNDARY, LIMIT, OTHER, Finder, finder_source, matches, opening_finder, openings, shortened, trie,
)


def starts_of(pattern: str, text: str, flags: int = regex.IGNORECASE) -> list[int]:
    finder = opening_finder(pattern, flags)
    assert finder is not None
    return [m.start() for m in re.finditer(finder, text.lower())]


def spans(found: list[regex.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in found]


def test_digits_open_where_a_digit_is():
    assert starts_of(r"\d+ to \d+", "from 5 to 10") == [5, 10, 11]
    assert starts_of(r"(?<![\d.,])\d+ to \d+", "from 5 to 10, 1,5") == [5, 10, 14]  # not after a digit, point or comma


def test_a_guarded_word_opens_only_a_word():
    assert starts_of(r"\b(?:one|ten) \w+", "ten often one ten x") == [0, 10, 14]
    assert starts_of(r"(?<![\w$])ten", "often ten") == [6]
    assert starts_of(r"ten", "often ten") == [2, 6]  # no guard: a match may start inside a word


def test_a_word_followed_by_a_space_opens_that_word_alone():
    assert starts_of(r"(?<!\w)(?:a|an)\s+hundred", "a hundred and an apple") == [0, 14]


def test_an_alternation_of_assertions_is_read_path_by_path():
    # a word opens only a word; a digit (the look-ahead's path) opens anywhere
    assert starts_of(r"(?:(?<![\w])|(?=\d))(?:a\s*x|\d)", "ax bax b1 a x") == [0, 8, 10]
    assert starts_of(r"(?=\d)(?:a|1)", "a1a") == [1]


def test_optional_openings_let_what_follows_open_too():
    assert starts_of(r"(?:about )?\$\d", "about $5 or $6") == [0, 6, 12]


def test_a_call_opens_as_the_group_it_calls():
    assert starts_of(r"(?:(?&h) )?\$\d(?(DEFINE)(?P<h>about|near))", "about $5, near $6") == [0, 6, 10, 15]


def test_case_is_read_as_regex_reads_it():
    assert starts_of("\u212a", "k K") == [0, 2]  # the Kelvin sign matches both when case is ignored
    assert opening_finder("K", 0) == "(?=(?:k))"  # on lower-cased text: a superset of where "K" is
    assert opening_finder("(?-i:K)", regex.IGNORECASE) == "(?=(?:k))"
    assert opening_finder(r"(?-i:(?<![A-Z]))x", regex.IGNORECASE) == "(?=(?:x))"  # "a" before may be "A" or "a"


def test_extra_characters_open_as_they_are():
    assert starts_of_extra(r"(?:about )?\ue000 \w+ #\d+\ue001", "about \ue000 money #1\ue001, \ue000 count #2\ue001") == [0, 6, 19]


def test_other_stands_for_any_character_beyond_ascii_where_a_node_may_match_one():
    assert openings("[\u00bc-\u00be]", 0) == set()
    assert openings("[\u00bc-\u00be]", 0, other=True) == {(OTHER, frozenset())}
    assert openings(r"\bage\s", 0, other=True) >= {("age ", frozenset([BOUNDARY])), ("age" + OTHER, frozenset([BOUNDARY]))}
    assert openings("ab", 0, other=True) == {("ab", frozenset())}  # ASCII literals match nothing beyond
    assert openings("k", regex.IGNORECASE, other=True) == {("k", frozenset()), (OTHER, frozenset())}  # the Kelvin sign
    assert openings(r"(?<![\w.])x", 0, other=True) == {("x", frozenset("abcdefghijklmnopqrstuvwxyz0123456789_."))}


def test_an_opening_of_spaces_only_is_no_finder():
    assert opening_finder(r"\s+\d", regex.IGNORECASE) is None


def starts_of_extra(pattern: str, text: str) -> list[int]:
    finder = opening_finder(pattern, regex.IGNORECASE, "\ue000\ue001\ue002")
    assert finder is not None
    return [m.start() for m in re.finditer(finder, text.lower())]


@pytest.mark.parametrize("pattern, flags", [
    (r"(?:x)?", regex.IGNORECASE),  # may match the empty string
    (r"\Gx", regex.IGNORECASE),
    (r"ab\Kc", regex.IGNORECASE),
    (r"(?(1)a|b)", regex.IGNORECASE),
    (r"(?:abc){e<=1}", regex.IGNORECASE),
    (r"(?r)abc", 0),
    (r"(?f)strasse", regex.IGNORECASE),
    (r"abc", regex.IGNORECASE | regex.VERSION1),
    (r"abc", regex.POSIX),
    ("(", 0),
])
def test_what_is_not_followed_is_not_read(pattern, flags):
    assert opening_finder(pattern, flags) is None


def test_openings_beyond_the_limit_are_cut_to_prefixes():
    many = {(f"w{i:04d}", frozenset()) for i in range(LIMIT * 3)}
    cut = shortened(many)
    assert len(cut) <= LIMIT and all(any(text.startswith(c) for c, _ in cut) for text, _ in many)


def test_the_finder_shares_prefixes():
    assert trie({"one", "onion", "two"}) == "(?:on(?:e|ion)|two)"
    assert trie({"a", "ab"}) == "a"
    assert finder_source(set()) == "(?!)"


PIECES = ["a", "b", "ab", "to", " ", r"\d", r"\d+", "[a-c]", "(?:a|bc)", "(?:to|fro)", "x?", "(?:ab)?", "(?:ab)+",
          r"\s+", "(?=a)", "(?<!b)", r"(?<![\w])", r"(?<![a-z$])", r"\b", "(?i:B)", "(?-i:A)", "(?>a|to)", "(?:[ab]|x)?",
          "(?:one|two|three)", r"\$", "(?<=a)", "(?!b)", ".", r"[^a]", "k", r"(?:(?<!\w)|(?=\d))", r"(?:(?<!a)|(?<!1))",
          r"(?=[a1])", r"(?:(?=t)|\b)"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5),
       st.text(alphabet="abcABtofrxK $15onetw\n", max_size=24), st.integers(0, 6), st.integers(0, 6))
def test_trying_only_at_the_starts_finds_what_finditer_finds(pieces, text, cut_start, cut_end):
    pattern = "".join(pieces)
    finder = opening_finder(pattern, regex.IGNORECASE)
    if finder is None:
        return
    compiled = regex.compile(pattern, regex.IGNORECASE)
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    expected = spans(list(compiled.finditer(text, start, end)))
    found = matches(compiled, Finder(finder, re.compile).positions(text[start:end].lower(), start), text, end)
    assert spans(found) == expected, (pattern, finder)


def test_every_shipped_rule_finds_its_examples_through_its_starts():
    book = load_rulebook()
    for rule in book.rules:
        if rule.starts is None:
            continue
        for example in [*rule.examples, *rule.counter_examples]:
            for text in example.texts:
                plain = text.replace("«", "").replace("»", "")
                if plain.isascii():
                    expected = spans(list(rule.compiled.finditer(plain)))
                    found = matches(rule.compiled, rule.starts.positions(plain.lower(), 0), plain, len(plain))
                    assert spans(found) == expected, rule.id
