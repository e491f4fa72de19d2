"""Reading the named groups of a match: compound units."""

from __future__ import annotations

from factcheck.normalize import compound_unit
from factcheck.rulebook import load_rulebook

BOOK = load_rulebook()
TABLES = ("pint_symbol", "quantity_unit", "length_unit", "duration_unit", "per_symbol")


def test_a_unit_over_a_unit_is_their_quotient():
    assert compound_unit(BOOK, TABLES, "kg/m³") == "kilogram / meter ** 3"
    assert compound_unit(BOOK, TABLES, "g / cm3") == "gram / centimeter ** 3"
    assert compound_unit(BOOK, TABLES, "megabytes per second") == "megabyte / second"


def test_an_unknown_part_gives_no_unit():
    assert compound_unit(BOOK, TABLES, "kg/zork") is None
    assert compound_unit(BOOK, TABLES, "kg") is None
