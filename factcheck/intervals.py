"""Intervals of values that a stated figure allows, their arithmetic, and the verdict rule.

A figure stands for every value that its wording allows. The policies, in one place:

* Precision. A numeral in digits is good to half a unit of its last significant digit:
  "58" -> ±0.5, "1.2" -> ±0.05, "1.20" -> ±0.005. A figure of three or more significant
  digits whose last digit is not 0 may be truncated rather than rounded, so it is good to a
  whole unit: "513" -> ±1, "21.63" -> ±0.01 (not a count of things: "1,017 claims" is ±0.5). Trailing zeros of a whole number are read as
  rounding, so the last non-zero digit counts, but a round figure is never read wider than
  10% of itself: "3,500" -> ±50, "40,000" -> ±4,000, "10" -> ±1, "$100 million" -> ±$10
  million. A single digit keeps its half unit ("$1 billion" is $0.5-1.5 billion). A fraction
  is good to half a unit of its numerator: "3/4" -> ±1/8.
* Words. A figure written in words ("ten", "tenfold", "a dozen", "two million", "doubled",
  "half") has the precision of its value written in digits: "tenfold" is "10" (±1), "a
  dozen" "12" (±0.5), "two million" "2000000" (±200,000), "doubled" "2" (±0.5), "half" "0.5"
  (±0.05). A figure with no numeral at all is read the same way. A fraction in words is good to
  at least 5% of itself (WORD_FRACTION): "two-thirds" and "two in three" are 0.633-0.700, as a
  speaker says them of 65%, not good to the twelve digits of 0.666666666667.
* Scale. The precision of the numeral is multiplied by value / numeral, so that "$1.2
  billion" with value 1.2e9 is good to ±0.05e9; the caller's `scale` is used only when
  that ratio cannot be formed (a zero numeral or value).
* Hedges. "approximately" doubles the half-width, and makes it at least 5% of the value;
  "at_least" is [v, +inf); "at_most" is [0, v] for non-negative kinds, else (-inf, v].
* Tolerance. A relative `tolerance` widens every stated interval by |value| x tolerance on
  each side (after the hedge). Non-negative kinds never go below zero.

Years, ordinals and other figures that are exact by nature are `Interval.exact(v)`;
stated ranges ("$10-20 million") are `Interval(low, high, value)` built by the caller.

Rounding intervals are half-open in truth ("12" is 11.5 up to, not including, 12.5), so
two intervals of positive width that only touch at one point do not overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from factcheck.errors import FactcheckError

INF = math.inf
APPROX_WIDENING = 2.0
APPROX_MIN_RELATIVE = 0.10
ROUND_AT_MOST = 0.10  # the widest reading of a round figure, relative to it ("$100 million": ±$10 million)
TRUNCATED_FROM = 3  # significant digits from which a figure may be truncated rather than rounded
WORD_FRACTION = 0.05  # a fraction in words ("a third", "two in three") is good to this much of itself, at least
FAR_APART = 0.25  # central values further apart than this are inconsistent whatever the rounding
QUALIFIERS = (None, "approximately", "at_least", "at_most")
BOUNDS = ("at_least", "at_most")  # the qualifiers that bound a figure on one side ("more than", "under")

DIGITS = r"(?:\d+\s+)?\d+\s*/\s*\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# The closed class of English cardinal words, longest first where one is a prefix of another.
WORD = (
    r"seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|eleven|twelve|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion"
    r"|trillion|dozen|half|zero|one|two|three|four|five|six|seven|eight|nine|ten"
)
NUMERAL = regex.compile(
    rf"(?<![\d.,])(?P<digits>{DIGITS})"
    rf"|\b(?P<words>(?:{WORD})(?:(?:[\s\-]+|\s+and\s+)(?:{WORD}))*)(?=fold\b|\b)",
    regex.IGNORECASE,
)
FRACTION = regex.compile(r"(?:(\d+)\s+)?(\d+)\s*/\s*(\d+)")
WHOLE = regex.compile(r"\d+")
DECIMAL = regex.compile(r"\d*\.\d+")
DIGITS_NUMERAL = regex.compile(r"\d+(?:\.\d+)?|\.\d+")


class IntervalError(FactcheckError):
    """An interval, figure or qualifier that the arithmetic cannot take."""


@dataclass(frozen=True, slots=True)
class Interval:
    """The closed range [low, high] of values a figure allows, and its central value.

    Bounds may be infinite (low never +inf, high never -inf); the central value is finite
    except for a quotient by an interval centred on zero, which is unbounded.
    """

    low: float
    high: float
    value: float
    open: bool = False  # from a bound ("more than", "up to"): one side only, no centre to measure from

    def __post_init__(self) -> None:
        for name in ("low", "high", "value"):
            object.__setattr__(self, name, float(getattr(self, name)))
        object.__setattr__(self, "open", bool(self.open))
        if math.isnan(self.low) or math.isnan(self.high) or math.isnan(self.value):
            raise IntervalError("an interval bound or value is not a number")
        if self.low == INF or self.high == -INF:
            raise IntervalError(f"interval [{self.low}, {self.high}] is empty")
        if not self.low <= self.value <= self.high:
            raise IntervalError(f"value {self.value} lies outside [{self.low}, {self.high}]")

    @classmethod
    def exact(cls, value: float) -> Interval:
        return cls(value, value, value)

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)

    def contains(self, x: float) -> bool:
        return self.low <= x <= self.high

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both; a mere touch of two wide intervals is no overlap."""
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low > high:
            return False
        return low < high or self.width == 0 or other.width == 0

    def intersection(self, other: Interval) -> Interval | None:
        """The common part (central value: this one's, clamped into it), or None when none."""
        if not self.overlaps(other):
            return None
        low, high = max(self.low, other.low), min(self.high, other.high)
        return Interval(low, high, min(max(self.value, low), high))

    def widened(self, by: float) -> Interval:
        if not by >= 0:
            raise IntervalError(f"cannot widen an interval by {by}")
        return Interval(self.low - by, self.high + by, self.value, self.open)

    def scale(self, k: float) -> Interval:
        if not math.isfinite(k):
            raise IntervalError(f"cannot scale an interval by {k}")
        ends = sorted((_mul(self.low, k), _mul(self.high, k)))
        return Interval(ends[0], ends[1], _mul(self.value, k), self.open)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high, self.value + other.value, self.open or other.open)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low, self.value - other.value, self.open or other.open)

    def __mul__(self, other: Interval) -> Interval:
        corners = [_mul(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(corners), max(corners), _mul(self.value, other.value), self.open or other.open)

    def __truediv__(self, other: Interval) -> Interval:
        """Quotient; a divisor interval that holds zero makes the result unbounded."""
        if other.low > 0 or other.high < 0:
            corners = [a / b for a in (self.low, self.high) for b in (other.low, other.high)
                       if math.isfinite(a) or math.isfinite(b)]
            return Interval(min(corners), max(corners), self.value / other.value, self.open or other.open)
        low, high = _zero_divisor_bounds(self, other)
        if other.value:
            value = self.value / other.value
        else:
            value = INF if high == INF else -INF
        return Interval(low, high, value, self.open or other.open)


def _mul(a: float, b: float) -> float:
    """A product of bounds where zero times infinity is zero, as interval arithmetic needs."""
    return 0.0 if a == 0 or b == 0 else a * b


def _zero_divisor_bounds(num: Interval, den: Interval) -> tuple[float, float]:
    """Bounds of num / den when den holds zero: half-unbounded if zero is one of its ends."""
    if den.low == 0 < den.high:
        reach = den.high
    elif den.low < 0 == den.high:
        reach = den.low
    else:
        return -INF, INF
    if num.low >= 0:
        return (num.low / reach, INF) if reach > 0 else (-INF, num.low / reach)
    if num.high <= 0:
        return (-INF, num.high / reach) if reach > 0 else (num.high / reach, INF)
    return -INF, INF


def numeral_in(text: str) -> str | None:
    """The first numeral of a claim's text: "$1.2 billion" -> "1.2", "tenfold" -> "ten"."""
    match = NUMERAL.search(text)
    if match is None:
        return None
    return match.group("digits") or match.group("words")


def precision_of(number_text: str, value: float | None = None, *, exact: bool = False) -> float:
    """Half a unit of the last significant digit of a numeral, in the numeral's own terms.

    Digits are read from the text ("3,500" -> 50, "0.25" -> 0.005). A numeral in words has
    the precision of its `value` written in digits, so `value` is required for words. An `exact`
    figure (a count of things) is never read as truncated.
    """
    text = number_text.strip().lstrip("+-\u2212")
    fraction = FRACTION.fullmatch(text)
    if fraction:
        if not int(fraction.group(3)):
            raise IntervalError(f"{number_text!r} divides by zero")
        return 0.5 / int(fraction.group(3))
    body = text.replace(",", "")
    if WHOLE.fullmatch(body):
        zeros = len(body) - len(body.rstrip("0"))
        if zeros == len(body):
            return 0.5
        if zeros:  # a round figure: half its last non-zero digit, at most ROUND_AT_MOST of it
            return min(0.5 * 10**zeros, ROUND_AT_MOST * int(body))
        return 0.5 if exact else _last_digit(body)
    if DECIMAL.fullmatch(body):
        return (0.5 if exact else _last_digit(body)) / 10 ** len(body.split(".")[1])
    if value is None:
        raise IntervalError(f"{number_text!r} is not a numeral in digits; give its value")
    return value_precision(value)


def _last_digit(body: str) -> float:
    """How far a numeral ending in its last digit may be off, in units of that digit: half a unit for
    rounding, a whole unit where it has TRUNCATED_FROM significant digits or more (figures that
    precise are often cut off, not rounded: "513 per cent" for 513.8) and the last digit is not 0."""
    significant = body.replace(".", "").lstrip("0")
    return 1.0 if len(significant) >= TRUNCATED_FROM and not body.endswith("0") else 0.5


def value_precision(value: float) -> float:
    """Half a unit of the last non-zero digit of a value written in digits (15 significant); for a
    round value (tens and up) at most ROUND_AT_MOST of it, as for a round numeral."""
    if not math.isfinite(value):
        raise IntervalError(f"{value} has no precision")
    exponent = Decimal(format(abs(value), ".15g")).normalize().as_tuple().exponent
    if exponent <= 0:
        return 0.5 / 10**-exponent
    return min(0.5 * 10**exponent, ROUND_AT_MOST * abs(value))


def numeral_value(number_text: str) -> float | None:
    """The value of a numeral in digits ("3,500", "1.2", "1 1/2"), or None for words."""
    text = number_text.strip()
    fraction = FRACTION.fullmatch(text)
    if fraction:
        whole, num, den = fraction.groups()
        return int(whole or 0) + int(num) / int(den) if int(den) else None
    body = text.replace(",", "")
    return float(body) if DIGITS_NUMERAL.fullmatch(body) else None


@lru_cache(maxsize=1 << 16)  # agreement weighs each figure in many fillings; an Interval is immutable
def stated_interval(value: float, text: str, qualifier: str | None, *, tolerance: float = 0.0,
                    scale: float = 1.0, nonnegative: bool = True, exact: bool = False) -> Interval:
    """The interval a stated figure allows: `value` normalized, `text` its surface form.

    See the module docstring for the policies on precision, words, hedges and tolerance.
    """
    if not math.isfinite(value):
        raise IntervalError(f"stated value {value} is not a finite number")
    if qualifier not in QUALIFIERS:
        raise IntervalError(f"unknown qualifier {qualifier!r}")
    if not tolerance >= 0:
        raise IntervalError(f"tolerance must be a non-negative fraction, not {tolerance}")
    half = _half_width(value, numeral_in(text), scale, exact)
    slack = abs(value) * tolerance
    if qualifier == "at_least":
        low, high = value - slack, INF
    elif qualifier == "at_most":
        low, high = -INF, value + slack
    else:
        if qualifier == "approximately":
            half = max(half * APPROX_WIDENING, abs(value) * APPROX_MIN_RELATIVE)
        low, high = value - half - slack, value + half + slack
    if nonnegative and value >= 0:
        low = max(low, 0.0)
    return Interval(low, high, value, qualifier in BOUNDS)


def _half_width(value: float, numeral: str | None, scale: float, exact: bool) -> float:
    written = numeral_value(numeral) if numeral else None
    if written is None:
        if 0 < abs(value) < 1:  # a fraction in words: "two-thirds" is not good to twelve digits
            return max(value_precision(value), WORD_FRACTION * abs(value))
        return value_precision(value)
    multiplier = abs(value) / written if written and value else abs(scale)
    return precision_of(numeral, exact=exact) * multiplier


def deviation(stated: float, expected: float) -> float | None:
    """(stated - expected) / expected; None when expected is zero or either is infinite."""
    if expected == 0 or not math.isfinite(expected) or not math.isfinite(stated):
        return None
    return (stated - expected) / expected


def judge(expected: Interval, stated: Interval, *, approx_threshold: float = 0.05,
          far_apart: float = FAR_APART) -> tuple[str, float | None]:
    """Verdict of a stated figure against what other figures imply, and the deviation.

    "inconsistent": no value lies in both intervals, or the central values differ by more
    than `far_apart` (relative to the expected one) whatever the rounding: a round figure
    ("$100 million", good to ±$50 million by its digits) excuses rounding, not a contradiction.
    "approximate": they overlap, but the central values differ by more than `approx_threshold`.
    "consistent": otherwise, and also when one side is an open bound ("more than 40,000")
    that holds the other side's central value, since a bound says nothing of the distance.
    """
    dev = deviation(stated.value, expected.value)
    if not expected.overlaps(stated):
        return "inconsistent", dev
    if dev is None or abs(dev) <= approx_threshold or _bound_holds(expected, stated):
        return "consistent", dev
    return ("inconsistent" if abs(dev) > far_apart else "approximate"), dev


def _bound_holds(expected: Interval, stated: Interval) -> bool:
    """Whether one side is a bound ("more than doubled", "less than half") that holds the other's
    central value: a bound has no centre, so a distance from it means nothing."""
    return ((_is_bound(stated) and stated.contains(expected.value))
            or (_is_bound(expected) and expected.contains(stated.value)))


def _is_bound(found: Interval) -> bool:
    """An interval that is a bound, or was computed from one: it has no centre."""
    return found.open or not found.bounded
