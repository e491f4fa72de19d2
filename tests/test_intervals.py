import math
import operator

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.intervals import (
    INF,
    Interval,
    IntervalError,
    deviation,
    judge,
    numeral_in,
    numeral_value,
    precision_of,
    stated_interval,
    value_precision,
)

FINITE = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False, allow_subnormal=False)


@st.composite
def operand(draw, open_ends=True):
    """An interval and a true value inside it."""
    # adding 0.0 turns -0.0 into 0.0, so that sorting gives low <= high for st.floats
    low, value, high = sorted(x + 0.0 for x in draw(st.lists(FINITE, min_size=3, max_size=3)))
    true = draw(st.floats(low, high, allow_subnormal=False))
    if open_ends and draw(st.integers(0, 4)) == 0:
        low = -INF
    if open_ends and draw(st.integers(0, 4)) == 0:
        high = INF
    return Interval(low, high, value), true


def holds(interval, x):
    slack = 1e-9 * max(1.0, abs(x))
    return interval.low - slack <= x <= interval.high + slack


# --- precision and numerals -------------------------------------------------------------

@pytest.mark.parametrize(("text", "precision"), [
    ("58", 0.5), ("1", 0.5), ("0", 0.5), ("1.2", 0.05), ("0.25", 0.005), ("1.20", 0.005),
    (".5", 0.05), ("3,500", 50), ("40,000", 4000), ("10", 1), ("100", 10), ("250", 5), ("1,000", 100), ("300", 30),
    ("2015", 1), ("1,234,567.891", 0.001), ("-3.5", 0.05), ("3/4", 0.125), ("1 1/2", 0.25),
    ("513", 1), ("21.63", 0.01), ("21.60", 0.005), ("4.5", 0.05), ("0.125", 0.001),
])
def test_precision_of_digits(text, precision):
    assert precision_of(text) == pytest.approx(precision)


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("ten", 10, 1), ("dozen", 12, 0.5), ("twenty-five", 25, 0.5), ("two million", 2e6, 2e5),
    ("half", 0.5, 0.05), ("doubled", 2, 0.5), ("forty", 40, 4),
])
def test_precision_of_words_follows_their_value_in_digits(text, value, precision):
    assert precision_of(text, value) == pytest.approx(precision)


def test_an_exact_figure_is_never_read_as_truncated():
    assert precision_of("1,017", exact=True) == 0.5 and precision_of("1,017") == 1
    assert precision_of("21.63", exact=True) == pytest.approx(0.005)


def test_precision_of_words_needs_a_value():
    with pytest.raises(IntervalError, match="not a numeral in digits"):
        precision_of("ten")


def test_precision_of_a_fraction_over_zero_is_an_error():
    with pytest.raises(IntervalError, match="divides by zero"):
        precision_of("3/0")


@given(st.integers(0, 10**6), st.integers(1, 6))
def test_precision_of_decimals_is_the_last_place(whole, places):
    """Half the last place; a whole one from three significant digits (the figure may be truncated)."""
    text = f"{whole}.{'7' * places}"
    significant = len(str(whole).lstrip("0")) + places
    assert precision_of(text) == pytest.approx((1 if significant >= 3 else 0.5) / 10**places)


@pytest.mark.parametrize(("value", "precision"), [
    (1.2e9, 5e7), (40000, 4000), (58, 0.5), (0.07, 0.005), (0, 0.5), (1e21, 1e20), (300, 30),
])
def test_value_precision(value, precision):
    assert value_precision(value) == pytest.approx(precision)


@pytest.mark.parametrize(("text", "numeral"), [
    ("$1.2 billion", "1.2"), ("58 times", "58"), ("10-fold", "10"), ("about 40,000 tons", "40,000"),
    ("tenfold", "ten"), ("ten-fold", "ten"), ("a dozen eggs", "dozen"),
    ("Twenty-five thousand", "Twenty-five thousand"),
    ("two hundred and fifty", "two hundred and fifty"), ("12.5%", "12.5"), ("-3.5%", "3.5"),
    ("3/4 of the vote", "3/4"), ("$9M", "9"), ("seventeen", "seventeen"), ("sixty", "sixty"),
    ("doubled", None), ("halved", None), ("someone", None), ("often", None), ("", None),
])
def test_numeral_in(text, numeral):
    assert numeral_in(text) == numeral


@pytest.mark.parametrize(("text", "value"), [
    ("3,500", 3500), ("1.2", 1.2), (".5", 0.5), ("1 1/2", 1.5), ("ten", None),
])
def test_numeral_value(text, value):
    assert numeral_value(text) == value


# --- stated intervals ---------------------------------------------------------------------

@pytest.mark.parametrize(("value", "text", "qualifier", "options", "low", "high"), [
    (58, "58 times", None, {}, 57.5, 58.5),
    (1.2e9, "$1.2 billion", None, {}, 1.15e9, 1.25e9),
    (1e9, "$1 billion", None, {}, 0.5e9, 1.5e9),
    (9e6, "$9M", None, {}, 8.5e6, 9.5e6),
    (3500, "3,500 kilometers", None, {}, 3450, 3550),
    (40000, "40,000 tons", None, {}, 36000, 44000),
    (10, "10-fold", None, {}, 9, 11), (10, "tenfold", None, {}, 9, 11),
    (12, "a dozen", None, {}, 11.5, 12.5),
    (2, "doubled", None, {}, 1.5, 2.5),
    (0.5, "half", None, {}, 0.45, 0.55),
    (2e6, "two million", None, {}, 1.8e6, 2.2e6),
    (12.5, "12.5%", None, {}, 12.4, 12.6),  # three significant digits: may be truncated
    (40000, "about 40,000 tons", "approximately", {}, 32000, 48000),
    (58, "some 58", "approximately", {}, 58 * 0.9, 58 * 1.1),
    (1.2e9, "about $1.2 billion", "approximately", {}, 1.08e9, 1.32e9),
    (40000, "more than 40,000", "at_least", {}, 40000, INF),
    (40000, "up to 40,000", "at_most", {}, 0, 40000),
    (-5, "less than -5%", "at_most", {"nonnegative": False}, -INF, -5),
    (58, "58", None, {"tolerance": 0.1}, 52.2 - 0.5, 63.8 + 0.5),
    (40000, "more than 40,000", "at_least", {"tolerance": 0.01}, 39600, INF),
    (0, "0", None, {}, 0, 0.5),
    (0, "0", None, {"nonnegative": False}, -0.5, 0.5),
    (0, "0 million", None, {"scale": 1e6}, 0, 5e5),
    (1.609344, "1 mile", None, {}, 0.804672, 2.414016),
])
def test_stated_interval(value, text, qualifier, options, low, high):
    interval = stated_interval(value, text, qualifier, **options)
    assert interval.value == value
    assert interval.low == pytest.approx(low)
    assert interval.high == pytest.approx(high)


@given(st.integers(1, 10**6), st.integers(0, 3),
       st.sampled_from([None, "approximately", "at_least", "at_most"]), st.floats(0, 0.5))
def test_stated_interval_holds_what_rounds_to_the_numeral(digits, places, qualifier, tolerance):
    text = f"{digits / 10**places:.{places}f}"
    value = float(text)
    interval = stated_interval(value, f"about {text} units", qualifier, tolerance=tolerance)
    assert interval.low <= value <= interval.high
    for x in (value - 0.49 / 10**places, value + 0.49 / 10**places):
        if qualifier is None or qualifier == "approximately":
            assert interval.contains(x)


@pytest.mark.parametrize(("qualifier", "tolerance", "message"), [
    ("exactly", 0.0, "unknown qualifier"), (None, -0.1, "tolerance"),
])
def test_stated_interval_rejects_bad_options(qualifier, tolerance, message):
    with pytest.raises(IntervalError, match=message):
        stated_interval(5, "5", qualifier, tolerance=tolerance)


def test_stated_interval_rejects_infinite_value():
    with pytest.raises(IntervalError, match="not a finite number"):
        stated_interval(INF, "5", None)


# --- the Interval type --------------------------------------------------------------------

@pytest.mark.parametrize(("low", "high", "value"), [
    (2, 1, 1.5), (0, 1, 2), (math.nan, 1, 0), (INF, INF, INF), (-INF, -INF, -INF),
])
def test_interval_rejects_bad_bounds(low, high, value):
    with pytest.raises(IntervalError):
        Interval(low, high, value)


def test_interval_error_is_a_one_line_factcheck_error():
    with pytest.raises(FactcheckError) as caught:
        Interval(2, 1, 1.5)
    assert "\n" not in str(caught.value)


def test_exact_width_contains():
    point = Interval.exact(3)
    assert (point.low, point.high, point.value, point.width) == (3.0, 3.0, 3.0, 0.0)
    assert isinstance(point.low, float)
    wide = Interval(1, 4, 2)
    assert wide.width == 3 and wide.contains(1) and wide.contains(4) and not wide.contains(4.5)
    assert wide.bounded and not Interval(1, INF, 2).bounded


@pytest.mark.parametrize(("a", "b", "overlap"), [
    ((1, 3, 2), (2, 5, 3), (2, 3)),
    ((1, 3, 2), (4, 5, 4), None),
    ((10.5, 11.5, 11), (11.5, 12.5, 12), None),   # rounding intervals that only touch
    ((3, 3, 3), (1, 3, 2), (3, 3)),               # an exact figure at the edge
    ((-INF, 5, 5), (5, INF, 5), None),            # "under 5" against "over 5"
    ((0, INF, 0), (-2, 6.5, 1), (0, 6.5)),
])
def test_overlaps_and_intersection(a, b, overlap):
    first, second = Interval(*a), Interval(*b)
    assert first.overlaps(second) is (overlap is not None)
    assert second.overlaps(first) is (overlap is not None)
    common = first.intersection(second)
    if overlap is None:
        assert common is None
    else:
        assert (common.low, common.high) == overlap
        assert common.contains(common.value)


def test_intersection_keeps_own_value_clamped():
    assert Interval(0, 10, 9).intersection(Interval(2, 5, 3)) == Interval(2, 5, 5)


def test_widened_and_scale():
    assert Interval(1, 3, 2).widened(0.5) == Interval(0.5, 3.5, 2)
    assert Interval(1, 3, 2).scale(-2) == Interval(-6, -2, -4)
    assert Interval(1, INF, 2).scale(0) == Interval.exact(0)
    with pytest.raises(IntervalError):
        Interval(1, 3, 2).widened(-1)
    with pytest.raises(IntervalError):
        Interval(1, 3, 2).scale(INF)


def test_arithmetic_on_exact_intervals_is_plain_arithmetic():
    a, b = Interval.exact(6), Interval.exact(4)
    assert a + b == Interval.exact(10)
    assert a - b == Interval.exact(2)
    assert a * b == Interval.exact(24)
    assert a / b == Interval.exact(1.5)


def test_interval_arithmetic_bounds():
    a, b = Interval(1, 3, 2), Interval(-2, 4, 1)
    assert a + b == Interval(-1, 7, 3)
    assert a - b == Interval(-3, 5, 1)
    assert a * b == Interval(-6, 12, 2)
    assert a / Interval(2, 4, 2) == Interval(0.25, 1.5, 1)


@pytest.mark.parametrize(("num", "den", "expected"), [
    ((1, 3, 2), (-1, 1, 0.5), (-INF, INF, 4)),       # zero inside: unbounded
    ((1, 3, 2), (0, 4, 2), (0.25, INF, 1)),          # zero at the low end
    ((1, 3, 2), (-4, 0, -2), (-INF, -0.25, -1)),     # zero at the high end
    ((-3, -1, -2), (0, 4, 2), (-INF, -0.25, -1)),
    ((-3, -1, -2), (-4, 0, -2), (0.25, INF, 1)),
    ((-1, 3, 2), (0, 4, 2), (-INF, INF, 1)),
    ((1, 3, 2), (0, 4, 0), (0.25, INF, INF)),        # centred on zero: infinite central value
    ((1, 3, 2), (-4, 0, 0), (-INF, -0.25, -INF)),
    ((1, 3, 2), (0, 0, 0), (-INF, INF, INF)),
])
def test_division_by_an_interval_holding_zero(num, den, expected):
    assert Interval(*num) / Interval(*den) == Interval(*expected)


def test_division_with_infinite_bounds():
    assert Interval(1, INF, 2) / Interval(2, INF, 4) == Interval(0, INF, 0.5)
    assert Interval(-1, INF, 2) / Interval(2, INF, 4) == Interval(-0.5, INF, 0.5)


@pytest.mark.parametrize("op", [operator.add, operator.sub, operator.mul, operator.truediv])
@given(data=st.data())
def test_true_operands_give_a_true_result(op, data):
    (a, x), (b, y) = data.draw(operand()), data.draw(operand())
    assume(op is not operator.truediv or y != 0)
    result = op(a, b)
    assert result.low <= result.value <= result.high
    assert holds(result, op(x, y))


@given(operand(), st.floats(-1e3, 1e3, allow_subnormal=False))
def test_scale_keeps_the_true_value(pair, k):
    interval, x = pair
    scaled = interval.scale(k)
    assert scaled.low <= scaled.value <= scaled.high
    assert holds(scaled, x * k)


# --- deviation and verdicts ---------------------------------------------------------------

@pytest.mark.parametrize(("stated", "expected", "result"), [
    (112, 100, 0.12), (1e9, 1.12e9, -0.107142857), (5, 5, 0.0),
    (5, 0, None), (5, INF, None), (INF, 5, None),
])
def test_deviation(stated, expected, result):
    found = deviation(stated, expected)
    assert found == (None if result is None else pytest.approx(result))


@pytest.mark.parametrize(("expected", "stated", "verdict"), [
    ((95, 105, 100), (98, 104, 101), "consistent"),
    ((95, 105, 100), (90, 98, 94), "approximate"),
    ((95, 105, 100), (106, 110, 108), "inconsistent"),
    ((95, 105, 100), (105, 110, 107), "inconsistent"),   # touching only
    ((95, 105, 100), (80, INF, 80), "consistent"),       # "more than 80" holds 100
    ((95, 105, 100), (-INF, 96, 96), "consistent"),
    ((95, 105, 100), (110, INF, 110), "inconsistent"),
    ((150, INF, 150), (200, 210, 205), "consistent"),    # expected is only a lower bound
    ((-INF, INF, INF), (1, 2, 1.5), "consistent"),
])
def test_judge(expected, stated, verdict):
    found, dev = judge(Interval(*expected), Interval(*stated))
    assert found == verdict
    assert dev == deviation(stated[2], expected[2])


def test_judge_threshold_is_adjustable():
    expected, stated = Interval(90, 110, 100), Interval(107, 109, 108)
    assert judge(expected, stated)[0] == "approximate"
    assert judge(expected, stated, approx_threshold=0.1)[0] == "consistent"


@pytest.mark.parametrize("text, value, low, high", [
    ("two-thirds", 2 / 3, 0.633, 0.700),
    ("one in three", 1 / 3, 0.3167, 0.35),
    ("half", 0.5, 0.45, 0.55),  # its digits already allow more
])
def test_a_fraction_in_words_is_good_to_at_least_five_per_cent_of_itself(text, value, low, high):
    found = stated_interval(value, text, None)
    assert found.low == pytest.approx(low, abs=5e-4) and found.high == pytest.approx(high, abs=5e-4)
