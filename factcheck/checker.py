"""Verdicts: each link's arithmetic (factcheck/relations/arithmetic/) placed as a Check.

A link whose figures the arithmetic cannot take (no value, units of different dimensions, a
zero divisor) gives no check: no verdict is better than a wrong one. A link with free roles is
checked only where agreement fills them (`arithmetic/agreement.py`), and gives way to a bound
link's verdict on any of its figures. A sole reading (a frame set to `reading = "sole"`) only confirms:
whatever else it finds is no verdict. A bound link that could only imply a level gives way to it, and
so does one from a frame whose words between its figures may be many (`+` slots) or that holds a change's two
ends to its word alone (`yielding`); a `+` frame also gives way to another link that already relates its
figures. A sum's alarm whose list left out a part stated just before is mended with that part (`completed`); one whose parts add up to a figure stated before
them is that figure's breakdown, and its total is of something else (`whole_before`). The alarm of a frame that takes a figure by its
place alone gives way where another figure stated just before would agree in its place (`meant_elsewhere`), and a
conversion's where its figure already restates one said before it in the unit it is converted to (`converted_back`).
"""

from __future__ import annotations

import math
from typing import Callable

from factcheck.facts import Fact
from factcheck.intervals import Interval, IntervalError, deviation
from factcheck.model import Check, Quantity
from factcheck.relations.arithmetic import EVALUATORS
from factcheck.relations.arithmetic.agreement import agrees, claim_digits, confirm
from factcheck.relations.arithmetic.scales import with_spoken_scales
from factcheck.relations.arithmetic.common import CheckOptions, Outcome, honour_hedge
from factcheck.relations.arithmetic.ends import resolve_ends
from factcheck.relations.link import Link

CHANGES = frozenset({"percent_change", "difference", "multiplier", "ratio"})
RATE_ROLES = ("rate", "factor", "share")  # a figure in one of these roles is the rate or multiple of one thing
LEAST_DIGITS = 3  # a part a sum's list left out has at least these significant digits: "$100" meets a gap by chance


def check_all(links: list[Link], facts: list[Fact], options: CheckOptions) -> list[Check]:
    bound = [(link, completed(link, o, facts, options)) for link in links if not link.open
             for o in outcomes_of(link, facts, options)
             if (o.verdict == "consistent" or link.meta.get("reading") != "sole") and not meant_elsewhere(link, o, facts, options)
             and not whole_before(link, o, facts, options)]
    confirmed = first_confirmed([link for link in links if link.open], facts, options, settled(bound))
    checked = bound + confirmed
    bound = [(link, o) for link, o in bound if not converted_back(link, o, checked)]
    readings = sole_figures(confirmed)
    bound = [(link, o) for link, o in bound if not rescued(link, o, confirmed, readings)]
    confirmed = sole_readings(confirmed, bound, readings)
    firm = [(link, o) for link, o in bound if o.verdict != "unverifiable" and not yielding(link)]
    confirmed = unclaimed(confirmed, firm)
    bound = [(link, o) for link, o in bound if not superseded(link, o, confirmed) and not crowded(link, o, bound)]
    confirmed = unclaimed(confirmed, [(link, o) for link, o in bound if o.verdict != "unverifiable"])
    placed = sorted(bound + confirmed, key=lambda pair: (pair[0].trigger.start, pair[0].type, bool(pair[0].open)))
    return [place(number, link, outcome) for number, (link, outcome) in enumerate(placed, 1)]


def first_confirmed(links: list[Link], facts: list[Fact], options: CheckOptions,
                    settled: frozenset[str] | set[str] = frozenset()) -> list[tuple[Link, Outcome]]:
    """Per check type and trigger, the outcomes of the first link with free roles that agreement fills. A sole
    reading of a `settled` figure, or of one an agreement already took, is not tried: it would not be kept."""
    found: list[tuple[Link, Outcome]] = []
    done: set[tuple[str, str]] = set()
    taken = set(settled)
    both_ways = two_ways(links)
    for link in links:
        key = (link.type, link.trigger.id)
        sole = link.meta.get("reading") == "sole"
        if key in done or (sole and (link.trigger.id in taken or key in both_ways)):
            continue
        outcomes = confirm(link, lambda filled: outcomes_of(filled, facts, options, bound=False))
        if outcomes:
            done.add(key)
            found.extend((link, o) for o in outcomes)
            if not sole:
                taken.update(c.id for o in outcomes for c in o.claims)
    return found


def two_ways(links: list[Link]) -> set[tuple[str, str]]:
    """The check types and triggers of sole readings whose words of change point both ways ("dropped … a
    decline of 68%, as it set aside more"): which way the figure goes is not known, so it is read neither way."""
    signs: dict[tuple[str, str], set[object]] = {}
    for link in links:
        if link.meta.get("reading") == "sole" and "direction" in link.meta:
            signs.setdefault((link.type, link.trigger.id), set()).add(link.meta["direction"])
    return {key for key, found in signs.items() if len(found) > 1}


def settled(bound: list[tuple[Link, Outcome]]) -> set[str]:
    """The figures of bound verdicts that are no alarm a sole reading could mend (see `rescued`)."""
    alarmed = {link.trigger.id for link, o in bound if o.verdict == "inconsistent"}
    return {c.id for link, o in bound if o.verdict in ("consistent", "approximate") and relates(o) and not ends_only(link)
            for c in o.claims} - alarmed


def completed(link: Link, outcome: Outcome, facts: list[Fact], options: CheckOptions) -> Outcome:
    """A sum's alarm, mended where its parts fall short of the total by another level of theirs stated in the
    sentence or the one before, to the digits ("customs $163,104,000. … internal revenue $102,409,000, …
    making the total $291,675,000"): the list left that part out. Else the outcome as it was."""
    if outcome.verdict != "inconsistent" or link.type != "sum" or not link.role("parts"):
        return outcome
    mended: list[Outcome] = []
    for part in link.meta.get("nearby", ()):
        if claim_digits(part) < LEAST_DIGITS:
            continue
        found = outcomes_of(link.with_role("parts", (part, *link.role("parts"))), facts, options)
        if upheld(found, agrees):
            mended.append(found[0])
    return mended[0] if len(mended) == 1 else outcome


def whole_before(link: Link, outcome: Outcome, facts: list[Fact], options: CheckOptions) -> bool:
    """A sum's alarm whose parts add up, to the digits, to a level of theirs stated before the first of them in
    the sentence or the one before ("427 vessels, of which 123 have been constructed and 304 purchased, carrying in
    all 3,268 guns"): the list breaks that figure down, and the total after it counts something else."""
    if outcome.verdict != "inconsistent" or link.type != "sum" or not link.role("parts"):
        return False
    first = min(part.start for part in link.role("parts"))
    return any(upheld(outcomes_of(link.with_role("total", (whole,)), facts, options), agrees)
               for whole in link.meta.get("nearby", ()) if whole.end <= first and claim_digits(whole) >= LEAST_DIGITS)


def meant_elsewhere(link: Link, outcome: Outcome, facts: list[Fact], options: CheckOptions) -> bool:
    """An alarm of a frame that takes its whole by its place alone (`antecedent = "place"`: "of the total" is the
    first amount of the sentence before) where another figure of that kind stated just before would agree as the
    whole: the words more likely meant that one ("… expenditures at $39,669,000,000 …. … the public debt …
    stood at $258,286,000,000. Defense … $11,025,000,000, or more than one-fourth of the total")."""
    if outcome.verdict != "inconsistent" or not link.meta.get("elsewhere"):
        return False
    role = next(r for r in ("whole", "total") if link.role(r))
    return any(upheld(outcomes_of(link.with_role(role, (other,)), facts, options), lambda o: o.verdict == "consistent")
               for other in link.meta["elsewhere"])


def converted_back(link: Link, outcome: Outcome, checked: list[tuple[Link, Outcome]]) -> bool:
    """A conversion's alarm where the stated figure already restates, consistently, a figure said before it in the
    same sentence in the unit it is converted to: "312 metres … — roughly 1,020 feet, or about 16 metres a year"
    gives the feet in metres already, so the figure after "or" is another quantity, not the feet converted back."""
    stated, converted = link.one("stated"), link.one("converted")
    if outcome.verdict != "inconsistent" or link.type != "conversion" or stated is None or converted is None:
        return False
    return any(other.type == "conversion" and found.verdict == "consistent" and stated in found.claims
               and any(c.unit == converted.unit and c.sentence_index == stated.sentence_index and c.start < stated.start
                       for c in found.claims if c is not stated and c is not converted)
               for other, found in checked)


def upheld(found: list[Outcome], test: Callable[[Outcome], bool]) -> bool:
    """Whether another filling of a link gives outcomes, and every one passes the test."""
    return bool(found) and all(test(o) for o in found)


def yielding(link: Link) -> bool:
    """A link whose verdict gives way to what agreement finds for its figures: a frame whose words between its
    figures may be many, or one that holds a change's two ends to its word alone."""
    return bool(link.meta.get("loose")) or ends_only(link)


def ends_only(link: Link) -> bool:
    """A link that holds a change's two ends to the way its word says the level moved (`mode = "ends"`)."""
    return link.meta.get("mode") == "ends"


def relates(outcome: Outcome) -> bool:
    """Whether an outcome ties figures to each other: a date's order alone ties its date to none."""
    return len({c.id for c in outcome.claims}) > 1


def sole_figures(confirmed: list[tuple[Link, Outcome]]) -> dict[str, set[frozenset[str]]]:
    """For each trigger of a sole reading (a frame set to `reading = "sole"`), the sets of figures agreement
    found it with."""
    readings: dict[str, set[frozenset[str]]] = {}
    for link, outcome in confirmed:
        if link.meta.get("reading") == "sole":
            readings.setdefault(link.trigger.id, set()).add(frozenset(c.id for c in outcome.claims))
    return readings


def sole_readings(confirmed: list[tuple[Link, Outcome]], bound: list[tuple[Link, Outcome]],
                  readings: dict[str, set[frozenset[str]]]) -> list[tuple[Link, Outcome]]:
    """Drop the outcomes of sole readings whose trigger is a figure of any other verdict but a change's ends alone, or
    that agreement read in more than one way: of one check type or another, with other figures."""
    if not readings:
        return confirmed
    used = {c.id for link, o in bound
            if o.verdict != "unverifiable" and relates(o) and not ends_only(link) for c in o.claims}
    used |= {c.id for link, o in confirmed if link.meta.get("reading") != "sole" for c in o.claims}
    return [(link, o) for link, o in confirmed if link.meta.get("reading") != "sole"
            or (link.trigger.id not in used and len(readings[link.trigger.id]) == 1)]


def rescued(link: Link, outcome: Outcome, confirmed: list[tuple[Link, Outcome]],
            readings: dict[str, set[frozenset[str]]]) -> bool:
    """Whether an alarm's trigger has one sole reading of its check type that agrees once one other figure of
    its window takes the place of one of the alarm's: then the frame took a wrong figure ("764,163 were males
    and 336,572 females, the males thus forming 69.4 per cent of the total"), and the reading stands in its
    place. A reading with more figures of its own is another relation ("1,100,735, as compared with
    1,026,499, an increase of 74,236"), not a mend of this one. Only the trigger's reading mends: one of
    another figure of the alarm ("born in 1992 … 31 appearances") meets it by chance too often. A conversion's
    alarm is never mended: "130 km/h (101 mph)" is one amount in two units by its brackets, whatever other
    figure in miles an hour the sentence holds."""
    trigger, figures = link.trigger.id, {c.id for c in outcome.claims}
    return outcome.verdict == "inconsistent" and link.type != "conversion" and len(readings.get(trigger, ())) == 1 and any(
        other.meta.get("reading") == "sole" and other.trigger.id == trigger
        and kind_of(other, found) == kind_of(link, outcome) and len(figures ^ {c.id for c in found.claims}) <= 2
        for other, found in confirmed)


def outcomes_of(link: Link, facts: list[Fact], options: CheckOptions, bound: bool = True) -> list[Outcome]:
    """The outcomes of a link; `bound` False for a filling agreement tries, which reads a scale said once
    (see `scales.with_spoken_scales`)."""
    read = link if bound else with_spoken_scales(link)
    try:
        return [honour_hedge(o) for o in EVALUATORS[link.type](resolve_ends(read, options), facts, options)]
    except (IntervalError, ZeroDivisionError, OverflowError):
        return []


def kind_of(link: Link, outcome: Outcome) -> str:
    return outcome.type or link.type


def unclaimed(confirmed: list[tuple[Link, Outcome]], verdicts: list[tuple[Link, Outcome]]) -> list[tuple[Link, Outcome]]:
    """The confirmed outcomes that share neither their trigger nor two figures with a bound verdict of
    their check type (one figure may sit in two relations: "$152.8 million, up $9.2 million from …; the
    expenditures were $167.4 million, leaving a deficiency of $14.6 million"), and whose figures are not
    all those of another verdict or of another confirmed outcome. A figure a verdict binds as a rate or a
    multiple is no trigger of another reading ("a gain … of 31,214, or at the rate of 36 per cent" is no share
    of the total); a level may be both ("a pass rate of 74.0%, compared with 76.3%")."""
    taken = [(kind_of(link, o), frozenset(c.id for c in o.claims)) for link, o in verdicts]
    seen = {ids for _, ids in taken}
    rates = {c.id for link, _ in verdicts for role in RATE_ROLES for c in link.role(role)}
    kept = []
    for link, outcome in confirmed:
        ids, kind = frozenset(c.id for c in outcome.claims), kind_of(link, outcome)
        if (any(k == kind and (link.trigger.id in other or len(ids & other) > 1) for k, other in taken) or ids in seen
                or link.trigger.id in rates):
            continue
        seen.add(ids)
        kept.append((link, outcome))
    return kept


def superseded(link: Link, outcome: Outcome, confirmed: list[tuple[Link, Outcome]]) -> bool:
    """An implied level ("unverifiable"), or the verdict of a yielding link (see `yielding`), of a check type
    for whose trigger agreement found other figures, stated close."""
    if outcome.verdict != "unverifiable" and not yielding(link):
        return False
    return any(kind_of(other, found) == kind_of(link, outcome) and link.trigger.id in {c.id for c in found.claims}
               for other, found in confirmed)


def crowded(link: Link, outcome: Outcome, bound: list[tuple[Link, Outcome]]) -> bool:
    """The verdict of a frame whose words between its figures may be many, on figures another link of its
    check type (of any type of change, for a change) already relates: a firm frame ("fell 21% to $212
    million from $268 million" outweighs a later "growth of 3% to 5%"), or another such frame that finds them consistent (of two rates in a
    sentence, the one that fits is the one meant). A change's two ends held to its word alone crowd out nothing
    and give way to any other check of a change on them. Of two ages told of one birth year ("58 now … born in
    1965 … moved at the age of nine"), the one that fits is the age now; the other dates another time."""
    figures = {c.id for c in outcome.claims} - {link.trigger.id}
    if ends_only(link):
        return any(other is not link and same_family(kind_of(other, found), kind_of(link, outcome))
                   and figures | {link.trigger.id} <= {c.id for c in found.claims} for other, found in bound)
    if link.type == "age":
        return any(other is not link and other.type == "age" and figures <= {c.id for c in found.claims}
                   and found.verdict == "consistent" != outcome.verdict for other, found in bound)
    if not link.meta.get("loose"):
        return False
    return any(other is not link and same_family(kind_of(other, found), kind_of(link, outcome))
               and figures <= {c.id for c in found.claims}
               and not ends_only(other)
               and (not other.meta.get("loose") or found.verdict == "consistent" != outcome.verdict)
               for other, found in bound)


def same_family(one: str, other: str) -> bool:
    """Check types that read the same two levels as a change: "nearly quadrupled to $48.2 million
    from $12.6 million" relates them, so a loose "fell 3.1%" nearby cannot."""
    return one == other or {one, other} <= CHANGES


def quantity(found: Interval | None, unit: str | None, dates: bool) -> Quantity | None:
    if found is None:
        return None
    if dates:
        return Quantity(*(f"{round(x):04d}" for x in (found.value, found.low, found.high)), None)
    return Quantity(found.value, found.low, found.high, unit)


def place(number: int, link: Link, outcome: Outcome) -> Check:
    """The Check for an outcome, located at the claim that triggered its link."""
    trigger = link.trigger
    dev = None
    if outcome.expected is not None and outcome.stated is not None and outcome.compared and not outcome.dates:
        dev = deviation(outcome.stated.value, outcome.expected.value)
    end_line = trigger.line + trigger.text.count("\n")
    end_column = (len(trigger.text) - trigger.text.rfind("\n") if "\n" in trigger.text
                  else trigger.column + len(trigger.text))
    return Check(
        id=f"k{number}", type=outcome.type or link.type, verdict=outcome.verdict,
        claims=tuple(dict.fromkeys(c.id for c in outcome.claims)),
        expected=quantity(outcome.expected, outcome.unit, outcome.dates),
        stated=quantity(outcome.stated, outcome.unit, outcome.dates) if outcome.verdict != "unverifiable" else None,
        deviation=None if dev is None or not math.isfinite(dev) else round(dev, 6),
        explanation=outcome.explanation, message=outcome.message,
        start=trigger.start, end=trigger.end, line=trigger.line, column=trigger.column,
        end_line=end_line, end_column=end_column, sentence=trigger.sentence,
    )
