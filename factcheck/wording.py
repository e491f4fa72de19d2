"""Figures in words for explanations and messages: '$6.50B', '112 million', '12.0%'.

The checker writes its arithmetic as data (`explanation`, `message`); this is the one
place that decides how a number reads there.
"""

from __future__ import annotations

import math

import regex

from factcheck.intervals import Interval

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩", "INR": "₹", "CNY": "CN¥"}
SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"))
UNIT_WORDS = {"percent": "%", "percentage_point": " points"}
POWER = regex.compile(r" \*\* ([2-9])")
SUPERSCRIPT = dict(zip("23456789", "²³⁴⁵⁶⁷⁸⁹"))


def number(value: float) -> str:
    """Three significant figures, scale letters from a million up."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "−∞"
    for size, letter in SCALES:
        if abs(value) >= size:
            return significant(value / size) + letter
    if float(value).is_integer():
        return f"{int(value):,}"
    return significant(value)


def significant(value: float) -> str:
    """Three significant figures without scientific notation (999.6 reads as 1,000)."""
    text = f"{value:.3g}"
    return f"{float(text):,.0f}" if "e" in text else text


def figure(value: float | int | None, unit: str | None) -> str:
    if value is None:
        return "?"
    value = float(value)
    if unit in SYMBOLS:
        return ("−" if value < 0 else "") + SYMBOLS[unit] + number(abs(value))
    if unit and len(unit) == 3 and unit.isupper():
        return f"{unit} {number(value)}"
    if unit in UNIT_WORDS:
        return f"{value:.3g}{UNIT_WORDS[unit]}"
    if unit:
        return f"{number(value)} {unit_words(unit)}"
    return number(value)


def unit_words(unit: str) -> str:
    """A pint unit name as text: "cubic_yard" stays words, "yard ** 3" becomes "yard³"."""
    return POWER.sub(lambda m: SUPERSCRIPT[m.group(1)], unit.replace("_", " "))


def interval_words(found: Interval, unit: str | None) -> str:
    return f"between {figure(found.low, unit)} and {figure(found.high, unit)}"
