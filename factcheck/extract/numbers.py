"""Read numerals written in digits or in English words, with the vocabulary from the rule tables.

The rule files own the words (`number_word`, `ordinal_word`, `scale` tables); this module owns only
the arithmetic of putting them together ("two thousand and one hundred" -> 2100, "three fifths"
-> 0.6, "1.3x10^6" -> 1300000). The rules decide which spans are numerals; this module only
reads them, so it accepts more shapes than any one rule lets through.
"""

from __future__ import annotations

import math
import unicodedata

import regex

from factcheck.charforms import foreign_digit
from factcheck.extract.rulebook import Rulebook, fold

MAX_DIGITS = 100  # a numeral with more digits is reported, not read
MAX_FIGURE = 1e308  # ... and so is a value larger than this (a float's range ends at 1.8e308)

SIGN = regex.compile(r"([-+\u2212])\s*(.*)", regex.DOTALL)
# 1,234,567.89 | 1 234 567 (any one space-like separator) | 12,34,567.89 (Indian) | 1.111,11
GROUPED = regex.compile(r"\d{1,3}(?P<sep>[,\s\u00a0\u2009\u202f])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?")
# 475,061.386: comma groups, then a point and exactly three digits, is a fourth group mistyped (OCR)
POINT_GROUP = regex.compile(r"\d{1,3}(?:,\d{3})+\.\d{3}")
INDIAN = regex.compile(r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?")
EUROPEAN = regex.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
PLAIN = regex.compile(r"\d+(?:\.\d+)?|\.\d+")
NOT_DIGIT = regex.compile(r"[^\d]")
NOT_DIGIT_OR_POINT = regex.compile(r"[^\d.]")
# 3/4 | 2 1/4 | 5-1/4 (a whole number joined by a hyphen: only to a proper fraction, else it is a range)
FRACTION = regex.compile(r"(?:(\d+)(\s+|[-\u2010\u2011]))?(\d+)\s*/\s*(\d+)")
VULGAR = regex.compile(r"(\d+)?\s*([\u00bc-\u00be\u2150-\u215e])")
# 1.3x10^6 | 1.1^23 (a power of the base) | 1.2e5; the exponent may carry several signs: ^--23
POWER = regex.compile(r"(?P<base>[\d.,]+?)\s*(?:[x\u00d7*]\s*10\s*\^|(?P<caret>\^)|[eE])\s*(?P<sign>[-+\u2212]*)\s*(?P<exp>\d+)")
# 10⁻³ reads as 10^-3, 10⁶ as 10^6
SUPERSCRIPT_POWER = regex.compile(r"(?<=10)(?=[\u207a\u207b\u2070\u00b9\u00b2\u00b3\u2074-\u2079])")
SUPERSCRIPT = str.maketrans({"\u207b": "-", "\u207a": "+", "\u2070": "0", "\u00b9": "1", "\u00b2": "2", "\u00b3": "3",
                             **{chr(0x2074 + i): str(4 + i) for i in range(6)}})
SUFFIXED = regex.compile(r"(?P<digits>.*\d)\s*(?P<scale>\p{L}+)", regex.DOTALL)
QUOTIENT = regex.compile(r"(?P<num>.+?)\s+(?:(?P<share>out\s+of|in)|over)\s+(?P<den>.+)", regex.DOTALL)
DIGIT_HYPHEN = regex.compile(r"\d\s*[\-\u2010-\u2015]|[\-\u2010-\u2015]\s*\d")
HESITATIONS = frozenset({"uh", "um", "er", "erm", "ah"})  # a speaker's pause inside a number said in words
TOKEN = regex.compile(r"\d[\d.,]*(?<=\d)|[^\s\-\u2010-\u2015,\d]+")
ORDINAL_DIGITS = regex.compile(r"(\d[\d,]*)\s*(?:st|nd|rd|th|d)\.?", regex.IGNORECASE)
JOINERS = {"and", "&"}
NEGATIVE = {"minus", "negative"}
ARTICLES = {"a", "an"}  # "a hundred" = 100
HALVES = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
BIG = 1000  # scale words from here up close a group: "two million three hundred"


class TooLarge(Exception):
    """A figure beyond MAX_DIGITS or MAX_FIGURE: reported as such, not computed."""


def check_digits(text: str) -> None:
    """TooLarge when `text` holds more than MAX_DIGITS digits."""
    if len(text) > MAX_DIGITS and sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        raise TooLarge(f"has more than {MAX_DIGITS} digits")


def parse_number(text: str, book: Rulebook) -> float | int | None:
    """The value of a numeral ("3,500", "1.2", "3/4", "10k", "twenty-five", "three fifths"), or None."""
    text = text.strip()
    if not text or foreign_digit(text):
        return None
    check_digits(text)
    quotient = QUOTIENT.fullmatch(text)
    if quotient:
        return divide(parse_number(quotient["num"], book), parse_number(quotient["den"], book), bool(quotient["share"]))
    value = parse_digits(text)
    if value is None:
        value = suffixed(text, book)
    if value is None:
        value = parse_words(text, book)
    return value


def divide(numerator: float | None, denominator: float | None, share: bool) -> float | int | None:
    """A quotient; "3 in 10" and "3 out of 10" are shares, so the part may not exceed the whole."""
    if numerator is None or not denominator or (share and not 0 <= numerator <= denominator):
        return None
    return tidy(numerator / denominator)


def parse_digits(text: str) -> float | int | None:
    """A numeral in digits, with an optional sign: grouped, a fraction, a power or a vulgar fraction."""
    signed = SIGN.fullmatch(text)
    sign, body = (-1 if signed[1] in "-\u2212" else 1, signed[2]) if signed else (1, text)
    value = unsigned_digits(body.strip())
    return None if value is None else tidy(sign * value)


def unsigned_digits(body: str) -> float | None:
    if match := FRACTION.fullmatch(body):
        whole, joint, num, den = match.groups()
        if not int(den) or (joint and joint.strip() and int(num) >= int(den)):
            return None
        return int(whole or 0) + int(num) / int(den)
    if match := VULGAR.fullmatch(body):
        return int(match[1] or 0) + unicodedata.numeric(match[2])
    if match := POWER.fullmatch(SUPERSCRIPT_POWER.sub("^", body).translate(SUPERSCRIPT)):
        return power(match)
    return plain_digits(body)


def plain_digits(body: str) -> float | None:
    if PLAIN.fullmatch(body):
        return float(body)
    if POINT_GROUP.fullmatch(body):
        return float(NOT_DIGIT.sub("", body))
    if GROUPED.fullmatch(body) or INDIAN.fullmatch(body):
        return float(NOT_DIGIT_OR_POINT.sub("", body))
    if EUROPEAN.fullmatch(body):
        return float(body.replace(".", "").replace(",", "."))
    return None


def power(match: regex.Match) -> float | None:
    base = plain_digits(match["base"])
    if base is None:
        return None
    exponent = int(match["exp"]) * (-1 if (match["sign"].count("-") + match["sign"].count("\u2212")) % 2 else 1)
    try:
        return base ** exponent if match["caret"] else base * 10.0 ** exponent
    except ZeroDivisionError:
        return None
    except OverflowError:
        raise TooLarge("is larger than 1e308") from None


def suffixed(text: str, book: Rulebook) -> float | int | None:
    """Digits with a scale word or abbreviation of table `scale`: 10k, 1.2b, - 10 k, 2mil."""
    match = SUFFIXED.fullmatch(text)
    if not match:
        return None
    value, scale = parse_digits(match["digits"]), book.lookup("scale", match["scale"])
    return None if value is None or scale is None else tidy(value * scale)


def tidy(value: float) -> float | int:
    """15 significant digits, the most a float keeps (8.2 × 1e6 is 8200000, not 8199999.999999999; $23,977,450,553.54
    keeps its cents); whole values as ints.

    TooLarge past MAX_FIGURE: no figure of a text is infinite.
    """
    if not math.isfinite(value) or abs(value) > MAX_FIGURE:
        raise TooLarge("is larger than 1e308")
    if value == 0:
        return value
    value = float(f"{value:.15g}")
    return int(value) if value == int(value) and abs(value) < 1e18 else value


def parse_words(text: str, book: Rulebook) -> float | int | None:
    """Sum and multiply English number words (digits may stand in for some); None when a token is not one."""
    if DIGIT_HYPHEN.search(text):
        return None  # "5-6", "1950-53": a range, not one numeral
    tokens = [t for t in (fold(t) for t in TOKEN.findall(text)) if t and t not in HESITATIONS]
    sign = 1
    if tokens and tokens[0] in NEGATIVE:
        sign, tokens = -1, tokens[1:]
    if "point" in tokens:
        value = point_value(tokens, book)
    elif any(denominator(t, book) for t in tokens):
        value = fraction_value(tokens, book)
    else:
        value = words_value(tokens, book)
    return None if value is None else tidy(sign * value)


def point_value(tokens: list[str], book: Rulebook) -> float | None:
    """"three point five", "nought point nought three", "one point oh four billion" (a spoken zero), and a word
    of two digits as the decimals: "one point seventy-five million"."""
    at = tokens.index("point")
    whole = words_value(tokens[:at], book) if at else 0
    digits, scale = [], 1.0
    for token in tokens[at + 1:]:
        value = 0 if token == "oh" else word_value(token, book)
        if isinstance(value, int) and value <= 9 and scale == 1 and token not in ARTICLES:
            if len(digits) == 1 and len(digits[0]) == 2 and digits[0].endswith("0") and value:
                digits[0] = digits[0][0] + str(value)  # "point seventy-one": the tens and units of one two-digit word
            else:
                digits.append(str(value))
        elif isinstance(value, int) and 10 <= value <= 99 and not digits and scale == 1:
            digits.append(str(value))  # "one point seventy-five million", "point fifteen"
        elif value is not None and value >= BIG and digits:
            scale *= value
        else:
            return None
    if whole is None or not digits:
        return None
    return float(f"{int(whole)}." + "".join(digits)) * scale


def word_value(token: str, book: Rulebook) -> float | None:
    if token in ARTICLES:
        return 1
    if token[0].isdigit():
        return plain_digits(token)
    return book.lookup("number_word", token)


def words_value(tokens: list[str], book: Rulebook) -> float | None:
    """The value of number words; two numbers below a hundred said in a row that make no single one are
    said as pairs of digits ("two sixty-four" 264, "one ninety" 190, "nineteen seventy-three" 1973)."""
    total, current, seen, biggest, tail = 0.0, 0.0, False, 0.0, 0.0
    for token in tokens:
        if token in JOINERS:
            continue
        value = word_value(token, book)
        if value is None and seen:
            value = book.lookup_in(("count_multiplier", "scale"), token) if len(token) > 2 else None
        if value is None:
            return None
        seen = True
        if token.isalpha() and value in (100, 12) and token != "twelve":
            current, tail = (current or 1) * value, 0.0
        elif value >= BIG:
            total, current = grouped(total, current, value, biggest)
            biggest, tail = max(biggest, value), 0.0
        elif tail and not (token.isalpha() and follows(tail, value)):
            current, tail = current * 100 + value, value
        else:
            current, tail = current + value, tail + value
    return total + current if seen else None


def follows(tail: float, value: float) -> bool:
    """Whether a number word of `value` goes on one below a hundred that is `tail` so far: only a unit after a tens ("forty-two")."""
    return tail >= 20 and tail % 10 == 0 and value < 10


def grouped(total: float, current: float, scale: float, biggest: float) -> tuple[float, float]:
    """Close a group with a big scale word; a scale right after another multiplies it (lakh crore), and
    so does one bigger than every scale before it ("thirty-eight thousand five hundred crore" is 38,500 crore)."""
    if total and (current == 0 or scale > biggest):
        return (total + current) * scale, 0.0
    return total + (current or 1) * scale, 0.0


def denominator(token: str, book: Rulebook) -> int | None:
    """The denominator a word names: half, quarters, fifths, hundredth (first and second only joined)."""
    if token in HALVES:
        return HALVES[token]
    found = book.lookup("ordinal_word", token)
    if found is None and token.endswith("s"):
        found = book.lookup("ordinal_word", token[:-1])
    return None if found is None else int(found)


def fraction_value(tokens: list[str], book: Rulebook) -> float | None:
    """A whole part, a numerator and a denominator word, then an optional scale.

    "one and a half", "twenty and three fifths", "a twenty-first", "three quarters million",
    "half a dozen", "two thirds of a million", "one million and a half" (a fraction right
    after a big scale word is a fraction of that scale).
    """
    at = max(i for i, t in enumerate(tokens) if denominator(t, book))
    head, tail = tokens[:at], tokens[at + 1:]
    den = ordinal_denominator(head, tokens[at], book)
    if den is None:
        return None
    value, head = den
    split = max((i for i, t in enumerate(head) if t in JOINERS), default=-1)
    whole_tokens, num_tokens = head[:split] if split >= 0 else [], head[split + 1:]
    numerator = words_value(num_tokens, book) if num_tokens else 1
    whole = words_value(whole_tokens, book) if whole_tokens else 0
    scale = tail_scale(tail, book)
    if numerator is None or whole is None or scale is None:
        return None
    part = numerator / value
    closing = book.lookup("number_word", whole_tokens[-1]) if whole_tokens else None
    if closing is not None and closing >= BIG:
        return whole + part * (scale if tail else closing)
    return (whole + part) * scale


def ordinal_denominator(head: list[str], token: str, book: Rulebook) -> tuple[int, list[str]] | None:
    """The denominator, joined with a tens word before it ("twenty-firsts") when a number comes first."""
    value = denominator(token, book)
    if value is None:
        return None
    tens = book.lookup("number_word", head[-1]) if head else None
    joins = tens in (20, 30, 40, 50, 60, 70, 80, 90) and value < 10 and (
        value < 3 or (len(head) > 1 and head[-2] not in JOINERS))
    if joins:
        return int(tens) + value, head[:-1]
    if value < 3 and token not in HALVES:
        return None  # "first", "seconds": not a denominator on their own
    return value, head


def tail_scale(tail: list[str], book: Rulebook) -> float | None:
    """What follows a fraction: "million", "a dozen", "of a million"."""
    scale = 1.0
    for token in tail:
        if token in ARTICLES or token == "of":
            continue
        value = book.lookup("number_word", token) or book.lookup("scale", token)
        if value is None or value < 12:
            return None
        scale *= value
    return scale


def parse_ordinal(text: str, book: Rulebook) -> int | None:
    """The value of "70th", "2nd", "second", "twenty-first", "one hundredth"."""
    text = text.strip()
    if foreign_digit(text):
        return None
    check_digits(text)
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
