"""Multiplier: "grew N-fold to X (from Y)", "doubled to X": the level before is X ÷ N."""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.intervals import Interval
from factcheck.relations.arithmetic.common import (
    CheckOptions, Outcome, alike, compare, implied, interval, sum_words, total,
)
from factcheck.relations.link import Link
from factcheck.wording import figure


def base_from_multiplier(target: Interval, factor: Interval) -> Interval:
    """The starting level when growing `factor`-fold reaches `target`: "expand 10-fold to $1B"."""
    return target / factor


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    factor, target, bases = link.one("factor"), link.one("target"), link.role("base")
    if factor is None or target is None or (bases and not alike((target, *bases))):
        return []
    unit = target.unit
    expected = base_from_multiplier(interval(target, options), interval(factor, options))
    words = f"{target.text} ÷ {figure(factor.value, None)} = {figure(expected.value, unit)} before the change"
    if not bases:
        return [implied(link, expected, unit, words, f"{factor.text} to {target.text} implies a level of "
                        f"{figure(expected.value, unit)}", (factor, target), facts, options)]
    stated = total(bases, options, unit)
    verdict = compare(expected, stated, options)
    return [Outcome(verdict, expected, stated, unit, f"{words}; stated {sum_words(bases)} = {figure(stated.value, unit)}",
                    f"{factor.text} to {target.text}: {verdict}", (factor, target, *bases))]
