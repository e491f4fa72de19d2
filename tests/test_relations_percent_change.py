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


@pytest.mark.parametrize("text, verdicts", [
    ("I proposed raising the personal exemption from $750 to $1,000.", ["consistent"]),
    ("Rates rose from 48 percent to 46 percent last year.", ["inconsistent"]),
    ("We recommend a reduction in the corporate tax rate from 48 to 46 percent.", ["consistent"]),  # 48 is in percent
    ("The board cut the fee from 8 to 5 cents.", ["consistent"]),  # 8 is in cents, not dollars
])
def test_the_two_ends_alone_must_move_the_way_the_word_says(text, verdicts):
    assert change_verdicts(text) == verdicts


@pytest.mark.parametrize("text", [
    "Taxes may be reduced safely from sixty to eighty millions per annum.",  # the range of the cut
    "It reduces the receipts for postal service from 25 to 30 per cent.",
])
def test_rising_ends_after_a_word_of_a_fall_get_no_verdict(text):
    assert change_verdicts(text) == []


def test_the_ends_give_way_to_the_rate_agreement_finds():
    doc = load_text("t", "Today's action will be reflected in a 25 basis point decline in the federal funds rate "
                         "from about 6 percent to about 5-3/4 percent.")
    claims, warnings = extract(doc, BOOK)
    checks = [c for c in check_all(find_links(doc, claims, BOOK, warnings), [], CheckOptions())
              if c.type == "percent_change"]
    assert [(c.verdict, len(c.claims)) for c in checks] == [("consistent", 3)]  # the rate's check, not the ends'


def test_the_ends_give_way_to_a_rate_told_in_the_next_sentence():
    text = "And we cut the deficit from £150 billion to £90 billion. That's a cut of more than half — more than half!"
    assert change_verdicts(text) == ["inconsistent"]  # (90 − 150) ÷ 150 is a cut of 40%


def test_the_ends_leave_a_figure_free_for_another_reading():
    doc = load_text("t", "The cooperative's 312 members farm a combined 18,500 hectares. Average holdings have grown "
                         "from 42 hectares in 2005 to 59 hectares today.")
    claims, warnings = extract(doc, BOOK)
    types = sorted(c.type for c in check_all(find_links(doc, claims, BOOK, warnings), [], CheckOptions())
                   if c.type != "date_order")
    assert types == ["percent_change", "ratio"]  # 59 hectares is the move's end and 18,500 ÷ 312
