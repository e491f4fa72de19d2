"""Sum: parts and the total the text states for them ("a total of", "in all", "of which ... and ...").

A frame's `mode` says how the parts relate to the total: `exact` (they add up to it) or
`at_most` (a partial list: they may not exceed it).
"""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.intervals import Interval
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import (CheckOptions, Outcome, alike, counted, interval, judged_at_face, out_of_scale,
                                                  total)
from factcheck.relations.arithmetic.part_of_whole import COMPARABLE, in_measure_of, other_things, part_within_whole
from factcheck.relations.link import Link
from factcheck.wording import figure


def sum_of(parts: list[Interval]) -> Interval:
    """The total of the parts; an empty sum is exactly zero."""
    found = Interval.exact(0)
    for part in parts:
        found = found + part
    return found


RESTATED = 0.02  # a part within 2% of its total says the total again
TABLE_ITEM = 0.001  # a bare item of a table this small a share of its total is still of its measure; a year (2022) is not


def restates(parts: tuple[Claim, ...], stated: Interval, options: CheckOptions, unit: str | None) -> bool:
    """One part alone is the total ("We farm 640 acres — one square mile, basically — and 300 acres of
    it …"): that part says the total again in other words, and the others are no breakdown of it."""
    return any(abs(total((part,), options, unit).value - stated.value) <= RESTATED * abs(stated.value) for part in parts)


def in_measure_of_parts(total: Claim, parts: tuple[Claim, ...]) -> Claim:
    """A bare total in the one measure its parts name, as a table names it once ("Merchandise $750,542,257
    Specie 49,417,479 Total 799,959,736": dollars all three; see `in_measure_of`)."""
    measures = {(p.kind, p.unit) for p in parts if p.unit}
    return in_measure_of(total, next(p for p in parts if p.unit)) if len(measures) == 1 else total


def table_measure(parts: tuple[Claim, ...], total: Claim) -> bool:
    """Whether the parts that name a measure all name the total's, as a table names it once: its bare items,
    down to a thousandth of the total ("For foreign intercourse 307,583.19" among millions), are then of that
    measure too; a year beside a figure of billions ("(2022: €4,455 million)") is not."""
    return bool(total.unit) and {(p.kind, p.unit) for p in parts if p.unit} == {(total.kind, total.unit)}


def counting_alike(parts: tuple[Claim, ...], whole: Claim) -> tuple[Claim, ...]:
    """The parts that count what the total counts, where two or more do ("905 officers and 30,578
    regulars, and 594 officers …, an aggregate of 1,499 officers"); else all of them."""
    noun = counted(whole)
    same = tuple(p for p in parts if noun is not None and counted(p) == noun)
    return same if len(same) >= 2 else parts


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    parts, stated_total = link.role("parts"), link.one("total")
    if stated_total is None:
        return []
    stated_total = in_measure_of_parts(stated_total, parts)
    floor = TABLE_ITEM if table_measure(parts, stated_total) else COMPARABLE
    parts = tuple(in_measure_of(p, stated_total, floor) for p in counting_alike(parts, stated_total))
    if link.meta.get("mode") == "at_most":  # a part of another kind ("…, and 3,870,000 seedlings") only leaves the list shorter
        parts = tuple(p for p in parts if not other_things(stated_total, p) and alike((stated_total, p)))
    if len(parts) < 2 or not alike((stated_total, *parts)):
        return []
    unit = stated_total.unit
    expected = total(parts, options, unit)
    stated = interval(stated_total, options)
    if out_of_scale(expected, stated):
        return []
    words = f"{' + '.join(c.text for c in parts)} = {figure(expected.value, unit)}"
    if link.meta.get("mode") == "at_most":
        fits, _ = part_within_whole(expected, stated)
        verdict = "consistent" if fits else "inconsistent"
        return [Outcome(verdict, stated, expected, unit, f"{words}, within the total {stated_total.text}" if fits
                        else f"{words}, more than the total {stated_total.text}",
                        f"the parts {'fit within' if fits else 'exceed'} the total {stated_total.text}",
                        (stated_total, *parts), compared=False)]
    verdict = judged_at_face(expected, stated, stated_total, parts, options)
    if verdict != "consistent" and restates(parts, stated, options, unit):
        return []
    return [Outcome(verdict, expected, stated, unit, f"{words}; stated total {stated_total.text}",
                    f"the parts add up to {figure(expected.value, unit)}, the total is {stated_total.text}: {verdict}",
                    (stated_total, *parts))]
