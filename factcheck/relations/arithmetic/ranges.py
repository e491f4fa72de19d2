"""Range: a stated range runs forwards, its start not after its end ("1993-97", "$10-20 million"); so do two
figures a frame reads as a range's ends ("ranged from 12,000 acres to 8,400,000 acres"), and two dates a
frame reads as the start and the end of one work ("begun in March, 1903, and completed in October, 1905"). A figure
a frame places in a range lies between its ends ("priced at $26, the top of the $24-to-$26 range").
Two counts joined by 'to', the larger first, are a split or a score, not a range: no verdict."""

from __future__ import annotations

import regex

from factcheck.facts import Fact
from factcheck.model import Claim
from factcheck.intervals import Interval
from factcheck.relations.arithmetic.common import CheckOptions, Outcome, interval, year_of
from factcheck.relations.arithmetic.date_order import ends
from factcheck.relations.link import Link
from factcheck.wording import figure


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    first, last, member = link.one("low"), link.one("high"), link.one("member")
    if first is not None and last is not None:
        if member is not None:
            return within_range(member, (first, last), options)
        return two_ends(first, last)
    claim = link.one("range")
    if claim is None or claim.low is None or claim.high is None or claim.extra.get("relative"):
        return []
    if member is not None:
        return within_range(member, (claim,), options)
    low, high = claim.low, claim.high
    if isinstance(low, str) != isinstance(high, str):
        return []
    forwards = str(low) <= str(high) if isinstance(low, str) else float(low) <= float(high)
    if not forwards and is_tally(claim):
        return []
    return judged(forwards, f"{low} … {high}", claim.text, claim.unit, (claim,))


TALLY_LIMIT = 1000  # a split or a score is of small whole numbers; "1.9 million to 1.8 million" is a range
SPLIT_SLACK = 1  # two percentages, the larger first, that make 100 within this are a split ("59 percent to 41 percent")


OUTDID = regex.compile(r"\b(?:outperformed|outpolled|outscored|outvoted|outnumbered|beat|defeated|led|trailed|edged|"
                       r"topped|won|lost)\b[^.;:]{0,40}?,?\s*$", regex.IGNORECASE)


def is_tally(claim: Claim) -> bool:
    """A count of two small whole numbers joined by 'to', the larger first, without 'between': a split or a
    score ("roughly fifty-two to forty-eight", "won 24 to 17"), not a range written backwards; so are two
    percentages after a verb of winning ("girls outperformed boys, 81 percent to 75 percent"), or that make a
    whole between them ("voted to leave by 52 percent to 48 percent", "59 percent to 41 percent of members
    polled"): such a split is far more often meant than a range written backwards that happens to make 100."""
    text = claim.text.lower()
    ends = [float(end) for end in (claim.low, claim.high) if isinstance(end, (int, float))]
    if len(ends) != 2 or min(ends) < 0 or " to " not in text or "between" in text:
        return False
    if claim.kind == "percent":
        before = claim.sentence[:max(claim.sentence.find(claim.text), 0)]
        return abs(sum(ends) - 100) <= SPLIT_SLACK or bool(OUTDID.search(before))
    return claim.kind == "count" and all(end.is_integer() and end < TALLY_LIMIT for end in ends)


def two_ends(first: Claim, last: Claim) -> list[Outcome]:
    """Two figures of one unit, the first not above the last; figures of different units, or rates of different
    periods ("$2 a day to 30 cents an hour"), are not compared. A period said once, after the last, holds for both."""
    if first.kind == "date" or last.kind == "date":
        return dated_ends(first, last)
    pers = {c.extra.get("per") for c in (first, last)} - {None}
    if first.unit != last.unit or len(pers) > 1 or not all(isinstance(c.value, (int, float)) for c in (first, last)):
        return []
    forwards = float(first.value) <= float(last.value)
    return judged(forwards, f"{first.text} … {last.text}", f"{first.text} to {last.text}", first.unit, (first, last))


def within_range(member: Claim, stated: tuple[Claim, ...], options: CheckOptions) -> list[Outcome]:
    """A figure said to lie in a stated range, one claim ("1%-3%") or its two ends ("$24-to-$26"): it is not
    below the low end nor above the high one, as far as the figure's own rounding allows."""
    ends = (stated[0].low, stated[0].high) if len(stated) == 1 else tuple(c.value for c in stated)
    if (any(c.kind != member.kind or c.unit != member.unit for c in stated) or member.low is not None
            or not all(isinstance(v, (int, float)) for v in (member.value, *ends))):
        return []
    low, high = sorted(float(v) for v in ends)
    span, value = Interval(low, high, (low + high) / 2), interval(member, options)
    inside = value.overlaps(span)
    said = " to ".join(c.text for c in stated)
    words = f"{member.text} {'lies within' if inside else 'lies outside'} {figure(low, member.unit)} … {figure(high, member.unit)}"
    return [Outcome("consistent" if inside else "inconsistent", span, value, member.unit, words,
                    f"{member.text} in the range {said}: {'ok' if inside else 'outside it'}", (member, *stated),
                    compared=False)]


def judged(forwards: bool, ends: str, said: str, unit: str | None, claims: tuple[Claim, ...]) -> list[Outcome]:
    words = f"{ends} runs {'forwards' if forwards else 'backwards'}"
    return [Outcome("consistent" if forwards else "inconsistent", None, None, unit, words,
                    f"range {said}: {'ok' if forwards else 'its start is after its end'}", claims)]


def dated_ends(first: Claim, last: Claim) -> list[Outcome]:
    """Two dates, the start of a work and its end: the start's first day is not after the end's last, to the
    coarser of the two ("March, 1903" … "1903" runs forwards). Both must state their year, or neither; a date
    the text gives without one ("April the ninth … May the thirty-first") may lie in the next year, so its
    order only ever confirms."""
    if first.kind != last.kind or any(c.extra.get("relative") for c in (first, last)):
        return []
    start, end, stated = ends(first), ends(last), year_of(first) is not None
    if start is None or end is None or stated != (year_of(last) is not None):
        return []
    common = min(len(start[0]), len(end[1]))
    forwards = start[0][:common] <= end[1][:common]
    if not forwards and not stated:
        return []
    return judged(forwards, f"{first.text} … {last.text}", f"{first.text} to {last.text}", None, (first, last))
