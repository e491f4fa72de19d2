"""Which patterns are the user's: their own file, or a fragment, table or anchor a user file defined."""

from __future__ import annotations

import pytest
import regex

from factcheck.errors import RuleError
from factcheck.extract.rulebook import Rulebook
from factcheck.extract.patterncache import Store, read_store
from factcheck.extract.ruletrust import compile_pattern, group_names, is_users, kept_group_names, references


def test_references_follow_fragments_that_use_others():
    fragments = {"number": "{digits}|{word}", "digits": r"\d+", "word": "{number_word}"}
    assert references(fragments, r"(?P<amount>{number})\p{Lu}") == {"number", "digits", "word", "number_word"}


def test_a_builtin_pattern_is_the_users_only_through_what_a_user_defined():
    book = Rulebook(fragments={"number": "{digits}", "digits": r"\d+"}, user_names={"digits"})
    assert is_users(book, True, "{number} zorks")
    assert not is_users(book, True, "zorks")
    assert is_users(book, False, "zorks")


def test_a_bad_pattern_names_its_place():
    with pytest.raises(RuleError, match=r"^here: bad anchor: missing \)"):
        compile_pattern("(", 0, True, "here", "anchor")
    with pytest.raises(RuleError, match=r"^here: bad pattern: missing \)"):
        compile_pattern("(", 0, True, "here")


def test_a_builtin_pattern_compiles_on_first_use():
    pattern = compile_pattern("(", 0, False, "here")  # the shipped rules' are tested (factcheck rules test)
    with pytest.raises(regex.error):
        pattern.search("(")
    assert compile_pattern(r"(?P<n>\d+)", 0, False, "here").search("a 12")["n"] == "12"


def test_group_names_are_read_from_the_text_of_a_pattern():
    assert group_names(r"(?P<a>x)\(?P<b>y)\\(?P<c>z)(?<d>q)(?<=e)(?<!f)(?:g)(?P<a>h)") == ["a", "c", "d"]


def test_group_names_are_kept_in_the_store_by_the_pattern_as_written(tmp_path):
    store = Store(tmp_path / "store.bin", {})
    assert kept_group_names(store, r"(?P<a>x)(?P<b>y)", "{ab}") == ["a", "b"]
    store.save()
    again = Store(tmp_path / "store.bin", *read_store(tmp_path / "store.bin"))
    assert kept_group_names(again, "no groups here: the store answers for what was written", "{ab}") == ["a", "b"]
    assert kept_group_names(Store(None, {}), r"(?P<c>z)", "{ab}") == ["c"]


def test_without_user_names_no_builtin_pattern_is_the_users():
    book = Rulebook(fragments={"number": r"\d+"})
    assert not is_users(book, True, "{number} zorks")
