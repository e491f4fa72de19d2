"""Changes told by their amount: the amount is of the level's own thing, and the level before is above nothing."""

from __future__ import annotations

import pytest

from factcheck.checker import CheckOptions, check_all
from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.matcher import find_links

BOOK = load_rulebook()


def change_verdicts(text: str) -> list[str]:
    doc = load_text("t", text)
    claims, warnings = extract(doc, BOOK)
    return [c.verdict for c in check_all(find_links(doc, claims, BOOK, warnings), [], CheckOptions())
            if c.type == "percent_change"]


@pytest.mark.parametrize("text, verdicts", [
    ("The index fell 777.68 points, or 6.98%, to 10,365.45.", ["consistent"]),
    ("The index fell 777.68 points, or 4.98%, to 10,365.45.", ["inconsistent"]),
    ("Enrolment rose 4% to 2,600 pupils, an increase of 100 pupils.", ["consistent"]),
])
def test_a_change_told_by_its_amount_rate_and_new_level(text, verdicts):
    assert change_verdicts(text) == verdicts


@pytest.mark.parametrize("text", [
    "Enrolment rose 4% to 2,600, an increase of 12 teachers on last year.",  # the amount counts another thing
    "Exports rose by 1,200 cars, or 6%, to 14 markets in Asia.",  # the level before would be below nothing
    "Attendance rose by about 400, or roughly 15 percent, to just under 5,000.",  # a bound gives no level before
])
def test_an_amount_of_another_thing_or_no_level_before_raises_no_alarm(text):
    assert "inconsistent" not in change_verdicts(text)
