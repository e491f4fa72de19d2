"""Part of whole: "$10 billion of the $11 billion debt", "Of these, 85 ...": the parts cannot exceed the whole."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from factcheck.facts import Fact
from factcheck.intervals import INF, Interval, numeral_in
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import (SCALES_OF_DEGREES, CheckOptions, Outcome, alike, counted, interval,
                                                  out_of_scale, sum_words, total)
from factcheck.relations.link import Link
from factcheck.relations.slots import COMPOUND
from factcheck.wording import figure

NONNEGATIVE = Interval(0.0, INF, 0.0)
MEASURED = frozenset({"money", "distance", "quantity", "percent"})
COMPARABLE = 0.01  # a bare number below this share of a measured whole is not of its measure
BARE_SMALL = re.compile(r"\d{1,3}(?:\.\d+)?")  # "9", "2.5": no scale word, no noun, below a thousand
SCALES = (1e3, 1e6, 1e9, 1e12)
DIMENSION = r",?\s+(?:wide|long|tall|high|deep|thick|across|in\s+(?:diameter|length|width|height|depth))\b"


def part_within_whole(part: Interval, whole: Interval) -> tuple[bool, Interval]:
    """Whether the part can be no more than the whole, and the remainder whole - part.

    "$10 billion of $11 billion" fits with $1 billion left; "$12 billion of $11 billion"
    does not: the remainder can reach zero only where both roundings meet, which is no fit.
    """
    remainder = whole - part
    return remainder.overlaps(NONNEGATIVE), remainder


def in_measure_of(part: Claim, whole: Claim, floor: float = COMPARABLE) -> Claim:
    """A bare number read in the whole's measure: "Of the 232,440,945 cubic yards …, 168,000,000 had
    been removed" speaks of cubic yards. A count of something named stays a count, and so does one
    far smaller than the whole ("2/5 of $5 million", "over 1899 of $167 million": below `floor` of it)
    or far larger ("30,000 of the gain" after "to $34.10"): not its measure."""
    if part.kind != "count" or part.unit is not None or counted(part) is not None or whole.kind not in MEASURED:
        return part
    if not isinstance(part.value, (int, float)) or not isinstance(whole.value, (int, float)):
        return part
    if not floor * abs(whole.value) <= abs(part.value) <= abs(whole.value) / COMPARABLE:
        return part
    return replace(part, kind=whole.kind, unit=whole.unit)


def part_in_measure(part: Claim, whole: Claim) -> Claim:
    """A bare part in its whole's measure (`in_measure_of`), unless the whole is a size: told as a modifier
    ("twelve of 7-inch calibre": twelve guns of that size, no part of a length) or as one thing's dimension
    ("four metres wide … we've got eleven of these": what one of them measures, no stock of metres)."""
    if COMPOUND.search(whole.text) or a_dimension(whole):
        return part
    return in_measure_of(part, whole)


def a_dimension(claim: Claim) -> bool:
    """Whether the sentence tells the figure as how wide, long, tall or deep something is."""
    return re.search(re.escape(" ".join(claim.text.split())) + DIMENSION, claim.sentence) is not None


def in_one_measure(first: Claim, second: Claim) -> tuple[Claim, Claim]:
    """Two figures of one relation, a bare one read in the other's measure ("to 1.9 million square
    kilometres from 1.2 million", "40 kilometres … we have 180") and scale ("from 9 to 11 million")."""
    first, second = in_scale_of(first, second), in_scale_of(second, first)
    return in_measure_of(first, second), in_measure_of(second, first)


def in_scale_of(bare: Claim, other: Claim) -> Claim:
    """A bare small number takes the scale word of the other end: "from 9 to 11 million" is 9 million (unless
    `said_once` lent it that scale already)."""
    if (bare.kind != "count" or bare.unit is not None or not BARE_SMALL.fullmatch(bare.text)
            or bare.value != float(bare.text)):
        return bare
    scale = stated_scale(other)
    return replace(bare, value=bare.value * scale) if scale and isinstance(bare.value, (int, float)) else bare


def stated_scale(claim: Claim) -> float | None:
    """The power of a thousand a scale word gives the figure ("11 million people": 10⁶), if any."""
    numeral = numeral_in(claim.text) or ""
    if not numeral[:1].isdigit() or not isinstance(claim.value, (int, float)) or claim.low is not None:
        return None
    try:
        written = float(numeral.replace(",", ""))
    except ValueError:  # a numeral with a fraction ("4 3/4") states no scale of its own
        return None
    for scale in SCALES:
        if written and math.isclose(claim.value, written * scale, rel_tol=1e-9):
            return scale
    return None


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    """A list of parts is summed; with `mode = "each"` ("Of the 3,400 screened, 410 were referred …
    and 260 were diagnosed": parts that may overlap) each part is held against the whole alone, and with
    `mode = "including"` ("1,752 deaths, including 561 pedestrians") the parts may name other things."""
    whole = link.one("whole")
    if whole is None or whole.unit in SCALES_OF_DEGREES:
        return []
    parts = tuple(part_in_measure(p, whole) for p in link.role("part"))
    mode = link.meta.get("mode")
    if mode in ("each", "including"):  # each part stands alone: one of another measure is no part,
        parts = tuple(p for p in parts if alike((whole, p)) and not rate_of_stock(p, whole))  # nor a rate of a stock
    if (not parts or not alike((whole, *parts)) or not isinstance(whole.value, (int, float))
            or any(rate_of_stock(p, whole) for p in parts)):
        return []
    if mode == "each":
        return [o for part in parts for o in within(whole, (part,), options)]
    if mode == "including":
        return [o for part in parts for o in within(whole, (part,), options, nouns=False)
                if o.verdict == "consistent" or not other_things(whole, part)]
    if mode == "elided" and counted(whole) is not None and any(counted(p) != counted(whole) for p in parts):
        return []  # "Twenty-two died, out of 4 ships lost": the whole names a thing of its own
    return within(whole, parts, options, bare_whole=mode == "elided")


def rate_of_stock(part: Claim, whole: Claim) -> bool:
    """A rate against a figure with no period: "47 bridges, including 9 that carry 20,000 vehicles a day"."""
    return bool(part.extra.get("per")) and not whole.extra.get("per")


def other_things(whole: Claim, part: Claim) -> bool:
    """Whether the two count things of other names ("14 routes, including 220 passengers"): such a part
    may belong to the whole ("1,752 deaths, including 561 pedestrians") or not, so it may confirm, never alarm."""
    return None not in (counted(whole), counted(part)) and counted(whole) != counted(part)


def within(whole: Claim, parts: tuple[Claim, ...], options: CheckOptions, nouns: bool = True,
           bare_whole: bool = False) -> list[Outcome]:
    """The parts, summed, against the whole; with `nouns`, only where they count what it counts. With
    `bare_whole`, a whole that names nothing counts what the parts name ("nine homes, out of 140")."""
    named = {counted(c) for c in (whole, *parts)} - {None}
    if nouns and (len(named) > 1 or (named and counted(whole) is None and whole.kind == "count" and not bare_whole)):
        return []  # "28 countries of 6 continents", "one mother of two": no part of that whole
    unit = whole.unit
    part = total(parts, options, unit)
    whole_size = interval(whole, options)
    if part.value > whole_size.value and out_of_scale(part, whole_size):
        return []  # "sixty-one million of that" after "thirty-two, thirty-three percent": not the whole meant
    fits, _ = part_within_whole(part, whole_size)
    whole_value = float(whole.value)  # type: ignore[arg-type]
    share = f"{part.value / whole_value * 100:.0f}% of the whole, " if whole_value else ""
    verdict = "inconsistent" if not fits else "approximate" if part.value > whole_value else "consistent"
    words = {"consistent": f"{sum_words(parts)} of {whole.text}: {share}{figure(whole_value - part.value, unit)} left",
             "approximate": f"{sum_words(parts)} of {whole.text}: the part exceeds the whole as stated, "
                            "not beyond the rounding of the figures",
             "inconsistent": f"{sum_words(parts)} of {whole.text}: the part exceeds the whole"}[verdict]
    summary = {"consistent": "fits", "approximate": "larger than the whole, within rounding",
               "inconsistent": "the part is larger than the whole"}[verdict]
    return [Outcome(verdict, interval(whole, options), part, unit, words, f"part of whole: {summary}", (*parts, whole),
                    compared=False)]
