"""Ratio: "A was N times B" states A = N × B (a list of references is their sum).

"N times more than B" is read as N × B, the common usage, not (N + 1) × B. A rate per unit is the same
product: "1,260 metres in 42 days, an average of 30 metres a day", "£1.8m for 240 homes, £7,500 per home".
A rate per so many ("6,912 deaths, 8.3 per 100,000 of a population of 83.2 million") is a factor of
8.3 ÷ 100,000.
"""

from __future__ import annotations

import regex

from factcheck.extract import units
from factcheck.facts import Fact
from factcheck.intervals import Interval
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import (
    CheckOptions, Outcome, alike, compare, counted, implied, in_unit, interval, named_once, singular, sum_words,
    total,
)
from factcheck.relations.arithmetic.part_of_whole import in_one_measure
from factcheck.relations.link import Link
from factcheck.relations.slots import TIME_UNITS
from factcheck.wording import figure


def implied_subject(reference: Interval, factor: Interval) -> Interval:
    """A = factor × B: "58 times that of B"."""
    return factor * reference


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    factor, subject, refs = link.one("factor"), link.one("subject"), link.role("reference")
    if not each_fits(link.meta.get("each"), refs):
        return []
    if link.meta.get("mode") == "larger" and subject is not None and len(refs) == 1:
        subject, refs = larger_first(subject, refs[0])
    elif link.meta.get("mode") == "scaled" and subject is not None and len(refs) == 1 and factor is not None:
        subject, refs = scaled_first(subject, refs[0], factor)
    period = link.meta.get("each_period")  # "a daily average of": the rate's period told before it
    if factor is not None and subject is not None and len(refs) == 1 and (
            factor.extra.get("per") or period or (factor.kind == subject.kind != refs[0].kind)):
        return per_unit(factor, subject, refs[0], options, period)
    if subject is not None and len(refs) == 1 and not link.meta.get("each"):  # an average's count is its own measure
        subject, reference = in_one_measure(subject, refs[0])
        refs = (reference,)
    if factor is None or not refs or not alike(refs) or (subject is not None and not alike((subject, *refs))):
        return []
    unit = refs[0].unit
    per = link.one("per")
    expected = implied_subject(total(refs, options, unit), factor_of(factor, per, options))
    words = f"{factor_words(factor, per)} × {sum_words(refs)} = {figure(expected.value, unit)}"
    if subject is None:
        return [implied(link, expected, unit, words, f"{factor.text} implies {figure(expected.value, unit)}",
                        (factor, *refs), facts, options)]
    stated = in_unit(interval(subject, options), subject.unit, unit)
    verdict = compare(expected, stated, options)
    said = (f"{subject.text} to {sum_words(refs)} is {factor.text}" if link.meta.get("mode") == "larger"
            else f"{subject.text} is {factor.text} {sum_words(refs)}" if factor.kind == "ratio"
            else f"{subject.text} is {factor_words(factor, per)} of {sum_words(refs)}" if per is not None
            else f"{subject.text} is {factor.text} for each of {sum_words(refs)}")
    return [Outcome(verdict, expected, stated, unit, f"{words}; stated {subject.text}", f"{said}: {verdict}",
                    (factor, *((per,) if per is not None else ()), *refs, subject))]


def each_fits(each: str | None, refs: tuple[Claim, ...]) -> bool:
    """The noun of "an average of 17,939 a match" is what the number counts, where it names a plural noun:
    "$412 per resident" is no average over "305 officers". A singular word after a count of many only
    qualifies the noun the claim left out ("23 home matches" is claimed as "23 home")."""
    if not each or len(refs) != 1:
        return True
    wanted = singular(each.lower().rstrip(".!?"))  # the word may close the sentence
    named = counted(refs[0])
    if named is None:  # "The number of schools was 1,200 …, $40 to each pupil": the subject names what it counts
        before = refs[0].sentence[:max(refs[0].sentence.find(refs[0].text), 0)]
        subject = NUMBER_OF.search(before)
        return subject is None or singular(subject.group(1).lower()) == wanted
    if not refs[0].text.lower().endswith(("s", "people", "men", "children")):
        return True
    return named == wanted


def larger_first(one: Claim, other: Claim) -> tuple[Claim, tuple[Claim]]:
    """The two figures of "a ratio of N to one" as subject and reference: the larger is N times the other,
    whichever the words name first ("9,120 teachers for 171,400 pupils, a pupil-teacher ratio of 18.8 to one")."""
    if isinstance(one.value, (int, float)) and isinstance(other.value, (int, float)) and one.value < other.value:
        return other, (one,)
    return one, (other,)


def scaled_first(one: Claim, other: Claim, factor: Claim) -> tuple[Claim, tuple[Claim]]:
    """The two levels of "X …, Y …, a third of what it was" as subject and reference, whichever the words
    name first: the figure the factor gives is the smaller for a fraction, the larger for a multiple."""
    if not isinstance(factor.value, (int, float)) or factor.value == 1:
        return one, (other,)
    subject, refs = larger_first(one, other)
    return (refs[0], (subject,)) if factor.value < 1 else (subject, refs)


def factor_of(factor: Claim, per: Claim | None, options: CheckOptions) -> Interval:
    """The factor, or a rate 'per 1,000' as a share of one: "8.3 per 100,000" is 0.000083."""
    return interval(factor, options) if per is None else interval(factor, options) / interval(per, options)


def factor_words(factor: Claim, per: Claim | None) -> str:
    return figure(factor.value, None) if per is None else f"{factor.text} per {per.text}"


NUMBER_OF = regex.compile(r"\bnumber\s+of\s+(\p{L}+)[^,;]*$", regex.IGNORECASE)  # "The number of depositors … was"
HEADS = frozenset({"person"})  # "per capita", "a head": any count of people


def span_in(span: Claim, per: str | None) -> float | None:
    """How many of the rate's `per` units the span is: 42 days in days, 12.8 miles in miles; a count of
    people, homes or turbines counts heads ("$5 per person" over 1,200 people, "15 MW apiece"), but not
    things of another name ("$412 per household" over "305 officers"); a plain number counts the rate's units."""
    if span.kind == "count" and span.unit is None and (per is None or not units.is_unit(per)):
        return 1.0 if per is None or per in HEADS or each_fits(per, (span,)) else None
    if span.kind == "count" and span.unit is None and counted(span) is None:
        return 1.0  # "183.8 bushels per acre on 82.7 million harvested acres": a plain number of the rate's units
    if span.kind in ("quantity", "distance") and span.unit and per is None:
        return 1.0  # "11,917,658.78 fine ounces …, an average cost of $0.7313": per one of its units
    if span.kind in ("quantity", "distance") and span.unit and per and units.is_unit(per):
        return 1.0 if named_once(span.unit, str(per).lower()) else units.factor(span.unit, per)
    return None


def span_interval(span: Claim, options: CheckOptions) -> Interval:
    """The span a rate is averaged over: a whole number of units of time is exact ("$4.8 billion over five years,
    $960 million a year" is over five years, not 4.5 to 5.5); other spans keep their rounding ("1,200 people")."""
    if (span.kind == "quantity" and span.unit in TIME_UNITS and span.qualifier is None
            and isinstance(span.value, (int, float)) and float(span.value).is_integer()):
        return Interval.exact(float(span.value))
    return interval(span, options)


def per_unit(rate: Claim, amount: Claim, span: Claim, options: CheckOptions, period: str | None = None) -> list[Outcome]:
    """A rate over its span gives the amount: "1,260 metres in 42 days, an average of 30 metres a day". The
    rate's unit of time may be told by the words before it instead (`period`: "a daily average of 8,933")."""
    per = rate.extra.get("per") or period
    scale = span_in(span, str(per) if per else None)
    if scale is None or amount.kind != rate.kind or (rate.unit != amount.unit and not (rate.unit and amount.unit)):
        return []
    unit = amount.unit if named_once(rate.unit, amount.unit) else rate.unit
    expected = interval(rate, options) * span_interval(span, options).scale(scale)
    stated = in_unit(interval(amount, options), amount.unit, unit)
    verdict = compare(expected, stated, options)
    words = f"{rate.text} × {span.text} = {figure(expected.value, unit)}; stated {amount.text}"
    said, each = ("for", " each") if span.kind == "count" and not per else ("over", "")
    return [Outcome(verdict, expected, stated, unit, words, f"{amount.text} {said} {span.text} at {rate.text}{each}: {verdict}",
                    (rate, span, amount))]
