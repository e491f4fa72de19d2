"""Dates through extraction: absolute dates, ranges, decades, and relative dates resolved
against the document date (or left unresolved without one)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook

SUNDAY = dt.date(2015, 2, 22)


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def dates(book, text: str, date: dt.date | None = None):
    claims, _ = extract(load_text("t.txt", text, date=date), book)
    return [c for c in claims if c.kind == "date"]


def only_date(book, text: str, date: dt.date | None = None):
    found = dates(book, text, date)
    assert len(found) == 1, [(c.text, c.value) for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("It opened on February 22, 2015.", "February 22, 2015", "2015-02-22"),
        ("It opened on Feb. 22nd 2015 at noon.", "Feb. 22nd 2015", "2015-02-22"),
        ("It opened on 22 February 2015.", "22 February 2015", "2015-02-22"),
        ("It opened on the 3rd of March, 2016.", "3rd of March, 2016", "2016-03-03"),
        ("The file is dated 2015-02-22 here.", "2015-02-22", "2015-02-22"),
        ("In November 2013 the coal was shipped.", "November 2013", "2013-11"),
        ("It ended in 1953 after talks.", "1953", "1953"),
        ("It was planned by 2020 at the latest.", "2020", "2020"),
        ("On February 29, 2016 it rained.", "February 29, 2016", "2016-02-29"),
    ],
)
def test_absolute_dates(book, text, surface, value):
    claim = only_date(book, text)
    assert (claim.text, claim.value, claim.low, claim.high) == (surface, value, None, None)
    assert not claim.extra.get("relative")


@pytest.mark.parametrize("text", ["It opened on February 30, 2015.", "It opened on February 29, 2015."])
def test_impossible_dates_are_not_dates(book, text):
    assert not [c for c in dates(book, text) if c.text.startswith("February")]


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("The Korean War (1950-53) ended.", "1950-53", "1950", "1953"),
        ("He studied there from 1993-97 in Moscow.", "1993-97", "1993", "1997"),
        ("The 2012\u201313 season was long.", "2012\u201313", "2012", "2013"),
        ("The 1999-01 seasons were long.", "1999-01", "1999", "2001"),
        ("It ran from 2015 to 2019, then stopped.", "from 2015 to 2019", "2015", "2019"),
        ("It ran between 2015 and 2019 in all.", "between 2015 and 2019", "2015", "2019"),
    ],
)
def test_ranges(book, text, surface, low, high):
    claim = only_date(book, text)
    assert (claim.text, claim.value, claim.low, claim.high) == (surface, None, low, high)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("He studied there from 1997-1993 in Moscow.", "1997", "1993"),
        ("It ran from 2019 to 2015, then stopped.", "2019", "2015"),
    ],
)
def test_a_backwards_range_is_kept_as_written(book, text, low, high):
    claim = only_date(book, text)
    assert (claim.low, claim.high) == (low, high)


def test_a_two_digit_end_below_its_start_is_a_backwards_range(book):
    """'1997-93' is a slip for 1993-97, not a span of almost a century."""
    claim = only_date(book, "He studied there from 1997-93 in Moscow.")
    assert (claim.low, claim.high) == ("1997", "1993")


def test_a_year_and_month_is_not_a_century_long_range(book):
    assert all(c.high != "2102" for c in dates(book, "In 2015-02 the talks began."))


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("In the 1990s it grew fast.", "the 1990s", "1990", "1999"),
        ("In the 2000s it grew fast.", "the 2000s", "2000", "2009"),
        ("In the '80s it grew fast.", "the '80s", "1980", "1989"),
    ],
)
def test_decades(book, text, surface, low, high):
    claim = only_date(book, text)
    assert (claim.text, claim.value, claim.low, claim.high) == (surface, None, low, high)
    assert claim.extra["granularity"] == "decade"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("We met last year.", "last year", "2014"),
        ("We meet this year.", "this year", "2015"),
        ("We meet next year.", "next year", "2016"),
        ("We met last month.", "last month", "2015-01"),
        ("We meet next month.", "next month", "2015-03"),
        ("We meet this May.", "this May", "2015-05"),
        ("We met last October.", "last October", "2014-10"),
        ("We met last January.", "last January", "2015-01"),
        ("We meet next March.", "next March", "2015-03"),
        ("We meet next January.", "next January", "2016-01"),
        ("We meet in October.", "October", "2015-10"),
        ("We met yesterday.", "yesterday", "2015-02-21"),
        ("We meet today.", "today", "2015-02-22"),
        ("We meet tomorrow.", "tomorrow", "2015-02-23"),
    ],
)
def test_relative_dates_resolve_against_the_document_date(book, text, surface, value):
    claim = only_date(book, text, SUNDAY)
    assert (claim.text, claim.value) == (surface, value)
    assert claim.extra["relative"] is True and claim.extra["anchor"] == "2015-02-22"
    assert "unresolved" not in claim.extra

@pytest.mark.parametrize(
    ("text", "date", "surface", "value"),
    [
        ("It was made on the 27th of July last.", "1846-12-05", "27th of July last", "1846-07-27"),
        ("It was paid on the 3d of December last.", "1932-12-05", "3d of December last", "1932-12-03"),
        ("It was paid on the 5th of December last.", "1932-12-05", "5th of December last", "1931-12-05"),
        ("The four years ending June 30 next will cost more.", "1932-12-05", "June 30 next", "1933-06-30"),
        ("It falls due on the 1st day of January next.", "1844-12-05", "1st day of January next", "1845-01-01"),
    ],
)
def test_a_day_told_last_or_next_is_the_latest_before_or_the_first_after_the_document_date(book, text, date, surface,
                                                                                            value):
    claim = only_date(book, text, dt.date.fromisoformat(date))
    assert (claim.text, claim.value) == (surface, value)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Under the joint resolution of 2d June, 1858, the force was placed at his command.", "2d June, 1858", "1858-06-02"),
        ("The receipts to the 30th day of September, 1858, were large.", "30th day of September, 1858", "1858-09-30"),
        ("It will be provided by FY 1981.", "FY 1981", "1981"),
        ("Loans reached $109 million in fiscal 1973.", "fiscal 1973", "1973"),
        ("These negotiations took place in the years 1818, 1824, and 1826.", "1818", "1818"),
    ],
)
def test_the_older_and_official_forms_of_a_date(book, text, surface, value):
    claim = dates(book, text, SUNDAY)[0]
    assert (claim.text, claim.value) == (surface, value)


def test_a_day_told_last_year_is_no_day_told_last(book):
    found = dates(book, "We met on the 24th day of May last year.", SUNDAY)
    assert [(c.text, c.value) for c in found] == [("24th day of May", "2015-05-24"), ("last year", "2014")]



@pytest.mark.parametrize(
    ("text", "week", "monday", "sunday"),
    [
        ("We talked last week.", "2015-W07", "2015-02-09", "2015-02-15"),
        ("We talk this week.", "2015-W08", "2015-02-16", "2015-02-22"),
        ("We talk next week.", "2015-W09", "2015-02-23", "2015-03-01"),
    ],
)
def test_a_relative_week_is_an_iso_week_with_its_days(book, text, week, monday, sunday):
    claim = only_date(book, text, SUNDAY)
    assert (claim.value, claim.low, claim.high) == (week, monday, sunday)


def test_a_relative_month_crosses_the_year_end(book):
    assert only_date(book, "We met last month.", dt.date(2015, 1, 10)).value == "2014-12"
    assert only_date(book, "We meet next month.", dt.date(2015, 12, 10)).value == "2016-01"


@pytest.mark.parametrize(
    "text",
    ["We met last year.", "We met last week.", "We meet this May.", "We met yesterday.", "We meet in October."],
)
def test_relative_dates_without_a_document_date_stay_unresolved(book, text):
    claim = only_date(book, text)
    assert claim.value is None and claim.low is None and claim.high is None
    assert claim.extra["relative"] is True
    assert claim.extra["unresolved"] == "no document date"
    assert "anchor" not in claim.extra


def test_the_document_date_found_in_the_text_resolves_relative_dates(book):
    text = "Published : Feb 22, 2015 - 18:33\n\nThe deal was signed last year."
    relative = [c for c in dates(book, text) if c.text == "last year"]
    assert [(c.value, c.extra["anchor"]) for c in relative] == [("2014", "2015-02-22")]


def test_a_month_and_day_take_the_document_year(book):
    claim = only_date(book, "They met on May 24 again.", SUNDAY)
    assert (claim.text, claim.value, claim.extra.get("year_inferred")) == ("May 24", "2015-05-24", True)
    assert only_date(book, "They met on May 24 again.").value == "--05-24"


@pytest.mark.parametrize(
    "text",
    [
        "Seoul should resolve issues surrounding the May 24 Measures, Park advised.",
        "This project, currently stymied by the May 24 Measures, is one of the blueprints.",
    ],
)
def test_a_month_and_day_before_a_capitalised_name_is_not_a_date(book, text):
    for date in (None, SUNDAY):
        assert not [c for c in dates(book, text, date) if "24" in c.text], date


def test_may_the_verb_is_not_a_month(book):
    assert dates(book, "They may need 24 hours, and she may go in 3 days.", SUNDAY) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("nineteen ninety nine", 1999),
        ("nineteen zero one", 1901),
        ("nineteen oh one", 1901),
        ("seventeen hundred thirty three", 1733),
        ("nineteen hundred and ninety-three", 1993),
        ("twenty eighteen", 2018),
        ("two thousand", 2000),
        ("two thousand and five", 2005),
        ("one thousand seven hundred and eighty nine", 1789),
    ],
)
def test_a_year_in_words(book, text, year):
    from factcheck.extract.dates import spoken_year

    assert spoken_year(text, book) == year


def test_a_year_in_words_needs_a_two_digit_tail(book):
    from factcheck.extract.dates import spoken_year

    assert spoken_year("nineteen hundred thousand", book) is None


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("She was born on January twenty five nineteen eighty six.", "January twenty five nineteen eighty six", "1986-01-25"),
        ("It happened in June of nineteen ninety nine.", "June of nineteen ninety nine", "1999-06"),
        ("They met on 5 December 1391 in Prague.", "5 December 1391", "1391-12-05"),
    ],
)
def test_dates_with_a_spoken_or_early_year(book, text, surface, value):
    claim = only_date(book, text)
    assert (claim.text, claim.value) == (surface, value)


def test_feb_29_in_a_common_year_is_the_leap_day_of_an_unstated_year(book):
    claim = only_date(book, "We met on Feb 29 again.", dt.date(2017, 3, 22))
    assert (claim.value, claim.extra.get("year_unstated")) == ("--02-29", True)
    assert only_date(book, "We met on Feb 29 again.", dt.date(2016, 3, 22)).value == "2016-02-29"
    assert not [c for c in dates(book, "We met on Feb 30 again.", dt.date(2016, 3, 22)) if "30" in c.text]


def test_a_day_of_the_month_without_a_document_date_stays_unresolved(book):
    claim = only_date(book, "We went back for the 27th.")
    assert (claim.text, claim.value) == ("the 27th", None)
    assert claim.extra["unresolved"] == "no document date"


def test_a_quarter_without_a_year_or_document_date_stays_unresolved(book):
    claim = only_date(book, "Sales rose during Q1.")
    assert (claim.text, claim.value, claim.low) == ("Q1", None, None)
    assert claim.extra["unresolved"] == "no document date"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Come back two days after tomorrow.", "two days after tomorrow", "2015-02-25"),
        ("It was two days before yesterday.", "two days before yesterday", "2015-02-19"),
        ("It ends three weeks from next Friday.", "three weeks from next Friday", "2015-03-20"),
        ("It happened 2 weeks before May 13 1999.", "2 weeks before May 13 1999", "1999-04-29"),
        ("It happens 3 days after January 12th.", "3 days after January 12th", "2015-01-15"),
    ],
)
def test_an_offset_counts_from_its_stated_day(book, text, surface, value):
    claim = only_date(book, text, SUNDAY)
    assert (claim.text, claim.value) == (surface, value)
    assert claim.extra["offset_from"]


def test_years_from_a_day_of_an_unstated_year_stay_unresolved(book):
    claim = only_date(book, "It happened five years after September 11.", SUNDAY)
    assert claim.value is None and claim.extra["unresolved"] == "anchor year not stated"


def test_a_future_offset_after_will(book):
    claim = only_date(book, "The bonds will be repaid in five years.", SUNDAY)
    assert (claim.text, claim.value) == ("in five years", "2020")
    assert not dates(book, "We will have the lowest deficit in seven years.", SUNDAY)


def test_a_stretch_of_quarters(book):
    claim = only_date(book, "Growth slowed over the past two quarters.", SUNDAY)
    assert (claim.low, claim.high) == ("2014-08-22", "2015-02-22")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("I'm out from 4 to 22 this month.", "2015-02-04", "2015-02-22"),
        ("I'm out 4 to 23 next month.", "2015-03-04", "2015-03-23"),
    ],
)
def test_a_range_of_days_in_a_relative_month(book, text, low, high):
    claim = only_date(book, text, SUNDAY)
    assert (claim.value, claim.low, claim.high) == (None, low, high)


def test_a_month_and_day_of_a_relative_year(book):
    assert only_date(book, "It opens in June next year.", SUNDAY).value == "2016-06"
    assert only_date(book, "It closed on the 1st of July last year.", SUNDAY).value == "2014-07-01"


def test_a_relative_fiscal_year_has_no_calendar_value(book):
    claim = only_date(book, "Receipts fell in the last fiscal year.", SUNDAY)
    assert (claim.text, claim.value) == ("last fiscal year", None)
    assert claim.extra["unresolved"] == "fiscal year start not stated"


# --- a bare weekday: the nearest such day, past unless a future cue precedes it ------------------

FRIDAY = dt.date(2024, 3, 15)


@pytest.mark.parametrize(("text", "value"), [
    ("The minister resigned on Tuesday.", "2024-03-12"),
    ("He said Friday that sales fell.", "2024-03-15"),
    ("Talks will resume on Monday.", "2024-03-18"),
    ("The board is expected to vote Friday on the deal.", "2024-03-15"),
    ("The board said Thursday it will vote next month.", "2024-03-14"),
])
def test_a_bare_weekday_is_the_nearest_such_day(book, text, value):
    claim = [c for c in dates(book, text, FRIDAY) if c.rule.startswith("date.weekday")][0]
    assert claim.value == value and "assumed" in claim.extra


def test_a_bare_weekday_without_a_document_date_stays_unresolved(book):
    claim = only_date(book, "The minister resigned on Tuesday.")
    assert claim.value is None and claim.extra["unresolved"] == "no document date"


@pytest.mark.parametrize(("text", "value"), [
    ("Seventy-eight years ago the war ended.", "1937"),
    ("Two months ago prices rose.", "2014-12"),
    ("Three weeks ago he left.", "2015-02-01"),
    ("It began 1 year and 3 months ago.", "2013-11"),
])
def test_an_offset_from_the_document_date_is_as_fine_as_its_finest_period(book, text, value):
    assert only_date(book, text, SUNDAY).value == value


# --- no impossible year, no overflow ----------------------------------------------------------------

def test_a_user_date_rule_never_emits_year_0000(tmp_path):
    directory = tmp_path / "rules"
    directory.mkdir()
    (directory / "user.toml").write_text(
        'family = "test"\n[[rules]]\nid = "test.year"\nkind = "date"\npattern = \'anno (?P<year>\\d{4})\'\n', encoding="utf-8")
    book = load_rulebook([directory])
    found = extract(load_text("t.txt", "In anno 0000 and anno 1999."), book)[0]
    assert [(c.rule, c.value) for c in found if c.rule == "test.year"] == [("test.year", "1999")]


def test_an_offset_past_the_calendar_is_no_date(book):
    found = extract(load_text("t.txt", "It was 10000000000 days ago.", date=dt.date(2015, 2, 22)), book)[0]
    assert all(c.kind != "date" for c in found)
