"""What every arithmetic shares: the options, the outcome it returns, and a claim's interval.

An arithmetic module takes a Link (the claims in each role) and returns Outcomes: the
interval the other figures imply (`expected`), the interval the text states (`stated`), the
verdict from `intervals.judge`, and the arithmetic in words. It never formats a report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from factcheck.extract import units
from factcheck.facts import Fact, matching_fact
from factcheck.intervals import (APPROX_MIN_RELATIVE, Interval, IntervalError, deviation, judge, numeral_in, precision_of,
                                  stated_interval)
from factcheck.model import Claim
from factcheck.relations.link import Link
from factcheck.relations.slots import date_value, quotient, tags
from factcheck.wording import figure, interval_words

NONNEGATIVE_KINDS = frozenset({"money", "count", "distance", "ratio"})
HEDGED = APPROX_MIN_RELATIVE  # how far a hedged figure ("about", "nearly") may be from what it is said of
COUNTED = regex.compile(r"\s(\p{L}+)$")
SCALE_WORDS = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
                         "trillion", "trillions", "dozen", "dozens", "lakh", "lakhs", "crore", "crores"})
# the last word of a number in words names nothing counted ("a hundred and ninety", "forty-five")
NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                          "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "half"}) | SCALE_WORDS


TRUNCATED_CENTS = 0.02  # a miss of a cent or two may be cents cut off, as a figure's last digit may be
BOUNDED = regex.compile(r"\b(?:exceed\w*|upwards?( of)?|above|over|nearly|almost|about|some|round numbers|approximately)\W*$",
                        regex.IGNORECASE)  # words that make the figure after them a bound or an estimate
CENTS = regex.compile(r"\d\.\d\d(?!\d)(?!\s*(?:thousand|million|billion|trillion|[kKmMbB]n?)\b)")  # a figure told to the cent
YEAR_TOLD = regex.compile(r"(?<![\d,.])(?:1[5-9]|20)\d\d(?!\d|,\d)")  # a year in a sentence ("1916", not "1,916")
PART_NUMERAL = regex.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?![\d.,]\d)")  # a numeral after the first of a compound amount
OUT_OF_SCALE = 100  # figures a hundred times apart, or a hundredth, are not the ones a relation speaks of


def out_of_scale(expected: Interval, stated: Interval) -> bool:
    """What the figures imply and what the text states are of other orders of magnitude: parts that add up
    to a hundred times their total ("a dividend of $1.45 …, earnings of $10.7 billion … bringing the payout to
    $2.60"), a share of the wrong whole. Those link figures of other things; a slip of the pen is no 100-fold."""
    low, high = sorted((abs(expected.value), abs(stated.value)))
    return low > 0 and high / low > OUT_OF_SCALE


@dataclass(frozen=True, slots=True)
class CheckOptions:
    tolerance: float = 0.0
    approx_threshold: float = 0.05


@dataclass(slots=True)
class Outcome:
    """A check before it is placed: verdict, the two sides and the arithmetic in words."""

    verdict: str
    expected: Interval | None
    stated: Interval | None
    unit: str | None
    explanation: str
    message: str
    claims: tuple[Claim, ...]
    dates: bool = False  # the values are years: reported as ISO year strings, no deviation
    compared: bool = True  # False where a relative deviation means nothing (part of whole)
    type: str | None = None  # the check type, where it is not the link's (a change's difference)


def interval(claim: Claim, options: CheckOptions) -> Interval:
    """The interval a claim's wording allows; a stated range is its two ends."""
    if isinstance(claim.low, (int, float)) and isinstance(claim.high, (int, float)):
        low, high = sorted((float(claim.low), float(claim.high)))
        return Interval(low, high, float(claim.value) if isinstance(claim.value, (int, float)) else (low + high) / 2)
    if not isinstance(claim.value, (int, float)):
        raise IntervalError(f"{claim.text!r} has no numeric value")
    last = last_part(claim)
    if last is not None:
        half = 0.5 if last.isdigit() else precision_of(last)  # "10 in", "40 seconds": a part is not rounded
        return Interval(float(claim.value) - half, float(claim.value) + half, float(claim.value))
    return stated_interval(float(claim.value), claim.text, claim.qualifier, tolerance=options.tolerance,
                           nonnegative=claim.kind in NONNEGATIVE_KINDS, exact=claim.kind == "count")


def last_part(claim: Claim) -> str | None:
    """The last numeral of an amount told in parts of units ("2 hours 56 minutes 6 seconds", "2:21:18", "5 ft 10 in"),
    which the extractor adds up in the smallest unit: the amount is as precise as that part, not as its first
    numeral. None for a figure told in one numeral, or with a hedge."""
    first = numeral_in(claim.text) if claim.kind in ("quantity", "distance") and claim.qualifier is None else None
    if not first or not first[:1].isdigit():
        return None
    parts = PART_NUMERAL.findall(claim.text[claim.text.find(first) + len(first):])
    return parts[-1] if parts else None


def as_percent(claim: Claim, options: CheckOptions) -> Interval:
    """A share or change as a percentage: "three-quarters" and "three in four" are 75%."""
    found = interval(claim, options)
    return found.scale(100) if claim.kind == "ratio" or quotient(claim) else found


def compare(expected: Interval, stated: Interval, options: CheckOptions) -> str:
    return judge(expected, stated, approx_threshold=options.approx_threshold)[0]


def judged_at_face(expected: Interval, stated: Interval, told: Claim, operands: tuple[Claim, ...],
                   options: CheckOptions) -> str:
    """The verdict of a sum or a gap whose stated figure is `told`. Where `told` is given to the cent, each operand
    is given to the cent or is round, and the arithmetic of the figures at face value misses `told` by one digit
    ("$373,000,000 … $357,852,209.42, leaving a surplus of $15,247,790.58": 15,147,790.58 at face value), it is
    inconsistent, whatever the rounding of the round operand: the cents show the writer worked at face value, and a
    one-digit miss is a slip, if more than a cent or two (TRUNCATED_CENTS). An operand of whole dollars that is not
    round may have lost its cents ("$237,879,823,60"), and a hedged or bounded one ("about $373,000,000", "exceeded
    …") says it is no face value."""
    verdict = compare(expected, stated, options)
    if verdict == "inconsistent" or not CENTS.search(told.text) or not all(map(cents_or_round, operands)) \
            or any(c.qualifier or BOUNDED.search(before_of(c)) for c in (told, *operands)):
        return verdict
    gap = abs(stated.value - expected.value)
    miss = f"{gap:.2f}".replace(".", "").strip("0")
    return "inconsistent" if len(miss) == 1 and gap > TRUNCATED_CENTS else verdict


def before_of(claim: Claim) -> str:
    """The claim's sentence up to it; empty where the sentence tells its words more than once."""
    return claim.sentence[:claim.sentence.index(claim.text)] if claim.sentence.count(claim.text) == 1 else ""


def cents_or_round(claim: Claim) -> bool:
    return bool(CENTS.search(claim.text)) or isinstance(claim.value, (int, float)) and claim.value % 1000 == 0


def honour_hedge(outcome: Outcome) -> Outcome:
    """An approximate outcome of a hedged figure ("nearly doubled", "about a quarter") whose central
    values lie within HEDGED of each other is consistent: the hedge says the figure is not exact."""
    if outcome.verdict != "approximate" or outcome.expected is None or outcome.stated is None:
        return outcome
    if not any(c.qualifier == "approximately" for c in outcome.claims):
        return outcome
    dev = deviation(outcome.stated.value, outcome.expected.value)
    return replace(outcome, verdict="consistent") if dev is not None and abs(dev) <= HEDGED else outcome


def total(claims: tuple[Claim, ...], options: CheckOptions, unit: str | None) -> Interval:
    """The sum of the claims' intervals, each in `unit` (the first claim's unit when None; a unit the text
    names once stands for the other, see `named_once`)."""
    found = Interval.exact(0)
    for claim in claims:
        found = found + measured(claim, unit, options)
    return found


def measured(claim: Claim, unit: str | None, options: CheckOptions) -> Interval:
    """The claim's interval in `unit` (see `in_unit`; raises IntervalError where they do not convert); a unit the
    text names once stands for the other (`named_once`), and is not converted."""
    found = interval(claim, options)
    return found if named_once(claim.unit, unit) else in_unit(found, claim.unit, unit)


def in_unit(found: Interval, source: str | None, target: str | None) -> Interval:
    """The interval in another unit of the same dimension (pint); unchanged when the units are one."""
    if source == target or target is None:
        return found
    ends = [units.convert(x, source, target) for x in (found.low, found.value, found.high)] if source else []
    if len(ends) != 3 or any(e is None for e in ends):
        raise IntervalError(f"cannot convert {source} to {target}")
    return Interval(min(ends[0], ends[2]), max(ends[0], ends[2]), ends[1])


def named_once(one: str | None, other: str | None) -> bool:
    """Two units a text uses for one: having said "14,700 nautical miles", it says "223 miles a day"; having
    said "3,688,871 gross tons", "3,878,581 tons"; having said "fine ounces", "$0.95 per ounce"."""
    return frozenset((one, other)) in NAMED_ONCE


NAMED_ONCE = frozenset({frozenset({"mile", "nautical_mile"}), frozenset({"ton", "long_ton"}), frozenset({"ton", "metric_ton"}),
                        frozenset({"ounce", "troy_ounce"})})


def alike(claims: tuple[Claim, ...]) -> bool:
    """Figures that can be added or compared: one kind, one unit or units pint converts, and no two
    periods of a rate ("$1,000 a month" and "$1,150" are alike: a text often names the period once)."""
    first = claims[0]
    for other in claims[1:]:
        if other.kind != first.kind or periods_differ(first, other):
            return False
        if other.unit != first.unit and (first.kind not in ("distance", "quantity") or not first.unit
                                         or not other.unit or units.factor(other.unit, first.unit) is None):
            return False
    return True


def periods_differ(one: Claim, other: Claim) -> bool:
    """Two rates of different periods ("a day", "a year"); a figure with no period is no rate of another."""
    periods = (one.extra.get("per"), other.extra.get("per"))
    return None not in periods and periods[0] != periods[1]


SCALES_OF_DEGREES = frozenset({"degree_Celsius", "degree_Fahrenheit"})  # readings on a scale whose zero is not
# nothing: a temperature is no amount, and holds no part


def counted(claim: Claim) -> str | None:
    """The noun a count names ("five leaders" -> "leader"), or None ("5.2 million", "40")."""
    found = COUNTED.search(claim.text) if claim.kind == "count" else None
    if found is None or found.group(1).lower() in NUMBER_WORDS:
        return None
    return singular(found.group(1).lower())


def singular(noun: str) -> str:
    """A counted noun without its plural ending: "pupils" and "pupil", "matches" and "match",
    "families" and "family" name the same thing."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def sum_words(claims: tuple[Claim, ...]) -> str:
    if len(claims) == 1:
        return claims[0].text
    return "(" + " + ".join(c.text for c in claims) + ")"


def implied(link: Link, value: Interval, unit: str | None, words: str, message: str,
            used: tuple[Claim, ...], facts: list[Fact], options: CheckOptions) -> Outcome:
    """Unverifiable with the implied value, unless a reference fact names the unstated figure."""
    fact = matching_fact(facts, set(link.meta.get("description", [])), unit)
    if fact is None:
        return Outcome("unverifiable", value, None, unit, f"{words}; nothing stated to compare with",
                       f"{message} ({interval_words(value, unit)}); nothing stated to compare with", used)
    stated = Interval(fact.value * (1 - options.tolerance), fact.value * (1 + options.tolerance), fact.value)
    verdict = compare(value, stated, options)
    source = f" ({fact.source})" if fact.source else ""
    return Outcome(verdict, value, stated, unit, f"{words}; reference fact {fact.name}: {figure(fact.value, unit)}{source}",
                   f"{message}; reference fact: {verdict}", used)


def point_year(claim: Claim | None) -> int | None:
    """The year of an event a span counts from: none for a relative date or a run of years ("roughly
    1931 to 1958, so about twenty-seven years" states the run's length, not a span from either end)."""
    if claim is None or claim.extra.get("relative") or claim.low is not None and claim.low != claim.high:
        return None
    return year_of(claim)


def year_of(claim: Claim) -> int | None:
    """The year a date claim states (a range: its start), or None (no year, or one the text leaves unstated)."""
    if "year" not in tags(claim):
        return None
    return int(date_value(claim)[:4])


def rescaled(claim: Claim, factor: float) -> Claim:
    """The claim with its value and ends multiplied by `factor`: a scale it left out, or another unit's size."""
    if factor == 1.0:
        return claim
    return replace(claim, value=scaled(claim.value, factor), low=scaled(claim.low, factor), high=scaled(claim.high, factor))


def scaled(value: object, factor: float) -> object:
    return value * factor if isinstance(value, (int, float)) and not isinstance(value, bool) else value
