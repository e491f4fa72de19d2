"""Ratio: "A was N times B" states A = N × B (a list of references is their sum).

"N times more than B" is read as N × B, the common usage, not (N + 1) × B.
"""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.intervals import Interval
from factcheck.relations.arithmetic.common import (
    CheckOptions, Outcome, alike, compare, implied, in_unit, interval, sum_words, total,
)
from factcheck.relations.link import Link
from factcheck.wording import figure


def implied_subject(reference: Interval, factor: Interval) -> Interval:
    """A = factor × B: "58 times that of B"."""
    return factor * reference


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    factor, subject, refs = link.one("factor"), link.one("subject"), link.role("reference")
    if factor is None or not refs or not alike(refs) or (subject is not None and not alike((subject, *refs))):
        return []
    unit = refs[0].unit
    expected = implied_subject(total(refs, options, unit), interval(factor, options))
    words = f"{figure(factor.value, None)} × {sum_words(refs)} = {figure(expected.value, unit)}"
    if subject is None:
        return [implied(link, expected, unit, words, f"{factor.text} implies {figure(expected.value, unit)}",
                        (factor, *refs), facts, options)]
    stated = in_unit(interval(subject, options), subject.unit, unit)
    verdict = compare(expected, stated, options)
    return [Outcome(verdict, expected, stated, unit, f"{words}; stated {subject.text}",
                    f"{subject.text} is {factor.text} {sum_words(refs)}: {verdict}", (factor, *refs, subject))]
