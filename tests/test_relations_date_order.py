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
    assert not [e for _, e in date_checks(text, date) if "without a year" in e]


def test_a_day_without_a_year_leaves_a_later_dated_deadline_its_alarm():
    checks = date_checks("The agency will hire staff by June 30 and finish the work by March 2023.", "2024-06-01")
    assert [verdict for verdict, _ in checks] == ["inconsistent"]


def test_a_day_told_last_is_never_confirmed_as_ahead():
    checks = date_checks("As a first step, I requested on June 6 last that Congress should appoint a joint committee.", "1929-12-03")
    assert "ahead" not in " ".join(explanation for _, explanation in checks)


@pytest.mark.parametrize("text, date, placed", [
    ("Another overture was made to Mexico, by my direction, on the 27th of July last.", "1846-12-05", "1846-07-27"),
    ("The victories of our arms on the 9th of May last were brilliant.", "1846-12-05", "1846-05-09"),  # 210 days
    ("The number of post-offices on the 1st day of July last was 18,417, an increase of 1,670 during the preceding year.",
     "1850-12-05", "1850-07-01"),  # "last" places the day, whatever other year the sentence names
    ("The expenditure over the four years ending June 30 next will amount to $2,350,000,000.", "1932-12-05",
     "1933-06-30"),
])
def test_a_day_told_last_or_next_is_confirmed_within_a_year(text, date, placed):
    [(verdict, explanation)] = date_checks(text, date)
    assert verdict == "consistent" and f"read as {placed}" in explanation


@pytest.mark.parametrize("text, verdict", [
    ("And finally, we shall continue that increase so that next year, 1943, we shall build more ships.", "consistent"),
    ("And finally, we shall continue that increase so that next year, 1944, we shall build more ships.", "inconsistent"),
    ("Last year, 1941, was a year of trial.", "consistent"),
])
def test_a_year_told_beside_the_words_that_name_it_must_be_that_year(text, verdict):
    assert [v for v, _ in date_checks(text, "1942-01-31")] == [verdict]


def test_two_dates_counted_from_the_document_date_are_not_a_year_and_its_name():
    assert date_checks("It was just 3 years ago today that I took the oath of office.", "1972-01-20") == []


@pytest.mark.parametrize("text, date, verdict", [
    ("I had occasion in my message of May 4, 1906, to urge the passage of some law.", "1908-12-05", "consistent"),
    ("I had occasion in my message of May 4, 1906, to urge the passage of some law.", "1905-12-05", "inconsistent"),
    ("The treaty with Nicaragua of the 16th of February, 1857, failed to receive the ratification.", "1859-12-05",
     "consistent"),
    ("Under the act of Congress approved April 26, 1898, I directed the increase of the Army.", "1898-12-05",
     "consistent"),
    ("On the 1st day of January, 1899, urgent orders were reiterated.", "1899-12-05", "consistent"),
    ("On the 1st day of January, 1899, urgent orders were reiterated.", "1898-12-05", "inconsistent"),
])
def test_a_document_named_by_its_date_and_a_sentence_that_opens_with_its_year_lie_behind(text, date, verdict):
    assert [v for v, _ in date_checks(text, date)] == [verdict]


@pytest.mark.parametrize("text, date, verdicts", [
    ("Jackson was President in 1835.", "2000-01-31", ["consistent"]),
    ("In 1977, we developed the Urban Development Action Grant program.", "1979-01-31", ["consistent"]),
    ("In 1977, we developed the Urban Development Action Grant program.", "1976-01-31", []),
    ("In 2035, the crew of the Ares landed on Mars, in the novel.", "2015-06-01", []),
    ("Estimated expenditures for the fiscal year ending June 30, 1878, are $36,723,432.43.", "1876-12-05", ["consistent"]),
    ("Estimated expenditures for the fiscal year ending June 30, 1875, are $36,723,432.43.", "1876-12-05", []),
    ("Jackson was President in 2035.", "2000-01-31", []),  # a sole reading never alarms
    ("The board was told the exposition would open in 1899.", "1900-12-05", []),
    ("Our expenditures this year will reach $780,000,000 compared with $260,000,000 in 1928.", "1931-12-05",
     ["consistent"]),
])
def test_sole_readings_of_a_date_only_confirm(text, date, verdicts):
    assert [v for v, _ in date_checks(text, date)] == verdicts


@pytest.mark.parametrize("text", [
    "On the 1st day of January, 1906, the reorganized service will be transferred to the new bureau.",
    "On the 1st day of July, 1906, the increased rates, as enacted by Congress, go into effect.",
])
def test_a_sentence_that_opens_with_its_date_and_tells_the_future_is_no_past(text):
    assert ("inconsistent" not in [v for v, _ in date_checks(text, "1905-12-05")])


@pytest.mark.parametrize("text", [
    "The war began in 1861; the next year, 1862, brought the draft.",
    "In 2019 she told reporters: 'Next year, 2020, will be ours.'",
    "We shall build more than the tonnage of 1941, and next year, 1944, more again.",  # a sentence of another year
])
def test_a_next_year_counted_from_another_time_is_not_checked_against_the_document(text):
    assert not [e for _, e in date_checks(text, "1952-01-31") if "stated" in e]


def test_a_day_told_last_on_its_own_date_is_a_year_back():
    [(verdict, explanation)] = date_checks("It was paid on the 3d of December last.", "1932-12-03")
    assert verdict == "consistent" and "read as 1931-12-03" in explanation


@pytest.mark.parametrize("text, date, placed", [
    ("The hall will reopen in September.", "2022-06-21", "2022-09"),
    ("Information received since the Committee met in December shows slower growth.", "2023-01-09", "2022-12"),
    ("Information received since the Committee met in March indicates that growth has slowed.", "2016-04-27", "2016-03"),
    ("We expect to finish in October next, weather permitting.", "2023-03-28", "2023-10"),
])
def test_a_month_told_alone_is_placed_by_its_tense(text, date, placed):
    [(verdict, explanation)] = date_checks(text, date)
    assert verdict == "consistent" and f"read as {placed}" in explanation


@pytest.mark.parametrize("text, date", [
    ("The hall will reopen in March.", "2022-06-21"),  # nine months out: the tense may be misread as easily
    ("In 2019 the plant closed in September.", "2022-06-21"),  # another year places it
    ("The Titanic sank in April, with the loss of more than 1,500 lives.", "2024-06-10"),  # no word of a recent past
    ("When I was a boy, we always went to the sea in August.", "2024-10-02"),  # a habit
])
def test_a_month_told_alone_far_off_or_in_another_year_gets_no_verdict(text, date):
    assert not [explanation for _, explanation in date_checks(text, date) if "read as" in explanation]


def test_a_later_year_told_after_a_day_ahead_belongs_to_another_event():
    [day, _] = date_checks("Crews will begin the second phase on June 3, with completion targeted for late 2025.",
                           "2024-04-22")
    assert day[0] == "consistent" and "read as 2024-06-03" in day[1]


@pytest.mark.parametrize("text, date, verdicts", [
    ("The remaining men will be mustered out by the 10th of this month.", "1898-12-05", ["consistent"]),
    ("The steamer arrived at this port on the 17th instant with the mails.", "1869-11-30", ["consistent"]),
    ("Your note of the 3d ultimo was received.", "1851-12-05", ["consistent"]),
    ("We estimate that our accounts will show, on June 30, this year, a favorable balance.", "1960-01-31", ["consistent"]),
    ("The men were mustered out on the 20th of this month.", "1898-12-05", []),  # confirmed only, never an alarm
    ("A despatch dated January 20 reports that the riot occurred on the 3d instant.", "1890-03-25", []),  # its month
])
def test_a_day_the_documents_month_places_is_confirmed_by_its_tense(text, date, verdicts):
    assert [verdict for verdict, _ in date_checks(text, date)] == verdicts


def test_a_month_told_alone_after_a_sentence_of_another_year_gets_no_verdict():
    checks = date_checks("The device was tested in April 1945. Then, in July, a great flash of light heralded victory.",
                         "1953-01-31")
    assert not [e for _, e in checks if "without a year" in e]


@pytest.mark.parametrize("text", [
    "In 1985 the city approved a levy that will run until 2010.",  # a relative clause's future, in a past sentence
    "In 1985 Congress passed a law that will shape trade for decades.",
    "Back in 1985 the bank said it expects rates to stay low through 1988.",  # an expectation reported in the past
    "The auditors expect to examine records through 1987.",  # a span that looks back
])
def test_a_future_told_inside_a_past_or_a_span_told_back_raises_no_alarm(text):
    assert "inconsistent" not in [verdict for verdict, _ in date_checks(text, "1990-06-01")]
