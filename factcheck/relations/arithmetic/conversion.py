"""Conversion: one quantity stated in two units ("3,500 kilometres (2,175 miles)"), compared through pint."""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.relations.arithmetic.common import CheckOptions, Outcome, compare, in_unit, interval
from factcheck.intervals import Interval, IntervalError
from factcheck.relations.link import Link
from factcheck.wording import figure


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    first, second = link.one("stated"), link.one("converted")
    if first is None or second is None or not first.unit or not second.unit or first.unit == second.unit:
        return []
    try:
        expected = in_unit(interval(first, options), first.unit, second.unit)
        one_unit = in_unit(Interval.exact(1), first.unit, second.unit).value
    except IntervalError:
        return []  # units of different dimensions: not a conversion
    if _compound(first.value, second.value, one_unit):
        return []
    stated = interval(second, options)
    verdict = compare(expected, stated, options)
    return [Outcome(verdict, expected, stated, second.unit, f"{first.text} = {figure(expected.value, second.unit)}; "
                    f"stated {second.text}", f"conversion {first.text} → {second.text}: {verdict}", (first, second))]


def _compound(first: object, second: object, one_unit: float) -> bool:
    """ "6 feet, 2 inches": a whole number of a unit at least thrice the second, then less than one of it."""
    if not isinstance(first, (int, float)) or not isinstance(second, (int, float)):
        return False
    return float(first).is_integer() and abs(one_unit) >= 3 and abs(second) < abs(one_unit)
