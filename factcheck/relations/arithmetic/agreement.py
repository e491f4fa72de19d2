"""Free roles filled by agreement: the one choice of figures that makes a frame's arithmetic hold.

A frame may place only the figure its words tie to a cue ("up 18%", "tripled", "a total of $8.7
million") and leave the other roles free. Every way of filling them from the window's figures is
tried; where exactly one set of figures agrees closely, those figures are the relation's operands.
Agreement is the evidence of the link, so such a link can confirm a relation but never raise an
alarm: a figure that does not agree is as likely unrelated as wrong. "Closely" is tighter than
`consistent`: the central values differ by no more than the figures' own digits allow (half a unit
of the last digit of each, at most ROUNDING of the stated value), by that rounding capped at
HEDGED_ROUNDING (at least AGREE) where a figure is hedged ("around 40 per cent", "about $100 million"),
and by all of ROUNDING for a hedged fraction in words ("roughly a third"),
or by BOUND of it from a bound ("more than fourfold"). So a round
figure's generous reading does not make chance figures agree; nor do figures of few digits ("$300
and $900" with "tripled", "5 cents − 1 cent = 4 cents"), which agree by chance too often: the
figures of the relation must have TELLING significant digits between them ("$35 then $70", doubled,
has four), and a sum LIST_TELLING: its parts are chosen among all the window's figures, in many more
ways than the ends of a change are, so more of them agree by chance ("1,200 members, comprising 900
masters, … 300 seats"). A figure agreement chooses is a stated level, never a bound ("more than $40
million"), and every part of a sum must count (see `evidenced`).

A sole reading (a frame set to `reading = "sole"`: no words tie the figures, only their arithmetic)
asks more, as chance alone must not make it: SOLE_TELLING digits, a stated figure met within half a
unit of its own last digit (a level, within SOLE_CLOSE of it too), every operand larger than that
slack, no operand that reads as a year ("1840"), and a figure in digits, or two levels at least in
words, each of WORDS_AT_LEAST or more. And the more ways its window gives to fill it, the closer it must
agree: the fillings tried times the stated figure's relative rounding, about how many would agree by
chance, is at most SOLE_CHANCE ("55 per cent" met within 0.9% among the 56 pairs of eight figures is
chance).
"""

from __future__ import annotations

import math
from decimal import Decimal
from itertools import combinations, product
from typing import Callable, Iterator

import regex

from factcheck.extract import units
from factcheck.intervals import IntervalError, numeral_in
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import Outcome, counted
from factcheck.relations.arithmetic.elapsed import span_years
from factcheck.relations.arithmetic.sums import counting_alike
from factcheck.relations.link import Link
from factcheck.relations.slots import LEVEL_KINDS

AGREE = 0.02
HEDGED_ROUNDING = 0.04  # a hedged figure of few digits ('around 40 per cent') still agrees within its rounding, to this
ROUNDING = 0.05
BOUND = 0.05
TELLING = 4
LIST_TELLING = 5  # a relation whose list role agreement fills: many more ways to agree by chance
SOLE_TELLING = 7
SOLE_CLOSE = 0.01  # a stated level a sole reading meets is met this closely, however round
SOLE_CHANCE = 0.1  # fillings tried × the stated figure's relative rounding: about how many would agree by chance
REACH = 3  # a quick look at central values lets through what misses by up to this many tolerances
WORDS_AT_LEAST = 100  # a sole reading of figures all in words takes levels this large only
SOLE_WORDS = 0.02  # the relative rounding of a figure in words ("two-thirds", "one in six")
DERIVED = frozenset({"share", "percent_change", "multiplier", "ratio"})  # read alone, each needs a figure of its clause
CONVERTED = frozenset({"conversion"})  # read alone as one amount in two units: the units tie them, not the digits
DATED = frozenset({"age", "anniversary"})  # readings of years: met exactly, not to a figure's digits
DATE_CHANCE = 0.02  # about how often a stated year meets a span or an age by chance: one year in fifty
SOLE_YEARS = 10  # a span or an age in plain years read alone is at least this long: shorter ones recur by chance
SOLE_RUNNING = 5  # and a running year ("in its sixth season") at least the fifth
YEAR_LIKE = regex.compile(r"1[6-9]\d\d|20\d\d")
LIST_ROLES = frozenset({"parts"})  # roles a list fills: a run of neighbouring figures
LONGEST_LIST = 6
CHANGE_ENDS = {"percent_change": ("old", "new"), "multiplier": ("base", "target")}  # the two levels a change joins
END_DIGITS = 3  # an end of a change of another kind than the other end has at least these significant digits
MOST_CHOICES = 2000  # a window with more ways to fill the free roles is left unchecked
RESTATED = 0.02  # a figure converted to another's unit within this share of it restates it ("200 pounds, 90 kilos")

Evaluate = Callable[[Link], list[Outcome]]


def confirm(link: Link, evaluate: Evaluate) -> list[Outcome]:
    """The outcomes of the one filling of the link's free roles whose every compared outcome agrees
    closely; none where no filling or more than one set of figures does, or where the one that does
    is not telling."""
    sole = link.meta.get("reading") == "sole"
    dated = sole and link.type in DATED
    found: tuple[Link, list[Outcome]] | None = None
    every = list(fillings(link))
    tolerance = DATE_CHANCE if dated else sole_tolerance(link.trigger) if sole else 0.0
    if sole and len(every) * tolerance > SOLE_CHANCE:
        return []
    for filled in every:
        if (sole and not within_reach(filled, tolerance)) or mixed_ends(filled) or a_year_among(filled, link):
            continue
        try:
            outcomes = evaluate(filled)
        except (IntervalError, ZeroDivisionError, OverflowError):
            continue
        if outcomes and all(agrees(o) for o in outcomes) and evidenced(filled, outcomes) \
                and (not sole or all(sole_agrees(o, filled) for o in outcomes)):
            if found is not None and not same_figures(found[0], filled):
                return []
            if found is None or nearness(filled) < nearness(found[0]):
                found = (filled, outcomes)
    if found is None:
        return []
    least = SOLE_TELLING if sole else LIST_TELLING if LIST_ROLES & set(link.open) else TELLING
    if not (sole and link.type in DATED | CONVERTED) and not telling(found[0], least):
        return []  # years and units tie their figures; digits tie the others
    return found[1]


def same_figures(one: Link, other: Link) -> bool:
    """Whether two fillings hold the same figures, whatever their roles, but for a figure said again ("six.
    Six homers. So eight more") or restated in another unit ("two hundred pounds, about ninety kilos"):
    they agree as one, and the one nearer the cue is kept."""
    left, right = filled_claims(one), filled_claims(other)
    if len(left) != len(right):
        return False
    for claim in left:
        match = next((c for c in right if restates(claim, c)), None)
        if match is None:
            return False
        right.remove(match)
    return True


def restates(one: Claim, other: Claim) -> bool:
    """The same figure, or one of the same kind and value, in its unit or converted within RESTATED; a bare number
    of the same value restates a measured one ("making $73,968,087.41" … "Total 73,968,087.41")."""
    if one.id == other.id:
        return True
    if one.value == other.value and any(c.kind == "count" and c.unit is None and counted(c) is None for c in (one, other)):
        return True
    if one.kind != other.kind or not isinstance(one.value, (int, float)) or not isinstance(other.value, (int, float)):
        return False
    scale = 1.0 if one.unit == other.unit else units.factor(other.unit, one.unit) if one.unit and other.unit else None
    if scale is None or not one.value:
        return False
    return abs(other.value * scale - one.value) <= RESTATED * abs(one.value)


def nearness(filled: Link) -> int:
    return sum(abs(c.start - filled.trigger.start) for c in filled_claims(filled))


def a_year_among(filled: Link, link: Link) -> bool:
    """Whether agreement took a bare four-digit count that reads as a year ("1870 … 1910" in a table of
    years and populations) as a level: as a year it is no level a relation speaks of."""
    return any(c.kind == "count" and YEAR_LIKE.fullmatch(c.text.strip())
               for role in link.open for c in filled.role(role))


def mixed_ends(filled: Link) -> bool:
    """Whether a change's two ends are of two kinds and the count among them has fewer than END_DIGITS
    significant digits ("$1.20 per ton. 2. On vessels …, 40 per cent less"): that is more often a count or a
    list's number than an amount said without its measure, as "556,000,000" beside "465,000,000 tons" or "two
    twenty-five" after "a dollar seventy-five" are."""
    ends = [c for role in CHANGE_ENDS.get(filled.type, ()) for c in filled.role(role)]
    return len({c.kind for c in ends}) > 1 and any(c.kind == "count" and claim_digits(c) < END_DIGITS for c in ends)


def within_reach(filled: Link, tolerance: float) -> bool:
    """False only where a sole total, gap or quotient cannot agree within `tolerance`: its central values miss by
    more than REACH tolerances (a quick look that spares most fillings the arithmetic)."""
    if filled.type == "sum" and (stated := filled.one("total")) is not None:
        others = counting_alike(filled.role("parts"), stated)
    elif filled.type == "difference" and filled.meta.get("mode") == "absolute":
        stated, others = filled.one("gap"), (*filled.role("subject"), *filled.role("reference"))
    elif filled.type == "ratio" and len(filled.roles) == 3:
        stated, others = filled.one("subject"), (filled.one("factor"), filled.one("reference"))
    else:
        return True
    figures = (stated, *others)
    if None in figures or not all(isinstance(c.value, (int, float)) for c in figures):
        return True
    if len({c.unit for c in figures[:2]}) > 1:
        return True
    if filled.type != "ratio" and len({c.unit for c in figures}) > 1:
        return True
    values = [float(c.value) for c in others]
    found = (sum(values) if filled.type == "sum" else values[0] * values[1] if filled.type == "ratio"
             else abs(values[0] - sum(values[1:])))
    return abs(found - float(stated.value)) <= REACH * tolerance * abs(float(stated.value))


def agrees(outcome: Outcome) -> bool:
    """Whether an outcome is consistent and its two central values close (see the module docstring)."""
    if outcome.verdict != "consistent" or not outcome.compared or outcome.expected is None or outcome.stated is None:
        return False
    if outcome.dates:
        return True  # years: the arithmetic is exact, consistent is agreement
    return abs(outcome.expected.value - outcome.stated.value) <= slack(outcome)


def slack(outcome: Outcome) -> float:
    """How far apart the two central values of an outcome may be and still agree."""
    assert outcome.expected is not None and outcome.stated is not None
    stated = abs(outcome.stated.value)
    if outcome.stated.open or outcome.expected.open:
        return BOUND * stated
    rounding = min((outcome.expected.width + outcome.stated.width) / 2, ROUNDING * stated)
    hedged = [c for c in outcome.claims if c.qualifier == "approximately"]
    if any(isinstance(c.value, (int, float)) and 0 < c.value < 1 and in_words(c) for c in hedged):
        return max(AGREE * stated, rounding)  # "roughly a third" of 31.8%: its rounding, at most ROUNDING
    if hedged:
        return max(AGREE * stated, min(rounding, HEDGED_ROUNDING * stated))
    return rounding


def in_words(claim: Claim) -> bool:
    """Whether a figure's numeral has no digit ("roughly a third", "about two in five")."""
    return not any(ch.isdigit() for ch in numeral_in(claim.text) or "")


def sole_agrees(outcome: Outcome, filled: Link) -> bool:
    """Whether a sole reading's outcome holds to the stated figure's own digits, with operands that count:
    none inside the stated figure's words, none a year, none of the stated figure's kind smaller than the
    slack ("$15,000,000 − $100"); for a rate, share, multiple or quotient one in the clause a semicolon
    sets the stated figure off in, and for a sum or a gap no two figures told of different years; no two
    figures a change starts from, and one figure at least in digits (but for a conversion, whose units
    already tie its two figures: "a hundred and sixty kilometres … call it a hundred miles")."""
    assert outcome.expected is not None and outcome.stated is not None
    if outcome.dates:
        return sole_years_agree(outcome, filled)
    stated = filled.trigger
    tight = sole_slack(outcome, stated)
    if abs(outcome.expected.value - outcome.stated.value) > tight:
        return False
    operands = [c for c in outcome.claims if c is not stated]
    if any(c.start < stated.end and stated.start < c.end for c in operands):
        return False  # "two in three job openings": a figure of the stated one's own words
    if filled.type in DERIVED and not any(c.id in filled.meta.get("clause", ()) for c in operands):
        return False  # "2.96 per cent in Germany; 37,496 came from Ireland and 1,110 from Japan"
    years = {filled.meta.get("dated", {}).get(c.id) for c in outcome.claims} - {None}
    if filled.type not in DERIVED and len(years) > 1:
        return False  # "$239,000,000 in 1930 and $236,000,000 in 1931": a series, not parts
    if len([c for c in outcome.claims if c.id in filled.meta.get("starts", ())]) > 1:
        return False  # "corn from 31 cents to 50 1/4 cents; oats from 19 1/4 cents": two changes' first ends
    if filled.type not in CONVERTED and all(in_words(c) for c in outcome.claims) and not large_words(outcome.claims):
        return False  # "nineteen missions … fifteen chiefs … three … Thirty-seven secretaries": counts in words
    return not any(YEAR_LIKE.fullmatch(c.text.strip()) for c in operands) and all(
        isinstance(c.value, (int, float)) and abs(c.value) > tight for c in operands if c.kind == stated.kind)


def large_words(claims: tuple[Claim, ...]) -> bool:
    """Whether figures all in words are levels of WORDS_AT_LEAST or more, two at least ("five hundred and
    twenty … three hundred and ten … two hundred and ten"): small counts in words agree by chance."""
    levels = [c for c in claims if c.kind in LEVEL_KINDS]
    return len(levels) >= 2 and all(isinstance(c.value, (int, float)) and abs(c.value) >= WORDS_AT_LEAST for c in levels)


def sole_years_agree(outcome: Outcome, filled: Link) -> bool:
    """Whether a sole reading of years holds as closely as its words allow: a span in whole years
    ("forty-five years", "fifty years ago") meets its year exactly, not within the year either way a
    span may be rounded by; no figure lies inside another's words or is a stretch of years; and a span
    (also one counted back) or an age in plain years is at least SOLE_YEARS long, a running year ("its
    sixth season") at least the SOLE_RUNNING-th, as an anniversary ("the 5th anniversary") need not be:
    its word is rare enough."""
    assert outcome.expected is not None and outcome.stated is not None
    mode, figures = filled.meta.get("mode"), outcome.claims
    if mode == "elapsed" and outcome.stated.value != outcome.expected.value:
        return False
    if any(a is not b and a.start < b.end and b.start < a.end for a in figures for b in figures):
        return False
    if any(c.kind == "date" and c.low is not None for c in figures):
        return False  # "the ten years from 1881 to 1890", "the sixties": a stretch, not the year a span reaches
    if mode == "elapsed" and filled.trigger.kind == "date":
        back = span_years(filled.trigger, filled.meta.get("document_date"))
        if back is None or back < SOLE_YEARS:
            return False  # "a year ago … production goals for 1942": a short span back meets a recent year by chance
    least = SOLE_RUNNING if mode == "running" else SOLE_YEARS
    return not any(c.kind in ("count", "quantity") or mode == "running" and c.kind == "ordinal"
                   for c in figures if isinstance(c.value, (int, float)) and c.value < least)


def sole_slack(outcome: Outcome, stated: Claim) -> float:
    """How far apart a sole reading's central values may be: the slack of agreement, at most the stated
    figure's own tolerance (see `sole_tolerance`) of the value compared."""
    assert outcome.stated is not None
    return min(slack(outcome), sole_tolerance(stated) * abs(outcome.stated.value))


def sole_tolerance(stated: Claim) -> float:
    """The relative rounding of the stated figure: half a unit of its last digit, and for a level at most SOLE_CLOSE."""
    own = own_rounding(stated)
    return min(own, SOLE_CLOSE) if stated.kind in LEVEL_KINDS else own


def own_rounding(claim: Claim) -> float:
    """Half a unit of the last significant digit of a figure in digits, relative to its value ("18,050"
    5/18,050, "$2.7 billion" 0.05/2.7); SOLE_WORDS for a figure in words ("one-third"), whose value has
    no digits to read."""
    if not isinstance(claim.value, (int, float)) or not claim.value or not math.isfinite(claim.value):
        return 1.0
    value = abs(float(claim.value))
    if not any(ch.isdigit() for ch in numeral_in(claim.text) or ""):
        return value_rounding(value) if value >= WORDS_AT_LEAST and value == int(value) else SOLE_WORDS
    return 0.5 * 10 ** (math.floor(math.log10(value)) - significant_digits(claim.text) + 1) / value


def value_rounding(value: float) -> float:
    """Half a unit of the last digit that is not zero of a whole number in words, relative to it
    ("six hundred and twelve" 0.5/612, "eleven hundred" 50/1,100): its words say as much as its digits would."""
    digits = str(int(value)).rstrip("0")
    return 0.5 * 10 ** (len(str(int(value))) - len(digits)) / value


def evidenced(filled: Link, outcomes: list[Outcome]) -> bool:
    """Whether every figure a list role took counts: one smaller than the slack would agree as well
    without it ("$45,000 + $150" against "$45,000"), and none is the sum of others it would count twice."""
    parts = [c for role in LIST_ROLES for c in filled.role(role)]
    if not parts or len({c.unit for c in parts}) > 1:
        return True
    least = min(slack(o) for o in outcomes)
    return all(isinstance(c.value, (int, float)) and abs(c.value) > least for c in parts) and not double_counted(parts)


def double_counted(parts: list[Claim]) -> bool:
    """Whether a part that is not round is exactly the sum of two or more of the others: "fifty millions,
    or, reckoning in sixty-two millions …, a total of one hundred and twelve" is one part, not three."""
    values = [Decimal(str(c.value)) for c in parts]
    for at, value in enumerate(values):
        others = values[:at] + values[at + 1:]
        if not round_figure(value) and any(sum(group) == value for size in range(2, len(others) + 1)
                                           for group in combinations(others, size)):
            return True
    return False


def round_figure(value: Decimal) -> bool:
    """Whether a value ends in a zero and has at most two significant digits ("30", "$20 million", "1,500"): a sum of
    others by chance as often as not. "3" is not round, nor "112 millions", whatever scale it is told in."""
    return not (value % 10 or len(value.normalize().as_tuple().digits) >= 3)


def telling(filled: Link, least: int = TELLING) -> bool:
    """Whether the figures of the filled link carry `least` significant digits between them."""
    return sum(claim_digits(c) for c in filled_claims(filled)) >= least


def claim_digits(claim: Claim) -> int:
    """The significant digits of a claim: of its numeral, or for number words of its value
    ("sixty-four billion" 2, "three hundred and twelve" 3)."""
    numeral = numeral_in(claim.text)
    if numeral is not None and not any(ch.isdigit() for ch in numeral) and isinstance(claim.value, (int, float)):
        return len(Decimal(repr(float(claim.value))).normalize().as_tuple().digits)
    return significant_digits(claim.text)


def filled_claims(link: Link) -> list[Claim]:
    return list({c.id: c for claims in link.roles.values() for c in claims}.values())


def significant_digits(text: str) -> int:
    """The significant digits of a figure's numeral: "2,300" 2, "$12.40" 4, "three" 1."""
    numeral = numeral_in(text) or ""
    digits = "".join(ch for ch in numeral if ch.isdigit()).lstrip("0")
    if "." not in numeral:
        digits = digits.rstrip("0")
    return max(len(digits), 1)


def fillings(link: Link) -> Iterator[Link]:
    """The link with its free roles filled in every way that uses each figure once, up to MOST_CHOICES."""
    roles = sorted(link.open)
    options = [choices(role, link.open[role]) for role in roles]
    count = 1
    for option in options:
        count *= len(option)
    if count > MOST_CHOICES:
        return
    for picked in product(*options):
        used = [c.id for claims in picked for c in claims]
        if len(set(used)) == len(used):
            filled = dict(link.roles)
            filled.update(zip(roles, picked))
            yield Link(link.type, link.rule, link.trigger, filled, link.meta)


def choices(role: str, found: tuple[Claim, ...]) -> list[tuple[Claim, ...]]:
    """One figure, or for a list role every run of two or more neighbouring figures of one sentence."""
    if role not in LIST_ROLES:
        return [(claim,) for claim in found]
    ordered = sorted(found, key=lambda c: c.start)
    return [tuple(ordered[i:j]) for i in range(len(ordered))
            for j in range(i + 2, min(len(ordered), i + LONGEST_LIST) + 1)
            if ordered[i].sentence_index == ordered[j - 1].sentence_index]
