"""Numerals in digits and in words, with the vocabulary of the built-in rule tables."""

from __future__ import annotations

import pytest

from factcheck.extract.numbers import TooLarge, parse_number, parse_ordinal
from factcheck.extract.rulebook import load_rulebook


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,500", 3500),
        ("1,234,567.89", 1234567.89),
        ("23,977,450,553.54", 23977450553.54),  # a debt to the cent: fifteen significant digits are kept
        ("1.2", 1.2),
        (".5", 0.5),
        ("0.1", 0.1),
        ("5.0", 5),
        ("007", 7),
        ("  42 ", 42),
        ("-5", -5),
        ("\u22123.5", -3.5),
        ("+5", 5),
    ],
)
def test_digits(book, text, value):
    assert parse_number(text, book) == value


def test_whole_numbers_come_back_as_int(book):
    assert isinstance(parse_number("5.0", book), int)
    assert isinstance(parse_number("three", book), int)
    assert isinstance(parse_number("1.5", book), float)


@pytest.mark.parametrize(
    ("text", "value"),
    [("3/4", 0.75), ("3 / 4", 0.75), ("1 1/2", 1.5), ("0/5", 0), ("5-1/4", 5.25), ("10-1/2", 10.5)],
)
def test_fractions(book, text, value):
    assert parse_number(text, book) == value


@pytest.mark.parametrize("text", ["5-5/4", "5-7/2", "5-1/0"])
def test_hyphen_joins_only_a_proper_fraction(book, text):
    # 5-7/2 is no mixed fraction (7/2 is more than one); a range or a date, not a numeral
    assert parse_number(text, book) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("two and a half", 2.5), ("two-and-a-half", 2.5), ("four and one-half", 4.5), ("a half", 0.5),
     ("three quarters", 0.75)],
)
def test_word_fractions(book, text, value):
    assert parse_number(text, book) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234 567", 1234567),
        ("12,34,567.89", 1234567.89),
        ("1.111,11", 1111.11),
        ("1e5", 100000),
        ("1.3x10^6", 1300000),
        ("10k", 10000),
        ("\u00be", 0.75),
        ("2\u00bd", 2.5),
    ],
)
def test_other_digit_shapes(book, text, value):
    assert parse_number(text, book) == value


@pytest.mark.parametrize("text", ["", "   ", ".", "-", "1.2.3", "3/0", "abc", "five bananas"])
def test_non_numerals_are_none(book, text):
    assert parse_number(text, book) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three", 3),
        ("Twenty-Five", 25),
        ("twenty five", 25),
        ("twenty\u2013five", 25),
        ("twelve", 12),
        ("hundred", 100),
        ("a hundred", 100),
        ("an hundred", 100),
        ("one hundred", 100),
        ("a thousand and one", 1001),
        ("two thousand and one hundred", 2100),
        ("three hundred and twelve", 312),
        ("fifteen hundred", 1500),
        ("two hundred thousand", 200000),
        ("three million four hundred thousand", 3400000),
        ("one billion two hundred million", 1_200_000_000),
        ("nine hundred ninety-nine thousand nine hundred ninety-nine", 999999),
        ("thirty-eight thousand five hundred crore", 385_000_000_000),
        ("five hundred thousand million", 500_000_000_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three fifths", 0.6),
        ("one and a half", 1.5),
    ],
)
def test_words(book, text, value):
    assert parse_number(text, book) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three point five", 3.5),
        ("point five", 0.5),
        ("twenty five point one four", 25.14),
        ("one point oh four billion", 1.04e9),
        ("minus three", -3),
        ("negative two", -2),
        ("minus point five", -0.5),
        ("two hundred point seventy-one", 200.71),  # a two-digit word after the point is two decimals
        ("one point seventy-five million", 1.75e6),
        ("three point twelve", 3.12),
        ("one point seventy", 1.7),
    ],
)
def test_point_and_sign_words(book, text, value):
    assert parse_number(text, book) == value


@pytest.mark.parametrize("text", ["three point one hundred", "three point", "foo point five", "minus", "and"])
def test_malformed_word_numerals_are_none(book, text):
    assert parse_number(text, book) is None


def test_a_scale_word_after_the_decimals_multiplies(book):
    """'one point five million' is how 1.5 million is said aloud."""
    assert parse_number("one point five million", book) == 1_500_000


@pytest.mark.parametrize("text", ["5-6", "1950-53", "1,5", "+-5"])
def test_digits_that_are_not_one_numeral_are_none(book, text):
    """A range, a year span or a misplaced comma is not a single number."""
    assert parse_number(text, book) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("70th", 70),
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("22d", 22),
        ("101st", 101),
        ("1,000th", 1000),
        ("70TH", 70),
        ("5th.", 5),
        ("first", 1),
        ("second", 2),
        ("Twentieth", 20),
        ("seventieth", 70),
        ("twenty-first", 21),
        ("twenty-second", 22),
        ("hundredth", 100),
        ("one hundredth", 100),
        ("two hundredth", 200),
        ("three thousandth", 3000),
        ("one thousand and first", 1001),
    ],
)
def test_ordinals(book, text, value):
    assert parse_ordinal(text, book) == value


@pytest.mark.parametrize("text", ["", "foo", "hundred", "fiftyth", "first second"])
def test_non_ordinals_are_none(book, text):
    assert parse_ordinal(text, book) is None


def test_vocabulary_comes_from_the_rulebook_tables(book):
    """A word the tables do not hold is not a number, and a word added to them is."""
    assert parse_number("score", book) is None
    book.tables["number_word"]["score"] = 20
    try:
        assert parse_number("score", book) == 20
    finally:
        del book.tables["number_word"]["score"]


# --- limits: a figure too large is reported, never computed ------------------------------------

def test_more_digits_than_the_limit_is_too_large(book):
    with pytest.raises(TooLarge, match=r"^has more than 100 digits$"):
        parse_number("9" * 101, book)
    with pytest.raises(TooLarge):
        parse_ordinal("4" + "0" * 400 + "th", book)  # was OverflowError
    with pytest.raises(TooLarge):
        parse_number("9" * 5000, book)  # was Python's int-string limit (ValueError)
    assert parse_number("9" * 100, book) == float("9" * 100)


@pytest.mark.parametrize("text", ["1e309", "5 × 10^400", "1.8e308", "2^2000"])
def test_a_value_past_1e308_is_too_large(book, text):
    with pytest.raises(TooLarge, match=r"^is larger than 1e308$"):
        parse_number(text, book)


def test_powers_of_ten_read_as_their_value(book):
    assert parse_number("1e9", book) == 1_000_000_000
    assert parse_number("5 × 10^6", book) == 5_000_000
    assert parse_number("1e-400", book) == 0


def test_a_digit_python_does_not_know_is_no_numeral(book):
    newer = chr(0x10D40) * 3  # a digit of Unicode 15 that `regex` knows and Python 3.11's float() does not
    assert parse_number(newer, book) is None  # was ValueError
    assert parse_ordinal(newer + "th", book) is None


def test_a_superscript_exponent_is_a_power_of_ten():
    from factcheck.extract.numbers import parse_digits

    assert parse_digits("5.5 × 10⁻³") == pytest.approx(0.0055)
    assert parse_digits("2 × 10⁶") == 2000000


@pytest.mark.parametrize(("text", "value"), [
    ("two sixty-four", 264), ("one ninety", 190), ("three ten", 310), ("nineteen seventy-three", 1973),
    ("forty-two", 42), ("two hundred five", 205), ("twenty-two thousand five hundred and six", 22506),
])
def test_numbers_below_a_hundred_said_in_a_row_are_pairs_of_digits(book, text, value):
    assert parse_number(text, book) == value
