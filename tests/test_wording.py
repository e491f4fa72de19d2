"""How figures read in explanations and messages."""

from __future__ import annotations

import pytest

from factcheck.intervals import Interval
from factcheck.wording import figure, interval_words, number


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "0"),
        (5, "5"),
        (1234, "1,234"),
        (999999, "999,999"),
        (0.125, "0.125"),
        (12.345, "12.3"),
        (1e6, "1M"),
        (112e6, "112M"),
        (6.54e9, "6.54B"),
        (6.5e9, "6.5B"),
        (1.5e12, "1.5T"),
        (2.5e15, "2,500T"),
        (-3e6, "-3M"),
        (float("inf"), "∞"),
        (float("-inf"), "−∞"),
    ],
)
def test_number(value, words):
    assert number(value) == words


@pytest.mark.parametrize("value", [999.6, 999_600_000, 999.6e9])
def test_rounding_up_to_a_thousand_never_reads_as_scientific_notation(value):
    assert "e+" not in number(value)


@pytest.mark.parametrize(
    ("value", "unit", "words"),
    [
        (6.5e9, "USD", "$6.5B"),
        (-5e6, "EUR", "−€5M"),
        (250e6, "GBP", "£250M"),
        (5, "KRW", "₩5"),
        (3e6, "CHF", "CHF 3M"),
        (12, "percent", "12%"),
        (12.345, "percent", "12.3%"),
        (2.5, "percentage_point", "2.5 points"),
        (3500, "kilometer", "3,500 kilometer"),
        (40000, "metric_ton", "40,000 metric ton"),
        (64.4e6, "yard ** 3", "64.4M yard³"),
        (7, None, "7"),
        (None, "USD", "?"),
    ],
)
def test_figure(value, unit, words):
    assert figure(value, unit) == words


def test_interval_words():
    assert interval_words(Interval(6.4e9, 6.6e9, 6.5e9), "USD") == "between $6.4B and $6.6B"
