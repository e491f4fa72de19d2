"""Free roles filled by agreement: the one choice of figures that makes a frame's arithmetic hold.

A frame may place only the figure its words tie to a cue ("up 18%", "tripled", "a total of $8.7
million") and leave the other roles free. Every way of filling them from the window's figures is
tried; where exactly one set of figures agrees closely, those figures are the relation's operands.
Agreement is the evidence of the link, so such a link can confirm a relation but never raise an
alarm: a figure that does not agree is as likely unrelated as wrong. "Closely" is tighter than
`consistent`: the central values differ by no more than the figures' own digits allow (half a unit
of the last digit of each, at most ROUNDING of the stated value), by that rounding capped at
HEDGED_ROUNDING (at least AGREE) where a figure is hedged ("around a quarter", "about $100 million"),
or by BOUND of it from a bound ("more than fourfold"). So a round
figure's generous reading does not make chance figures agree; nor do figures of few digits ("$300
and $900" with "tripled", "12 cents − 8 cents = 4 cents"), which agree by chance too often: the
figures of the relation must have TELLING significant digits between them. A figure agreement
chooses is a stated level, never a bound ("more than $40 million"), and every part of a sum must
count (see `evidenced`).
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations, product
from typing import Callable, Iterator

from factcheck.intervals import IntervalError, numeral_in
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import Outcome
from factcheck.relations.link import Link

AGREE = 0.02
HEDGED_ROUNDING = 0.04  # a hedged figure of few digits ('around a quarter') still agrees within its rounding, to this
ROUNDING = 0.05
BOUND = 0.05
TELLING = 5
LIST_ROLES = frozenset({"parts"})  # roles a list fills: a run of neighbouring figures
LONGEST_LIST = 6
MOST_CHOICES = 2000  # a window with more ways to fill the free roles is left unchecked

Evaluate = Callable[[Link], list[Outcome]]


def confirm(link: Link, evaluate: Evaluate) -> list[Outcome]:
    """The outcomes of the one filling of the link's free roles whose every compared outcome agrees
    closely; none where no filling or more than one set of figures does, or where the one that does
    is not telling."""
    agreeing: dict[frozenset[str], tuple[Link, list[Outcome]]] = {}
    for filled in fillings(link):
        try:
            outcomes = evaluate(filled)
        except (IntervalError, ZeroDivisionError, OverflowError):
            continue
        if outcomes and all(agrees(o) for o in outcomes) and evidenced(filled, outcomes):
            agreeing.setdefault(filled.claim_ids(), (filled, outcomes))
            if len(agreeing) > 1:
                return []
    found = next(iter(agreeing.values()), None)
    return found[1] if found is not None and telling(found[0]) else []


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
    if any(c.qualifier == "approximately" for c in outcome.claims):
        return max(AGREE * stated, min(rounding, HEDGED_ROUNDING * stated))
    return rounding


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
        if value % 10 and any(sum(group) == value for size in range(2, len(others) + 1)
                              for group in combinations(others, size)):
            return True
    return False


def telling(filled: Link) -> bool:
    """Whether the figures of the filled link carry TELLING significant digits between them."""
    return sum(claim_digits(c) for c in filled_claims(filled)) >= TELLING


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
