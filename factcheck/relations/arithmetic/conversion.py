"""Conversion: one quantity stated in two units ("3,500 kilometres (2,175 miles)"), compared through pint."""

from __future__ import annotations

import regex

from factcheck.facts import Fact
from factcheck.relations.arithmetic.common import (SCALES_OF_DEGREES, CheckOptions, Outcome, compare, in_unit, interval,
                                                  out_of_scale)
from factcheck.intervals import Interval, IntervalError
from factcheck.model import Claim
from factcheck.relations.link import Link
from factcheck.wording import figure


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    first, second = link.one("stated"), link.one("converted")
    if first is None or second is None:
        return []
    units = scale(first, second), second.unit
    if not units[0] or not units[1] or units[0] == units[1]:
        return []
    try:
        expected = in_unit(interval(first, options), *units)
        one_unit = in_unit(Interval.exact(1), *units).value
    except IntervalError:
        return []  # units of different dimensions: not a conversion
    if not whole_ratio(one_unit):
        expected = factor_slack(expected)
    if not set(units) & SCALES_OF_DEGREES and _compound(first.value, second.value, one_unit):
        return []
    stated = interval(second, options)
    if out_of_scale(expected, stated):
        return []  # "50.4 million 60-kilogram bags, roughly 3.0 million tonnes": the size of one is no restatement
    verdict = compare(expected, stated, options)
    if verdict != "consistent" and set(units) <= SCALES_OF_DEGREES and (difference_told(first, second) or small_unscaled(first, units[0])):
        expected, verdict = as_difference(units, first, stated, options) or (expected, verdict)
    return [Outcome(verdict, expected, stated, units[1], f"{first.text} = {figure(expected.value, units[1])}; "
                    f"stated {second.text}", f"conversion {first.text} → {second.text}: {verdict}", (first, second))]


BARE_DEGREES = regex.compile(r"\bdegrees?\b|°$", regex.IGNORECASE)


FACTOR_SLACK = 0.01  # a factor quoted short ("1.6 km a mile", "0.7645 cubic metres a yard"): 1% either way


def whole_ratio(one_unit: float) -> bool:
    """Whether one unit is a whole number of the other, or the other way round (640 acres a square mile, 12
    inches a foot): such a factor is known exactly, and a conversion by it is held to its digits."""
    return one_unit != 0 and any(abs(x - round(x)) < 1e-9 for x in (abs(one_unit), 1 / abs(one_unit)))


def factor_slack(expected: Interval) -> Interval:
    """The converted figure with room for a factor between systems written to a few digits: "37,116,735 cubic yards,
    or 28,377,000 cubic metres" (28,377,790 by the statute factor) is no error; a wrong conversion is off by far more."""
    low, high = expected.low - abs(expected.low) * FACTOR_SLACK, expected.high + abs(expected.high) * FACTOR_SLACK
    return Interval(low, high, expected.value, expected.open)


def scale(claim: Claim, other: Claim) -> str | None:
    """A stated figure's unit; "two degrees" converted to a temperature of one scale ("two degrees — thirty-six
    Fahrenheit") is in the other one of Celsius and Fahrenheit. (Bare degrees after a temperature are told in its
    own scale: "9.8C, 1.3 degrees above the average".)"""
    if claim.unit or other.unit not in SCALES_OF_DEGREES or not BARE_DEGREES.search(claim.text):
        return claim.unit
    return next(iter(SCALES_OF_DEGREES - {other.unit}))


DIFFERENCE_AFTER = regex.compile(r"[\s)\]]*(?:above|below|warmer|cooler|colder|hotter|higher|lower|more|less|over|under)\b",
                                 regex.IGNORECASE)
DIFFERENCE_BEFORE = regex.compile(r"\b(?:by|of|rise|rose|risen|increase|warming|warmed|anomaly|up|down|fell|fall|drop)\s+"
                                  r"(?:(?:about|around|nearly|almost|some|roughly|more\s+than|over)\s+)?$", regex.IGNORECASE)


SMALL_DEGREES = 10  # degrees told with no scale and below this are as often a change as a reading
# words that make the figure after them a reading: "The water was 9 degrees", "fell to 4 degrees"
READING_BEFORE = regex.compile(r"\b(?:was|were|is|are|be|been|at|to|reached|hit|read|reads|stood|hovered|of|from|"
                               r"around|about|near|below|above|under|over)\s+(?:(?:about|around|nearly|almost|some|roughly|"
                               r"just|only)\s+)?$", regex.IGNORECASE)


def small_unscaled(first: Claim, unit: str) -> bool:
    """Degrees told with no scale, few of them and after no word that makes them a reading ("One point three degrees,
    or roughly two point three Fahrenheit" answers "So a rise of —"); "The water was 9 degrees, or 16 Fahrenheit" and
    a reading of 20 degrees "or 36 Fahrenheit" are still judged as readings."""
    at = first.sentence.find(first.text)
    return (unit != first.unit and isinstance(first.value, (int, float)) and abs(first.value) < SMALL_DEGREES
            and at >= 0 and READING_BEFORE.search(first.sentence, 0, at) is None)


def difference_told(first: Claim, second: Claim) -> bool:
    """Whether the words around the pair make it a difference of temperature: "1.15°C (2.07°F) above the
    average", "a rise of 2°C (3.6°F)"."""
    at = first.sentence.find(first.text)
    end = first.sentence.find(second.text, max(at, 0)) + len(second.text)
    if at < 0 or end < len(second.text):
        return False
    return DIFFERENCE_AFTER.match(first.sentence, end) is not None or DIFFERENCE_BEFORE.search(first.sentence, 0, at) is not None


def as_difference(units: tuple[str, str], first: Claim, stated: Interval, options: CheckOptions) -> tuple[Interval, str] | None:
    """The two temperatures read as a difference ("1.15°C (2.07°F) above the average": ×1.8, no offset), where
    that reading fits; a temperature and a warming are written alike."""
    try:
        expected = in_unit(interval(first, options), f"delta_{units[0]}", f"delta_{units[1]}")
    except IntervalError:
        return None
    verdict = compare(expected, stated, options)
    return (expected, verdict) if verdict == "consistent" else None


def _compound(first: object, second: object, one_unit: float) -> bool:
    """ "6 feet, 2 inches": a whole number of a unit at least thrice the second, then less than one of it."""
    if not isinstance(first, (int, float)) or not isinstance(second, (int, float)):
        return False
    return float(first).is_integer() and abs(one_unit) >= 3 and abs(second) < abs(one_unit)
