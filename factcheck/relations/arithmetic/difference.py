"""Difference: subject − reference = gap, with the roles the words give them.

"$9 million, $2 million more than the $7 million budgeted" (subject, gap, reference);
a balance `carried` over is added to the subject ("The balance … was P. The receipts were A and the
expenditures B, leaving a balance of R": P + A − B = R);
"receipts $61,337,574, payments $12,703,329, leaving a balance of $48,634,245" (subject,
references, gap: the references are summed); "exceeded the estimate by $3 million". `direction`
−1 reads "less than" or "a deficit of"; a `negate` group turns it ("an excess of expenditures over
receipts"); `mode = "absolute"`, or words that give no sign (`direction` 0, "an improvement of"),
compare the size of the difference only ("a difference of $2 million").
With one operand missing, the implied one is reported (unverifiable).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from factcheck.facts import Fact
from factcheck.intervals import Interval, IntervalError
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import (SCALE_WORDS, CheckOptions, Outcome, alike, counted, interval, judged_at_face,
                                                  measured, rescaled, sum_words, total)
from factcheck.relations.arithmetic.agreement import WORDS_AT_LEAST, in_words
from factcheck.relations.arithmetic.part_of_whole import in_measure_of
from factcheck.relations.link import Link
from factcheck.wording import figure

TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit"})
OTHER_SCALE = {"degree_Celsius": regex.compile(r"\d\s*°?\s*F\b|Fahrenheit"),
               "degree_Fahrenheit": regex.compile(r"\d\s*°?\s*C\b|Celsius|centigrade", regex.IGNORECASE)}


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    gap, subject, references = link.one("gap"), link.one("subject"), link.role("reference")
    if subject is not None:  # "410 million pounds, against the 350 million budgeted — 60 million more": in pounds
        references = tuple(elided_measure(r, subject) for r in references)
        gap = elided_measure(gap, subject) if gap is not None else None
    if gap is not None and subject is not None and references:
        subject, *others = elided_scale(unsaid_measure((subject, *references), gap), gap)
        references = tuple(others)
    carried = link.role("carried")  # a balance carried into the flows: "The balance … was P. … receipts A …, leaving R"
    present = tuple(c for c in (gap, subject, *references, *carried) if c is not None)
    if gap is None or len(present) < 2 or not alike(present[1:]) or not gap_fits(gap, present[1]) \
            or accuses(link) and counts_apart(present[1:]):
        return []
    if gap.unit in TEMPERATURES and gap.unit != present[1].unit:
        gap = degrees_in(gap, present[1].unit)
    sign = int(link.meta.get("direction") or 1) * (-1 if link.meta.get("negate") else 1)
    word = "more" if sign > 0 else "less"
    unit = gap.unit if gap.unit == "percentage_point" or not present[1].unit else present[1].unit
    try:
        told = measured(gap, unit, options)  # in the operands' unit: "2 hours, 30 minutes less than …"
    except IntervalError:
        return []
    stated_gap = told.scale(sign)
    if subject is None or not references:
        if subject is not None:
            other = interval(subject, options) - stated_gap
            words, role = f"{subject.text} − {gap.text}", "the figure compared with"
        else:
            other = total(references, options, present[1].unit) + stated_gap
            words, role = f"{sum_words(references)} + {gap.text}", "the compared figure"
        return [Outcome("unverifiable", other, None, unit, f"{words} = {figure(other.value, unit)}",
                        f"{role} would be {figure(other.value, unit)}", present)]
    expected = interval(subject, options) + total(carried, options, present[1].unit) - total(references, options, present[1].unit)
    larger, smaller = sum_words((*carried, subject)), sum_words(references)
    stated = f"stated {gap.text} {word}"
    if link.meta.get("mode") == "absolute" or link.meta.get("direction") == 0:  # words with no sign: "an improvement of"
        if expected.value < 0:
            larger, smaller = smaller, larger
        expected, stated_gap, stated = absolute(expected), told, f"stated difference {gap.text}"
    verdict = judged_at_face(expected, stated_gap, gap, (subject, *references, *carried), options)
    return [Outcome(verdict, expected, stated_gap, unit, f"{larger} − {smaller} = {figure(expected.value, unit)}; {stated}",
                    f"difference {gap.text}: {verdict}", present)]


def elided_measure(bare: Claim, subject: Claim) -> Claim:
    """A count told with a scale word and no noun ("the 350 million budgeted") in the subject's measure, the one
    the text left unsaid (see `in_measure_of`); a bare number in a table stays a number. "Degrees" beside a
    temperature are degrees of its scale ("41.2C …, beating the record of 39.5C by 1.7 degrees"), unless the sentence
    also tells temperatures in the other scale ("41.2C (106.2F)"): then they may be of either."""
    last = bare.text.rsplit(maxsplit=1)[-1].lower()
    if (last in ("degree", "degrees") and bare.kind == "count" and subject.unit in TEMPERATURES
            and not OTHER_SCALE[subject.unit].search(bare.sentence)):
        return replace(bare, kind=subject.kind, unit=subject.unit)
    return in_measure_of(bare, subject) if last in SCALE_WORDS else bare


def unsaid_measure(operands: tuple[Claim, ...], gap: Claim) -> tuple[Claim, ...]:
    """Speech leaves the unit off a figure the others carry ("four hundred and fifty watts. Last gen was
    three-fifty. So a hundred watts more"): a bare number in words among the operands is in the measure that the
    gap and the other operands share (see `in_measure_of`), if it is WORDS_AT_LEAST or more. One in digits is as often
    a label ("than the 747"), and a smaller one an age or an hour ("than at 25", "when I was twenty-five")."""
    measured = [c for c in operands if c.unit]
    if not gap.unit or not measured or any(c.unit != gap.unit for c in measured):
        return operands
    return tuple(in_measure_of(c, measured[0]) if spoken_level(c) else c for c in operands)


def spoken_level(claim: Claim) -> bool:
    return in_words(claim) and isinstance(claim.value, (int, float)) and abs(claim.value) >= WORDS_AT_LEAST


def degrees_in(gap: Claim, unit: str | None) -> Claim:
    """A difference of temperatures in the other scale: a degree Fahrenheit is 5/9 of a degree Celsius, with no
    offset ("86F was 12 degrees Celsius above 72F" is wrong: 14F is 7.8 degrees Celsius)."""
    return replace(rescaled(gap, 5 / 9 if gap.unit == "degree_Fahrenheit" else 9 / 5), unit=unit)


def elided_scale(operands: tuple[Claim, ...], gap: Claim) -> tuple[Claim, ...]:
    """Prices said the short way, "six ninety-five … a hundred thousand less than the seven ninety-five": bare
    three-digit counts, with a gap told with a scale word, are in the gap's power of a thousand. So is one said in
    words beside figures told at that scale, when the gap is under half of them ("two hundred and eleven thousand
    votes to Marsh's one ninety-eight, a lead of about thirteen thousand"); with a gap near the larger figure, the
    count is as small as it says ("twelve thousand votes to nine hundred and fifty, a margin of eleven thousand")."""
    if (gap.text.rsplit(maxsplit=1)[-1].lower() not in SCALE_WORDS or not isinstance(gap.value, (int, float))
            or abs(gap.value) < 1000):
        return operands
    scale = 1000.0
    while abs(gap.value) >= scale * 1000:
        scale *= 1000
    bare = [bare_hundreds(c) for c in operands]
    if not all(bare) and not (any(bare) and all(in_words(c) if short else at_scale(c, scale, gap)
                                                for c, short in zip(operands, bare))):
        return operands
    return tuple(replace(c, value=c.value * scale) if short else c for c, short in zip(operands, bare))


def at_scale(claim: Claim, scale: float, gap: Claim) -> bool:
    """A figure (not a year) of at least `scale` and more than twice the gap."""
    return (claim.kind != "date" and isinstance(claim.value, (int, float)) and abs(claim.value) >= scale
            and abs(claim.value) > 2 * abs(float(gap.value)))


def bare_hundreds(claim: Claim) -> bool:
    """A count of 100 to 999 with no noun, unit or scale word of its own ("six ninety-five", "795")."""
    return (claim.kind == "count" and claim.unit is None and counted(claim) is None
            and isinstance(claim.value, (int, float)) and 100 <= abs(claim.value) < 1000
            and claim.text.rsplit(maxsplit=1)[-1].lower() not in SCALE_WORDS)


def gap_fits(gap: Claim, other: Claim) -> bool:
    """A gap in the operands' own unit, or in percentage points between two percentages; a count of one thing
    is no gap between counts of another ("14,000 cars … by 40 dealers")."""
    nouns = {counted(gap), counted(other)} if gap.kind == other.kind == "count" else set()
    if None not in nouns and len(nouns) == 2:
        return False
    return alike((gap, other)) or (gap.unit == "percentage_point" and other.kind == "percent" and other.unit == "percent")


def accuses(link: Link) -> bool:
    """A link of no sign that words alone bind: it can raise an alarm (a sole reading or one that agreement fills
    only confirms)."""
    return link.meta.get("mode") == "absolute" and link.meta.get("reading") != "sole" and not link.open


def counts_apart(operands: tuple[Claim, ...]) -> bool:
    """Operands told in two sentences that count two things ("twenty-two wins?" … "nine draws, so we lost
    seven"): a gap of no sign ties levels across sentences by its words alone, and these name different things
    ("1,200 pupils … 1,450 students, 250 more" has a sign, and stays)."""
    nouns = {counted(c) for c in operands if c.kind == "count"}
    return len({c.sentence_index for c in operands}) > 1 and None not in nouns and len(nouns) > 1


def absolute(found: Interval) -> Interval:
    """|x| over an interval: "a difference of $2 million" says nothing of which is larger."""
    if found.low >= 0:
        return found
    if found.high <= 0:
        return found.scale(-1)
    return Interval(0.0, max(-found.low, found.high), abs(found.value))
