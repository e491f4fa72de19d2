"""Multiplier: "grew N-fold to X (from Y)", "doubled to X": the level before is X ÷ N; after a
word of decrease ("fell a hundredfold") the level before is X × N."""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.intervals import Interval
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import (
    CheckOptions, Outcome, alike, compare, implied, interval, sum_words, total,
)
from factcheck.relations.link import Link
from factcheck.wording import figure


def base_from_multiplier(target: Interval, factor: Interval) -> Interval:
    """The starting level when growing `factor`-fold reaches `target`: "expand 10-fold to $1B"."""
    return target / factor


def falls(factor: Claim, target: Claim, base: Claim) -> bool:
    """A multiple above one between a larger start and a smaller end: a fall by that multiple."""
    numbers = (factor.value, target.value, base.value)
    return all(isinstance(x, (int, float)) for x in numbers) and factor.value > 1 and target.value < base.value


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    factor, target, bases = link.one("factor"), link.one("target"), link.role("base")
    if factor is None or target is None or (bases and not alike((target, *bases))):
        return []
    if len(bases) == 1 and falls(factor, target, bases[0]):
        target, bases = bases[0], (target,)  # "fell a hundredfold, from $100,000 to $1,000": read as the rise undone
    unit = target.unit
    factor_range = interval(factor, options)
    if link.meta.get("direction") == -1 and factor_range.low >= 1:
        factor_range = Interval.exact(1) / factor_range  # "fell a hundredfold": to a hundredth
    expected = base_from_multiplier(interval(target, options), factor_range)
    words = f"{target.text} ÷ {figure(factor.value, None)} = {figure(expected.value, unit)} before the change"
    if not bases:
        return [implied(link, expected, unit, words, f"{factor.text} to {target.text} implies a level of "
                        f"{figure(expected.value, unit)}", (factor, target), facts, options)]
    stated = total(bases, options, unit)
    verdict = compare(expected, stated, options)
    return [Outcome(verdict, expected, stated, unit, f"{words}; stated {sum_words(bases)} = {figure(stated.value, unit)}",
                    f"{factor.text} to {target.text}: {verdict}", (factor, target, *bases))]
