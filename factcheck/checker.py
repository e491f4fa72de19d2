"""Verdicts: each link's arithmetic (factcheck/relations/arithmetic/) placed as a Check.

A link whose figures the arithmetic cannot take (no value, units of different dimensions, a
zero divisor) gives no check: no verdict is better than a wrong one.
"""

from __future__ import annotations

import math

from factcheck.facts import Fact
from factcheck.intervals import Interval, IntervalError, deviation
from factcheck.model import Check, Quantity
from factcheck.relations.arithmetic import EVALUATORS
from factcheck.relations.arithmetic.common import CheckOptions, Outcome
from factcheck.relations.arithmetic.ends import resolve_ends
from factcheck.relations.link import Link


def check_all(links: list[Link], facts: list[Fact], options: CheckOptions) -> list[Check]:
    checks: list[Check] = []
    for link in links:
        try:
            outcomes = EVALUATORS[link.type](resolve_ends(link, options), facts, options)
        except (IntervalError, ZeroDivisionError, OverflowError):
            outcomes = []
        for outcome in outcomes:
            checks.append(place(len(checks) + 1, link, outcome))
    return checks


def quantity(found: Interval | None, unit: str | None, dates: bool) -> Quantity | None:
    if found is None:
        return None
    if dates:
        return Quantity(*(f"{round(x):04d}" for x in (found.value, found.low, found.high)), None)
    return Quantity(found.value, found.low, found.high, unit)


def place(number: int, link: Link, outcome: Outcome) -> Check:
    """The Check for an outcome, located at the claim that triggered its link."""
    trigger = link.trigger
    dev = None
    if outcome.expected is not None and outcome.stated is not None and outcome.compared and not outcome.dates:
        dev = deviation(outcome.stated.value, outcome.expected.value)
    end_line = trigger.line + trigger.text.count("\n")
    end_column = (len(trigger.text) - trigger.text.rfind("\n") if "\n" in trigger.text
                  else trigger.column + len(trigger.text))
    return Check(
        id=f"k{number}", type=outcome.type or link.type, verdict=outcome.verdict,
        claims=tuple(dict.fromkeys(c.id for c in outcome.claims)),
        expected=quantity(outcome.expected, outcome.unit, outcome.dates),
        stated=quantity(outcome.stated, outcome.unit, outcome.dates) if outcome.verdict != "unverifiable" else None,
        deviation=None if dev is None or not math.isfinite(dev) else round(dev, 6),
        explanation=outcome.explanation, message=outcome.message,
        start=trigger.start, end=trigger.end, line=trigger.line, column=trigger.column,
        end_line=end_line, end_column=end_column, sentence=trigger.sentence,
    )
