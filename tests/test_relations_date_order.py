"""Date order of a day told without a year: confirmed where its tense places it within half a year of the
document date, never judged otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.document import load_text
from factcheck.extract.rulebook import load_rulebook
from factcheck.pipeline import scan_document

BOOK = load_rulebook()


def date_checks(text: str, date: str) -> list[tuple[str, str]]:
    report = scan_document(load_text("t", text, date=dt.date.fromisoformat(date)), BOOK)
    return [(c.verdict, c.explanation) for c in report.checks if c.type == "date_order"]


@pytest.mark.parametrize("text, date, placed", [
    ("The board will hold a hearing on Dec. 9.", "2024-07-02", "2024-12-09"),
    ("The board will hold a hearing on Jan. 9.", "2024-12-20", "2025-01-09"),
    ("The wildfire has burned 18,400 acres since June 29.", "2023-07-12", "2023-06-29"),
    ("The wildfire has burned 18,400 acres since Dec. 29.", "2024-01-12", "2023-12-29"),
])
def test_a_day_without_a_year_is_placed_by_its_tense(text, date, placed):
    [(verdict, explanation)] = date_checks(text, date)
    assert verdict == "consistent" and f"read as {placed}" in explanation


@pytest.mark.parametrize("text, date", [
    ("The clinics will run on March 4.", "2024-07-02"),
    ("The wildfire has burned 18,400 acres since Sept. 3.", "2024-07-12"),
])
def test_a_day_without_a_year_far_from_the_document_gets_no_verdict(text, date):
    assert date_checks(text, date) == []


@pytest.mark.parametrize("text, date", [
    ("In 1944, Allied troops landed in Normandy on June 6.", "2024-07-01"),
    ("Last year the plant closed on Sept. 21.", "2024-10-01"),
])
def test_a_day_without_a_year_in_a_sentence_of_another_year_gets_no_verdict(text, date):
    assert date_checks(text, date) == []


def test_a_day_without_a_year_leaves_a_later_dated_deadline_its_alarm():
    checks = date_checks("The agency will hire staff by June 30 and finish the work by March 2023.", "2024-06-01")
    assert [verdict for verdict, _ in checks] == ["inconsistent"]


def test_a_day_told_last_is_never_confirmed_as_ahead():
    checks = date_checks("As a first step, I requested on June 6 last that Congress should appoint a joint committee.", "1929-12-03")
    assert "ahead" not in " ".join(explanation for _, explanation in checks)
