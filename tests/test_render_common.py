"""Shared formatting helpers: numbers, amounts, claim values, JSON sanitising, fingerprints."""

from __future__ import annotations

import math

import pytest
from render_fixtures import claim, sample_diff

from factcheck.model import Change, Quantity
from factcheck.render.common import (
    REPORTED_SEVERITY,
    change_place,
    claim_end,
    fingerprints,
    format_amount,
    format_claim_value,
    format_deviation,
    format_number,
    format_quantity,
    json_number,
    jsonable,
    posix_path,
)


@pytest.mark.parametrize(("value", "shown"), [
    (9000000, "9,000,000"), (9e6, "9,000,000"), (12.5, "12.5"), (0.123456789, "0.123457"),
    (1234567.5, "1,234,568"), (-3, "-3"), ("2013-11", "2013-11"), (None, "—"),
    (math.inf, "∞"), (-math.inf, "−∞"), (math.nan, "NaN"),
])
def test_format_number(value, shown):
    assert format_number(value) == shown


@pytest.mark.parametrize(("value", "unit", "shown"), [
    (9e6, "USD", "USD 9,000,000"), (12.5, "percent", "12.5%"), (3, "percentage_point", "3 pp"),
    (3500, "kilometer", "3,500 kilometer"), (58, None, "58"), (math.inf, "USD", "∞"), (None, "USD", "—"),
])
def test_format_amount(value, unit, shown):
    assert format_amount(value, unit) == shown


def test_format_claim_value_ranges_ratios_and_rates():
    assert format_claim_value(claim("c4", "date", "1950-53", None, low="1950", high="1953")) == "1950 … 1953"
    assert format_claim_value(claim("c3", "ratio", "58 times", 58)) == "58×"
    rate = claim("c5", "money", "$1 billion a year", 1e9, unit="USD", extra={"per": "year"})
    assert format_claim_value(rate) == "USD 1,000,000,000 (per year)"
    ranged = claim("c1", "money", "$9 million", 1.5e7, unit="USD", low=1e7, high=2e7)
    assert format_claim_value(ranged) == "USD 10,000,000 … USD 20,000,000"
    assert format_claim_value(claim("c6", "percent", "12.5%", 12.5, unit="percent", low=12.5, high=12.5)) == "12.5%"
    relative = claim("c7", "ordinal", "Sales", None, extra={"relative": True})
    assert format_claim_value(relative) == "— (relative: not stated)"
    assert format_claim_value(claim("c8", "ordinal", "Sales", None)) == "—"


def test_format_quantity_shows_interval_only_when_informative():
    assert format_quantity(None) == "—"
    assert format_quantity(Quantity(5, 5, 5, None)) == "5"
    assert format_quantity(Quantity(5, None, None, None)) == "5"
    assert format_quantity(Quantity(112e6, 1e8, math.inf, "USD")) == "USD 112,000,000 [USD 100,000,000 … ∞]"


def test_format_deviation():
    assert format_deviation(0.12) == "+12.0%"
    assert format_deviation(-0.5) == "-50.0%"
    assert format_deviation(None) == "" and format_deviation(math.inf) == ""


def test_json_number_and_jsonable():
    assert json_number(math.inf) is None and json_number(math.nan) is None
    assert json_number(9e6) == 9000000 and isinstance(json_number(9e6), int)
    assert json_number(1e300) == 1e300 and isinstance(json_number(1e300), float)
    assert json_number(0.5) == 0.5 and json_number("2015") == "2015"
    assert jsonable({"b": (1.0, math.inf), "a": {"z": object.__name__}, 3: True}) == {
        "3": True, "a": {"z": "object"}, "b": [1, None]}
    assert list(jsonable({"b": 1, "a": 2})) == ["a", "b"]


def test_reported_severity_stays_within_the_contract():
    assert REPORTED_SEVERITY == {"inconsistent": "error", "approximate": "warning",
                                 "unverifiable": "info", "consistent": "info"}


def test_claim_end_single_and_multi_line():
    single = claim("c1", "money", "$9 million", 9e6)
    assert claim_end(single) == (single.line, single.column + 10)
    text = "It was $9\nmillion.\n"
    wrapped = claim("c2", "money", "$9\nmillion", 9e6, text=text, sentences=("It was $9", "million."))
    assert claim_end(wrapped) == (2, 8)


def test_fingerprints_are_stable_and_unique():
    prints = fingerprints([["a", "b"], ["a", "b"], ["ab"]])
    assert prints[0] == fingerprints([["a", "b"]])[0]
    assert prints[1] == prints[0] + ":2"
    assert len(set(prints)) == 3 and len(prints[0]) == 64


def test_posix_path_and_change_place():
    assert posix_path("a\\b\\c.txt") == "a/b/c.txt" and posix_path("a/b") == "a/b"
    diff = sample_diff()
    assert change_place(diff, diff.changes[0]) == ("new/a.txt", diff.changes[0].new)
    assert change_place(diff, diff.changes[2]) == ("old/a.txt", diff.changes[2].old)
    with pytest.raises(ValueError):
        change_place(diff, Change("changed", None, None))
