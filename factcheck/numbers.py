"""Read numerals written in digits or in English words, with the vocabulary from the rule tables.

The rule files own the words (`number_word`, `ordinal_word` tables); this module owns only
the arithmetic of putting them together ("two thousand and one hundred" -> 2100).
"""

from __future__ import annotations

import regex

from factcheck.rulebook import Rulebook, fold

FRACTION = regex.compile(r"(?:(\d+)\s+)?(\d+)\s*/\s*(\d+)")
ORDINAL_DIGITS = regex.compile(r"(\d[\d,]*)\s*(?:st|nd|rd|th|d)\.?", regex.IGNORECASE)
TOKEN = regex.compile(r"[^\s\-\u2010-\u2015,]+")
JOINERS = {"and", "&"}
NEGATIVE = {"minus", "negative"}
ARTICLES = {"a", "an"}  # "a hundred" = 100


def parse_number(text: str, book: Rulebook) -> float | int | None:
    """The value of a numeral ("3,500", "1.2", "3/4", "twenty-five", "a hundred"), or None."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit() or text[0] in "+-\u2212.":
        return parse_digits(text)
    return parse_words(text, book)


def parse_digits(text: str) -> float | int | None:
    fraction = FRACTION.fullmatch(text)
    if fraction:
        whole, num, den = fraction.groups()
        if int(den) == 0:
            return None
        return tidy(int(whole or 0) + int(num) / int(den))
    sign = -1 if text[0] in "-\u2212" else 1
    body = regex.sub(r"[\s,+\-\u2212]", "", text)
    if not regex.fullmatch(r"\d*(?:\.\d+)?", body) or body in ("", "."):
        return None
    return tidy(sign * float(body)) if "." in body else sign * int(body)


def tidy(value: float) -> float | int:
    """Whole floats become ints so that 9e6 reads as 9000000; others are rounded to 12 digits."""
    if value == int(value) and abs(value) < 1e18:
        return int(value)
    return round(value, 12)


def parse_words(text: str, book: Rulebook) -> float | int | None:
    """Sum and multiply English number words; None when a token is not a number word."""
    tokens = [fold(t) for t in TOKEN.findall(text)]
    sign = 1
    if tokens and tokens[0] in NEGATIVE:
        sign, tokens = -1, tokens[1:]
    if "point" in tokens:
        at = tokens.index("point")
        whole = words_value(tokens[:at], book) if at else 0
        decimals = [book.lookup("number_word", t) for t in tokens[at + 1:]]
        if whole is None or not decimals or any(not isinstance(d, int) or d > 9 for d in decimals):
            return None
        return tidy(sign * float(f"{int(whole)}." + "".join(str(d) for d in decimals)))
    value = words_value(tokens, book)
    return None if value is None else tidy(sign * value)


def words_value(tokens: list[str], book: Rulebook) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for token in tokens:
        if token in JOINERS:
            continue
        value = 1 if token in ARTICLES else book.lookup("number_word", token)
        if value is None:
            value = parse_digits(token) if token[0].isdigit() else None
        if value is None:
            return None
        seen = True
        if value in (100, 12) and token not in ("twelve",):
            current = (current or 1) * value
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    return total + current if seen else None


def parse_ordinal(text: str, book: Rulebook) -> int | None:
    """The value of "70th", "2nd", "second", "twenty-first", "one hundredth"."""
    text = text.strip()
    digits = ORDINAL_DIGITS.fullmatch(text)
    if digits:
        return int(digits.group(1).replace(",", ""))
    tokens = [fold(t) for t in TOKEN.findall(text)]
    if not tokens:
        return None
    last = book.lookup("ordinal_word", tokens[-1])
    if last is None:
        return None
    if len(tokens) == 1:
        return int(last)
    head = words_value(tokens[:-1], book)
    if head is None:
        return None
    return int(head * last) if last >= 100 else int(head + last)
