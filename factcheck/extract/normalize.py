"""Turn the named groups of a rule match into a normalized value, unit, range and qualifier.

Group names have fixed meanings (documented in rules/README.md): `amount`, `low`, `high`
(numerals), `scale`/`low_scale`/`high_scale` (scale words), `cents`, `currency`, `unit`,
`multiplier`, `ordinal`, `qualifier`, `per`, and the date groups handled in `dates`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import regex

from factcheck.extract import dates, units
from factcheck.extract.normalized import NoValue, Normalized
from factcheck.extract.numbers import check_digits, parse_number, parse_ordinal, tidy
from factcheck.extract.rulebook import Rule, Rulebook, fold


def normalize(rule: Rule, groups: dict[str, str], book: Rulebook, doc_date: dt.date | None) -> Normalized:
    """Interpret one match; raises NoValue when its numerals do not parse, TooLarge past the size limits."""
    for text in groups.values():
        check_digits(text)
    consts = rule.constants
    kind = consts.get("kind", rule.kind)
    if kind == "date":
        result = dates.normalize(groups, consts, book, doc_date, rule.lookup)
    elif consts.get("relative"):
        result = Normalized(kind=kind, value=None, unit=consts.get("unit"), extra={"relative": True})
    else:
        result = numeric(kind, groups, consts, book, rule.lookup)
    if "qualifier" in groups:
        result.qualifier = looked_up(book, "qualifier", groups["qualifier"])
    if "qualifier" in consts:
        result.qualifier = consts["qualifier"]
    per = groups.get("per")
    if per or "per" in consts:
        result.extra["per"] = consts.get("per") or (book.lookup_in(rule.lookup.get("per", ("per",)), per) if per else None)
    if "ambiguous" in consts:
        result.extra["ambiguous"] = consts["ambiguous"]
    return result


FULL_SIZE = 100  # a range's low end this many times its high end's numeral is told in full, not in the high end's scale


def numeric(kind: str, groups: dict[str, str], consts: dict[str, Any], book: Rulebook,
            tables: dict[str, tuple[str, ...]]) -> Normalized:
    factor = consts.get("factor", 1)
    unit, unit_note = unit_of(groups, consts, book, tables)
    result = Normalized(kind=kind, value=None, unit=unit)
    settled = in_context(groups, book) if unit_note or unit is None else None
    if settled:
        result.unit, unit_note = settled
        result.extra["currency_context"] = f"{fold(groups['country'])!r} in the sentence"
    if unit_note:
        result.extra["ambiguous"] = unit_note
    if "low" in groups and "high" in groups:
        high_scale = scale_of(book, groups.get("high_scale") or groups.get("scale"))
        low_scale = scale_of(book, groups.get("low_scale")) if groups.get("low_scale") else high_scale
        low, high = number(groups["low"], book), number(groups["high"], book)
        if not groups.get("low_scale") and low >= FULL_SIZE * high and low * low_scale > high * high_scale:
            low_scale = 1  # "$189,000 to $1.2 million": the low end states its size in full; "9 to 11 million" does not
        low, high = low * low_scale * factor, high * high_scale * factor
        result.low, result.high = tidy(low), tidy(high)
        result.value = tidy((low + high) / 2)
        return result
    value = single_value(groups, consts, book, tables) * factor
    for part in ("2", "3"):  # a unit word the match states, or one the rule sets ("2:07:52": hours, minutes, seconds)
        word = groups.get("unit" + part) or consts.get("unit" + part)
        if groups.get("amount" + part) and word and result.unit:
            value, result.unit = compound(value, result.unit, groups["amount" + part], word, book, tables)
    result.value = tidy(value)
    if groups.get("tolerance"):
        spread = number(groups["tolerance"], book) * factor
        result.low, result.high = tidy(value - spread), tidy(value + spread)
    return result


def compound(value: float, unit: str, amount: str, unit_word: str, book: Rulebook,
             tables: dict[str, tuple[str, ...]]) -> tuple[float, str]:
    """ "6 feet 2 inches", "4 years and 6 months": one figure in the smaller of its two units (74 inches, 54 months).

    A third part ("2 yards, 7 feet and 10 inches") is added the same way to the figure of the first two."""
    unit_of_part = part_unit(book, tables.get("unit", ("unit",)), unit_word)
    ratio = units.factor(unit_of_part, unit) if unit_of_part else None
    if ratio is None:
        raise NoValue(unit_word)
    part = number(amount, book)
    if ratio >= 1:
        return value + part * ratio, unit
    return value / ratio + part, unit_of_part


def single_value(groups: dict[str, str], consts: dict[str, Any], book: Rulebook, tables: dict[str, tuple[str, ...]]) -> float:
    if "value" in consts:
        return consts["value"]
    if "multiplier" in groups:
        found = book.lookup_in(tables.get("multiplier", ("multiplier_word",)), groups["multiplier"])
        if found is None:
            raise NoValue(groups["multiplier"])
        return found
    if "denominator" in groups:
        denominator = book.lookup_in(tables.get("denominator", ("fraction_word",)), groups["denominator"])
        numerator = 1 if fold(groups.get("numerator", "a")) in ("a", "an") else number(groups["numerator"], book)
        if not denominator:
            raise NoValue(groups["denominator"])
        return numerator / denominator
    if "ordinal" in groups:
        found = parse_ordinal(groups["ordinal"], book)
        if found is None:
            raise NoValue(groups["ordinal"])
        return found
    value = number(groups.get("amount", ""), book) * scale_of(book, groups.get("scale"))
    if groups.get("cents"):
        value += number(groups["cents"], book) / 100
    return value


def number(text: str, book: Rulebook) -> float:
    value = parse_number(text, book)
    if value is None:
        raise NoValue(text)
    return value


def scale_of(book: Rulebook, word: str | None) -> float:
    if not word:
        return 1
    found = book.lookup("scale", word)
    if found is None:
        raise NoValue(word)
    return found


def unit_of(groups: dict[str, str], consts: dict[str, Any], book: Rulebook,
            tables: dict[str, tuple[str, ...]]) -> tuple[str | None, str | None]:
    """The unit a match states, and a note when the unit word is ambiguous."""
    if "unit" in consts:
        return consts["unit"], None
    for group in ("currency", "unit"):
        if groups.get(group):
            found = book.lookup_in(tables.get(group, (group,)), groups[group])
            if isinstance(found, dict):
                return found.get("unit"), found.get("ambiguous")
            if found is None:
                found = compound_unit(book, tables.get(group, (group,)), groups[group])
            if found is None:
                raise NoValue(groups[group])
            return found, None
    return None, None


COMPOUND_SPLIT = regex.compile(r"\s*/\s*|\s+per\s+", regex.IGNORECASE)
POWERS = {"²": 2, "³": 3, "2": 2, "3": 3}


def compound_unit(book: Rulebook, tables: tuple[str, ...], text: str) -> str | None:
    """A unit over a unit ("kg/m³", "megabytes per second") as pint's expression, each part from the tables."""
    parts = COMPOUND_SPLIT.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    top, bottom = (part_unit(book, tables, part) for part in parts)
    if top is None or bottom is None:
        return None
    return units.canonical(f"({top}) / ({bottom})")


def part_unit(book: Rulebook, tables: tuple[str, ...], text: str) -> str | None:
    """One side of a compound unit; a trailing ² or ³ raises it to that power."""
    found = book.lookup_in(tables, text)
    if found is None and text[-1:] in POWERS:
        base = part_unit(book, tables, text[:-1])
        found = f"({base}) ** {POWERS[text[-1]]}" if base else None
    if isinstance(found, dict):
        found = found.get("unit")
    return found if isinstance(found, str) else None


def in_context(groups: dict[str, str], book: Rulebook) -> tuple[str, None] | None:
    """The currency a word of the sentence picks for an ambiguous name ("dirhams" with "Morocco": MAD)."""
    name, word = groups.get("currency"), groups.get("country")
    if not name or not word:
        return None
    found = currency_in_country(book, name, word)
    return (found, None) if found is not None else None


def currency_in_country(book: Rulebook, name: str, word: str) -> str | None:
    """The currency that table `currency_in_country` makes of an ambiguous name beside a word ("dirhams", "Morocco": MAD)."""
    found = book.lookup("currency_in_country", f"{fold(name)} {fold(word)}")
    return found if isinstance(found, str) else None


def looked_up(book: Rulebook, table: str, key: str | None) -> Any:
    return book.lookup(table, key) if key else None
