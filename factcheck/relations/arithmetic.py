"""What one figure implies about another, for each kind of relation, in interval arithmetic.

Each function takes the intervals of the figures it relates and returns the interval of
the implied figure; the caller compares it with what the text states (`intervals.judge`).
Where a formula would use an operand twice, it is rearranged to use it once, so that the
result is no wider than the stated figures allow.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.intervals import INF, Interval, IntervalError

HUNDRED = Interval.exact(100)
ONE = Interval.exact(1)
NONNEGATIVE = Interval(0.0, INF, 0.0)


def ratio_implied(base: Interval, factor: Interval) -> Interval:
    """A = factor x B: "58 times that of B"."""
    return factor * base


def base_from_multiplier(target: Interval, factor: Interval) -> Interval:
    """The starting level when growing `factor`-fold reaches `target`: "expand 10-fold to $1B"."""
    return target / factor


def percent_change(old: Interval, new: Interval) -> Interval:
    """The change from old to new, in percent: 100 x new / old - 100."""
    return (new / old).scale(100) - HUNDRED


def new_from_percent_change(old: Interval, pct: Interval) -> Interval:
    """The level after a change of `pct` percent: old x (1 + pct / 100)."""
    return old * (ONE + pct.scale(0.01))


def old_from_percent_change(new: Interval, pct: Interval) -> Interval:
    """The level before a change of `pct` percent led to `new`: new / (1 + pct / 100)."""
    return new / (ONE + pct.scale(0.01))


def points_change(old_pct: Interval, new_pct: Interval) -> Interval:
    """The change between two percentages, in percentage points."""
    return new_pct - old_pct


def share(part: Interval, whole: Interval) -> Interval:
    """The part as a percentage of the whole."""
    return (part / whole).scale(100)


def part_from_share(whole: Interval, pct: Interval) -> Interval:
    """The part that is `pct` percent of the whole."""
    return whole * pct.scale(0.01)


def part_within_whole(part: Interval, whole: Interval) -> tuple[bool, Interval]:
    """Whether the part can be no more than the whole, and the remainder whole - part.

    "$10 billion of $11 billion" fits with $1 billion left; "$12 billion of $11 billion"
    does not: the remainder can reach zero only where both roundings meet, which is no fit.
    """
    remainder = whole - part
    return remainder.overlaps(NONNEGATIVE), remainder


def sum_of(parts: Sequence[Interval]) -> Interval:
    """The total of the parts; an empty sum is exactly zero."""
    total = Interval.exact(0)
    for part in parts:
        total = total + part
    return total


def difference(a: Interval, b: Interval) -> Interval:
    return a - b


def converted(value: Interval, factor: float) -> Interval:
    """The figure in another unit; `factor` (new units per old unit) comes from pint."""
    return value.scale(factor)


def year_from_anniversary(event_year: Interval | int, nth: int) -> Interval:
    """The year of the original event, given the year `event_year` of its `nth` anniversary.

    Anniversaries count whole years, so the answer is exact: the 70th in 2015 -> 1945.
    """
    if nth < 1:
        raise IntervalError(f"an anniversary is counted from 1, not {nth}")
    return _as_interval(event_year) - Interval.exact(nth)


def age_birth_year(age: Interval | int, at_year: Interval | int) -> Interval:
    """The birth year of someone aged `age` (whole years) during `at_year`.

    Aged 52 in 2015 -> born in 1962 (birthday still to come) or 1963: [1962, 1963].
    """
    age, at_year = _as_interval(age), _as_interval(at_year)
    return Interval(at_year.low - age.high - 1, at_year.high - age.low,
                    at_year.value - age.value - 0.5)


def _as_interval(x: Interval | int) -> Interval:
    return x if isinstance(x, Interval) else Interval.exact(x)
