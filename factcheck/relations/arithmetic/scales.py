"""A scale a speaker left unsaid, read within one relation: "three point two million … billed four point one?"

Speakers name a scale once and drop it from the figures that follow: there "four point one" is 4.1
million, and "six fifty" after "six hundred fifty thousand" is 650,000. Among a relation's figures, a
count in words with no scale word and nothing counted (`bare`) is read in the scale and measure of the
nearest figure told with a scale word, when its value is of the size of that figure's own number
(within COMPARABLE of the "three point two" of "three point two million"). Only agreement (see
`agreement`) reads figures so: it confirms a relation and never raises an alarm, so a count that was no
such figure ("She's forty-four", after "thirty-eight thousand a year") costs a confirmation at most,
where in a frame its words tie, one list told in two scales would raise one ("twelve million users: ten
in the city and two in the suburbs").

`relations.said_once` lends a measure when a frame matches, from figures that name it in the rule files' own
words; this reads what is left when the relation is weighed: a scale from a figure of any measure ("one point
eight four million dollars … we did one point six") and for a difference's free roles, which `said_once` leaves
alone.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import regex

from factcheck.model import Claim
from factcheck.relations.arithmetic.common import NUMBER_WORDS, SCALE_WORDS
from factcheck.relations.link import Link

SCALES = {"thousand": 10 ** 3, "thousands": 10 ** 3, "million": 10 ** 6, "millions": 10 ** 6, "billion": 10 ** 9,
          "billions": 10 ** 9, "trillion": 10 ** 12, "trillions": 10 ** 12}
COMPARABLE = 4  # the bare figure is at most this many times larger or smaller than the scaled one's number
PER_WORDS = frozenset({"a", "an", "per", "each", "every"})
SCALED_KINDS = frozenset({"count", "money", "quantity", "distance"})
WORDS = regex.compile(r"[\p{L}]+|\d")
# the words of a count said with no scale: "four point one", "six fifty", "a hundred and ten"
SPOKEN_WORDS = (NUMBER_WORDS - SCALE_WORDS) | {"zero", "oh", "hundred", "a", "and", "point", "quarter"}


def with_spoken_scales(link: Link) -> Link:
    """The link with each bare count among its figures read in the scale of the nearest scaled one."""
    claims = [c for found in link.roles.values() for c in found]
    scaled = [(c, scale) for c in claims if c.kind in SCALED_KINDS and (scale := told_scale(c)) is not None]
    if not scaled:
        return link
    read = {c.id: in_scale(c, scaled) for c in claims if bare(c)}
    if not any(c is not None for c in read.values()):
        return link
    roles = {role: tuple(read.get(c.id) or c for c in found) for role, found in link.roles.items()}
    return Link(link.type, link.rule, link.trigger, roles, link.meta)


def told_scale(claim: Claim) -> int | None:
    """The power of a thousand a figure's own words name ("million" in "three point two million")."""
    if not isinstance(claim.value, (int, float)) or not claim.value:
        return None
    return next((SCALES[w] for w in reversed(WORDS.findall(claim.text.lower())) if w in SCALES), None)


def bare(claim: Claim) -> bool:
    """A count all in number words, with no unit and nothing counted: "four point one", "six fifty", or told
    per a stretch of time or a unit ("twelve a year")."""
    words = WORDS.findall(claim.text.lower())
    if claim.extra.get("per") and len(words) > 2 and words[-2] in PER_WORDS:
        words = words[:-2]
    return (claim.kind == "count" and claim.unit is None and claim.low is None and isinstance(claim.value, (int, float))
            and bool(words) and all(w in SPOKEN_WORDS for w in words))


def in_scale(claim: Claim, scaled: list[tuple[Claim, int]]) -> Claim | None:
    """The bare claim in the scale and measure of the nearest scaled figure said before it (else after it), if its
    value is of that size."""
    nearest = min(scaled, key=lambda pair: (pair[0].start > claim.start, abs(pair[0].start - claim.start)))
    told, scale = nearest
    own = abs(float(told.value)) / scale  # type: ignore[arg-type]
    if not own / COMPARABLE <= abs(float(claim.value)) <= own * COMPARABLE:  # type: ignore[arg-type]
        return None
    value = Decimal(repr(claim.value)) * scale
    return replace(claim, kind=told.kind, unit=told.unit,
                   value=int(value) if value == value.to_integral_value() else float(value))
