"""Differences through a whole scan: levels of two sentences that count different things are no pair a gap lies
between, and the part of a whole is the subject of the gap that follows it."""

import datetime as dt

from factcheck.document import load_text
from factcheck.extract.rulebook import load_rulebook
from factcheck.pipeline import scan_document

BOOK = load_rulebook()


def checks(text: str) -> list[tuple[str, str]]:
    doc = load_text("t.txt", text, date=dt.date(2023, 9, 14))
    return [(c.type, c.verdict) for c in scan_document(doc, BOOK).checks]


def test_levels_of_two_sentences_counting_different_things_give_no_gap():
    text = ("HOST: So the Rovers finished with, what, twenty-two wins from thirty-eight games? "
            "COACH: Twenty-two wins, yeah, and, um, nine draws, so we lost seven.")
    assert ("difference", "inconsistent") not in checks(text)


def test_the_same_levels_in_one_measure_still_give_a_gap():
    text = "The subsidy came in at $318,000. We'd budgeted $260,000, so we're $68,000 over."
    assert ("difference", "inconsistent") in checks(text)


def test_a_part_of_a_whole_is_the_subject_of_the_gap_after_it():
    text = "The count gives the party 58 of the 150 seats, 18 short of a majority of 76."
    assert ("difference", "consistent") in checks(text)
    assert ("difference", "inconsistent") in checks(text.replace("18 short", "28 short"))


def test_a_gap_with_a_sign_between_counts_of_near_synonyms_stays():
    assert ("difference", "consistent") in checks("The school had 1,200 pupils in 2010. It now has 1,450 students, 250 more.")
