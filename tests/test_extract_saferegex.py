"""User regexes bounded in time: compiling in a child process with a budget, matching with a
per-owner budget that runs out once and stays out."""

from __future__ import annotations


import pytest
import regex

from factcheck.extract import saferegex
from factcheck.extract.saferegex import MatchBudget, OverBudget, PatternError, compile_bounded, seconds_for, warm

NESTED = "(?:(?:(?:(?:a{50}){50}){50}){50})"  # regex.compile alone takes seconds and gigabytes on this
SLOW = "(?:a|aa)+b"  # matching backtracks exponentially on a run of a's


def test_a_fine_pattern_compiles_to_the_same_pattern_and_is_cached():
    compiled = compile_bounded(r"\d+ zorks?", regex.IGNORECASE)
    assert compiled.pattern == r"\d+ zorks?" and compiled.flags & regex.IGNORECASE
    assert compile_bounded(r"\d+ zorks?", regex.IGNORECASE) is compiled


def test_a_bad_pattern_is_a_pattern_error_with_the_engines_message():
    with pytest.raises(PatternError, match=r"^missing \) at position 1$"):
        compile_bounded("(")


def test_a_pattern_too_costly_to_compile_is_refused_within_the_budget():
    with pytest.raises(PatternError, match=r"^(?:takes longer than 0\.3 s|needs too much memory) to compile$"):
        compile_bounded(NESTED, 0, seconds=0.3)


def test_warm_tries_many_patterns_and_keeps_going_past_a_bad_one():
    warm([("zork+", 0), ("[", 0), (NESTED, regex.IGNORECASE), ("zorp", 0)], seconds=0.3)
    assert compile_bounded("zork+").pattern == "zork+" and compile_bounded("zorp").pattern == "zorp"
    with pytest.raises(PatternError, match="unterminated character set"):
        compile_bounded("[")


def test_a_budget_runs_out_on_a_pathological_match_and_stays_out():
    budget = MatchBudget(0.1)
    pattern = regex.compile(SLOW)
    with pytest.raises(OverBudget):
        budget.finditer(pattern, "a" * 60)
    assert budget.spent
    with pytest.raises(OverBudget):
        budget.search(pattern, "b")


def test_a_budget_is_spent_across_calls():
    budget = MatchBudget(1.0)
    pattern = regex.compile("b")
    assert [m.span() for m in budget.finditer(pattern, "abcb", 0, 3)] == [(1, 2)]
    assert budget.search(pattern, "aab").span() == (2, 3)
    assert 0 < budget.left < 1.0


def test_the_match_budget_grows_with_the_document(monkeypatch):
    monkeypatch.setattr(saferegex, "MATCH_SECONDS", 1.0)
    monkeypatch.setattr(saferegex, "MATCH_SECONDS_PER_MB", 1.0)
    assert seconds_for(0) == 1.0 and seconds_for(3_000_000) == 4.0
