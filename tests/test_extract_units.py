"""Unit arithmetic through pint."""

from __future__ import annotations

import pytest

from factcheck.extract.units import convert, dimension, factor, is_unit


@pytest.mark.parametrize("name", ["kilometer", "mile", "metric_ton", "short_ton", "degC", "km / hour"])
def test_known_units(name):
    assert is_unit(name)


@pytest.mark.parametrize("name", ["zorkmid", "kilometre per fortnightly", "5 +"])
def test_unknown_units(name):
    assert not is_unit(name)


def test_factor_between_units_of_one_dimension():
    assert factor("mile", "kilometer") == pytest.approx(1.609344)
    assert factor("metric_ton", "kilogram") == pytest.approx(1000)
    assert factor("short_ton", "kilogram") == pytest.approx(907.18474)


@pytest.mark.parametrize(("source", "target"), [("kilometer", "kilogram"), ("zorkmid", "meter"), ("meter", "zorkmid")])
def test_no_factor_across_dimensions_or_for_unknown_units(source, target):
    assert factor(source, target) is None
    assert convert(1, source, target) is None


def test_convert_handles_offset_units():
    assert convert(100, "degC", "degF") == pytest.approx(212)
    assert convert(0, "degC", "kelvin") == pytest.approx(273.15)
    assert convert(3, "mile", "kilometer") == pytest.approx(4.828032)


def test_dimension():
    assert dimension("ton") == "[mass]"
    assert dimension("km") == "[length]"
    assert dimension("zorkmid") is None


def test_a_unit_over_itself_is_one_without_loading_pint():
    # "a year and a half" converts its second part from years to years: no reason to load pint
    from factcheck.extract import units

    units.registry.cache_clear()
    assert factor("year", "year") == 1.0
    assert units.registry.cache_info().currsize == 0
    assert factor("kilometer / hour", "kilometer / hour") == pytest.approx(1.0)


def test_canonical_spells_an_expression_as_pint_does():
    from factcheck.extract.units import canonical

    assert canonical("(kilogram) / ((meter) ** 3)") == "kilogram / meter ** 3"
    assert canonical("zorkmid / second") is None
