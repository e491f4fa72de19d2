"""Figures a speaker takes back: the correction stands, the slip is no operand and leaves the window."""

from __future__ import annotations

import pytest

from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.matcher import find_links
from factcheck.relations.retraction import retracted

BOOK = load_rulebook()


def slips(text: str) -> list[str]:
    doc = load_text("t", text)
    claims, _ = extract(doc, BOOK)
    taken = retracted(doc, claims, BOOK)
    return [c.text for c in claims if c.id in taken]


@pytest.mark.parametrize("text, slip", [
    ("Today it's thirty-one thousand — sorry, twenty-eight thousand cases.", "thirty-one thousand"),
    ("This year, 340 — no, I'm sorry, 240 burglaries.", "340"),
    ("The plant made $5 million, I mean $6 million, of profit.", "$5 million"),
    ("We had 40, or rather 45, staff on the site.", "40"),
])
def test_a_figure_corrected_in_passing_is_taken_back(text, slip):
    assert slips(text) == [slip]


@pytest.mark.parametrize("text", [
    "Sales rose 40%, rather than the 45% forecast.",  # a comparison, not a correction
    "It cost $5 million; sorry to say, $6 million more is needed next year.",  # too many words between
    "In 2019, sorry, 18% of them left.",  # a year and a share are not one figure said twice
])
def test_other_figures_stay(text):
    assert slips(text) == []


def test_the_window_leaves_the_slip_out():
    doc = load_text("t", "Last year the shelter took in 412 dogs. This year, 350 — sorry, 380. So that's 62 fewer.")
    claims, _ = extract(doc, BOOK)
    links = [link for link in find_links(doc, claims, BOOK) if link.type == "difference"]
    assert [[c.text for c in link.role("reference")] for link in links if not link.open] == [["380"]]
    assert "350" not in {c.text for link in links for found in link.open.values() for c in found}  # nor may agreement take it


def test_no_fragment_no_retraction():
    doc = load_text("t", "We had 40, or rather 45, staff.")
    claims, _ = extract(doc, BOOK)
    book = load_rulebook()
    del book.fragments["retraction"]
    assert retracted(doc, claims, book) == {}
