"""Verdicts: interval arithmetic over the stated precision of each linked figure.

Each link becomes one Check: what the other claims imply (`expected`), what the text
states (`stated`), the verdict from `intervals.judge`, and the arithmetic in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from factcheck import units
from factcheck.facts import Fact, matching_fact
from factcheck.intervals import Interval, IntervalError, deviation, judge, stated_interval
from factcheck.linker import Link
from factcheck.model import Check, Claim, Quantity
from factcheck.relations import arithmetic as ar
from factcheck.wording import figure, interval_words

NONNEGATIVE_KINDS = frozenset({"money", "count", "distance", "ratio"})


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


def check_all(links: list[Link], facts: list[Fact], options: CheckOptions) -> list[Check]:
    checks = []
    for link in links:
        try:
            outcome = EVALUATORS[link.type](link, facts, options)
        except (IntervalError, ZeroDivisionError, OverflowError):
            outcome = None
        if outcome is not None:
            checks.append(place(len(checks) + 1, link, outcome))
    return checks


def interval(claim: Claim, options: CheckOptions) -> Interval:
    """The interval a claim's wording allows; a stated range is its two ends."""
    if isinstance(claim.low, (int, float)) and isinstance(claim.high, (int, float)):
        low, high = sorted((float(claim.low), float(claim.high)))
        return Interval(low, high, float(claim.value) if isinstance(claim.value, (int, float)) else (low + high) / 2)
    return stated_interval(float(claim.value), claim.text, claim.qualifier, tolerance=options.tolerance,
                           nonnegative=claim.kind in NONNEGATIVE_KINDS)


def as_percent(claim: Claim, options: CheckOptions) -> Interval:
    """A share or change as a percentage: "three-quarters" is 75%."""
    found = interval(claim, options)
    return found.scale(100) if claim.kind == "ratio" else found


def compare(expected: Interval, stated: Interval, options: CheckOptions) -> str:
    return judge(expected, stated, approx_threshold=options.approx_threshold)[0]


def with_fact(description: list[str], unit: str | None, facts: list[Fact], options: CheckOptions
              ) -> tuple[Interval, Fact] | None:
    fact = matching_fact(facts, set(description), unit)
    if fact is None:
        return None
    value = fact.value
    return Interval(value * (1 - options.tolerance), value * (1 + options.tolerance), value), fact


def eval_ratio(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome:
    factor = link.roles["factor"][0]
    refs = link.roles["reference"]
    base = ar.sum_of([interval(c, options) for c in refs])
    expected = ar.ratio_implied(base, interval(factor, options))
    unit = refs[0].unit
    words = f"{figure(factor.value, None)} × {sum_words(refs)} = {figure(expected.value, unit)}"
    subject = link.roles["subject"]
    used = (factor, *refs, *subject)
    if subject and subject[0].unit != unit:
        expected = converted(expected, unit, subject[0].unit)
        unit = subject[0].unit
    if subject:
        stated = interval(subject[0], options)
        verdict = compare(expected, stated, options)
        return Outcome(verdict, expected, stated, unit, f"{words}; stated {subject[0].text}",
                       f"{factor.text}: {verdict}", used)
    return implied_or_fact(link, expected, unit, words, f"{factor.text} implies {figure(expected.value, unit)}",
                           used, facts, options)


def converted(found: Interval, source: str | None, target: str | None) -> Interval:
    ends = [units.convert(x, source, target) for x in (found.low, found.value, found.high)] if source and target else []
    if len(ends) != 3 or any(e is None for e in ends):
        raise IntervalError(f"cannot convert {source} to {target}")
    return Interval(min(ends[0], ends[2]), max(ends[0], ends[2]), ends[1])


def implied_or_fact(link: Link, expected: Interval, unit: str | None, words: str, message: str,
                    used: tuple[Claim, ...], facts: list[Fact], options: CheckOptions) -> Outcome:
    """Unverifiable with the implied value, unless a reference fact names the unstated figure."""
    found = with_fact(link.meta.get("description", []), unit, facts, options)
    if found is None:
        return Outcome("unverifiable", expected, None, unit, f"{words}; nothing stated to compare with",
                       f"{message} ({interval_words(expected, unit)}); nothing stated to compare with", used)
    stated, fact = found
    verdict = compare(expected, stated, options)
    return Outcome(verdict, expected, stated, unit, f"{words}; reference fact {fact.name}: {figure(fact.value, unit)}"
                   + (f" ({fact.source})" if fact.source else ""), f"{message}; reference fact: {verdict}", used)


def sum_words(claims: tuple[Claim, ...]) -> str:
    if len(claims) == 1:
        return claims[0].text
    return "(" + " + ".join(c.text for c in claims) + ")"


def eval_multiplier(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome:
    factor, target = link.roles["factor"][0], link.roles["target"][0]
    base_claims = link.roles["base"]
    implied = ar.base_from_multiplier(interval(target, options), interval(factor, options))
    unit = target.unit
    words = f"{target.text} ÷ {figure(factor.value, None)} = {figure(implied.value, unit)} before the change"
    used = (factor, target, *base_claims)
    if not base_claims:
        return implied_or_fact(link, implied, unit, words, f"{factor.text} to {target.text} implies a level of "
                               f"{figure(implied.value, unit)}", used, facts, options)
    stated = ar.sum_of([interval(c, options) for c in base_claims])
    verdict = compare(implied, stated, options)
    return Outcome(verdict, implied, stated, unit, f"{words}; stated {sum_words(base_claims)} = {figure(stated.value, unit)}",
                   f"{factor.text} to {target.text}: {verdict}", used)


def eval_percent_change(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome | None:
    change = link.roles["change"][0]
    new, old = link.roles["new"], link.roles["old"]
    sign = link.meta["direction"]
    points = link.meta["points"]
    stated_change = as_percent(change, options).scale(sign)
    unit = change.unit
    if new and old:
        a, b = interval(old[0], options), interval(new[0], options)
        expected = ar.points_change(a, b) if points else ar.percent_change(a, b)
        verdict = compare(expected, stated_change, options)
        words = (f"{new[0].text} − {old[0].text} = {figure(expected.value, unit)}" if points else
                 f"({new[0].text} − {old[0].text}) ÷ {old[0].text} = {figure(expected.value, 'percent')}")
        return Outcome(verdict, expected, stated_change, unit, f"{words}; stated {signed(change, sign)}",
                       f"{signed(change, sign)} from {old[0].text} to {new[0].text}: {verdict}",
                       (change, old[0], new[0]))
    known = (new or old)[0]
    level = interval(known, options)
    if points:
        other = level - stated_change if new else level + stated_change
    else:
        other = ar.old_from_percent_change(level, stated_change) if new else ar.new_from_percent_change(level, stated_change)
    role = "earlier" if new else "later"
    return Outcome("unverifiable", other, None, known.unit,
                   f"{known.text} with {signed(change, sign)} puts the {role} level at {figure(other.value, known.unit)}",
                   f"{signed(change, sign)} implies a {role} level of {figure(other.value, known.unit)}", (change, known))


def signed(claim: Claim, sign: int) -> str:
    return f"{'+' if sign > 0 else '−'}{claim.text}"


def eval_part_of_whole(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome:
    part, whole = link.roles["part"][0], link.roles["whole"][0]
    fits, remainder = ar.part_within_whole(interval(part, options), interval(whole, options))
    unit = part.unit
    share = float(part.value) / float(whole.value) * 100 if whole.value else math.nan
    words = (f"{part.text} of {whole.text}: {share:.0f}% of the whole, {figure(float(whole.value) - float(part.value), unit)} left"
             if fits else f"{part.text} of {whole.text}: the part exceeds the whole")
    return Outcome("consistent" if fits else "inconsistent", interval(whole, options), interval(part, options), unit,
                   words, f"part of whole: {'fits' if fits else 'part is larger than the whole'}", (part, whole),
                   compared=False)


def eval_share(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome:
    pct, whole = link.roles["share"][0], link.roles["whole"][0]
    implied = ar.part_from_share(interval(whole, options), as_percent(pct, options))
    unit = whole.unit
    words = f"{pct.text} × {whole.text} = {figure(implied.value, unit)}"
    part = link.roles["part"]
    if not part:
        return Outcome("unverifiable", implied, None, unit, f"{words}; nothing stated to compare with",
                       f"{pct.text} of {whole.text} implies {figure(implied.value, unit)}", (pct, whole))
    stated = interval(part[0], options)
    verdict = compare(implied, stated, options)
    return Outcome(verdict, implied, stated, unit, f"{words}; stated {part[0].text}",
                   f"{pct.text} of {whole.text}, or {part[0].text}: {verdict}", (pct, whole, part[0]))


def eval_sum(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome:
    total, parts = link.roles["total"][0], link.roles["parts"]
    expected = ar.sum_of([interval(c, options) for c in parts])
    stated = interval(total, options)
    verdict = compare(expected, stated, options)
    unit = total.unit
    return Outcome(verdict, expected, stated, unit,
                   f"{' + '.join(c.text for c in parts)} = {figure(expected.value, unit)}; stated total {total.text}",
                   f"the parts add up to {figure(expected.value, unit)}, the total is {total.text}: {verdict}",
                   (total, *parts))


def eval_difference(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome:
    gap, reference = link.roles["gap"][0], link.roles["reference"][0]
    subject = link.roles["subject"]
    sign = link.meta["direction"]
    unit = gap.unit
    stated_gap = interval(gap, options).scale(sign)
    if not subject:
        implied = interval(reference, options) + stated_gap
        return Outcome("unverifiable", implied, None, unit,
                       f"{reference.text} {'+' if sign > 0 else '−'} {gap.text} = {figure(implied.value, unit)}",
                       f"the compared figure would be {figure(implied.value, unit)}", (gap, reference))
    expected = ar.difference(interval(subject[0], options), interval(reference, options))
    verdict = compare(expected, stated_gap, options)
    return Outcome(verdict, expected, stated_gap, unit,
                   f"{subject[0].text} − {reference.text} = {figure(expected.value, unit)}; stated {gap.text} "
                   f"{'more' if sign > 0 else 'less'}", f"difference: {verdict}", (gap, reference, subject[0]))


def eval_conversion(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome | None:
    first, second = link.roles["stated"][0], link.roles["converted"][0]
    source = interval(first, options)
    ends = [units.convert(x, first.unit, second.unit) for x in (source.low, source.value, source.high)]
    if any(e is None for e in ends):
        return None
    low, value, high = ends
    expected = Interval(min(low, high), max(low, high), value)
    stated = interval(second, options)
    verdict = compare(expected, stated, options)
    return Outcome(verdict, expected, stated, second.unit,
                   f"{first.text} = {figure(value, second.unit)}; stated {second.text}",
                   f"conversion {first.text} → {second.text}: {verdict}", (first, second))


def held_year(link: Link, claim_role: str = "held") -> int | None:
    held = link.roles[claim_role]
    if held:
        return int(str(held[0].value)[:4])
    return link.meta.get("document_year")


def eval_anniversary(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome | None:
    """The event's year from the anniversary, against its stated year or an earlier anniversary of it."""
    year = held_year(link)
    if year is None:
        return None
    nth = link.roles["ordinal"][0]
    event_year = ar.year_from_anniversary(int(year), int(nth.value))
    event = link.meta.get("event_text") or "the event"
    words = f"{year} − {int(nth.value)} = {int(event_year.value)}"
    held = link.roles["held"]
    if link.roles["event_year"]:
        stated_claim = link.roles["event_year"][0]
        stated = Interval.exact(int(str(stated_claim.value)[:4]))
        verdict = "consistent" if stated.value == event_year.value else "inconsistent"
        return Outcome(verdict, event_year, stated, None, f"{words}; stated {stated_claim.text}",
                       f"{nth.text} in {year} and {stated_claim.text}: {verdict}", (nth, *held, stated_claim), True)
    first = link.meta.get("first")
    if first is None:
        if link.meta.get("followed"):
            return None
        return Outcome("unverifiable", event_year, None, None, f"{words}: {event} in {int(event_year.value)}",
                       f"{nth.text} in {year} puts {event} in {int(event_year.value)}", (nth, *held), True)
    other_year = held_year(first)
    other = ar.year_from_anniversary(int(other_year), int(first.roles["ordinal"][0].value))
    verdict = "consistent" if other.value == event_year.value else "inconsistent"
    return Outcome(verdict, other, event_year, None,
                   f"{words}; the {first.roles['ordinal'][0].text} in {other_year} puts it in {int(other.value)}",
                   f"{nth.text} of {event}: {int(event_year.value)} vs {int(other.value)}",
                   (nth, *held, *first.roles["ordinal"], *first.roles["held"]), True)


def eval_age(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome | None:
    age, born = link.roles["age"][0], link.roles["born"][0]
    at = held_year(link, "at")
    if at is None:
        return None
    expected = ar.age_birth_year(int(age.value), int(at))
    year = int(str(born.value)[:4])
    stated = Interval.exact(year)
    verdict = "consistent" if expected.low <= year <= expected.high else "inconsistent"
    return Outcome(verdict, expected, stated, None,
                   f"{at} − {age.text} = born {int(expected.low)} or {int(expected.high)}; stated {born.text}",
                   f"age {age.text} and birth year {born.text}: {verdict}", (age, born, *link.roles["at"]), True)


def eval_range(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome:
    claim = link.roles["range"][0]
    low, high = claim.low, claim.high
    forwards = str(low) <= str(high) if isinstance(low, str) else float(low) <= float(high)
    words = f"{low} … {high} runs {'forwards' if forwards else 'backwards'}"
    return Outcome("consistent" if forwards else "inconsistent", None, None, claim.unit, words,
                   f"range {claim.text}: {'ok' if forwards else 'its start is after its end'}", (claim,))


def eval_date_order(link: Link, facts: list[Fact], options: CheckOptions) -> Outcome | None:
    claim = link.roles["date"][0]
    doc_date = link.meta.get("document_date")
    if not doc_date:
        return None
    value = str(claim.value)
    later = value > doc_date[: len(value)]
    if link.meta["deadline"]:
        verdict = "consistent" if value >= doc_date[: len(value)] else "inconsistent"
        return Outcome(verdict, None, None, None, f"deadline {value}, document dated {doc_date}",
                       f"deadline {claim.text} {'lies ahead' if verdict == 'consistent' else 'had passed when this was written'}",
                       (claim,), True)
    if not later:
        return Outcome("consistent", None, None, None, f"told as past, dated {value}, before the document's {doc_date}",
                       f"{claim.text} lies before the document date", (claim,), True)
    return Outcome("inconsistent", None, None, None, f"told as past, dated {value}, after the document's {doc_date}",
                   f"{claim.text} is after the document date {doc_date}", (claim,), True)


EVALUATORS: dict[str, Callable[[Link, list[Fact], CheckOptions], Outcome | None]] = {
    "ratio": eval_ratio,
    "multiplier": eval_multiplier,
    "percent_change": eval_percent_change,
    "part_of_whole": eval_part_of_whole,
    "share": eval_share,
    "sum": eval_sum,
    "difference": eval_difference,
    "conversion": eval_conversion,
    "anniversary": eval_anniversary,
    "age": eval_age,
    "range": eval_range,
    "date_order": eval_date_order,
}


def quantity(found: Interval | None, unit: str | None, dates: bool) -> Quantity | None:
    if found is None:
        return None
    if dates:
        return Quantity(*(f"{round(x):04d}" for x in (found.value, found.low, found.high)), None)
    return Quantity(found.value, found.low, found.high, unit)


def place(number: int, link: Link, outcome: Outcome) -> Check:
    """The Check for an outcome, located at the claim that triggered it."""
    trigger = link.trigger
    dev = None
    if outcome.expected is not None and outcome.stated is not None and outcome.compared and not outcome.dates:
        dev = deviation(outcome.stated.value, outcome.expected.value)
    end_line = trigger.line + trigger.text.count("\n")
    end_column = (len(trigger.text) - trigger.text.rfind("\n") if "\n" in trigger.text
                  else trigger.column + len(trigger.text))
    return Check(
        id=f"k{number}", type=link.type, verdict=outcome.verdict,
        claims=tuple(dict.fromkeys(c.id for c in outcome.claims)),
        expected=quantity(outcome.expected, outcome.unit, outcome.dates),
        stated=quantity(outcome.stated, outcome.unit, outcome.dates) if outcome.verdict != "unverifiable" else None,
        deviation=None if dev is None or not math.isfinite(dev) else round(dev, 6),
        explanation=outcome.explanation, message=outcome.message,
        start=trigger.start, end=trigger.end, line=trigger.line, column=trigger.column,
        end_line=end_line, end_column=end_column, sentence=trigger.sentence,
    )
