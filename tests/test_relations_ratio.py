"""Averages and rates per unit: the thing counted is the thing each figure is per."""

from __future__ import annotations

import pytest

from factcheck.checker import CheckOptions, check_all
from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.matcher import find_links

BOOK = load_rulebook()


def ratio_verdicts(text: str) -> list[str]:
    doc = load_text("t", text)
    claims, warnings = extract(doc, BOOK)
    return [c.verdict for c in check_all(find_links(doc, claims, BOOK, warnings), [], CheckOptions()) if c.type == "ratio"]


@pytest.mark.parametrize("text, verdict", [
    ("The district bought 4,500 Chromebooks at $260 each, so about $1.2 million.", "consistent"),
    ("The district bought 4,500 Chromebooks at $260 each, so about $1.6 million.", "inconsistent"),
    ("The number of depositors was 1,212,334, and the amount due depositors $549,474,276, being an average of "
     "$463.24 to each depositor.", "inconsistent"),
])
def test_a_count_its_price_each_and_the_total(text, verdict):
    assert ratio_verdicts(text) == [verdict]


def test_an_average_to_each_of_another_thing_than_the_number_counts_is_no_check():
    text = ("The number of schools was 1,200, and the amount paid in teachers' salaries $6,000,000, being an average "
            "of $40 to each pupil.")
    assert "inconsistent" not in ratio_verdicts(text)
