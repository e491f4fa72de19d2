"""Elapsed years ("fifty years ago, in 1969", "87 years since …, in 1776") through a whole scan."""

import datetime as dt

import pytest

from factcheck.document import load_text
from factcheck.pipeline import scan_document
from factcheck.extract.rulebook import load_rulebook


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def verdicts(book, text: str, date: str | None) -> list[tuple[str, str]]:
    doc = load_text("t.txt", text, date=dt.date.fromisoformat(date) if date else None)
    return [(c.type, c.verdict) for c in scan_document(doc, book).checks if c.type == "anniversary"]


@pytest.mark.parametrize("text, date, verdict", [
    ("Fifty years ago today, on July 20, 1969, two men walked on the Moon.", "2019-07-20", "consistent"),
    ("Fifty years ago today, on July 20, 1968, two men walked on the Moon.", "2019-07-20", "inconsistent"),
    ("Fifty years ago today, on July 21, 1969, two men walked on the Moon.", "2019-07-20", "inconsistent"),
    ("Thirty years ago, in 1990, the mill closed.", "2019-03-01", "consistent"),  # 29 years: rounded
    ("Thirty years ago, in 1991, the mill closed.", "2019-03-01", "inconsistent"),
    ("Some thirty years ago, in 1991, the mill closed.", "2019-03-01", "consistent"),  # hedged: two years
    ("It is now eighty-seven years since our fathers, in 1776, brought forth a nation.", "1863-11-19", "consistent"),
    ("It is now eighty-seven years since our fathers, in 1766, brought forth a nation.", "1863-11-19", "inconsistent"),
    ("It is now one hundred years since the first oath of office, on April 30, 1789.", "1889-03-04", "consistent"),  # rounded
    ("It is now one hundred years since the first oath of office, on April 30, 1792.", "1889-03-04", "inconsistent"),
])
def test_a_span_up_to_now_is_checked_against_the_year_it_reaches(book, text, date, verdict):
    assert verdicts(book, text, date) == [("anniversary", verdict)]


@pytest.mark.parametrize("text, date", [
    ("Fifty years ago, in 1969, two men walked on the Moon.", None),  # no time of speaking
    ("By 1950 it had been five years since the war ended in 1945.", "2020-01-01"),  # a span that ended
    ("In 1950, five years after the war ended in 1945, the plant reopened.", "2020-01-01"),
])
def test_no_check_without_the_time_of_speaking(book, text, date):
    assert verdicts(book, text, date) == []


def test_a_span_after_a_run_of_years_is_its_length_not_a_span_up_to_now(book):
    text = "The book covers roughly 1931 to 1958, so about twenty-seven years of it."
    assert ("anniversary", "inconsistent") not in verdicts(book, text, "2021-04-22")


@pytest.mark.parametrize("text, date, verdict", [
    ("The mill burned on May 9, 1911, a hundred and ten years ago this weekend.", "2021-05-06", "consistent"),
    ("The mill burned on May 9, 1911, a hundred and twelve years ago this weekend.", "2021-05-06", "inconsistent"),
])
def test_years_ago_of_a_day_round_to_the_nearest_year_unless_said_to_be_today(book, text, date, verdict):
    assert verdicts(book, text, date) == [("anniversary", verdict)]


@pytest.mark.parametrize("text, verdict", [
    ("And by twenty twenty-eight — that's five years out — we want all of them electric.", "consistent"),
    ("And by twenty thirty — that's five years out — we want all of them electric.", "inconsistent"),
])
def test_a_span_out_to_a_year_ahead_counts_forward(book, text, verdict):
    assert verdicts(book, text, "2023-02-15") == [("anniversary", verdict)]


@pytest.mark.parametrize("text, verdict", [
    ("He reports that from January 1, 1879, to July 14, 1890, a period of more than eleven years, little was "
     "withdrawn.", "consistent"),
    ("He reports that from January 1, 1879, to July 14, 1890, a period of more than fifteen years, little was "
     "withdrawn.", "inconsistent"),
])
def test_a_run_of_years_and_its_length(book, text, verdict):
    assert verdicts(book, text, "1895-12-05") == [("anniversary", verdict)]


@pytest.mark.parametrize("text, verdict", [
    ("The probe, launched in October 2018, entered orbit on Tuesday after a journey of almost five years.", "consistent"),
    ("The probe, launched in October 2018, entered orbit on Tuesday after a journey of almost seven years.", "inconsistent"),
    ("Thirty years ago, in March 1993, the mill closed.", "consistent"),
    ("Thirty years ago, in March 1991, the mill closed.", "inconsistent"),
])
def test_a_span_from_a_month_is_held_against_the_months_since_it(book, text, verdict):
    assert verdicts(book, text, "2023-06-13") == [("anniversary", verdict)]
