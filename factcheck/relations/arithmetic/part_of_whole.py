"""Part of whole: "$10 billion of the $11 billion debt", "Of these, 85 ...": the parts cannot exceed the whole."""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.intervals import INF, Interval
from factcheck.relations.arithmetic.common import CheckOptions, Outcome, alike, counted, interval, sum_words, total
from factcheck.relations.link import Link
from factcheck.wording import figure

NONNEGATIVE = Interval(0.0, INF, 0.0)


def part_within_whole(part: Interval, whole: Interval) -> tuple[bool, Interval]:
    """Whether the part can be no more than the whole, and the remainder whole - part.

    "$10 billion of $11 billion" fits with $1 billion left; "$12 billion of $11 billion"
    does not: the remainder can reach zero only where both roundings meet, which is no fit.
    """
    remainder = whole - part
    return remainder.overlaps(NONNEGATIVE), remainder


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    parts, whole = link.role("part"), link.one("whole")
    if not parts or whole is None or not alike((whole, *parts)) or not isinstance(whole.value, (int, float)):
        return []
    nouns = {counted(c) for c in (whole, *parts)} - {None}
    if len(nouns) > 1 or (nouns and counted(whole) is None and whole.kind == "count"):
        return []  # "28 countries of 6 continents", "one mother of two": no part of that whole
    unit = whole.unit
    part = total(parts, options, unit)
    fits, _ = part_within_whole(part, interval(whole, options))
    whole_value = float(whole.value)
    share = f"{part.value / whole_value * 100:.0f}% of the whole, " if whole_value else ""
    words = (f"{sum_words(parts)} of {whole.text}: {share}{figure(whole_value - part.value, unit)} left" if fits
             else f"{sum_words(parts)} of {whole.text}: the part exceeds the whole")
    return [Outcome("consistent" if fits else "inconsistent", interval(whole, options), part, unit, words,
                    f"part of whole: {'fits' if fits else 'the part is larger than the whole'}", (*parts, whole),
                    compared=False)]
