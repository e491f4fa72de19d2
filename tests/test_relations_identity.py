"""Links by identity: a part told "of the number admitted", "of the 2025 request", "of which" takes as its whole
the figure told with the phrase's words, or the only figure of its kind before it; never a gap, nor a year."""

from __future__ import annotations

import pytest

from factcheck.checker import CheckOptions, check_all
from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.identity import alike_stems, own_clause, stems, told_of
from factcheck.relations.matcher import find_links

BOOK = load_rulebook()


def wholes(text: str) -> list[tuple[str, str, str]]:
    """(part, whole, verdict) of each part-of-whole check of the text."""
    doc = load_text("t", text)
    claims, warnings = extract(doc, BOOK)
    found = check_all(find_links(doc, claims, BOOK, warnings), [], CheckOptions())
    texts = {c.id: c.text for c in claims}
    return [(texts[c.claims[0]], texts[c.claims[1]], c.verdict) for c in found if c.type == "part_of_whole"]


def test_the_phrase_names_the_whole_by_its_verb():
    text = ("For 2025 the board has requested $48,600,000, against $41,250,000 granted for 2024. "
            "Of the 2025 request, $12,400,000 is for new schools.")
    assert wholes(text) == [("$12,400,000", "$48,600,000", "consistent")]


def test_a_date_set_off_by_commas_keeps_the_clause_before_it():
    text = ("There were admitted during the fiscal year ended June 30, 1921, 805,228 aliens, as compared with 430,001 "
            "during the year preceding. Of the number admitted, 652,364 came from Europe.")
    assert wholes(text) == [("652,364", "805,228 aliens", "consistent")]


def test_a_part_larger_than_the_named_whole_alarms():
    text = ("The agency requested $9.4 million for the year, against $8.1 million granted, and of the request, "
            "$12.2 million was for salaries.")
    assert wholes(text) == [("$12.2 million", "$9.4 million", "inconsistent")]


def test_words_of_the_clause_before_name_no_figure_that_opens_its_own():
    text = ("Sixty-five of the suspended banks were insolvent, 86 resumed business, and 7 remain. "
            "Of the new banks organized, 44 were located in the East.")
    assert wholes(text) == []


@pytest.mark.parametrize("text", [
    "The crop exceeds that of last season by 910,000 bushels. Of the present crop, 2,220,000 bushels were shipped.",
    "The net reduction in authority will be 5.0 billion dollars, because, of the appropriations, 1.2 billion dollars "
    "will be restored.",
])
def test_a_gap_or_a_change_is_no_whole_by_place(text):
    assert wholes(text) == []


def test_of_these_before_a_figure_and_a_comma_is_no_anaphor():
    text = "The receipts of the year were $22,300,000. But of these $22,000,000, upward of $6,000,000 went to the debt."
    assert ("$22,000,000", "$22,300,000", "consistent") not in wholes(text)


@pytest.mark.parametrize("before, clause", [
    ("Sixty-five of the suspended banks were insolvent, ", " "),
    ("There were admitted during the year ended June 30, 1921, ", "There were admitted during the year ended June 30"),
    ("the Administration has requested appropriations of ", "the Administration has requested appropriations of "),
])
def test_own_clause(before, clause):
    assert own_clause(before) == clause


@pytest.mark.parametrize("text", [
    "The coinage of the year amounted to 31,423,886, making the total coinage 344,580,000 dollars, of which 56,278,749 "
    "were in circulation.",
    "There were organized during the year 28 national banks, located in 15 States, of which 12 were in the East.",
])
def test_of_which_takes_the_level_right_before_or_none(text):
    assert not [found for found in wholes(text) if found[1] in ("31,423,886", "15")]


def test_of_these_takes_the_only_level_before_it():
    text = "The naval force consists of 588 vessels completed and building, and of these 75 are ironclad."
    assert wholes(text) == [("75", "588 vessels", "consistent")]


@pytest.mark.parametrize("text", [
    "The tornado damaged homes in 4 towns. Of the homes damaged, 120 were destroyed.",
    "The fund generated $3 million last year. Of the general fund, $5 million went to schools.",
    "The union had 8,000 members before the strike. Of the present members, 9,000 joined since March.",
    "The state collected $40 million in taxes in 1921 and $52 million in 1922. Of the taxes collected, $45 million came "
    "from property.",
])
def test_a_phrase_takes_no_whole_that_counts_another_thing_lacks_a_word_or_its_time(text):
    assert wholes(text) == []


def test_the_noun_of_the_phrase_chooses_among_figures_told_with_one_verb():
    text = "The library lent 9,000 films and 84,000 books. Of the films lent, 15,000 were documentaries."
    assert wholes(text) == [("15,000", "9,000 films", "inconsistent")]


@pytest.mark.parametrize("one, other, same", [
    ("requested", "request", True), ("produced", "production", True), ("generated", "general", False),
    ("contributed", "contracts", False), ("films", "film", True),
])
def test_stems_of_one_word(one, other, same):
    assert alike_stems(stems({one}), stems({other})) is same


def test_a_figure_told_as_the_amount_of_a_noun_is_told_of_it():
    claims, _ = extract(load_text("t", "The year closed with an excess of exports of $176,000,000, and imports of $3,780,000,000."), BOOK)
    excess, imports = claims
    assert told_of(excess, "excess") and not told_of(imports, "excess")
    sum_of, _ = extract(load_text("t", "Only the sum of $132,934 was collected, of $541,808.43 imposed."), BOOK)
    assert not told_of(sum_of[0], "sum")  # "the sum of": a word any amount takes, no noun of its own
