"""Share: "25% of the 400 members, or 100 people": the part is the share of the whole."""

from __future__ import annotations

import math

from factcheck.facts import Fact
from factcheck.intervals import BOUNDS, Interval, IntervalError
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import CheckOptions, Outcome, alike, as_percent, compare, interval, out_of_scale
from factcheck.relations.arithmetic.part_of_whole import part_in_measure
from factcheck.relations.link import Link
from factcheck.wording import figure, interval_words


def part_from_share(whole: Interval, pct: Interval) -> Interval:
    """The part that is `pct` percent of the whole."""
    return whole * pct.scale(0.01)


def share_of(part: Interval, whole: Interval) -> Interval:
    """The part as a percentage of the whole."""
    return (part / whole).scale(100)


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    pct, whole, part = link.one("share"), link.one("whole"), link.one("part")
    if pct is None or (pct.kind == "percent" and pct.unit != "percent"):
        return []
    if whole is not None and part is not None and part.sentence_index == whole.sentence_index:
        part = part_in_measure(part, whole)  # "52 tonnes of glass, and 39 of that"; not a figure of another sentence
    if whole is not None and part is not None and (not alike((whole, part)) or echoed(whole, part)):
        return []
    stated_share = as_percent(pct, options)
    if whole is None and part is None:
        return []
    if whole is None:
        implied_whole = interval(part, options) / stated_share.scale(0.01)
        return [Outcome("unverifiable", implied_whole, None, part.unit,
                        f"{part.text} ÷ {pct.text} = {figure(implied_whole.value, part.unit)}",
                        f"{part.text} as {pct.text} implies a whole of {interval_words(implied_whole, part.unit)}",
                        (pct, part))]
    expected = part_from_share(interval(whole, options), stated_share)
    unit = whole.unit
    words = f"{pct.text} × {whole.text} = {figure(expected.value, unit)}"
    if part is None:
        return [Outcome("unverifiable", expected, None, unit, f"{words}; nothing stated to compare with",
                        f"{pct.text} of {whole.text} implies {figure(expected.value, unit)}", (pct, whole))]
    stated = interval(part, options)
    if out_of_scale(expected, stated):
        return []
    verdict = compare(expected, stated, options)
    if verdict == "inconsistent" and pct.qualifier not in BOUNDS and change_told(whole, part, stated_share, options):
        return []
    if verdict != "consistent" and link.meta.get("mode") == "part_or_rest" and rest_told(whole, stated_share, stated, options):
        return []  # "sold three-quarters of them, so 200 are still available": 'so' may give what is left
    return [Outcome(verdict, expected, stated, unit, f"{words}; stated {part.text}",
                    f"{pct.text} of {whole.text}, or {part.text}: {verdict}", (pct, whole, part))]


def rest_told(whole: Claim, stated_share: Interval, stated: Interval, options: CheckOptions) -> bool:
    """Whether the figure after the share is the rest of the whole rather than the share of it."""
    rest = interval(whole, options) - part_from_share(interval(whole, options), stated_share)
    return compare(rest, stated, options) != "inconsistent"


def echoed(whole: Claim, part: Claim) -> bool:
    """One figure said again in the next sentence ("come in at ninety. Ninety pounds! That's nearly thirty percent
    over"): a part as large as its whole, told apart from it, is no share of it but the whole again."""
    return (isinstance(whole.value, (int, float)) and whole.value == part.value and whole.unit == part.unit
            and whole.sentence_index != part.sentence_index)


def change_told(whole: Claim, part: Claim, stated_share: Interval, options: CheckOptions) -> bool:
    """Whether the percentage is the change from the whole to the part ("Last year it was forty-one point five million.
    This year it's forty-four point two. That's about six and a half percent."): a level then and now, not a share."""
    try:
        change = ((interval(part, options) - interval(whole, options)) / interval(whole, options)).scale(100)
    except (IntervalError, ZeroDivisionError):
        return False
    return math.isfinite(change.low) and math.isfinite(change.high) and compare(change, stated_share, options) == "consistent"
