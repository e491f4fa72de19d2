"""Shares: a percentage that is the change from a level then to a level now is no share of the first."""

from __future__ import annotations

from factcheck.checker import CheckOptions, check_all
from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.matcher import find_links

BOOK = load_rulebook()


def share_verdicts(text: str) -> list[str]:
    doc = load_text("t", text)
    claims, warnings = extract(doc, BOOK)
    return [c.verdict for c in check_all(find_links(doc, claims, BOOK, warnings), [], CheckOptions()) if c.type == "share"]


def test_a_change_told_as_that_s_p_percent_is_no_share():
    text = ("CALLER: Last year it was forty-one point five million. This year it's forty-four point two. "
            "That's, uh, about six and a half percent.")
    assert share_verdicts(text) == []


def test_a_share_that_fits_no_change_still_alarms():
    text = "CALLER: The whole budget is forty-one point five million. Salaries are thirty-one. That's about ninety percent."
    assert share_verdicts(text) == ["inconsistent"]


def test_a_share_told_as_a_bound_is_never_read_as_a_change():
    text = ("Enrollment fell to 5,120 students this spring, down 8 percent from 5,565 a year earlier. "
            "Part-time students numbered 6,340, less than half of the total.")
    assert share_verdicts(text) == ["inconsistent"]


def test_a_share_of_them_is_of_the_first_level_of_its_sentence_not_the_nearest():
    text = ("FOUNDER: Three hundred and forty employees, it's grown tenfold since twenty fifteen, when we were "
            "thirty-four, and about a third of them are engineers, so a hundred and ten or so.")
    assert "inconsistent" not in share_verdicts(text)
    assert share_verdicts("We planted 400 acres, and we lost a quarter of it, so call it 150 acres gone.") == ["inconsistent"]
