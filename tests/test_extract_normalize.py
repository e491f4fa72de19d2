"""Reading the named groups of a match: compound units."""

from __future__ import annotations

from factcheck.extract.normalize import compound_unit
from factcheck.extract.rulebook import load_rulebook

BOOK = load_rulebook()
TABLES = ("pint_symbol", "quantity_unit", "length_unit", "duration_unit", "per_symbol")


def test_a_unit_over_a_unit_is_their_quotient():
    assert compound_unit(BOOK, TABLES, "kg/m³") == "kilogram / meter ** 3"
    assert compound_unit(BOOK, TABLES, "g / cm3") == "gram / centimeter ** 3"
    assert compound_unit(BOOK, TABLES, "megabytes per second") == "megabyte / second"


def test_an_unknown_part_gives_no_unit():
    assert compound_unit(BOOK, TABLES, "kg/zork") is None
    assert compound_unit(BOOK, TABLES, "kg") is None


def groups_of(rule_id: str, text: str) -> tuple:
    rule = next(r for r in BOOK.rules if r.id == rule_id)
    match = rule.compiled.search(text)
    return rule, {k: v for k, v in match.groupdict().items() if v is not None}


def test_a_country_in_the_sentence_settles_an_ambiguous_currency():
    from factcheck.extract.normalize import normalize

    rule, groups = groups_of("money.amount-name", "a taxi in Morocco costs 600 dirhams")
    found = normalize(rule, groups, BOOK, None)
    assert found.unit == "MAD"
    assert "morocco" in found.extra["currency_context"]
    assert "ambiguous" not in found.extra


def test_without_context_the_currency_stays_ambiguous():
    from factcheck.extract.normalize import normalize

    rule, groups = groups_of("money.amount-name", "a taxi costs 600 dirhams")
    found = normalize(rule, groups, BOOK, None)
    assert found.unit is None
    assert "dirham" in found.extra["ambiguous"]


def test_a_tolerance_gives_the_interval():
    from factcheck.extract.normalize import normalize

    rule, groups = groups_of("quantity.number-unit", "2,000.45 ± 0.01 kg")
    found = normalize(rule, groups, BOOK, None)
    assert (found.value, found.low, found.high) == (2000.45, 2000.44, 2000.46)


def test_a_compound_of_three_parts_is_given_in_its_smallest_unit():
    from factcheck.extract.normalize import normalize

    rule, groups = groups_of("quantity.duration", "a record of 1 hour 20 minutes 5 seconds")
    found = normalize(rule, groups, BOOK, None)
    assert (found.value, found.unit) == (4805, "second")
    rule, groups = groups_of("distance.compound", "2 yards, 7 feet and 10 inches")
    found = normalize(rule, groups, BOOK, None)
    assert (found.value, found.unit) == (166, "inch")


def test_a_part_in_an_unknown_unit_gives_no_value():
    import pytest

    from factcheck.extract.normalize import compound
    from factcheck.extract.normalized import NoValue

    with pytest.raises(NoValue):
        compound(1, "hour", "20", "zorks", BOOK, {"unit": ("duration_unit",)})


def test_a_rate_period_is_read_from_the_table_the_rule_names():
    from factcheck.extract.normalize import normalize

    rule, groups = groups_of("quantity.per-hundred", "it burns 6.5 l/100 km")
    found = normalize(rule, groups, BOOK, None)
    assert (found.value, found.unit, found.extra["per"]) == (6.5, "liter", "100 kilometer")
