"""Elapsed years: "87 years since …, in 1776", "fifty years ago, in 1968": the stated year lies that
many whole years before the time of speaking (the document's date); with `direction = "ahead"` ("by 2028 —
that's five years out") that many after it.

Between two years known only as years, N whole years reach back to year − N − 1 or year − N, and
a speaker rounds the span ("thirty years ago" for 29 and a half): so year − N ± 1 fits, and a
hedge ("some", "nearly") allows one year more. Where both ends are days, the span is the whole years
between them or the nearest whole number ("one hundred years since …, on April 30, 1789" said on March
4, 1889, "a hundred and six years ago this Sunday" of a day three days off), except that "N years ago
today" counts to the day ("fifty years ago today, on July 20, 1969"). Where the event is a month, the span is the
months since it in years, within a year either way (two where it is hedged): a span its year allows may still
be too long or too short for its month.
"""

from __future__ import annotations

import datetime as dt

import regex

from factcheck.facts import Fact
from factcheck.intervals import Interval
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import CheckOptions, Outcome, point_year
from factcheck.relations.link import Link
from factcheck.relations.slots import date_value

DAYS_A_YEAR = 365.2425
TODAY = regex.compile(r",?\s*(?:today|to the day|this very day)\b", regex.IGNORECASE)


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    span, event = link.one("nth"), link.one("event")
    date = None if link.meta.get("dated_apart") else link.meta.get("document_date")
    years = span_years(span, date) if span is not None else None
    year = point_year(event)
    if years is None or year is None or date is None:
        return []
    hedged = span.qualifier is not None or bool(link.meta.get("hedge"))
    ahead = link.meta.get("direction") == "ahead"  # "by 2028 — that's five years out"
    if ahead:
        expected = widened(int(date[:4]) + years, hedged)
    else:
        expected = exact_span(event, date, years, rounded=not to_the_day(span)) or widened(int(date[:4]) - years, hedged)
    verdict = "consistent" if expected.low <= year <= expected.high else "inconsistent"
    months = months_apart(event, date) if not ahead and span.kind != "date" else None
    if verdict == "consistent" and months is not None and not months_fit(years, months, hedged):
        return [month_outcome(span, event, date, years, months)]
    low, high = int(expected.low), int(expected.high)
    when = str(low) if low == high else f"{low}–{high}"
    return [Outcome(verdict, expected, Interval.exact(year), None,
                    f"{date[:4]} {'+' if ahead else '−'} {years} years = {when}; stated {event.text}",
                    f"{span.text} {'after' if ahead else 'before'} {date} and {event.text}: {verdict}", (span, event),
                    dates=True)]


def span_years(span: Claim, date: str | None) -> int | None:
    """The whole years a span states: "87 years", or "fifty years ago" (counted back from `date`; "27 years from
    now" forward)."""
    if span.kind == "date":
        value = date_value(span)
        return abs(int(date[:4]) - int(value[:4])) if date and value[:4].isdigit() else None
    if isinstance(span.value, (int, float)) and span.value == int(span.value) and span.value > 0:
        return int(span.value)
    return None


def exact_span(event: Claim, date: str, years: int, rounded: bool) -> Interval | None:
    """Where the event and the document are both days, the one year the span fits: the whole years
    between them, or (`rounded`) the nearest whole number of years as well."""
    value = date_value(event)
    if len(value) != 10 or len(date) != 10:
        return None
    try:
        then, now = dt.date.fromisoformat(value), dt.date.fromisoformat(date)
    except ValueError:
        return None
    elapsed = now.year - then.year - ((now.month, now.day) < (then.month, then.day))
    if rounded and round((now - then).days / DAYS_A_YEAR) == years:
        return Interval.exact(then.year)
    return Interval.exact(then.year + elapsed - years)


def months_apart(event: Claim, date: str) -> int | None:
    """The months from an event told to the month ("launched in October 2018") to the document's month."""
    value = date_value(event)
    if len(value) != 7 or not value[:4].isdigit() or not value[5:7].isdigit() or len(date) < 7:
        return None
    return (int(date[:4]) - int(value[:4])) * 12 + int(date[5:7]) - int(value[5:7])


def months_fit(years: int, months: int, hedged: bool) -> bool:
    """Whether a span in whole years fits the months since a month: within a year either way, two where it is
    hedged ("almost seven years" from October 2018 to June 2023, 4.7 years, does not)."""
    return abs(months / 12 - years) <= (2 if hedged else 1)


def month_outcome(span: Claim, event: Claim, date: str, years: int, months: int) -> Outcome:
    """The alarm of a span that its year allows but the months since its month do not."""
    elapsed = months / 12
    return Outcome("inconsistent", Interval(elapsed - 1 / 12, elapsed + 1 / 12, elapsed), Interval.exact(years), None,
                   f"{event.text} to {date[:7]} = {elapsed:.1f} years; stated {span.text}",
                   f"{span.text} since {event.text}: inconsistent", (span, event), compared=False)


def to_the_day(span: Claim) -> bool:
    """Whether the span is said to end today: "fifty years ago today"."""
    at = span.sentence.find(span.text)
    return at >= 0 and TODAY.match(span.sentence, at + len(span.text)) is not None


def widened(year: int, hedged: bool) -> Interval:
    """The years a span in whole years can reach back to: one either way, two where it is hedged."""
    slack = 2 if hedged else 1
    return Interval(year - slack, year + slack, year)
