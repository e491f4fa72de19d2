"""Anniversary: the Nth anniversary held in year Y puts the event in Y − N.

The event's year is compared with the year the frame binds as `event` ("founded in 1945"),
or with an earlier anniversary of the same event (the matcher ties them). With no year
stated for the anniversary itself (or only a month, "in October"), the document's year is taken:
anniversaries are told in the year they are held, unless the sentence dates something else in a
year the frame leaves unbound ("its 50th anniversary in 2020"); but two mentions of one event are compared only where both state when
they are held ("in nine years … the 250th anniversary" is not this year's). With no year at all
there is nothing to compute. A frame's `mode` reads the span instead as years elapsed (`elapsed`:
"87 years since 1776"), as a running year (`running`: "now in its sixth season", begun N − 1 or
N years before), or as the years between two stated ones (`between`: "born in 1624 and died 48
years later in 1672": the first lies N years, one either way, before the second).
"""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.intervals import Interval, IntervalError
from factcheck.model import Claim
from factcheck.relations.arithmetic import elapsed
from factcheck.relations.arithmetic.age import age_birth_year
from factcheck.relations.arithmetic.common import YEAR_TOLD, CheckOptions, Outcome, point_year, year_of
from factcheck.relations.link import Link


def year_from_anniversary(held_year: Interval | int, nth: int) -> Interval:
    """The year of the original event, given the year `held_year` of its `nth` anniversary.

    Anniversaries count whole years, so the answer is exact: the 70th in 2015 -> 1945.
    """
    if nth < 1:
        raise IntervalError(f"an anniversary is counted from 1, not {nth}")
    held = held_year if isinstance(held_year, Interval) else Interval.exact(held_year)
    return held - Interval.exact(nth)


def year_from_running(held: int, nth: int) -> Interval:
    """The year something began that is "in its Nth year" (season, annual report) in year `held`: it is
    N − 1 years old, so began N − 1 or N years before, as a birth year goes with an age ("entered upon his
    seventy-fifth year" a month after his birthday): the 47th year in 1896 -> 1849–1850."""
    if nth < 1:
        raise IntervalError(f"a running year is counted from 1, not {nth}")
    return age_birth_year(nth - 1, held)


def held_year(link: Link, stated_only: bool = False) -> int | None:
    """The year the anniversary is held: stated with it (a day or month without a year is in the
    document's year), else, unless `stated_only` or its sentence names another year, the document's."""
    held = link.one("held")
    stated = year_of(held) if held is not None else None
    if stated is not None:
        return stated
    date = link.meta.get("document_date")
    if not date or (stated_only and held is None) or link.meta.get("dated_apart"):
        return None
    return int(date[:4])


def held_later(link: Link, stated: int) -> int | None:
    """A year told after the anniversary in its sentence that holds it N years after the stated event: the anniversary
    is told of that year, not of the document's."""
    nth, sentence = link.one("nth"), link.trigger.sentence
    at = sentence.find(link.trigger.text)
    later = {int(y) for y in YEAR_TOLD.findall(sentence, at + len(link.trigger.text))} if at >= 0 else set()
    return stated + int(nth.value) if stated + int(nth.value) in later else None


def event_year(link: Link, stated_only: bool = False) -> tuple[int, int] | None:
    """The year this anniversary puts its event in, and the year it is held."""
    year, nth = held_year(link, stated_only), link.one("nth")
    if year is None or nth is None or not isinstance(nth.value, (int, float)):
        return None
    return int(year_from_anniversary(year, int(nth.value)).value), year


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    if link.meta.get("mode") == "elapsed":
        return elapsed.evaluate(link, facts, options)
    if link.meta.get("mode") == "running":
        return running(link)
    if link.meta.get("mode") == "between":
        return between(link)
    found = event_year(link)
    if found is None:
        return []
    event, year = found
    nth = link.one("nth")
    used = (nth, *link.role("held"))
    words = f"{year} − {int(nth.value)} = {event}"
    what = link.meta.get("event_words") or "the event"
    stated_claim = link.one("event")
    stated_year = point_year(stated_claim)
    if stated_year is not None:
        held = held_later(link, stated_year) if stated_year != event and not link.role("held") else None
        if held is not None:  # "the fiftieth anniversary of the Service, established in 1916, in the year 1966"
            event, year, words = stated_year, held, f"{held} − {int(nth.value)} = {stated_year}"
        verdict = "consistent" if stated_year == event else "inconsistent"
        return [Outcome(verdict, Interval.exact(event), Interval.exact(stated_year), None,
                        f"{words}; stated {stated_claim.text}", f"{nth.text} in {year} and {stated_claim.text}: {verdict}",
                        (*used, stated_claim), dates=True)]
    first = link.meta.get("first")
    other = event_year(first, stated_only=True) if first is not None else None
    if other is None or event_year(link, stated_only=True) is None:
        if link.meta.get("followed"):
            return []  # a later mention compares with this one
        return [Outcome("unverifiable", Interval.exact(event), None, None, f"{words}: {what} in {event}",
                        f"{nth.text} in {year} puts {what} in {event}", used, dates=True)]
    verdict = "consistent" if other[0] == event else "inconsistent"
    earlier = first.one("nth")
    return [Outcome(verdict, Interval.exact(other[0]), Interval.exact(event), None,
                    f"{words}; the {earlier.text} in {other[1]} puts it in {other[0]}",
                    f"{nth.text} of {what}: {event} vs {other[0]}", (*used, earlier, *first.role("held")), dates=True)]


def running(link: Link) -> list[Outcome]:
    """A running year ("in its Nth year", season, annual report), held in the document's year, against the year it began."""
    nth, event = link.one("nth"), link.one("event")
    year = held_year(link)
    began = point_year(event)
    if year is None or began is None or not isinstance(nth.value, (int, float)) or nth.value != int(nth.value):
        return []
    expected = year_from_running(year, int(nth.value))
    verdict = "consistent" if expected.low <= began <= expected.high else "inconsistent"
    return [Outcome(verdict, expected, Interval.exact(began), None,
                    f"the {nth.text} year in {year} began in {int(expected.low)} or {int(expected.high)}; stated {event.text}",
                    f"{nth.text} year in {year} and {event.text}: {verdict}", (nth, event), dates=True)]


def between(link: Link) -> list[Outcome]:
    """A span of whole years between two stated years: the first lies that many years before the second, one
    either way (the months are unsaid), two where the span is hedged."""
    nth, start, end = link.one("nth"), link.one("event"), link.one("held")
    if nth is None or start is None:
        return []
    first, last = (point_year(start), point_year(end)) if end is not None else run_years(start)
    years = elapsed.span_years(nth, None)
    if first is None or last is None or years is None:
        return []
    expected = elapsed.widened(last - years, nth.qualifier is not None or bool(link.meta.get("hedge")))
    verdict = "consistent" if expected.low <= first <= expected.high else "inconsistent"
    low, high = int(expected.low), int(expected.high)
    ends = (start, end) if end is not None else (start,)
    told = f"{start.text} to {end.text}" if end is not None else start.text
    last_said, first_said = (end.text, start.text) if end is not None else (last, first)
    return [Outcome(verdict, expected, Interval.exact(first), None,
                    f"{last_said} − {years} years = {low}–{high}; stated {first_said}",
                    f"{nth.text} from {told}: {verdict}", (nth, *ends), dates=True)]


def run_years(claim: Claim) -> tuple[int | None, int | None]:
    """The first and last year of a run of years told as one date ("from 1889 to 1922"); none for one told
    "between" two years, which a shorter span may lie within ("worked for 15 years between 1960 and 1990")."""
    low, high = claim.low, claim.high
    if claim.kind != "date" or not isinstance(low, str) or not isinstance(high, str) or not (low[:4] + high[:4]).isdigit():
        return None, None
    if claim.text.lower().startswith("between"):
        return None, None
    return int(low[:4]), int(high[:4])
