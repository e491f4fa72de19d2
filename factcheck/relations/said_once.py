"""A measure a speaker names once for the figures of one relation.

"Exports went from one hundred and twenty billion dollars to two hundred and ten billion",
"turnover was 19.4 billion euros, up from 17.9": the second figure is read alone as a plain number
(a count that names no noun), and its scale may be left out too. Inside a matched frame, where
it fills a level of the same relation as a figure with a measure, it takes that measure (and that
scale, where it states none and reads as the same order of figure). Only a plain number adopts;
"300 stores" beside "$40 million" keeps its own noun, and a relation whose measured figures
disagree among themselves lends none. Where none names a measure, a scale said once with plain
numbers is lent the same way ("sixty million total. Forty for resurfacing …"). Of a difference only
the two figures it is between lend to each other ("the original figure was one point four million,
it's now one point nine"); its gap lends nothing: its frames may take two ends of a range ("the
difference … is from 6 to 10 per cent") or a percentage ("20% less") for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import regex

from factcheck.extract.numbers import parse_words
from factcheck.extract.rulebook import Rulebook
from factcheck.intervals import numeral_in, numeral_value
from factcheck.model import Claim
from factcheck.relations.arithmetic.agreement import LIST_ROLES, in_words
from factcheck.relations.arithmetic.common import NUMBER_WORDS, SCALE_WORDS, counted, rescaled
from factcheck.relations.link import Link
from factcheck.relations.slots import plain as plain_words, tally_side

LEVEL_ROLES = {
    "percent_change": ("old", "new", "delta", "ends"),
    "multiplier": ("base", "target", "ends"),
    "sum": ("parts", "total"),
    "share": ("part", "whole"),
    "part_of_whole": ("part", "whole"),
    "range": ("low", "high"),
    "difference": ("subject", "reference"),
}
MEASURED = frozenset({"money", "distance", "quantity", "percent"})
WORD = regex.compile(r"\p{L}+")
YEAR = regex.compile(r"\d{4}")
UNIT_NOUN = regex.compile(r"\p{L}{3,}$")  # the unit word that ends an amount: "610,000 acres", "9 tons"
PERCENT_AT_MOST = 100  # a bare figure above this is a percentage only beside one of its order ("from 90 percent to 120")
SAME_ORDER = 10  # a bare figure within this factor of a scaled one's numeral is of its order ("17.9" of "19.4 billion")


def adopt_measures(link: Link, book: Rulebook) -> Link:
    """The link with each plain number among its bound levels in the one measure the others name, and a difference's
    plain gap in the scale of the figures agreement may find it between (see `scale_gap`); scale words are those of
    the rule files' `scale` table."""
    if link.type == "difference" and link.open:
        scale_gap(link, book)
    roles = LEVEL_ROLES.get(link.type)
    if link.type == "ratio":
        rate_in_scale(link, book)
        if (factor := link.one("factor")) is not None and factor.kind == "ratio":
            roles = ("subject", "reference")  # "Two hundred and eight, versus eighty billion, so 2.6 times as many"
    if roles is None:
        return link
    levels = [c for role in roles for c in link.role(role)]
    if not any(c.kind in MEASURED for c in levels):
        return scaled_alike(link, roles, levels, book)
    donor = named_measure(levels)
    if donor is None or not any(plain(c) for c in levels):
        return link
    link.roles = {role: tuple(adopted(c, donor, book, elided=link.type == "range" or paired_ends(c, donor)) for c in claims)
                  if role in roles else claims for role, claims in link.roles.items()}
    return link


def rate_in_scale(link: Link, book: Rulebook) -> None:
    """A plain rate takes the scale its total states once: "forty-four million over two years, so twenty-two a
    year" is twenty-two million a year."""
    subject, factor = link.one("subject"), link.one("factor")
    if subject is None or factor is None or not factor.extra.get("per") or factor.kind != "count" or factor.unit:
        return
    if counted(factor) not in (None, factor.extra.get("per")) or subject.kind not in ("count", "money"):
        return
    link.roles = {role: tuple(rescaled(c, elided_scale(c, subject, book)) if c is factor else c for c in claims)
                  for role, claims in link.roles.items()}


def paired_ends(claim: Claim, donor: Claim) -> bool:
    """The plain number is the second end of "from X to Y" or "between X and Y" whose first end names the
    measure: "tripled the bus lanes, from nine miles to twenty-seven", "from eleven minutes to, uh, to eight"."""
    ends = rf"\b(?:from {regex.escape(donor.text)},? to|between {regex.escape(donor.text)},? and) {regex.escape(claim.text)}\b"
    return regex.search(ends, plain_words(claim.sentence), regex.IGNORECASE) is not None


def named_measure(levels: list[Claim]) -> Claim | None:
    """The first of the levels that name a measure, where they all name one and the same."""
    donors = {(c.kind, c.unit, c.extra.get("per")) for c in levels if c.kind in MEASURED}
    return next(c for c in levels if c.kind in MEASURED) if len(donors) == 1 else None


def lend_to_free(link: Link, book: Rulebook) -> dict[str, tuple[Claim, ...]]:
    """The figures a frame's free roles may take (see `agreement`), each plain number that states its scale in
    the one measure the link's levels and those figures name, as `adopted` lends it (a bare "2.5" is lent
    nothing: agreement would try it as $2.5 billion beside "$2.4 billion"): "Four thousand one hundred dollars. … And today?
    Seven thousand eight hundred. So it's nearly doubled." A difference lends its free roles nothing: agreement
    tries every figure of the sentence for them, a percentage among them ("… of twenty-three millions … at 2 per
    cent"). Where no measure is named, a scale said once is lent (see `scaled_free`)."""
    if link.type == "difference":
        return link.open
    roles = LEVEL_ROLES.get(link.type, ())
    levels = [c for role in roles for c in (*link.role(role), *link.open.get(role, ()))]
    donor = named_measure(levels)
    if donor is None:
        return scaled_free(link, roles, levels, book)
    return {role: tuple(adopted(c, donor, book) if written_scale(c, book) else c for c in found) if role in roles else found
            for role, found in link.open.items()}


def scale_gap(link: Link, book: Rulebook) -> None:
    """A difference's plain gap in the one scale the plain numbers it may lie between state, where it reads as of
    their order: "four point two million. … three point one million of that, so what's left is about one point one"."""
    gap = link.one("gap")
    donors = scale_donors([c for found in link.open.values() for c in found], book)
    if gap is not None and donors and plain(gap):
        link.roles = {**link.roles, "gap": (lent_scale(gap, donors, book),)}


def scaled_free(link: Link, roles: tuple[str, ...], levels: list[Claim], book: Rulebook) -> dict[str, tuple[Claim, ...]]:
    """The free roles' figures, each plain number said in words in the one scale the plain numbers among the link's
    levels state, where it reads as of the order of one of them: "two hundred and forty thousand. … said three sixty.
    So that's up fifty percent". Not one it would make the same as a donor ("Two point four — two point four million"
    says one figure twice), nor the parts of a sum: a list of small counts is chosen among many ("nearly a hundred
    billion dollars — 36 for pollution control, 66 for social services")."""
    donors = scale_donors(levels, book)
    if not donors:
        return link.open
    said = {donor.value for donor in donors}
    return {role: tuple(lent if role in roles and role not in LIST_ROLES and plain(c) and in_words(c)
                        and (lent := lent_scale(c, donors, book)).value not in said else c
                        for c in found) for role, found in link.open.items()}


def scaled_alike(link: Link, roles: tuple[str, ...], levels: list[Claim], book: Rulebook) -> Link:
    """The link with each plain number in the scale the other plain numbers of its levels state, where they
    state one (or a sum's total states one, `total_donor`) and it reads as of the order of one of them: "sixty
    million total. Forty for resurfacing, twelve for …". Where none does, a fraction such as "3.4", which counts nothing whole alone, takes the one scale the
    counts of a noun state: "3.1 million units, down from 3.4"."""
    donors = scale_donors(levels, book) or total_donor(link, book)
    counters = scale_donors(levels, book, of=lambda c: counted(c) is not None)
    if not donors and not counters:
        return link
    link.roles = {role: tuple(alike_scale(c, donors, counters, book) for c in claims) if role in roles else claims
                  for role, claims in link.roles.items()}
    return link


def total_donor(link: Link, book: Rulebook) -> list[Claim]:
    """A sum's plain total that states a scale, where its parts state others too: "three point six billion …
    about two point one, … about one point one, and the rest, roughly four hundred million" tells the parts
    without a scale in the total's."""
    total = link.one("total") if link.type == "sum" else None
    return [total] if total is not None and plain(total) and lent_scale_of(total, book) else []


def alike_scale(claim: Claim, donors: list[Claim], counters: list[Claim], book: Rulebook) -> Claim:
    """A plain number in the scale the plain donors lend it, or if they lend none and it is a fraction, the
    counters."""
    lent = lent_scale(claim, donors, book) if donors and plain(claim) else claim
    if lent is claim and counters and fraction(claim):
        return lent_scale(claim, counters, book)
    return lent


def fraction(claim: Claim) -> bool:
    """A plain number that is no whole number: "three point four"."""
    return plain(claim) and isinstance(claim.value, float) and not claim.value.is_integer()


def scale_donors(levels: list[Claim], book: Rulebook, of: Callable[[Claim], bool] | None = None) -> list[Claim]:
    """The plain numbers (or the levels `of` picks) that state a scale, where they all state one and the same; else
    none."""
    donors = [c for c in levels if (of or plain)(c) and lent_scale_of(c, book)]
    return donors if len({lent_scale_of(c, book) for c in donors}) == 1 else []


def lent_scale(claim: Claim, donors: list[Claim], book: Rulebook) -> Claim:
    """The plain number in the largest scale one of the donors lends it (see `elided_scale`)."""
    return rescaled(claim, max(elided_scale(claim, donor, book) for donor in donors))


def plain(claim: Claim) -> bool:
    """A number that names nothing: a count with no noun, unit or rate, not a year ("2022: €17.2 billion") and not
    one side of a tally ("voted 5-2", "won 91-84"), which counts votes or points."""
    return (claim.kind == "count" and claim.unit is None and not claim.extra.get("per")
            and isinstance(claim.value, (int, float)) and counted(claim) is None and not YEAR.fullmatch(claim.text)
            and not tally_side(claim))


def adopted(claim: Claim, donor: Claim, book: Rulebook, elided: bool = False) -> Claim:
    """A plain number in the donor's measure, where it reads as one: beside a percentage, or where it states a
    scale ("two hundred and ten billion") or leaves out the donor's ("17.9" after "19.4 billion euros"), or is
    an end of a range or a change that names its measure once (`elided`: "between 48 and 61 degrees", "from
    nine miles to twenty-seven").
    "30,000" beside "$34.10" keeps its own kind, and so does "31,000" beside "40 percent": a bare figure reads as
    a percentage only up to a hundred or within SAME_ORDER of the percentage that lends it."""
    if not plain(claim) or donor.kind == "percent" and not percent_like(claim, donor):
        return claim
    factor = ends_factor(claim, donor, book) if elided else None
    if factor is None:
        factor = elided_scale(claim, donor, book)
        if (donor.kind != "percent" and factor == 1.0 and not (written_scale(claim, book) and written_scale(donor, book))
                and not named_before(claim, donor)):
            return claim
    return replace(rescaled(claim, factor), kind=donor.kind, unit=donor.unit,
                   extra={**claim.extra, **({"per": donor.extra["per"]} if donor.extra.get("per") else {})})


def percent_like(claim: Claim, donor: Claim) -> bool:
    """Whether a plain number may be a percentage told without its sign beside `donor`: "from 7.5 percent to 6",
    "from 90 percent to 120", not "nearly 40 percent … fallen to 31,000"."""
    value, given = abs(float(claim.value)), abs(float(donor.value)) if isinstance(donor.value, (int, float)) else 0.0
    return value <= PERCENT_AT_MOST or bool(given) and value <= given * SAME_ORDER


def ends_factor(claim: Claim, donor: Claim, book: Rulebook) -> float | None:
    """What the plain end is multiplied by to stand in the donor's measure: the donor's own factor where the
    plain number is of the order of the donor's numeral ("from 14 to 19 cents"), 1 where it is of the order of
    the donor's value, written in full ("from 750,000 to $1.2 million"); None otherwise."""
    factor = stated_factor(donor, book)
    if factor is None or not isinstance(claim.value, (int, float)) or not claim.value or not donor.value:
        return None
    for found in (factor, 1.0):
        if 1 / SAME_ORDER <= abs(float(claim.value)) * found / abs(float(donor.value)) <= SAME_ORDER:
            return found
    return None


def stated_factor(donor: Claim, book: Rulebook) -> float | None:
    """What the donor's words multiply its numeral by ("19 cents" 0.01, "$3.2 billion" 10⁹), read from
    its digits; for a length or quantity in words with no scale word ("nine miles") 1, and for money so
    ("sixty cents" 0.01, "sixty dollars" 1); else None."""
    if not isinstance(donor.value, (int, float)):
        return None
    numeral = numeral_value(numeral_in(donor.text) or "")
    if numeral:
        return float(donor.value) / numeral
    if scaled_in_words(donor.text):
        return None
    if donor.kind in ("distance", "quantity"):
        return 1.0
    words = numeral_in(donor.text) if donor.kind == "money" else None
    spoken = parse_words(words, book) if words else None
    return float(donor.value) / spoken if spoken else None


def scaled_in_words(text: str) -> bool:
    return any(word.lower() in SCALE_WORDS for word in WORD.findall(text))


def named_before(claim: Claim, donor: Claim) -> bool:
    """The sentence counts the donor's unit before the plain number: "The number of acres planted is
    12,480,000, … an excess of 610,000 acres"."""
    noun = UNIT_NOUN.search(donor.text) if donor.kind in ("quantity", "distance") and donor.unit else None
    at = claim.sentence.find(claim.text)
    counting = rf"\b(?:number|quantity|amount|total) of {regex.escape(noun.group())}\b" if noun is not None else None
    return counting is not None and at > 0 and regex.search(counting, claim.sentence[:at], regex.IGNORECASE) is not None


def written_scale(claim: Claim, book: Rulebook) -> float | None:
    """The last scale word or abbreviation of table `scale` the text of an amount or a count states ("billion",
    "bn", "$5m"), if any; a length or a quantity has none ("100 m" is metres)."""
    if claim.kind not in ("money", "count"):
        return None
    found = last_scale(claim, book)
    return found[0] if found else None


def lent_scale_of(claim: Claim, book: Rulebook) -> float | None:
    """The scale a figure can lend (see `written_scale`): none where number words go on past the scale word ("four
    thousand two hundred" is an exact number, and a "Thirty-one!" beside it is no thirty-one thousand)."""
    found = last_scale(claim, book) if claim.kind in ("money", "count") else None
    if found is None or any(w.lower() in NUMBER_WORDS or w.lower() == "hundred" for w in found[1]):
        return None
    return found[0]


def last_scale(claim: Claim, book: Rulebook) -> tuple[float, list[str]] | None:
    """The last scale of table `scale` in the claim's text, and the words after it."""
    words = WORD.findall(claim.text)
    for i in reversed(range(len(words))):
        if scale := book.lookup("scale", words[i]):
            return float(scale), words[i + 1:]
    return None


def elided_scale(claim: Claim, donor: Claim, book: Rulebook) -> float:
    """The donor's scale, where the plain number states none and is of the order of the donor's numeral."""
    scale = lent_scale_of(donor, book)
    if not scale or written_scale(claim, book) or not isinstance(donor.value, (int, float)) or not claim.value:
        return 1.0
    numeral = abs(float(donor.value)) / scale
    return scale if numeral and 1 / SAME_ORDER <= abs(float(claim.value)) / numeral <= SAME_ORDER else 1.0
