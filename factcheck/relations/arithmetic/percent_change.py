"""Change: a level that moved from `old` to `new`, by an amount (`delta`) and at a rate (`rate`).

"rose 12% to $150 million from $134 million", "from $1.8 billion to $3.1 billion, an increase
of 72%", "an increase of $10,453,313, or 23.67 per cent", "up 3.2 points from 41.5% to 44.7%".
Every pair the text states is checked: the ends against the rate (percent_change), the ends
against the amount (difference), the amount against the rate with one end. With one end and a
rate only, the other end is implied (unverifiable). `direction` (+1 or -1) is the sign the
words give, 0 where they give none ("an improvement"): then the ends give it. A rate in percentage
points compares the difference of two percentages, and a rate in per cent between two rates that
fits only as points is read as points (common usage: "cut by half a percent, from 5.25 to 4.75").
"""

from __future__ import annotations

from dataclasses import replace

import regex

from factcheck.facts import Fact
from factcheck.intervals import Interval, IntervalError, numeral_in
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import (CheckOptions, Outcome, alike, as_percent, compare, counted, interval,
                                                  measured)
from factcheck.relations.arithmetic.part_of_whole import in_one_measure
from factcheck.relations.link import Link
from factcheck.relations.slots import quotient
from factcheck.wording import figure

HUNDRED = Interval.exact(100)
STEM = 4  # letters of a noun its earlier mention must begin with ("pupils", "pupil")
MEASURES = frozenset({"point"})  # counted words that measure the level itself ("fell 777.68 points … to 10,365.45")
ONE = Interval.exact(1)
SAME_SCALE = 10  # a bare first end lent the second's unit lies within this factor of it


def percent_change(old: Interval, new: Interval) -> Interval:
    """The change from old to new, in percent: 100 × new / old − 100."""
    return (new / old).scale(100) - HUNDRED


def new_from_percent_change(old: Interval, pct: Interval) -> Interval:
    """The level after a change of `pct` percent: old × (1 + pct / 100)."""
    return old * (ONE + pct.scale(0.01))


def old_from_percent_change(new: Interval, pct: Interval) -> Interval:
    """The level before a change of `pct` percent led to `new`: new / (1 + pct / 100)."""
    return new / (ONE + pct.scale(0.01))


def points_change(old_pct: Interval, new_pct: Interval) -> Interval:
    """The change between two percentages, in percentage points."""
    return new_pct - old_pct


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    rate, delta, old, new = (link.one(r) for r in ("rate", "delta", "old", "new"))
    told_alike = False  # the two ends as told, a bare first end lent the second's unit (see `told_in_unit_of`)
    if old is not None and new is not None:
        old = told_in_unit_of(old, new)
        told_alike = alike((old, new))
        old, new = in_one_measure(old, new)
    levels = tuple(c for c in (old, new, delta) if c is not None)
    if levels and not alike(levels):
        return []
    if rate is not None and not rate_like(rate):
        return []
    sign = change_sign(link.meta.get("direction"), old, new)
    if sign is None:
        return []
    if delta is not None and (old is None or new is None) and other_thing(delta, old, new):
        delta = None  # "Enrolment rose 4% to 2,600, an increase of 12 teachers": with one end, a change of something else
    outcomes = []
    if link.meta.get("mode") == "ends" and told_alike and rate is None and delta is None:
        outcomes.append(way_outcome(sign, old, new, options))
    if rate is not None and (old or new or delta):
        outcomes.append(rate_outcome(rate, sign, old, new, delta, options))
    if delta is not None and old is not None and new is not None:
        outcomes.append(delta_outcome(delta, sign, old, new, options))
    return [o for o in outcomes if o is not None]


def told_in_unit_of(bare: Claim, new: Claim) -> Claim:
    """The first end told bare right before 'to' and the second ("from 48 to 46 percent", "from 8 to 5 cents"):
    it is in the second's unit and scale, unless that puts it more than SAME_SCALE times from the second ("from
    99 to $1.19": cents), or the second is a rate per something ("from 8 to 6 litres per 100 kilometres")."""
    numeral = numeral_in(new.text) or ""
    if (bare.kind != "count" or bare.unit is not None or counted(bare) is not None or new.kind == "count"
            or new.extra.get("per") or not numeral[:1].isdigit() or f"{bare.text} to {new.text}" not in bare.sentence
            or not isinstance(bare.value, (int, float)) or not isinstance(new.value, (int, float))):
        return bare
    written = float(numeral.replace(",", ""))
    value = bare.value * abs(new.value) / written if written else 0.0
    if not value or not new.value or not 1 / SAME_SCALE <= abs(value / new.value) <= SAME_SCALE:
        return bare
    return replace(bare, kind=new.kind, unit=new.unit, value=value)


def change_sign(direction: object, old: Claim | None, new: Claim | None) -> int | None:
    """The sign of a change: the one its words give (+1 when they give none), or for words that give no
    sign (0: "an improvement" in a cost or a rate of churn is a fall) the one its stated ends give; None
    where those are not both stated."""
    if direction != 0:
        return int(direction or 1)
    if old is None or new is None or not isinstance(old.value, (int, float)) or not isinstance(new.value, (int, float)):
        return None
    return 1 if new.value >= old.value else -1


def other_thing(delta: Claim, old: Claim | None, new: Claim | None) -> bool:
    """Whether the amount of a change counts a noun that neither end counts nor its sentence names before it."""
    noun = counted(delta)
    if noun is None or delta.kind != "count" or delta.extra.get("per") or noun in MEASURES:
        return False
    if any(c is not None and counted(c) == noun for c in (old, new)):
        return False
    before = delta.sentence[:max(delta.sentence.find(delta.text), 0)].lower()
    return regex.search(rf"\b{regex.escape(noun[:STEM])}", before) is None


def rate_like(claim: Claim) -> bool:
    return claim.kind == "ratio" or quotient(claim) or (claim.kind == "percent" and claim.unit in ("percent", "percentage_point"))


def rates(old: Claim, new: Claim) -> bool:
    """Two ends that are rates themselves (percentages, or bare figures under 100 with decimals: "from
    5.25 to 4.75"): a change of them stated in per cent may mean percentage points."""
    return all(c.kind == "percent" and c.unit == "percent" or c.kind == "count" and c.unit is None
               and isinstance(c.value, float) and 0 < c.value < 100 and "." in c.text for c in (old, new))


def signed(claim: Claim, sign: int) -> str:
    return f"{'+' if sign > 0 else '−'}{claim.text}"


def rate_outcome(rate: Claim, sign: int, old: Claim | None, new: Claim | None, delta: Claim | None,
                 options: CheckOptions) -> Outcome | None:
    """The stated rate against the rate the other figures imply. Rates are compared, not levels:
    "an increase of 25%" where the figures give 15% is wrong however close 1,250 is to 1,150."""
    stated = as_percent(rate, options).scale(sign)
    points = rate.unit == "percentage_point"
    if points and not (old is not None and new is not None and old.kind == "percent"):
        return None
    if old is not None and new is not None:
        a, b = as_unit(old, new.unit, options), interval(new, options)
        expected = points_change(a, b) if points else percent_change(a, b)
        verdict = rounds_to(expected, stated, compare(expected, stated, options), rate)
        if not points and verdict != "consistent" and rates(old, new):
            as_points = points_change(a, b)  # "cut by half a percent, from 5.25 to 4.75"
            if compare(as_points, stated, options) == "consistent":
                points, expected, verdict = True, as_points, "consistent"
        words = (f"{new.text} − {old.text} = {figure(expected.value, 'percentage_point')}" if points else
                 f"({new.text} − {old.text}) ÷ {old.text} = {figure(expected.value, 'percent')}")
        return Outcome(verdict, expected, stated, "percentage_point" if points else rate.unit,
                       f"{words}; stated {signed(rate, sign)}",
                       f"{signed(rate, sign)} from {old.text} to {new.text}: {verdict}", (rate, old, new))
    if delta is not None and (old is not None or new is not None):
        step = as_unit(delta, (old or new).unit, options).scale(sign)
        level = interval(old, options) if old is not None else interval(new, options)
        base = level if old is not None else level - step
        if level.open or base.low <= 0:
            return None  # "to just under 5,000" bounds no base; a base at or below nothing is no level of the change
        expected = (step / base).scale(100)
        start = old.text if old is not None else f"({new.text} {'−' if sign > 0 else '+'} {delta.text})"
        verdict = rounds_to(expected, stated, compare(expected, stated, options), rate)
        return Outcome(verdict, expected, stated, "percent",
                       f"{signed(delta, sign)} ÷ {start} = {figure(expected.value, 'percent')}; stated {signed(rate, sign)}",
                       f"{signed(delta, sign)} as {signed(rate, sign)}: {verdict}", (rate, delta, old or new))
    known = old or new
    if known is None:
        return None
    level = interval(known, options)
    other = new_from_percent_change(level, stated) if old is not None else old_from_percent_change(level, stated)
    role = "later" if old is not None else "earlier"
    return Outcome("unverifiable", other, None, known.unit,
                   f"{known.text} with {signed(rate, sign)} puts the {role} level at {figure(other.value, known.unit)}",
                   f"{signed(rate, sign)} implies a {role} level of {figure(other.value, known.unit)}", (rate, known))


def as_unit(claim: Claim, unit: str | None, options: CheckOptions) -> Interval:
    """A figure in the unit of the level it is compared with ("from 2 hours to 90 minutes"); the figures of a
    change are alike (`alike`), so their units convert."""
    try:
        return measured(claim, unit, options) if claim.unit and unit else interval(claim, options)
    except IntervalError:  # no conversion between them (a rate in points against percentages): as told
        return interval(claim, options)


def rounds_to(expected: Interval, stated: Interval, verdict: str, rate: Claim) -> str:
    """An approximate rate stated without a hedge is consistent where the rate the figures give rounds to
    it ("a cut of 9%" for 3.5 → 3.2, −8.6%): a rate is told to a digit, and between small rates a relative
    gap says little. (A hedged rate's wider reading has its own allowance, `honour_hedge`.)"""
    exact = rate.qualifier is None
    return "consistent" if verdict == "approximate" and exact and stated.contains(expected.value) else verdict


def way_outcome(sign: int, old: Claim, new: Claim, options: CheckOptions) -> Outcome | None:
    """The two ends against the way the words say the level moved ("raising the exemption from $750 to
    $1,000"), at face value: a writer who rounds both ends still tells which is the larger. Rising ends
    after a word of a fall may be the range of the cut ("reduced from sixty to eighty millions"): no verdict."""
    moved = interval(new, options) - as_unit(old, new.unit, options)
    if sign < 0 and moved.value >= 0:
        return None
    verdict = "consistent" if sign < 0 or moved.value > 0 else "inconsistent"
    way = "up" if sign > 0 else "down"
    return Outcome(verdict, moved, None, new.unit,
                   f"told as a move {way}: {new.text} − {old.text} = {figure(moved.value, new.unit)}",
                   f"a move {way} from {old.text} to {new.text}: {verdict}", (old, new), compared=False)


def delta_outcome(delta: Claim, sign: int, old: Claim, new: Claim, options: CheckOptions) -> Outcome:
    expected = interval(new, options) - as_unit(old, new.unit, options)
    stated = as_unit(delta, new.unit, options).scale(sign)
    verdict = compare(expected, stated, options)
    return Outcome(verdict, expected, stated, new.unit,
                   f"{new.text} − {old.text} = {figure(expected.value, new.unit)}; stated {signed(delta, sign)}",
                   f"{signed(delta, sign)} from {old.text} to {new.text}: {verdict}", (delta, old, new),
                   type="difference")
