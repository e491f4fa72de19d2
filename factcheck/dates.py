"""Normalize date matches to ISO 8601 strings at their stated granularity.

Groups: `year`, `month`, `day` (and `year2`, `month2`, `day2` for a range's end), `decade`,
`shift` with `period` or `month` or `weekday` for relative dates ("last week", "this May",
"next Friday"). Relative dates resolve against the document date; without one they stay
unresolved (value None) and say so in `extra`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from factcheck.numbers import parse_number, parse_ordinal

if TYPE_CHECKING:
    from factcheck.normalize import Normalized
    from factcheck.rulebook import Rulebook


def normalize(groups: dict[str, str], consts: dict[str, Any], book: Rulebook, doc_date: dt.date | None,
              tables: dict[str, tuple[str, ...]]) -> Normalized:
    """tables maps a group to the table it is looked up in, when not the table of its own name."""
    from factcheck.normalize import NoValue, Normalized

    book = TableView(book, tables)
    result = Normalized(kind="date", value=None)
    shift = consts.get("shift", lookup_int(book, "shift", groups.get("shift")))
    if shift is not None or consts.get("period") == "day":
        return relative(result, groups, consts, book, doc_date, shift or 0)
    if groups.get("decade"):
        start = decade_start(groups["decade"])
        result.low, result.high = str(start), str(start + 9)
        result.extra["granularity"] = "decade"
        return result
    start = absolute(groups, "", book, doc_date, result)
    if groups.get("year2") or groups.get("month2") or groups.get("day2"):
        end = absolute(groups, "2", book, doc_date, result, fallback=groups)
        result.low, result.high = start, end
        return result
    if start is None:
        raise NoValue("date")
    result.value = start
    return result


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


def decade_start(text: str) -> int:
    digits = "".join(ch for ch in text if ch.isdigit())
    return int(digits) if len(digits) == 4 else 1900 + int(digits)


def absolute(groups: dict[str, str], suffix: str, book: Rulebook, doc_date: dt.date | None,
             result: Normalized, fallback: dict[str, str] | None = None) -> str | None:
    """An ISO string from year/month/day groups (suffix '' or '2'); a range's end borrows from its start."""
    from factcheck.normalize import NoValue

    year = read_year(groups.get("year" + suffix), groups.get("year") if suffix else None)
    month = lookup_int(book, "month", groups.get("month" + suffix))
    day_text = groups.get("day" + suffix)
    day = read_day(day_text, book) if day_text else None
    if suffix and fallback is not None:
        if year is None:
            year = read_year(fallback.get("year"), None)
        if month is None and day is not None:
            month = lookup_int(book, "month", fallback.get("month"))
    if year is None and month is not None and doc_date is not None:
        year = doc_date.year
        result.extra["year_inferred"] = True
    return iso(year, month, day, NoValue)


def read_year(text: str | None, start_year: str | None) -> int | None:
    """A year; two digits after a full start year take its century ("1950-53" -> 1953)."""
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 2:
        if start_year:
            base = int("".join(ch for ch in start_year if ch.isdigit()))
            year = base - base % 100 + int(digits)
            return year if year >= base else year + 100
        return 1900 + int(digits) if int(digits) > 30 else 2000 + int(digits)
    return int(digits) if digits else None


def read_day(text: str, book: Rulebook) -> int | None:
    value = parse_number(text, book)
    if value is None:
        value = parse_ordinal(text, book)
    return int(value) if value is not None else None


def iso(year: int | None, month: int | None, day: int | None, error: type[Exception]) -> str | None:
    """ISO 8601 at the stated granularity; None when nothing is known; error when impossible."""
    if year is None and month is None:
        return None
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


def relative(result: Normalized, groups: dict[str, str], consts: dict[str, Any], book: Rulebook,
             doc_date: dt.date | None, shift: int) -> Normalized:
    """Resolve "last year", "this May", "next week", "yesterday" against the document date."""
    period = consts.get("period") or (book.lookup("period", groups["period"]) if groups.get("period") else None)
    result.extra["relative"] = True
    if doc_date is None:
        result.extra["unresolved"] = "no document date"
        return result
    result.extra["anchor"] = doc_date.isoformat()
    if groups.get("month"):
        month = lookup_int(book, "month", groups["month"])
        result.value = f"{doc_date.year + shift_year(shift, month, doc_date):04d}-{month:02d}"
    elif groups.get("weekday"):
        result.value = weekday(doc_date, lookup_int(book, "weekday", groups["weekday"]) or 0, shift).isoformat()
    elif period == "year":
        result.value = f"{doc_date.year + shift:04d}"
    elif period == "month":
        index = doc_date.year * 12 + doc_date.month - 1 + shift
        result.value = f"{index // 12:04d}-{index % 12 + 1:02d}"
    elif period == "week":
        day = doc_date + dt.timedelta(weeks=shift)
        year, week, _ = day.isocalendar()
        result.value = f"{year:04d}-W{week:02d}"
        monday = day - dt.timedelta(days=day.weekday())
        result.low, result.high = monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    elif period == "day":
        result.value = (doc_date + dt.timedelta(days=shift)).isoformat()
    return result


def shift_year(shift: int, month: int, doc_date: dt.date) -> int:
    """Year offset for "last May" / "this May" / "next May" said on doc_date."""
    if shift < 0:
        return 0 if month < doc_date.month else -1
    if shift > 0:
        return 0 if month > doc_date.month else 1
    return 0


def weekday(doc_date: dt.date, target: int, shift: int) -> dt.date:
    """The weekday (0 = Monday) nearest in the direction of shift: last / this / next."""
    delta = (target - doc_date.weekday()) % 7
    if shift < 0:
        return doc_date - dt.timedelta(days=(doc_date.weekday() - target) % 7 or 7)
    if shift > 0:
        return doc_date + dt.timedelta(days=delta or 7)
    return doc_date + dt.timedelta(days=delta)
