"""Ranges: a range written backwards alarms, but not the two ends of a change told "from X to Y"."""

from __future__ import annotations

import pytest

from factcheck.checker import CheckOptions, check_all
from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.matcher import find_links

BOOK = load_rulebook()


def range_verdicts(text: str) -> list[str]:
    doc = load_text("t", text)
    claims, warnings = extract(doc, BOOK)
    return [c.verdict for c in check_all(find_links(doc, claims, BOOK, warnings), [], CheckOptions()) if c.type == "range"]


@pytest.mark.parametrize("text, verdicts", [
    ("The application raises the base charge from eighteen fifty to twenty-four dollars.", []),
    ("Estimates put the cost at 24 to 18 dollars a head.", ["inconsistent"]),
    ("He studied there from 1997-1993.", ["inconsistent"]),
])
def test_a_change_told_from_x_to_y_is_no_range_written_backwards(text, verdicts):
    assert range_verdicts(text) == verdicts


def test_a_decimal_in_words_is_never_split_into_a_range():
    assert range_verdicts("The levy rate came down, from one point two to one point one five percent.") == []


@pytest.mark.parametrize("text, verdicts", [
    ("The rate came down from, like, four point two to three point nine percent.", []),
    ("The dam's capacity ranges from 12 to 9 million acre-feet.", ["inconsistent"]),
])
def test_from_after_a_filler_or_a_range_verb(text, verdicts):
    assert range_verdicts(text) == verdicts


def test_from_without_a_verb_of_change_is_a_range():
    assert range_verdicts("Seats cost from 80 to 45 dollars, the theatre said.") == ["inconsistent"]


@pytest.mark.parametrize("text, verdicts", [
    ("The shares were priced at $26, the top of the $24-to-$26 range.", ["consistent"]),
    ("The shares were priced at $28, the top of the $24-to-$26 range.", ["inconsistent"]),
    ("Inflation was 3.4%, in the middle of the bank's 1%-3% target band.", ["inconsistent"]),
])
def test_a_figure_placed_in_a_range_lies_between_its_ends(text, verdicts):
    assert range_verdicts(text)[:1] == verdicts
