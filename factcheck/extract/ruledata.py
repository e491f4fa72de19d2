"""Type and value checks of rule-file data: rule ids, `set` constants, table values and example dates.

A value that passes lands in a claim as it is, so each check is the promise the report's JSON
Schema makes (a kind the schema knows, a unit that is a string) plus what the arithmetic needs
(a finite number, a month from 1 to 12). Every problem is one `RuleError` starting `file:line:`.
Unit names are checked with pint only for user files: the shipped ones are checked by a test.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck.errors import RuleError
from factcheck.model import KINDS, QUALIFIERS

MAX_MAGNITUDE = 1e30  # a number word, scale or multiplier larger than this is a typo, not a word
PERIODS = ("day", "week", "weekend", "month", "quarter", "year", "decade")
TOOL_UNITS = ("percentage_point",)  # units of our own that pint does not define
CURRENCY = re.compile(r"[A-Z]{3}")
EXAMPLE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Check = Callable[[Any, bool], str | None]
"""A value check: (value, check units with pint) -> the problem, or None."""


def number(value: Any, pint: bool = False) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "must be a number"
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        return f"must be a finite number of at most {MAX_MAGNITUDE:g}"
    return None


def positive(value: Any, pint: bool = False) -> str | None:
    return number(value) or (None if value > 0 else "must be above 0")


def whole(low: int, high: int) -> Check:
    def check(value: Any, pint: bool = False) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return f"must be a whole number from {low} to {high}"
        return None

    return check


def name(value: Any, pint: bool = False) -> str | None:
    return None if isinstance(value, str) and value.strip() and value.isprintable() else "must be a non-empty name"


def period(value: Any, pint: bool = False) -> str | None:
    return None if value in PERIODS else f"must be one of {', '.join(PERIODS)}"


def qualifier(value: Any, pint: bool = False) -> str | None:
    return None if value in QUALIFIERS else f"must be one of {', '.join(QUALIFIERS)}"


def unit_name(value: Any, pint: bool = False) -> str | None:
    """An ISO 4217 code, a unit of this tool, or (checked for user files) a unit pint knows."""
    if not isinstance(value, str) or not value.strip():
        return "must be a unit name (a string)"
    if CURRENCY.fullmatch(value) or value in TOOL_UNITS or not pint:
        return None
    from factcheck.extract.units import is_unit

    return None if is_unit(value) else f"names no unit pint knows ({value!r})"


def unit_entry(value: Any, pint: bool = False) -> str | None:
    """A unit, or a table `{ unit = ..., ambiguous = "why" }` (no unit: the figure has none)."""
    if not isinstance(value, dict):
        return unit_name(value, pint)
    if set(value) - {"unit", "ambiguous"} or not isinstance(value.get("ambiguous", ""), str):
        return "must be a unit or a table { unit = ..., ambiguous = \"...\" }"
    return unit_name(value["unit"], pint) if "unit" in value else None


def any_entry(value: Any, pint: bool = False) -> str | None:
    """A table of a name no built-in rule reads: a number, a name or a unit entry."""
    if isinstance(value, str):
        return name(value)
    if isinstance(value, dict):
        return unit_entry(value, pint)
    return number(value)


DIRECTION = whole(-100, 100)
UNIT_TABLES = ("currency_sign", "currency_name", "iso_code", "iso_code_cased", "pound_name", "subunit", "won_currency",
               "satoshi", "length_unit", "imperial_length", "quantity_unit", "quantity_unit_pound", "temperature_name",
               "temperature_letter", "turn_unit", "symbol_unit", "duration_unit")
TABLE_VALUES: dict[str, Check] = {
    **dict.fromkeys(("number_word", "multiplier_word", "scale", "count_multiplier", "multiplier_verb", "ratio_adverb"),
                    number),
    "fraction_word": positive,
    "ordinal_word": whole(1, 10**15),
    **dict.fromkeys(("month", "month_number", "season"), whole(1, 12)),
    "weekday": whole(0, 6),
    "quarter_word": whole(1, 4),
    "decade_word": whole(1000, 9990),
    **dict.fromkeys(("shift", "weekday_shift", "day_shift", "stretch", "anchor_direction", "offset_direction",
                     "direction", "than_direction"), DIRECTION),
    "qualifier": qualifier,
    **dict.fromkeys(("per", "per_period"), name),
    **dict.fromkeys(("period", "offset_period"), period),
    **dict.fromkeys(UNIT_TABLES, unit_entry),
}
"""What the values of each table the code reads must be; other tables take `any_entry`."""

GROUP_VALUES: dict[str, Check] = {
    **dict.fromkeys(("currency", "unit", "unit2", "unit3"), unit_entry),
    **dict.fromkeys(("scale", "low_scale", "high_scale", "multiplier"), number),
    "denominator": positive,
    "qualifier": qualifier,
    "per": name,
    **dict.fromkeys(("month", "month2", "season"), whole(1, 12)),
    **dict.fromkeys(("weekday", "weekday2"), whole(0, 6)),
    **dict.fromkeys(("shift", "wshift", "stretch"), DIRECTION),
    **dict.fromkeys(("period", "period2", "period3"), period),
}
"""What a table must hold to be looked up for a named group of a pattern."""

SET_VALUES: dict[str, Check] = {
    "value": number, "factor": number, "shift": DIRECTION, "unit": unit_name, "unit2": name, "unit3": name,
    "qualifier": qualifier,
    "per": name, "period": name, "ambiguous": name,
    "kind": lambda value, pint=False: None if value in KINDS else f"must be one of {', '.join(KINDS)}",
    "relative": lambda value, pint=False: None if isinstance(value, bool) else "must be true or false",
}


def check_rule_id(where: str, rid: Any) -> None:
    """A rule id is shown in every claim and on the terminal: non-empty, printable, one line."""
    if not isinstance(rid, str) or not rid.strip() or not rid.isprintable():
        raise RuleError(f"{where}: a rule id must be a non-empty string of printable characters, not {rid!r}")


def check_set(where: str, constants: dict[str, Any], pint: bool) -> None:
    for key, value in constants.items():
        problem = SET_VALUES[key](value, pint) if key in SET_VALUES else None
        if problem:
            raise RuleError(f"{where}: set.{key} {problem}, not {value!r}")


def check_tables(source: str, text: str, tables: dict[str, dict[str, Any]], pint: bool) -> None:
    """The values a rule file gives each table, by what the code reads from the table of that name."""
    for table, entries in tables.items():
        check = TABLE_VALUES.get(table, any_entry)
        for key, value in entries.items():
            problem = check(value, pint)
            if problem:
                raise RuleError(f"{source}:{table_line(text, table, key)}: [tables.{table}] {key!r} {problem}, not {value!r}")


def check_lookups(where: str, groups: list[str], lookups: dict[str, tuple[str, ...]],
                  tables: dict[str, dict[str, Any]], pint: bool) -> None:
    """The tables a pattern's named groups are looked up in hold what those groups need."""
    for group in groups:
        check = GROUP_VALUES.get(group)
        for table in lookups.get(group, (group,)) if check else ():
            if table in TABLE_VALUES and TABLE_VALUES[table] is check:
                continue  # checked where the table was loaded
            for key, value in tables.get(table, {}).items():
                problem = check(value, pint)
                if problem:
                    raise RuleError(f"{where}: group '{group}' is looked up in table '{table}', whose {key!r} {problem}")


def check_example_date(where: str, date: Any) -> None:
    if date is None:
        return
    try:
        if isinstance(date, str) and EXAMPLE_DATE.fullmatch(date):
            dt.date.fromisoformat(date)
            return
    except ValueError:
        pass
    raise RuleError(f"{where}: an example's date must be \"YYYY-MM-DD\", not {date!r}")


def check_unique(places: dict[str, tuple[str, int, bool, str]], rid: str, source: str, line: int, builtin: bool,
                 what: str = "rule") -> None:
    """A user rule (or frame) may replace a built-in one of the same id; any other repeated id, also a
    rule's id given to a frame (`rules list`, `explain` and the reports name both by id), is an error."""
    earlier = places.get(rid)
    if earlier is not None and not (earlier[2] and not builtin and earlier[3] == what):
        raise RuleError(f"{source}:{line}: {what} id '{rid}' is already used at {earlier[0]}:{earlier[1]}")
    places[rid] = (source, line, builtin, what)


def header_line(text: str, header: str, index: int) -> int:
    """1-based line of the index-th table header (`[[frames]]`) of a rule file."""
    found = places(text, header)
    return line_at(text, found[index] if index < len(found) else 0)


@functools.lru_cache(maxsize=32)
def places(text: str, header: str) -> tuple[int, ...]:
    """The offsets of every occurrence of a table header in a rule file (asked once per table)."""
    return tuple(match.start() for match in re.finditer(re.escape(header), text))


def rule_line(text: str, rid: str, index: int) -> int:
    """1-based line of a rule: of its quoted id, else of its `[[rules]]` header (the index-th)."""
    at = text.find(f'"{rid}"')
    for _ in range(index + 1 if at < 0 else 0):
        at = text.find("[[rules]]", at + 1)
    return line_at(text, max(at, 0))


def id_offset(text: str, fid: str) -> int:
    """Offset of a frame's quoted id in its rule file (0 when absent)."""
    at = quoted_ids(text).get(fid)
    return at if at is not None else max(text.find(f'"{fid}"'), 0)


@functools.lru_cache(maxsize=32)
def quoted_ids(text: str) -> dict[str, int]:
    """The offset of the first quoted value of each `id = "..."` line of a rule file: searching
    the file once per frame cost a start 20 ms."""
    found: dict[str, int] = {}
    for match in re.finditer(r'^\s*id\s*=\s*(")([^"\n]*)"', text, re.MULTILINE):
        found.setdefault(match.group(2), match.start(1))
    return found


def line_at(text: str, at: int) -> int:
    """1-based line of the offset `at` of a rule file."""
    return bisect.bisect_left(newlines(text), at) + 1


@functools.lru_cache(maxsize=32)
def newlines(text: str) -> tuple[int, ...]:
    """The offsets of a rule file's line breaks (read for each of its rules and examples)."""
    return tuple(match.start() for match in re.finditer("\n", text))


def table_line(text: str, table: str, key: str) -> int:
    """1-based line of a key inside `[tables.NAME]` (or of the table, when the key is not found)."""
    header = re.search(rf"^\s*\[\s*tables\s*\.\s*\"?{re.escape(table)}\"?\s*\]", text, re.MULTILINE)
    start = header.start() if header else 0
    at = text.find(key, start)
    at = at if at >= 0 else start
    return text.count("\n", 0, at) + 1


def is_builtin(source: str, builtin_dir: Path) -> bool:
    return Path(source).resolve().is_relative_to(builtin_dir.resolve())
