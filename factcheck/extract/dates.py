"""Normalize date matches to ISO 8601 strings at their stated granularity.

Groups: `year`, `month`, `day` (and `year2`, `month2`, `day2` for a range's end), `decade`,
`quarter`, `week_index`, `shift` with `period` or `month` or `weekday` for relative dates
("last week", "this May", "next Friday"), `amount` with `period` and a `shift` direction for
offsets ("two days ago", "3 weeks from now"), `stretch` with `amount` and `period` for the span
between the document date and such an offset ("the next 3 days", "within 5 years"), `season`
("summer 2016", "this winter"), `week_of` for the week holding a date ("the week of April 10"),
`nth` with `weekday` for "the first Friday of July",
`part` for a part of a period ("early", "end of").

Relative dates resolve against the document date; without one they stay unresolved (value
None) and say so in `extra`. A date that omits its year (or its month) takes the document's
and records `year_inferred` (`month_inferred`). Weekdays go by Monday-to-Sunday weeks:
"next Friday" is the Friday of next week, "last Friday" the Friday of last week.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Any

from factcheck.extract.normalized import NoValue, Normalized
from factcheck.extract.numbers import parse_number, parse_ordinal
from factcheck.extract.rulebook import fold

if TYPE_CHECKING:
    from factcheck.extract.rulebook import Rulebook

FEW = 3  # "a few days ago": upstream corpora and common usage read "a few" as three
COUPLE = 2  # "the next couple of weeks"
ROLLOVER = 10  # a two-digit range end below its start is in the next century only this close ahead



def normalize(groups: dict[str, str], consts: dict[str, Any], book: Rulebook, doc_date: dt.date | None,
              tables: dict[str, tuple[str, ...]]) -> Normalized:
    """tables maps a group to the table it is looked up in, when not the table of its own name."""
    book = TableView(book, tables)
    result = Normalized(kind="date", value=None)
    for name in ("part", "bound"):
        if groups.get(name):
            result.extra[name] = fold(groups[name])
    if consts.get("relative"):
        unresolved(result, None)
        result.extra["unresolved"] = f"{consts['period']} start not stated" if consts.get("period") else "not stated"
        return result
    if consts.get("direction"):
        return nearest_weekday(result, groups, book, doc_date, consts["direction"])
    shift = consts.get("shift", lookup_int(book, "shift", groups.get("shift")))
    if groups.get("nth"):
        return nth_weekday(result, groups, book, doc_date, shift)
    if groups.get("quarter"):
        return quarter(result, groups, book, doc_date, shift)
    if groups.get("week_index"):
        return week_of(result, groups, book, doc_date, shift)
    if groups.get("season"):
        return season(result, groups, book, doc_date, shift or 0)
    if groups.get("stretch"):
        return stretch(result, groups, book, doc_date)
    if groups.get("week_of"):
        return week_holding(result, groups, book, doc_date)
    if groups.get("amount"):
        return offset(result, groups, book, doc_date, shift or 0)
    if shift is not None or consts.get("period") == "day":
        return relative(result, groups, consts, book, doc_date, shift or 0)
    if groups.get("decade"):
        start = decade_start(groups["decade"], book)
        result.low, result.high = str(start), str(start + 9)
        result.extra["granularity"] = "decade"
        return result
    if year_month(groups):
        result.value = f"{int(groups['year']):04d}-{int(groups['year2']):02d}"
        return result
    if any(groups.get(name) for name in ("year2", "month2", "day2", "deictic2", "weekday2")):
        return date_range(result, groups, book, doc_date)
    start = iso(*leap_day(fields(groups, "", book, doc_date, result), result), NoValue)
    if start is None and groups.get("day") and doc_date is None:
        unresolved(result, None)  # "on the 27th" with no document date: a day of an unstated month
        return result
    if start is None:
        raise NoValue("date")
    result.value = start
    return result


def leap_day(parts: tuple[int | None, int | None, int | None], result: Normalized) -> tuple[int | None, int | None, int | None]:
    """"Feb 29" said in a common year names the leap day of an unstated year ("--02-29"), not an impossible date."""
    year, month, day = parts
    if (month, day) == (2, 29) and year is not None and result.extra.get("year_inferred") and not calendar.isleap(year):
        del result.extra["year_inferred"]
        result.extra["year_unstated"] = True
        return None, month, day
    return parts


def year_month(groups: dict[str, str]) -> bool:
    """"2015-02" is February 2015 (ISO), not a range back to 2002: a two-digit end that would run
    backwards and reads as a month. "1997-93" stays a backwards range."""
    start, end = groups.get("year") or "", groups.get("year2") or ""
    if not (start.isdigit() and len(start) == 4 and end.isdigit() and len(end) == 2):
        return False
    return 1 <= int(end) <= 12 and read_year(end, start) < int(start)


class TableView:
    """A rulebook whose lookups go through a rule's group -> table mapping."""

    def __init__(self, book: Rulebook, tables: dict[str, tuple[str, ...]]) -> None:
        self.book, self.tables = book, tables

    def lookup(self, table: str, key: str) -> Any:
        return self.book.lookup_in(self.tables.get(table, (table,)), key)


def lookup_int(book: Rulebook, table: str, key: str | None) -> int | None:
    if not key:
        return None
    found = book.lookup(table, key)
    return None if found is None else int(found)


def decade_start(text: str, book: Rulebook) -> int:
    """1990s, '80s, 70's, the seventies (table `decade_word`: the twentieth century's decade)."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 4:
        return int(digits)
    if digits:
        return 1900 + int(digits)
    found = book.lookup("decade_word", text)
    if found is None:
        raise NoValue(text)
    return int(found)


def fields(groups: dict[str, str], suffix: str, book: Rulebook, doc_date: dt.date | None,
           result: Normalized) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of groups with suffix '' or '2'; a missing month or year is the document's."""
    year = year_of(groups.get("year" + suffix), groups.get("year") if suffix else None, book)
    month = lookup_int(book, "month", groups.get("month" + suffix))
    day_text = groups.get("day" + suffix)
    day = read_day(day_text, book) if day_text else None
    if day is not None and month is None and doc_date is not None:
        month = doc_date.month
        result.extra["month_inferred"] = True
    if year is None and month is not None and doc_date is not None:
        year = doc_date.year
        result.extra["year_inferred"] = True
    return year, month, day


def date_range(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None) -> Normalized:
    """A range; each end borrows the parts it omits from the other ("4 to 22 January", "Nov 18-Dec 19, 2015")."""
    filled = dict(groups)
    for part in ("year", "month"):
        if not filled.get(part + "2") and filled.get(part) and (part == "year" or filled.get("day2")):
            filled[part + "2"] = filled[part]
        if not filled.get(part) and filled.get(part + "2") and (part == "year" or filled.get("day")):
            filled[part] = filled[part + "2"]
    start = end_fields(filled, "", book, doc_date, result)
    end = end_fields(filled, "2", book, doc_date, result)
    if result.extra.get("unresolved"):
        return result
    if not groups.get("year") and start[0] is not None and (start[1] or 0, start[2] or 0) > (end[1] or 0, end[2] or 0):
        start = (start[0] - 1, start[1], start[2])  # "Nov-Feb 2017" starts in the year before
    result.low, result.high = iso(*start, NoValue), iso(*end, NoValue)
    if result.low is None or result.high is None:
        raise NoValue("date range")
    return result


def end_fields(groups: dict[str, str], suffix: str, book: Rulebook, doc_date: dt.date | None,
               result: Normalized) -> tuple[int | None, int | None, int | None]:
    """One end of a range: a date, `deictic` ("today", "now", "tomorrow") from the document date, or a
    `weekday` moved by `wshift` ("next Friday"; a bare weekday takes the other end's shift)."""
    word, day_name = groups.get("deictic" + suffix), groups.get("weekday" + suffix)
    if not word and not day_name:
        return fields(groups, suffix, book, doc_date, result)
    shifts = [groups.get("wshift" + end) for end in (suffix, "2" if not suffix else "") if groups.get("wshift" + end)]
    if day_name and not shifts:
        result.extra["unresolved"] = "no week stated"
    if unresolved(result, doc_date) or result.extra.get("unresolved"):
        return None, None, None
    assert doc_date is not None
    if day_name:
        day = weekday(doc_date, lookup_int(book, "weekday", day_name) or 0, lookup_int(book, "weekday_shift", shifts[0]) or 0)
    else:
        day = doc_date + dt.timedelta(days=lookup_int(book, "day_shift", word) or 0)
    return day.year, day.month, day.day


def year_of(text: str | None, start_year: str | None, book: Rulebook) -> int | None:
    """A year in digits (see read_year) or in words (see spoken_year)."""
    if text and not any(ch.isdigit() for ch in text):
        return spoken_year(text, book)
    return read_year(text, start_year)


def spoken_year(text: str, book: Rulebook) -> int | None:
    """A year said in words: "nineteen ninety nine" 1999, "nineteen zero one" 1901, "seventeen hundred thirty
    three" 1733, "twenty eighteen" 2018, "two thousand and five" 2005 (a thousand word reads as one number);
    "seventy-one" 1971, as `read_year` takes two digits."""
    words = fold(text).replace("-", " ").split()
    whole = parse_number(" ".join(words), book) if 0 < len(words) <= 2 else None
    if whole is not None and 10 <= whole < 100 and float(whole).is_integer():
        return read_year(f"{int(whole):02d}", None)  # "born in seventy-one": a year with its century left out
    if "thousand" in words:
        value = parse_number(" ".join(words), book)
        return int(value) if value is not None and 1000 <= value < 3000 and float(value).is_integer() else None
    century = parse_number(words[0], book) if words else None
    rest = [word for word in words[1:] if word not in ("hundred", "and", "zero", "oh", "o")]
    tail = parse_number(" ".join(rest), book) if rest else 0
    if century is None or tail is None or not 10 <= century <= 99 or not 0 <= tail <= 99:
        return None
    return int(century) * 100 + int(tail)


def read_year(text: str | None, start_year: str | None) -> int | None:
    """A year; two digits after a full start year take its century ("1950-53" -> 1953, "1997-93" stays
    backwards), or the next one when that lands within ROLLOVER years ("1999-01" -> 2001)."""
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 2:
        if start_year:
            base = int("".join(ch for ch in start_year if ch.isdigit()))
            year = base - base % 100 + int(digits)
            return year + 100 if year < base and year + 100 - base <= ROLLOVER else year
        return 1900 + int(digits) if int(digits) > 30 else 2000 + int(digits)
    if digits and not dt.MINYEAR <= int(digits) <= dt.MAXYEAR:
        raise NoValue("no such year")
    return int(digits) if digits else None


def read_day(text: str, book: Rulebook) -> int | None:
    """A day of the month: "22", "22nd", "twenty-second", "twenty two" (ordinal first: "twenty-first" is no fraction)."""
    value = parse_ordinal(text, book)
    if value is None:
        value = parse_number(text, book)
    return int(value) if value is not None and float(value).is_integer() else None


def iso(year: int | None, month: int | None, day: int | None, error: type[Exception]) -> str | None:
    """ISO 8601 at the stated granularity; None when nothing is known; error when impossible."""
    if year is None and month is None:
        return None
    if year is not None and not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise error("no such year")  # ISO years run from 0001 to 9999: no "0000"
    try:
        if year is None:
            dt.date(2000, month or 1, day or 1)
            return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
        if month is None:
            return f"{year:04d}"
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except (ValueError, TypeError):
        raise error("impossible date") from None


def unresolved(result: Normalized, doc_date: dt.date | None) -> bool:
    """Mark a relative date; True when there is no document date to resolve it against."""
    result.extra["relative"] = True
    if doc_date is None:
        result.extra["unresolved"] = "no document date"
        return True
    result.extra["anchor"] = doc_date.isoformat()
    return False


def relative(result: Normalized, groups: dict[str, str], consts: dict[str, Any], book: Rulebook,
             doc_date: dt.date | None, shift: int) -> Normalized:
    """Resolve "last year", "this May", "next week", "next Friday", "yesterday" against the document date."""
    period = consts.get("period") or (book.lookup("period", groups["period"]) if groups.get("period") else None)
    if unresolved(result, doc_date):
        return result
    assert doc_date is not None
    if groups.get("weekday"):
        result.value = weekday(doc_date, lookup_int(book, "weekday", groups["weekday"]) or 0, shift).isoformat()
    elif groups.get("day") and period == "month":
        days_of_month(result, groups, book, doc_date, shift)
    elif groups.get("month"):
        month = lookup_int(book, "month", groups["month"])
        day = read_day(groups["day"], book) if groups.get("day") else None
        year = doc_date.year + (shift if period == "year" else shift_year(shift, month, doc_date, day))
        result.value = iso(year, month, day, NoValue)
    elif period == "year":
        result.value = f"{doc_date.year + shift:04d}"
    elif period == "month":
        index = doc_date.year * 12 + doc_date.month - 1 + shift
        result.value = f"{index // 12:04d}-{index % 12 + 1:02d}"
    elif period in ("week", "weekend"):
        week(result, doc_date + dt.timedelta(weeks=shift), period == "weekend")
    elif period == "decade":
        start = doc_date.year - doc_date.year % 10 + 10 * shift
        result.low, result.high = str(start), str(start + 9)
    elif period == "quarter":
        index = doc_date.year * 4 + (doc_date.month - 1) // 3 + shift
        quarter_months(result, index // 4, index % 4 + 1)
    elif period == "day":
        result.value = (doc_date + dt.timedelta(days=shift)).isoformat()
    return result


def days_of_month(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date, shift: int) -> None:
    """The 20th of next month (value), or 4 to 22 this month (low and high)."""
    year, month = divmod(doc_date.year * 12 + doc_date.month - 1 + shift, 12)
    first = iso(year, month + 1, read_day(groups["day"], book), NoValue)
    if not groups.get("day2"):
        result.value = first
        return
    result.low, result.high = first, iso(year, month + 1, read_day(groups["day2"], book), NoValue)


def week(result: Normalized, day: dt.date, weekend: bool) -> None:
    """The ISO week holding day (value "2015-W07", low/high its Monday and Sunday), or its weekend."""
    year, number, _ = day.isocalendar()
    monday = day - dt.timedelta(days=day.weekday())
    first = monday + dt.timedelta(days=5 if weekend else 0)
    result.value = f"{year:04d}-W{number:02d}" + ("-WE" if weekend else "")
    result.low, result.high = first.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def quarter_months(result: Normalized, year: int, number: int) -> None:
    result.low, result.high = f"{year:04d}-{3 * number - 2:02d}", f"{year:04d}-{3 * number:02d}"
    result.extra["quarter"] = f"{year:04d}-Q{number}"


def quarter(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None,
            shift: int | None) -> Normalized:
    """Q3 2016, the third quarter of next year, H1 2016 (a half is two quarters): a range of months."""
    text = groups["quarter"]
    digits = "".join(ch for ch in text if ch.isdigit())
    number = int(digits) if digits else parse_ordinal(text, book)
    halves = fold(text).startswith("h")
    year = year_of(groups.get("year"), None, book)
    if year is None and doc_date is not None:
        year = doc_date.year + (shift or 0)
        result.extra["year_inferred" if shift is None else "relative"] = True
    if not number or number > (2 if halves else 4):
        raise NoValue(text)
    if year is None:
        unresolved(result, None)  # "during Q1" with no document date
        return result
    first, last = (2 * number - 1, 2 * number) if halves else (int(number), int(number))
    quarter_months(result, year, first)
    result.high = f"{year:04d}-{3 * last:02d}"
    if halves:
        result.extra["quarter"] = f"{year:04d}-H{number}"
    return result


def week_of(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None,
            shift: int | None) -> Normalized:
    """The first (second, last) week of a month or year: a range of seven days."""
    index_text = fold(groups["week_index"])
    index = -1 if index_text == "last" else parse_ordinal(index_text, book)
    year, month, _ = fields(groups, "", book, doc_date, result)
    if groups.get("period") and doc_date is not None:
        period = book.lookup("period", groups["period"])
        months = doc_date.year * 12 + doc_date.month - 1 + (shift or 0) * (period == "month")
        year = doc_date.year + (shift or 0) * (period == "year")
        month = months % 12 + 1 if period == "month" else None
        result.extra["relative"] = True
    if year is None or not index:
        raise NoValue(index_text)
    start_month, end_month = (month, month) if month else (1, 12)
    last_day = calendar.monthrange(year, end_month)[1]
    first = dt.date(year, start_month, 1) + dt.timedelta(weeks=int(index) - 1) if index > 0 else \
        dt.date(year, end_month, last_day) - dt.timedelta(days=6)
    result.low, result.high = first.isoformat(), (first + dt.timedelta(days=6)).isoformat()
    return result


def offset(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None,
           direction: int) -> Normalized:
    """Two days ago, a month ago, three weeks from now: the day that far from the document date; with an
    anchor ("two days after tomorrow", "3 days before May 13 1999") that far from the anchor."""
    steps = offset_steps(groups, book)
    if has_anchor(groups):
        start = anchor_day(result, groups, book, doc_date)
        if start is None:
            return result
        if result.extra.get("year_inferred") and any(period in ("year", "decade") for _, period in steps):
            unresolved(result, None)  # "five years after September 11": which September 11 is not said
            result.extra["unresolved"] = "anchor year not stated"
            return result
        for amount, period in steps:
            start = moved(start, amount * direction, period)
        result.value = start.isoformat()
        result.extra["offset_from"] = anchor_text(groups)
        return result
    day = offset_day(result, steps, doc_date, direction)
    if day is not None:
        finest = min(PERIOD_RANK[period] for _, period in steps)
        result.value = day.isoformat()[:ISO_LENGTH[finest]]
    return result


# An offset from the document date is as fine as its finest period: "78 years ago" names a year,
# "two months ago" a month, "three weeks ago" a day.
PERIOD_RANK = {"day": 0, "week": 0, "month": 1, "quarter": 1, "year": 2, "decade": 2}
ISO_LENGTH = {0: 10, 1: 7, 2: 4}


ANCHOR_GROUPS = ("deictic", "weekday", "day", "month", "year")


def has_anchor(groups: dict[str, str]) -> bool:
    return any(groups.get(name) for name in ANCHOR_GROUPS)


def anchor_text(groups: dict[str, str]) -> str:
    return " ".join(groups[name] for name in ("wshift", *ANCHOR_GROUPS) if groups.get(name))


def anchor_day(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None) -> dt.date | None:
    """The day an anchored offset counts from: a stated date, "tomorrow", "next Friday"; None when it
    cannot be resolved (no document date, or a weekday of no stated week)."""
    if groups.get("deictic") or groups.get("weekday"):
        year, month, day = end_fields(groups, "", book, doc_date, result)
    else:
        year, month, day = fields(groups, "", book, doc_date, result)
        if year is None:
            unresolved(result, None)
            return None
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise NoValue("impossible date") from None


def stretch(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None) -> Normalized:
    """The next 3 days, the past two decades, within 5 years: from the document date to that offset."""
    direction = lookup_int(book, "stretch", groups["stretch"]) or 1
    day = offset_day(result, offset_steps(groups, book), doc_date, direction)
    if day is not None and doc_date is not None:
        result.low, result.high = sorted((doc_date.isoformat(), day.isoformat()))
    return result


def offset_day(result: Normalized, steps: list[tuple[int, str]], doc_date: dt.date | None,
               direction: int) -> dt.date | None:
    """The day `steps` (amount, period) from the document date in direction ("1 month and 21 days");
    None when there is no document date."""
    if unresolved(result, doc_date):
        return None
    assert doc_date is not None
    day = doc_date
    for amount, period in steps:
        day = moved(day, amount * direction, period)
    return day


def offset_steps(groups: dict[str, str], book: Rulebook) -> list[tuple[int, str]]:
    """Every amount and period of an offset, in the groups with suffix '', '2' and '3'."""
    return [offset_step(groups, suffix, book) for suffix in ("", "2", "3") if groups.get("amount" + suffix)]


def offset_step(groups: dict[str, str], suffix: str, book: Rulebook) -> tuple[int, str]:
    """One amount and period of an offset: ("two", "days") -> (2, "day")."""
    text = fold(groups["amount" + suffix])
    amount = FEW if "few" in text else COUPLE if "couple" in text else parse_number(text, book)
    period = book.lookup("period" + suffix, groups.get("period" + suffix, ""))
    if amount is None or not float(amount).is_integer() or period not in ("day", "week", "month", "quarter", "year", "decade"):
        raise NoValue(text)
    return int(amount), period


def moved(day: dt.date, steps: int, period: str) -> dt.date:
    """day moved by steps periods; a month-end day clamps ("Jan 31" plus a month is Feb 28). Beyond the
    calendar's years 1 to 9999 ("6,000 years ago") there is no date to give."""
    try:
        if period in ("day", "week"):
            return day + dt.timedelta(days=steps * (7 if period == "week" else 1))
        months = day.year * 12 + day.month - 1 + steps * {"year": 12, "decade": 120, "quarter": 3}.get(period, 1)
        year, month = divmod(months, 12)
        return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
    except (OverflowError, ValueError, calendar.IllegalMonthError):
        raise NoValue(f"{steps} {period}s from {day.isoformat()}") from None


def season(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None,
           shift: int) -> Normalized:
    """Summer 2016, this winter: three months from the season's first (winter runs into the next year)."""
    first = lookup_int(book, "season", groups["season"])
    year = year_of(groups.get("year"), None, book)
    if year is None:
        if unresolved(result, doc_date):
            return result
        assert doc_date is not None
        year = doc_date.year + shift
    if first is None:
        raise NoValue(groups["season"])
    end = year * 12 + first + 1
    result.low, result.high = f"{year:04d}-{first:02d}", f"{end // 12:04d}-{end % 12 + 1:02d}"
    result.extra["season"] = fold(groups["season"])
    return result


def nth_weekday(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None,
                shift: int | None) -> Normalized:
    """The first (second, last) Friday of July, of next month; without a month, of the document's."""
    text = fold(groups["nth"])
    index = -1 if text == "last" else parse_ordinal(text, book)
    target = lookup_int(book, "weekday", groups["weekday"])
    year, month, _ = fields(groups, "", book, doc_date, result)
    if shift is not None:
        if unresolved(result, doc_date):
            return result
        assert doc_date is not None
        year, month = divmod(doc_date.year * 12 + doc_date.month - 1 + shift, 12)
        month += 1
    if not index or target is None:
        raise NoValue(text)
    if month is None and doc_date is not None:
        year, month = doc_date.year, doc_date.month  # like "on the 18th": the document's month
        result.extra["month_inferred"] = True
    if year is None or month is None:
        unresolved(result, None)
        result.extra["unresolved"] = "no month stated"
        return result
    last_day = calendar.monthrange(year, month)[1]
    if index > 0:
        day = 1 + (target - dt.date(year, month, 1).weekday()) % 7 + 7 * (int(index) - 1)
    else:
        day = last_day - (dt.date(year, month, last_day).weekday() - target) % 7
    if day > last_day:
        raise NoValue("no such weekday")
    result.value = dt.date(year, month, day).isoformat()
    return result


def week_holding(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None) -> Normalized:
    """The week of April 10th, the week beginning February 4: the Monday-to-Sunday week holding that day."""
    year, month, day = fields(groups, "", book, doc_date, result)
    if year is None or month is None or day is None:
        if unresolved(result, doc_date):
            return result
        raise NoValue("week")
    try:
        week(result, dt.date(year, month, day), False)
    except ValueError:
        raise NoValue("impossible date") from None
    return result


def shift_year(shift: int, month: int, doc_date: dt.date, day: int | None = None) -> int:
    """Year offset for "last May" / "this May" / "next May", or "the 3rd of December last", said on doc_date."""
    told, now = (month, day or 0), (doc_date.month, doc_date.day if day else 0)
    if shift < 0:
        return 0 if told < now else -1
    if shift > 0:
        return 0 if told > now else 1
    return 0


def nearest_weekday(result: Normalized, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None,
                    direction: str) -> Normalized:
    """A bare weekday ("said on Tuesday", "will meet on Friday"): as news uses it, the nearest such
    day on or before the document date, or on or after it when the rule saw a future cue."""
    if unresolved(result, doc_date):
        return result
    assert doc_date is not None
    target = lookup_int(book, "weekday", groups.get("weekday")) or 0
    if direction == "future":
        day = doc_date + dt.timedelta(days=(target - doc_date.weekday()) % 7)
    else:
        day = doc_date - dt.timedelta(days=(doc_date.weekday() - target) % 7)
    result.value = day.isoformat()
    result.extra["assumed"] = f"the nearest such day {'on or after' if direction == 'future' else 'on or before'} the document date"
    return result


def weekday(doc_date: dt.date, target: int, shift: int) -> dt.date:
    """The weekday (0 = Monday) of the document's week moved by shift weeks: last / this / next Friday."""
    monday = doc_date - dt.timedelta(days=doc_date.weekday())
    return monday + dt.timedelta(weeks=shift, days=target)
