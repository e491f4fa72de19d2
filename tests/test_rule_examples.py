"""Every built-in rule and frame passes its own examples and counter-examples, one test each,
as `factcheck rules test` runs them."""

from __future__ import annotations

import pytest

from factcheck.relations.frames import Frame
from factcheck.extract.rulebook import Example, Rule, load_rulebook
from factcheck.ruletest import check_counter, check_example, check_frame, run_examples

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


def frame_failures(frame: Frame) -> list[str]:
    failures = []
    for counter, group in ((False, frame.examples), (True, frame.counter_examples)):
        for example in group:
            for text in example.texts:
                failures += check_frame(BOOK, frame, example, text, counter)
    return [str(f) for f in failures]


@pytest.mark.parametrize("rule", BOOK.rules, ids=[r.id for r in BOOK.rules])
def test_rule(rule):
    assert rule_failures(rule) == []


@pytest.mark.parametrize("frame", BOOK.frames, ids=[f.id for f in BOOK.frames])
def test_frame(frame):
    assert frame.examples, "a frame needs at least one example"
    assert frame_failures(frame) == []


def test_the_checks_can_fail():
    """A wrong expectation, a counter-example the rule does match, and a check that must not exist all fail."""
    times = next(r for r in BOOK.rules if r.id == "ratio.times")
    wrong = Example(("It was «58 times» larger",), {"value": 59}, None, 1)
    assert [f.problem for f in check_example(BOOK, times, wrong, wrong.texts[0])] == ["value is 58, expected 59"]
    assert check_counter(BOOK, times, wrong, wrong.texts[0])
    missing = Example(("It «was» 58 times larger",), {}, None, 1)
    assert "no claim spans 'was'" in check_example(BOOK, times, missing, missing.texts[0])[0].problem
    part = next(f for f in BOOK.frames if f.id == "part.of-the")
    example = Example(("Russia waived $12 billion of Pyongyang's $11 billion debt.",), {"verdict": "inconsistent"}, None, 1)
    assert check_frame(BOOK, part, example, example.texts[0], counter=False) == []
    assert check_frame(BOOK, part, example, example.texts[0], counter=True)
    other = next(f for f in BOOK.frames if f.id == "sum.plus-equals")
    assert "does not match" in check_frame(BOOK, other, example, example.texts[0], counter=False)[0].problem
    both = Example(("Of the 40 trains, 9 were late, and 52 were cancelled.",), {"verdict": "consistent"}, None, 1)
    each = next(f for f in BOOK.frames if f.id == "part.of-the-each")  # 9 of 40 fits, 52 of 40 does not
    assert "yet an alarm" in check_frame(BOOK, each, both, both.texts[0], counter=False)[0].problem


def test_run_examples_runs_every_text_the_cases_above_run():
    count, _ = run_examples(BOOK)
    assert count == sum(len(e.texts) for r in [*BOOK.rules, *BOOK.frames] for e in [*r.examples, *r.counter_examples])
