"""Conversions of temperature: a reading, or a difference where the words or a scale left unsaid make it one."""

from __future__ import annotations

import pytest

from factcheck.checker import CheckOptions, check_all
from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.matcher import find_links

BOOK = load_rulebook()


def conversions(text: str) -> list[str]:
    doc = load_text("t", text)
    claims, warnings = extract(doc, BOOK)
    return [c.verdict for c in check_all(find_links(doc, claims, BOOK, warnings), [], CheckOptions()) if c.type == "conversion"]


@pytest.mark.parametrize("text, verdict", [
    ("GUEST: One point three degrees, or roughly two point three Fahrenheit.", "consistent"),
    ("It was two degrees, or thirty-six Fahrenheit, at dawn.", "consistent"),
    ("It was two degrees, or forty-six Fahrenheit, at dawn.", "inconsistent"),
    ("The city recorded 20°C (36°F) at noon.", "inconsistent"),
])
def test_degrees_without_a_scale_may_be_a_difference(text, verdict):
    assert conversions(text) == [verdict]


@pytest.mark.parametrize("text", ["The water was 9 degrees, or 16 Fahrenheit.", "Overnight it fell to 4 degrees, or about 7 Fahrenheit."])
def test_small_degrees_told_as_a_reading_are_judged_as_one(text):
    assert conversions(text) == ["inconsistent"]


def test_the_size_of_one_is_no_restatement_of_the_total():
    assert conversions("The harvest is forecast at 50.4 million 60-kilogram bags, roughly 3.0 million tonnes.") == []
