"""Every built-in rule and relation passes its own examples and counter-examples, one test each,
as `factcheck rules test` runs them."""

from __future__ import annotations

import pytest

from factcheck.rulebook import Example, Relation, Rule, load_rulebook
from factcheck.ruletest import check_counter, check_example, check_relation, run_examples

BOOK = load_rulebook()


def rule_failures(rule: Rule) -> list[str]:
    failures = []
    for example in rule.examples:
        for text in example.texts:
            failures += check_example(BOOK, rule, example, text)
    for example in rule.counter_examples:
        for text in example.texts:
            failures += check_counter(BOOK, rule, example, text)
    return [str(f) for f in failures]


def relation_failures(relation: Relation) -> list[str]:
    failures = []
    for counter, group in ((False, relation.examples), (True, relation.counter_examples)):
        for example in group:
            for text in example.texts:
                failures += check_relation(BOOK, relation, example, text, counter)
    return [str(f) for f in failures]


@pytest.mark.parametrize("rule", BOOK.rules, ids=[r.id for r in BOOK.rules])
def test_rule(rule):
    assert rule_failures(rule) == []


@pytest.mark.parametrize("relation", BOOK.relations, ids=[r.id for r in BOOK.relations])
def test_relation(relation):
    assert relation.examples, "a relation needs at least one example"
    assert relation_failures(relation) == []


def test_the_checks_can_fail():
    """A wrong expectation, a counter-example the rule does match, and a check that must not exist all fail."""
    times = next(r for r in BOOK.rules if r.id == "ratio.times")
    wrong = Example(("It was «58 times» larger",), {"value": 59}, None, 1)
    assert [f.problem for f in check_example(BOOK, times, wrong, wrong.texts[0])] == ["value is 58, expected 59"]
    assert check_counter(BOOK, times, wrong, wrong.texts[0])
    missing = Example(("It was «58» larger",), {}, None, 1)
    assert "no claim spans '58'" in check_example(BOOK, times, missing, missing.texts[0])[0].problem
    part = next(r for r in BOOK.relations if r.type == "part_of_whole")
    example = Example(("Russia waived $12 billion of Pyongyang's $11 billion debt.",), {"verdict": "inconsistent"}, None, 1)
    assert check_relation(BOOK, part, example, example.texts[0], counter=False) == []
    assert check_relation(BOOK, part, example, example.texts[0], counter=True)


def test_run_examples_runs_every_text_the_cases_above_run():
    count, _ = run_examples(BOOK)
    assert count == sum(len(e.texts) for r in [*BOOK.rules, *BOOK.relations] for e in [*r.examples, *r.counter_examples])
